"""A file database with every kind of legal record: a finalised inspection (answers, evidence
photos, findings), its issued 现场检查记录 and a rectification order."""

from __future__ import annotations

import io

from PIL import Image

from inspector_app import paths
from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise
from inspector_app.core.township import Officer, TownshipSetup
from inspector_app.storage import enterprises, inspections, open_db, photos, township
from inspector_app.storage.inspection_record import issue_inspection_record

FORM = """
id = "trust_form"
version = 1
title = "可信记录测试检查表"
description = "单元测试用"
basis = "测试依据"
applies = { always = true }
deadline_days = 15

[[sections]]
title = "一、现场"

[[sections.items]]
id = "exit"
question = "安全出口畅通"
basis = "测试依据"
category = "物"
kind = "choice"
on_fail = { require_description = true, require_photo = true }
suggestion = "清理出口。"

[[sections.items]]
id = "rules"
question = "建立安全生产责任制"
basis = "测试依据"
category = "管理"
kind = "choice"
suggestion = "建立制度。"
"""


def jpeg(color=(200, 40, 40)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buf, "JPEG")
    return buf.getvalue()


def make_store(path):
    s = open_db(path, device="A1", create=True)
    township.apply_setup(s, TownshipSetup(
        authority_name="江阴市应急管理局", authority_abbr="澄", review_government="江阴市人民政府",
        court="江阴市人民法院", township="周庄镇", device_code="A1", villages=["华宏村"],
        officers=[Officer(name="张三", cert_no="32000001"), Officer(name="李四", cert_no="32000002")]))
    return s


def finalised_inspection(s, forms_dir, *, name="江阴市华明机械配件厂", body8="MA1X2Y3W") -> dict:
    ent = enterprises.save(s, Enterprise(
        name=name, uscc=uscc.make("91", "320281", body8=body8), address="江阴市周庄镇华宏村8号",
        legal_rep="王建国", sector="机械", scale="小微", employees=12))
    officer_ids = [o.id for o in township.list_officers(s)]
    iid = inspections.start_inspection(s, enterprise_id=ent.id, officer_ids=officer_ids, forms=forms_dir,
                                       started_at="2026-03-05T09:30:00")
    inspections.record_answer(s, iid, "trust_form:exit", answer="不符合", note="安全出口堆放货物")
    inspections.record_answer(s, iid, "trust_form:rules", answer="符合")
    root = paths.photos_dir(s.path)
    pid = photos.add_photo(s, jpeg(), inspection_id=iid, item_key="trust_form:exit", kind="问题", photos_root=root)
    inspections.update_header(s, iid, onsite_person="陈立", witness="周红", place="生产车间",
                              purpose="日常检查")
    for a in inspections.open_inspection(s, iid).items():
        if a.form_id == "obligations":
            inspections.record_answer(s, iid, a.key, answer="符合")
    (fid,) = inspections.finalise(s, iid, ended_at="2026-03-05T11:05:00", findings=[{"item_key": "trust_form:exit"}])
    record = issue_inspection_record(s, iid)
    return {"enterprise_id": ent.id, "inspection_id": iid, "photo_id": pid, "finding_id": fid,
            "record": record, "officer_ids": officer_ids}


