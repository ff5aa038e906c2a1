"""The shadow of an exchanged row: long values kept as digests, the same in Python and in SQL,
and still enough to tell which columns a later local edit changed."""

from __future__ import annotations

import json

from inspector_app.sync import merge as M

LONG = "检查表快照" * 200  # a checklist snapshot's size class


def _row(**kw):
    row = {"id": "r1", "hlc": 10, "origin": "A1", "created_at": "x", "updated_at": "x", "name": "华宏机械",
           "snapshot": LONG, "amount": 0.1 + 0.2, "count": 3, "note": None}
    row.update(kw)
    return row


def test_long_values_are_kept_as_digests():
    data = json.loads(M.shadow_data(_row()))
    assert data["snapshot"].startswith(M.DIGEST_PREFIX) and len(data["snapshot"]) < 80
    assert data["name"] == "华宏机械" and data["count"] == 3 and data["note"] is None
    assert "id" not in data and "hlc" not in data  # what _local_base compares: data columns only
    assert len(M.shadow_data(_row())) < 600


def _keep_store():
    from tests.sync.helpers import add_enterprise, memory_laptop

    s = memory_laptop("A1")
    eid = add_enterprise(s, "华宏机械", uscc=None)
    hlc = s.conn.execute("SELECT hlc FROM enterprise WHERE id = ?", [eid]).fetchone()[0]
    with s.write():  # exchanged: a shadow without values, as an export or import writes it
        s.conn.execute("INSERT INTO sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) "
                       "VALUES ('enterprise', ?, ?, 0, NULL, NULL)", [eid, hlc])
    return s, eid, hlc


def _shadow(s, eid):
    return dict(zip(("hlc", "base_hlc", "changed", "data"), s.conn.execute(
        "SELECT hlc, base_hlc, changed, data FROM sync_shadow WHERE row_id = ?", [eid]).fetchone()))


def test_the_first_local_edit_keeps_the_exchanged_version_in_its_shadow():
    from tests.sync.helpers import edit

    s, eid, hlc = _keep_store()
    with s.write():  # a reference followed to a survivor: no new version, nothing kept
        s.conn.execute("UPDATE enterprise SET village_id = village_id WHERE id = ?", [eid])
    assert _shadow(s, eid)["data"] is None
    edit(s, "enterprise", eid, name="华宏机械厂")
    kept = json.loads(_shadow(s, eid)["data"])
    assert kept["name"] == "华宏机械" and "hlc" not in kept and "id" not in kept
    edit(s, "enterprise", eid, legal_rep="王五")  # a second edit keeps the exchanged version
    assert json.loads(_shadow(s, eid)["data"])["name"] == "华宏机械"
    L = dict(zip([d[0] for d in s.conn.execute("SELECT * FROM enterprise").description],
                 s.conn.execute("SELECT * FROM enterprise WHERE id = ?", [eid]).fetchone()))
    assert M._local_base(L, _shadow(s, eid), M.data_columns(L))[1] == {"name", "legal_rep"}


def test_every_synced_table_keeps_every_data_column():
    from inspector_app.storage import open_memory
    from inspector_app.storage.sync_schema import KEEP_PREFIX
    from inspector_app.sync import tables as T

    s = open_memory(device="X")
    triggers = dict(s.conn.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                                   [KEEP_PREFIX + "%"]).fetchall())
    for t in T.NAMES:
        assert t in triggers, t
        for c in M.data_columns(T.columns(s.conn, t)):
            assert f"OLD.\"{c}\"" in triggers[t], (t, c)


def _changed(old: dict, new: dict, data: str) -> set[str] | None:
    shadow = {"hlc": old["hlc"], "base_hlc": 0, "changed": None, "data": data}
    return M._local_base(new, shadow, M.data_columns(new))[1]


def test_a_local_edit_after_the_exchange_is_told_column_by_column():
    old = _row()
    data = M.shadow_data(old)
    assert _changed(old, _row(hlc=11, name="华宏机械厂"), data) == {"name"}
    assert _changed(old, _row(hlc=11, snapshot=LONG + "。"), data) == {"snapshot"}
    assert _changed(old, _row(hlc=11, amount=0.3), data) == set()  # the same REAL to 15 digits
    assert _changed(old, _row(hlc=11, amount=0.31), data) == {"amount"}


def test_a_shadow_written_before_digests_still_compares():
    old = _row()
    full = M._dumps(old)  # the earlier format: every value in full
    assert _changed(old, _row(hlc=11, snapshot=LONG + "。"), full) == {"snapshot"}
    assert _changed(old, _row(hlc=11, count=4), full) == {"count"}
