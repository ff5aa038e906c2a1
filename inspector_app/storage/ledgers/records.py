"""CRUD for the hand-kept ledger records (``core.ledgers.records``): save (insert or update),
get, list and delete (a tombstone, never a removed row), all stamped for sync.

Columns that rules derive from the record (a certificate's expiry and review date, equipment's
next inspection, an accident's grade) are written at save time too, so reminders and counts are
plain indexed SQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...core.ledgers import records as rec
from ...core.ledgers import rules as R
from ..db import Store, _quote, not_found, require

_TYPES_BY_TABLE = {t.TABLE: t for t in rec.RECORD_TYPES.values()}


def _derived(record: rec.Record, row: dict) -> dict:
    """Columns computed from the record by the ledger rules."""
    if isinstance(record, rec.Person):
        kind = R.certificate_kind(row["role"])
        row["cert_kind"] = kind if row["cert_no"] or row["issued_on"] or row["valid_until"] else ""
        d = R.certificate_dates(row["cert_kind"], issued_on=row["issued_on"], valid_until=row["valid_until"],
                                last_review_on=row["last_review_on"], extended=bool(row["review_extended"]))
        row["expires_on"] = d.valid_until.isoformat() if d.valid_until else ""
        row["review_due"] = d.review_due.isoformat() if d.review_due else ""
    elif isinstance(record, rec.Equipment):
        nxt = R.next_inspection(row["category"], row["last_inspected_on"], row["interval_months"])
        row["next_due"] = nxt.isoformat() if nxt else ""
    return row


def _check_links(store: Store, record: rec.Record, row: dict) -> None:
    if row.get("enterprise_id"):
        require(store, "enterprise", row["enterprise_id"], "所选企业", hint="请重新选择企业。")
    if row.get("village_id"):
        require(store, "village", row["village_id"], "所选村（社区）", hint="请重新选择村（社区）。")
    if row.get("finding_id"):
        require(store, "finding", row["finding_id"], "所引用的隐患", hint="请重新选择隐患。")
    if isinstance(record, rec.QuarterReport):
        other = store.conn.execute(
            "SELECT id FROM ledger_quarter_report WHERE enterprise_id = ? AND year = ? AND quarter = ? "
            "AND deleted = 0 AND id IS NOT ?", [row["enterprise_id"], row["year"], row["quarter"], record.id]
        ).fetchone()
        if other:
            raise ValueError(f"该企业{row['year']}年第{row['quarter']}季度的季报已登记，请打开原记录修改。")


def save(store: Store, record: rec.Record) -> rec.Record:
    """Validate and store ``record`` (insert when ``record.id`` is None, else update); sets
    ``record.id`` and returns it. Raises ValueError with a Chinese message."""
    row = _derived(record, record.clean())
    table = record.TABLE
    with store.write():
        _check_links(store, record, row)
        if record.id:
            require(store, table, record.id, record.WHAT)
            store.stamp(row, new=False)
            cols = list(row)
            store.conn.execute(
                f"UPDATE {_quote(table)} SET {', '.join(_quote(c) + ' = ?' for c in cols)} WHERE id = ?",
                [row[c] for c in cols] + [record.id])
        else:
            store.stamp(row, new=True)
            cols = list(row)
            store.conn.execute(
                f"INSERT INTO {_quote(table)} ({', '.join(map(_quote, cols))}) VALUES ({', '.join('?' * len(cols))})",
                [row[c] for c in cols])
            record.id = row["id"]
    return record


def save_many(store: Store, records: Iterable[rec.Record]) -> int:
    """Save several records in one transaction (imports, the demo); returns how many."""
    n = 0
    with store.write():
        for r in records:
            save(store, r)
            n += 1
    return n


def get(store: Store, kind: type[rec.Record] | str, record_id: str) -> rec.Record:
    """The stored record (``kind`` a record class or its key in ``RECORD_TYPES``)."""
    cls = rec.RECORD_TYPES[kind] if isinstance(kind, str) else kind
    cur = store.conn.execute(f"SELECT * FROM {_quote(cls.TABLE)} WHERE id = ? AND deleted = 0", [record_id])
    row = cur.fetchone()
    if row is None:
        raise not_found(cls.WHAT)
    return cls.from_row(dict(zip([d[0] for d in cur.description], row)))


def raw_rows(store: Store, kind: type[rec.Record] | str, *, where: str = "", params=(), order: str = "") -> list[dict]:
    """Stored rows (derived columns included) as dicts, tombstones excluded."""
    cls = rec.RECORD_TYPES[kind] if isinstance(kind, str) else kind
    sql = f"SELECT * FROM {_quote(cls.TABLE)} WHERE deleted = 0" + (f" AND ({where})" if where else "")
    cur = store.conn.execute(sql + (f" ORDER BY {order}" if order else ""), list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def list_records(store: Store, kind: type[rec.Record] | str, *, enterprise_id: str | None = None,
                 village_id: str | None = None) -> list[rec.Record]:
    """The live records of a kind as dataclasses, optionally for one enterprise or village."""
    cls = rec.RECORD_TYPES[kind] if isinstance(kind, str) else kind
    where, params = [], []
    if enterprise_id:
        where.append("enterprise_id = ?")
        params.append(enterprise_id)
    if village_id:
        where.append("village_id = ?")
        params.append(village_id)
    return [cls.from_row(r) for r in raw_rows(store, cls, where=" AND ".join(where), params=params,
                                                   order="created_at, id")]


def delete(store: Store, kind: type[rec.Record] | str, record_id: str) -> None:
    """Tombstone the record (it leaves every ledger; the row stays for sync)."""
    cls = rec.RECORD_TYPES[kind] if isinstance(kind, str) else kind
    with store.write():
        require(store, cls.TABLE, record_id, cls.WHAT)
        row = store.stamp({"deleted": 1}, new=False)
        cols = list(row)
        store.conn.execute(
            f"UPDATE {_quote(cls.TABLE)} SET {', '.join(_quote(c) + ' = ?' for c in cols)} WHERE id = ?",
            [row[c] for c in cols] + [record_id])


__all__ = ["delete", "get", "list_records", "raw_rows", "save", "save_many"]
