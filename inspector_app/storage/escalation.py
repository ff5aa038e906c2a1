"""What happens after a rectification deadline passes (seed 000; 安全生产法第六十五条):

* **referral** (案件移送): a case that needs the general procedure goes to the bureau with a
  printed 案件移送书 (numbered in the township's name, wording a setting [K]). Each finding moves
  to ``referred`` and stays open until the bureau's outcome is recorded: resolved (→ passed,
  then 销号) or returned to the township with a new deadline (→ rectifying);
* **suspension**: a 现场处理措施决定书 that orders 责令暂时停产停业 puts the enterprise under
  suspension (status 停产整改, a ``suspension`` row with the ordered scope). Only a resumption
  review (复产审查) recorded as passed brings it back to 在营; a failed review keeps it suspended.

The third path, a re-inspection with an on-the-spot penalty, is the ordinary 复查 plus a
当场处罚决定书 within the simple-procedure limits (storage.documents checks them).
"""

from __future__ import annotations

from ..core import documents as docs
from ..core import settings as S
from ..core.enterprise import SUSPENDED
from . import audit, settings
from .db import Store, not_found, now_iso, require
from .findings import _apply, _insert, _iso, _row, _update_row

ACTIVE = "在营"


# ---------------------------------------------------------------------------------------------
# referral (案件移送)

def _latest_order(store: Store, finding_id: str) -> tuple[str, str, str] | None:
    """(doc_no, issued_on, kind) of the document that last ordered the finding, if any."""
    row = store.conn.execute(
        "SELECT d.doc_no, substr(d.issued_at, 1, 10), d.kind FROM finding_event e "
        "JOIN document d ON d.id = e.document_id WHERE e.finding_id = ? AND e.deleted = 0 "
        "AND e.kind IN ('order', 'order_corrected', 'reinspection_failed') "
        "ORDER BY e.rowid DESC LIMIT 1", [finding_id]).fetchone()
    return tuple(row) if row else None


def order_officers(store: Store, finding_id: str) -> list[dict]:
    """The officers who signed the document that last ordered the finding (they handle the referral)."""
    import json

    row = store.conn.execute(
        "SELECT d.content FROM finding_event e JOIN document d ON d.id = e.document_id "
        "WHERE e.finding_id = ? AND e.deleted = 0 AND e.kind IN ('order', 'order_corrected', 'reinspection_failed') "
        "ORDER BY e.rowid DESC LIMIT 1", [finding_id]).fetchone()
    return json.loads(row[0]).get("officers", []) if row else []


def refer_case(store: Store, finding_ids, *, on, officers, materials: str = "",
               recipient: str | None = None) -> dict:
    """Refer overdue findings of ONE enterprise to the bureau: issue the 案件移送书 and record a
    ``refer`` event (state → referred) on each finding, in one transaction. Returns the document."""
    from . import documents as doc_store  # documents imports findings; keep the graph acyclic

    ids = list(dict.fromkeys(finding_ids))
    if not ids:
        raise ValueError("请选择需移送的隐患。")
    day = _iso(on, "移送日期")
    findings = [_row(store, fid) for fid in ids]
    enterprises = {f["enterprise_id"] for f in findings}
    if len(enterprises) != 1:
        raise ValueError("所选隐患属于不同企业，请按企业分别移送。")
    for f in findings:
        if not f["deadline"] or f["deadline"] >= day:
            raise ValueError(f"隐患“{f['description'][:30]}”的整改期限尚未届满，不能移送。")
    order = _latest_order(store, ids[0])
    items = [docs.OrderItem(description=f["description"], deadline=f["deadline"],
                            legal_basis=f["legal_basis"]) for f in findings]
    party = store.conn.execute("SELECT name FROM enterprise WHERE id = ?", [findings[0]["enterprise_id"]]).fetchone()
    body = docs.referral_body(settings.get(store, S.REFERRAL_WORDING), party=party[0], items=items,
                              order_no=order[0] if order else "", ordered_on=order[1] if order else None,
                              materials=materials)
    content = {
        "officers": officers, "recipient": (recipient or settings.get(store, S.REFERRAL_RECIPIENT)).strip(),
        "items": [it.to_dict() for it in items], "body": body, "materials": materials,
        "order_doc_no": order[0] if order else "", "ordered_on": order[1] if order else None,
    }
    with store.write():
        doc = doc_store.issue_document(store, kind=docs.CASE_REFERRAL, content=content,
                                       enterprise_id=findings[0]["enterprise_id"], issued_at=day)
        for f in findings:
            _apply(store, _row(store, f["id"]), "refer", at=day, document_id=doc["id"],
                   note=f"移送{content['recipient']}（{doc['doc_no']}）")
            audit.record(store, "refer", "finding", f["id"])
    return doc


