"""Merging rows that arrived in a bundle into a store, written once against ``sync.engine``.

Each row carries ``hlc`` (hybrid logical clock of its last write) and ``origin`` (the device
that wrote it); a bundle row also carries ``_base_hlc`` (the version its writer had last
exchanged) and ``_changed`` (the columns its writer changed since then). Per row, against the
local version L and the shadow S of the last exchanged version (table ``sync_shadow``):

* no L → insert; same ``(hlc, origin)`` → unchanged (re-import is a no-op);
* a legal record (issued document, finalised inspection, lifted suspension) never changes: the
  same id with the same protected columns merges only its unfrozen columns (a service recorded
  later, a void) by last-writer-wins; different protected columns → :class:`LegalConflict`,
  and the caller refuses the whole bundle. A final inspection beats a draft of it;
* the incoming row was based on L or later (``_base_hlc >= L.hlc``) → it replaces L;
  L was based on the incoming row or later → L stays;
* otherwise the edits were concurrent. Column by column: a column only one side changed keeps
  that side's value; a column both changed takes the winner's by ``(hlc, origin)`` and the
  loser's value is kept in ``sync_conflict`` (ODK Central's labels: "parallel update" when the
  two sides changed different columns, "conflict" when they changed the same one). When the
  result equals neither version, the laptop (``Policy(columns=True)``) writes it as a new
  version of its own, which dominates both; the county (``Policy()``) keeps the winner's row and
  records the loser — either way nothing is lost.

Enterprises that carry the same live credit code under two ids (two laptops imported the same
county list) are unified: the smaller id survives (the same choice everywhere, in any order),
the other becomes a tombstone with an ``id_alias`` row, and every reference follows the survivor
except those frozen in legal records (those keep the old id, whose row stays as a tombstone).
"""

from __future__ import annotations

import hashlib
import json
import math
from ..storage import sqlite  # both drivers (the laptop store is SQLCipher)
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import tables as T
from .tables import SyncedTable

META = ("id", "hlc", "origin", "created_at", "updated_at")
UNIFY_ORIGIN = "~unify"
CHUNK = 400

WHAT = {"document": "文书", "inspection": "检查记录", "suspension": "停产整改记录", "inspection_answer": "检查结果",
        "photo": "照片", "finding": "隐患"}


class LegalConflict(ValueError):
    """A bundle would change a frozen legal record: the whole bundle is refused."""


@dataclass
class Policy:
    columns: bool = False                      # write merged versions of one's own (laptop)
    new_hlc: Callable[[], int] | None = None   # the local clock, for merged versions
    origin: str = ""                           # this store's device code, for merged versions
    bundle_id: str = ""
    at: str = ""                               # now, for conflict rows and merged versions
    new_id: Callable[[], str] | None = None    # ids of conflict rows
    # SQL ANDed to the search for a row's twin (``{t}``: the table; ``:u_tbl`` its name): the
    # county unifies only within the township the bundle comes from — another township's
    # 新桥村 or its 2026 Q3 ledger quarter is not the same thing.
    unify_scope: str = ""
    unify_params: dict = field(default_factory=dict)


@dataclass
class MergeResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    conflicts: list[dict] = field(default_factory=list)
    unified: list[tuple[str, str]] = field(default_factory=list)  # (lost id, surviving id)
    staged: list[tuple[str, str, dict]] = field(default_factory=list)  # (table, id, final values)

    def add(self, other: "MergeResult") -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.merged += other.merged
        self.conflicts += other.conflicts
        self.unified += other.unified
        self.staged += other.staged


# ---------------------------------------------------------------------------------------------
# the tables merge needs in any store

