"""The enterprise registry: save with validation and duplicate checks, and search in SQL.

Search and sort run entirely in SQLite over indexed or short columns, returning only ids; the
UI fetches the rows it shows. That keeps typing instant on a county of tens of thousands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core import pinyin
from ..core.enterprise import Enterprise, ValidationErrors, core_name, encode_tags, validate
from .db import Store


class DuplicateError(ValueError):
    """Another enterprise already holds this credit code."""

    def __init__(self, existing_id: str, existing_name: str, code: str):
        super().__init__(f"统一社会信用代码 {code} 已登记为“{existing_name}”，请勿重复录入，可直接打开该企业修改。")
        self.existing_id = existing_id
        self.existing_name = existing_name


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    village_id: str | None = None
    sector: str | None = None
    tag: str | None = None
    supervision_class: str | None = None
    status: str | None = None
    scale: str | None = None
    order_by: str = "name"
    descending: bool = False


# Sortable columns → SQL expression. Name sorts by pinyin: the order officers expect.
SORT_COLUMNS = {
    "name": "e.py_full",
    "uscc": "e.uscc",
    "village": "v.sort, v.name",
    "sector": "e.sector",
    "scale": "e.scale",
    "employees": "e.employees",
    "supervision_class": "e.supervision_class",
    "status": "e.status",
    "principal": "e.principal",
    "updated_at": "e.updated_at",
}

LIST_COLUMNS = (
    "e.id", "e.name", "e.uscc", "v.name AS village", "e.sector", "e.scale", "e.employees",
    "e.risk_tags", "e.supervision_class", "e.status", "e.principal", "e.principal_phone",
    "e.landlord_id", "e.legacy_reg_no",
)

_ASCII_WORD = re.compile(r"^[a-z]+$")
_CODE_LIKE = re.compile(r"^[0-9A-Z]{2,18}$")


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def initials_pattern(letters: str) -> str:
    """LIKE pattern for pinyin initials typed word by word.

    Chinese words are mostly two characters, and officers type them that way: "jyhg" is 江阴 +
    化工. The query is split into two-letter chunks that must appear in order, each contiguous,
    with anything between them: ``%jy%hg%``. A letter-by-letter subsequence would let the
    initials of almost any name match.
    """
    chunks = [letters[i:i + 2] for i in range(0, len(letters), 2)]
    return "%" + "%".join(chunks) + "%"


def _term_clause(term: str) -> tuple[str, list]:
    """SQL for one search term: name substring, pinyin initials (in two-letter chunks, so
    "jyhg" finds 江阴…化工…), full pinyin substring, or credit-code substring."""
    lower = term.lower()
    like = f"%{_escape_like(lower)}%"
    parts = ["e.name LIKE ? ESCAPE '\\'"]
    params: list = [f"%{_escape_like(term)}%"]
    if _ASCII_WORD.match(lower):
        parts.append("e.py_initials LIKE ? ESCAPE '\\'")
        params.append(initials_pattern(lower))
        parts.append("e.py_full LIKE ? ESCAPE '\\'")
        params.append(like)
    if _CODE_LIKE.match(term.upper()):
        parts.append("e.uscc LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(term.upper())}%")
        parts.append("e.legacy_reg_no LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(term.upper())}%")
    return "(" + " OR ".join(parts) + ")", params


def _where(q: SearchQuery) -> tuple[str, list]:
    clauses = ["e.deleted = 0"]
    params: list = []
    for term in q.text.split():
        sql, p = _term_clause(term)
        clauses.append(sql)
        params += p
    for col, value in (("e.village_id", q.village_id), ("e.sector", q.sector),
                       ("e.supervision_class", q.supervision_class), ("e.status", q.status),
                       ("e.scale", q.scale)):
        if value:
            clauses.append(f"{col} = ?")
            params.append(value)
    if q.tag:
        clauses.append("e.risk_tags LIKE ?")
        params.append(f"%|{q.tag}|%")
    return " AND ".join(clauses), params


def search_ids(store: Store, query: SearchQuery = SearchQuery()) -> list[str]:
    where, params = _where(query)
    order = SORT_COLUMNS.get(query.order_by, "e.py_full")
    direction = " DESC" if query.descending else ""
    order_sql = ", ".join(part.strip() + direction for part in order.split(","))
    text = query.text.strip()
    if text and query.order_by == "name" and not query.descending:
        # Relevance first: names or initials that contain the typed text as a run.
        lower = _escape_like(text.lower())
        order_sql = (
            "CASE WHEN e.name LIKE ? ESCAPE '\\' OR e.py_initials LIKE ? ESCAPE '\\' "
            "THEN 0 ELSE 1 END, " + order_sql
        )
        params = params + [f"%{_escape_like(text)}%", f"%{lower}%"]
    sql = (
        "SELECT e.id FROM enterprise e LEFT JOIN village v ON v.id = e.village_id "
        f"WHERE {where} ORDER BY {order_sql}, e.id"
    )
    return [r[0] for r in store.db.execute(sql, params).fetchall()]


def count(store: Store, query: SearchQuery = SearchQuery()) -> int:
    where, params = _where(query)
    return store.db.execute(
        f"SELECT count(*) FROM enterprise e WHERE {where}", params
    ).fetchone()[0]


def list_rows(store: Store, ids: list[str]) -> dict[str, dict]:
    """Display rows for the given ids (the list model calls this for visible blocks only)."""
    out: dict[str, dict] = {}
    cols = ", ".join(LIST_COLUMNS)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        cur = store.db.execute(
            f"SELECT {cols} FROM enterprise e LEFT JOIN village v ON v.id = e.village_id "
            f"WHERE e.id IN ({marks})", chunk)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            out[row[0]] = dict(zip(names, row))
    return out


def get(store: Store, enterprise_id: str) -> Enterprise | None:
    row = store.db.execute(
        "SELECT * FROM enterprise WHERE id = ? AND deleted = 0", [enterprise_id]
    ).fetchone()
    if row is None:
        return None
    cols = [d[0] for d in store.db.execute("SELECT * FROM enterprise LIMIT 0").description]
    return Enterprise.from_row(dict(zip(cols, row)))


def find_by_uscc(store: Store, code: str) -> tuple[str, str] | None:
    row = store.db.execute(
        "SELECT id, name FROM enterprise WHERE uscc = ? AND deleted = 0", [code]
    ).fetchone()
    return (row[0], row[1]) if row else None


def similar(store: Store, name: str, *, exclude_id: str | None = None, limit: int = 5) -> list[tuple[str, str]]:
    """Enterprises whose core name (without 江阴/有限公司…) equals this one's: a likely duplicate."""
    key = core_name(name)
    if not key:
        return []
    rows = store.db.execute(
        "SELECT id, name FROM enterprise WHERE deleted = 0 AND name LIKE ? AND id IS NOT ? LIMIT 200",
        [f"%{_escape_like(key)}%", exclude_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows if core_name(r[1]) == key][:limit]


def save(store: Store, ent: Enterprise) -> Enterprise:
    """Validate and insert or update. Raises ValidationErrors or DuplicateError; writes nothing then."""
    validate(ent)
    if ent.uscc:
        hit = find_by_uscc(store, ent.uscc)
        if hit and hit[0] != ent.id:
            raise DuplicateError(hit[0], hit[1], ent.uscc)
    if ent.landlord_id:
        if ent.landlord_id == ent.id:
            raise ValidationErrors({"landlord_id": "出租方不能是企业自身。"})
        if get(store, ent.landlord_id) is None:
            raise ValidationErrors({"landlord_id": "所选出租方企业不存在。"})
    row = ent.to_row()
    row.pop("id")
    row["py_initials"], row["py_full"] = pinyin.keys(ent.name)
    with store.write():
        if ent.id:
            store.stamp(row, new=False)
            store.db["enterprise"].update(ent.id, row)
        else:
            store.stamp(row, new=True)
            store.db["enterprise"].insert(row)
            ent.id = row["id"]
    return ent


def save_many(store: Store, ents: list[Enterprise]) -> None:
    """Bulk insert already-validated new enterprises in one transaction (demo, import)."""
    rows = []
    for ent in ents:
        row = ent.to_row()
        row["py_initials"], row["py_full"] = pinyin.keys(ent.name)
        if ent.id:
            row["id"] = ent.id
        store.stamp(row, new=True)
        ent.id = row["id"]
        rows.append(row)
    with store.write():
        store.db["enterprise"].insert_all(rows, batch_size=500)


def delete(store: Store, enterprise_id: str) -> None:
    """Tombstone: the row stays so the deletion syncs and history keeps its references."""
    row = {"deleted": 1}
    with store.write():
        store.stamp(row, new=False)
        store.db["enterprise"].update(enterprise_id, row)


def tenants(store: Store, enterprise_id: str) -> list[tuple[str, str]]:
    rows = store.db.execute(
        "SELECT id, name FROM enterprise WHERE landlord_id = ? AND deleted = 0 ORDER BY py_full",
        [enterprise_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def name_of(store: Store, enterprise_id: str | None) -> str:
    if not enterprise_id:
        return ""
    row = store.db.execute("SELECT name FROM enterprise WHERE id = ?", [enterprise_id]).fetchone()
    return row[0] if row else ""


__all__ = [
    "DuplicateError", "SearchQuery", "SORT_COLUMNS", "search_ids", "count", "list_rows", "get",
    "find_by_uscc", "similar", "save", "save_many", "delete", "tenants", "name_of", "encode_tags",
]