def record_bureau_outcome(store: Store, finding_id: str, *, on, resolved: bool, outcome: str,
                          bureau_doc_no: str = "", new_deadline=None) -> None:
    """The bureau's outcome of a referred finding. ``resolved``: the case is dealt with and the
    danger removed (→ passed, ready for 销号); otherwise returned to the township with a
    ``new_deadline`` (→ rectifying)."""
    day = _iso(on, "处理结果日期")
    if not (outcome or "").strip():
        raise ValueError("请填写县局的处理结果（如：已立案查处，罚款……，隐患已整改消除）。")
    note = outcome.strip() + (f"（{bureau_doc_no.strip()}）" if bureau_doc_no.strip() else "")
    with store.write():
        f = _row(store, finding_id)
        if f["state"] != "referred":
            raise ValueError("该隐患未移送县局，无需登记处理结果。")
        if day < f["found_on"]:
            raise ValueError("处理结果日期不能早于发现日期。")
        if resolved:
            if new_deadline:
                raise ValueError("县局已处理完毕的，无需设定新的整改期限。")
            _apply(store, f, "bureau_resolved", at=day, note=note)
            audit.record(store, "bureau_outcome", "finding", finding_id)
            return
        due = _iso(new_deadline, "新的整改期限", required=False)
        if not due or due <= day:
            raise ValueError("县局退回继续整改的，请设定晚于登记日期的新整改期限。")
        _apply(store, f, "bureau_returned", at=day, note=note, new_deadline=due,
               changes={"deadline": due, "rectified_on": ""})
        audit.record(store, "bureau_outcome", "finding", finding_id)


# ---------------------------------------------------------------------------------------------
# suspension and resumption review (复产审查)

def _set_status(store: Store, enterprise_id: str, status: str) -> None:
    change = {"status": status}
    store.stamp(change, new=False)
    _update_row(store, "enterprise", enterprise_id, change)


def suspend_from_document(store: Store, document_id: str, content: docs.DocumentContent, *,
                          enterprise_id: str | None) -> str | None:
    """Called by ``issue_document`` inside its transaction: an on-site measures decision that
    suspends production and business opens a suspension. Returns its id (None otherwise)."""
    if not isinstance(content, docs.OnsiteMeasures) or not content.suspends_business:
        return None
    if not enterprise_id:
        raise ValueError("责令暂时停产停业的决定须针对登记在册的企业，请先选择企业。")
    row = {"enterprise_id": enterprise_id, "document_id": document_id,
           "scope": content.suspension_scope.strip(), "started_on": content.issued_on.isoformat()}
    store.stamp(row, new=True)
    _insert(store, "suspension", row)
    audit.record(store, "suspend", "suspension", row["id"])
    _set_status(store, enterprise_id, SUSPENDED)
    return row["id"]


def release_for_void(store: Store, document_id: str, *, reason: str) -> None:
    """The suspending decision was voided: the suspension never stood; lift it without review."""
    for sid, ent in store.conn.execute(
            "SELECT id, enterprise_id FROM suspension WHERE document_id = ? AND resumed_on = '' AND deleted = 0",
            [document_id]).fetchall():
        change = {"resumed_on": now_iso()[:10], "review_note": f"决定书作废：{reason}"}
        store.stamp(change, new=False)
        _update_row(store, "suspension", sid, change)
        audit.record(store, "release", "suspension", sid)
        if not store.conn.execute("SELECT 1 FROM suspension WHERE enterprise_id = ? AND resumed_on = '' "
                                  "AND deleted = 0", [ent]).fetchone():
            _set_status(store, ent, ACTIVE)