def ensure_merge_tables(engine) -> None:
    """Create ``sync_shadow``, ``sync_conflict`` and ``id_alias`` where missing (the county; the
    laptop has them from migration m007_sync), with the engine's portable types."""
    have = engine.tables()
    t, i = engine.column_type("text"), engine.column_type("integer")
    if "sync_shadow" not in have:
        engine.execute(f"CREATE TABLE sync_shadow (tbl {t} NOT NULL, row_id {t} NOT NULL, hlc {i} NOT NULL, "
                       f"base_hlc {i} NOT NULL DEFAULT 0, changed {t}, data {t}, PRIMARY KEY (tbl, row_id))")
    if "sync_conflict" not in have:
        engine.execute(
            f"CREATE TABLE sync_conflict (id {t} PRIMARY KEY, tbl {t} NOT NULL, row_id {t} NOT NULL, "
            f"label {t} NOT NULL, columns {t} NOT NULL DEFAULT '[]', winner {t} NOT NULL, loser {t} NOT NULL, "
            f"winner_origin {t} NOT NULL DEFAULT '', loser_origin {t} NOT NULL DEFAULT '', "
            f"winner_hlc {i} NOT NULL DEFAULT 0, loser_hlc {i} NOT NULL DEFAULT 0, bundle_id {t} NOT NULL DEFAULT '', "
            f"detected_at {t} NOT NULL, resolved_at {t} NOT NULL DEFAULT '', resolution {t} NOT NULL DEFAULT '')")
    if "id_alias" not in have:
        engine.execute(
            f"CREATE TABLE id_alias (id {t} PRIMARY KEY, tbl {t} NOT NULL, new_id {t} NOT NULL, "
            f"reason {t} NOT NULL DEFAULT '', hlc {i} NOT NULL DEFAULT 0, origin {t} NOT NULL DEFAULT '', "
            f"deleted {i} NOT NULL DEFAULT 0, created_at {t} NOT NULL DEFAULT '', updated_at {t} NOT NULL DEFAULT '')")


# ---------------------------------------------------------------------------------------------
# helpers

def _order(table: SyncedTable, row: dict) -> tuple:
    return (1 if table.is_legal(row) else 0, int(row.get("hlc") or 0), str(row.get("origin") or ""))


def parse_changed(value) -> set[str] | None:
    """``_changed`` as a set of column names; None (unknown: every column) when absent or bad."""
    if value in (None, ""):
        return None
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except (TypeError, ValueError):
        return None
    if not isinstance(data, list) or not all(isinstance(c, str) for c in data):
        return None
    return set(data)


def data_columns(cols: Iterable[str]) -> list[str]:
    return [c for c in cols if c not in META]


def _dumps(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


# A shadow's values (``sync_shadow.data``) are what a later LOCAL edit is compared with, to tell
# which columns it changed. They are kept only when needed: on the laptop a trigger stores the
# exchanged version when an edit first supersedes it (storage.sync_schema, m010), and a merge
# stores them itself where the row it keeps is not the version the shadow records. A long value
# compares by digest (shadows written before m010 hold every value in full).
LONG_VALUE = 128
DIGEST_PREFIX = "~sha256:"


def shadow_value(v):
    if isinstance(v, str) and len(v) > LONG_VALUE:
        return DIGEST_PREFIX + hashlib.sha256(v.encode("utf-8")).hexdigest()
    return v


def shadow_data(row: dict) -> str:
    """The ``sync_shadow.data`` of a row version: its data columns, long values as digests."""
    return _dumps({k: shadow_value(v) for k, v in row.items() if not k.startswith("_") and k not in META})


def _same(a, b) -> bool:
    """Two shadow values are the same version of a column. Numbers compare to 15 significant
    digits: what SQLite's JSON keeps of a REAL."""
    if a == b:
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool) and (isinstance(a, float) or isinstance(b, float)):
        return math.isclose(a, b, rel_tol=1e-14, abs_tol=1e-300)
    return False


def _label(table: SyncedTable, row: dict) -> str:
    if table.name == "document" and row.get("doc_no"):
        return f"文书{row['doc_no']}"
    return f"{WHAT.get(table.name, table.name)}（{row.get('id')}）"


