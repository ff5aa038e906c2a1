"""The on-site inspection screens, driven with the keyboard and the mouse (real key presses and
button clicks, so a disconnected button fails) and checked against the database."""

from __future__ import annotations


import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from inspector_app.core import settings as S
from inspector_app.core.documents import DEFAULT_PURPOSE
from inspector_app.storage import findings, inspections, photos, settings, township
from inspector_app.storage.inspection_record import current_record
from inspector_app.ui.inspection import window as ui
from inspector_app.ui.inspection.camera import camera_available
from inspector_app.ui.inspection.finalise_dialog import FinaliseDialog
from inspector_app.ui.inspection.history import EnterpriseInspectionsPage
from inspector_app.ui.inspection.inspections_list import InspectionsWidget
from inspector_app.ui.inspection.start_dialog import StartInspectionDialog
from inspector_app.ui.inspection.window import InspectionWindow
from inspector_app.ui.documents.pdf_view import PdfPreviewDialog

LEFT = Qt.MouseButton.LeftButton  # tests click the real buttons, as an officer would

DUST = "存在粉尘爆炸危险的工贸企业重大事故隐患检查表"


@pytest.fixture
def store(demo_db):
    return demo_db


@pytest.fixture(autouse=True)
def close_windows():
    yield
    for win in list(ui._open_windows.values()):
        win.close()


@pytest.fixture
def dust_id(store):
    return store.conn.execute(
        "SELECT id FROM enterprise WHERE risk_tags LIKE '%|粉尘涉爆|%' AND deleted = 0 ORDER BY name"
    ).fetchone()[0]


@pytest.fixture
def officer_ids(store):
    return [o.id for o in township.list_officers(store)]


@pytest.fixture
def draft(store, dust_id, officer_ids):
    return inspections.start_inspection(store, enterprise_id=dust_id, officer_ids=officer_ids[:2])


@pytest.fixture
def no_modals(monkeypatch):
    """Record message boxes and record previews instead of blocking on them."""
    shown = {"warnings": [], "previews": []}
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown["warnings"].append(text))
    monkeypatch.setattr(PdfPreviewDialog, "exec",
                        lambda self: shown["previews"].append((self.title, self.page_count())) or 0)
    return shown


def answer_row(store, iid, key):
    return store.conn.execute(
        "SELECT answer, value_num, value_text, note FROM inspection_answer "
        "WHERE inspection_id = ? AND item_key = ?", [iid, key]).fetchone()


def answer_rest(store, iid, *, skip=()):
    """Answer every item compliantly through storage (fast), except ``skip``."""
    session = inspections.open_inspection(store, iid)
    for it in session.items():
        if it.key in skip or it.kind == "text":
            continue
        if it.kind == "choice":
            inspections.record_answer(store, iid, it.key, answer="符合")
        else:
            ok = it.limit_min if it.limit_min is not None else it.limit_max
            inspections.record_answer(store, iid, it.key, value_num=ok)


def make_window(qtbot, store, iid) -> InspectionWindow:
    win = InspectionWindow(store, iid)
    qtbot.addWidget(win)
    win.show()
    return win


def choice_run(win, n=3) -> list[str]:
    """n consecutive choice items."""
    keys = win.model.keys()
    kinds = [win.session.item(k).kind for k in keys]
    for i in range(len(keys) - n):
        if all(k == "choice" for k in kinds[i:i + n]):
            return keys[i:i + n]
    raise AssertionError("no run of choice items")


def jpeg(tmp_path, name="p.jpg", color=(200, 40, 40)):
    path = tmp_path / name
    Image.new("RGB", (400, 300), color).save(path, "JPEG")
    return str(path)


# --------------------------------------------------------------------------------------------
# Start


