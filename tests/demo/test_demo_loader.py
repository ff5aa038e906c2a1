import sqlite3

import pytest

from inspector_app import demo as demo_mod
from inspector_app.storage import open_db, open_memory
from inspector_app.storage import enterprises as ents_store
from inspector_app.storage import settings, township
from inspector_app.core import settings as S
from inspector_app.demo.loader import create_demo_database, load_demo
from inspector_app.storage.enterprises import SearchQuery, search_ids


@pytest.fixture(scope="module")
def demo():
    return demo_mod.generate(seed=2012, enterprises=200)


@pytest.fixture(scope="module")
def loaded(demo):  # read only: shared by the tests of this module
    store = open_memory()
    counts = load_demo(store, demo)
    yield store, counts
    store.close()


def _scalar(store, sql, params=()):
    return store.db.execute(sql, params).fetchone()[0]


def test_counts_match(loaded, demo):
    store, counts = loaded
    assert counts["enterprises"] == 200 == _scalar(store, "SELECT count(*) FROM enterprise")
    assert counts["villages"] == len(demo.villages) == _scalar(store, "SELECT count(*) FROM village")
    assert counts["officers"] == len(demo.setup.officers) == len(township.list_officers(store))
    assert counts["tenants"] == len(demo.tenancies) == _scalar(
        store, "SELECT count(*) FROM enterprise WHERE landlord_id IS NOT NULL")
    assert counts["landlords"] == len({lo for _, lo in demo.tenancies}) > 0
    assert [v.name for v in township.list_villages(store)] == demo.villages


def test_settings_applied(loaded):
    store, _ = loaded
    s = {o: settings.get(store, o) for o in (S.AUTHORITY_NAME, S.AUTHORITY_ABBR, S.TOWNSHIP, S.DEVICE_CODE)}
    assert s[S.AUTHORITY_NAME] == "江阴市应急管理局" and s[S.AUTHORITY_ABBR] == "澄"
    assert s[S.TOWNSHIP] == "璜土镇" and s[S.DEVICE_CODE] == "A1"
    assert township.is_configured(store)
    assert store.device == "A1"
    assert _scalar(store, "SELECT count(*) FROM enterprise WHERE origin != 'A1'") == 0


def test_references_resolve(loaded, demo):
    store, _ = loaded
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _scalar(store, "SELECT count(*) FROM enterprise WHERE village_id IS NULL") == 0
    rows = store.db.execute(
        "SELECT t.name, l.name, t.village_id = l.village_id, l.risk_tags FROM enterprise t "
        "JOIN enterprise l ON l.id = t.landlord_id").fetchall()
    assert len(rows) == len(demo.tenancies)
    expected = {(demo.enterprises[t].name, demo.enterprises[lo].name) for t, lo in demo.tenancies}
    assert {(r[0], r[1]) for r in rows} == expected
    assert all(r[2] == 1 and "|出租厂房|" in r[3] for r in rows)
    by_name = dict(store.db.execute(
        "SELECT e.name, v.name FROM enterprise e JOIN village v ON v.id = e.village_id").fetchall())
    assert all(by_name[e.name] == e.village_id for e in demo.enterprises)


def test_round_trip_of_one_enterprise(loaded, demo):
    store, _ = loaded
    src = demo.enterprises[0]
    eid = ents_store.find_by_uscc(store, src.uscc)[0] if src.uscc else search_ids(
        store, SearchQuery(text=src.name))[0]
    got = ents_store.get(store, eid)
    for f in ("name", "uscc", "legacy_reg_no", "address", "employees", "revenue_wan", "risk_tags",
              "gbt_division", "sector", "scale", "supervision_class", "status"):
        assert getattr(got, f) == getattr(src, f), f


def test_search_by_pinyin_initials(loaded, demo):
    store, _ = loaded
    # 江阴市璜土镇… (jiang yin shi huang tu zhen): every individual business is found.
    ids = set(search_ids(store, SearchQuery(text="jyshtz")))
    names = dict(store.db.execute("SELECT id, name FROM enterprise").fetchall())
    prefixed = {i for i, n in names.items() if n.startswith("江阴市璜土镇")}
    assert prefixed and prefixed <= ids
    # A village filter combines with the text.
    village = township.list_villages(store)[0]
    in_village = search_ids(store, SearchQuery(text="jyshtz", village_id=village.id))
    assert in_village and set(in_village) <= ids
    assert {r[0] for r in store.db.execute(
        "SELECT village_id FROM enterprise WHERE id IN (%s)" % ",".join("?" * len(in_village)),
        in_village)} == {village.id}
    # Searching by a firm's own initials finds it first or among the first few.
    from inspector_app.core import pinyin

    target = next(e for e in demo.enterprises if e.scale != "个体")
    initials, _ = pinyin.keys(target.name)
    hits = search_ids(store, SearchQuery(text=initials))
    assert target.name in [names[i] for i in hits[:5]]


