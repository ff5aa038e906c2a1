"""After a deadline passes (issue 9; seed 000: no resumption before rectification):
overdue finding → referral (案件移送) → bureau outcome recorded → closed; and suspension
(责令暂时停产停业, 安全生产法第六十五条第一款第（三）项) → resumption review passed → 在营."""

from datetime import date

import pytest

from inspector_app.core import clock
from inspector_app.core import settings as S
from inspector_app.core.enterprise import Enterprise, ValidationErrors
from inspector_app.reports.pdf_documents import render_document
from inspector_app.storage import documents, enterprises, escalation, findings, open_memory, township
from inspector_app.storage import settings as settings_store
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]
BASIS = "《中华人民共和国安全生产法》第三十六条"


@pytest.fixture
def s():
    s = open_memory(device="A1")
    township.apply_setup(s, TownshipSetup(
        court="江阴市人民法院", township="周庄镇", township_government="江阴市周庄镇人民政府", device_code="A1",
        villages=["周庄村"], officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    yield s
    s.close()


@pytest.fixture
def ent(s):
    return enterprises.save(s, Enterprise(name="江阴市周庄华宏机械有限公司", legacy_reg_no="320281000123456",
                                          address="周庄镇华宏路1号", employees=40, sector="机械")).id


def _pdf_text(pdf: bytes) -> str:
    import io
    import re
    from pypdf import PdfReader
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


def test_overdue_finding_referral_bureau_outcome_closed(s, ent):
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="mech:guard",
                                  description="冲床防护罩缺失", category="物", grade="一般", legal_basis=BASIS,
                                  deadline="2026-03-20", found_on="2026-03-05")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-05",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "冲床防护罩缺失", "deadline": "2026-03-20", "legal_basis": BASIS}]},
                                     served={"served_at": "2026-03-05T11:00", "served_how": "直接送达"})
    findings.order_rectification(s, [fid], document_id=order["id"])
    assert findings.get_finding(s, fid)["state"] == "rectifying"

    with pytest.raises(ValueError, match="尚未届满"):
        escalation.refer_case(s, [fid], on="2026-03-18", officers=OFFICERS)
    with clock.pinned(date(2026, 3, 25)):
        letter = escalation.refer_case(s, [fid], on="2026-03-25", officers=OFFICERS)
    assert letter["kind"] == "case_referral" and letter["doc_no"] == "（周庄）移送〔2026〕A1-1号"
    f = findings.get_finding(s, fid)
    assert f["state"] == "referred"
    text = _pdf_text(render_document(s, letter["id"]))
    assert "案件移送书" in text and "江阴市应急管理局：" in text and order["doc_no"] in text
    assert "冲床防护罩缺失" in text and "2026年3月20日" in text

    # Open until the bureau's outcome is recorded: no 销号, no re-inspection in between.
    with pytest.raises(ValueError, match="不能进行"):
        findings.close_finding(s, fid, on="2026-04-01")
    escalation.record_bureau_outcome(s, fid, on="2026-04-10", resolved=True,
                                     outcome="已立案查处，罚款人民币2万元，防护罩已安装", bureau_doc_no="澄应急罚〔2026〕12号")
    assert findings.get_finding(s, fid)["state"] == "passed"
    findings.close_finding(s, fid, on="2026-04-11")
    assert findings.get_finding(s, fid)["state"] == "closed"
    kinds = [e["kind"] for e in findings.events(s, fid)]
    assert kinds[-3:] == ["refer", "bureau_resolved", "close"]
    assert any("澄应急罚〔2026〕12号" in e["note"] for e in findings.events(s, fid))


def test_bureau_returns_the_case_with_a_new_deadline(s, ent):
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "消防通道堵塞", "deadline": "2026-03-10", "legal_basis": BASIS}]})
    findings.order_rectification(s, [fid], document_id=order["id"])
    escalation.refer_case(s, [fid], on="2026-03-12", officers=OFFICERS)
    with pytest.raises(ValueError, match="新整改期限"):
        escalation.record_bureau_outcome(s, fid, on="2026-03-20", resolved=False, outcome="退回镇继续督促")
    escalation.record_bureau_outcome(s, fid, on="2026-03-20", resolved=False, outcome="退回镇继续督促",
                                     new_deadline="2026-04-05")
    f = findings.get_finding(s, fid)
    assert (f["state"], f["deadline"]) == ("rectifying", "2026-04-05")