class _Writer:
    """Batched upserts per column set (executemany), flushed before anything that reads."""

    def __init__(self, engine, table: SyncedTable):
        self.engine = engine
        self.table = table
        self.pending: dict[tuple[str, ...], list[dict]] = {}
        self.shadows: list[dict] = []

    def put(self, row: dict, exists: bool, result: "MergeResult | None" = None, legal_before: bool = False) -> None:
        t = self.table
        if t.stage_as and result is not None and t.is_legal(row) and not legal_before:
            # Children of a legal row may only join it while it is not legal yet.
            result.staged.append((t.name, row["id"], {c: row[c] for c, _ in t.stage_as}))
            row = dict(row, **dict(t.stage_as))
        self.pending.setdefault((exists, *row), []).append(row)

    def shadow(self, row_id: str, hlc: int, base: int, changed, data: dict, *, keep: bool = False) -> None:
        """The shadow of version ``hlc`` of a row; ``keep``: with ``data``'s values (the row kept
        is another version, so no later edit's trigger could store this one)."""
        self.shadows.append({"tbl": self.table.name, "row_id": row_id, "hlc": int(hlc), "base_hlc": int(base or 0),
                             "changed": None if changed is None else json.dumps(sorted(changed)),
                             "data": shadow_data(data) if keep else None})

    def flush(self) -> None:
        e, q = self.engine, self.engine.quote
        for (exists, *cols), rows in self.pending.items():
            names = [f"p{i}" for i in range(len(cols))]
            if exists:
                # UPDATE, not an upsert: the protection triggers' BEFORE INSERT would see an
                # upsert of a legal record's later service as an attempt to replace it.
                sets = ", ".join(f"{q(c)} = :{n}" for c, n in zip(cols, names) if c != "id")
                sql = f"UPDATE {q(self.table.name)} SET {sets} WHERE id = :{names[cols.index('id')]}"
            else:
                sql = (f"INSERT INTO {q(self.table.name)} ({', '.join(q(c) for c in cols)}) "
                       f"VALUES ({', '.join(':' + n for n in names)})")
            try:
                e.executemany(sql, [dict(zip(names, (r[c] for c in cols))) for r in rows])
            except sqlite.IntegrityError as err:  # either driver: the laptop's store is SQLCipher
                raise _refusal(self.table, rows, err) from err
        self.pending.clear()
        if self.shadows:
            e.executemany(
                "INSERT INTO sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) "
                "VALUES (:tbl, :row_id, :hlc, :base_hlc, :changed, :data) ON CONFLICT (tbl, row_id) DO UPDATE SET "
                "hlc = excluded.hlc, base_hlc = excluded.base_hlc, changed = excluded.changed, data = excluded.data",
                self.shadows)
            self.shadows.clear()


def _refusal(table: SyncedTable, rows: list[dict], err: Exception) -> LegalConflict:
    what = _label(table, rows[0]) if len(rows) == 1 else WHAT.get(table.name, table.name)
    return LegalConflict(f"数据包中的{what}与本机已有记录冲突（{err}）：已出具的文书、已定稿的检查记录不可被改动，"
                         "文书编号不可重复。整个数据包未导入，数据库未作任何改动。请联系县局核对。")


