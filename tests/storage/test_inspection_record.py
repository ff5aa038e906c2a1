"""The 现场检查记录 of a finalised inspection: content built from stored data, issued once."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from inspector_app import paths
from inspector_app.core import documents as docs
from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise
from inspector_app.core.township import Officer, TownshipSetup
from inspector_app.reports.pdf_documents import render_document
from inspector_app.storage import enterprises, findings, inspections, open_db, photos, township
from inspector_app.storage.documents import get_document, void_document
from inspector_app.storage.inspection_record import (
    OFF_CHECKLIST_ITEM,
    build_record_content,
    current_record,
    issue_inspection_record,
    recent_inspections,
)

FORM = """
id = "rec_form"
version = 1
title = "记录测试检查表"
description = "单元测试用"
basis = "测试依据"
applies = { always = true }
deadline_days = 15

[[sections]]
title = "一、除尘系统（3项）"

[[sections.items]]
id = "major"
question = "干式除尘系统采取泄爆、惰化、抑爆等任一种爆炸防控措施（无干式除尘的选“不适用”）"
basis = "应急管理部令第10号 第十一条第（三）项"
category = "物"
kind = "choice"
major_ref = "应急管理部令第10号 第十一条第（三）项"
on_fail = { require_description = true, require_photo = true }
deadline_days = 0
suggestion = "为干式除尘器设置泄爆装置。"

[[sections.items]]
id = "ok"
question = "建立粉尘清扫制度"
basis = "测试依据"
category = "管理"
kind = "choice"
suggestion = "建立制度。"

[[sections.items]]
id = "na"
question = "铝镁粉尘除尘系统采用正压吹送"
basis = "测试依据"
category = "物"
kind = "choice"
suggestion = "整改。"

[[sections]]
title = "现场"

[[sections.items]]
id = "people"
question = "作业间内同时作业的人员数量"
basis = "测试依据"
category = "人"
kind = "number"
limit_max = 9
unit = "人"
suggestion = "控制同时作业人数。"

