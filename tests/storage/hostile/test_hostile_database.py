"""The database file under hostile or unlucky conditions: refused without a byte written when it is
not ours or newer, never created by mistake, read-only / disk full / locked named as such, and
private to the user."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_db, township
from inspector_app.storage.errors import (DatabaseBusyError, DatabaseMissingError, DiskFullError,
                                          NewerSchemaError, NotOurDatabaseError, ReadOnlyDatabaseError,
                                          StorageError, translate)
from tests.fixtures.make_xlsx import code

ROOT = Path(__file__).resolve().parents[3]
POSIX = os.name != "nt"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def new_db(path: Path) -> Path:
    open_db(path, create=True).close()
    return path


# -- a path that does not exist ----------------------------------------------------------------

def test_a_missing_file_is_not_created_unless_asked(tmp_path):
    target = tmp_path / "typo" / "inspectr.sqlite"
    with pytest.raises(DatabaseMissingError, match="找不到文件") as err:
        open_db(target)
    assert "inspector demo" in str(err.value)
    assert not target.exists() and not target.parent.exists()
    s = open_db(target, create=True)  # the wizard / demo ask for a new one
    assert s.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    s.close()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StorageError, match="是文件夹"):
        open_db(tmp_path)


# -- privacy -----------------------------------------------------------------------------------

@pytest.mark.skipif(not POSIX, reason="POSIX modes; Windows relies on the per-user profile ACL")
def test_a_new_database_and_its_folders_are_private(tmp_path):
    db = tmp_path / "new-folder" / "inspector.sqlite"
    s = open_db(db, create=True)
    township.save_village(s, township.Village(name="璜土村"))  # a write: -wal and -shm exist now
    assert mode(db.parent) == 0o700
    assert mode(paths.photos_dir(db)) == 0o700
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert mode(p) == 0o600, p
    s.close()


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_world_readable_files_are_fixed_at_open(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    db = new_db(folder / "inspector.sqlite")
    photos = paths.photos_dir(db)
    os.chmod(db, 0o644)
    os.chmod(photos, 0o755)
    open_db(db).close()
    assert mode(db) == 0o600 and mode(photos) == 0o700
    assert mode(folder) == 0o755, "an existing folder the officer chose is left alone"


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_the_default_data_folder_is_tightened(tmp_path, monkeypatch):
    monkeypatch.delenv("INSPECTOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = paths.data_dir()  # the per-user location Qt gives (not created by asking)
    assert tmp_path in folder.parents
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    assert paths.data_dir() == folder and mode(folder) == 0o700


# -- not ours, or newer ------------------------------------------------------------------------

def _foreign(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("statements", [
    ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('x')"),
    ("CREATE TABLE enterprise (id TEXT)",),  # a look-alike without our migrations
    ("PRAGMA application_id = 1234", "CREATE TABLE enterprise (id TEXT)",
     "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)"),
], ids=["other-app", "look-alike", "other-application-id"])
def test_another_apps_sqlite_file_is_not_written_into(tmp_path, statements):
    other = _foreign(tmp_path / "other.db", *statements)
    before = digest(other)
    with pytest.raises(NotOurDatabaseError, match="不会写入"):
        open_db(other)
    assert digest(other) == before
    conn = sqlite3.connect(other)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # never switched to WAL
    conn.close()
    assert not Path(f"{other}-wal").exists()


def _add_migration(db: Path, name: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                 "('inspector', ?, '2030-01-01')", [name])
    conn.commit()
    conn.close()


@pytest.mark.parametrize("name", ["m999_from_the_future", "unnumbered"])
def test_a_newer_schema_is_refused_and_never_written(tmp_path, name):
    db = new_db(tmp_path / "newer.sqlite")
    _add_migration(db, name)
    before = digest(db)
    with pytest.raises(NewerSchemaError, match="更新到最新版本"):
        open_db(db)
    assert digest(db) == before


def test_a_same_numbered_migration_from_another_branch_is_refused(tmp_path, monkeypatch):
    from inspector_app.storage import db as db_mod

    path = new_db(tmp_path / "branch.sqlite")
    conn = sqlite3.connect(path)
    # The other branch's latest migration carries our latest number under another name.
    from inspector_app.storage.schema import LATEST_MIGRATION

    number = LATEST_MIGRATION.split("_")[0]
    conn.execute("UPDATE _sqlite_migrations SET name = ? WHERE migration_set = 'inspector' AND name = ?",
                 [f"{number}_something_else", LATEST_MIGRATION])
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError):
        db_mod.open_db(path)


# -- read-only, disk full ----------------------------------------------------------------------

def test_a_read_only_medium_is_named_as_such(remount_ro):
    folder, make_read_only = remount_ro
    db = new_db(folder / "inspector.sqlite")
    make_read_only()
    with pytest.raises(ReadOnlyDatabaseError, match="只读"):
        open_db(db)


def test_a_write_refused_by_sqlite_as_read_only_is_named(tmp_path):
    s = open_db(new_db(tmp_path / "ro.sqlite"))
    s.conn.execute("PRAGMA query_only = ON")  # SQLite now answers SQLITE_READONLY to writes
    with pytest.raises(ReadOnlyDatabaseError, match="只读"):
        township.save_village(s, township.Village(name="璜土村"))
    s.close()


def _fill(store, start: int = 0) -> int:
    """Save enterprises one transaction each until the disk is full; return how many committed."""
    n = start
    with pytest.raises(DiskFullError, match="磁盘空间已满") as err:
        while n < start + 100_000:
            repo.save(store, Enterprise(name=f"江阴市填满测试{n}号厂", uscc=code(n + 1), notes="备" * 3000))
            n += 1
    assert "未能保存" in str(err.value)
    return n


def test_a_full_disk_is_named_and_loses_no_committed_row(tiny_fs):
    db = tiny_fs / "inspector.sqlite"
    s = open_db(db, create=True)
    committed = _fill(s)
    assert committed > 0
    s.close()
    again = open_db(db)
    assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert again.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == committed
    again.close()


def test_a_full_database_by_page_limit_is_named(tmp_path):
    # Where no tiny filesystem can be mounted: SQLite's own page limit gives the same SQLITE_FULL.
    s = open_db(new_db(tmp_path / "full.sqlite"))
    pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
    s.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    committed = _fill(s)
    assert s.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == committed
    s.close()


def test_translate_names_operating_system_errors():
    import errno

    assert isinstance(translate(OSError(errno.ENOSPC, "No space left", "x")), DiskFullError)
    assert isinstance(translate(OSError(errno.EROFS, "Read-only file system", "x")), ReadOnlyDatabaseError)
    plain = sqlite3.OperationalError("no such table: nowhere")
    assert translate(plain) is plain  # a programming error keeps its traceback


# -- another process holds the database --------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE setting SET value = value WHERE key = 'x'")
    print("locked", flush=True)
    hold = float(sys.argv[2])
    if hold < 0:
        sys.stdin.read()  # until the test closes our stdin
    else:
        time.sleep(hold)
    conn.execute("COMMIT")
""")


