import sqlite3

import pytest

from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise, ValidationErrors
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_db, township
from inspector_app.storage.db import StorageError


def code(n: int) -> str:
    return uscc.make("91", "320281", body8=f"{n:08d}")


@pytest.fixture
def village(store):
    return township.save_village(store, township.Village(name="璜土村"))


def add(store, name, n, **kw):
    return repo.save(store, Enterprise(name=name, uscc=code(n), **kw))


def test_search_by_name_pinyin_initials_and_code(store, village):
    a = add(store, "江阴市华宏化工有限公司", 1, village_id=village.id)
    b = add(store, "江阴永盛机械厂", 2, village_id=village.id)
    ids = lambda text: repo.search_ids(store, repo.SearchQuery(text=text))  # noqa: E731
    assert ids("华宏") == [a.id]
    assert ids("jyhg") == [a.id]            # initials as a subsequence: 江阴…化工…
    assert ids("JYHG") == [a.id]
    assert ids("yongsheng") == [b.id]       # full pinyin
    assert ids(code(2)[-6:]) == [b.id]      # credit-code fragment
    assert set(ids("江阴")) == {a.id, b.id}
    assert ids("江阴 机械") == [b.id]       # terms are AND-ed
    assert ids("100%") == []                # LIKE wildcards are escaped


def test_filters_and_sorting(store, village):
    other = township.save_village(store, township.Village(name="石庄村"))
    a = add(store, "阿福纺织有限公司", 1, village_id=village.id, sector="纺织", employees=30, risk_tags=["粉尘涉爆"])
    b = add(store, "博达机械有限公司", 2, village_id=other.id, sector="机械", employees=300)
    assert repo.search_ids(store, repo.SearchQuery(sector="纺织")) == [a.id]
    assert repo.search_ids(store, repo.SearchQuery(tag="粉尘涉爆")) == [a.id]
    assert repo.search_ids(store, repo.SearchQuery(village_id=other.id)) == [b.id]
    assert repo.search_ids(store, repo.SearchQuery(order_by="employees", descending=True)) == [b.id, a.id]
    assert repo.search_ids(store, repo.SearchQuery(order_by="name")) == [a.id, b.id]  # pinyin order
    assert repo.count(store, repo.SearchQuery()) == 2


def test_duplicate_credit_code_is_refused(store):
    a = add(store, "江阴市华宏化工有限公司", 1)
    with pytest.raises(repo.DuplicateError) as err:
        add(store, "另一家公司", 1)
    assert err.value.existing_id == a.id
    assert repo.count(store) == 1


def test_similar_names_are_found(store):
    a = add(store, "江阴市华宏化工有限公司", 1)
    assert repo.similar(store, "华宏化工有限责任公司") == [(a.id, a.name)]
    assert repo.similar(store, "华宏化工有限公司", exclude_id=a.id) == []


def test_invalid_enterprise_writes_nothing(store):
    with pytest.raises(ValidationErrors):
        repo.save(store, Enterprise(name="", uscc="bad"))
    assert repo.count(store) == 0


def test_landlord_and_tenants_link_both_ways(store):
    landlord = add(store, "红星村股份经济合作社", 1)
    tenant = add(store, "江阴市小明五金加工厂", 2, landlord_id=landlord.id)
    assert repo.tenants(store, landlord.id) == [(tenant.id, tenant.name)]
    with pytest.raises(ValidationErrors):
        tenant.landlord_id = tenant.id
        repo.save(store, tenant)


def test_delete_is_a_tombstone_with_new_clock(store):
    a = add(store, "江阴市华宏化工有限公司", 1)
    before = store.db.execute("SELECT hlc FROM enterprise WHERE id=?", [a.id]).fetchone()[0]
    repo.delete(store, a.id)
    row = store.db.execute("SELECT deleted, hlc, origin FROM enterprise WHERE id=?", [a.id]).fetchone()
    assert row[0] == 1 and row[1] > before and row[2] == "T1"
    assert repo.search_ids(store) == []
    add(store, "新登记企业", 1)  # the code is free again once the old row is a tombstone


