"""Backups of a database another process is writing, and SIGKILL during backup and restore.

* A writer process commits enterprises one by one (printing each id after its COMMIT) while the
  parent takes backups: every backup opens with every table and every row committed before it
  started, and verifies against its manifest.
* A child taking a backup, or restoring one, is killed at random moments: the database is intact
  either way (integrity_check, verify), a restore leaves the old or the new database complete,
  and a file with a backup's final name always verifies.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from inspector_app.storage import backup, open_db
from inspector_app.storage.verify import verify

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(os.name != "posix", reason="SIGKILL")]

WRITER = textwrap.dedent("""
    import sys
    from inspector_app.core.enterprise import Enterprise
    from inspector_app.storage import enterprises, open_db
    s = open_db(sys.argv[1])
    for i in range(int(sys.argv[2])):
        e = enterprises.save(s, Enterprise(name=f"并发写入测试企业{i}号", address="江阴市", legacy_reg_no=f"320281{i:09d}"))
        print(e.id, flush=True)   # printed only after the row's COMMIT
""")

BACKUP = textwrap.dedent("""
    import sys
    from inspector_app.storage import backup
    print("start", flush=True)
    while True:
        backup.create_backup(sys.argv[1], sys.argv[2])
""")

RESTORE = textwrap.dedent("""
    import sys
    from inspector_app.storage import backup
    print("start", flush=True)
    backup.restore(sys.argv[1], sys.argv[2])
    print("done", flush=True)
""")


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.getcwd(), env.get("PYTHONPATH", "")])
    return env


def test_a_backup_taken_while_another_process_writes_holds_every_committed_row(demo_db, tmp_path):
    db_path = demo_db.path
    tables = {r[0] for r in demo_db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    demo_db.close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "400"], stdout=subprocess.PIPE,
                              text=True, env=_env())
    committed: list[str] = []
    backups = []
    try:
        while writer.poll() is None and len(backups) < 6:
            line = writer.stdout.readline().strip()
            if line:
                committed.append(line)
            if len(committed) % 40 == 5:
                before = list(committed)  # every id here was committed before the backup began
                info = backup.create_backup(db_path, tmp_path / "usb")
                backups.append((info, before))
        writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0 and len(backups) >= 3
    for info, before in backups:
        backup.verify_backup(info.path)
        c = sqlite3.connect(info.path)
        assert tables <= {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        have = {r[0] for r in c.execute("SELECT id FROM enterprise")}
        assert set(before) <= have
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        c.close()


def _intact(db_path) -> int:
    c = sqlite3.connect(db_path)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = c.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    c.close()
    s = open_db(db_path)
    try:
        assert verify(s, full=True, remember=False).ok
    finally:
        s.close()
    return n


def test_sigkill_during_backup_leaves_the_database_and_finished_backups_intact(demo_db, tmp_path):
    db_path = demo_db.path
    demo_db.close()
    rng = random.Random(7)
    usb = tmp_path / "usb"
    for _ in range(8):
        child = subprocess.Popen([sys.executable, "-c", BACKUP, str(db_path), str(usb)], stdout=subprocess.PIPE,
                                 text=True, env=_env())
        assert child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        _intact(db_path)
    finished = backup.list_backups(usb)
    for b in finished:
        backup.verify_backup(b.path)  # a file with a final name is always a complete backup
    assert all(p.name.startswith(".") for p in usb.iterdir() if p not in {b.path for b in finished})


def test_sigkill_during_restore_leaves_the_old_or_the_new_database(demo_db, tmp_path):
    from inspector_app.core.enterprise import Enterprise
    from inspector_app.storage import enterprises

    info = backup.create_backup(demo_db, tmp_path / "usb")
    for i in range(5):
        enterprises.save(demo_db, Enterprise(name=f"备份后新增企业{i}", address="江阴市", legacy_reg_no=f"320281{i:09d}"))
    demo_db.close()
    live = tmp_path / "live"
    live.mkdir()
    shutil.move(str(demo_db.path), live / "inspector.sqlite")
    shutil.move(str(tmp_path / "photos"), live / "photos") if (tmp_path / "photos").exists() else None
    db_path = live / "inspector.sqlite"
    old_n = _intact(db_path)
    new_n = old_n - 5
    template = tmp_path / "template"
    shutil.copytree(db_path.parent, template)
    rng = random.Random(11)
    seen = set()
    for attempt in range(10):
        shutil.rmtree(db_path.parent)
        shutil.copytree(template, db_path.parent)
        child = subprocess.Popen([sys.executable, "-c", RESTORE, str(info.path), str(db_path)],
                                 stdout=subprocess.PIPE, text=True, env=_env())
        assert child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, 0.8) if attempt else 5.0)  # the first one is let finish
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        n = _intact(db_path)
        assert n in (old_n, new_n)
        seen.add(n)
    assert new_n in seen
