"""An officer's inspection of a dust-explosion enterprise, start to printed record, through the UI."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_app.demo import create_demo_database
from inspector_app.core import settings as S
from inspector_app.storage import enterprises, findings, inspections, open_db, photos, settings, township
from inspector_app.demo import create_demo_database
from inspector_app.ui.inspection import window as ui
from inspector_app.ui.inspection.finalise_dialog import FinaliseDialog
from inspector_app.ui.inspection.inspections_list import InspectionsWidget
from inspector_app.ui.inspection.start_dialog import StartInspectionDialog
from inspector_app.ui.documents.pdf_view import PdfPreviewDialog

LEFT = Qt.MouseButton.LeftButton  # tests click the real buttons, as an officer would

pytestmark = pytest.mark.e2e


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.calendar
def test_inspection_day(qtbot, tmp_path, monkeypatch):
    store = open_db(create_demo_database(tmp_path / "d.sqlite", enterprises=60))
    try:
        _walk(qtbot, store, tmp_path, monkeypatch)
    finally:
        for win in list(ui._open_windows.values()):
            win.close()
        store.close()


def _walk(qtbot, store, tmp_path, monkeypatch):
    dust_id = store.conn.execute(
        "SELECT id FROM enterprise WHERE risk_tags LIKE '%|粉尘涉爆|%' AND deleted = 0 ORDER BY name"
    ).fetchone()[0]
    ent = enterprises.get(store, dust_id)
    assert "粉尘涉爆" in ent.risk_tags
    officers = township.list_officers(store)[:2]
    settings.put(store, S.CURRENT_OFFICER, officers[0].id)

    # Start: the current officer is pre-checked, a second one is added.
    start = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(start)
    assert not start.ok_button.isEnabled()
    start.officers.set_checked([o.id for o in officers])
    qtbot.mouseClick(start.ok_button, LEFT)
    iid = start.inspection_id
    assert iid

    # The on-site window holds the dust checklist (第十一条 items, major).
    win = ui.open_inspection_window(store, iid)
    qtbot.waitExposed(win)
    dust_keys = [k for k in win.model.keys() if k.startswith("dust_explosion:")]
    assert dust_keys
    dust_items = [win.session.item(k) for k in dust_keys]
    assert any("第十一条" in it.basis and it.is_major for it in dust_items)
    major = next(it for it in dust_items if "第十一条" in it.basis and it.is_major)

    # The first three items by keyboard; the rest through storage (fast), except the dust item.
    first = win.model.keys()[:3]
    assert win.current_key() == first[0]
    expected = {}
    for _ in first:
        if win.session.item(win.current_key()).kind == "choice":
            expected[win.current_key()] = "符合"
            qtbot.keyClick(win.tree, Qt.Key.Key_1)
        else:
            expected[win.current_key()] = "不适用"
            qtbot.keyClick(win.tree, Qt.Key.Key_X)
    assert list(expected) == first  # each key press moved on to the next item
    answers = inspections.open_inspection(store, iid).answers
    assert {key: answers[key].answer for key in first} == expected
    session = inspections.open_inspection(store, iid)
    for it in session.items():
        if it.key in first or it.key == major.key or it.kind == "text":
            continue
        if it.kind == "choice":
            inspections.record_answer(store, iid, it.key, answer="符合")
        else:
            ok = it.limit_min if it.limit_min is not None else it.limit_max
            inspections.record_answer(store, iid, it.key, value_num=ok)
    # The window was open meanwhile: reopen it on the fresh data, as after a crash.
    win.close()
    win = ui.open_inspection_window(store, iid)
    assert win.current_key() == major.key  # the only unanswered item
    assert win.progress.value() == win.progress.maximum() - 1

    # Fail the major dust item with the keyboard, describe it, photograph it.
    qtbot.keyClick(win.tree, Qt.Key.Key_2)
    win.select_key(major.key)
    win.panel.note.insertPlainText("打磨车间设在三层框架外砖混楼内，二层为员工宿舍")
    photo = tmp_path / "dust.jpg"
    Image.new("RGB", (800, 600), (160, 80, 40)).save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(win.panel.photos.add_button, LEFT)
    win.onsite_person.insert("陈立")
    win.onsite_person_title.insert("厂长")
    assert win.progress.value() == win.progress.maximum()

    # Finalise: the proposed finding is 重大; the record is issued and previewed.
    def drive(dlg: FinaliseDialog):
        editor = dlg.editor_for(major.key)
        assert editor.grade.currentData() == "重大"
        qtbot.mouseClick(dlg.ok_button, LEFT)
        return dlg.result()

    previews = []
    monkeypatch.setattr(FinaliseDialog, "exec", drive)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previews.append(self.pdf_bytes) or 0)
    with qtbot.waitSignal(win.inspection_finalised):
        qtbot.mouseClick(win.finalise_button, LEFT)

    rows = findings.findings_for_inspection(store, iid)
    assert [(r["item_key"], r["grade"]) for r in rows] == [(major.key, "重大")]
    assert rows[0]["major_ref"] == major.major_ref
    assert photos.photos_for(store, finding_id=rows[0]["id"])  # the item's photo is its evidence
    assert win.read_only

    assert len(previews) == 1
    text = _flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(previews[0])).pages))
    assert "现场检查记录" in text
    assert _flat(ent.name) in text
    for o in officers:
        assert o.cert_no and o.cert_no in text
    wording = inspections.finding_sentence(major)  # 不符合“…”的要求
    assert _flat(wording.split("“", 1)[1].split("”", 1)[0]) in text
    assert "陈立" in text and "重大事故隐患" in text

    # The day's list shows it as done, not as a draft.
    widget = InspectionsWidget(store)
    qtbot.addWidget(widget)
    assert widget.drafts_box.isHidden()
    assert [r["id"] for r in widget.recent_model.rows] == [iid]
    assert widget.recent_model.rows[0]["major_count"] == 1