def _select(engine, table: str, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    params = {f"i{n}": v for n, v in enumerate(ids)}
    marks = ", ".join(":" + k for k in params)
    return {r["id"]: r for r in engine.query(f"SELECT * FROM {engine.quote(table)} WHERE id IN ({marks})", params)}


def _shadows(engine, table: str, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    params = {f"i{n}": v for n, v in enumerate(ids)}
    params["t"] = table
    marks = ", ".join(":" + k for k in params if k != "t")
    return {r["row_id"]: r for r in engine.query(
        f"SELECT * FROM sync_shadow WHERE tbl = :t AND row_id IN ({marks})", params)}


def aliases(engine) -> dict[str, str]:
    """lost id → surviving id (followed to the end of a chain)."""
    if "id_alias" not in engine.tables():
        return {}
    raw = {r["id"]: r["new_id"] for r in engine.query("SELECT id, new_id FROM id_alias WHERE deleted = 0")}
    out = {}
    for old in raw:
        new, seen = raw[old], {old}
        while new in raw and new not in seen:
            seen.add(new)
            new = raw[new]
        out[old] = new
    return out


def _alias_columns(table: SyncedTable) -> list[str]:
    """The columns of ``table`` that reference a table whose rows may be unified."""
    return [col for parent in T.NAMES if T.BY_NAME[parent].unify_by
            for child, col in T.references().get(parent, []) if child == table.name]


def follow_alias(engine, tbl: str, old: str, new: str) -> int:
    """Point every reference to row ``old`` of ``tbl`` at ``new``, except in frozen legal records."""
    from ..storage.protect import PROTECTED

    guards = {g.table: g for g in PROTECTED}
    n = 0
    for child, col in T.references().get(tbl, []):
        g = guards.get(child)
        if g is not None and g.when.strip() == "1":
            continue  # every row of it is a legal record (documents): they keep the id they were issued with
        frozen = f" AND NOT coalesce({g.cond(engine.quote(child))}, false)" if g else ""
        ct = T.BY_NAME.get(child)
        if ct is not None and col in ct.unify_by:
            _unify_followers(engine, ct, col, old, new, frozen)
        n += max(0, engine.execute(f"UPDATE {engine.quote(child)} SET {engine.quote(col)} = :new "
                                   f"WHERE {engine.quote(col)} = :old{frozen}", {"new": new, "old": old}))
    return n


# ---------------------------------------------------------------------------------------------
# the merge

def _local_base(L: dict, S: dict | None, dcols: list[str]) -> tuple[int, set[str] | None]:
    """(base hlc, changed columns) of the local version: a received version carries those it
    arrived with; a local edit since the last exchange is based on the shadow."""
    if S is None:
        return 0, None
    if int(S["hlc"]) == int(L["hlc"]):
        return int(S["base_hlc"] or 0), parse_changed(S["changed"])
    if S.get("data"):
        base = json.loads(S["data"])
        # A column the kept version lacks (added by a later version) counts as changed: never
        # taken for unchanged and silently overwritten.
        return int(S["hlc"]), {c for c in dcols if c not in base or not _same(shadow_value(base[c]), shadow_value(L.get(c)))}
    return int(S["hlc"]), None


def _based_on(newer: dict, base: int, changed: set[str] | None, older: dict, dcols: list[str]) -> bool:
    """Whether ``newer`` (whose writer had last exchanged the version ``base``, then changed
    ``changed``) already contains ``older``. A base above ``older``'s HLC does. An equal HLC may
    name another version — two laptops that observed the same clock can stamp the same HLC — so
    it counts only if ``newer`` agrees with ``older`` on every column it did not change (what
    being based on it means). Otherwise the two are concurrent."""
    h = int(older["hlc"])
    if base != h:
        return base > h
    if changed is None:
        return False
    return all(newer.get(c) == older.get(c) for c in dcols if c not in changed)


def _unseen(older: dict, changed: set[str] | None, newer: dict, dcols: list[str]) -> list[str]:
    """The columns ``older``'s writer is known to have changed whose values ``newer`` does not
    hold (none when that is unknown, or when ``newer`` is a unification's tombstone: the same
    on every replica, nothing to choose)."""
    if changed is None or str(newer.get("origin")) == UNIFY_ORIGIN or str(older.get("origin")) == UNIFY_ORIGIN:
        return []
    return [c for c in dcols if c in changed and older.get(c) != newer.get(c)]


def _conflict(policy: Policy, table: SyncedTable, label: str, cols, winner: dict, loser: dict) -> dict:
    from ..core.ids import uuid7

    return {"id": (policy.new_id or uuid7)(), "tbl": table.name, "row_id": winner["id"], "label": label,
            "columns": json.dumps(sorted(cols), ensure_ascii=False), "winner": _dumps(winner),
            "loser": _dumps(loser), "winner_origin": str(winner.get("origin") or ""),
            "loser_origin": str(loser.get("origin") or ""), "winner_hlc": int(winner.get("hlc") or 0),
            "loser_hlc": int(loser.get("hlc") or 0), "bundle_id": policy.bundle_id, "detected_at": policy.at}


def _save_conflicts(engine, conflicts: list[dict]) -> None:
    if conflicts:
        cols = list(conflicts[0])
        engine.executemany(f"INSERT INTO sync_conflict ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})",
                           conflicts)


def _unify(engine, table: SyncedTable, r: dict, result: MergeResult, writer: _Writer, policy: Policy) -> dict:
    """If a live local row carries ``r``'s credit code under another id, unify the two; returns
    the row to merge (``r`` itself, or its tombstone when ``r`` is the one that yields)."""
    if int(r.get("deleted") or 0):
        return r
    for keys in table.unify_keys:
        if all(r.get(k) not in (None, "") for k in keys):
            break
    else:
        return r
    where = " AND ".join(f"{engine.quote(k)} = :k{n}" for n, k in enumerate(keys))
    params = {f"k{n}": r[k] for n, k in enumerate(keys)}
    scope = policy.unify_scope.format(t=engine.quote(table.name)) if policy.unify_scope else ""
    others = engine.query(f"SELECT * FROM {engine.quote(table.name)} WHERE {where} "
                          f"AND deleted = 0 AND id <> :id{scope}",
                          dict(params, id=r["id"], u_tbl=table.name, **policy.unify_params))
    if not others:
        return r
    other = others[0]
    writer.flush()
    survivor, lost = sorted([other["id"], r["id"]])
    hlc = _alias(engine, table, other, r, keys)
    result.unified.append((lost, survivor))
    if lost == other["id"]:
        _retire(engine, table.name, other, hlc)
        return r
    return dict(r, deleted=1, hlc=hlc, origin=UNIFY_ORIGIN, _base_hlc=hlc, _changed=json.dumps(["deleted"]))


def _alias(engine, table: SyncedTable, a: dict, b: dict, keys: tuple[str, ...] | None = None) -> int:
    """Record that the greater id of ``a`` and ``b`` (the same thing) yields to the smaller;
    returns the HLC its tombstone gets. The same alias on every replica, whoever unifies first:
    no local clock in it."""
    survivor, lost = sorted([a["id"], b["id"]])
    hlc = max(int(a["hlc"]), int(b["hlc"])) + 1
    at = max(str(a.get("updated_at") or ""), str(b.get("updated_at") or ""))
    keys = keys or table.unify_by
    alias = {"id": lost, "tbl": table.name, "new_id": survivor,
             "reason": "+".join(keys) + "=" + "/".join(str(a.get(k)) for k in keys), "hlc": hlc,
             "origin": UNIFY_ORIGIN, "deleted": 0, "created_at": at, "updated_at": at}
    cols = list(alias)
    engine.execute(f"INSERT INTO id_alias ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)}) "
                   "ON CONFLICT (id) DO NOTHING", alias)
    return hlc


def _retire(engine, tbl: str, row: dict, hlc: int) -> None:
    """Tombstone a local row that yields to its twin (and its shadow, so it exports as such)."""
    engine.execute(f"UPDATE {engine.quote(tbl)} SET deleted = 1, hlc = :h, origin = :o WHERE id = :id",
                   {"h": hlc, "o": UNIFY_ORIGIN, "id": row["id"]})
    engine.execute(
        "INSERT INTO sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) VALUES (:t, :i, :h, :h, :c, :d) "
        "ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc, base_hlc = excluded.base_hlc, "
        "changed = excluded.changed, data = excluded.data",
        {"t": tbl, "i": row["id"], "h": hlc, "c": json.dumps(["deleted"]), "d": None})


def merge_rows(engine, table: SyncedTable, rows: list[dict], *, source_origin: str = "",
               policy: Policy | None = None) -> MergeResult:
    """Merge ``rows`` (a bundle's rows of ``table``) into the store behind ``engine``; the caller
    holds the transaction. Raises :class:`LegalConflict` for a change to a frozen legal record."""
    policy = policy or Policy()
    result = MergeResult()
    cols = engine.table_columns(table.name)
    dcols = data_columns(cols)
    writer = _Writer(engine, table)
    conflicts: list[dict] = []
    if len({r.get("id") for r in rows}) != len(rows) or any(not isinstance(r.get("id"), str) for r in rows):
        raise LegalConflict(f"数据包中{WHAT.get(table.name, table.name)}的记录编号重复或缺失，整个数据包未导入，数据库未作任何改动。")
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        ids = [r["id"] for r in chunk]
        local = _select(engine, table.name, ids)
        shadows = _shadows(engine, table.name, ids)
        for raw in chunk:
            base = int(raw.get("_base_hlc") or 0)
            changed = parse_changed(raw.get("_changed"))
            r = {c: raw[c] for c in cols if c in raw}
            if table.unify_by:
                r = _unify(engine, table, r, result, writer, policy)
                if "_base_hlc" in r:
                    base, changed = int(r.pop("_base_hlc")), parse_changed(r.pop("_changed"))
                    local.update(_select(engine, table.name, [r["id"]]))
            L = local.get(r["id"])
            if L is not None:
                # An older bundle lacks a newer column: the local value stands for it.
                r = {**{c: L[c] for c in cols}, **r}
            if L is None:
                writer.put(r, False, result)
                writer.shadow(r["id"], r["hlc"], base, changed, r)
                local[r["id"]] = r
                result.new += 1
                continue
            if (int(r["hlc"]), str(r["origin"])) == (int(L["hlc"]), str(L["origin"])):
                result.unchanged += 1
                continue
            if table.is_legal(L):
                frozen = [c for c in table.legal_columns if c in r and r[c] != L.get(c)]
                if frozen:
                    raise LegalConflict(
                        f"数据包中的{_label(table, L)}与本机已有的同一记录内容不同（{'、'.join(frozen[:5])}）："
                        "已出具的文书、已定稿的检查记录不可被改动。整个数据包未导入，数据库未作任何改动。请联系县局核对。")
                if _order(table, r) > _order(table, L):
                    writer.put(r, True, result, legal_before=True)
                    writer.shadow(r["id"], r["hlc"], base, changed, r)
                    local[r["id"]] = r
                    result.updated += 1
                else:
                    result.unchanged += 1
                continue
            if table.is_legal(r):
                # A finalised record beats any draft of it; draft edits it overrides are kept.
                if any(r.get(c) != L.get(c) for c in dcols if c not in table.legal_columns):
                    conflicts.append(_conflict(policy, table, "conflict", [c for c in dcols if r.get(c) != L.get(c)], r, L))
                writer.put(r, True, result)
                writer.shadow(r["id"], r["hlc"], base, changed, r)
                local[r["id"]] = r
                result.updated += 1
                continue
            S = shadows.get(r["id"])
            lbase, lchanged = _local_base(L, S, dcols)
            if _based_on(r, base, changed, L, dcols):
                # Based on a later version than L: the HLC says L came before, not that the
                # writer saw it (L may be a third laptop's edit), so L's own changes that r does
                # not hold stay in the conflict list.
                unsure = _unseen(L, lchanged, r, dcols) if base != int(L["hlc"]) else []
                if unsure:
                    conflicts.append(_conflict(policy, table, "conflict", unsure, r, L))
                writer.put(r, True, result)
                writer.shadow(r["id"], r["hlc"], base, changed, r)
                local[r["id"]] = r
                result.updated += 1
                continue
            if _based_on(L, lbase, lchanged, r, dcols):
                unsure = _unseen(r, changed, L, dcols) if lbase != int(r["hlc"]) else []
                if unsure:
                    conflicts.append(_conflict(policy, table, "conflict", unsure, L, r))
                result.unchanged += 1
                continue
            outcome = _concurrent(table, L, r, dcols, lchanged, changed, lbase, base)
            label, both, merged = outcome
            r_wins = _order(table, r) > _order(table, L)
            winner, loser = (r, L) if r_wins else (L, r)
            # What this side has now seen is r itself, not everything up to some HLC: another
            # laptop's edit with a smaller HLC may still be on its way (it must stay concurrent).
            seen = int(r["hlc"])
            if not policy.columns:
                if label is None and any(merged[c] != winner.get(c) for c in dcols):
                    label, both = "parallel update", [c for c in dcols if merged[c] != winner.get(c)]
                # The county keeps the greatest version (a pure maximum: any arrival order gives
                # the same rows); the loser waits in the conflict list and, on its laptop, is
                # merged column by column into a new version that comes back dominating both.
                if r_wins:
                    writer.put(r, True, result)
                    writer.shadow(r["id"], r["hlc"], base, changed, r)
                    local[r["id"]] = r
                    result.updated += 1
                else:
                    result.unchanged += 1
                if label:
                    conflicts.append(_conflict(policy, table, label, both, winner, loser))
                continue
            if all(merged[c] == r.get(c) for c in dcols):
                writer.put(r, True, result)
                writer.shadow(r["id"], r["hlc"], base, changed, r)
                local[r["id"]] = r
                stored = r
                result.updated += 1
            elif not r_wins and all(merged[c] == L.get(c) for c in dcols):
                # Local stays (it is the greater version, still to reach the county: the county's
                # rows only grow); its next export must dominate what just arrived.
                writer.shadow(r["id"], seen, base, changed, r, keep=True)
                stored = L
                result.unchanged += 1
            elif policy.new_hlc is not None:
                m = dict(merged, id=r["id"], hlc=policy.new_hlc(), origin=policy.origin or str(L["origin"]),
                         created_at=L.get("created_at", r.get("created_at")), updated_at=policy.at or r.get("updated_at"))
                m = {c: m.get(c, L.get(c)) for c in cols}
                writer.put(m, True, result)
                writer.shadow(r["id"], seen, base, changed, r, keep=True)
                local[r["id"]] = m
                stored = m
                result.merged += 1
            else:
                if r_wins:
                    writer.put(r, True, result)
                    writer.shadow(r["id"], r["hlc"], base, changed, r)
                    local[r["id"]] = r
                    result.updated += 1
                else:
                    result.unchanged += 1
                stored = winner
            if label:
                conflicts.append(_conflict(policy, table, label, both, stored, loser))
        writer.flush()
    _save_conflicts(engine, conflicts)
    result.conflicts += conflicts
    return result


def _unify_followers(engine, table: SyncedTable, col: str, old: str, new: str, frozen: str) -> None:
    """Rows that would become twins once ``col`` follows the survivor (two laptops' quarterly
    reports of one enterprise) are unified first, the same way as their parents."""
    q = engine.quote
    rest = [k for k in table.unify_by if k != col]
    for row in engine.query(f"SELECT * FROM {q(table.name)} WHERE {q(col)} = :old AND deleted = 0{frozen}",
                            {"old": old}):
        where = " AND ".join([f"{q(col)} = :new"] + [f"{q(k)} = :k{n}" for n, k in enumerate(rest)])
        params = dict({f"k{n}": row[k] for n, k in enumerate(rest)}, new=new, id=row["id"])
        for twin in engine.query(f"SELECT * FROM {q(table.name)} WHERE {where} AND deleted = 0 AND id <> :id",
                                 params):
            hlc = _alias(engine, table, twin, row)
            _retire(engine, table.name, twin if twin["id"] > row["id"] else row, hlc)
            if twin["id"] > row["id"]:
                continue
            break


def carry_base(engine, table: str, rows: list[dict]) -> list[dict]:
    """``rows`` (as stored) with the ``_base_hlc``/``_changed`` of the version they are, from
    ``sync_shadow``: what a bundle written from this store must carry, so the receiver sees an
    edit that was based on its own version as a successor, not as a concurrent edit."""
    shadows = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), CHUNK):
        shadows.update(_shadows(engine, table, ids[start:start + CHUNK]))
    out = []
    for r in rows:
        s = shadows.get(r["id"])
        same = s is not None and int(s["hlc"]) == int(r["hlc"])
        out.append(dict(r, _base_hlc=int(s["base_hlc"] or 0) if same else 0, _changed=s["changed"] if same else None))
    return out


