"""The inspection session in storage: draft, answers, header, findings, finalisation, lists."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from PIL import Image

from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises, findings, inspections, photos, township
from inspector_app.storage.db import open_memory
from inspector_app.storage.inspections import (
    FinaliseError,
    failed_items,
    finalise,
    open_inspection,
    proposed_findings,
    record_answer,
    start_inspection,
    update_header,
)

FORM = """
id = "test_form"
version = 1
title = "测试检查表"
description = "单元测试用检查表"
basis = "测试依据"
applies = { always = true }
deadline_days = 15

[[sections]]
title = "管理"

[[sections.items]]
id = "a1"
question = "建立全员安全生产责任制"
basis = "《安全生产法》第二十二条"
category = "管理"
kind = "choice"
suggestion = "建立并落实全员安全生产责任制。"
on_fail = { require_description = false }

[[sections.items]]
id = "m1"
question = "干式除尘系统采取泄爆、惰化、抑爆等任一种爆炸防控措施（无干式除尘的选“不适用”）"
basis = "应急管理部令第10号 第十一条第（三）项"
category = "物"
kind = "choice"
major_ref = "应急管理部令第10号 第十一条第（三）项"
on_fail = { require_description = true, require_photo = true }
deadline_days = 0
suggestion = "为干式除尘器设置泄爆装置。"

[[sections]]
title = "现场"

[[sections.items]]
id = "n1"
question = "作业间内同时作业的人员数量"
basis = "测试依据"
category = "人"
kind = "number"
limit_max = 9
unit = "人"
suggestion = "控制同时作业人数。"

[[sections.items]]
id = "t1"
question = "其他情况记录"
basis = "测试依据"
category = "管理"
kind = "text"

[[sections.items]]
id = "dust"
question = "涉粉作业点设置除尘设施"
basis = "测试依据"
category = "物"
kind = "choice"
suggestion = "设置除尘设施。"
applies = { any_tags = ["粉尘涉爆"] }
"""

AMMONIA_ONLY = """
id = "ammonia_only"
version = 1
title = "涉氨专用"
description = "只适用于涉氨制冷"
basis = "测试依据"
applies = { any_tags = ["涉氨制冷"] }
deadline_days = 10

[[sections]]
title = "涉氨"