def test_start_dialog_needs_two_officers(qtbot, store, dust_id, officer_ids):
    settings.put(store, S.CURRENT_OFFICER, officer_ids[1])
    dlg = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(dlg)
    assert dlg.officers.checked_ids() == [officer_ids[1]]  # the current officer is pre-checked
    assert not dlg.ok_button.isEnabled()
    assert "at least two officers" in dlg.officer_message.text()
    dlg.officers.set_checked(officer_ids[:2])
    assert dlg.ok_button.isEnabled() and dlg.officer_message.isHidden()
    ent_address = store.conn.execute("SELECT address FROM enterprise WHERE id = ?", [dust_id]).fetchone()[0]
    assert dlg.place.text() == ent_address
    assert dlg.purpose.toPlainText() == DEFAULT_PURPOSE
    dlg.kind.setCurrentIndex(dlg.kind.findData("四不两直"))
    with qtbot.waitSignal(dlg.inspection_started) as started:
        qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted
    row = store.conn.execute("SELECT enterprise_id, kind, place, purpose, officer_ids, status "
                             "FROM inspection WHERE id = ?", [started.args[0]]).fetchone()
    assert row[:4] == (dust_id, "四不两直", ent_address, DEFAULT_PURPOSE)
    assert set(eval(row[4])) == set(officer_ids[:2]) and row[5] == "draft"


def test_start_dialog_explains_missing_officers(qtbot, store, dust_id, officer_ids):
    for o in township.list_officers(store)[1:]:
        o.active = False
        township.save_officer(store, o)
    dlg = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(dlg)
    dlg.officers.set_checked(officer_ids)
    assert "Only 1 active officer" in dlg.officer_message.text()
    assert not dlg.ok_button.isEnabled()


def test_start_dialog_mentions_an_open_draft(qtbot, store, dust_id, draft):
    dlg = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(dlg)
    assert not dlg.draft_note.isHidden() and "unfinished" in dlg.draft_note.text()


# --------------------------------------------------------------------------------------------
# The checklist window


def test_checklist_model(qtbot, qtmodeltester, store, draft):
    win = make_window(qtbot, store, draft)
    qtmodeltester.check(win.model)
    session = inspections.open_inspection(store, draft)
    assert win.model.keys() == [it.key for it in session.items()]
    assert DUST in [win.model.data(win.model.index(r, 0)) for r in range(win.model.rowCount())]
    major = next(it for it in session.items() if it.is_major)
    idx = win.model.index_of_key(major.key)
    assert win.model.data(idx.siblingAtColumn(2)) == "Major"
    assert win.progress.value() == 0 and win.progress.maximum() == len(session.unanswered())


def test_keys_answer_save_and_move(qtbot, store, draft):
    win = make_window(qtbot, store, draft)
    a, b, c = choice_run(win)
    win.select_key(a)
    qtbot.keyClick(win.tree, Qt.Key.Key_1)
    assert answer_row(store, draft, a)[0] == "符合"
    assert win.current_key() == b
    qtbot.keyClick(win.tree, Qt.Key.Key_N)
    assert answer_row(store, draft, b)[0] == "不符合"
    assert win.current_key() == c
    assert win.panel.answer_buttons["不符合"].isChecked() is False  # c is still unanswered
    qtbot.keyClick(win.tree, Qt.Key.Key_3)
    assert answer_row(store, draft, c)[0] == "不适用"
    qtbot.keyClick(win.tree, Qt.Key.Key_K)
    assert win.current_key() == c
    qtbot.keyClick(win.tree, Qt.Key.Key_Up)
    assert win.current_key() == b
    assert win.panel.answer_buttons["不符合"].isChecked()
    assert not win.panel.requirement.isHidden()  # "describe the problem…"
    qtbot.keyClick(win.tree, Qt.Key.Key_J)
    qtbot.keyClick(win.tree, Qt.Key.Key_Down)
    assert win.current_key() == win.model.keys()[win.model.keys().index(c) + 1]
    win.select_key(a)
    qtbot.keyClick(win.tree, Qt.Key.Key_Delete)
    assert answer_row(store, draft, a)[0] is None
    assert win.progress.value() == 2
    idx = win.model.index_of_key(b)
    assert win.model.data(idx.siblingAtColumn(1)) == "Not compliant"