def test_every_write_carries_sync_columns(store):
    a = add(store, "江阴市华宏化工有限公司", 1)
    row = store.db.execute("SELECT id, hlc, origin, created_at FROM enterprise").fetchone()
    assert row[0] == a.id and len(row[0]) == 36 and row[0][14] == "7"  # UUIDv7
    assert row[1] > 0 and row[2] == "T1" and row[3]
    assert store.db.execute("SELECT hlc FROM clock").fetchone()[0] >= row[1]


def test_file_database_pragmas(tmp_path):
    s = open_db(tmp_path / "a.sqlite", create=True)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA application_id").fetchone()[0] != 0
    s.close()
    open_db(tmp_path / "a.sqlite").close()  # migrations are idempotent


def test_foreign_file_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="不是本软件的数据库"):
        open_db(other)


def test_garbage_file_is_refused(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="备份"):
        open_db(bad)


def test_latest_migration_constant_matches_registered_migrations():
    from inspector_app.storage.migrations import migrations
    from inspector_app.storage.schema import LATEST_MIGRATION

    assert migrations._migrations[-1].name == LATEST_MIGRATION
    from inspector_app.storage.schema import MIGRATION_NAMES

    assert tuple(m.name for m in migrations._migrations) == MIGRATION_NAMES


def test_a_database_missing_an_earlier_migration_is_upgraded(tmp_path, monkeypatch):
    # m009 merged before m007 on a development database: the missing earlier one still runs.
    from inspector_app.storage import open_db
    from inspector_app.storage.migrations import migrations
    from inspector_app.storage.schema import MIGRATION_NAMES

    path = tmp_path / "dev.sqlite"
    without = [m for m in migrations._migrations if m.name != "m007_sync"]
    monkeypatch.setattr(migrations, "_migrations", without)
    monkeypatch.setattr("inspector_app.storage.db.MIGRATION_NAMES", tuple(m.name for m in without))
    open_db(path, create=True, device="A1").close()
    monkeypatch.undo()
    s = open_db(path)
    try:
        names = {r[0] for r in s.conn.execute("SELECT name FROM _sqlite_migrations")}
        assert set(MIGRATION_NAMES) <= names
        assert s.conn.execute("SELECT count(*) FROM sync_identity").fetchone()[0] == 0
    finally:
        s.close()


def test_reopening_a_current_database_does_not_import_sqlite_utils(tmp_path):
    import subprocess
    import sys

    open_db(tmp_path / "a.sqlite", create=True).close()
    code = ("import sys; from inspector_app.storage import open_db; "
            f"s = open_db({str(tmp_path / 'a.sqlite')!r}); "
            "print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_save_many_assigns_ids_to_new_enterprises(store):
    ents = [Enterprise(name=f"批量企业{i}", uscc=code(100 + i)) for i in range(3)]
    repo.save_many(store, ents)
    assert all(e.id and len(e.id) == 36 for e in ents)
    assert store.db.execute("SELECT count(*) FROM enterprise WHERE id IS NULL").fetchone()[0] == 0
    assert sorted(repo.search_ids(store)) == sorted(e.id for e in ents)


def test_first_page_counts_and_ranks_exact_initials_first(store):
    # 江阴…化工 matches "jyhg" as two chunks; 江阴化工… holds the four letters as one run.
    a = add(store, "江阴市华宏化工有限公司", 1)     # jyshhhg: chunks only
    b = add(store, "江阴化工贸易有限公司", 2)       # jyhgmy: exact run
    rowid = {r[1]: r[0] for r in store.conn.execute("SELECT rowid, id FROM enterprise")}
    page, total = repo.first_page(store, repo.SearchQuery(text="jyhg"), limit=10)
    assert total == 2 and page == [rowid[b.id], rowid[a.id]]
    for n in range(3, 8):
        add(store, f"江阴测试{n}号企业", n)
    page, total = repo.first_page(store, repo.SearchQuery(text="jy"), limit=3)
    assert len(page) == 3 and total == 7 == repo.count(store, repo.SearchQuery(text="jy"))
    assert repo.search_ids(store, repo.SearchQuery(text="jyhg")) == [b.id, a.id]


def test_initials_glob_is_the_shared_chunk_rule():
    assert repo.initials_glob("jyhg") == "*jy*hg*"
    assert repo.initials_glob("jyh") == "*jy*h*"
    assert repo.is_latin_word("jyhg") and not repo.is_latin_word("江阴")
