"""The county store on both engines: init, key, enrolment, merge, refusals, return bundles, report."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from inspector_app.core import clock
from inspector_app.county.merging import merge_file
from inspector_app.county.report import conflicts_text, device_lines, report_text
from inspector_app.county.returns import write_return
from inspector_app.county.store import CountyError, init_store, open_store
from inspector_app.sync import bundle as B
from inspector_app.sync import keys

from .helpers import key_file, laptop_bundle, laptop_rows, make_laptop, township

# Received-at dates, acknowledgements and 'silent for a month' read today: rerun on the pinned days.
pytestmark = pytest.mark.calendar


@pytest.fixture
def two_laptops(tmp_path):
    a = make_laptop(tmp_path / "a.sqlite", "A1")
    b = make_laptop(tmp_path / "b.sqlite", "B2")  # the same county list, imported under other ids
    yield a, b
    a.close()
    b.close()


def enrol(county, store, tmp_path) -> None:
    county.enrol(key_file(store, tmp_path / f"{store.device}.key.json"))


def dump(cs) -> dict:
    """The whole synced state of the county store, comparable across runs."""
    from inspector_app.sync import tables as T

    out = {}
    for t in T.SYNCED:
        cols = [c for c in cs.engine.table_columns(t.name)]
        if cols:
            out[t.name] = sorted(tuple(r[c] for c in cols) for r in cs.engine.query(f'SELECT * FROM "{t.name}"'))
    out["county_bundle"] = sorted(r["bundle_id"] for r in cs.engine.query("SELECT bundle_id FROM county_bundle"))
    return out


# -- init and keys --------------------------------------------------------------------------

def test_init_creates_a_store_with_a_key_pair_and_is_idempotent(county, county_target, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a PostgreSQL store's default photo folder is relative to the working folder
    fp = county.fingerprint()
    assert len(fp.split()) == 8
    assert {"enterprise", "document", "county_device", "sync_conflict", "id_alias"} <= county.engine.tables()
    again, created = init_store(county_target)
    assert not created and again.fingerprint() == fp
    again.close()
    reopened = open_store(county_target)
    assert reopened.fingerprint() == fp
    reopened.close()


def test_the_key_file_is_what_a_laptop_pins(county, tmp_path):
    path = county.write_key_file(tmp_path / "county.key.json")
    data = keys.read_key_file(path, role="county")
    assert data["fingerprint"] == county.fingerprint()
    assert "private" not in json.dumps(data)


def test_open_refuses_what_is_not_a_county_store(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(CountyError, match="不是县局汇总库"):
        open_store(other)
    with pytest.raises(CountyError, match="已有其他数据表"):
        init_store(other)
    with pytest.raises(CountyError, match="找不到文件"):
        open_store(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


# -- enrolment -------------------------------------------------------------------------------

def test_enrolment_rules(county, two_laptops, tmp_path):
    a, b = two_laptops
    fa = key_file(a, tmp_path / "a.json")
    dev, new = county.enrol(fa)
    assert new and (dev.device, dev.township, dev.series) == ("A1", township(a), ["A1"])
    assert county.enrol(fa) == (dev, False)
    # Another laptop claiming the same device code from another township is refused.
    pub = keys.device_key(b).public_key()
    clash = keys.write_key_file(tmp_path / "clash.json", {"device": "A1", "township": "月城镇",
                                                          "public_key": keys.public_key_text(pub)})
    with pytest.raises(CountyError, match="已登记在"):
        county.enrol(clash)
    # One key is one device; one series is one device.
    same_key = keys.write_key_file(tmp_path / "k2.json", {"device": "C3", "township": township(a),
                                                          "public_key": keys.public_key_text(keys.device_key(a).public_key())})
    with pytest.raises(CountyError, match="已登记为设备"):
        county.enrol(same_key)
    series = keys.write_key_file(tmp_path / "s.json", {"device": "B2", "township": township(b),
                                                       "public_key": keys.public_key_text(pub), "series": ["A1"]})
    with pytest.raises(CountyError, match="两台电脑不能共用"):
        county.enrol(series)
    # The county's own key file is not a laptop's.
    with pytest.raises(ValueError, match="不是乡镇笔记本的密钥文件"):
        county.enrol(county.write_key_file(tmp_path / "county.json"))
    assert [d.device for d in county.devices()] == ["A1"]


# -- merging ---------------------------------------------------------------------------------

def test_merge_is_idempotent_and_all_photos_arrive(county, two_laptops, tmp_path):
    a, _ = two_laptops
    enrol(county, a, tmp_path)
    bundle = laptop_bundle(a, tmp_path / "a1.tsobundle")
    o = merge_file(county, bundle)
    rows = laptop_rows(a)
    assert o.status == "merged" and o.new == sum(len(v) for v in rows.values()) and o.conflicts == 0
    state = dump(county)
    assert merge_file(county, bundle).status == "already"
    assert dump(county) == state
    # The same rows in a new bundle (a resend) change nothing either.
    o2 = merge_file(county, laptop_bundle(a, tmp_path / "a1-again.tsobundle"))
    assert o2.status == "merged" and o2.new == o2.updated == 0
    assert {k: v for k, v in dump(county).items() if k != "county_bundle"} == \
        {k: v for k, v in state.items() if k != "county_bundle"}
    from inspector_app.storage.photos import photo_path

    for r in rows["photo"]:
        assert photo_path(county.photos_dir, r["sha256"]).exists()


def test_a_bundle_sealed_to_the_county_key_file_merges(county, two_laptops, tmp_path):
    from inspector_app.sync import seal

    a, _ = two_laptops
    enrol(county, a, tmp_path)
    data = keys.read_key_file(county.write_key_file(tmp_path / "county.json"), role="county")
    to = seal.load_public(data["encryption_key"])
    bundle = laptop_bundle(a, tmp_path / "sealed.tsobundle", encrypt_to=to)
    assert seal.is_sealed(bundle)
    o = merge_file(county, bundle)
    assert o.status == "merged" and o.new > 0
    assert county.encryption_key().public_key().public_bytes_raw() == to.public_bytes_raw()  # kept, not remade


def test_a_bundle_from_an_unenrolled_laptop_or_a_county_bundle_is_refused(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    before = dump(county)
    with pytest.raises(ValueError):
        merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle"))
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    ret = write_return(county, township(a), tmp_path / "ret.tsobundle")
    county.enrol(_key_as_laptop(county, tmp_path))
    with pytest.raises(CountyError, match="县局下发的数据包"):
        merge_file(county, ret.path)
    assert before != dump(county)  # a's merge went in; nothing of b's or the return did
    assert not county.engine.query("SELECT 1 FROM enterprise WHERE origin = 'B2'")


def _key_as_laptop(county, tmp_path) -> Path:
    """The county's own key enrolled as if it were a laptop's (to reach the kind check)."""
    return keys.write_key_file(tmp_path / "fake.json", {"device": "ZZ", "township": "璜土镇",
                                                        "public_key": county.public_key_text(), "series": ["ZZ"]})


def test_a_bundle_for_another_township_than_enrolled_is_refused(county, two_laptops, tmp_path):
    a, _ = two_laptops
    enrol(county, a, tmp_path)
    with pytest.raises(CountyError, match="登记在"):
        merge_file(county, laptop_bundle(a, tmp_path / "x.tsobundle", manifest_extra={"township": "月城镇"}))
    assert not county.engine.query("SELECT 1 FROM county_bundle")


def test_two_laptops_with_the_same_county_list_are_unified_by_credit_code(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle"))
    e = county.engine
    coded = "deleted = 0 AND uscc IS NOT NULL AND uscc <> ''"  # a sole trader without a code is not unified
    live = e.query(f"SELECT uscc, count(*) AS n FROM enterprise WHERE {coded} GROUP BY uscc")
    assert live and all(r["n"] == 1 for r in live)
    assert len(live) == a.conn.execute(f"SELECT count(*) FROM enterprise WHERE {coded}").fetchone()[0]
    aliases = e.query("SELECT id, new_id FROM id_alias WHERE tbl = 'enterprise'")
    assert len(aliases) >= len(live)  # by credit code, and by registration number where there is none
    survivors = {r["id"] for r in e.query("SELECT id FROM enterprise WHERE deleted = 0")}
    assert all(a["new_id"] in survivors and a["id"] not in survivors for a in aliases)
    # Nothing points at a lost id: every reference resolves to a row that exists.
    for child in ("inspection", "finding", "document"):
        dangling = e.query(f"SELECT count(*) AS n FROM {child} c WHERE c.enterprise_id IS NOT NULL "
                           "AND NOT EXISTS (SELECT 1 FROM enterprise x WHERE x.id = c.enterprise_id)")
        assert dangling[0]["n"] == 0
    drafts = e.query("SELECT count(*) AS n FROM inspection i JOIN enterprise x ON x.id = i.enterprise_id "
                     "WHERE x.deleted = 1 AND i.status <> 'final'")
    assert drafts[0]["n"] == 0  # unfrozen records follow the survivor
    # and so do the officers an inspection names in its JSON list (officers unify by certificate)
    lost_officers = {r["id"] for r in e.query("SELECT id FROM id_alias WHERE tbl = 'officer'")}
    assert lost_officers
    named = [(r["status"], set(json.loads(r["officer_ids"]))) for r in e.query("SELECT status, officer_ids FROM inspection")]
    assert not any(ids & lost_officers for status, ids in named if status != "final")
    assert any(ids & lost_officers for status, ids in named if status == "final")  # frozen ones keep theirs


def test_a_later_record_for_a_unified_enterprise_follows_the_survivor(county, two_laptops, tmp_path):
    # B has not seen the county's unification yet: its next bundle still names its own id of an
    # enterprise the county unified away. That reference is followed too (the county follows
    # old aliases in the rows a bundle brings, and new aliases everywhere).
    from tests.sync.helpers import add_enterprise

    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle"))
    e = county.engine
    lost = e.query("SELECT id, new_id FROM id_alias WHERE tbl = 'enterprise' ORDER BY id")
    mine = {r[0] for r in b.conn.execute("SELECT id FROM enterprise")}
    gone = next(r for r in lost if r["id"] in mine)
    # a new draft inspection on B for that enterprise, copied from one of B's drafts
    cur = b.conn.execute("SELECT * FROM inspection WHERE origin = ? LIMIT 1", [b.device])
    row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    from inspector_app.core.ids import uuid7

    row.update(id=uuid7(), enterprise_id=gone["id"], status="draft", finalised_at="")
    b.stamp(row, new=True)
    with b.write():
        b.conn.execute(f"INSERT INTO inspection ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
    add_enterprise(b, "后来登记的企业")  # a table with new rows of its own in the same bundle
    tables = {t: [r for r in rows if t not in ("inspection", "enterprise") or r["id"] == row["id"]
                  or r["name" if t == "enterprise" else "id"] == "后来登记的企业"]
              for t, rows in laptop_rows(b).items()}
    merge_file(county, laptop_bundle(b, tmp_path / "b2.tsobundle", tables=tables))
    got = e.query("SELECT enterprise_id FROM inspection WHERE id = :i", {"i": row["id"]})
    assert got == [{"enterprise_id": gone["new_id"]}]


def test_two_townships_villages_and_ledger_quarters_are_never_unified(county, tmp_path):
    # Two townships may both have a 新港村, and each closes its own 2026 Q1 ledgers: the county
    # unifies twins only within the township a bundle comes from.
    a = make_laptop(tmp_path / "a.sqlite", "A1", enterprises=10, ledgers=True, township_name="周庄镇")
    b = make_laptop(tmp_path / "b.sqlite", "B1", seed=9, enterprises=10, ledgers=True, township_name="华士镇")
    try:
        for s in (a, b):
            enrol(county, s, tmp_path)
            merge_file(county, laptop_bundle(s, tmp_path / f"{s.device}.tsobundle"))
        e = county.engine
        same = e.query("SELECT name FROM village GROUP BY name HAVING count(*) > 1")
        assert same  # the demo townships share village names
        assert e.query("SELECT count(*) AS n FROM village WHERE deleted = 1") == [{"n": 0}]
        assert e.query("SELECT count(*) AS n FROM ledger_quarter WHERE deleted = 1") == [{"n": 0}]
        assert e.query("SELECT count(*) AS n FROM id_alias") == [{"n": 0}]
        for s in (a, b):  # each township's return bundle holds what its records refer to
            from inspector_app.sync import laptop

            laptop.trust_county_key(s, county.write_key_file(tmp_path / "county.key.json"))
            laptop.import_bundle(s, write_return(county, township(s), tmp_path / f"r-{s.device}.tsobundle").path)
    finally:
        a.close()
        b.close()


def test_the_order_of_bundles_does_not_matter(two_laptops, tmp_path, county_target, request):
    a, b = two_laptops
    fa, fb = key_file(a, tmp_path / "a.json"), key_file(b, tmp_path / "b.json")
    ba, bb = laptop_bundle(a, tmp_path / "a.tsobundle"), laptop_bundle(b, tmp_path / "b.tsobundle")
    states = []
    for n, order in enumerate([(ba, bb), (bb, ba)]):
        target = county_target if n == 0 else _second_target(county_target, tmp_path, request)
        cs, _ = init_store(target, photos_dir=tmp_path / f"ph{n}")
        cs.enrol(fa)
        cs.enrol(fb)
        for bundle in order:
            merge_file(cs, bundle)
        states.append({k: v for k, v in dump(cs).items() if k not in ("county_bundle", "id_alias")})
        states[-1]["alias"] = sorted((r["id"], r["new_id"]) for r in cs.engine.query("SELECT * FROM id_alias"))
        cs.close()
    assert states[0] == states[1]


def _second_target(first: str, tmp_path, request) -> str:
    if first.startswith("postgresql://"):
        return request.getfixturevalue("postgres_server").fresh_database()
    return str(tmp_path / "second.sqlite")


def test_a_reused_document_number_refuses_the_whole_bundle(county, two_laptops, tmp_path):
    """A laptop restored from an old backup issues a number again: the county refuses it."""
    a, _ = two_laptops
    enrol(county, a, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    before = dump(county)
    rows = laptop_rows(a)
    doc = dict(rows["document"][0])
    from inspector_app.core.ids import uuid7

    doc["id"] = uuid7()
    doc["hlc"] = a.clock.now()
    ent = dict(rows["enterprise"][0], hlc=a.clock.now(), name="恢复后改过的名称")
    with pytest.raises(CountyError, match=doc["doc_no"].replace("(", r"\(").replace(")", r"\)")) as err:
        merge_file(county, laptop_bundle(a, tmp_path / "restored.tsobundle",
                                         tables={"enterprise": [ent], "document": [doc]}))
    assert "旧备份" in str(err.value)
    assert dump(county) == before  # all or nothing: the enterprise edit did not land either


def test_a_changed_legal_record_refuses_the_bundle(county, two_laptops, tmp_path):
    a, _ = two_laptops
    enrol(county, a, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    before = dump(county)
    doc = dict(laptop_rows(a)["document"][0], content='{"forged": true}', hlc=a.clock.now())
    with pytest.raises(ValueError, match="不可被改动"):
        merge_file(county, laptop_bundle(a, tmp_path / "forged.tsobundle", tables={"document": [doc]}))
    assert dump(county) == before


def test_another_officers_records_are_taken_only_from_their_own_laptop(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    insp = dict(laptop_rows(a)["inspection"][0], summary="B 改写的结论", hlc=b.clock.now() + (1 << 40))
    o = merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle", tables={"inspection": [insp]}))
    assert o.skipped == 1 and o.updated == 0
    got = county.engine.query("SELECT summary FROM inspection WHERE id = :i", {"i": insp["id"]})
    assert got[0]["summary"] != "B 改写的结论"


def test_a_concurrent_edit_lands_in_the_conflict_list_with_nothing_lost(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    ent = laptop_rows(a)["enterprise"][0]
    base = ent["hlc"]
    mine = dict(ent, principal="张甲", hlc=base + 10, origin="A1", _base_hlc=base, _changed='["principal"]')
    theirs = dict(ent, principal="李乙", hlc=base + 20, origin="B2", _base_hlc=base, _changed='["principal"]')
    merge_file(county, laptop_bundle(a, tmp_path / "a2.tsobundle", tables={"enterprise": [mine]}))
    o = merge_file(county, laptop_bundle(b, tmp_path / "b2.tsobundle", tables={"enterprise": [theirs]}))
    assert o.conflicts == 1
    row = county.engine.query("SELECT principal FROM enterprise WHERE id = :i", {"i": ent["id"]})[0]
    assert row["principal"] == "李乙"  # the later edit wins
    c = county.engine.query("SELECT * FROM sync_conflict")[0]
    assert c["label"] == "conflict" and json.loads(c["loser"])["principal"] == "张甲"
    text = conflicts_text(county)
    assert "冲突（同一字段" in text and "principal" in text and "A1" in text


# -- return bundles and the report -----------------------------------------------------------

def test_the_return_bundle_is_signed_addressed_and_its_sequence_grows(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle"))
    county_pub = county.private_key().public_key()
    trusted = {keys.fingerprint(county_pub): county_pub}
    (tmp_path / "out").mkdir()
    first = write_return(county, township(a), tmp_path / "out")
    second = write_return(county, township(a), tmp_path / "r2.tsobundle")
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.path.parent == tmp_path / "out" and first.path.suffix == ".tsobundle"
    with B.open_bundle(second.path, trusted_keys=trusted) as r:
        m = r.manifest
        assert m["kind"] == "county" and m["addressed_to"]["township"] == township(a)
        assert set(m["acks"]) == {"A1", "B2"} and m["acks"]["A1"]["sequence"] >= 1
        docs = list(r.rows("document"))
        assert {d["origin"] for d in docs} == {"A1", "B2"}
        highest = max(d["seq"] for d in docs if d["series"] == "A1")
        marks = {(h["series"], h["kind"], h["year"]): h["last"] for h in m["high_water"]}
        assert max(v for (s, _, _), v in marks.items() if s == "A1") >= highest
        assert m["settings"]  # what a new laptop is set up from
        photos = {p["sha256"] for p in r.rows("photo")}
        assert photos and photos <= r.photo_names
    with pytest.raises(CountyError, match="没有登记过"):
        write_return(county, "不存在镇", tmp_path / "x.tsobundle")


def test_return_bundles_hold_only_their_own_township(county, tmp_path):
    a = make_laptop(tmp_path / "a.sqlite", "A1")
    c = make_laptop(tmp_path / "c.sqlite", "C3", seed=11, township_name="月城镇")
    try:
        enrol(county, a, tmp_path)
        enrol(county, c, tmp_path)
        merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
        merge_file(county, laptop_bundle(c, tmp_path / "c.tsobundle"))
        ret = write_return(county, "月城镇", tmp_path / "yc.tsobundle")
        pub = county.private_key().public_key()
        with B.open_bundle(ret.path, trusted_keys={keys.fingerprint(pub): pub}) as r:
            assert {x["origin"] for x in r.rows("inspection")} == {"C3"}
            ents = {x["id"] for x in r.rows("enterprise")}
        c_ents = {x[0] for x in c.conn.execute("SELECT id FROM enterprise")}
        assert ents == c_ents
    finally:
        a.close()
        c.close()


def test_the_report_names_who_sent_what_and_who_is_silent(county, two_laptops, tmp_path):
    a, b = two_laptops
    enrol(county, a, tmp_path)
    enrol(county, b, tmp_path)
    merge_file(county, laptop_bundle(a, tmp_path / "a.tsobundle"))
    text = report_text(county)
    assert "A1：收到1个数据包" in text and "B2：尚未收到任何数据包" in text
    assert "所有电脑在30天内都有报送" in text
    with clock.pinned(clock.now() + timedelta(days=40)):
        lines = {d.device: d for d in device_lines(county)}
        assert lines["A1"].silent and lines["B2"].silent
        merge_file(county, laptop_bundle(b, tmp_path / "b.tsobundle"))
        lines = {d.device: d for d in device_lines(county)}
        assert lines["A1"].silent and not lines["B2"].silent
        text = report_text(county)
    assert "超过30天未报送的电脑（1台）" in text and f"{township(a)}A1" in text
