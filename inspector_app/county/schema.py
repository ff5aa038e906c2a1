"""The county store's tables, created from the laptop's own declaration.

Every synced table (``sync.tables.SYNCED``) gets exactly the laptop's columns, read from a fresh
laptop schema (``tables.laptop_schema()``), so a table or column that joins sync on the laptop
joins the county store by the same declaration. Types are the portable kinds of
``Engine.column_type`` (TEXT, BIGINT, DOUBLE PRECISION, BLOB/BYTEA); the only constraints are the
primary key and, county-wide, the document numbers' uniqueness. No foreign keys: bundles arrive
in any order and each carries the rows it references.

The county's own bookkeeping tables are prefixed ``county_``; columns missing from an older
county store are added (``ALTER TABLE … ADD COLUMN``), never dropped.
"""

from __future__ import annotations

from ..sync import tables as T
from ..sync.engine import Engine

SCHEMA_VERSION = 1

# Unique across the whole county: two laptops never share a number, and a restored laptop that
# issues a number again is refused when its bundle arrives.
UNIQUE = {"document": [("doc_no",), ("series", "kind", "year", "seq")]}

# (name, [(column, kind)], primary key)
COUNTY_TABLES: list[tuple[str, list[tuple[str, str]], tuple[str, ...]]] = [
    ("county_meta", [("key", "text"), ("value", "text")], ("key",)),
    ("county_device", [("device", "text"), ("township", "text"), ("public_key", "text"),
                       ("fingerprint", "text"), ("series", "text"), ("officers", "text"),
                       ("enrolled_at", "text"), ("revoked_at", "text")], ("device",)),
    ("county_township", [("name", "text"), ("return_seq", "integer"), ("settings", "text"),
                         ("settings_hlc", "integer")], ("name",)),
    ("county_bundle", [("bundle_id", "text"), ("device", "text"), ("township", "text"),
                       ("sequence", "integer"), ("sha256", "text"), ("file_name", "text"),
                       ("hlc_from", "integer"), ("hlc_to", "integer"), ("created_at", "text"),
                       ("received_at", "text"), ("rows_in", "integer"), ("new_rows", "integer"),
                       ("updated_rows", "integer"), ("unchanged_rows", "integer"),
                       ("skipped_rows", "integer"), ("conflicts", "integer"), ("photos", "integer"),
                       ("counts", "text"), ("note", "text")], ("bundle_id",)),
    ("county_return", [("township", "text"), ("sequence", "integer"), ("bundle_id", "text"),
                       ("written_at", "text"), ("file_name", "text"), ("rows_out", "integer"),
                       ("photos", "integer")], ("township", "sequence")),
    # Which township a row belongs to (the township of the bundle it first came in).
    # Keys lead with the row id: the merge looks up hundreds of ids of one table at a time, and
    # PostgreSQL without statistics (mid-merge) would otherwise scan the whole table per lookup.
    ("county_row", [("tbl", "text"), ("row_id", "text"), ("township", "text")], ("row_id", "tbl")),
    # The merge's shadow of each row's last exchanged version (sync.merge), created here so its
    # key leads with the row id too; ensure_merge_tables adds what is missing.
    ("sync_shadow", [("tbl", "text"), ("row_id", "text"), ("hlc", "integer"), ("base_hlc", "integer"),
                     ("changed", "text"), ("data", "text")], ("row_id", "tbl")),
    # Document-number high-water marks per series, from laptop manifests and the documents.
    ("county_high_water", [("series", "text"), ("kind", "text"), ("year", "integer"),
                           ("last", "integer"), ("township", "text")], ("series", "kind", "year")),
    ("county_photo", [("sha256", "text"), ("size", "integer"), ("township", "text")], ("sha256",)),
]

INDEXES = [
    ("county_row_township", "county_row", ("township", "tbl")),
    ("county_bundle_device", "county_bundle", ("device", "sequence")),
]


def kind_of(declared: str) -> str:
    """SQLite's affinity rules (sqlite.org/datatype3.html §3.1) mapped to a portable kind."""
    d = (declared or "").upper()
    if "INT" in d:
        return "integer"
    if any(x in d for x in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if "BLOB" in d:
        return "blob"
    if any(x in d for x in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "text"  # NUMERIC affinity: the laptop stores dates and codes as text


def synced_columns() -> dict[str, list[tuple[str, str]]]:
    """table → [(column, kind)] for every synced table the laptop schema has."""
    out = {}
    for name, cols in T.laptop_schema().items():
        if cols:
            out[name] = [(c, kind_of(decl)) for c, decl, _notnull, _default in cols]
    return out


def _create(engine: Engine, name: str, cols: list[tuple[str, str]], pk: tuple[str, ...],
            unique: list[tuple[str, ...]] = ()) -> None:
    q = engine.quote
    existing = engine.table_columns(name)
    if not existing:
        parts = [f"{q(c)} {engine.column_type(k)}" + (" NOT NULL" if c in pk else "") for c, k in cols]
        parts.append(f"PRIMARY KEY ({', '.join(q(c) for c in pk)})")
        parts += [f"UNIQUE ({', '.join(q(c) for c in u)})" for u in unique]
        engine.execute(f"CREATE TABLE {q(name)} ({', '.join(parts)})")
        return
    for c, k in cols:
        if c not in existing:  # a column the laptop gained since this store was created
            engine.execute(f"ALTER TABLE {q(name)} ADD COLUMN {q(c)} {engine.column_type(k)}")


def create_schema(engine: Engine) -> None:
    """Create (or bring up to date) every table of the county store, in one transaction."""
    with engine.transaction():
        for name, cols in synced_columns().items():
            _create(engine, name, cols, ("id",), UNIQUE.get(name, []))
        for name, cols, pk in COUNTY_TABLES:
            _create(engine, name, cols, pk)
        # The merge looks rows up by what unifies them (an enterprise's credit code).
        unify = [(f"{t.name}_unify", t.name, tuple(t.unify_by)) for t in T.SYNCED
                 if t.unify_by and t.name in engine.tables()]
        for idx, tbl, cols in INDEXES + unify:
            engine.execute(f"CREATE INDEX IF NOT EXISTS {engine.quote(idx)} ON {engine.quote(tbl)} "
                           f"({', '.join(engine.quote(c) for c in cols)})")
        try:
            from ..sync.merge import ensure_merge_tables
        except ImportError:  # pragma: no cover - merge.py lands with S1's work
            ensure_merge_tables = None
        if ensure_merge_tables is not None:
            ensure_merge_tables(engine)


def is_county_store(engine: Engine) -> bool:
    return "county_meta" in engine.tables()


__all__ = ["COUNTY_TABLES", "SCHEMA_VERSION", "UNIQUE", "create_schema", "is_county_store", "kind_of",
           "synced_columns"]