def follow_all_aliases(engine, *, new_lost: list[str] | None = None, touched: dict[str, str] | None = None) -> int:
    """Point every reference at the surviving ids (``id_alias``), except in frozen legal records.
    Run once after all tables of a bundle are merged and ``complete_staged`` (a staged final
    inspection must be final again before its children are judged frozen); the same statements
    on every replica, so all of them end with the same references. Set-based: one UPDATE per
    referencing column (a survivor's id is always the smaller, so a chain ends in a few passes).

    Scoped (``new_lost`` given): a reference to an older alias was followed when that alias was
    new, or is frozen for good; so only references to the ids lost in this bundle
    (``new_lost``) are looked for everywhere, and references to any lost id only in the rows the
    bundle brought (``touched``: table → SQL selecting their ids). Without it every frozen
    record that keeps an old id would be judged again at every bundle: ten years of them."""
    if "id_alias" not in engine.tables():
        return 0
    from ..storage.protect import PROTECTED

    q = engine.quote
    guards = {g.table: g for g in PROTECTED}
    scoped = new_lost is not None
    if scoped:
        engine.execute(f"CREATE TEMP TABLE IF NOT EXISTS follow_new (id {engine.column_type('text')})")
        engine.execute("DELETE FROM follow_new")
        # With the ids a chain from them passes (a survivor that lost later): each pass moves a
        # reference one hop, so the next pass must find it at the next id.
        every_alias = engine.query("SELECT id, new_id, deleted FROM id_alias")
        before = {r["id"] for r in every_alias}
        raw = {r["id"]: r["new_id"] for r in every_alias if not int(r["deleted"] or 0)}
        chain = set()
        for lost_id in new_lost:
            while lost_id in raw and lost_id not in chain:
                chain.add(lost_id)
                lost_id = raw[lost_id]
        engine.insert_rows("follow_new", ["id"], ((i,) for i in sorted(chain)))
    else:
        chain = None
    final = None
    n = 0
    for tbl in sorted(r["tbl"] for r in engine.query("SELECT DISTINCT tbl FROM id_alias WHERE deleted = 0")):
        every = "SELECT id FROM id_alias WHERE deleted = 0 AND tbl = :tbl"
        for child, col in T.references().get(tbl, []):
            g = guards.get(child)
            if g is not None and g.when.strip() == "1":
                continue  # documents keep the id they were issued with
            frozen = f" AND NOT coalesce({g.cond(q(child))}, false)" if g else ""
            scopes = [every] if not scoped else [every + " AND id IN (SELECT id FROM follow_new)"]
            rows_of = [""] * len(scopes)
            if scoped and (touched or {}).get(child):
                scopes.append(every)
                rows_of.append(f" AND {q(child)}.id IN ({touched[child]})")
            for lost, only in zip(scopes, rows_of):
                ct = T.BY_NAME.get(child)
                if ct is not None and col in ct.unify_by:
                    olds = [r["v"] for r in engine.query(
                        f"SELECT DISTINCT {q(col)} AS v FROM {q(child)} WHERE {q(col)} IN ({lost}) AND deleted = 0"
                        f"{only}{frozen}", {"tbl": tbl})]
                    if olds:
                        final = final or aliases(engine)
                        for old in olds:
                            _unify_followers(engine, ct, col, old, final[old], frozen)
                for _ in range(8):
                    k = engine.execute(
                        f"UPDATE {q(child)} SET {q(col)} = (SELECT a.new_id FROM id_alias a WHERE a.deleted = 0 "
                        f"AND a.tbl = :tbl AND a.id = {q(child)}.{q(col)}) WHERE {q(col)} IN ({lost}){only}{frozen}",
                        {"tbl": tbl})
                    n += max(0, k)
                    if k <= 0:
                        break
    n += _follow_json(engine, guards, chain, touched or {})
    if scoped:
        # Twins unified on the way (_unify_followers) are new aliases of their own.
        made = [r["id"] for r in engine.query("SELECT id FROM id_alias") if r["id"] not in before]
        if made:
            n += follow_all_aliases(engine, new_lost=made)
    return n


