"""The enterprise registry: save with validation and duplicate checks, and search in SQL.

Search and sort run entirely in SQLite over indexed or short columns, returning only ids; the
UI fetches the rows it shows. That keeps typing instant on a county of tens of thousands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core import pinyin
from ..core.enterprise import SUSPENDED, Enterprise, ValidationErrors, core_name, encode_tags, validate
from .db import Store, not_found


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


# Sortable columns → SQL expression. Name sorts by pinyin: the order officers expect. For the
# other columns the unary ``+`` keeps SQLite from walking a non-covering index in order: a scan
# plus an in-memory sort is several times faster than looking up every row at random.
SORT_COLUMNS = {
    "name": "e.py_full",  # served in order by the covering index enterprise_search
    "uscc": "+e.uscc",
    "village": "(SELECT v.sort FROM village v WHERE v.id = e.village_id), "
               "(SELECT v.name FROM village v WHERE v.id = e.village_id)",
    "sector": "+e.sector",
    "scale": "+e.scale",
    "employees": "+e.employees",
    "supervision_class": "+e.supervision_class",
    "status": "+e.status",
    "principal": "+e.principal",
    "updated_at": "+e.updated_at",
}

LIST_COLUMNS = (
    "e.id", "e.name", "e.uscc", "v.name AS village", "e.sector", "e.scale", "e.employees",
    "e.risk_tags", "e.supervision_class", "e.status", "e.principal", "e.principal_phone",
    "e.landlord_id", "e.legacy_reg_no",
)

_ASCII_WORD = re.compile(r"^[a-z]+$")
_CODE_LIKE = re.compile(r"^[0-9A-Z]{2,18}$")


def escape_like(s: str) -> str:
    """Escape LIKE wildcards (use with ``ESCAPE '\\'``)."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")



def is_latin_word(word: str) -> bool:
    """A lower-case word of Latin letters: typed pinyin (full or initials)."""
    return bool(_ASCII_WORD.match(word))


def initials_glob(letters: str) -> str:
    """GLOB pattern for pinyin initials typed word by word, in two-letter chunks that must appear
    in order with anything between them: "jyhg" (江阴 + 化工) → ``*jy*hg*``. The one rule for
    matching initials, used by the registry and by every search that matches an enterprise."""
    return "*" + "*".join(letters[i:i + 2] for i in range(0, len(letters), 2)) + "*"


def make_search_key(name: str, py_full: str, uscc: str | None, legacy_reg_no: str | None,
                    alt_full: tuple[str, ...] = ()) -> str:
    """lower(name) | primary full pinyin | codes | the other readings in full (polyphones)."""
    return "\x1f".join((name.lower(), py_full, (uscc or "").lower(), (legacy_reg_no or "").lower(),
                        *alt_full))


def make_alt_initials(alt_initials: tuple[str, ...]) -> str:
    """The py_alt column: each alternate reading's initials behind a \x1f, so a first-letter
    GLOB can anchor on any of them (``*\x1fz*``)."""
    return "".join("\x1f" + a for a in alt_initials)


def _term_clause(term: str) -> tuple[str, list]:
    """SQL for one search term: a substring of the name, the full pinyin or a code, or pinyin
    initials in two-letter chunks ("jyhg" finds 江阴…化工…)."""
    lower = term.lower()
    if _ASCII_WORD.match(lower):
        if len(lower) == 1:
            # The first letter typed: names whose initials (in any reading) start with it.
            # Anything broader matches the whole county and only costs time.
            return "(e.py_initials GLOB ? OR e.py_alt GLOB ?)", [lower + "*", "*\x1f" + lower + "*"]
        # GLOB, not LIKE: case-sensitive and much cheaper; initials are lower-case a-z/0-9.
        # Alternate readings (polyphones) sit in py_alt; search_key holds every full reading.
        glob = initials_glob(lower)
        return ("(instr(e.search_key, ?) OR e.py_initials GLOB ? OR e.py_alt GLOB ?)",
                [lower, glob, glob])
    return "instr(e.search_key, ?)", [lower]


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


def _relevance_words(query: SearchQuery) -> list[str]:
    """Words whose exact run should rank first: four or more Latin letters, name order only."""
    if query.order_by != "name" or query.descending:
        return []
    return [w.lower() for w in query.text.split() if _ASCII_WORD.match(w.lower()) and len(w) >= 4]