def record_resumption_review(store: Store, suspension_id: str, *, on, passed: bool, note: str,
                             officers: str = "", evidence: str = "", document_id: str | None = None) -> dict:
    """复产审查: who reviewed (``officers``), when (``on``), the result (``passed``), the
    rectification evidence the enterprise presented (``evidence``: 整改报告、评估意见、照片…) and the
    opinion (``note``). Each review is kept as its own protected row (``resumption_review``).
    Passed: the enterprise resumes (在营) on ``on`` and the suspension is final (trigger); failed:
    it stays suspended and a later review may be recorded. A review passes only on recorded
    evidence, by named reviewers (经审查同意，方可恢复: 安全生产法第六十五条第一款第（三）项)."""
    day = _iso(on, "复产审查日期")
    note, officers, evidence = (note or "").strip(), (officers or "").strip(), (evidence or "").strip()
    with store.write():
        ent, started, resumed = require(store, "suspension", suspension_id, "该停产整改记录",
                                        columns=("enterprise_id", "started_on", "resumed_on"))
        if resumed:
            raise ValueError(f"该企业已于{resumed}恢复生产经营。")
        if not note:
            raise ValueError("请填写复产审查意见（隐患排除情况、审查结论）。")
        if passed and not evidence:
            raise ValueError("复产审查合格须有整改证据，请填写企业提交的整改材料（整改报告、评估意见、整改后照片等）。")
        if passed and not officers:
            raise ValueError("请填写进行复产审查的执法人员。")
        if day < started:
            raise ValueError("复产审查日期不能早于责令停产停业的日期。")
        last = store.conn.execute("SELECT max(reviewed_on) FROM resumption_review WHERE suspension_id = ? "
                                  "AND deleted = 0", [suspension_id]).fetchone()[0]
        if last and day < last:
            raise ValueError(f"复产审查日期不能早于上一次审查（{last}）。")
        if document_id:
            require(store, "document", document_id, "所引用的复查文书", hint="请先出具文书。")
        review = {"suspension_id": suspension_id, "reviewed_on": day, "passed": int(bool(passed)),
                  "reviewers": officers, "evidence": evidence, "opinion": note, "document_id": document_id}
        store.stamp(review, new=True)
        _insert(store, "resumption_review", review)
        change = {"review_on": day, "review_passed": int(bool(passed)), "review_note": note,
                  "review_officers": officers, "review_document_id": document_id}
        if passed:
            change["resumed_on"] = day
        store.stamp(change, new=False)
        _update_row(store, "suspension", suspension_id, change)
        audit.record(store, "resume" if passed else "review", "suspension", suspension_id)
        if passed and not store.conn.execute(
                "SELECT 1 FROM suspension WHERE enterprise_id = ? AND resumed_on = '' AND deleted = 0 AND id <> ?",
                [ent, suspension_id]).fetchone():
            _set_status(store, ent, ACTIVE)
    return get_suspension(store, suspension_id)


def resumption_reviews(store: Store, suspension_id: str) -> list[dict]:
    """The reviews of a suspension, oldest first. A suspension reviewed before reviews had their
    own rows (m009) shows its one recorded review from the suspension's summary columns."""
    cur = store.conn.execute("SELECT * FROM resumption_review WHERE suspension_id = ? AND deleted = 0 "
                             "ORDER BY reviewed_on, created_at, id", [suspension_id])
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    if not rows:
        s = store.conn.execute("SELECT review_on, review_passed, review_officers, review_note, review_document_id "
                               "FROM suspension WHERE id = ?", [suspension_id]).fetchone()
        if s and s[0] and s[1] is not None:
            rows = [{"id": "", "suspension_id": suspension_id, "reviewed_on": s[0], "passed": s[1],
                     "reviewers": s[2], "evidence": "", "opinion": s[3], "document_id": s[4]}]
    return rows


def get_suspension(store: Store, suspension_id: str) -> dict:
    rows = suspensions(store, where="s.id = ?", params=[suspension_id])
    if not rows:
        raise not_found("该停产整改记录", "请刷新后重试。")
    return rows[0]


def suspensions(store: Store, *, enterprise_id: str | None = None, open_only: bool = False,
                where: str = "", params=()) -> list[dict]:
    """Suspensions with the enterprise name and the decision's number, newest first."""
    clauses, args = ["s.deleted = 0"], list(params)
    if where:
        clauses.append(where)
    if enterprise_id:
        clauses.append("s.enterprise_id = ?")
        args.append(enterprise_id)
    if open_only:
        clauses.append("s.resumed_on = ''")
    cur = store.conn.execute(
        "SELECT s.*, e.name AS enterprise_name, d.doc_no FROM suspension s "
        "JOIN enterprise e ON e.id = s.enterprise_id JOIN document d ON d.id = s.document_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY s.started_on DESC, s.id", args)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


__all__ = ["order_officers", "refer_case", "record_bureau_outcome", "suspend_from_document", "release_for_void",
           "record_resumption_review", "resumption_reviews", "get_suspension", "suspensions"]
