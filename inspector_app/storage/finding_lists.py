"""The lists officers work from, filtered, sorted and paged in SQL: overdue rectifications and
re-inspections, the Today view, the quarter's listed majors, and the findings list's pages.

The overdue rules are those of ``core.findings.is_overdue_*`` written as SQL; a property test
holds the two together. ``storage.findings`` re-exports every public name, so callers keep
importing them from there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, timedelta

from ..core import clock
from ..core import findings as rules
from ..core import settings as S
from ..core.dates import as_date
from . import settings
from .db import Store
from .enterprises import escape_like, initials_glob, is_latin_word


def listed_major_for_quarter(store: Store, year: int, quarter: int, *, today=None,
                             window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS) -> list[dict]:
    """Major findings listed during the quarter or still listed at some point in it, with
    enterprise name and village (rows as :func:`query_findings`, flags as of ``today``)."""
    first, last = rules.quarter_range(year, quarter)
    cur = store.conn.execute(
        f"""
        SELECT {_LIST_COLUMNS} FROM finding f
        JOIN enterprise e ON e.id = f.enterprise_id
        LEFT JOIN village v ON v.id = e.village_id
        WHERE f.deleted = 0 AND f.grade = '重大' AND f.listed_on != ''
          AND f.listed_on <= :last AND (f.delisted_on = '' OR f.delisted_on >= :first)
        ORDER BY f.listed_on, e.py_full, f.id
        """,
        {"first": first.isoformat(), "last": last.isoformat(),
         **_flag_params(as_date(today) or clock.today(), window_days)},
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


# ---------------------------------------------------------------------------------------------
# lists

# The re-inspection window runs from the deadline, or from the reported rectification if earlier
# (mirrors core.findings.reinspection_starts).
_REINSPECT_START = (
    "(CASE WHEN f.state = 'awaiting_reinspection' AND f.rectified_on != '' "
    "AND (f.deadline = '' OR f.rectified_on < f.deadline) THEN f.rectified_on ELSE f.deadline END)"
)
_OVERDUE_RECT = (
    "(f.state IN ('registered', 'ordered', 'rectifying') AND f.deadline != '' AND f.deadline < :today)"
)
# start + window < today  ⇔  start < today − window (= :reinspect_cutoff), so no date() per row.
_OVERDUE_REINSP = (
    "(f.state IN ('ordered', 'rectifying', 'awaiting_reinspection') "
    f"AND {_REINSPECT_START} != '' AND {_REINSPECT_START} < :reinspect_cutoff)"
)
_LIST_COLUMNS = (
    "f.*, e.name AS enterprise_name, e.village_id AS village_id, v.name AS village_name, "
    f"{_OVERDUE_RECT} AS overdue_rectification, {_OVERDUE_REINSP} AS overdue_reinspection, "
    f"(CASE WHEN f.state IN ('ordered', 'rectifying', 'awaiting_reinspection') AND {_REINSPECT_START} != '' "
    f"THEN date({_REINSPECT_START}, :window_mod) ELSE '' END) AS reinspection_due_by"
)


def _flag_params(today: date, window_days: int) -> dict:
    return {
        "today": today.isoformat(),
        "reinspect_cutoff": (today - timedelta(days=int(window_days))).isoformat(),
        "window_mod": f"+{int(window_days)} days",
    }


def reinspection_window(store: Store) -> int:
    """The re-inspection window in days (``S.REINSPECTION_WINDOW``, default 10: REFERENCE §1.4
    [K], practice not confirmed against the official text)."""
    return settings.get(store, S.REINSPECTION_WINDOW)


# "Overdue (any)": rectification overdue, or re-inspection overdue (for ordered/rectifying an
# overdue re-inspection implies an overdue rectification, so only awaiting_reinspection adds).
_OVERDUE_ANY = (
    "((f.state IN ('registered', 'ordered', 'rectifying') AND f.deadline > '' AND f.deadline < :today)"
    " OR (f.state = 'awaiting_reinspection' AND f.deadline > '' AND f.deadline < :reinspect_cutoff)"
    " OR (f.state = 'awaiting_reinspection' AND f.rectified_on > '' AND f.rectified_on < :reinspect_cutoff))"
)
_COUNT_OVERDUE = f"count(CASE WHEN {_OVERDUE_ANY} THEN 1 END)"
# The ``overdue`` filter's values → condition.
_OVERDUE = {True: _OVERDUE_ANY, "any": _OVERDUE_ANY, "rectification": _OVERDUE_RECT,
            "reinspection": _OVERDUE_REINSP}

FILTERS = ("state", "overdue", "major", "enterprise_id", "village_id", "text", "today", "window_days")
ORDERS = ("deadline", "enterprise", "village", "description", "grade", "state", "days_overdue", "listed")

_STATE_RANK = "CASE f.state " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(rules.STATES)) + " END"
# core.findings.days_overdue in SQL (whole days: dates are stored as YYYY-MM-DD).
_DAYS_OVERDUE = f"(CASE WHEN {_OVERDUE_RECT} THEN julianday(:today) - julianday(f.deadline) ELSE 0 END)"


class _Query:
    """One list query: the filters as SQL (a CTE when searching text, WHERE conditions on
    ``finding f``), the order, and their parameters."""

    def __init__(self, *, state=None, overdue=False, major=None, enterprise_id=None, village_id=None,
                 text: str = "", today=None, window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS,
                 order_by: str = "deadline", descending: bool = False):
        if order_by not in ORDERS:
            raise ValueError(f"排序方式“{order_by}”无法识别，可选：{'、'.join(ORDERS)}。")
        if overdue not in _OVERDUE and overdue not in (False, None, ""):
            raise ValueError("逾期筛选只能是：全部逾期、整改逾期或复查逾期。")
        self.order_by, self.descending = order_by, bool(descending)
        self.params = _flag_params(as_date(today) or clock.today(), window_days)
        params = self.params
        where = ["f.deleted = 0"]
        if state:
            states = [state] if isinstance(state, str) else list(state)
            bad = [s for s in states if s not in rules.STATES]
            if bad:
                raise ValueError(f"隐患状态“{bad[0]}”无法识别。")
            marks = []
            for i, s in enumerate(states):
                params[f"st{i}"] = s
                marks.append(f":st{i}")
            where.append(f"f.state IN ({', '.join(marks)})")
        self.overdue = overdue or False
        if self.overdue:
            where.append(_OVERDUE[self.overdue])
        if major is not None:
            where.append("f.grade = :grade")
            params["grade"] = "重大" if major else "一般"
        # One enterprise or one village: the finding_enterprise index finds the few rows.
        self.narrow = bool(enterprise_id or village_id)
        if enterprise_id:
            where.append("f.enterprise_id = :enterprise_id")
            params["enterprise_id"] = enterprise_id
        if village_id:
            # A set built once from the enterprise_village index, not a join per finding.
            where.append("f.enterprise_id IN (SELECT id FROM enterprise WHERE village_id = :village_id)")
            params["village_id"] = village_id
        self.base = " AND ".join(where)  # the filters but the text
        self.cte = ""
        self.own: list[str] = []  # per word: it occurs in the finding's own text
        terms = (text or "").split()
        if terms:
            # Every word must occur in the description, the location or the enterprise. The
            # enterprise side is matched as in the registry search (a substring of name / full
            # pinyin / credit code in enterprise.search_key, or pinyin initials typed in
            # two-letter chunks) in ONE pass over the enterprises for all words; each word's small
            # id set is probed only for findings whose own text does not match.
            ent_cols, ent_any = [], []
            for i, term in enumerate(terms):
                key, lower = f"t{i}", term.lower()
                params[key + "k"] = lower
                cond = f"instr(search_key, :{key}k)"
                if is_latin_word(lower):
                    params[key + "g"] = initials_glob(lower)
                    cond = f"({cond} OR py_initials GLOB :{key}g OR py_alt GLOB :{key}g)"
                ent_cols.append(f"{cond} AS m{i}")
                ent_any.append(cond)
                if re.search(r"[A-Za-z]", term):
                    # LIKE folds ASCII case ("PLC" finds "plc"); instr() is faster for the rest.
                    params[key] = f"%{escape_like(term)}%"
                    own = f"f.description LIKE :{key} ESCAPE '\\' OR f.location LIKE :{key} ESCAPE '\\'"
                else:
                    params[key] = term
                    own = f"instr(f.description, :{key}) OR instr(f.location, :{key})"
                self.own.append(own)
                where.append(f"({own} OR f.enterprise_id IN (SELECT id FROM em WHERE m{i}))")
            # (on the covering search index: only matching enterprises are read from the table)
            self.cte = (
                f"WITH em AS MATERIALIZED (SELECT id, {', '.join(ent_cols)} FROM enterprise "
                f"INDEXED BY enterprise_search WHERE deleted = 0 AND ({' OR '.join(ent_any)})) "
            )
        self.where = " AND ".join(where)

    # -- pieces --------------------------------------------------------------------------------
    def source(self, *, joins: bool = False, order: bool = True) -> str:
        """``finding f`` on the index that serves the query, with the joins the order needs
        (``order``) or all (``joins``)."""
        if self.narrow:
            src = "finding f INDEXED BY finding_enterprise"
        elif self.order_by == "listed" and order:  # listed / listing_deadline: only in the table
            src = "finding f NOT INDEXED"
        else:
            # The covering ledger index: every filtered column is in it, so a scan never touches
            # the table, and in deadline order it is walked in order and stops at the page's end.
            src = "finding f INDEXED BY finding_ledger"
        if joins or (order and self.order_by in ("enterprise", "village")):
            src += " JOIN enterprise e ON e.id = f.enterprise_id"
        if joins or (order and self.order_by == "village"):
            src += " LEFT JOIN village v ON v.id = e.village_id"
        return src

    def order(self) -> str:
        """ORDER BY terms. The direction applies to the column; ties go by deadline, then id
        (deadline order itself is reversed as a whole), so every order is total and pages of it
        never overlap."""
        d = " DESC" if self.descending else ""
        tail = ", f.deadline, f.id"
        return {
            "deadline": f"f.deadline{d}, f.id{d}",
            # e.deleted first so that the order is that of the enterprise_search index
            "enterprise": f"e.deleted{d}, e.py_full{d}" + tail,
            "village": f"v.sort{d}, v.name{d}" + tail,
            "description": f"f.description{d}" + tail,
            "grade": f"f.grade{d}" + tail,
            "state": f"{_STATE_RANK}{d}" + tail,
            "days_overdue": f"{_DAYS_OVERDUE}{d}" + tail,
            # ascending = listed ones first, the latest 督办期限 first
            "listed": "f.listed{0}, f.listing_deadline{0}".format("" if d else " DESC") + tail,
        }[self.order_by]

    def counted(self, columns: dict[str, str], *, gate: str = "") -> str:
        """A one-row statement of aggregates over the result (``columns``: name → aggregate
        over ``f``), each condition preceded by ``gate`` if given."""
        gate = f"{gate} AND " if gate else ""
        cols = ", ".join(f"{agg} AS {name}" for name, agg in columns.items())
        if not self.cte:
            return f"SELECT {cols} FROM {self.source(order=False)} WHERE {gate}{self.where}"
        # Text: counted in two parts so that no finding probes the matching enterprises' set:
        # findings of enterprises matching no word need every word in their own text (the
        # set is probed for the few that have it); those of matching enterprises are reached
        # from the set through the finding_enterprise index.
        own = " AND ".join(f"({o})" for o in self.own)
        either = " AND ".join(f"({o} OR (SELECT m{i} FROM em AS x WHERE x.id = f.enterprise_id))"
                              for i, o in enumerate(self.own))
        sums = ", ".join(f"a.{name} + b.{name} AS {name}" for name in columns)
        # (IN, not a join with em: a join gets a Bloom filter built over every finding)
        return (f"SELECT {sums} FROM "
                f"(SELECT {cols} FROM {self.source(order=False)} WHERE {gate}{self.base} AND {own} "
                f"AND f.enterprise_id NOT IN (SELECT id FROM em)) AS a, "
                f"(SELECT {cols} FROM finding f INDEXED BY finding_enterprise WHERE {gate}"
                f"f.enterprise_id IN (SELECT id FROM em) AND {self.base} AND {either}) AS b")

    def ordered(self, *, paged: bool, walk: bool = False) -> str:
        """A statement yielding ``r`` (rowid) and ``fid`` of the results in order, from
        ``:offset`` for ``:limit`` rows when ``paged`` (``:n`` = offset + limit, -1 for all)."""
        limit = " LIMIT :limit OFFSET :offset" if paged else ""
        if walk:
            # The enterprises in pinyin order, each one's findings: stops at the page's end.
            return (f"SELECT f.rowid AS r, f.id AS fid FROM enterprise e INDEXED BY enterprise_search "
                    f"CROSS JOIN finding f ON f.enterprise_id = e.id WHERE {self.where} "
                    f"ORDER BY {self.order()}{limit}")
        if self.order_by == "days_overdue" and paged and not self.narrow:
            return self._days_overdue(limit)
        return f"SELECT f.rowid AS r, f.id AS fid FROM {self.source()} WHERE {self.where} ORDER BY {self.order()}{limit}"

    def _days_overdue(self, limit: str) -> str:
        # Days overdue is a function of the deadline among the findings overdue for rectification
        # and 0 for the rest: two walks of the ledger index in deadline order, each cut at the
        # page's end (:n rows), then the few rows merged in the full order.
        late = "DESC" if not self.descending else ""  # more days ⇔ an earlier deadline
        arms = [(f"SELECT f.rowid AS r, f.id AS fid, {_DAYS_OVERDUE} AS _k, f.deadline AS _dl "
                 f"FROM {self.source()} WHERE {self.where} AND {_OVERDUE_RECT} "
                 f"ORDER BY f.deadline {late}, f.id LIMIT :n")]
        if self.overdue != "rectification":
            arms.append(f"SELECT f.rowid, f.id, 0, f.deadline FROM {self.source()} "
                        f"WHERE {self.where} AND NOT {_OVERDUE_RECT} ORDER BY f.deadline, f.id LIMIT :n")
        d = " DESC" if self.descending else ""
        return (" UNION ALL ".join(f"SELECT * FROM ({a})" for a in arms)
                + f" ORDER BY _k{d}, _dl, fid{limit}")

    def walks(self, store: Store, *, total: int | None, end: int) -> bool:
        """Enterprise order: walk the enterprises in order when many findings match (the page is
        found after a few), sort the matches when few do (a walk would visit them all)."""
        if self.order_by != "enterprise" or self.narrow or total is None:
            return False
        # Visiting ~ end × all / total findings vs. sorting ~ total: max(rowid) estimates "all".
        universe = store.conn.execute("SELECT max(rowid) FROM finding").fetchone()[0] or 0
        return total * total > 2 * end * universe


def _split(kwargs: dict) -> dict:
    unknown = set(kwargs) - set(FILTERS) - {"order_by", "descending"}
    if unknown:
        raise TypeError(f"unknown finding filter(s): {', '.join(sorted(unknown))}")
    return kwargs


def _rows(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _page_params(q: _Query, offset: int, limit: int | None) -> dict:
    offset = int(offset)
    limit = -1 if limit is None else int(limit)
    return {**q.params, "limit": limit, "offset": offset, "n": -1 if limit < 0 else offset + limit}


def _page_rows(store: Store, q: _Query, *, offset: int, limit: int | None, walk: bool = False) -> list[dict]:
    """One statement: the page's rowids picked on an index, then only those rows joined and
    read (the order repeated over the few rows)."""
    inner = q.ordered(paged=True, walk=walk)
    cur = store.conn.execute(
        f"{q.cte}SELECT {_LIST_COLUMNS} FROM ({inner}) AS p JOIN finding f ON f.rowid = p.r "
        f"JOIN enterprise e ON e.id = f.enterprise_id LEFT JOIN village v ON v.id = e.village_id "
        f"ORDER BY {q.order()}",
        _page_params(q, offset, limit),
    )
    return _rows(cur)


def _first_page(store: Store, q: _Query, *, limit: int, count_overdue: bool) -> tuple[list[dict], int, int]:
    """The first page read with one row to spare and, only if that row came, the count, in one
    statement (so a text search matches the enterprises once)."""
    columns = {"_total": "count(*)", "_overdue": _COUNT_OVERDUE if count_overdue else "0"}
    cte = (q.cte.rstrip() + ", " if q.cte else "WITH ") + f"pg AS MATERIALIZED ({q.ordered(paged=True)}) "
    cur = store.conn.execute(
        f"{cte}SELECT {_LIST_COLUMNS}, c._total, c._overdue FROM pg AS p JOIN finding f ON f.rowid = p.r "
        f"JOIN enterprise e ON e.id = f.enterprise_id LEFT JOIN village v ON v.id = e.village_id, "
        # a condition without columns: SQLite tests it once and skips the counting when false
        f"({q.counted(columns, gate='(SELECT count(*) FROM pg) > :page')}) AS c ORDER BY {q.order()}",
        {**_page_params(q, 0, limit + 1), "page": limit},
    )
    rows = _rows(cur)
    if len(rows) > limit:
        total, late = rows[0]["_total"], rows[0]["_overdue"]
        del rows[limit:]
    else:
        total = len(rows)
        late = sum(1 for r in rows if r["overdue_rectification"] or r["overdue_reinspection"])
    for r in rows:
        del r["_total"], r["_overdue"]
    return rows, total, late


def finding_page(store: Store, *, offset: int, limit: int, total: int | None = None, **query) -> list[dict]:
    """Display rows ``offset`` … ``offset + limit - 1`` of the result (rows as
    :func:`query_findings`; filters, ``order_by`` and ``descending`` as there), in one statement.

    In deadline order (the default) the ledger index is walked in order and the walk stops at
    the page's end. ``total``, the result's size if known, lets the enterprise order walk the
    enterprises in order instead of sorting every match.
    """
    q = _Query(**_split(query))
    end = int(offset) + int(limit)
    return _page_rows(store, q, offset=offset, limit=limit, walk=q.walks(store, total=total, end=end))


def first_finding_page(store: Store, *, limit: int, count_overdue: bool = False, **query):
    """The first ``limit`` display rows of the result and the result's size, ``(rows, total)``,
    for a list that pages (rows, filters and order as :func:`query_findings`).

    Built for filtering as you type, in one statement: the page is read with one row to spare
    (in deadline order walking the ledger index and stopping there), so a short result is
    known without counting and only a long one is counted. The enterprise order counts first:
    the count decides between walking the enterprises in order and sorting the matches.

    ``count_overdue``: return ``(rows, total, overdue)``, ``overdue`` being how many findings of
    the result are overdue (see :func:`finding_counts`), from the rows or in the count's pass.
    """
    q = _Query(**_split(query))
    if q.order_by == "enterprise" and not q.narrow and not q.cte:
        if count_overdue:
            total, overdue = finding_counts(store, **query)
        else:
            total, overdue = count_findings(store, **query), 0
        rows = _page_rows(store, q, offset=0, limit=limit, walk=q.walks(store, total=total, end=limit))
    else:
        rows, total, overdue = _first_page(store, q, limit=limit, count_overdue=count_overdue)
    return (rows, total, overdue) if count_overdue else (rows, total)


def query_finding_ids(store: Store, *, limit: int | None = None, offset: int = 0, **query) -> list[str]:
    """Ids of the findings matching all filters, in order (filters and order as
    :func:`query_findings`)."""
    q = _Query(**_split(query))
    paged = limit is not None or bool(offset)
    sql = q.cte + q.ordered(paged=paged)
    return [r[1] for r in store.conn.execute(sql, _page_params(q, offset, limit))]


def finding_rows(store: Store, ids: list[str], *, today=None,
                 window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS) -> list[dict]:
    """Display rows for ``ids`` in the given order (missing or deleted ids are skipped)."""
    params = _flag_params(as_date(today) or clock.today(), window_days)
    by_id: dict[str, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        params.update({f"i{n}": v for n, v in enumerate(chunk)})
        cur = store.conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM finding f JOIN enterprise e ON e.id = f.enterprise_id "
            f"LEFT JOIN village v ON v.id = e.village_id WHERE f.id IN ({marks}) AND f.deleted = 0",
            params,
        )
        for row in _rows(cur):
            by_id[row["id"]] = row
    return [by_id[i] for i in ids if i in by_id]


def query_findings(store: Store, *, limit: int | None = None, offset: int = 0, **query) -> list[dict]:
    """Findings matching all given filters, in order; filtering, sorting and paging in SQL.

    Filters (all optional, combined with AND):

    * ``state``: one state code or several; ``major``: True → 重大, False → 一般;
    * ``overdue``: True (or "any") → overdue for rectification or for re-inspection,
      "rectification" / "reinspection" → that kind only (``core.findings.is_overdue_*``), on
      ``today`` (default: the real today) with a re-inspection window of ``window_days``;
    * ``enterprise_id``, ``village_id``; ``text``: every word must occur in the description,
      location, enterprise name, its full pinyin or pinyin initials, or credit code.

    ``order_by``: one of :data:`ORDERS` ("deadline", the default: earliest deadline first;
    "enterprise" in pinyin order; "village"; "description"; "grade"; "state" in the order of
    the cycle; "days_overdue" for rectification; "listed": listed for supervision first), with
    ``descending``; ties go by deadline, then id. ``limit``/``offset`` page through the result.

    Each row has the finding's columns plus ``enterprise_name``, ``village_id``, ``village_name``,
    ``overdue_rectification``, ``overdue_reinspection`` (0/1) and ``reinspection_due_by``.
    """
    q = _Query(**_split(query))
    if limit is None and not offset:
        cur = store.conn.execute(
            f"{q.cte}SELECT {_LIST_COLUMNS} FROM {q.source(joins=True)} WHERE {q.where} ORDER BY {q.order()}",
            q.params)
        return _rows(cur)
    return _page_rows(store, q, offset=offset, limit=limit)


def _count_query(query: dict) -> _Query:
    for key in ("order_by", "descending", "limit", "offset", "total"):
        query.pop(key, None)
    return _Query(**_split(query))


def count_findings(store: Store, **query) -> int:
    """How many findings :func:`query_findings` would return (``order_by``, ``descending``,
    ``limit``, ``offset`` and ``total`` are ignored, so one dict of arguments serves both)."""
    q = _count_query(query)
    return store.conn.execute(q.cte + q.counted({"n": "count(*)"}), q.params).fetchone()[0]


def finding_counts(store: Store, **query) -> tuple[int, int]:
    """``(total, overdue)``: as :func:`count_findings`, and how many of those are overdue
    (``overdue=True``), in one pass."""
    q = _count_query(query)
    return store.conn.execute(q.cte + q.counted({"n": "count(*)", "late": _COUNT_OVERDUE}), q.params).fetchone()


def finding_positions(store: Store, finding_ids: Iterable[str], **query) -> dict[str, int]:
    """Where the given findings stand in the result (0-based; absent ones are left out).

    For putting the selection back after a refresh: one statement numbering the whole result.
    """
    ids = list(dict.fromkeys(finding_ids))
    if not ids:
        return {}
    q = _Query(**_split(query))
    cur = store.conn.execute(
        f"{q.cte}SELECT fid, n FROM (SELECT f.id AS fid, row_number() OVER (ORDER BY {q.order()}) - 1 AS n "
        f"FROM {q.source()} WHERE {q.where}) WHERE fid IN (SELECT value FROM json_each(:ids))",
        {**q.params, "ids": json.dumps(ids)},
    )
    return dict(cur.fetchall())


def today_view(store: Store, *, today, window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS,
               horizon_days: int = 7) -> dict:
    """What needs doing now.

    * ``reinspections_due``: the re-inspection window (deadline or reported rectification …
      + ``window_days``) overlaps today … today + horizon and has not run out: the visits that
      can be planned for the coming days, most pressing first;
    * ``overdue_rectifications`` / ``overdue_reinspections``: as in ``core.findings``;
    * ``listings_expiring``: listed findings whose 督办期限 falls within the horizon;
      ``listings_expired``: still listed after their 督办期限.
    """
    day = as_date(today)
    if day is None:
        raise ValueError("请提供今天的日期。")
    params = _flag_params(day, window_days)
    params["horizon"] = (day + timedelta(days=int(horizon_days))).isoformat()
    base = (
        f"SELECT {_LIST_COLUMNS} FROM finding f JOIN enterprise e ON e.id = f.enterprise_id "
        "LEFT JOIN village v ON v.id = e.village_id WHERE f.deleted = 0 AND "
    )

    def rows(where: str, order: str) -> list[dict]:
        cur = store.conn.execute(base + where + " ORDER BY " + order, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    return {
        "reinspections_due": rows(
            "f.state IN ('ordered', 'rectifying', 'awaiting_reinspection') "
            # window [start, start + window] meets [today, horizon]
            f"AND {_REINSPECT_START} != '' AND {_REINSPECT_START} >= :reinspect_cutoff "
            f"AND {_REINSPECT_START} <= :horizon",
            f"{_REINSPECT_START}, f.id"),
        "overdue_rectifications": rows(_OVERDUE_RECT, "f.deadline, f.id"),
        "overdue_reinspections": rows(_OVERDUE_REINSP, f"{_REINSPECT_START}, f.id"),
        "listings_expiring": rows(
            "f.listed = 1 AND f.listing_deadline >= :today AND f.listing_deadline <= :horizon",
            "f.listing_deadline, f.id"),
        "listings_expired": rows(
            "f.listed = 1 AND f.listing_deadline != '' AND f.listing_deadline < :today",
            "f.listing_deadline, f.id"),
    }