def test_demo_object_untouched_and_reloadable(demo):
    before = [(e.id, e.village_id, e.landlord_id, list(e.risk_tags)) for e in demo.enterprises]
    first, second = open_memory(), open_memory()
    load_demo(first, demo, history=False)
    load_demo(second, demo, history=False)
    assert [(e.id, e.village_id, e.landlord_id, list(e.risk_tags)) for e in demo.enterprises] == before
    assert all(o.id is None for o in demo.setup.officers)
    assert _scalar(second, "SELECT count(*) FROM enterprise") == 200


def test_failed_load_writes_nothing(demo):
    store = open_memory()
    broken = demo_mod.DemoTownship(setup=demo.setup, villages=demo.villages,
                                   enterprises=list(demo.enterprises), tenancies=[])
    from dataclasses import replace

    broken.enterprises[-1] = replace(broken.enterprises[-1], village_id="不存在村")
    with pytest.raises(ValueError, match="不存在村"):
        load_demo(store, broken)
    assert _scalar(store, "SELECT count(*) FROM village") == 0
    assert not township.is_configured(store)


def test_create_demo_database(tmp_path):
    path = tmp_path / "demo.sqlite"
    assert create_demo_database(path, seed=1, enterprises=60) == path
    store = open_db(path)
    assert _scalar(store, "SELECT count(*) FROM enterprise") == 60
    first_names = sorted(r[0] for r in store.db.execute("SELECT name FROM enterprise"))
    store.close()

    with pytest.raises(ValueError, match="已有数据"):
        create_demo_database(path, seed=2, enterprises=30)
    store = open_db(path)
    assert sorted(r[0] for r in store.db.execute("SELECT name FROM enterprise")) == first_names
    store.close()

    create_demo_database(path, seed=2, enterprises=30, overwrite=True)
    store = open_db(path)
    assert _scalar(store, "SELECT count(*) FROM enterprise") == 30
    assert _scalar(store, "SELECT count(*) FROM village") == 15
    store.close()


def test_create_accepts_an_empty_database_and_refuses_other_files(tmp_path):
    empty = tmp_path / "empty.sqlite"
    open_db(empty, create=True).close()  # migrated, but holds no records
    create_demo_database(empty, enterprises=20)
    store = open_db(empty)
    assert _scalar(store, "SELECT count(*) FROM enterprise") == 20
    store.close()

    text = tmp_path / "notes.sqlite"
    text.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(ValueError, match="已有数据"):
        create_demo_database(text, enterprises=20)
    assert text.read_text(encoding="utf-8") == "不是数据库"

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ValueError):
        create_demo_database(other, enterprises=20)
    create_demo_database(other, enterprises=20, overwrite=True)
    store = open_db(other)
    assert _scalar(store, "SELECT count(*) FROM enterprise") == 20
    store.close()


def test_a_demonstration_sized_township_gets_its_history(loaded):
    store, counts = loaded
    made = counts["history"]
    assert made["inspections"] == _scalar(store, "SELECT count(*) FROM inspection WHERE status = 'final'") > 0
    assert made["documents"] == _scalar(store, "SELECT count(*) FROM document") > made["inspections"]


def test_history_can_be_left_out_and_small_fixtures_start_empty(demo):
    without = open_memory()
    assert "history" not in load_demo(without, demo, history=False)
    small = open_memory()
    assert "history" not in load_demo(small, demo_mod.generate(seed=5, enterprises=60))
    for store in (without, small):
        for table in ("inspection", "finding", "document", "photo"):
            assert _scalar(store, f"SELECT count(*) FROM {table}") == 0, table


def test_create_demo_database_with_history_on_request(tmp_path):
    from datetime import date

    path = create_demo_database(tmp_path / "h.sqlite", seed=3, enterprises=40, history=True,
                                today=date(2026, 5, 20))
    store = open_db(path)
    try:
        assert _scalar(store, "SELECT max(started_at) FROM inspection") < "2026-05-20"
        assert _scalar(store, "SELECT count(*) FROM inspection WHERE status = 'draft'") == 1
        # problem photos go next to the database file
        assert _scalar(store, "SELECT count(*) FROM photo") == len(list((tmp_path / "photos").rglob("*.jpg"))) > 0
    finally:
        store.close()


def test_demo_laptop_has_its_officer(tmp_path):
    from inspector_app.demo.loader import create_demo_database

    store = open_db(create_demo_database(tmp_path / "o.sqlite", enterprises=20, history=False))
    assert settings.get(store, S.CURRENT_OFFICER) in {o.id for o in township.list_officers(store)}
    store.close()
