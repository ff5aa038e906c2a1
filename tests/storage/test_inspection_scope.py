"""The inspection records its scope: a focused start freezes the focused checklist, the scope
cannot change once final, and the 现场检查记录 says which was done."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from inspector_app.core.enterprise import Enterprise
from inspector_app.reports.pdf_documents import render_document
from inspector_app.storage import enterprises, inspections
from inspector_app.storage.inspection_record import build_record_content, issue_inspection_record
from tests.storage.test_inspection_record import ent, forms_dir, officer_ids, store  # noqa: F401 (fixtures)


def _finish(store, iid):
    session = inspections.open_inspection(store, iid)
    for it in session.items():
        if it.kind == "choice":
            inspections.record_answer(store, iid, it.key, answer="符合")
        elif it.kind == "number":
            inspections.record_answer(store, iid, it.key, value_num=1)
    inspections.finalise(store, iid, ended_at="2026-03-05T11:05:00", findings=[])


@pytest.mark.parametrize("scope, printed", [("focused", "重点检查"), ("full", "全面检查")])
def test_scope_is_frozen_and_printed(store, ent, officer_ids, forms_dir, scope, printed):  # noqa: F811
    iid = inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=officer_ids, forms=forms_dir,
                                       started_at="2026-03-05T09:30:00", scope=scope)
    session = inspections.open_inspection(store, iid)
    assert session.scope == scope
    test_items = [it.key for it in session.items() if it.form_id == "rec_form"]
    if scope == "focused":
        assert test_items == ["rec_form:major"]  # the one major item; the form applies to all
    else:
        assert len(test_items) == 5
    _finish(store, iid)
    content = build_record_content(store, iid)
    n = sum(1 for it in session.items() if it.kind != "text")
    assert content["scope"].startswith(printed) and f"共{n}项" in content["scope"]
    doc = issue_inspection_record(store, iid)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_document(store, doc["id"]))).pages)
    assert "检查范围：" + printed in re.sub(r"\s+", "", text)


def test_sizes_for_the_start_dialog(store):  # noqa: F811
    shop = enterprises.save(store, Enterprise(name="江阴某抛光店", scale="个体", employees=7, sector="机械",
                                              risk_tags=["粉尘涉爆"]))
    sizes = inspections.checklist_sizes(store, shop.id)
    assert sizes["focused"] < 40 < 80 < sizes["full"]


def test_unknown_scope_is_refused(store, ent, officer_ids):  # noqa: F811
    with pytest.raises(ValueError, match="检查范围"):
        inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=officer_ids, scope="half")