def test_answer_buttons_save_too(qtbot, store, draft):
    win = make_window(qtbot, store, draft)
    a, b, _c = choice_run(win)
    win.select_key(a)
    qtbot.mouseClick(win.panel.answer_buttons["符合"], LEFT)
    assert answer_row(store, draft, a)[0] == "符合" and win.current_key() == b


def test_number_item_takes_a_value(qtbot, store, draft):
    win = make_window(qtbot, store, draft)
    key = next(k for k in win.model.keys() if win.session.item(k).kind == "number")
    item = win.session.item(key)
    win.select_key(key)
    qtbot.keyClick(win.tree, Qt.Key.Key_1)  # not for numbers: the value editor takes over
    assert answer_row(store, draft, key) is None
    assert win.panel.value.hasFocus() or win.focusWidget() is win.panel.value
    bad = (item.limit_min - 1) if item.limit_min is not None else (item.limit_max + 1)
    win.panel.value.setText(f"{bad:g}")
    qtbot.keyClick(win.panel.value, Qt.Key.Key_Return)
    assert answer_row(store, draft, key)[:2] == ("不符合", bad)
    assert win.current_key() != key
    assert f"{bad:g}{item.unit}" in win.model.data(win.model.index_of_key(key).siblingAtColumn(1))


def test_note_autosaves_while_typing(qtbot, store, draft):
    win = make_window(qtbot, store, draft)
    a, b, _c = choice_run(win)
    win.select_key(a)
    qtbot.keyClicks(win.panel.note, "dust 2mm")  # QTest types Latin-1 only
    win.panel.note.insertPlainText("积尘")
    qtbot.waitUntil(lambda: (answer_row(store, draft, a) or (None,) * 4)[3] == "dust 2mm积尘")
    # Moving on writes at once, without waiting for the timer.
    win.select_key(b)
    win.panel.note.insertPlainText("未见清扫记录")
    win.go_next()
    assert answer_row(store, draft, b)[3] == "未见清扫记录"
    win.select_key(a)
    assert win.panel.note.toPlainText() == "dust 2mm积尘"


def test_header_autosaves(qtbot, store, draft):
    win = make_window(qtbot, store, draft)
    qtbot.keyClicks(win.onsite_person, "Chen")
    win.onsite_person.insert("立")
    qtbot.waitUntil(lambda: inspections.open_inspection(store, draft).onsite_person == "Chen立")
    win.refused.setChecked(True)  # saved at once
    assert inspections.open_inspection(store, draft).refused_to_sign is True
    assert win.refusal_note.isEnabled()
    win.refusal_note.insert("拒绝签字")
    win.close()  # closing flushes what the timer has not written yet
    assert inspections.open_inspection(store, draft).refusal_note == "拒绝签字"


