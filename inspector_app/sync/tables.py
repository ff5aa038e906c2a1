"""THE declaration of the tables that travel between laptops and the county.

One line per table, in dependency order (a parent before its children), so the bundle writer,
the verifier, the merge and the county store's schema all follow the same list: a later table
(another ledger) joins sync by adding a line here, not by new code. Columns are never listed by
hand: :func:`columns` reads them from the store (``PRAGMA table_info`` / the engine).

Owners decide who may send a row (``policy`` in ``sync.merge``):

* ``officer``  — recorded on a laptop by its officers (inspections, findings, photos): the county
  accepts them only from the device that wrote them and returns them to the other laptops;
* ``master``   — the township's master data (villages, the enterprise registry): edited on
  laptops and by other county departments; merged column by column, concurrent edits of the same
  column become a conflict the officer resolves;
* ``township`` — township records kept by any of its officers (the officer list, the ledgers);
* ``legal``    — issued documents: never changed by a merge (same id + same content = no-op,
  same id + different content = the bundle is refused);
* ``county``   — written by the county only (the id aliases of unified enterprises).

``legal_when`` marks, for tables that are not always legal, when a row is a legal record (the
Python twin of the guard's SQL in ``storage.protect``): a finalised inspection, a lifted
suspension. Such a row's ``legal_columns`` (the guard's) never change once it is legal.

Local-only tables never travel: ``setting``, ``clock``, ``doc_seq`` (its high-water marks travel
as manifest data), ``audit_log`` (legal records' hashes travel instead), ``series_block``,
``verify_state``, ``device_code_log`` and every ``sync_*`` table (keys, outbox, imports, acks,
conflicts, shadows).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from ..storage import sqlite  # both drivers (the laptop store is SQLCipher)

OWNERS = ("officer", "master", "township", "legal", "county")

# The bookkeeping columns every synced table has (storage.migrations SYNC) plus the id.
SYNC_COLUMNS = ("id", "hlc", "origin", "deleted", "created_at", "updated_at")
# Columns a bundle's row carries besides the table's own (never stored in the table itself):
# the HLC of the version the sender's edit was based on, and the columns it changed since then.
BUNDLE_EXTRA = ("_base_hlc", "_changed")


def _always(row: dict) -> bool:
    return True


def _final(row: dict) -> bool:
    return row.get("status") == "final"


def _lifted(row: dict) -> bool:
    return bool(row.get("resumed_on"))


@dataclass(frozen=True)
class SyncedTable:
    name: str
    owner: str
    # storage.protect guard name whose columns are frozen once the row is legal
    legal_guard: str | None = None
    legal_when: Callable[[dict], bool] | None = None
    # column holding the sha256 of a photo file that must travel with the row
    photo_column: str | None = None
    # columns that identify the same real thing under two ids (an enterprise's credit code, a
    # village's name): two live rows with equal values are unified (sync.merge)
    unify_by: tuple[str, ...] = ()
    # values a new legal row is first written with, its children next, then its own values
    # (a finalised inspection arrives as a draft, takes its answers and photos, then is final)
    stage_as: tuple[tuple[str, object], ...] = ()
    # further identifying keys, tried when the row lacks ``unify_by`` (an enterprise registered
    # before credit codes has only its old registration number)
    unify_also: tuple[tuple[str, ...], ...] = ()

    @property
    def unify_keys(self) -> tuple[tuple[str, ...], ...]:
        return ((self.unify_by,) if self.unify_by else ()) + self.unify_also

    @property
    def is_legal_table(self) -> bool:
        return self.legal_guard is not None

    def is_legal(self, row: dict | None) -> bool:
        return bool(row) and self.legal_when is not None and self.legal_when(row)

    @property
    def legal_columns(self) -> tuple[str, ...]:
        if self.legal_guard is None:
            return ()
        from ..storage.protect import guard

        return guard(self.legal_guard).columns


SYNCED: tuple[SyncedTable, ...] = (
    SyncedTable("village", "master", unify_by=("name",)),
    SyncedTable("officer", "township", unify_by=("cert_no",)),
    SyncedTable("enterprise", "master", unify_by=("uscc",), unify_also=(("legacy_reg_no",),)),
    SyncedTable("id_alias", "county"),
    SyncedTable("inspection", "officer", legal_guard="inspection", legal_when=_final,
                stage_as=(("status", "draft"),)),
    SyncedTable("inspection_answer", "officer"),
    SyncedTable("finding", "officer"),
    SyncedTable("finding_event", "officer"),
    SyncedTable("photo", "officer", photo_column="sha256"),
    SyncedTable("document", "legal", legal_guard="document", legal_when=_always),
    SyncedTable("suspension", "officer", legal_guard="suspension", legal_when=_lifted),
    # Each 复产审查 is a legal record from the moment it is written (issue 9).
    SyncedTable("resumption_review", "officer", legal_guard="resumption_review", legal_when=_always),
    SyncedTable("ledger_activity", "township"),
    SyncedTable("ledger_equipment", "township"),
    SyncedTable("ledger_person", "township"),
    SyncedTable("ledger_hazard_source", "township"),
    SyncedTable("ledger_accident", "township"),
    SyncedTable("ledger_action", "township"),
    SyncedTable("ledger_supervisor", "township"),
    SyncedTable("ledger_referral", "township"),
    SyncedTable("ledger_quarter_report", "township", unify_by=("enterprise_id", "year", "quarter")),
    SyncedTable("ledger_quarter", "township", unify_by=("year", "quarter")),
    SyncedTable("ledger_quarter_log", "township"),
)

BY_NAME: dict[str, SyncedTable] = {t.name: t for t in SYNCED}
NAMES: tuple[str, ...] = tuple(t.name for t in SYNCED)


def table(name: str) -> SyncedTable:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"“{name}”不是同步的数据表。") from None


def columns(conn_or_engine, name: str) -> list[str]:
    """The table's columns in declaration order, from the store itself (never hand-listed).

    Accepts a ``sqlite3.Connection`` (the laptop, a bundle's data.sqlite) or an ``Engine``."""
    if isinstance(conn_or_engine, sqlite.Connections):
        return [r[1] for r in conn_or_engine.execute(f"PRAGMA table_info(\"{name}\")")]
    return list(conn_or_engine.table_columns(name))


@functools.lru_cache(maxsize=1)
def laptop_schema() -> dict[str, list[tuple[str, str, int, object]]]:
    """Every synced table of this version's laptop schema: [(column, declared type, notnull,
    default)], read once from a fresh in-memory database (the county builds its store from it)."""
    from ..storage import open_memory

    s = open_memory(device="X")
    try:
        return {t.name: [(r[1], r[2], r[3], r[4]) for r in s.conn.execute(f"PRAGMA table_info(\"{t.name}\")")]
                for t in SYNCED}
    finally:
        s.close()


# The closing log of a ledger quarter never changes (its own trigger): it keeps the old id.
FROZEN_REFERENCES = {("ledger_quarter_log", "quarter_id")}


# References kept inside a JSON list of ids (no foreign key can say it): (table, column) → the
# table the ids name. They follow a unified row like foreign keys do (sync.merge).
JSON_REFERENCES = {("inspection", "officer_ids"): "officer"}


@functools.lru_cache(maxsize=1)
def references() -> dict[str, list[tuple[str, str]]]:
    """parent table → [(child table, column)] for every foreign key between synced tables, read
    from the laptop schema (what must follow a row that is unified under another id). A
    reference frozen by an append-only table's trigger is left out (FROZEN_REFERENCES)."""
    from ..storage import open_memory

    s = open_memory(device="X")
    out: dict[str, list[tuple[str, str]]] = {}
    try:
        for t in SYNCED:
            for r in s.conn.execute(f"PRAGMA foreign_key_list(\"{t.name}\")"):
                if (t.name, r[3]) not in FROZEN_REFERENCES:
                    out.setdefault(r[2], []).append((t.name, r[3]))
    finally:
        s.close()
    return out


__all__ = ["BUNDLE_EXTRA", "BY_NAME", "JSON_REFERENCES", "NAMES", "OWNERS", "SYNCED", "SYNC_COLUMNS", "SyncedTable", "columns",
           "laptop_schema", "references", "table"]
