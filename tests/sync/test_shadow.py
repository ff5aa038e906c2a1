"""The shadow of an exchanged row: long values kept as digests, the same in Python and in SQL,
and still enough to tell which columns a later local edit changed."""

from __future__ import annotations

import json
import sqlite3

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


def test_the_sql_shadow_equals_the_python_one():
    row = _row()
    conn = sqlite3.connect(":memory:")
    M.register_sql_functions(conn)
    conn.execute(f"CREATE TABLE t ({', '.join(row)})")
    conn.execute(f"INSERT INTO t VALUES ({', '.join('?' * len(row))})", list(row.values()))
    sql = json.loads(conn.execute(f"SELECT {M.shadow_sql(list(row), 't')} FROM t").fetchone()[0])
    py = json.loads(M.shadow_data(row))
    assert sql.keys() == py.keys()
    for c in py:
        assert M._same(sql[c], py[c]), c  # SQLite's JSON keeps 15 digits of a REAL


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
