"""Export → county → return bundle → import, on laptops with files: idempotence, tombstones,
high-water marks, numbers that never collide and cannot be reused after a restore."""

import pytest

from inspector_app.storage import series as series_store
from inspector_app.sync import bundle as B
from inspector_app.sync import laptop, state

from .helpers import Relay, add_enterprise, dump, edit, file_laptop, rectification, table_state


@pytest.fixture
def two(tmp_path, sqlite_engine):
    a = file_laptop(tmp_path, "A1")
    b = file_laptop(tmp_path, "B2")
    relay = Relay(sqlite_engine)
    key = relay.key_file(tmp_path / "county.key")
    laptop.trust_county_key(a, key)
    laptop.trust_county_key(b, key)
    yield a, b, relay, tmp_path
    a.close()
    b.close()


def round_trip(relay, tmp_path, *stores):
    for s in stores:
        info = laptop.export_bundle(s, tmp_path / "stick")
        relay.receive(info["path"], s)
    results = []
    for s in stores:
        path = relay.write_return(tmp_path / "stick" / f"return-{relay.seq + 1}.tsobundle")
        results.append(laptop.import_bundle(s, path))
    return results


def test_export_is_atomic_verified_and_kept_in_the_outbox(two):
    a, _, relay, tmp = two
    add_enterprise(a, "江阴市甲机械有限公司")
    (tmp / "stick").mkdir()
    info = laptop.export_bundle(a, tmp / "stick")
    assert info["path"].exists() and not list((tmp / "stick").glob("*.part"))
    assert info["path"].name.startswith("T周庄镇_A1_") and info["path"].suffix == ".tsobundle"
    assert info["outbox"].exists()
    assert [o["bundle_id"] for o in state.outbox(a)] == [info["bundle_id"]]
    # the county's acknowledgement empties the outbox (and removes the kept copy)
    relay.receive(info["path"], a)
    laptop.import_bundle(a, relay.write_return(tmp / "stick" / "r1.tsobundle"))
    assert state.outbox(a) == [] and not info["outbox"].exists()
    # the sequence only grows
    second = laptop.export_bundle(a, tmp / "stick")
    assert second["sequence"] == info["sequence"] + 1


def test_an_export_that_cannot_be_recorded_leaves_no_bundle_behind(two, monkeypatch):
    # The file is written on a second thread while the shadows are marked; if marking fails the
    # finished file must not stay on the stick or in the outbox looking like a sent bundle.
    a, _, _, tmp = two
    add_enterprise(a, "江阴市甲机械有限公司")
    (tmp / "stick").mkdir()

    def broken(store, st):
        raise OSError("磁盘已满")

    monkeypatch.setattr(laptop, "mark_staged", broken)
    with pytest.raises(OSError):
        laptop.export_bundle(a, tmp / "stick")
    assert list((tmp / "stick").iterdir()) == []
    assert not list(laptop.outbox_dir(a).glob("*.tsobundle"))
    assert state.outbox(a) == [] and a.conn.execute("SELECT count(*) FROM sync_export").fetchone()[0] == 0
    monkeypatch.undo()
    info = laptop.export_bundle(a, tmp / "stick")  # and the next export carries the rows
    assert info["counts"]["enterprise"] >= 1


def test_both_laptops_see_the_same_records_and_reimport_is_a_no_op(two):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    e1 = add_enterprise(a, "江阴市甲机械有限公司")
    e2 = add_enterprise(b, "江阴市乙化工有限公司")
    doc_a = rectification(a, e1)
    round_trip(relay, tmp, a, b)
    shared = ("enterprise", "document", "village")
    sa, sb = table_state(a.conn, shared), table_state(b.conn, shared)
    assert {r["id"] for r in sa["enterprise"]} >= {e1, e2}
    assert sa["enterprise"] == sb["enterprise"] and sa["document"] == sb["document"]
    assert doc_a["doc_no"] in {r["doc_no"] for r in sb["document"]}
    # import the very same bundle again: nothing changes
    path = relay.write_return(tmp / "stick" / "again.tsobundle")
    laptop.import_bundle(b, path)
    before = dump(b)
    assert laptop.import_bundle(b, path)["already"] is True
    assert dump(b) == before
    # pure merge idempotence: with the import log forgotten, the rows stay as they are
    state_before = table_state(b.conn)
    with b.write():
        b.conn.execute("DELETE FROM sync_import")
    laptop.import_bundle(b, path)
    assert table_state(b.conn) == state_before


