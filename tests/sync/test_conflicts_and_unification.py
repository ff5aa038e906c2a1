"""Concurrent edits land in the conflict list with nothing lost and are resolved by the officer;
the same enterprise registered under two ids (same credit code) is unified everywhere."""

import json

from inspector_app.sync import state

from .helpers import Relay, add_enterprise, edit, memory_laptop, table_state


def _pair(engine):
    relay = Relay(engine)
    a, b = memory_laptop("A1"), memory_laptop("B2")
    eid = add_enterprise(a, "江阴市甲机械有限公司")
    for s in (a, b):
        relay.take(s)
    for s in (a, b):
        relay.give(s)
    return relay, a, b, eid


def _sync(relay, *stores):
    for s in stores:
        relay.take(s)
    for s in stores:
        relay.give(s)


def _value(s, eid, col):
    return s.conn.execute(f"SELECT {col} FROM enterprise WHERE id = ?", [eid]).fetchone()[0]


def test_the_same_field_edited_on_two_laptops_is_a_conflict_with_both_versions(sqlite_engine):
    relay, a, b, eid = _pair(sqlite_engine)
    edit(a, "enterprise", eid, legal_rep="王五")
    edit(b, "enterprise", eid, legal_rep="赵六")  # later: the winner by HLC
    _sync(relay, a, b)
    _sync(relay, a, b)
    assert _value(a, eid, "legal_rep") == _value(b, eid, "legal_rep") == "赵六"
    [c] = state.conflicts(a)
    assert c["label"] == "conflict" and c["columns"] == ["legal_rep"]
    assert c["winner"]["legal_rep"] == "赵六" and c["loser"]["legal_rep"] == "王五"
    assert ("legal_rep", "赵六", "王五") in c["differences"]
    assert "同时修改" in c["explanation"] and c["title"] == "企业“江阴市甲机械有限公司”"
    assert state.status(a)["open_conflicts"] == 1
    # the officer takes the other version: a new edit that reaches every laptop
    state.resolve(a, c["id"], "other")
    assert state.conflicts(a) == [] and state.status(a)["open_conflicts"] == 0
    _sync(relay, a, b)
    assert _value(a, eid, "legal_rep") == _value(b, eid, "legal_rep") == "王五"
    assert table_state(a.conn, ["enterprise"]) == table_state(b.conn, ["enterprise"])


def test_different_fields_edited_on_two_laptops_are_both_kept(sqlite_engine):
    relay, a, b, eid = _pair(sqlite_engine)
    edit(a, "enterprise", eid, legal_rep_phone="13800000001")
    edit(b, "enterprise", eid, address="周庄镇长寿路8号")
    _sync(relay, a, b)
    _sync(relay, a, b)
    for s in (a, b):
        assert _value(s, eid, "legal_rep_phone") == "13800000001"
        assert _value(s, eid, "address") == "周庄镇长寿路8号"
    labels = {c["label"] for s in (a, b) for c in state.conflicts(s)}
    assert labels <= {"parallel update"} and labels
    assert all("conflict" != c["label"] for s in (a, b) for c in state.conflicts(s))


def test_per_field_resolution(sqlite_engine):
    relay, a, b, eid = _pair(sqlite_engine)
    edit(a, "enterprise", eid, legal_rep="王五", principal="钱七")
    edit(b, "enterprise", eid, legal_rep="赵六", principal="孙八")
    _sync(relay, a, b)
    _sync(relay, a, b)
    [c] = state.conflicts(a)
    assert set(c["columns"]) == {"legal_rep", "principal"}
    state.resolve(a, c["id"], {"legal_rep": "other", "principal": "keep"})
    assert (_value(a, eid, "legal_rep"), _value(a, eid, "principal")) == ("王五", "孙八")
    import pytest

    with pytest.raises(ValueError, match="已处理"):
        state.resolve(a, c["id"], "keep")


def test_two_ids_with_one_credit_code_are_unified_and_references_follow(sqlite_engine):
    relay = Relay(sqlite_engine)
    a, b = memory_laptop("A1"), memory_laptop("B2")
    code = "91320281MA1XXXXX0X"
    ea = add_enterprise(a, "江阴市甲机械有限公司", uscc=code)
    eb = add_enterprise(b, "江阴市甲机械有限公司", uscc=code)
    ins = {}
    for s, e in ((a, ea), (b, eb)):
        row = {"enterprise_id": e, "started_at": "2026-11-30T09:00:00"}
        s.stamp(row, new=True)
        with s.write():
            s.conn.execute("INSERT INTO inspection (id, enterprise_id, started_at, hlc, origin) VALUES (?,?,?,?,?)",
                           [row["id"], e, row["started_at"], row["hlc"], row["origin"]])
        ins[s.device] = row["id"]
    _sync(relay, a, b)
    _sync(relay, a, b)
    survivor, lost = sorted([ea, eb])
    for s in (a, b):
        live = [r[0] for r in s.conn.execute("SELECT id FROM enterprise WHERE uscc = ? AND deleted = 0", [code])]
        assert live == [survivor]
        assert s.conn.execute("SELECT new_id FROM id_alias WHERE id = ?", [lost]).fetchone() == (survivor,)
        targets = {r[0] for r in s.conn.execute("SELECT enterprise_id FROM inspection")}
        assert targets == {survivor}, "every inspection follows the surviving id"
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert table_state(a.conn, ["enterprise", "inspection", "id_alias"]) == \
        table_state(b.conn, ["enterprise", "inspection", "id_alias"])
    county = {r["id"]: r["enterprise_id"] for r in relay.engine.query("SELECT id, enterprise_id FROM inspection")}
    assert set(county.values()) == {survivor}
    json.dumps(state.status(a))  # the screen's data stays serialisable
