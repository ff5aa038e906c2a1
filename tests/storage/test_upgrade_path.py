"""A laptop's database made by the first release upgrades through every later migration.

Migrations run one after another on an old file; a migration that installs the protection
triggers must not name a column or table that only a later migration adds."""

import sqlite3

from inspector_app.storage import open_db
from inspector_app.storage.migrations import migrations
from inspector_app.storage.protect import app_triggers
from inspector_app.storage.schema import LATEST_MIGRATION


def test_a_first_release_database_upgrades_to_the_latest_schema(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    first = migrations._migrations[:1]
    monkeypatch.setattr(migrations, "_migrations", first)
    monkeypatch.setattr("inspector_app.storage.db.LATEST_MIGRATION", first[0].name)
    monkeypatch.setattr("inspector_app.storage.db.MIGRATION_NAMES", (first[0].name,))
    old = open_db(path, create=True, device="A1")
    with old.write():  # a first-release laptop's legal records, as its code wrote them
        old.conn.execute("INSERT INTO enterprise (id, name) VALUES ('e1', '江阴市周庄华宏机械有限公司')")
        old.conn.execute(
            "INSERT INTO inspection (id, enterprise_id, status, officer_ids, started_at, ended_at, "
            "checklist_snapshot, summary, finalised_at) VALUES ('i1', 'e1', 'final', '[\"o1\", \"o2\"]', "
            "'2026-03-05T09:00:00', '2026-03-05T10:00:00', '{\"forms\": []}', '总体良好', '2026-03-05T10:01:00')")
        old.conn.execute(
            "INSERT INTO document (id, kind, doc_no, series, year, seq, enterprise_id, inspection_id, "
            "issued_at, content) VALUES ('d1', 'rectification_order', '（澄）应急责改〔2026〕A1-1号', 'A1', "
            "2026, 1, 'e1', 'i1', '2026-03-05', '{}')")
    old.close()
    monkeypatch.undo()
    s = open_db(path)  # every later migration runs here
    try:
        from inspector_app.storage.verify import verify

        report = verify(s, full=True)
        assert report.problems == []  # every old record sealed in the chain with its full content
        assert report.records >= 2
        names = [r[0] for r in s.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert names[-1] == LATEST_MIGRATION
        have = {n: sql for n, sql in s.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
        assert set(have) == set(app_triggers())  # the full protection set, as on a new database
    finally:
        s.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
