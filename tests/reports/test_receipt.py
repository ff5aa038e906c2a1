"""The printed 文书送达回执 for every document served on a party (issue 9)."""

import io
import re

import pytest
from pypdf import PdfReader

from inspector_app.core import documents as d
from inspector_app.reports.receipt import render_receipt, render_receipts

from tests.e2e.test_escalation import BASIS, OFFICERS, ent, s  # noqa: F401 (fixtures)

CONTENT = {
    d.INSPECTION_RECORD: {"place": "生产车间", "started_at": "2026-03-05T09:00", "ended_at": "2026-03-05T10:00",
                          "situation": "现场检查。"},
    d.RECTIFICATION_ORDER: {"items": [{"description": "消防通道堵塞", "deadline": "2026-03-20", "legal_basis": BASIS}]},
    d.ONSITE_MEASURES: {"inspected_on": "2026-03-05", "dangers": ["x"], "legal_basis": "安全生产法第六十五条",
                        "decisions": ["责令立即排除事故隐患"]},
    d.REINSPECTION_OPINION: {"original_doc_no": "（澄）应急责改〔2026〕A1-1号", "original_date": "2026-03-01",
                             "opinion": "已整改完毕。"},
    d.SPOT_PENALTY: {"variant": "unit", "decided_at": "2026-03-05T10:00", "place": "车间", "facts": "未设警示标志",
                     "violated": "安全生产法第三十五条", "basis": "安全生产法第九十九条", "amount": 50,
                     "payment": "当场缴纳"},
    d.HAZARD_NOTICE: {"inspected_on": "2026-03-05",
                      "items": [{"description": "灭火器过期", "deadline": "2026-03-12"}]},
}


def text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


def issue(s, ent, kind):
    from inspector_app.storage import documents
    return documents.issue_document(s, kind=kind, enterprise_id=ent, issued_at="2026-03-05",
                                    content={"officers": OFFICERS, **CONTENT[kind]})


@pytest.mark.parametrize("kind", d.SERVED_KINDS)
def test_a_service_receipt_prints_for_each_document_kind(s, ent, kind):  # noqa: F811
    doc = issue(s, ent, kind)
    t = text(render_receipt(s, doc["id"]))
    for phrase in ("文书送达回执", d.TITLES[kind], doc["doc_no"], "江阴市周庄华宏机械有限公司", "送达地点",
                   "□直接送达□留置送达□邮寄送达□委托送达", "受送达人（签名或盖章）", "送达人（签名）",
                   "（张三（证号：32010001）、李四（证号：32010002））", "送达时间"):
        assert phrase in t, phrase


def test_service_is_recorded_from_the_receipt_and_printed_back(s, ent):  # noqa: F811
    from inspector_app.storage import documents
    doc = issue(s, ent, d.RECTIFICATION_ORDER)
    documents.record_service(s, doc["id"], served_at="2026-03-05T15:30", served_how="留置送达", refused=True,
                             note="负责人拒绝签收，已拍照记录", place="该厂办公室", recipient="王五",
                             served_by="张三、李四")
    row = documents.get_document(s, doc["id"])
    assert (row["served_place"], row["served_to"], row["served_by"]) == ("该厂办公室", "王五", "张三、李四")
    t = text(render_receipt(s, doc["id"]))
    assert "■留置送达" in t and "该厂办公室" in t and "（签收人：王五）" in t and "（张三、李四）" in t and "2026年3月5日15时30分" in t and "受送达人拒绝签收" in t
    assert [r["served_place"] for r in documents.register(s) if r["id"] == doc["id"]] == ["该厂办公室"]


def test_the_referral_letter_has_no_receipt(s, ent):  # noqa: F811
    from inspector_app.storage import documents, escalation, findings
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = issue(s, ent, d.RECTIFICATION_ORDER)
    findings.order_rectification(s, [fid], document_id=order["id"], deadlines={fid: "2026-03-10"})
    letter = escalation.refer_case(s, [fid], on="2026-03-12", officers=OFFICERS)
    with pytest.raises(ValueError, match="不向当事人送达"):
        render_receipt(s, letter["id"])
    with pytest.raises(ValueError, match="不向当事人送达"):
        documents.record_service(s, letter["id"], served_at="2026-03-12T10:00", served_how="直接送达")
    assert text(render_receipts(s, [order["id"]])).count("文书送达回执") == 1
