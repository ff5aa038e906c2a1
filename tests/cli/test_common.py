"""The one error path: a user's mistake is one Chinese line on stderr and exit status 2, never a
traceback; and the shared argument types."""

import argparse
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from inspector_app import cli
from inspector_app.cli import common
from inspector_app.storage.db import StorageError

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def raising(error):
    def handler(args):
        raise error
    return handler


@pytest.mark.parametrize("error, expected", [
    (ValueError("请填写隐患描述。"), "错误：请填写隐患描述。"),
    (StorageError("无法打开数据库“x”：file is not a database。\n文件可能已损坏"), "无法打开数据库“x”"),
    (RuntimeError("导出失败。"), "导出失败"),
    (FileNotFoundError(2, "No such file or directory", "a/b.xlsx"), "找不到文件或文件夹“a/b.xlsx”"),
    (PermissionError(13, "Permission denied", "out.xlsx"), "没有权限读写“out.xlsx”"),
    (IsADirectoryError(21, "Is a directory", "out"), "“out”是文件夹"),
    (OSError(28, "No space left on device"), "文件操作失败：No space left on device"),
    (OSError(5, "Input/output error", "/media/usb/x.pdf"), "无法读写“/media/usb/x.pdf”"),
], ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None)
def test_a_user_mistake_is_one_chinese_line_on_stderr_and_exit_2(capsys, error, expected):
    assert common.run(raising(error), argparse.Namespace()) == common.USAGE_ERROR == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("错误：") and expected in err
    assert err.count("\n") == 1 and err.endswith("\n")
    assert CHINESE.search(err.removeprefix("错误："))
    assert "Traceback" not in err


def test_a_bug_keeps_its_traceback():
    with pytest.raises(KeyError):
        common.run(raising(KeyError("state")), argparse.Namespace())


def test_a_closed_pipe_stops_quietly(capsys):
    assert common.run(raising(BrokenPipeError(32, "Broken pipe")), argparse.Namespace()) == 1
    assert capsys.readouterr().err == ""


def test_number_and_date_types():
    assert common.number("年份")(" 2026 ") == 2026
    with pytest.raises(argparse.ArgumentTypeError, match="年份应为数字，实为“二〇二六”"):
        common.number("年份")("二〇二六")
    assert common.iso_date("截止日期")("2026-03-31") == date(2026, 3, 31)
    with pytest.raises(argparse.ArgumentTypeError, match="截止日期格式不正确"):
        common.iso_date("截止日期")("31/3/2026")


def test_a_bad_number_on_the_command_line_is_explained_in_chinese(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["search", "jy", "--limit", "many"])
    assert e.value.code == 2
    assert "条数应为数字" in capsys.readouterr().err


def test_main_routes_errors_through_common(tmp_path, capsys):
    db = str(tmp_path / "t.sqlite")
    assert cli.main(["--db", db, "import", str(tmp_path / "missing.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("not a database", encoding="utf-8")
    assert cli.main(["info", "--db", str(not_a_db)]) == 2
    assert "无法打开数据库" in capsys.readouterr().err


def test_permission_error_from_a_command(tmp_path, capsys, monkeypatch):
    from inspector_app.reports import registry_xlsx

    def refuse(store, path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(registry_xlsx, "export_registry", refuse)
    from inspector_app.storage import open_db

    open_db(tmp_path / "t.sqlite", create=True).close()
    assert cli.main(["export", "--db", str(tmp_path / "t.sqlite"), "ledger.xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：没有权限读写“ledger.xlsx”") and err.count("\n") == 1


def test_no_traceback_in_a_real_process(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00" * 4096)
    run = subprocess.run([sys.executable, "-m", "inspector_app.cli", "info", "--db", str(bad)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("错误：") and "Traceback" not in run.stderr