def _latin_words(query: SearchQuery) -> list[str]:
    """Typed pinyin words (name order only): a row that matches them only in an alternate
    reading of a polyphone ranks after the rows that match in the likeliest reading."""
    if query.order_by != "name" or query.descending:
        return []
    return [w.lower() for w in query.text.split() if _ASCII_WORD.match(w.lower())]


# The primary part of search_key (name, primary full pinyin, codes) without the alternates.
_PRIMARY_KEY = ("(lower(e.name) || char(31) || e.py_full || char(31) || lower(coalesce(e.uscc, '')) "
                "|| char(31) || lower(coalesce(e.legacy_reg_no, '')))")


def _rank_sql(query: SearchQuery) -> tuple[str, list] | None:
    """SQL for a row's relevance tier, or None when there is no ranking to do:
    0 the first long word as one run in the likeliest reading (name, pinyin or initials),
    1 every typed pinyin word matches in the likeliest reading, 2 only in another reading."""
    latin = _latin_words(query)
    if not latin:
        return None
    params: list = []
    primary = []
    for w in latin:
        if len(w) == 1:
            primary.append("e.py_initials GLOB ?")
            params.append(w + "*")
        else:
            primary.append(f"(instr({_PRIMARY_KEY}, ?) OR e.py_initials GLOB ?)")
            params += [w, initials_glob(w)]
    tier1 = " AND ".join(primary)
    long_words = _relevance_words(query)
    if long_words:
        sql = (f"CASE WHEN instr({_PRIMARY_KEY}, ?) OR instr(e.py_initials, ?) THEN 0 "
               f"WHEN {tier1} THEN 1 ELSE 2 END")
        return sql, [long_words[0], long_words[0]] + params
    return f"CASE WHEN {tier1} THEN 1 ELSE 2 END", params


def _search_sql(query: SearchQuery, select: str, *, relevance: bool = True) -> tuple[str, list]:
    where, params = _where(query)
    order = SORT_COLUMNS.get(query.order_by, SORT_COLUMNS["name"])
    direction = " DESC" if query.descending else ""
    order_sql = ", ".join(part.strip() + direction for part in order.split(", "))
    rank = _rank_sql(query) if relevance else None
    if rank:
        # Relevance first: the typed letters as one run rank above chunked initials matches,
        # and both above a match in a polyphone's other reading.
        order_sql = rank[0] + ", " + order_sql
        params = params + rank[1]
    return f"SELECT {select} FROM enterprise e WHERE {where} ORDER BY {order_sql}", params


def first_page(store: Store, query: SearchQuery, *, limit: int) -> tuple[list[int], int]:
    """The first ``limit`` rowids of the result in display order, and the result's size.

    Built for search as you type. The page is read with one row to spare, walking the covering
    index in order (no sort), so a short result is known in one scan and only a long one is
    counted. A short result is then put in relevance order with one small query; in a long
    result (a letter or two typed) relevance would mean sorting thousands of rows per keystroke.
    Later pages come from :func:`search_page` in plain display order.
    """
    rowids = search_page(store, query, offset=0, limit=limit + 1)
    if len(rowids) > limit:
        return rowids[:limit], count(store, query)
    rank = _rank_sql(query)
    if rank and len(rowids) > 1:
        marks = ",".join("?" * len(rowids))
        tiers = dict(store.conn.execute(
            f"SELECT e.rowid, {rank[0]} FROM enterprise e WHERE e.rowid IN ({marks})",
            rank[1] + rowids).fetchall())
        rowids.sort(key=lambda r: tiers.get(r, 2))  # stable: display order within each tier
    return rowids, len(rowids)


def search_ids(store: Store, query: SearchQuery = SearchQuery()) -> list[str]:
    sql, params = _search_sql(query, "e.id")
    return [r[0] for r in store.db.execute(sql, params).fetchall()]


def search_page(store: Store, query: SearchQuery, *, offset: int, limit: int) -> list[int]:
    """One page of the result as local rowids, in display order.

    The list model asks for the pages it shows: walking the covering index stops after
    ``offset + limit`` matches, and only ``limit`` rows cross into Python.
    """
    sql, params = _search_sql(query, "e.rowid", relevance=False)
    return [r[0] for r in store.conn.execute(sql + " LIMIT ? OFFSET ?", params + [limit, offset])]


