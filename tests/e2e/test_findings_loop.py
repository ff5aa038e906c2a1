"""A finding's whole life on the demo township, driven through the dialogs an officer uses:

inspection with one failed major item → 重大事故隐患 → 现场处理措施决定书 and 责令限期整改指令书
(served on the spot) → 挂牌督办 → re-inspection fails with a new deadline (整改复查意见书) →
五到位 → rectified → re-inspection passes (second 复查意见书) → 摘牌 → 销号.

Each printed PDF is read back (pypdf) for the required wording, its number and the deadlines.
"""

import io
import re
from datetime import date, datetime, time, timedelta

import pytest
from pypdf import PdfReader

from inspector_app import paths
from inspector_app.demo import create_demo_database
from inspector_app.storage import documents, findings, inspections, open_db, township
from inspector_app.storage.photos import add_photo, photos_for
from PySide6.QtWidgets import QDialogButtonBox

from inspector_app.core import clock
from inspector_app.ui.documents.issue_dialog import IssueDocumentDialog
from inspector_app.ui.documents.register import DocumentRegisterWidget
from inspector_app.ui.findings.list_widget import FindingsWidget
from inspector_app.ui.findings.reinspection import ReinspectionDialog
from inspector_app.ui.widgets.date_note import DateNoteDialog
from inspector_app.ui.widgets.dates import to_qdate
from tests.fixtures.ui_hands import click, drive, patch_modals

pytestmark = [pytest.mark.e2e, pytest.mark.calendar]

T = clock.today()


def ago(n: int) -> date:
    return T - timedelta(days=n)


def cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 110, 100)).save(out, "JPEG")
    return out.getvalue()


def passing_value(item):
    for v in (1, 0, 2, 5, 10, 50, 100, 1000, 0.5):
        if not item.fails(v):
            return v
    raise AssertionError(f"no passing value for {item.key}")


def inspect_with_one_major_failure(store, enterprise_id, officer_ids) -> tuple[str, str]:
    """A finalised inspection, 30 days ago, failing one 粉尘防爆 major item; returns (inspection, item)."""
    started = datetime.combine(ago(30), time(9, 0))
    iid = inspections.start_inspection(store, enterprise_id=enterprise_id, officer_ids=officer_ids,
                                       started_at=started)
    session = inspections.open_inspection(store, iid)
    failing = next(it for it in session.items() if it.key.startswith("dust_explosion:") and it.major_ref)
    for it in session.items():
        if it.key == failing.key:
            inspections.record_answer(store, iid, it.key, answer="不符合", note="布袋除尘器未设置泄爆片")
        elif it.kind == "choice":
            inspections.record_answer(store, iid, it.key, answer="符合")
        elif it.kind == "number":
            inspections.record_answer(store, iid, it.key, value_num=passing_value(it))
    if failing.on_fail.require_photo:
        add_photo(store, jpeg(), inspection_id=iid, item_key=failing.key, kind="问题",
                  photos_root=paths.photos_dir(store.path))
    inspections.finalise(store, iid, findings=[{"item_key": failing.key}],
                         ended_at=datetime.combine(ago(30), time(11, 0)))
    return iid, failing.key