def _follow_json(engine, guards, chain: set[str] | None, touched: dict[str, str]) -> int:
    """The ids inside JSON lists (``tables.JSON_REFERENCES``: an inspection's officers) follow
    their survivors too, by text replacement of the quoted id (ids are UUIDs), except in frozen
    records; scoped like the foreign keys (``chain``: the ids lost in this bundle)."""
    q = engine.quote
    n = 0
    final = None
    for (child, col), parent in T.JSON_REFERENCES.items():
        lost = [r["id"] for r in engine.query("SELECT id FROM id_alias WHERE deleted = 0 AND tbl = :p", {"p": parent})]
        if not lost:
            continue
        final = final or aliases(engine)
        g = guards.get(child)
        frozen = f" AND NOT coalesce({g.cond(q(child))}, false)" if g else ""
        for old in lost:
            if chain is None or old in chain:
                only = ""
            elif touched.get(child):
                only = f" AND {q(child)}.id IN ({touched[child]})"
            else:
                continue
            n += max(0, engine.execute(
                f"UPDATE {q(child)} SET {q(col)} = replace({q(col)}, :old, :new) WHERE {q(col)} LIKE :pat{only}{frozen}",
                {"old": f'"{old}"', "new": f'"{final[old]}"', "pat": f'%"{old}"%'}))
    return n