def test_photos_per_item_and_per_inspection(qtbot, store, draft, tmp_path, monkeypatch):
    win = make_window(qtbot, store, draft)
    a, _b, _c = choice_run(win)
    win.select_key(a)
    qtbot.keyClick(win.tree, Qt.Key.Key_2)
    win.select_key(a)
    assert win.panel.photos.kind.currentData() == "问题"  # a failed item: problem photo
    picked = [jpeg(tmp_path)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kw: (picked, ""))
    qtbot.mouseClick(win.panel.photos.add_button, LEFT)
    rows = photos.photos_for(store, inspection_id=draft)
    assert [(p["item_key"], p["kind"]) for p in rows] == [(a, "问题")]
    assert photos.photo_path(win.panel.photos.root, rows[0]["sha256"]).is_file()
    assert win.panel.photos.list.count() == 1 and not win.panel.photos.list.isHidden()
    assert not win.panel.photos.list.item(0).icon().isNull()

    picked[:] = [jpeg(tmp_path, "site.jpg", (20, 120, 20))]
    qtbot.mouseClick(win.inspection_photos.add_button, LEFT)
    rows = photos.photos_for(store, inspection_id=draft)
    assert sorted(p["item_key"] for p in rows) == ["", a]
    assert win.inspection_photos.list.count() == 1

    picked[:] = [str(tmp_path / "missing.jpg")]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: warnings.append(args[2]))
    qtbot.mouseClick(win.inspection_photos.add_button, LEFT)
    assert warnings and "missing.jpg" in warnings[0]
    win.inspection_photos.remove(win.inspection_photos.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert win.inspection_photos.list.count() == 0
    assert not win.inspection_photos.camera_button.isVisible() or camera_available()


# --------------------------------------------------------------------------------------------
# Finalise


def _major_dust_item(win):
    return next(k for k in win.model.keys()
                if k.startswith("dust_explosion:") and win.session.item(k).is_major)


def test_finalise_with_a_failed_major_item(qtbot, store, draft, tmp_path, monkeypatch, no_modals):
    session = inspections.open_inspection(store, draft)
    major = next(it for it in session.items() if it.form_id == "dust_explosion" and it.is_major)
    answer_rest(store, draft, skip={major.key})
    win = make_window(qtbot, store, draft)
    assert win.current_key() == major.key  # the window opens on the first unanswered item
    qtbot.keyClick(win.tree, Qt.Key.Key_2)
    win.select_key(major.key)
    win.panel.note.insertPlainText("一楼打磨车间上方为员工宿舍")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([jpeg(tmp_path)], ""))
    qtbot.mouseClick(win.panel.photos.add_button, LEFT)

    def drive(dlg: FinaliseDialog):
        editor = dlg.editor_for(major.key)
        assert editor.grade.currentData() == "重大"  # preset from the item's major_ref
        assert major.major_ref in editor.major_label.text()
        assert "一楼打磨车间上方为员工宿舍" in editor.description.toPlainText()
        assert editor.deadline.date().toPython().isoformat() == \
            inspections.proposed_findings(dlg.session, dlg.found_on)[0]["deadline"]
        editor.grade.setCurrentIndex(editor.grade.findData("一般"))
        assert not editor.reason.isHidden()
        qtbot.mouseClick(dlg.ok_button, LEFT)  # a changed grade needs a reason: nothing is finalised
        assert dlg.finding_ids is None and "reason" in editor.message.text()
        assert inspections.open_inspection(store, draft).status == "draft"
        editor.grade.setCurrentIndex(editor.grade.findData("重大"))
        qtbot.mouseClick(dlg.add_button, LEFT)
        extra = dlg.editors[-1]
        assert extra.proposal is None
        extra.description.setPlainText("配电箱前堆放杂物")
        qtbot.mouseClick(dlg.ok_button, LEFT)
        return dlg.result()

    monkeypatch.setattr(FinaliseDialog, "exec", drive)
    with qtbot.waitSignal(win.inspection_finalised):
        qtbot.mouseClick(win.finalise_button, LEFT)

    rows = findings.findings_for_inspection(store, draft)
    by_key = {r["item_key"]: r for r in rows}
    assert by_key[major.key]["grade"] == "重大"
    assert by_key[major.key]["major_ref"] == major.major_ref
    assert "一楼打磨车间上方为员工宿舍" in by_key[major.key]["description"]
    assert by_key[""]["description"] == "配电箱前堆放杂物"
    assert inspections.open_inspection(store, draft).status == "final"

    # The record is issued and previewed; the window is read-only from now on.
    assert current_record(store, draft) is not None
    assert no_modals["previews"] and no_modals["previews"][0][0].startswith("现场检查记录")
    assert win.read_only and win.finalise_button.isHidden() and not win.record_button.isHidden()
    assert "final" in win.statusBar().currentMessage()  # the status bar says it is final
    assert not win.panel.answer_buttons["符合"].isEnabled()
    assert win.panel.note.isReadOnly() and win.onsite_person.isReadOnly()
    before = answer_row(store, draft, major.key)
    win.select_key(major.key)
    qtbot.keyClick(win.tree, Qt.Key.Key_1)
    assert answer_row(store, draft, major.key) == before
    assert win.current_key() == major.key