def test_a_deletion_travels_as_a_tombstone(two):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    e1 = add_enterprise(a, "江阴市甲机械有限公司")
    round_trip(relay, tmp, a, b)
    assert b.conn.execute("SELECT deleted FROM enterprise WHERE id = ?", [e1]).fetchone() == (0,)
    edit(a, "enterprise", e1, deleted=1)
    round_trip(relay, tmp, a, b)
    assert b.conn.execute("SELECT deleted FROM enterprise WHERE id = ?", [e1]).fetchone() == (1,)


def test_two_laptops_never_collide_on_a_number(two):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    ea, eb = add_enterprise(a, "江阴市甲机械有限公司"), add_enterprise(b, "江阴市乙机械有限公司")
    nos = [rectification(a, ea, tag=str(i))["doc_no"] for i in range(5)]
    nos += [rectification(b, eb, tag=str(i))["doc_no"] for i in range(5)]
    round_trip(relay, tmp, a, b)
    county = {r["doc_no"] for r in relay.engine.query("SELECT doc_no FROM document")}
    assert len(set(nos)) == 10 and county == set(nos)
    assert {r[0] for r in b.conn.execute("SELECT doc_no FROM document")} == set(nos)


def test_a_restored_laptop_cannot_reuse_a_number(two, tmp_path):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    ea = add_enterprise(a, "江阴市甲机械有限公司")
    rectification(a, ea, tag="1")
    snapshot = tmp / "old.sqlite"
    a.conn.execute(f"VACUUM INTO '{snapshot}'")  # the backup taken now
    rectification(a, ea, tag="2")
    rectification(a, ea, tag="3")
    round_trip(relay, tmp, a)
    a.close()
    # the laptop is restored from the old backup: it forgot numbers 2 and 3
    from inspector_app.storage import open_db

    path = tmp / "A1" / "inspector.sqlite"
    for suffix in ("", "-wal", "-shm"):
        (tmp / "A1" / f"inspector.sqlite{suffix}").unlink(missing_ok=True)
    snapshot.rename(path)
    r = open_db(path)
    with r.write():
        series_store.block_all(r.conn, series="A1", years=[2026], blocked_at="2026-12-01", backup_taken_at="2026-11-30")
    with pytest.raises(ValueError, match="尚未确认"):
        rectification(r, ea, tag="4")
    laptop.import_bundle(r, relay.write_return(tmp / "stick" / "after-restore.tsobundle"))
    # the county's high-water mark confirmed the series past the numbers the backup forgot
    assert "rectification_order" not in {x["kind"] for x in series_store.blocked(r, series="A1")}
    assert r.conn.execute("SELECT last FROM doc_seq WHERE series = 'A1' AND kind = 'rectification_order'").fetchone() == (3,)
    doc = rectification(r, ea, tag="4")
    assert doc["seq"] == 4
    r.close()


def test_a_document_with_another_content_under_the_same_id_refuses_the_bundle(two):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    ea = add_enterprise(a, "江阴市甲机械有限公司")
    doc = rectification(a, ea)
    round_trip(relay, tmp, a, b)
    relay.engine.execute("UPDATE document SET content = :c, hlc = hlc + 5 WHERE id = :id",
                         {"c": '{"forged": true}', "id": doc["id"]})
    before = dump(b)
    with pytest.raises(ValueError, match="不可被改动"):
        laptop.import_bundle(b, relay.write_return(tmp / "stick" / "forged.tsobundle"))
    assert dump(b) == before


def test_a_bundle_for_another_township_is_refused(two):
    a, b, relay, tmp = two
    (tmp / "stick").mkdir()
    before = dump(b)
    path = relay.write_return(tmp / "stick" / "other.tsobundle", addressed_to={"township": "华士镇"})
    with pytest.raises(B.BundleError, match="华士镇"):
        laptop.import_bundle(b, path)
    assert dump(b) == before