def complete_staged(engine, staged: list[tuple[str, str, dict]]) -> None:
    """Give staged legal rows their own values (after their children joined them)."""
    for tbl, row_id, values in staged:
        sets = ", ".join(f"{engine.quote(c)} = :v{n}" for n, c in enumerate(values))
        params = {f"v{n}": v for n, v in enumerate(values.values())}
        engine.execute(f"UPDATE {engine.quote(tbl)} SET {sets} WHERE id = :id", dict(params, id=row_id))


def _concurrent(table: SyncedTable, L: dict, r: dict, dcols: list[str], lchanged: set[str] | None,
                rchanged: set[str] | None, lbase: int = 0, rbase: int = 0) -> tuple[str | None, list[str], dict]:
    """Column-by-column merge of two concurrent versions: (label or None, the columns both
    changed (conflict) or all that differ (parallel update), the merged values). A column that
    differs though neither side changed it since its own base takes the value of the side whose
    base is newer (it has seen the later edit of that column)."""
    r_wins = _order(table, r) > _order(table, L)
    newer_r = rbase > lbase or (rbase == lbase and r_wins)
    merged: dict[str, Any] = {}
    both, mine, theirs = [], [], []
    for c in dcols:
        lv, rv = L.get(c), r.get(c)
        if lv == rv:
            merged[c] = lv
            continue
        in_r = rchanged is None or c in rchanged
        in_l = lchanged is None or c in lchanged
        if in_r and in_l:
            both.append(c)
            merged[c] = rv if r_wins else lv
        elif in_r:
            theirs.append(c)
            merged[c] = rv
        elif in_l:
            mine.append(c)
            merged[c] = lv
        else:
            merged[c] = rv if newer_r else lv
    if both:
        return "conflict", both, merged
    if mine and theirs:
        return "parallel update", sorted(mine + theirs), merged
    return None, [], merged


__all__ = ["LegalConflict", "MergeResult", "Policy", "aliases", "carry_base", "complete_staged", "follow_all_aliases", "data_columns", "ensure_merge_tables",
           "follow_alias", "merge_rows", "parse_changed"]