def test_finalise_jumps_to_unanswered(qtbot, store, draft, no_modals, monkeypatch):
    session = inspections.open_inspection(store, draft)
    keys = [it.key for it in session.items()]
    target = next(it.key for it in session.items() if it.kind == "choice" and it.key in keys[5:])
    answer_rest(store, draft, skip={target})
    win = make_window(qtbot, store, draft)
    win.select_key(keys[0])
    monkeypatch.setattr(FinaliseDialog, "exec", lambda self: pytest.fail("dialog opened"))
    qtbot.mouseClick(win.finalise_button, LEFT)
    assert win.current_key() == target
    assert no_modals["warnings"] and "not answered" in no_modals["warnings"][0]


def test_finalise_error_jumps_to_the_item(qtbot, store, draft, no_modals, monkeypatch):
    """A failed item that needs a photo has none: finalise() refuses; the window jumps there."""
    session = inspections.open_inspection(store, draft)
    needs_photo = next(it for it in session.items() if it.kind == "choice" and it.on_fail.require_photo)
    answer_rest(store, draft)
    inspections.record_answer(store, draft, needs_photo.key, answer="不符合", note="现场未见")
    win = make_window(qtbot, store, draft)
    win.select_key(win.model.keys()[0])

    def drive(dlg):
        qtbot.mouseClick(dlg.ok_button, LEFT)
        return dlg.result()

    monkeypatch.setattr(FinaliseDialog, "exec", drive)
    qtbot.mouseClick(win.finalise_button, LEFT)
    assert win.current_key() == needs_photo.key
    assert no_modals["warnings"] and "照片" in no_modals["warnings"][0]
    assert inspections.open_inspection(store, draft).status == "draft"
    assert not win.read_only


def test_finalise_dialog_needs_a_description(qtbot, store, draft):
    session = inspections.open_inspection(store, draft)
    item = next(it for it in session.items() if it.kind == "choice" and it.on_fail.require_description
                and not it.on_fail.require_photo)
    answer_rest(store, draft)
    inspections.record_answer(store, draft, item.key, answer="不符合")  # no note
    dlg = FinaliseDialog(store, draft)
    qtbot.addWidget(dlg)
    editor = dlg.editor_for(item.key)
    assert editor.grade.currentData() == ("重大" if item.is_major else "一般")
    qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.finding_ids is None and dlg.error is None
    assert "现场问题描述" in dlg.error_label.text() and not editor.message.isHidden()
    editor.description.setPlainText("安全培训记录缺三名新员工。")
    qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted and len(dlg.finding_ids) == 1


def test_final_inspection_opens_read_only(qtbot, store, draft, no_modals):
    answer_rest(store, draft)
    inspections.finalise(store, draft, findings=[])
    win = make_window(qtbot, store, draft)
    assert win.read_only and not win.banner.isHidden() and "read-only" in win.banner.text()
    assert win.finalise_button.isHidden() and not win.kind.isEnabled()
    key = win.model.keys()[0]
    win.select_key(key)
    before = answer_row(store, draft, key)
    for k in (Qt.Key.Key_2, Qt.Key.Key_Delete):
        qtbot.keyClick(win.tree, k)
    assert answer_row(store, draft, key) == before
    assert win.panel.photos.add_button.isHidden()
    qtbot.mouseClick(win.record_button, LEFT)
    assert no_modals["previews"] and current_record(store, draft) is not None


# --------------------------------------------------------------------------------------------
# Lists


