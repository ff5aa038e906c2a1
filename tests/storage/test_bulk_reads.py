"""Public reads the demo is built on: the whole registry in a stable order, and the read-only
'would replacing this file lose records' check."""

import sqlite3

from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises, open_db, township
from inspector_app.storage.db import holds_data


def code(n: int) -> str:
    return uscc.make("91", "320281", body8=f"{n:08d}")


def test_list_all_is_in_name_order_and_skips_the_deleted(store):
    for name, n, status in (("乙厂", 1, "在营"), ("甲厂", 2, "停产"), ("丙厂", 3, "在营"), ("丁厂", 4, "在营")):
        enterprises.save(store, Enterprise(name=name, uscc=code(n), status=status))
    gone = enterprises.search_ids(store, enterprises.SearchQuery(text="丁厂"))[0]
    enterprises.delete(store, gone)
    assert [e.name for e in enterprises.list_all(store)] == sorted(["乙厂", "甲厂", "丙厂"])
    assert [e.name for e in enterprises.list_all(store, status="在营")] == sorted(["乙厂", "丙厂"])
    assert all(isinstance(e, Enterprise) and e.id for e in enterprises.list_all(store))


def test_holds_data_only_for_records_or_foreign_files(tmp_path):
    assert not holds_data(tmp_path / "absent.sqlite")
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert not holds_data(tmp_path / "empty.sqlite")
    fresh = tmp_path / "fresh.sqlite"
    open_db(fresh, create=True).close()
    assert not holds_data(fresh)  # ours, nothing in it yet
    store = open_db(fresh)
    township.save_village(store, township.Village(name="璜土村"))
    store.close()
    assert holds_data(fresh)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    assert holds_data(other)  # somebody else's database: never ours to replace
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert holds_data(tmp_path / "junk.sqlite")