def test_major_finding_from_inspection_to_closure(qtbot, tmp_path, monkeypatch):
    shown = patch_modals(monkeypatch)

    store = open_db(create_demo_database(tmp_path / "d.sqlite", enterprises=60))
    ent = store.conn.execute("SELECT id, name FROM enterprise WHERE deleted = 0 AND risk_tags LIKE '%|粉尘涉爆|%' "
                             "ORDER BY py_full LIMIT 1").fetchone()
    officers = township.list_officers(store)[:2]

    # -- the inspection registers a major finding ----------------------------------------------
    iid, _item_key = inspect_with_one_major_failure(store, ent[0], [o.id for o in officers])
    (finding,) = findings.findings_for_inspection(store, iid)
    fid = finding["id"]
    assert finding["grade"] == "重大" and finding["major_ref"].startswith("应急管理部令第10号 第十一条")
    assert finding["state"] == "registered" and finding["found_on"] == ago(30).isoformat()

    w = FindingsWidget(store)
    qtbot.addWidget(w)
    w.show()
    w.grade.setCurrentIndex(w.grade.findData(True))
    assert [w.model.id_at(r) for r in range(w.model.rowCount())] == [fid]
    w.view.selectRow(0)
    click(qtbot, w.open_button)
    dlg = w.finding_dialog
    assert dlg.finding_id == fid and dlg.isVisible()
    assert dlg.before_photos.count() == 1  # the inspection's photo is the "before" evidence
    issued = []

    # -- 现场处理措施决定书, handed over on the spot ---------------------------------------------
    def measures(d):
        d.issued_on.setDate(to_qdate(ago(30)))
        assert d.editor.inspected_edit.date() == to_qdate(ago(30))
        d.service_box.setChecked(True)
        d.service_box.served_at.setDateTime(datetime.combine(ago(30), time(11, 20)))
        d.editor.scope.setText("除尘系统所在的抛丸车间")  # a suspension carries its scope
        click(qtbot, d.issue_button)
        issued.append(d.document)

    drive(monkeypatch, IssueDocumentDialog, measures)
    click(qtbot, dlg.measures_button)
    onsite = issued[-1]
    assert onsite and findings.get_finding(store, fid)["state"] == "registered"

    # -- 责令限期整改指令书 with the item's deadline, served on the spot -------------------------
    def order(d):
        d.issued_on.setDate(to_qdate(ago(30)))
        d.editor.set_item_deadline(0, ago(16))
        d.service_box.setChecked(True)
        d.service_box.served_at.setDateTime(datetime.combine(ago(30), time(11, 30)))
        click(qtbot, d.issue_button)
        issued.append(d.document)

    drive(monkeypatch, IssueDocumentDialog, order)
    click(qtbot, dlg.order_button)
    rect = issued[-1]
    f = findings.get_finding(store, fid)
    assert (f["state"], f["deadline"]) == ("rectifying", ago(16).isoformat())
    assert not dlg.order_button.isEnabled() and dlg.reinspect_button.isEnabled()  # the dialog followed

    # -- 挂牌督办 -------------------------------------------------------------------------------
    dlg.tabs.setCurrentWidget(dlg.listing_page)
    listing = dlg.listing_page
    listing.fields["listing_body"].setText("江阴市安全生产委员会办公室")
    listing.fields["listing_doc_no"].setText("澄安委办〔2026〕3号")
    listing.fields["listed_on"].setDate(to_qdate(ago(29)))
    listing.fields["listing_deadline"].setDate(to_qdate(T + timedelta(days=60)))
    click(qtbot, listing.list_button)
    assert findings.get_finding(store, fid)["listed"], dlg.message.text()

    # -- re-inspection fails: a new deadline, the first 整改复查意见书 -----------------------------
    opinions = []

    def fails(r):
        assert r.order["doc_no"] == rect["doc_no"]
        r.date.setDate(to_qdate(ago(15)))
        r.set_result(0, "未整改", note="泄爆片尚未安装", new_deadline=ago(5))
        click(qtbot, r.ok_button)
        opinions.append(r.document)

    drive(monkeypatch, ReinspectionDialog, fails)
    click(qtbot, dlg.reinspect_button)
    opinion1 = opinions[-1]
    f = findings.get_finding(store, fid)
    assert (f["state"], f["deadline"]) == ("rectifying", ago(5).isoformat())
    assert dlg.reinspect_button.isEnabled() and not dlg.close_button.isEnabled()

    # -- 五到位, the enterprise reports the work done -------------------------------------------
    dlg.tabs.setCurrentWidget(dlg.five_page)
    five = dlg.five_page
    five.fields["five_measures"].setPlainText("布袋除尘器加装泄爆片并导向室外安全区域")
    five.fields["five_responsible"].setText("设备科 张强")
    qtbot.keyClicks(five.fields["five_funds"], "18000")
    five.fields["five_deadline"].set_value(ago(5))
    five.fields["five_contingency"].setPlainText("改造期间停止打磨作业，现场配备灭火器材")
    click(qtbot, five.save_button)
    assert findings.events(store, fid)[-1]["kind"] == "five", dlg.message.text()

    def date_note(value, note):
        def driver(d):
            d.date.setDate(to_qdate(value))
            d.note.setText(note)
            click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok))
        return driver

    drive(monkeypatch, DateNoteDialog, date_note(ago(6), "泄爆片已安装"))
    click(qtbot, dlg.rectified_button)
    assert findings.get_finding(store, fid)["state"] == "awaiting_reinspection"

    # -- re-inspection passes: the second opinion; closing waits for the de-listing -------------
    after = tmp_path / "after.jpg"
    after.write_bytes(jpeg())
    problems = []

    def passes(r):
        assert r.order["doc_no"] == rect["doc_no"]  # still cites the original order
        r.date.setDate(to_qdate(ago(3)))
        r.set_result(0, "已整改", note="泄爆片已安装到位")
        r.add_photos(fid, [str(after)])
        assert r.close_passed.isChecked()
        click(qtbot, r.ok_button)
        opinions.append(r.document)
        problems.extend(r.close_errors)

    drive(monkeypatch, ReinspectionDialog, passes)
    click(qtbot, dlg.reinspect_button)
    opinion2 = opinions[-1]
    assert findings.get_finding(store, fid)["state"] == "passed"
    assert dlg.after_photos.count() == 1 and dlg.before_photos.count() == 1
    assert [p["kind"] for p in photos_for(store, finding_id=fid)] == ["问题", "复查"]
    assert any("摘牌" in e for e in problems)
    assert shown[-2][0] == "warn"  # the officer is told why it is not closed yet

    dlg.tabs.setCurrentWidget(dlg.listing_page)
    listing.delist_on.setDate(to_qdate(ago(3)))
    listing.delist_note.setText("复查合格")
    click(qtbot, listing.delist_button)
    drive(monkeypatch, DateNoteDialog, date_note(ago(3), "整改完毕，予以销号"))
    click(qtbot, dlg.close_button)
    f = findings.get_finding(store, fid)
    assert (f["state"], f["closed_on"], f["listed"]) == ("closed", ago(3).isoformat(), 0)
    kinds = [e["kind"] for e in findings.events(store, fid)]
    assert kinds == ["registered", "order", "serve", "listed", "reinspection_failed", "serve", "five",
                     "rectified", "reinspection_passed", "delisted", "close"]
    assert dlg.documents_model.rowCount() == 4  # 现决, 责改 (the inspection's) and both opinions

    # -- the printed documents -------------------------------------------------------------------
    pdfs = {title: data for title, data in shown if title not in ("warn", "failure", "critical")}
    assert set(pdfs) == {f"{d['title']} {d['doc_no']}" for d in (onsite, rect, opinion1, opinion2)}

    text = pdf_text(pdfs[f"现场处理措施决定书 {onsite['doc_no']}"])
    for needed in ("安全生产行政执法文书", "现场处理措施决定书", onsite["doc_no"], ent[1], "布袋除尘器未设置泄爆片",
                   "责令从危险区域内撤出作业人员", "责令暂时停产停业", "第六十五条", "江阴市人民政府",
                   "不停止执行", "江阴市应急管理局", cn(ago(30))):
        assert needed in text, needed

    text = pdf_text(pdfs[f"责令限期整改指令书 {rect['doc_no']}"])
    for needed in ("责令限期整改指令书", rect["doc_no"], ent[1], "布袋除尘器未设置泄爆片", f"{cn(ago(16))}前",
                   "整改完毕", "60日内", "6个月内", "一式两份", officers[0].cert_no):
        assert needed in text, needed

    text = pdf_text(pdfs[f"整改复查意见书 {opinion1['doc_no']}"])
    for needed in ("整改复查意见书", opinion1["doc_no"], rect["doc_no"], cn(ago(30)), "责令限期整改",
                   "未整改", f"于{cn(ago(5))}前整改完毕"):
        assert needed in text, needed

    text = pdf_text(pdfs[f"整改复查意见书 {opinion2['doc_no']}"])
    for needed in ("整改复查意见书", opinion2["doc_no"], rect["doc_no"], "已整改", "符合要求"):
        assert needed in text, needed
    assert opinion1["doc_no"] != opinion2["doc_no"]

    # -- the register holds every number, all valid and served -----------------------------------
    reg = DocumentRegisterWidget(store)
    qtbot.addWidget(reg)
    entries = []
    for year in sorted({ago(30).year, ago(3).year}):  # the loop may cross new year
        reg.year.setValue(year)
        entries += reg.model.entries
    assert {e["doc_no"] for e in entries} == {onsite["doc_no"], rect["doc_no"], opinion1["doc_no"],
                                              opinion2["doc_no"]}
    assert all(e["status_label"] == "有效" and e["served_at"] for e in entries)
    assert documents.numbering_gaps(store) == []
    store.close()