@pytest.mark.calendar
def test_drafts_are_listed_to_resume(qtbot, qtmodeltester, store, dust_id, officer_ids, draft, monkeypatch):
    other = store.conn.execute("SELECT id FROM enterprise WHERE id != ? AND deleted = 0 LIMIT 1",
                               [dust_id]).fetchone()[0]
    second = inspections.start_inspection(store, enterprise_id=other, officer_ids=officer_ids[:2])
    done = inspections.start_inspection(store, enterprise_id=other, officer_ids=officer_ids[:2])
    answer_rest(store, done)
    inspections.finalise(store, done, findings=[])
    inspections.record_answer(store, draft, inspections.open_inspection(store, draft).forms[0]
                              .sections[0].items[0].key, answer="符合")

    widget = InspectionsWidget(store)
    qtbot.addWidget(widget)
    widget.show()
    qtmodeltester.check(widget.drafts_model)
    qtmodeltester.check(widget.recent_model)
    ids = [r["id"] for r in widget.drafts_model.rows]
    assert ids == [d["id"] for d in inspections.drafts(store)]  # last edited first
    assert set(ids) == {draft, second}
    assert not widget.drafts_box.isHidden() and "(2)" in widget.drafts_box.title()
    answered = {r["id"]: widget.drafts_model.data(widget.drafts_model.index(i, 3))
                for i, r in enumerate(widget.drafts_model.rows)}
    assert answered == {draft: "1", second: "0"}
    assert [r["id"] for r in widget.recent_model.rows] == [done]

    widget.drafts_view.selectRow(ids.index(second))
    qtbot.mouseClick(widget.resume_button, LEFT)
    assert second in ui._open_windows and ui._open_windows[second].isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    widget.drafts_view.selectRow(ids.index(draft))
    qtbot.mouseClick(widget.discard_button, LEFT)
    assert store.conn.execute("SELECT deleted FROM inspection WHERE id = ?", [draft]).fetchone()[0] == 1
    assert [r["id"] for r in widget.drafts_model.rows] == [second]


@pytest.mark.calendar
def test_new_inspection_from_the_module(qtbot, store, dust_id, officer_ids, monkeypatch):
    from inspector_app.ui.widgets.pickers import EnterprisePickerDialog

    def pick(self):
        self.chosen_id = dust_id
        return QDialog.DialogCode.Accepted

    def start(self):
        self.officers.set_checked(officer_ids[:2])
        qtbot.mouseClick(self.ok_button, LEFT)
        return self.result()

    monkeypatch.setattr(EnterprisePickerDialog, "exec", pick)
    monkeypatch.setattr(StartInspectionDialog, "exec", start)
    widget = InspectionsWidget(store)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.drafts_box.isHidden()
    qtbot.mouseClick(widget.new_button, LEFT)
    assert len(widget.drafts_model.rows) == 1
    new_id = widget.drafts_model.rows[0]["id"]
    win = ui._open_windows[new_id]
    # Answers in the window refresh the list (through the change bus).
    qtbot.keyClick(win.tree, Qt.Key.Key_1)
    assert widget.drafts_model.rows[0]["answered_count"] == 1
    # A hidden list is not reloaded on every key press; it catches up when shown again.
    widget.hide()
    qtbot.keyClick(win.tree, Qt.Key.Key_1)
    assert widget.drafts_model.rows[0]["answered_count"] == 1
    widget.show()
    assert widget.drafts_model.rows[0]["answered_count"] == 2


@pytest.mark.calendar
def test_enterprise_history_page(qtbot, qtmodeltester, store, dust_id, officer_ids, draft, no_modals):
    old = inspections.start_inspection(store, enterprise_id=dust_id, officer_ids=officer_ids[:2],
                                       started_at="2025-06-01T09:00:00")
    answer_rest(store, old)
    inspections.finalise(store, old, findings=[], ended_at="2025-06-01T10:00:00")
    page = EnterpriseInspectionsPage(store, dust_id)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert [r["id"] for r in page.model.rows] == [draft, old]  # newest first
    cols = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    status = cols.index("Status")
    assert [page.model.data(page.model.index(r, status)) for r in range(2)] == ["Draft", "Final"]
    assert page.model.data(page.model.index(1, 0)) == "2025-06-01 09:00"
    page.view.selectRow(0)
    assert "Resume" in page.open_button.text() and not page.record_button.isEnabled()
    page.view.selectRow(1)
    assert "read-only" in page.open_button.text() and page.record_button.isEnabled()
    qtbot.mouseClick(page.open_button, LEFT)
    assert ui._open_windows[old].read_only
    qtbot.mouseClick(page.record_button, LEFT)
    assert no_modals["previews"] and current_record(store, old) is not None


