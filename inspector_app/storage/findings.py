"""Findings (事故隐患) in the database: registration, the rectification cycle, 五到位, 挂牌督办,
and the lists officers work from (overdue, due this week, quarterly listed majors).

Every change goes through :func:`_apply`: it checks the move against the state machine in
``core.findings``, updates the row, and appends a ``finding_event`` row, all stamped with this
laptop's HLC/origin inside one ``store.write()`` (a savepoint when the caller already holds a
transaction, so an inspection can be finalised together with its findings).

Dates are stored as ``YYYY-MM-DD`` text so that SQL compares and sorts them as dates.
Filtering and sorting run in SQL (see :func:`query_findings`); the overdue rules are the same
as ``core.findings.is_overdue_*`` and a test holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from ..core import findings as rules
from ..core.findings import as_date
from .db import Store, now_iso

# Documents that can order a rectification (the decision that starts the clock).
ORDER_DOCUMENT_KINDS = ("rectification_order", "onsite_measures", "hazard_notice")


# ---------------------------------------------------------------------------------------------
# helpers

def _iso(value, what: str, *, required: bool = True) -> str:
    try:
        d = as_date(value)
    except ValueError:
        raise ValueError(f"{what}格式不正确，请按“2026-03-15”的格式填写。") from None
    if d is None:
        if required:
            raise ValueError(f"请填写{what}。")
        return ""
    return d.isoformat()


def _insert(store: Store, table: str, row: dict) -> None:
    cols = list(row)
    store.conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [row[c] for c in cols],
    )


def _update_row(store: Store, table: str, row_id: str, changes: dict) -> None:
    cols = list(changes)
    store.conn.execute(
        f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?",
        [changes[c] for c in cols] + [row_id],
    )


def _row(store: Store, finding_id: str) -> dict:
    cur = store.conn.execute("SELECT * FROM finding WHERE id = ?", [finding_id])
    row = cur.fetchone()
    if row is None:
        raise ValueError("找不到该隐患记录，可能已被删除，请刷新列表后重试。")
    found = dict(zip([d[0] for d in cur.description], row))
    if found["deleted"]:
        raise ValueError("该隐患记录已删除，不能再办理。")
    return found


def _event(store: Store, finding_id: str, kind: str, *, at: str = "", from_state: str = "",
           to_state: str = "", note: str = "", document_id: str | None = None,
           new_deadline: str = "") -> None:
    ev = {
        "finding_id": finding_id, "at": at or now_iso(), "kind": kind, "from_state": from_state,
        "to_state": to_state, "note": note or "", "document_id": document_id,
        "new_deadline": new_deadline,
    }
    store.stamp(ev, new=True)
    _insert(store, "finding_event", ev)


def _update(store: Store, finding_id: str, changes: dict) -> None:
    store.stamp(changes, new=False)
    _update_row(store, "finding", finding_id, changes)


def _apply(store: Store, finding: dict, event: str, *, at: str = "", note: str = "",
           document_id: str | None = None, new_deadline: str = "", changes: dict | None = None) -> str:
    """Move ``finding`` through ``event`` (raises the state machine's Chinese ValueError)."""
    to_state = rules.transition(finding["state"], event)
    row = dict(changes or {})
    row["state"] = to_state
    _update(store, finding["id"], row)
    _event(store, finding["id"], event, at=at, from_state=finding["state"], to_state=to_state,
           note=note, document_id=document_id, new_deadline=new_deadline)
    return to_state


def _check_document(store: Store, document_id: str, *, enterprise_id: str, kinds: Iterable[str] | None) -> None:
    row = store.conn.execute(
        "SELECT kind, status, enterprise_id, doc_no FROM document WHERE id = ? AND deleted = 0",
        [document_id],
    ).fetchone()
    if row is None:
        raise ValueError("找不到所引用的执法文书，请先出具文书。")
    kind, status, ent, doc_no = row
    if status == "void":
        raise ValueError(f"文书{doc_no}已作废，不能作为依据，请引用有效的文书。")
    if kinds is not None and kind not in tuple(kinds):
        raise ValueError(f"文书{doc_no}不是责令整改类文书，不能用于责令整改。")
    if ent and ent != enterprise_id:
        raise ValueError(f"文书{doc_no}的被检查单位与隐患所属企业不一致，请核对。")


# ---------------------------------------------------------------------------------------------
# registration (contract with the inspections engineer)

def create_finding(store: Store, *, enterprise_id: str, inspection_id: str | None, item_key: str,
                   description: str, category: str, grade: str, major_ref: str = "",
                   grade_override_reason: str = "", legal_basis: str = "", requirement: str = "",
                   deadline: str, found_on: str, location: str = "") -> str:
    """Register a finding; returns its id. Works inside an outer ``store.write()``."""
    if not (description or "").strip():
        raise ValueError("请填写隐患描述。")
    if category not in rules.CATEGORIES:
        raise ValueError("隐患类别只能是：" + "、".join(rules.CATEGORIES) + "。")
    errs = rules.grade_errors(grade=grade, major_ref=major_ref, override_reason=grade_override_reason)
    if errs:
        raise ValueError(next(iter(errs.values())))
    found = _iso(found_on, "发现日期")
    due = _iso(deadline, "整改期限")
    if due < found:
        raise ValueError("整改期限不能早于发现日期，请修改整改期限。")
    ent = store.conn.execute("SELECT deleted FROM enterprise WHERE id = ?", [enterprise_id]).fetchone()
    if ent is None or ent[0]:
        raise ValueError("所选企业不存在或已删除，请重新选择企业。")
    if inspection_id:
        ins = store.conn.execute("SELECT enterprise_id FROM inspection WHERE id = ?", [inspection_id]).fetchone()
        if ins is None:
            raise ValueError("找不到对应的检查记录，请先保存检查。")
        if ins[0] != enterprise_id:
            raise ValueError("隐患所属企业与检查对象不一致，请核对。")
    row = {
        "enterprise_id": enterprise_id, "inspection_id": inspection_id or None,
        "item_key": item_key or "", "description": description.strip(), "location": location or "",
        "category": category, "grade": grade, "major_ref": major_ref or "",
        "grade_override_reason": (grade_override_reason or "").strip(),
        "legal_basis": legal_basis or "", "requirement": requirement or "",
        "found_on": found, "deadline": due, "state": "registered",
    }
    with store.write():
        store.stamp(row, new=True)
        _insert(store, "finding", row)
        _event(store, row["id"], "registered", at=found, to_state="registered")
    return row["id"]


def findings_for_inspection(store: Store, inspection_id: str) -> list[dict]:
    cur = store.conn.execute(
        "SELECT * FROM finding WHERE inspection_id = ? AND deleted = 0 ORDER BY created_at, rowid",
        [inspection_id],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def get_finding(store: Store, finding_id: str) -> dict | None:
    """The finding row with ``enterprise_name``, or None (also for a tombstoned finding)."""
    cur = store.conn.execute(
        "SELECT f.*, e.name AS enterprise_name, e.village_id AS village_id FROM finding f "
        "JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = ? AND f.deleted = 0",
        [finding_id],
    )
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def events(store: Store, finding_id: str) -> list[dict]:
    """The finding's history, in the order it was recorded."""
    cur = store.conn.execute(
        "SELECT * FROM finding_event WHERE finding_id = ? AND deleted = 0 ORDER BY hlc, id", [finding_id]
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def delete_finding(store: Store, finding_id: str, *, reason: str) -> None:
    """Tombstone a finding entered by mistake. Once a document ordered it, it is history."""
    if not (reason or "").strip():
        raise ValueError("请填写删除原因。")
    with store.write():
        f = _row(store, finding_id)
        if f["state"] != "registered":
            raise ValueError("该隐患已下达整改文书或已办理，不能删除；如登记有误，请在复查意见中说明。")
        _update(store, finding_id, {"deleted": 1})
        _event(store, finding_id, "deleted", from_state=f["state"], to_state=f["state"], note=reason.strip())


# ---------------------------------------------------------------------------------------------
# the rectification cycle

def order_rectification(store: Store, finding_ids: Iterable[str], *, document_id: str,
                        deadlines: Mapping[str, object] | None = None) -> None:
    """Findings named in an issued 责令整改/现场处理/隐患整改通知 document: registered → ordered.

    ``deadlines`` maps finding id → that item's deadline (per-item deadlines, REFERENCE §1.3);
    a finding not in the map keeps the deadline it was registered with. All or nothing.
    """
    deadlines = dict(deadlines or {})
    ids = list(dict.fromkeys(finding_ids))
    if not ids:
        raise ValueError("请选择需责令整改的隐患。")
    unknown = set(deadlines) - set(ids)
    if unknown:
        raise ValueError("整改期限中包含未选择的隐患，请核对。")
    with store.write():
        for fid in ids:
            f = _row(store, fid)
            _check_document(store, document_id, enterprise_id=f["enterprise_id"], kinds=ORDER_DOCUMENT_KINDS)
            due = _iso(deadlines[fid], "整改期限") if fid in deadlines else f["deadline"]
            if due < f["found_on"]:
                raise ValueError("整改期限不能早于发现日期，请修改整改期限。")
            _apply(store, f, "order", document_id=document_id,
                   new_deadline=due if due != f["deadline"] else "", changes={"deadline": due})
            _serve_if_served(store, fid, document_id)


def serve_orders(store: Store, document_id: str, *, on) -> list[str]:
    """The document that ordered these findings was served: ordered → rectifying.

    Called by ``storage.documents.record_service``; only findings whose latest order (or failed
    re-inspection) cites this document move. Returns their ids.
    """
    when = _iso(on, "送达日期")
    rows = store.conn.execute(
        """
        SELECT f.id FROM finding f
        WHERE f.state = 'ordered' AND f.deleted = 0
          AND (SELECT ev.document_id FROM finding_event ev
               WHERE ev.finding_id = f.id AND ev.deleted = 0
                 AND ev.kind IN ('order', 'reinspection_failed')
               ORDER BY ev.hlc DESC LIMIT 1) = ?
        """,
        [document_id],
    ).fetchall()
    moved = []
    with store.write():
        for (fid,) in rows:
            _apply(store, _row(store, fid), "serve", at=when, document_id=document_id)
            moved.append(fid)
    return moved


def _serve_if_served(store: Store, finding_id: str, document_id: str) -> None:
    """A document handed over on the spot is served before the findings are linked to it."""
    row = store.conn.execute("SELECT served_at FROM document WHERE id = ?", [document_id]).fetchone()
    if row and row[0]:
        _apply(store, _row(store, finding_id), "serve", at=row[0][:10], document_id=document_id)


def mark_rectified(store: Store, finding_id: str, *, on, note: str = "") -> None:
    """The enterprise reports the finding rectified (or it was removed on the spot)."""
    when = _iso(on, "整改完成日期")
    with store.write():
        f = _row(store, finding_id)
        if when < f["found_on"]:
            raise ValueError("整改完成日期不能早于发现日期。")
        _apply(store, f, "rectified", at=when, note=note, changes={"rectified_on": when})


def record_reinspection(store: Store, finding_id: str, *, passed: bool, on, note: str = "",
                        new_deadline=None, document_id: str | None = None) -> None:
    """A re-inspection (复查). Failed: a NEW deadline later than ``on`` is required and the
    finding is ordered again; ``document_id`` is usually the 整改复查意见书 or a new 责改."""
    when = _iso(on, "复查日期")
    with store.write():
        f = _row(store, finding_id)
        if when < f["found_on"]:
            raise ValueError("复查日期不能早于发现日期。")
        if document_id:
            _check_document(store, document_id, enterprise_id=f["enterprise_id"], kinds=None)
        if passed:
            if new_deadline:
                raise ValueError("复查合格无需设定新的整改期限。")
            _apply(store, f, "reinspection_passed", at=when, note=note, document_id=document_id)
            return
        due = _iso(new_deadline, "新的整改期限", required=False)
        if not due:
            raise ValueError("复查不合格的，请设定新的整改期限。")
        if due <= when:
            raise ValueError("新的整改期限应晚于复查日期。")
        _apply(store, f, "reinspection_failed", at=when, note=note, document_id=document_id,
               new_deadline=due, changes={"deadline": due, "rectified_on": ""})
        if document_id:
            _serve_if_served(store, finding_id, document_id)


def close_finding(store: Store, finding_id: str, *, on, note: str = "") -> None:
    """销号, only after a passed re-inspection. A major finding needs complete 五到位 and, if it
    was listed for supervision, the 摘牌 first."""
    when = _iso(on, "销号日期")
    with store.write():
        f = _row(store, finding_id)
        if f["state"] == "passed" and f["grade"] == "重大":
            missing = rules.five_missing(f)
            if missing:
                names = "、".join(rules.FIVE_LABELS[k] for k in missing)
                raise ValueError(f"重大事故隐患销号前须“五到位”齐全，尚缺：{names}。")
            if f["listed"]:
                raise ValueError("该隐患正在挂牌督办，请先登记摘牌再销号。")
        if when < f["found_on"]:
            raise ValueError("销号日期不能早于发现日期。")
        _apply(store, f, "close", at=when, note=note, changes={"closed_on": when})


# ---------------------------------------------------------------------------------------------
# major findings: 五到位 and 挂牌督办

_FIVE_ALIASES = {k.removeprefix("five_"): k for k in rules.FIVE_FIELDS}


def set_five(store: Store, finding_id: str, **fields) -> None:
    """Record 五到位 items (``measures=…`` or ``five_measures=…``; funds in 元, deadline a date)."""
    values = {_FIVE_ALIASES.get(k, k): v for k, v in fields.items()}
    errs = rules.five_errors(values)
    if errs:
        raise ValueError(next(iter(errs.values())))
    if not values:
        raise ValueError("请填写五到位内容。")
    for key in ("five_measures", "five_responsible", "five_contingency"):
        if key in values:
            values[key] = str(values[key] or "").strip()
    if "five_funds" in values:
        values["five_funds"] = None if values["five_funds"] in (None, "") else float(values["five_funds"])
    if "five_deadline" in values:
        values["five_deadline"] = _iso(values["five_deadline"], "完成时限", required=False)
    with store.write():
        f = _row(store, finding_id)
        if f["grade"] != "重大":
            raise ValueError("五到位仅适用于重大事故隐患。")
        if f["state"] == "closed":
            raise ValueError("该隐患已销号，不能再修改。")
        changed = "、".join(rules.FIVE_LABELS[k] for k in values)
        _update(store, finding_id, values)
        _event(store, finding_id, "five", from_state=f["state"], to_state=f["state"], note=changed)


def list_for_supervision(store: Store, finding_id: str, *, body: str, doc_no: str = "",
                         listed_on, deadline) -> None:
    """挂牌督办 a major finding."""
    with store.write():
        f = _row(store, finding_id)
        errs = rules.listing_errors(grade=f["grade"], body=body, doc_no=doc_no, listed_on=listed_on,
                                    deadline=deadline)
        if errs:
            raise ValueError(next(iter(errs.values())))
        if f["listed"]:
            raise ValueError("该隐患已在挂牌督办中。")
        if f["state"] == "closed":
            raise ValueError("该隐患已销号，不能挂牌督办。")
        on = _iso(listed_on, "挂牌日期")
        if on < f["found_on"]:
            raise ValueError("挂牌日期不能早于发现日期。")
        _update(store, finding_id, {
            "listed": 1, "listing_body": body.strip(), "listing_doc_no": (doc_no or "").strip(),
            "listed_on": on, "listing_deadline": _iso(deadline, "督办期限"), "delisted_on": "",
        })
        _event(store, finding_id, "listed", at=on, from_state=f["state"], to_state=f["state"],
               note=f"{body.strip()} {doc_no or ''}".strip())


def delist(store: Store, finding_id: str, *, on, note: str = "") -> None:
    """摘牌: allowed once the re-inspection has passed."""
    when = _iso(on, "摘牌日期")
    with store.write():
        f = _row(store, finding_id)
        if not f["listed"]:
            raise ValueError("该隐患未挂牌督办，无需摘牌。")
        if f["state"] not in ("passed", "closed"):
            raise ValueError("隐患复查合格后方可摘牌，请先登记复查结果。")
        if when < f["listed_on"]:
            raise ValueError("摘牌日期不能早于挂牌日期。")
        _update(store, finding_id, {"listed": 0, "delisted_on": when})
        _event(store, finding_id, "delisted", at=when, from_state=f["state"], to_state=f["state"], note=note)


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
         **_flag_params(as_date(today) or date.today(), window_days)},
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
    """The re-inspection window in days (setting ``reinspection_window_days``, default 10:
    REFERENCE §1.4 [K], practice not confirmed against the official text)."""
    value = store.setting("reinspection_window_days", rules.DEFAULT_REINSPECTION_WINDOW_DAYS)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return rules.DEFAULT_REINSPECTION_WINDOW_DAYS


_ASCII_WORD = re.compile(r"^[a-z]+$")


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The same "overdue" set written so that each OR branch can use the (state, deadline) index;
# for ordered/rectifying an overdue re-inspection implies an overdue rectification.
_OVERDUE_ANY = (
    "((f.state IN ('registered', 'ordered', 'rectifying') AND f.deadline > '' AND f.deadline < :today)"
    " OR (f.state = 'awaiting_reinspection' AND f.deadline > '' AND f.deadline < :reinspect_cutoff)"
    " OR (f.state = 'awaiting_reinspection' AND f.rectified_on > '' AND f.rectified_on < :reinspect_cutoff))"
)


def _filters(*, state, overdue, major, enterprise_id, village_id, text, today, window_days) -> tuple[str, dict]:
    """``FROM … WHERE …`` (with a leading CTE when searching text) and its parameters."""
    day = as_date(today) or date.today()
    params = _flag_params(day, window_days)
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
    if overdue:
        where.append(_OVERDUE_ANY)
    if major is not None:
        where.append("f.grade = :grade")
        params["grade"] = "重大" if major else "一般"
    if enterprise_id:
        where.append("f.enterprise_id = :enterprise_id")
        params["enterprise_id"] = enterprise_id
    if village_id:
        # A set built once from the enterprise_village index, not a join per finding.
        where.append("f.enterprise_id IN (SELECT id FROM enterprise WHERE village_id = :village_id)")
        params["village_id"] = village_id
    terms = (text or "").split()
    if not terms:
        return "FROM finding f WHERE " + " AND ".join(where), params
    # Every word must occur in the description, the location or the enterprise. The enterprise
    # side is matched as in the registry search (a substring of name / full pinyin / credit code
    # in enterprise.search_key, or pinyin initials typed in two-letter chunks) in ONE pass over
    # the enterprises for all words; each word's small id set is probed only for findings whose
    # own text does not match.
    ent_cols, ent_any = [], []
    for i, term in enumerate(terms):
        key, lower = f"t{i}", term.lower()
        params[key + "k"] = lower
        cond = f"instr(search_key, :{key}k)"
        if _ASCII_WORD.match(lower):
            params[key + "g"] = "*" + "*".join(lower[j:j + 2] for j in range(0, len(lower), 2)) + "*"
            cond = f"({cond} OR py_initials GLOB :{key}g)"
        ent_cols.append(f"{cond} AS m{i}")
        ent_any.append(cond)
        if re.search(r"[A-Za-z]", term):
            # LIKE folds ASCII case ("PLC" finds "plc"); instr() is faster for the rest.
            params[key] = f"%{_escape_like(term)}%"
            own = f"f.description LIKE :{key} ESCAPE '\\' OR f.location LIKE :{key} ESCAPE '\\'"
        else:
            params[key] = term
            own = f"instr(f.description, :{key}) OR instr(f.location, :{key})"
        where.append(f"({own} OR f.enterprise_id IN (SELECT id FROM em WHERE m{i}))")
    cte = (
        f"WITH em AS MATERIALIZED (SELECT id, {', '.join(ent_cols)} FROM enterprise "
        f"WHERE deleted = 0 AND ({' OR '.join(ent_any)})) "
    )
    return (cte + "FROM finding f WHERE " + " AND ".join(where)), params


def _ids_sql(**filters) -> tuple[str, dict]:
    source, params = _filters(**filters)
    if source.startswith("WITH"):
        cte, rest = source.split("FROM finding f", 1)
        return f"{cte}SELECT f.id FROM finding f{rest} ORDER BY f.deadline, f.id", params
    return f"SELECT f.id {source} ORDER BY f.deadline, f.id", params


def query_finding_ids(store: Store, *, state: str | Iterable[str] | None = None, overdue: bool = False,
                      major: bool | None = None, enterprise_id: str | None = None,
                      village_id: str | None = None, text: str = "", today=None,
                      window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS) -> list[str]:
    """Ids of the findings matching all filters, earliest deadline first (see
    :func:`query_findings`). A list model holds these and fetches rows per visible block with
    :func:`finding_rows`, which keeps a 30,000-finding ledger instant."""
    sql, params = _ids_sql(state=state, overdue=overdue, major=major, enterprise_id=enterprise_id,
                           village_id=village_id, text=text, today=today, window_days=window_days)
    return [r[0] for r in store.conn.execute(sql, params).fetchall()]


def finding_rows(store: Store, ids: list[str], *, today=None,
                 window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS) -> list[dict]:
    """Display rows for ``ids`` in the given order (missing or deleted ids are skipped)."""
    params = _flag_params(as_date(today) or date.today(), window_days)
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
        names = [d[0] for d in cur.description]
        for r in cur.fetchall():
            by_id[r[0]] = dict(zip(names, r))
    return [by_id[i] for i in ids if i in by_id]


def query_findings(store: Store, *, state: str | Iterable[str] | None = None, overdue: bool = False,
                   major: bool | None = None, enterprise_id: str | None = None,
                   village_id: str | None = None, text: str = "", today=None,
                   window_days: int = rules.DEFAULT_REINSPECTION_WINDOW_DAYS,
                   limit: int | None = None, offset: int = 0) -> list[dict]:
    """Findings matching all given filters, earliest deadline first; filtering and sorting in SQL.

    * ``state``: one state code or several; ``overdue``: overdue for rectification or for
      re-inspection on ``today`` (default: the real today) with ``window_days``;
    * ``major``: True → 重大, False → 一般; ``text``: every word must occur in the description,
      location, enterprise name or its pinyin initials.

    Each row has the finding's columns plus ``enterprise_name``, ``village_id``, ``village_name``,
    ``overdue_rectification``, ``overdue_reinspection`` (0/1) and ``reinspection_due_by``.
    ``limit``/``offset`` page through the result.
    """
    sql, params = _ids_sql(state=state, overdue=overdue, major=major, enterprise_id=enterprise_id,
                           village_id=village_id, text=text, today=today, window_days=window_days)
    if limit is not None or offset:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=-1 if limit is None else int(limit), offset=int(offset))
    ids = [r[0] for r in store.conn.execute(sql, params).fetchall()]
    return finding_rows(store, ids, today=today, window_days=window_days)


def count_findings(store: Store, **filters) -> int:
    """How many findings :func:`query_findings` would return (badges, status bar)."""
    filters.pop("limit", None)
    filters.pop("offset", None)
    sql, params = _ids_sql(**{**dict(state=None, overdue=False, major=None, enterprise_id=None,
                                     village_id=None, text="", today=None,
                                     window_days=rules.DEFAULT_REINSPECTION_WINDOW_DAYS), **filters})
    return store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


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


__all__ = [
    "ORDER_DOCUMENT_KINDS", "create_finding", "findings_for_inspection", "get_finding", "events",
    "delete_finding", "order_rectification", "serve_orders", "mark_rectified", "record_reinspection",
    "close_finding", "set_five", "list_for_supervision", "delist", "listed_major_for_quarter",
    "query_findings", "query_finding_ids", "finding_rows", "count_findings", "today_view", "reinspection_window",
]
