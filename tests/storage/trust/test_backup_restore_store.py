"""Backups: verified against their manifest; restore: crash-safe and blocking every series."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from inspector_app import paths
from inspector_app.core import clock
from inspector_app.core import documents as docs
from inspector_app.storage import backup, open_db, series
from inspector_app.storage.documents import issue_document
from inspector_app.storage.verify import verify


def _order(s, ids, n=1):
    """Issue n rectification orders; returns their numbers."""
    out = []
    for _ in range(n):
        d = issue_document(s, kind=docs.RECTIFICATION_ORDER, enterprise_id=ids["enterprise_id"], content={
            "officers": [{"name": "张三", "cert_no": "32000001"}, {"name": "李四", "cert_no": "32000002"}],
            "items": [{"description": "安全出口堆放货物", "deadline": clock.today().isoformat(),
                   "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
        out.append(d["seq"])
    return out


def test_a_backup_holds_every_table_row_and_photo_and_verifies(legal, tmp_path):
    s, _ = legal
    info = backup.create_backup(s, tmp_path / "usb")
    assert info.path.exists() and not list((tmp_path / "usb").glob(".*part"))
    c = sqlite3.connect(info.path)
    for table, n in info.counts.items():
        assert c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
        assert n == s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    shas = {r[0] for r in s.conn.execute("SELECT sha256 FROM photo")}
    assert {r[0] for r in c.execute("SELECT sha256 FROM backup_photo")} == shas
    c.close()
    assert backup.verify_backup(info.path).manifest == info.manifest
    assert "企业1家" in info.summary() and "照片1张" in info.summary()


@pytest.mark.parametrize("tamper", [
    "UPDATE document SET content = content || ' '",
    "DELETE FROM finding_event",
    "UPDATE backup_photo SET data = data || x'00'",
    "UPDATE backup_manifest SET value = replace(value, '\"format\":1', '\"format\":1 ') WHERE key = 'manifest'",
    "CREATE VIEW v AS SELECT 1",
])
def test_a_changed_backup_is_refused(legal, tmp_path, tamper):
    s, _ = legal
    info = backup.create_backup(s, tmp_path / "usb")
    c = sqlite3.connect(info.path)
    c.execute("PRAGMA trusted_schema=ON")
    for name in [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
        c.execute(f"DROP TRIGGER {name}")
    c.execute(tamper)
    c.commit()
    c.close()
    with pytest.raises(backup.BackupError):
        backup.verify_backup(info.path)


def test_a_damaged_backup_file_is_refused(legal, tmp_path):
    s, _ = legal
    info = backup.create_backup(s, tmp_path / "usb")
    data = bytearray(info.path.read_bytes())
    # A bit flipped where a record lives (the enterprise's address, stored in a table page): a flip
    # in a free page or unused space damages nothing, so the middle of the file is not a fair spot.
    at = data.find("江阴市周庄镇华宏村8号".encode())
    assert at > 0
    data[at + 3] ^= 0xFF
    info.path.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError):
        backup.verify_backup(info.path)


@pytest.mark.calendar
def test_restore_blocks_every_series_until_confirmed_then_continues_past_the_mark(legal, tmp_path):
    s, ids = legal
    assert _order(s, ids, 2) == [1, 2]
    info = backup.create_backup(s, tmp_path / "usb")
    assert _order(s, ids, 3) == [3, 4, 5]  # printed after the backup, then the laptop dies
    db_path = s.path
    s.close()
    result = backup.restore(info.path, db_path)
    assert result.kept_copy.exists() and {b["kind"] for b in result.blocked} == set(docs.KINDS)
    s = open_db(db_path)
    try:
        with pytest.raises(ValueError, match="已从备份恢复.*尚未确认"):
            _order(s, ids)
        with pytest.raises(ValueError, match="小于本机已知"):
            series.confirm(s, docs.RECTIFICATION_ORDER, year=clock.today().year, last=1)
        series.confirm(s, docs.RECTIFICATION_ORDER, year=clock.today().year, last=5)  # from the paper register
        assert _order(s, ids) == [6]
        assert verify(s, full=True).ok  # 3–5 were issued on paper before the restore: no gap
        kept = open_db(result.kept_copy)
        assert kept.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 6  # 1 record + 5 orders
        kept.close()
    finally:
        s.close()


@pytest.mark.calendar
def test_a_county_high_water_mark_also_unblocks(legal, tmp_path):
    from inspector_app.storage.documents import raise_high_water

    s, ids = legal
    info = backup.create_backup(s, tmp_path / "usb")
    db_path = s.path
    s.close()
    backup.restore(info.path, db_path)
    s = open_db(db_path)
    try:
        raise_high_water(s, "A1", docs.RECTIFICATION_ORDER, clock.today().year, 9)
        assert _order(s, ids) == [10]
        assert docs.RECTIFICATION_ORDER not in {b["kind"] for b in series.blocked(s)}
    finally:
        s.close()


def test_restore_brings_back_missing_photos(legal, tmp_path):
    s, _ = legal
    info = backup.create_backup(s, tmp_path / "usb")
    root = paths.photos_dir(s.path)
    for f in root.rglob("*.jpg"):
        f.unlink()
    db_path = s.path
    s.close()
    assert backup.restore(info.path, db_path).photos_written == 1
    s = open_db(db_path)
    assert verify(s, full=True).ok
    s.close()


@pytest.mark.calendar
def test_restore_is_refused_while_the_database_is_open(legal, tmp_path):
    s, ids = legal
    info = backup.create_backup(s, tmp_path / "usb")
    _order(s, ids)
    with pytest.raises(backup.BackupError, match="正被其他程序使用"):
        backup.restore(info.path, s.path)
    assert _order(s, ids) == [2]  # untouched and still writable, nothing blocked
    assert not list(s.path.parent.glob(".*.tmp"))


def test_rotation_keeps_daily_and_weekly_and_never_manual(legal, tmp_path):
    s, _ = legal
    folder = tmp_path / "auto"
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(0, 40, 2)]  # every other day for 40 days
    for d in days:
        with clock.pinned(datetime(d.year, d.month, d.day, 12, 0)):
            backup.create_backup(s, folder, auto=True)
    with clock.pinned(datetime(2026, 1, 1, 13, 0)):
        manual = backup.create_backup(s, folder)
    backup.rotate(folder, keep_daily=3, keep_weekly=2)
    left = backup.list_backups(folder)
    assert manual.path in {b.path for b in left}
    autos = sorted(datetime.fromisoformat(b.created_at).date() for b in left if b.kind == "auto")
    # the newest of the last 3 days, and of the last 2 ISO weeks (week 6 → Feb 8, week 5 → Jan 31)
    assert autos == [date(2026, 1, 31), date(2026, 2, 4), date(2026, 2, 6), date(2026, 2, 8)]


@pytest.mark.calendar
def test_the_automatic_backup_runs_once_a_day(legal):
    s, _ = legal
    s.close()
    with clock.pinned(datetime(2026, 3, 5, 9, 0)):
        assert backup.run_auto_backup(s.path) is not None
        assert backup.run_auto_backup(s.path) is None
    with clock.pinned(datetime(2026, 3, 6, 9, 0)):
        assert backup.run_auto_backup(s.path) is not None


@pytest.mark.calendar
def test_messages_never_name_a_backup_that_does_not_exist(legal, tmp_path):
    s, _ = legal
    with clock.pinned(datetime(2026, 3, 5, 9, 0)):
        st = backup.backup_status(s)
        assert st.remind and st.last is None and "尚未备份" in st.message
        assert "没有找到" in backup.recovery_hint(s.path)
        info = backup.create_backup(s, tmp_path / "usb")
        backup.note_backup(s, info)
    with clock.pinned(datetime(2026, 3, 20, 9, 0)):
        st = backup.backup_status(s)
        assert st.last.path == info.path and st.days == 15 and st.remind
        assert str(info.path) in backup.recovery_hint(s.path) and "2026-03-05" in backup.recovery_hint(s.path)
        info.path.unlink()
        st = backup.backup_status(s)
        assert st.last is None and str(info.path) not in st.message
        assert str(info.path) not in backup.recovery_hint(s.path)


def test_an_unreadable_file_among_the_backups_is_skipped(tmp_path):
    """A file named like a backup that cannot be read (garbage, or encrypted with a key this
    laptop does not hold) is skipped, not a TypeError from catching a tuple of tuples."""
    (tmp_path / "inspector-backup-A1-20260101-120000.sqlite").write_bytes(b"not a database" * 100)
    assert backup.list_backups(tmp_path) == []