@pytest.mark.calendar
def test_window_opened_from_a_modal_dossier_outlives_it(qtbot, store, dust_id, draft):
    """From a page inside the (modal) enterprise dialog the dialog closes and the window is
    parented to the dialog's owner, so closing the dossier does not take the window with it."""
    from PySide6.QtWidgets import QMainWindow, QVBoxLayout

    main = QMainWindow()
    qtbot.addWidget(main)
    dossier = QDialog(main)
    page = EnterpriseInspectionsPage(store, dust_id, dossier)
    QVBoxLayout(dossier).addWidget(page)
    dossier.open()
    assert dossier.isModal() and dossier.isVisible()
    page.view.selectRow(0)
    qtbot.mouseClick(page.open_button, LEFT)
    win = ui._open_windows[draft]
    assert not dossier.isVisible()
    assert win.parentWidget() is main and win.isWindow()


# --------------------------------------------------------------------------------------------
# Buttons that write: each is clicked for real (a button left unconnected fails here)


def test_start_button_creates_the_draft(qtbot, store, dust_id, officer_ids):
    dlg = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.officers.set_checked(officer_ids[:2])
    qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.inspection_id
    assert [d["id"] for d in inspections.drafts(store)] == [dlg.inspection_id]


def test_start_refused_by_storage_is_shown_in_the_dialog(qtbot, store, dust_id, officer_ids, monkeypatch):
    dlg = StartInspectionDialog(store, dust_id)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.officers.set_checked(officer_ids[:2])

    def refuse(*_a, **_k):
        raise ValueError("地点不能为空")

    monkeypatch.setattr(inspections, "start_inspection", refuse)
    qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.isVisible() and dlg.inspection_id is None
    assert dlg.error.text() == "地点不能为空" and not dlg.error.isHidden()


def test_finalise_button_of_the_dialog_finalises(qtbot, store, draft):
    answer_rest(store, draft)
    dlg = FinaliseDialog(store, draft)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.summary.setPlainText("检查了粉尘涉爆场所")
    qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.finding_ids == []
    session = inspections.open_inspection(store, draft)
    assert session.status == "final" and session.summary == "检查了粉尘涉爆场所"


def test_finalise_dialog_add_and_remove_a_finding(qtbot, store, draft):
    answer_rest(store, draft)
    dlg = FinaliseDialog(store, draft)
    qtbot.addWidget(dlg)
    dlg.show()
    before = len(dlg.editors)
    qtbot.mouseClick(dlg.add_button, LEFT)
    assert len(dlg.editors) == before + 1
    remove = next(b for b in dlg.editors[-1].findChildren(QPushButton) if b.text() == "Remove")
    qtbot.mouseClick(remove, LEFT)
    assert len(dlg.editors) == before


def test_officers_dialog_ok_saves_the_officers(qtbot, store, draft, officer_ids, monkeypatch):
    assert len(officer_ids) >= 3, "the demo township has three officers (fixed seed)"
    from inspector_app.ui.inspection.officers import OfficersDialog

    def choose(dlg):
        dlg.show()
        dlg.list.set_checked(officer_ids[1:3])
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        return dlg.result()

    monkeypatch.setattr(OfficersDialog, "exec", choose)
    win = make_window(qtbot, store, draft)
    qtbot.mouseClick(win.officers_button, LEFT)
    assert set(inspections.open_inspection(store, draft).officer_ids) == set(officer_ids[1:3])


@pytest.mark.calendar
def test_new_inspection_from_the_enterprise_page(qtbot, store, dust_id, officer_ids, monkeypatch):
    def start(dlg):
        dlg.officers.set_checked(officer_ids[:2])
        qtbot.mouseClick(dlg.ok_button, LEFT)
        return dlg.result()

    monkeypatch.setattr(StartInspectionDialog, "exec", start)
    page = EnterpriseInspectionsPage(store, dust_id)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rows == []
    qtbot.mouseClick(page.new_button, LEFT)
    assert [r["status"] for r in page.model.rows] == ["draft"]  # refreshed through the bus
    assert page.model.rows[0]["id"] in ui._open_windows