[[sections.items]]
id = "x1"
question = "设置氨气浓度报警装置"
basis = "测试依据"
category = "物"
kind = "choice"
suggestion = "设置报警装置。"
"""


@pytest.fixture
def forms_dir(tmp_path):
    d = tmp_path / "forms"
    d.mkdir()
    (d / "test_form.toml").write_text(FORM, encoding="utf-8")
    (d / "ammonia_only.toml").write_text(AMMONIA_ONLY, encoding="utf-8")
    return d


@pytest.fixture
def store():
    s = open_memory()
    yield s
    s.close()


@pytest.fixture
def officers(store):
    return [township.save_officer(store, township.Officer(name=n, cert_no=c)).id
            for n, c in (("张三", "32000001"), ("李四", "32000002"))]


@pytest.fixture
def ent(store):
    return enterprises.save(store, Enterprise(
        name="江阴市测试木业有限公司", scale="个体", address="江阴市某镇工业园1号",
        sector="轻工", employees=40, risk_tags=["粉尘涉爆"]))


@pytest.fixture
def ins(store, officers, ent, forms_dir):
    return start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="日常", place="",
                            started_at="2025-06-02T09:00:00", forms=forms_dir)


def _answer_rest(store, ins_id, value="符合"):
    """Answer every still-unanswered choice/number item (the obligations form included)."""
    s = open_inspection(store, ins_id)
    for it in s.unanswered():
        if it.kind == "number":
            record_answer(store, ins_id, it.key, value_num=1)
        else:
            record_answer(store, ins_id, it.key, answer=value)


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (80, 60), (10, 200, 30)).save(buf, "PNG")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# start / open


def test_start_requires_two_distinct_known_officers(store, officers, ent, forms_dir):
    with pytest.raises(ValueError, match="至少两名执法人员"):
        start_inspection(store, enterprise_id=ent.id, officer_ids=[officers[0]], kind="日常",
                         place="", forms=forms_dir)
    with pytest.raises(ValueError, match="至少两名执法人员"):
        start_inspection(store, enterprise_id=ent.id, officer_ids=[officers[0], officers[0]],
                         kind="日常", place="", forms=forms_dir)
    with pytest.raises(ValueError, match="执法人员不存在"):
        start_inspection(store, enterprise_id=ent.id, officer_ids=[officers[0], "ghost"],
                         kind="日常", place="", forms=forms_dir)
    with pytest.raises(ValueError, match="检查类型无效"):
        start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="随便看看",
                         place="", forms=forms_dir)
    with pytest.raises(ValueError, match="企业不存在"):
        start_inspection(store, enterprise_id="nope", officer_ids=officers, kind="日常",
                         place="", forms=forms_dir)
    assert store.db.execute("SELECT count(*) FROM inspection").fetchone()[0] == 0


def test_start_stores_self_contained_snapshot(store, ins, ent, officers):
    raw = store.db.execute("SELECT * FROM inspection WHERE id = ?", [ins]).fetchone()
    row = dict(zip([d[0] for d in store.db.execute("SELECT * FROM inspection LIMIT 0").description], raw))
    assert row["status"] == "draft"
    assert row["place"] == ent.address  # defaults to the enterprise address
    assert json.loads(row["officer_ids"]) == officers
    snap = json.loads(row["checklist_snapshot"])
    assert snap["assembled_at"]
    ids = [f["id"] for f in snap["forms"]]
    assert ids == ["obligations", "test_form"]  # duties first; the ammonia form does not apply
    items = [i["id"] for s in snap["forms"][1]["sections"] for i in s["items"]]
    assert items == ["a1", "m1", "n1", "t1", "dust"]


def test_item_condition_excludes_items(store, officers, forms_dir):
    plain = enterprises.save(store, Enterprise(name="江阴市无粉尘五金店", scale="个体"))
    sid = start_inspection(store, enterprise_id=plain.id, officer_ids=officers, kind="专项",
                           place="车间", forms=forms_dir)
    s = open_inspection(store, sid)
    assert "test_form:dust" not in [it.key for it in s.items()]
    assert s.place == "车间" and s.kind == "专项"


def test_open_reconstructs_session(store, ins, ent):
    record_answer(store, ins, "test_form:a1", answer="不符合", note="责任制未覆盖班组长")
    s = open_inspection(store, ins)
    assert s.enterprise.name == ent.name and s.enterprise.risk_tags == ["粉尘涉爆"]
    assert [f.id for f in s.forms] == ["obligations", "test_form"]
    assert s.item("test_form:m1").major_ref.startswith("应急管理部令第10号")
    assert s.answers["test_form:a1"] == inspections.Answer("不符合", None, "", "责任制未覆盖班组长")
    assert s.started_at == "2025-06-02T09:00:00"
    assert not s.is_final and s.photos == []
    with pytest.raises(ValueError, match="检查记录不存在"):
        open_inspection(store, "missing")


# ---------------------------------------------------------------------------------------------
# answers


def test_record_answer_upserts_and_keeps_untouched_fields(store, ins):
    record_answer(store, ins, "test_form:a1", answer="不符合")
    record_answer(store, ins, "test_form:a1", note="责")
    record_answer(store, ins, "test_form:a1", note="责任制未签订")
    s = open_inspection(store, ins)
    assert s.answers["test_form:a1"] == inspections.Answer("不符合", None, "", "责任制未签订")
    record_answer(store, ins, "test_form:a1", answer="")  # cleared: unanswered again
    assert open_inspection(store, ins).answers["test_form:a1"].answer is None
    n = store.db.execute("SELECT count(*) FROM inspection_answer WHERE inspection_id = ?", [ins]).fetchone()[0]
    assert n == 1


def test_number_item_is_judged_against_its_limit(store, ins):
    key = "test_form:n1"
    assert record_answer(store, ins, key, value_num=12).answer == "不符合"
    assert record_answer(store, ins, key, value_num="9").answer == "符合"  # the limit itself is fine
    assert record_answer(store, ins, key, value_num="１０").answer == "不符合"  # full-width digits
    assert record_answer(store, ins, key, note="早班").answer == "不符合"  # note alone keeps it
    assert record_answer(store, ins, key, answer="不适用").answer == "不适用"
    assert record_answer(store, ins, key, value_num=3).answer == "符合"  # a reading re-judges
    cleared = record_answer(store, ins, key, value_num="")
    assert cleared.answer is None and cleared.value_num is None
    with pytest.raises(ValueError, match="自动判定"):
        record_answer(store, ins, key, answer="符合")
    with pytest.raises(ValueError, match="不是有效的数字"):
        record_answer(store, ins, key, value_num="十个")


def test_invalid_answers_rejected(store, ins):
    with pytest.raises(ValueError, match="不在本次检查的检查表中"):
        record_answer(store, ins, "test_form:zzz", answer="符合")
    with pytest.raises(ValueError, match="不在本次检查的检查表中"):
        record_answer(store, ins, "ammonia_only:x1", answer="符合")
    with pytest.raises(ValueError, match="只能是"):
        record_answer(store, ins, "test_form:a1", answer="合格")
    with pytest.raises(ValueError, match="数值型"):
        record_answer(store, ins, "test_form:a1", value_num=3)
    with pytest.raises(ValueError, match="文字记录型"):
        record_answer(store, ins, "test_form:t1", answer="不符合")
    assert record_answer(store, ins, "test_form:t1", value_text="厂区整洁").value_text == "厂区整洁"
    with pytest.raises(ValueError, match="检查记录不存在"):
        record_answer(store, "missing", "test_form:a1", answer="符合")


# ---------------------------------------------------------------------------------------------
# header


def test_update_header(store, ins, officers):
    update_header(store, ins, onsite_person="王五", onsite_person_title="厂长",
                  onsite_person_phone="13812345678", witness="赵六", summary="总体良好",
                  purpose="日常监督检查", ended_at="2025-06-02T11:30:00", refused_to_sign=True,
                  refusal_note="负责人拒绝签字，由见证人见证")
    s = open_inspection(store, ins)
    assert (s.onsite_person, s.onsite_person_title, s.witness, s.summary) == ("王五", "厂长", "赵六", "总体良好")
    assert s.refused_to_sign is True and s.ended_at == "2025-06-02T11:30:00"
    with pytest.raises(ValueError, match="无法修改"):
        update_header(store, ins, status="final")
    with pytest.raises(ValueError, match="结束时间不能早于开始时间"):
        update_header(store, ins, ended_at="2025-06-02T08:00:00")
    with pytest.raises(ValueError, match="至少两名"):
        update_header(store, ins, officer_ids=officers[:1])
    with pytest.raises(ValueError, match="检查类型无效"):
        update_header(store, ins, kind="抽查")
    assert open_inspection(store, ins).ended_at == "2025-06-02T11:30:00"


# ---------------------------------------------------------------------------------------------
# findings


def test_failed_items_and_proposed_findings(store, ins):
    _answer_rest(store, ins)
    record_answer(store, ins, "test_form:a1", answer="不符合", note="未签订责任书")
    record_answer(store, ins, "test_form:m1", answer="不符合")
    record_answer(store, ins, "test_form:n1", value_num=12)
    s = open_inspection(store, ins)
    assert [f.key for f in failed_items(s)] == ["test_form:a1", "test_form:m1", "test_form:n1"]
    props = {p["item_key"]: p for p in proposed_findings(s, date(2025, 6, 2))}
    a1, m1, n1 = props["test_form:a1"], props["test_form:m1"], props["test_form:n1"]
    assert a1["grade"] == "一般" and a1["category"] == "管理"
    assert a1["description"] == "不符合“建立全员安全生产责任制”的要求。现场情况：未签订责任书。"
    assert a1["deadline"] == "2025-06-17"  # form default 15 days
    assert a1["requirement"] == "建立并落实全员安全生产责任制。"
    assert a1["legal_basis"] == "《安全生产法》第二十二条"
    assert m1["grade"] == "重大" and m1["major_ref"] == "应急管理部令第10号 第十一条第（三）项"
    assert m1["deadline"] == "2025-06-02"  # 0 days: immediately
    assert "不适用" not in m1["description"]  # the officer hint is not part of the finding
    assert n1["description"].startswith("作业间内同时作业的人员数量为12人，不符合要求（不超过9人）")
    assert n1["category"] == "人"


def test_finalise_lists_unanswered_items_and_changes_nothing(store, ins):
    record_answer(store, ins, "test_form:a1", answer="符合")
    with pytest.raises(FinaliseError, match="尚未作答") as e:
        finalise(store, ins, findings=[])
    assert "test_form:m1" in e.value.unanswered and "test_form:n1" in e.value.unanswered
    assert "test_form:t1" not in e.value.unanswered  # text items are optional
    assert "干式除尘系统" in str(e.value)
    assert open_inspection(store, ins).status == "draft"


def test_finalise_requires_description_photo_and_a_finding_per_failure(store, ins, tmp_path):
    _answer_rest(store, ins)
    record_answer(store, ins, "test_form:m1", answer="不符合")
    s = open_inspection(store, ins)
    with pytest.raises(FinaliseError) as e:
        finalise(store, ins, findings=[])
    assert e.value.missing_finding == ["test_form:m1"]
    assert e.value.missing_description == ["test_form:m1"]
    assert e.value.missing_photo == ["test_form:m1"]
    msg = str(e.value)
    assert "尚未登记隐患" in msg and "问题描述" in msg and "照片" in msg

    photos.add_photo(store, _png(), inspection_id=ins, item_key="test_form:m1", kind="问题",
                     photos_root=tmp_path)
    with pytest.raises(FinaliseError, match="不是“不符合”"):
        finalise(store, ins, findings=[{"item_key": "test_form:m1"}, {"item_key": "test_form:a1"}])
    # The prefilled sentence alone is not a description of what was found.
    with pytest.raises(FinaliseError) as e:
        finalise(store, ins, findings=proposed_findings(s, "2025-06-02"))
    assert e.value.missing_description == ["test_form:m1"] and not e.value.missing_photo
    assert findings.findings_for_inspection(store, ins) == []
    # An edited finding description counts as well as a note on the answer.
    ids = finalise(store, ins, findings=[{"item_key": "test_form:m1", "description": "2号除尘器无泄爆片"}])
    assert [f["description"] for f in findings.findings_for_inspection(store, ins)] == ["2号除尘器无泄爆片"]
    assert len(ids) == 1


def test_finalise_creates_findings_with_grades_in_one_transaction(store, ins, tmp_path):
    _answer_rest(store, ins)
    record_answer(store, ins, "test_form:a1", answer="不符合")
    record_answer(store, ins, "test_form:m1", answer="不符合", note="布袋除尘器无泄爆片")
    pid = photos.add_photo(store, _png(), inspection_id=ins, item_key="test_form:m1", kind="问题",
                           photos_root=tmp_path)

    # Downgrading a major item without a reason fails and rolls everything back.
    with pytest.raises(ValueError, match="填写理由"):
        finalise(store, ins, findings=[{"item_key": "test_form:a1"},
                                       {"item_key": "test_form:m1", "grade": "一般"}])
    assert findings.findings_for_inspection(store, ins) == []
    assert open_inspection(store, ins).status == "draft"
    # So does a major grade on an ordinary item.
    with pytest.raises(ValueError, match="填写理由"):
        finalise(store, ins, findings=[{"item_key": "test_form:a1", "grade": "重大"},
                                       {"item_key": "test_form:m1"}])
    assert findings.findings_for_inspection(store, ins) == []

    ids = finalise(store, ins, ended_at="2025-06-02T11:00:00", findings=[
        {"item_key": "test_form:a1", "grade": "重大", "grade_override_reason": "多次检查均未整改",
         "description": "未建立全员安全生产责任制，已连续两次检查发现。", "deadline": "2025-06-20"},
        {"item_key": "test_form:m1", "location": "2号车间"},
        {"item_key": "", "description": "消防通道堆放杂物", "category": "环境",
         "deadline": "2025-06-05", "requirement": "清理通道。"},
    ])
    rows = {r["id"]: r for r in findings.findings_for_inspection(store, ins)}
    a1, m1, free = (rows[i] for i in ids)
    assert (a1["grade"], a1["grade_override_reason"], a1["deadline"]) == ("重大", "多次检查均未整改", "2025-06-20")
    assert a1["description"].startswith("未建立全员安全生产责任制")
    assert (m1["grade"], m1["major_ref"], m1["deadline"]) == ("重大", "应急管理部令第10号 第十一条第（三）项", "2025-06-02")
    assert m1["found_on"] == "2025-06-02" and m1["location"] == "2号车间"
    assert m1["legal_basis"] == "应急管理部令第10号 第十一条第（三）项"
    assert "布袋除尘器无泄爆片" in m1["description"]
    assert (free["item_key"], free["grade"], free["category"]) == ("", "一般", "环境")
    assert all(r["enterprise_id"] == open_inspection(store, ins).enterprise_id for r in rows.values())
    assert [e["kind"] for e in findings.events(store, m1["id"])] == ["registered"]
    # The item's photo is now also the finding's evidence.
    assert [p["id"] for p in photos.photos_for(store, finding_id=m1["id"])] == [pid]

    s = open_inspection(store, ins)
    assert s.status == "final" and s.finalised_at and s.ended_at == "2025-06-02T11:00:00"


def test_finalised_inspection_is_immutable(store, ins, officers, tmp_path):
    _answer_rest(store, ins)
    snapshot = store.db.execute("SELECT checklist_snapshot FROM inspection WHERE id = ?", [ins]).fetchone()[0]
    finalise(store, ins, findings=[])
    with pytest.raises(ValueError, match="已定稿"):
        record_answer(store, ins, "test_form:a1", answer="不符合")
    with pytest.raises(ValueError, match="已定稿"):
        update_header(store, ins, summary="改一下")
    with pytest.raises(ValueError, match="已定稿"):
        finalise(store, ins, findings=[])
    with pytest.raises(ValueError, match="已定稿"):
        inspections.discard_draft(store, ins)
    with pytest.raises(ValueError, match="已定稿"):
        photos.add_photo(store, _png(), inspection_id=ins, photos_root=tmp_path)
    # The schema itself refuses, whatever code path tries.
    for sql in ("UPDATE inspection_answer SET answer = '不符合' WHERE inspection_id = ?",
                "UPDATE inspection SET summary = 'x' WHERE id = ?",
                "UPDATE inspection SET checklist_snapshot = '{}' WHERE id = ?",
                "UPDATE inspection SET status = 'draft' WHERE id = ?"):
        with pytest.raises(Exception, match="已定稿"), store.write():
            store.db.execute(sql, [ins])
    with pytest.raises(Exception, match="已定稿"), store.write():
        store.db.execute(
                "INSERT INTO inspection_answer (id, inspection_id, item_key, answer) VALUES ('x', ?, 'k', '符合')",
                [ins])
    assert store.db.execute("SELECT checklist_snapshot FROM inspection WHERE id = ?", [ins]).fetchone()[0] == snapshot
    assert all(a.answer == "符合" or a.value_num == 1 for a in open_inspection(store, ins).answers.values())


def test_refusal_to_sign_must_be_recorded(store, ins):
    _answer_rest(store, ins)
    update_header(store, ins, refused_to_sign=True)
    with pytest.raises(FinaliseError, match="拒签情况"):
        finalise(store, ins, findings=[])
    update_header(store, ins, refusal_note="现场负责人拒绝签字，见证人赵六在场")
    assert finalise(store, ins, findings=[]) == []


def test_snapshot_survives_later_form_edits(store, officers, ent, forms_dir):
    first = start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="日常",
                             place="", forms=forms_dir)
    record_answer(store, first, "test_form:a1", answer="符合")
    path = forms_dir / "test_form.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "建立全员安全生产责任制", "建立健全并落实全员安全生产责任制（2026修订）"), encoding="utf-8")
    old = open_inspection(store, first)
    assert old.item("test_form:a1").question == "建立全员安全生产责任制"
    # The draft still accepts answers against its own snapshot.
    record_answer(store, first, "test_form:a1", answer="不符合")
    second = start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="日常",
                              place="", forms=forms_dir)
    assert open_inspection(store, second).item("test_form:a1").question.startswith("建立健全并落实")
    # Removing the form entirely does not break the old record either.
    path.unlink()
    assert open_inspection(store, first).item("test_form:a1").question == "建立全员安全生产责任制"


def test_history_and_drafts(store, officers, ent, forms_dir, tmp_path):
    old = start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="日常", place="",
                           started_at="2025-01-10T09:00:00", forms=forms_dir)
    _answer_rest(store, old)
    record_answer(store, old, "test_form:a1", answer="不符合")
    record_answer(store, old, "test_form:m1", answer="不符合", note="无泄爆")
    photos.add_photo(store, _png(), inspection_id=old, item_key="test_form:m1", photos_root=tmp_path)
    finalise(store, old, findings=[{"item_key": "test_form:a1"}, {"item_key": "test_form:m1"}])
    new = start_inspection(store, enterprise_id=ent.id, officer_ids=officers, kind="复查", place="",
                           started_at="2025-02-10T09:00:00", forms=forms_dir)
    record_answer(store, new, "test_form:a1", answer="符合")
    other = enterprises.save(store, Enterprise(name="江阴市另一家厂", scale="个体"))
    start_inspection(store, enterprise_id=other.id, officer_ids=officers, kind="日常", place="",
                     forms=forms_dir)

    h = inspections.history(store, ent.id)
    assert [r["id"] for r in h] == [new, old]
    assert (h[1]["status"], h[1]["failed_count"], h[1]["finding_count"], h[1]["major_count"]) == ("final", 2, 2, 1)
    assert (h[0]["status"], h[0]["failed_count"], h[0]["finding_count"]) == ("draft", 0, 0)
    assert h[0]["officer_names"] == ["张三", "李四"]

    d = inspections.drafts(store)
    assert {r["id"] for r in d} == {new} | {r["id"] for r in d if r["enterprise_id"] == other.id}
    assert len(d) == 2 and old not in [r["id"] for r in d]
    mine = next(r for r in d if r["id"] == new)
    assert mine["answered_count"] == 1 and mine["enterprise_name"] == ent.name
    inspections.discard_draft(store, new)
    assert new not in [r["id"] for r in inspections.drafts(store)]
    assert [r["id"] for r in inspections.history(store, ent.id)] == [old]