[[sections.items]]
id = "other"
question = "其他情况记录"
basis = "测试依据"
category = "管理"
kind = "text"
"""


@pytest.fixture
def store(tmp_path):
    s = open_db(tmp_path / "rec.sqlite", device="A1", create=True)
    township.apply_setup(s, TownshipSetup(
        authority_name="江阴市应急管理局", authority_abbr="澄", review_government="江阴市人民政府",
        court="江阴市人民法院", township="周庄镇", device_code="A1", villages=["华宏村"],
        officers=[Officer(name="张三", cert_no="32000001"), Officer(name="李四", cert_no="32000002")]))
    yield s
    s.close()


@pytest.fixture
def forms_dir(tmp_path):
    d = tmp_path / "forms"
    d.mkdir()
    (d / "rec_form.toml").write_text(FORM, encoding="utf-8")
    return d


@pytest.fixture
def ent(store):
    return enterprises.save(store, Enterprise(
        name="江阴市华明机械配件厂", uscc=uscc.make("91", "320281", body8="MA1X2Y3W"), address="江阴市周庄镇华宏村工业园8号", legal_rep="王建国",
        legal_rep_phone="13961600001", sector="机械", scale="小微", employees=12,
        risk_tags=["粉尘涉爆"]))


@pytest.fixture
def officer_ids(store):
    return [o.id for o in township.list_officers(store)]


def _jpeg(color=(200, 40, 40)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(buf, "JPEG")
    return buf.getvalue()


def _start(store, ent, officer_ids, forms_dir) -> str:
    return inspections.start_inspection(
        store, enterprise_id=ent.id, officer_ids=officer_ids, forms=forms_dir,
        started_at="2026-03-05T09:30:00")


def _duties(store, iid) -> int:
    session = inspections.open_inspection(store, iid)
    return sum(1 for it in session.items() if it.form_id == "obligations")


def _answer_all(store, iid, *, fail_major: bool = True) -> None:
    session = inspections.open_inspection(store, iid)
    for it in session.items():
        if it.kind == "choice":
            answer = "符合"
            if it.key == "rec_form:major" and fail_major:
                answer = "不符合"
            elif it.key == "rec_form:na":
                answer = "不适用"
            inspections.record_answer(store, iid, it.key, answer=answer,
                                      note="除尘器未设泄爆片" if answer == "不符合" else None)
        elif it.kind == "number":
            inspections.record_answer(store, iid, it.key, value_num=6)
        else:
            inspections.record_answer(store, iid, it.key, value_text="车间西侧堆放杂物已当场清理")


@pytest.fixture
def finished(store, ent, officer_ids, forms_dir):
    """A finalised inspection: the major dust item failed (with a photo), one free finding."""
    iid = _start(store, ent, officer_ids, forms_dir)
    _answer_all(store, iid)
    root = paths.photos_dir(store.path)
    photos.add_photo(store, _jpeg(), inspection_id=iid, item_key="rec_form:major", kind="问题",
                     photos_root=root)
    photos.add_photo(store, _jpeg((40, 40, 200)), inspection_id=iid, kind="现场", photos_root=root)
    photos.add_photo(store, _jpeg((40, 200, 40)), inspection_id=iid, kind="问题", photos_root=root,
                     caption="配电箱前堆物")
    inspections.update_header(store, iid, onsite_person="陈立", onsite_person_title="安全员",
                              onsite_person_phone="13961600002", witness="周红",
                              witness_id_no="320281199001011234", refused_to_sign=True,
                              refusal_note="以需请示厂长为由拒绝签字", summary="查阅了安全生产责任制。")
    inspections.finalise(store, iid, ended_at="2026-03-05T11:05:00", findings=[
        {"item_key": "rec_form:major"},
        {"item_key": "", "description": "配电箱前堆放杂物", "category": "物", "grade": "一般",
         "deadline": "2026-03-20"},
    ])
    return iid


def test_draft_has_no_record(store, ent, officer_ids, forms_dir):
    iid = _start(store, ent, officer_ids, forms_dir)
    with pytest.raises(ValueError, match="定稿"):
        build_record_content(store, iid)
    with pytest.raises(ValueError, match="定稿"):
        issue_inspection_record(store, iid)
    assert current_record(store, iid) is None


def test_content_of_a_finalised_inspection(store, ent, finished):
    content = build_record_content(store, finished)
    rec = docs.InspectionRecord.from_dict(content).validate()

    assert rec.authority.name == "江阴市应急管理局"
    assert [(o.name, o.cert_no) for o in rec.officers] == [("张三", "32000001"), ("李四", "32000002")]
    assert rec.party.name == "江阴市华明机械配件厂"
    assert rec.party.legal_rep == "王建国" and rec.party.phone == "13961600001"
    assert rec.place == "江阴市周庄镇华宏村工业园8号"
    assert rec.started_at == datetime(2026, 3, 5, 9, 30)
    assert rec.ended_at == datetime(2026, 3, 5, 11, 5)
    assert rec.issued_on == rec.ended_at.date()
    assert rec.purpose == docs.DEFAULT_PURPOSE  # none given at start

    # Failed checklist item first (section title without its numbering), then the free finding.
    assert [r.item for r in rec.failed_items] == ["除尘系统", OFF_CHECKLIST_ITEM]
    major = rec.failed_items[0].finding
    assert "干式除尘系统采取泄爆、惰化、抑爆等任一种爆炸防控措施" in major
    assert "除尘器未设泄爆片" in major
    assert "重大事故隐患" in major and "第十一条第（三）项" in major
    assert rec.failed_items[1].finding == "配电箱前堆放杂物"

    duties = _duties(store, finished)  # derived obligations come first on every checklist
    assert f"共检查{4 + duties}项：符合{2 + duties}项，不符合1项，不适用1项" in rec.situation
    assert "其中重大事故隐患1项" in rec.situation
    assert "查阅了安全生产责任制。" in rec.situation
    assert "其他情况记录：车间西侧堆放杂物已当场清理" in rec.situation
    assert rec.passed_summary == f"其余{2 + duties}项检查内容未发现问题，1项不适用。"

    # Problem photos only (the item's photo first, then the inspection's 问题 photo), files exist.
    assert len(rec.photos) == 2
    # Frozen relative to the photos folder, with the hash each file has.
    root = paths.photos_dir(store.path)
    assert all(not Path(p.path).is_absolute() and (root / p.path).is_file() for p in rec.photos)
    assert all(photos.file_sha256(root / p.path) == p.sha256 for p in rec.photos)
    assert rec.photos[0].caption.startswith("干式除尘系统")
    assert rec.photos[1].caption == "配电箱前堆物"

    assert (rec.onsite_person, rec.onsite_person_title, rec.onsite_person_phone) == (
        "陈立", "安全员", "13961600002")
    assert rec.refused_to_sign and rec.refusal_note == "以需请示厂长为由拒绝签字"
    assert rec.witness == docs.Witness(name="周红", id_no="320281199001011234")


def test_no_problems_found(store, ent, officer_ids, forms_dir):
    iid = _start(store, ent, officer_ids, forms_dir)
    _answer_all(store, iid, fail_major=False)
    inspections.finalise(store, iid, findings=[])
    rec = docs.InspectionRecord.from_dict(build_record_content(store, iid))
    assert rec.failed_items == () and rec.photos == () and rec.witness is None
    assert "未发现安全生产违法违规行为和事故隐患" in rec.situation
    assert rec.passed_summary == f"{3 + _duties(store, iid)}项检查内容均未发现问题，1项不适用。"


def test_issue_once(store, ent, finished):
    doc = issue_inspection_record(store, finished)
    assert doc["kind"] == docs.INSPECTION_RECORD
    assert doc["doc_no"] == "（澄）应急检记〔2026〕A1-1号"
    assert doc["inspection_id"] == finished and doc["enterprise_id"] == ent.id
    assert doc["issued_on"] == "2026-03-05"
    again = issue_inspection_record(store, finished)
    assert again["id"] == doc["id"]
    assert store.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 1
    assert current_record(store, finished)["id"] == doc["id"]

    # A voided record is replaced by a new one with the next number.
    void_document(store, doc["id"], reason="证号填错")
    assert current_record(store, finished) is None
    new = issue_inspection_record(store, finished)
    assert new["id"] != doc["id"] and new["doc_no"].endswith("A1-2号")


def test_issued_pdf_carries_the_record(store, ent, finished):
    from pypdf import PdfReader

    doc = issue_inspection_record(store, finished)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_document(store, doc["id"]))).pages)
    flat = "".join(text.split())
    for expected in ("现场检查记录", "江阴市华明机械配件厂", "32000001", "32000002", "陈立",
                     "除尘器未设泄爆片", "拒绝签字"):
        assert expected in flat, expected
    stored = get_document(store, doc["id"])["content"]
    assert stored["failed_items"][0]["item"] == "除尘系统"
    assert json.dumps(stored, ensure_ascii=False).count("配电箱前堆放杂物") == 1


def test_recent_inspections(store, ent, officer_ids, forms_dir, finished):
    draft = _start(store, ent, officer_ids, forms_dir)
    rows = recent_inspections(store)
    assert [r["id"] for r in rows] == [finished]  # drafts are listed elsewhere
    row = rows[0]
    assert row["enterprise_name"] == "江阴市华明机械配件厂"
    assert row["officer_names"] == ["张三", "李四"]
    assert (row["failed_count"], row["finding_count"], row["major_count"]) == (1, 2, 1)
    assert draft not in [r["id"] for r in recent_inspections(store)]
    assert recent_inspections(store, limit=0) == []
    assert findings.findings_for_inspection(store, finished)[0]["grade"] == "重大"


def test_record_is_served_on_site_or_left_on_refusal(tmp_path):
    """The register must not show every 现场检查记录 as unserved: it is handed over when the
    inspection ends, or left with the refusal noted."""
    from inspector_app.demo import create_demo_database
    from inspector_app.storage import documents, enterprises, inspections, open_db, township
    from inspector_app.storage.inspection_record import issue_inspection_record

    store = open_db(create_demo_database(tmp_path / "s.sqlite", enterprises=30, history=False))
    officers = [o.id for o in township.list_officers(store)[:2]]
    results = []
    for n, refuse in enumerate((False, True)):
        eid = enterprises.search_ids(store)[n]
        iid = inspections.start_inspection(store, enterprise_id=eid, officer_ids=officers)
        session = inspections.open_inspection(store, iid)
        for item in session.items():
            inspections.record_answer(store, iid, item.key, answer="不适用" if item.kind != "choice" else "符合",
                                      value_text="无" if item.kind == "text" else None)
        if refuse:
            inspections.update_header(store, iid, refused_to_sign=True, refusal_note="负责人拒绝签字，已拍照记录。",
                                      witness="周红", witness_id_no="320281199001011234")
        inspections.finalise(store, iid, findings=[])
        results.append(documents.get_document(store, issue_inspection_record(store, iid)["id"]))
    handed, left = results
    assert handed["served_how"] == "直接送达" and handed["served_at"] and not handed["service_refused"]
    assert left["served_how"] == "留置送达" and left["service_refused"]
    assert "拒绝签字" in left["service_note"] and "周红" in left["service_note"]
    store.close()
