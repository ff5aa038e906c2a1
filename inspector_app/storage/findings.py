"""Findings (事故隐患) in the database: registration, the rectification cycle, 五到位, 挂牌督办,
and (from :mod:`.finding_lists`, re-exported here) the lists officers work from.

Every change goes through :func:`_apply`: it checks the move against the state machine in
``core.findings``, updates the row, and appends a ``finding_event`` row, all stamped with this
laptop's HLC/origin inside one ``store.write()`` (a savepoint when the caller already holds a
transaction, so an inspection can be finalised together with its findings).

Dates are stored as ``YYYY-MM-DD`` text so that SQL compares and sorts them as dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..core import findings as rules
from ..core.dates import as_date, parse_date
from . import audit
from .db import Store, not_found, now_iso, require

# Documents that can order a rectification (the decision that starts the clock).
ORDER_DOCUMENT_KINDS = ("rectification_order", "onsite_measures", "hazard_notice")


# ---------------------------------------------------------------------------------------------
# helpers

def _iso(value, what: str, *, required: bool = True) -> str:
    d = parse_date(value, what) if required else as_date(value, what)
    return d.isoformat() if d else ""


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
        raise not_found("该隐患记录", "请刷新列表后重试。")
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
    kind, status, ent, doc_no = require(store, "document", document_id, "所引用的执法文书",
                                        columns=("kind", "status", "enterprise_id", "doc_no"),
                                        hint="请先出具文书。")
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
    require(store, "enterprise", enterprise_id, "所选企业", hint="请重新选择企业。")
    if inspection_id:
        ins = require(store, "inspection", inspection_id, "对应的检查记录", columns="enterprise_id",
                      live=False, hint="请先保存检查。")
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
        audit.record(store, "register", "finding", row["id"])
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


def require_finding(store: Store, finding_id: str, what: str = "所选隐患") -> dict:
    """:func:`get_finding`, or the one not-found message (``what`` names the finding)."""
    row = get_finding(store, finding_id)
    if row is None:
        raise not_found(what, "请刷新列表后重试。")
    return row


def events(store: Store, finding_id: str) -> list[dict]:
    """The finding's history, in the order it was recorded, each event with the number of the
    document it cites (``doc_no``, "" if none)."""
    cur = store.conn.execute(
        "SELECT ev.*, coalesce(d.doc_no, '') AS doc_no FROM finding_event ev "
        "LEFT JOIN document d ON d.id = ev.document_id "
        "WHERE ev.finding_id = ? AND ev.deleted = 0 ORDER BY ev.hlc, ev.id", [finding_id]
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
        audit.record(store, "delete", "finding", finding_id)


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


def findings_of_order(store: Store, document_id: str) -> list[str]:
    """Findings whose current order is this document: its latest order-type event names it."""
    rows = store.conn.execute(
        """
        SELECT f.id FROM finding f
        WHERE f.deleted = 0 AND (
            SELECT e.document_id FROM finding_event e
            WHERE e.finding_id = f.id AND e.deleted = 0 AND e.kind IN ('order', 'order_corrected')
            ORDER BY e.rowid DESC LIMIT 1) = ?
        ORDER BY f.deadline, f.id
        """, [document_id]).fetchall()
    return [r[0] for r in rows]


def release_order(store: Store, document_id: str, *, reason: str) -> list[str]:
    """An order was voided: its findings still being rectified go back to registered, so no
    deadline of a void document is chased; later states keep their course. Returns the ids."""
    released = []
    with store.write():
        for fid in findings_of_order(store, document_id):
            f = _row(store, fid)
            if f["state"] not in ("ordered", "rectifying"):
                continue
            _update(store, fid, {"state": "registered"})
            _event(store, fid, "order_voided", from_state=f["state"], to_state="registered",
                   document_id=document_id, note=reason)
            released.append(fid)
    return released


def transfer_order(store: Store, old_document_id: str, new_document_id: str, *,
                   deadlines: Mapping[str, object] | None = None) -> list[str]:
    """A corrected order (更正) replaces the old one: its findings follow it, taking the new
    per-item deadlines where given. The state does not change. Returns the ids."""
    deadlines = dict(deadlines or {})
    moved = []
    with store.write():
        for fid in findings_of_order(store, old_document_id):
            f = _row(store, fid)
            _check_document(store, new_document_id, enterprise_id=f["enterprise_id"], kinds=ORDER_DOCUMENT_KINDS)
            due = _iso(deadlines[fid], "整改期限") if fid in deadlines else f["deadline"]
            if due < f["found_on"]:
                raise ValueError("整改期限不能早于发现日期，请修改整改期限。")
            _update(store, fid, {"deadline": due})
            _event(store, fid, "order_corrected", from_state=f["state"], to_state=f["state"],
                   document_id=new_document_id, new_deadline=due if due != f["deadline"] else "")
            moved.append(fid)
    return moved


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
        audit.record(store, "close", "finding", finding_id)


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


# The lists live in finding_lists; their names stay importable from here.
from .finding_lists import (  # noqa: E402,F401
    FILTERS, ORDERS, count_findings, finding_counts, finding_page, finding_positions,
    finding_rows, first_finding_page, listed_major_for_quarter, query_finding_ids, query_findings,
    reinspection_window, today_view,
)

__all__ = [
    "FILTERS",
    "ORDERS",
    "ORDER_DOCUMENT_KINDS",
    "close_finding",
    "count_findings",
    "create_finding",
    "delete_finding",
    "delist",
    "events",
    "finding_counts",
    "finding_page",
    "finding_positions",
    "finding_rows",
    "findings_for_inspection",
    "first_finding_page",
    "get_finding",
    "list_for_supervision",
    "listed_major_for_quarter",
    "mark_rectified",
    "order_rectification",
    "query_finding_ids",
    "query_findings",
    "record_reinspection",
    "reinspection_window",
    "serve_orders",
    "set_five",
    "today_view",
]
