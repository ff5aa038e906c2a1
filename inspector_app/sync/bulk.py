"""The set-based part of a merge: a bundle's rows that the store does not hold yet.

A new laptop set up from the county's bundle, or the county receiving a township's quarter,
gets hundreds of thousands of rows that need no decision at all — no local version, nothing to
compare. Taking them one by one through ``merge.merge_rows`` costs Python time per row; here
they go in with two statements per table (the shadows, then the rows), inside SQL, on both
engines, and the very version the store already holds is passed over there too (a no-op). What
does need a decision still goes through ``merge_rows``: rows whose id the store holds in another
version, and every row of a table whose new rows may need unifying (``unify_by``) or staging
(``stage_as``). The result is the same as ``merge_rows`` over all of them
(tests/county/test_bulk_merge.py compares the two).

The bundle's rows are read where SQL can reach them (a :class:`Source`): on SQLite the bundle's
own ``data.sqlite`` attached to the connection; on PostgreSQL a temporary table filled by COPY.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from ..storage.protect import guard
from . import merge as M
from . import tables as T
from .tables import SyncedTable

ALIAS = "bundle_in"


class Source:
    """Where a verified bundle's tables can be read by SQL on ``engine``."""

    def __init__(self, engine, bundle):
        self.engine = engine
        self.bundle = bundle
        self._loaded: dict[str, str] = {}

    def columns(self, table: str) -> list[str]:
        return list(self.bundle.manifest["tables"].get(table, {}).get("columns") or [])

    def ref(self, table: str) -> str:
        """A FROM-able reference to the bundle's ``table`` (loaded on first use on PostgreSQL,
        inside the caller's transaction), and the column giving the bundle's row order."""
        if self.engine.dialect == "sqlite":
            return f'{ALIAS}.{self.engine.quote(table)}'
        if table not in self._loaded:
            self._loaded[table] = self._load(table)
        return self._loaded[table]

    def order(self) -> str:
        return "s.rowid" if self.engine.dialect == "sqlite" else "s._n"

    def _load(self, table: str) -> str:
        e, q = self.engine, self.engine.quote
        name = f"bundle_in_{table}"
        mine = set(e.table_columns(table))
        cols = [c for c in self.columns(table) if c in mine]
        e.execute(f"DROP TABLE IF EXISTS {q(name)}")
        # The store's own column types (a COPY converts each value to them), no constraints.
        e.execute(f"CREATE TEMP TABLE {q(name)} AS SELECT {', '.join(q(c) for c in cols)} FROM {q(table)} WHERE false")
        for extra, kind in (("_base_hlc", "integer"), ("_changed", "text"), ("_n", "integer")):
            e.execute(f"ALTER TABLE {q(name)} ADD COLUMN {q(extra)} {e.column_type(kind)}")
        rows = ((*(r.get(c) for c in cols), _int(r.get("_base_hlc")), r.get("_changed"), n)
                for n, r in enumerate(self.bundle.rows(table)))
        e.insert_rows(name, [*cols, "_base_hlc", "_changed", "_n"], rows)
        return q(name)

    def close(self) -> None:
        for name in self._loaded.values():
            self.engine.execute(f"DROP TABLE IF EXISTS {name}")
        self._loaded.clear()


def _int(v) -> int:
    try:
        return int(v or 0)
    except (TypeError, ValueError):
        raise M.LegalConflict("数据包中记录的版本号格式有误，整个数据包未导入，数据库未作任何改动。") from None


@contextmanager
def attach(engine, bundle, *, attach_plain=None) -> Iterator[Source]:
    """The bundle as a :class:`Source` (use OUTSIDE a transaction: SQLite attaches only
    between them). ``attach_plain``: the laptop's attach for a plain file on an encrypted
    connection (``storage.db.attach_plain``)."""
    src = Source(engine, bundle)
    if engine.dialect != "sqlite":
        yield src
        return
    path = bundle._data
    if attach_plain is not None:
        attach_plain(engine.conn, path, ALIAS)
    else:
        engine.conn.execute(f"ATTACH DATABASE ? AS {ALIAS}", [str(path)])
    try:
        yield src
    finally:
        engine.conn.execute(f"DETACH DATABASE {ALIAS}")


def _fast(table: SyncedTable, common: list[str]) -> bool:
    """Whether new rows of ``table`` need no decision (see the module text)."""
    if table.unify_keys:
        return False
    return not (table.stage_as and (not table.legal_guard or any(c not in common for c, _ in table.stage_as)))