def hold_lock(db: Path, seconds: float = -1) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_writer_held_up_too_long_gets_a_chinese_message(tmp_path):
    db = new_db(tmp_path / "busy.sqlite")
    s = open_db(db)
    s.conn.execute("PRAGMA busy_timeout = 200")  # the test need not wait the full 5 s
    holder = hold_lock(db)
    try:
        with pytest.raises(DatabaseBusyError, match="占用") as err:
            township.save_village(s, township.Village(name="璜土村"))
        assert "database is locked" not in str(err.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    township.save_village(s, township.Village(name="璜土村"))  # free again: the write goes through
    s.close()


def test_a_writer_waits_politely_for_a_short_transaction(tmp_path):
    db = new_db(tmp_path / "wait.sqlite")
    s = open_db(db)
    holder = hold_lock(db, seconds=0.5)
    try:
        village = township.save_village(s, township.Village(name="璜土村"))  # waits, then writes
    finally:
        holder.wait(timeout=30)
    assert township.list_villages(s)[0].id == village.id
    s.close()


def test_an_import_waits_for_another_writer_then_lands(tmp_path):
    from inspector_app.importers import enterprise_xlsx as imp
    from tests.importers import hostile_xlsx as hx

    db = new_db(tmp_path / "import.sqlite")
    s = open_db(db)
    township.save_village(s, township.Village(name="璜土村"))
    plan = imp.read_workbook(hx.workbook(tmp_path / "list.xlsx", sheet=hx.good_sheet(200)), s)
    holder = hold_lock(db, seconds=0.5)
    try:
        report = imp.apply_plan(s, plan)
    finally:
        holder.wait(timeout=30)
    assert report.inserted == 200
    s.close()


def test_an_import_on_a_full_disk_writes_nothing(tiny_fs):
    from inspector_app.importers import enterprise_xlsx as imp
    from tests.importers import hostile_xlsx as hx

    db = tiny_fs / "inspector.sqlite"
    s = open_db(db, create=True)
    township.save_village(s, township.Village(name="璜土村"))
    xlsx = hx.workbook(Path(os.environ["INSPECTOR_DATA_DIR"]).parent / "big-list.xlsx",
                       sheet=hx.good_sheet(1000, name="江阴市满盘{i}号" + "长" * 60 + "机械厂"))
    plan = imp.read_workbook(xlsx, s)
    free = os.statvfs(tiny_fs).f_bavail * os.statvfs(tiny_fs).f_frsize
    (tiny_fs / "filler").write_bytes(b"\0" * max(0, free - 64 * 1024))  # leave 64 KB
    with pytest.raises(imp.ImportApplyError, match="未写入任何数据.*磁盘空间已满"):
        imp.apply_plan(s, plan)
    assert s.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    s.close()
