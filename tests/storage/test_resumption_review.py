"""复产审查 records (issue 9, m009_legal): every review kept with who, when, result and the
rectification evidence; the lifting's audit entry hashes them, so a changed review is found."""

import pytest

from inspector_app.storage import documents, enterprises, escalation
from inspector_app.storage.verify import verify
from tests.e2e.test_escalation import OFFICERS, ent, s  # noqa: F401 (fixtures)


def _suspend(s, ent, day="2026-03-05"):  # noqa: F811
    documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at=day, content={
        "officers": OFFICERS, "inspected_on": day, "dangers": ["喷漆房未设可燃气体报警装置"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "喷漆车间"})
    return escalation.suspensions(s, enterprise_id=ent, open_only=True)[0]["id"]


def test_reviews_are_kept_in_order_and_verify_clean(s, ent):  # noqa: F811
    sid = _suspend(s, ent)
    escalation.record_resumption_review(s, sid, on="2026-03-12", passed=False, note="报警装置未联动",
                                        officers="张三、李四", evidence="整改报告")
    with pytest.raises(ValueError, match="不能早于上一次审查"):
        escalation.record_resumption_review(s, sid, on="2026-03-11", passed=False, note="x", officers="张三")
    with pytest.raises(ValueError, match="不能早于责令停产停业"):
        escalation.record_resumption_review(s, sid, on="2026-03-01", passed=False, note="x")
    escalation.record_resumption_review(s, sid, on="2026-03-20", passed=True, note="同意恢复生产经营",
                                        officers="张三、李四", evidence="检测报告、整改后照片")
    assert [r["passed"] for r in escalation.resumption_reviews(s, sid)] == [0, 1]
    assert enterprises.get(s, ent).status == "在营"
    assert verify(s, full=True).ok


def test_a_review_changed_behind_the_apps_back_is_found(s, ent):  # noqa: F811
    sid = _suspend(s, ent)
    escalation.record_resumption_review(s, sid, on="2026-03-20", passed=True, note="同意恢复生产经营",
                                        officers="张三、李四", evidence="检测报告")
    for kind in ("update", "delete", "insert"):
        s.conn.execute(f"DROP TRIGGER protect_resumption_review_{kind}")
    s.conn.execute("UPDATE resumption_review SET evidence = '补充材料' WHERE suspension_id = ?", [sid])
    report = verify(s, full=True)
    assert not report.ok and any("停产整改记录" in p for p in report.problems), report.problems


def test_a_suspension_reviewed_before_m009_shows_its_one_review(s, ent):  # noqa: F811
    sid = _suspend(s, ent)
    # As an m006 database holds it: the review only in the suspension's summary columns.
    s.conn.execute("UPDATE suspension SET review_on = '2026-03-09', review_passed = 0, review_note = '未整改完毕', "
                   "review_officers = '张三' WHERE id = ?", [sid])
    [r] = escalation.resumption_reviews(s, sid)
    assert (r["reviewed_on"], r["passed"], r["opinion"], r["evidence"]) == ("2026-03-09", 0, "未整改完毕", "")


def test_the_referral_letter_never_waits_for_service(s, ent):  # noqa: F811
    """Today's 已出具未送达 lists documents served on the party; the 案件移送书 goes to the bureau."""
    from inspector_app.core import clock
    from datetime import date
    from inspector_app.storage import findings

    from tests.e2e.test_escalation import BASIS

    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "消防通道堵塞", "deadline": "2026-03-10", "legal_basis": BASIS}]},
                                     served={"served_at": "2026-03-01T10:00", "served_how": "直接送达"})
    findings.order_rectification(s, [fid], document_id=order["id"])
    with clock.pinned(date(2026, 3, 12)):
        letter = escalation.refer_case(s, [fid], on="2026-03-12", officers=OFFICERS)
    assert letter["id"] not in [d["id"] for d in documents.unserved_documents(s)]