def test_suspension_lasts_until_a_resumption_review_is_passed(s, ent):
    decision = documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["喷漆房未设可燃气体报警装置"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令从危险区域内撤出作业人员", "责令暂时停产停业"], "suspension_scope": "喷漆车间"})
    e = enterprises.get(s, ent)
    assert e.status == "停产整改"
    [sus] = escalation.suspensions(s, enterprise_id=ent, open_only=True)
    assert (sus["scope"], sus["doc_no"]) == ("喷漆车间", decision["doc_no"])
    text = _pdf_text(render_document(s, decision["id"]))
    assert "暂时停产停业或者停止使用的范围：喷漆车间" in text and "经本机关审查同意，方可恢复生产经营和使用" in text

    # The registry cannot lift it by itself.
    e.status = "在营"
    with pytest.raises(ValidationErrors, match="复产审查"):
        enterprises.save(s, e)
    with pytest.raises(ValueError, match="复产审查意见"):
        escalation.record_resumption_review(s, sus["id"], on="2026-03-15", passed=True, note="")
    escalation.record_resumption_review(s, sus["id"], on="2026-03-15", passed=False, note="报警装置未安装到位",
                                        officers="张三、李四", evidence="企业整改报告（未附检测报告）")
    assert enterprises.get(s, ent).status == "停产整改"
    # A pass needs the rectification evidence and the reviewers (经审查同意，方可恢复).
    with pytest.raises(ValueError, match="整改证据"):
        escalation.record_resumption_review(s, sus["id"], on="2026-03-25", passed=True, note="同意复产",
                                            officers="张三、李四")
    with pytest.raises(ValueError, match="执法人员"):
        escalation.record_resumption_review(s, sus["id"], on="2026-03-25", passed=True, note="同意复产",
                                            evidence="整改报告")
    assert enterprises.get(s, ent).status == "停产整改"
    escalation.record_resumption_review(s, sus["id"], on="2026-03-25", passed=True,
                                        note="可燃气体报警装置已安装并联动，经审查同意恢复生产", officers="张三、李四",
                                        evidence="整改报告、报警装置检测报告、整改后照片4张")
    assert enterprises.get(s, ent).status == "在营"
    # Both reviews are kept, the failed one too, each with who, when, result and evidence.
    reviews = escalation.resumption_reviews(s, sus["id"])
    assert [(r["reviewed_on"], r["passed"], r["reviewers"]) for r in reviews] == [
        ("2026-03-15", 0, "张三、李四"), ("2026-03-25", 1, "张三、李四")]
    assert reviews[1]["evidence"] == "整改报告、报警装置检测报告、整改后照片4张"
    with pytest.raises(Exception, match="复产审查记录不可修改"):
        s.conn.execute("UPDATE resumption_review SET evidence = '' WHERE id = ?", [reviews[0]["id"]])
    with pytest.raises(Exception, match="复产审查记录不可修改"):
        s.conn.execute("DELETE FROM resumption_review WHERE id = ?", [reviews[0]["id"]])
    assert escalation.suspensions(s, enterprise_id=ent, open_only=True) == []
    with pytest.raises(ValueError, match="已于2026-03-25恢复"):
        escalation.record_resumption_review(s, sus["id"], on="2026-03-26", passed=True, note="再次")
    with pytest.raises(Exception, match="不可修改"):
        s.conn.execute("UPDATE suspension SET resumed_on = '' WHERE id = ?", [sus["id"]])


def test_status_suspended_cannot_be_chosen_without_a_decision(s, ent):
    e = enterprises.get(s, ent)
    e.status = "停产整改"
    with pytest.raises(ValidationErrors, match="现场处理措施决定书"):
        enterprises.save(s, e)


def test_voiding_the_suspending_decision_lifts_the_suspension(s, ent):
    decision = documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["x"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "全厂"})
    assert enterprises.get(s, ent).status == "停产整改"
    documents.void_document(s, decision["id"], reason="被检查单位填错")
    assert enterprises.get(s, ent).status == "在营"


def test_seizure_refused_under_entrustment_through_storage(s, ent):
    content = {"officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["x"],
               "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
               "decisions": ["依法查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材"]}
    with pytest.raises(ValueError, match="行政强制法》第十七条"):
        documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content=content)
    settings_store.put(s, S.AUTHORITY_POWER, "赋权")
    assert documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05",
                                    content=content)["doc_no"]


def test_failed_reinspection_new_deadline_needs_an_ordering_document(s, ent):
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "消防通道堵塞", "deadline": "2026-03-10", "legal_basis": BASIS}]})
    findings.order_rectification(s, [fid], document_id=order["id"])
    base = {"officers": OFFICERS, "original_doc_no": order["doc_no"], "original_date": "2026-03-01",
            "items": [{"description": "消防通道堵塞", "result": "未整改"}], "opinion": "未整改。"}
    bare = documents.issue_document(s, kind="reinspection_opinion", enterprise_id=ent, issued_at="2026-03-12",
                                    content=base)
    with pytest.raises(ValueError, match="未写明新的整改期限"):
        findings.record_reinspection(s, fid, passed=False, on="2026-03-12", new_deadline="2026-03-30",
                                     document_id=bare["id"])
    ordering = documents.issue_document(s, kind="reinspection_opinion", enterprise_id=ent, issued_at="2026-03-12",
                                        content={**base, "new_deadline": "2026-03-30"})
    findings.record_reinspection(s, fid, passed=False, on="2026-03-12", new_deadline="2026-03-30",
                                 document_id=ordering["id"])
    text = _pdf_text(render_document(s, ordering["id"]))
    assert "现责令你单位对上述未整改到位的问题于2026年3月30日前整改完毕" in text
    assert "可以依法在60日内向江阴市人民政府申请行政复议" in text