def list_rows_by_rowid(store: Store, rowids: list[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    cols = ", ".join(("e.rowid AS _rowid",) + LIST_COLUMNS)
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        cur = store.conn.execute(
            f"SELECT {cols} FROM enterprise e LEFT JOIN village v ON v.id = e.village_id "
            f"WHERE e.rowid IN ({marks})", chunk)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            out[row[0]] = dict(zip(names, row))
    return out


def count(store: Store, query: SearchQuery = SearchQuery()) -> int:
    where, params = _where(query)
    return store.conn.execute(f"SELECT count(*) FROM enterprise e WHERE {where}", params).fetchone()[0]


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


def list_all(store: Store, *, status: str | None = None) -> list[Enterprise]:
    """Every enterprise not deleted (only those of ``status``, if given), in name order with
    credit code and address breaking ties, so the list is the same on every run. For bulk
    readers (the demo history); screens page through :func:`search_page` instead."""
    sql = "SELECT * FROM enterprise WHERE deleted = 0"
    params: list = []
    if status is not None:
        sql += " AND status = ?"
        params.append(status)
    cur = store.conn.execute(sql + " ORDER BY name, uscc, address", params)
    cols = [d[0] for d in cur.description]
    return [Enterprise.from_row(dict(zip(cols, row))) for row in cur.fetchall()]


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
        [f"%{escape_like(key)}%", exclude_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows if core_name(r[1]) == key][:limit]


def derive_keys(row: dict) -> dict:
    """Fill the derived search columns of an enterprise row (call whenever name or codes change)."""
    k = pinyin.all_keys(row["name"])
    row["py_initials"], row["py_full"], row["py_alt"] = k.initials, k.full, make_alt_initials(k.alt_initials)
    row["search_key"] = make_search_key(row["name"], row["py_full"], row.get("uscc"),
                                        row.get("legacy_reg_no"), k.alt_full)
    return row


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
            raise ValidationErrors({"landlord_id": str(not_found("所选出租方企业", "请重新选择出租方。"))})
    row = ent.to_row()
    row.pop("id")
    derive_keys(row)
    with store.write():
        _check_suspension_status(store, ent)
        if ent.id:
            store.stamp(row, new=False)
            store.db["enterprise"].update(ent.id, row)
        else:
            store.stamp(row, new=True)
            store.db["enterprise"].insert(row)
            ent.id = row["id"]
    return ent


def open_suspension(store: Store, enterprise_id: str | None) -> str | None:
    """The id of the enterprise's suspension not yet lifted by a passed resumption review."""
    if not enterprise_id:
        return None
    row = store.conn.execute(
        "SELECT id FROM suspension WHERE enterprise_id = ? AND resumed_on = '' AND deleted = 0 "
        "ORDER BY started_on DESC LIMIT 1", [enterprise_id]).fetchone()
    return row[0] if row else None


def _check_suspension_status(store: Store, ent: Enterprise) -> None:
    """停产整改 comes from an on-site measures decision and ends only with a passed 复产审查
    (storage.escalation); the registry form cannot set or lift it by itself."""
    suspended = open_suspension(store, ent.id) is not None
    if suspended and ent.status != SUSPENDED:
        raise ValidationErrors({"status": "该企业已被责令暂时停产停业，须经复产审查合格后方可恢复生产经营，"
                                          "请在企业档案中登记复产审查。"})
    if not suspended and ent.status == SUSPENDED:
        previous = store.conn.execute("SELECT status FROM enterprise WHERE id = ?", [ent.id]).fetchone() \
            if ent.id else None
        if not previous or previous[0] != SUSPENDED:
            raise ValidationErrors({"status": "“停产整改”状态由现场处理措施决定书（责令暂时停产停业）产生，"
                                              "不能直接选择；请出具现场处理措施决定书。"})


def save_many(store: Store, ents: list[Enterprise]) -> None:
    """Bulk insert already-validated new enterprises in one transaction (demo, import)."""
    rows = []
    for ent in ents:
        row = ent.to_row()
        derive_keys(row)
        if not row.get("id"):
            row.pop("id", None)  # stamp() assigns a fresh UUIDv7
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
    "list_all", "find_by_uscc", "similar", "save", "save_many", "delete", "tenants", "name_of", "encode_tags",
]
