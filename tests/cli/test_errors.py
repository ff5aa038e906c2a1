"""The command line under hostile input, as a real process: every expected failure exits 2 with
one Chinese line on stderr and no traceback, and leaves nothing written."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.storage import open_db, township
from tests.importers import hostile_xlsx as hx
from tests.storage.hostile.mounts import remount_ro, tiny_fs  # noqa: F401 — fixtures
from tests.storage.hostile.test_hostile_database import hold_lock

ROOT = Path(__file__).resolve().parent.parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def inspector(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app.cli", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


def fails_in_chinese(run: subprocess.CompletedProcess, *needles: str) -> str:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "Error:" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and CJK.search(lines[0]), run.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def township_db(tmp_path) -> Path:
    db = tmp_path / "township.sqlite"
    s = open_db(db, create=True)
    township.save_village(s, township.Village(name="璜土村"))
    s.close()
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db: Path) -> int:
    from tests.fixtures.crypt import connect

    conn = connect(db)  # the CLI encrypted it
    try:
        return conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    finally:
        conn.close()


def test_a_mistyped_database_path_is_not_created(tmp_path):
    missing = tmp_path / "inspectr.sqlite"
    fails_in_chinese(inspector("--db", str(missing), "info"), "找不到文件", "inspector demo")
    assert not missing.exists()


def test_another_apps_database_is_refused_untouched(tmp_path):
    other = tmp_path / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contact (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    fails_in_chinese(inspector("--db", str(other), "info"), "不是本软件的数据库")
    assert digest(other) == before


def test_a_newer_database_is_refused_untouched(township_db):
    conn = sqlite3.connect(township_db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('inspector', 'm900_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = digest(township_db)
    fails_in_chinese(inspector("--db", str(township_db), "info"), "更新版本")
    assert digest(township_db) == before


def test_a_read_only_database_is_named(remount_ro):  # noqa: F811
    folder, make_read_only = remount_ro
    db = folder / "inspector.sqlite"
    open_db(db, create=True).close()
    make_read_only()
    fails_in_chinese(inspector("--db", str(db), "info"), "只读")


@pytest.mark.parametrize("kind", ["bomb", "truncated", "not-xlsx", "missing"])
def test_a_hostile_import_file_exits_2_and_writes_nothing(township_db, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    if kind == "bomb":
        hx.workbook(path, shared=hx.shared_strings_stream(10_000_000))
    elif kind == "truncated":
        whole = hx.good_sheet(300)
        hx.workbook(path, sheet=whole[: len(whole) // 2])
    elif kind == "not-xlsx":
        path.write_text("企业名称,地址\n某厂,某路\n", encoding="utf-8")
    before = count(township_db)
    message = fails_in_chinese(inspector("--db", str(township_db), "import", str(path)))
    assert path.name in message
    assert count(township_db) == before


def test_an_import_on_a_full_disk_names_it_and_writes_nothing(tiny_fs, tmp_path):  # noqa: F811
    import os

    db = tiny_fs / "inspector.sqlite"
    s = open_db(db, create=True)
    township.save_village(s, township.Village(name="璜土村"))
    s.close()
    xlsx = hx.workbook(tmp_path / "list.xlsx", sheet=hx.good_sheet(300, name="江阴市满盘{i}号" + "长" * 60 + "厂"))
    st = os.statvfs(tiny_fs)
    (tiny_fs / "filler").write_bytes(b"\0" * max(0, st.f_bavail * st.f_frsize - 16 * 1024))
    fails_in_chinese(inspector("--db", str(db), "import", str(xlsx)), "磁盘空间已满")
    (tiny_fs / "filler").unlink()  # room again, to look
    assert count(db) == 0


def test_a_database_held_by_another_process_is_named_not_locked(township_db, tmp_path):
    xlsx = hx.workbook(tmp_path / "list.xlsx", sheet=hx.good_sheet(20))
    holder = hold_lock(township_db)  # another window in the middle of a write, and it stays there
    try:
        line = fails_in_chinese(inspector("--db", str(township_db), "import", str(xlsx)), "占用")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert "locked" not in line
    assert count(township_db) == 0


def test_an_export_to_a_missing_folder_is_explained(township_db, tmp_path):
    fails_in_chinese(inspector("--db", str(township_db), "export", str(tmp_path / "no" / "ledger.xlsx")), "不存在")
