"""inspector county …: the commands, their Chinese output, and exit status 2 without a traceback
for every user mistake (on both engines)."""

from __future__ import annotations

import socket

import pytest

from inspector_app.cli import main

from .helpers import key_file, laptop_bundle, make_laptop

# Received-at dates, acknowledgements and 'silent for a month' read today: rerun on the pinned days.
pytestmark = pytest.mark.calendar


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_the_quarterly_cycle_on_the_command_line(county_target, tmp_path, capsys):
    a = make_laptop(tmp_path / "a.sqlite", "A1")
    try:
        db = ("--db", county_target)
        code, out, _ = run(capsys, "county", "init", *db, "--name", "江阴市应急管理局", "--photos", str(tmp_path / "ph"))
        assert code == 0 and "指纹" in out
        code, out, _ = run(capsys, "county", "init", *db)
        assert code == 0 and "已存在" in out
        code, out, _ = run(capsys, "county", "key", *db, "--out", str(tmp_path / "county.json"))
        assert code == 0 and (tmp_path / "county.json").exists()
        code, out, _ = run(capsys, "county", "key", *db)
        assert out.startswith("ed25519:")
        kf = key_file(a, tmp_path / "a.json")
        code, out, _ = run(capsys, "county", "enrol", *db, str(kf))
        assert code == 0 and "已登记：璜土镇 设备“A1”" in out
        bundle = laptop_bundle(a, tmp_path / "a.tsobundle")
        code, out, _ = run(capsys, "county", "merge", *db, str(bundle))
        assert code == 0 and out.startswith("✓ a.tsobundle：璜土镇 A1 序号1，新增")
        code, out, _ = run(capsys, "county", "merge", *db, str(tmp_path / "*.tsobundle"))  # as cmd passes it
        assert code == 0 and "已合并过" in out
        code, out, _ = run(capsys, "county", "return", *db, "--township", "璜土镇", "--out", str(tmp_path / "r.tsobundle"))
        assert code == 0 and "序号1" in out and (tmp_path / "r.tsobundle").exists()
        code, out, _ = run(capsys, "county", "conflicts", *db)
        assert code == 0 and out.strip() == "没有待处理的冲突。"
        code, out, _ = run(capsys, "county", "report", *db)
        assert code == 0 and "A1：收到1个数据包" in out
        # --db before the area works as well
        code, out, _ = run(capsys, "--db", county_target, "county", "report")
        assert code == 0 and "A1：收到1个数据包" in out
    finally:
        a.close()


def test_user_mistakes_exit_2_with_one_chinese_line(county_target, tmp_path, capsys):
    db = ("--db", county_target)
    code, _, err = run(capsys, "county", "report")
    assert code == 2 and "请用 --db 指定县局汇总库" in err
    code, _, err = run(capsys, "county", "report", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "找不到文件" in err
    assert run(capsys, "county", "init", *db)[0] == 0
    junk = tmp_path / "junk.tsobundle"
    junk.write_bytes(b"PK\x03\x04 not really a bundle")
    code, _, err = run(capsys, "county", "merge", *db, str(junk))
    assert code == 2 and "尚未登记任何乡镇电脑" in err
    a = make_laptop(tmp_path / "a.sqlite", "A1", history=False)
    try:
        run(capsys, "county", "enrol", *db, str(key_file(a, tmp_path / "a.json")))
        good = laptop_bundle(a, tmp_path / "good.tsobundle")
        code, out, err = run(capsys, "county", "merge", *db, str(junk), str(good))
        assert code == 2 and "✗" in err and "已损坏或不完整" in err and "其余已合并" in err
        assert "✓ good.tsobundle" in out
    finally:
        a.close()
    code, _, err = run(capsys, "county", "return", *db, "--township", "无此镇", "--out", str(tmp_path / "x"))
    assert code == 2 and "没有登记过“无此镇”" in err
    code, _, err = run(capsys, "county", "enrol", *db, str(tmp_path / "missing.json"))
    assert code == 2 and "无法读取密钥文件" in err


def test_an_unreachable_postgresql_is_named_plainly(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, "county", "report", "--db", f"postgresql://county:secret@127.0.0.1:{port}/county")
    assert code == 2 and "无法连接 PostgreSQL 数据库" in err
    assert "secret" not in err  # the password is never printed


@pytest.mark.parametrize("argv", [["county"], ["county", "merge"]])
def test_missing_arguments_are_argparse_errors(argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