def merge_table(engine, table: SyncedTable, src: Source, *, policy: M.Policy, source_origin: str = "",
                only_origin: str | None = None) -> tuple[M.MergeResult, int]:
    """Merge the bundle's ``table`` from ``src`` into the store (the caller holds the
    transaction); returns the merge result and how many rows ``only_origin`` left out (rows
    another device wrote, which the county takes only from their author)."""
    e, q = engine, engine.quote
    ref = src.ref(table.name)
    mine = e.table_columns(table.name)
    common = [c for c in src.columns(table.name) if c in mine]
    where, params = "", {}
    skipped = 0
    if only_origin is not None:
        where, params = " AND s.origin = :origin", {"origin": only_origin}
        skipped = int(e.query(f"SELECT count(*) AS n FROM {ref} s WHERE s.origin IS NULL OR s.origin <> :origin",
                              params)[0]["n"])
    n = e.query(f"SELECT count(*) AS n, count(DISTINCT s.id) AS d FROM {ref} s WHERE true{where}", params)[0]
    if int(n["n"]) != int(n["d"]):  # count(DISTINCT) leaves out NULL ids too
        raise M.LegalConflict(f"数据包中{M.WHAT.get(table.name, table.name)}的记录编号重复或缺失，整个数据包未导入，"
                              "数据库未作任何改动。")
    result = M.MergeResult()
    cols_sql = ", ".join(q(c) for c in common)
    if not _fast(table, common):
        rows = e.query(f"SELECT {cols_sql}, s._base_hlc, s._changed FROM {ref} s WHERE true{where} ORDER BY {src.order()}",
                       params)
        return M.merge_rows(e, table, rows, source_origin=source_origin, policy=policy), skipped
    held = f"EXISTS (SELECT 1 FROM {q(table.name)} x WHERE x.id = s.id)"
    # The very version the store holds is a no-op (merge_rows: "unchanged"): most of a return
    # bundle, which carries the township's every row, is that.
    same = f"EXISTS (SELECT 1 FROM {q(table.name)} x WHERE x.id = s.id AND x.hlc = s.hlc AND x.origin = s.origin)"
    result.unchanged = int(e.query(f"SELECT count(*) AS n FROM {ref} s WHERE {same}{where}", params)[0]["n"])
    # Read before the new rows go in (after, every row would be "held").
    rest = e.query(f"SELECT {', '.join('s.' + q(c) for c in common)}, s._base_hlc, s._changed FROM {ref} s "
                   f"WHERE {held} AND NOT {same}{where} ORDER BY {src.order()}", params)
    # A new legal row that children join (a final inspection and its answers) goes in with its
    # staged values and gets its own once they did (merge.complete_staged), as merge_rows does.
    stage = dict(table.stage_as)
    picks = [f"s.{q(c)}" for c in common]
    if stage:
        legal = guard(table.legal_guard).cond("s")
        for n, c in enumerate(common):
            if c in stage:
                picks[n] = f"CASE WHEN {legal} THEN :stage{n} ELSE s.{q(c)} END"
                params = dict(params, **{f"stage{n}": stage[c]})
        for r in e.query(f"SELECT s.id, {', '.join('s.' + q(c) for c in stage)} FROM {ref} s "
                         f"WHERE NOT {held} AND {legal}{where}", params):
            result.staged.append((table.name, r["id"], {c: r[c] for c in stage}))
    p = dict(params, tbl=table.name)
    e.execute(
        "INSERT INTO sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) "
        # Without values: a later local edit's trigger keeps them (merge.shadow_data's comment).
        f"SELECT :tbl, s.id, s.hlc, coalesce(s._base_hlc, 0), s._changed, NULL FROM {ref} s "
        f"WHERE NOT {held}{where} ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc, "
        "base_hlc = excluded.base_hlc, changed = excluded.changed, data = excluded.data", p)
    try:
        result.new = max(0, e.execute(
            f"INSERT INTO {q(table.name)} ({cols_sql}) SELECT {', '.join(picks)} FROM {ref} s "
            f"WHERE NOT {held}{where} ORDER BY {src.order()}", params))
    except M.sqlite.IntegrityError as err:  # a trigger (a frozen record) or a UNIQUE number
        raise M._refusal(table, [], err) from err
    if rest:
        result.add(M.merge_rows(e, table, rest, source_origin=source_origin, policy=policy))
    return result, skipped


__all__ = ["ALIAS", "Source", "attach", "merge_table"]
