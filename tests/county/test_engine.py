"""sync.engine on both engines: placeholders, transactions, types, collation, bulk insert."""

from __future__ import annotations

import pytest

from inspector_app.sync.engine import EngineError, is_postgres_url, open_engine, to_pyformat


def test_placeholders_become_pyformat_outside_literals_and_casts():
    sql = "SELECT :a, x::text, ':b %', \"c:d\", 5 % 2 -- :z %\nWHERE y = :y_1"
    assert to_pyformat(sql) == "SELECT %(a)s, x::text, ':b %%', \"c:d\", 5 %% 2 -- :z %%\nWHERE y = %(y_1)s"


@pytest.fixture
def engine(county_target):
    e = open_engine(county_target, create=True)
    t, i, r, b = (e.column_type(k) for k in ("text", "integer", "real", "blob"))
    e.execute(f"CREATE TABLE t (id {t} PRIMARY KEY, hlc {i}, origin {t}, v {t}, x {r}, blob {b})")
    yield e
    e.close()


UPSERT = ("INSERT INTO t AS t (id, hlc, origin, v) VALUES (:id, :hlc, :origin, :v) "
          "ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin, v = excluded.v "
          "WHERE (excluded.hlc, excluded.origin) > (t.hlc, t.origin)")


def test_the_lww_upsert_is_the_same_sql_on_both(engine):
    engine.executemany(UPSERT, [{"id": "a", "hlc": 5, "origin": "A1", "v": "first"}])
    engine.executemany(UPSERT, [{"id": "a", "hlc": 4, "origin": "Z9", "v": "older"},
                                {"id": "a", "hlc": 5, "origin": "B2", "v": "tie, greater origin"},
                                {"id": "a", "hlc": 5, "origin": "A0", "v": "tie, smaller origin"}])
    assert engine.query("SELECT v, hlc, origin FROM t") == [{"v": "tie, greater origin", "hlc": 5, "origin": "B2"}]


def test_origins_order_by_bytes_as_on_sqlite(engine):
    # A county server initialised with a language locale must still break ties as laptops do.
    engine.insert_rows("t", ["id", "hlc", "origin"], [("1", 1, "a1"), ("2", 1, "B2"), ("3", 1, "_x")])
    assert [r["origin"] for r in engine.query("SELECT origin FROM t ORDER BY origin")] == ["B2", "_x", "a1"]


def test_types_round_trip(engine):
    big = (1 << 62) + 7  # an HLC is ms << 16: beyond 32 bits
    engine.execute("INSERT INTO t (id, hlc, x, blob, v) VALUES (:i, :h, :x, :b, :v)",
                   {"i": "k", "h": big, "x": 1.5, "b": b"\x00\xff", "v": "整改 100%"})
    assert engine.query("SELECT hlc, x, blob, v FROM t") == [{"hlc": big, "x": 1.5, "blob": b"\x00\xff", "v": "整改 100%"}]


def test_transactions_roll_back_whole_and_nest_as_savepoints(engine):
    with pytest.raises(KeyError):
        with engine.transaction():
            engine.execute("INSERT INTO t (id) VALUES ('x')")
            raise KeyError
    assert engine.query("SELECT id FROM t") == []
    with engine.transaction():
        engine.execute("INSERT INTO t (id) VALUES ('outer')")
        with pytest.raises(ValueError):
            with engine.transaction():
                engine.execute("INSERT INTO t (id) VALUES ('inner')")
                raise ValueError
        engine.lock("bundle-1")
    assert [r["id"] for r in engine.query("SELECT id FROM t")] == ["outer"]


def test_columns_and_tables(engine):
    assert engine.table_columns("t") == ["id", "hlc", "origin", "v", "x", "blob"]
    assert engine.table_columns("missing") == []
    assert "t" in engine.tables()


def test_open_engine_never_creates_a_mistyped_file(tmp_path):
    with pytest.raises(EngineError, match="找不到文件"):
        open_engine(tmp_path / "typo.sqlite")
    assert not (tmp_path / "typo.sqlite").exists()
    with pytest.raises(EngineError, match="是文件夹"):
        open_engine(tmp_path)
    assert is_postgres_url("postgresql://u@h/db") and not is_postgres_url("county.sqlite")
