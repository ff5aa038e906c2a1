"""The 台账 screens on a demo quarter, through the officer's hands: every screen shows what storage
returns, records are added, edited and deleted from the keyboard, the quarter is closed (with its
gaps listed, each opening its record) and reopened with a reason, the export writes the files,
the figures build their charts, and Today's reminders click through to the filtered ledger."""

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_app.core.ledgers.ledgers import LEDGER_KEYS
from inspector_app.core.ledgers.rules import mask_id
from inspector_app.storage import ledgers as L
from inspector_app.ui.ledgers.quarter_panel import CloseQuarterDialog, ReopenDialog
from inspector_app.ui.ledgers.record_dialog import RecordDialog
from inspector_app.ui.ledgers.screen import LedgersWidget
from tests.fixtures.ui_hands import click, drive, patch_modals

# Today's lists, deadlines and quarters move with the date: rerun on the pinned awkward days.
pytestmark = pytest.mark.calendar

Q = "2026Q4"


@pytest.fixture(autouse=True)
def modals(monkeypatch):
    return patch_modals(monkeypatch)


@pytest.fixture
def screen(qtbot, town):
    w = LedgersWidget(town)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def ids_on_screen(w):
    m = w.view.model()
    return [m.row_at(r)["id"] for r in range(m.rowCount())]


def press(qtbot, w, key, mods=Qt.KeyboardModifier.NoModifier):
    w.view.setFocus()
    qtbot.keyClick(w.view, key, mods)


def answer_yes(box):
    box.button(QMessageBox.StandardButton.Yes).click()


def test_opens_on_the_current_quarter(screen):
    assert screen.quarter_combo.currentData() == "2027Q1"
    assert "2027年第一季度" in screen.quarter_panel.state_label.text()


@pytest.mark.parametrize("key", LEDGER_KEYS)
def test_each_ledger_shows_the_rows_storage_returns(screen, town, key):
    screen.show_ledger(key, quarter=Q)
    want = L.ledger_rows(town, key, Q)
    assert ids_on_screen(screen) == [r["id"] for r in want]
    assert want, f"the demo quarter has no {key} rows"
    m = screen.view.model()
    first = m.row_at(0)
    for c, col in enumerate(m.columns):
        text = m.index(0, c).data()
        if col.kind == "id_no" and first[col.key]:
            assert text == mask_id(first[col.key]) and text != first[col.key]
        elif col.kind == "bool":
            assert text == ("是" if first[col.key] else "否")


def test_village_and_enterprise_filters(screen, town):
    screen.show_ledger("people", quarter=Q)
    vid = screen.village_combo.itemData(1)
    screen.village_combo.setCurrentIndex(1)
    assert ids_on_screen(screen) == [r["id"] for r in L.ledger_rows(town, "people", Q, village_id=vid)]
    screen.village_combo.setCurrentIndex(0)
    eid = L.ledger_rows(town, "people", Q)[0]["enterprise_id"]
    screen.set_enterprise(eid)
    assert ids_on_screen(screen) == [r["id"] for r in L.ledger_rows(town, "people", Q, enterprise_id=eid)]
    assert len(ids_on_screen(screen)) < len(L.ledger_rows(town, "people", Q))


def test_quick_filters_due_equipment_and_expiring_certificates(screen, town):
    screen.show_ledger("equipment", quarter=Q, quick="due")
    due = [r["id"] for r in L.ledger_rows(town, "equipment", Q) if r["due_status"] in ("即将到期", "逾期未检")]
    assert due and ids_on_screen(screen) == due
    screen.show_ledger("people", quarter=Q, quick="expired")
    expired = [r["id"] for r in L.ledger_rows(town, "people", Q) if r["cert_status"] in ("已过期", "复审逾期")]
    assert expired and ids_on_screen(screen) == expired


def test_id_numbers_shown_only_when_asked(screen, town, qtbot):
    screen.show_ledger("people", quarter=Q)
    col = [c.key for c in screen.view.model().columns].index("id_no")
    row = next(r for r in range(screen.view.model().rowCount()) if screen.view.model().row_at(r)["id_no"])
    full = screen.view.model().row_at(row)["id_no"]
    assert screen.view.model().index(row, col).data() == mask_id(full)
    click(qtbot, screen.show_ids)
    assert screen.view.model().index(row, col).data() == full
    click(qtbot, screen.show_ids)
    assert "*" in screen.view.model().index(row, col).data()


def test_add_edit_delete_an_activity_by_keyboard(screen, town, qtbot, monkeypatch):
    screen.show_ledger("activities", quarter=Q)
    before = len(ids_on_screen(screen))

    def fill_new(dlg):
        assert dlg.value_of("on_date")[:4] == "2026"
        dlg.set_value("kind", "安全生产月")
        dlg.set_value("title", "键盘新增的宣讲")
        dlg.set_value("participants", 35)
        dlg.widgets["place"].insert("镇会议室")  # QTest types ASCII only
        qtbot.keyClick(dlg.widgets["place"], Qt.Key.Key_Return)  # Enter in a line saves
    drive(monkeypatch, RecordDialog, fill_new)
    press(qtbot, screen, Qt.Key.Key_Insert)
    new_id = screen.last_dialog.saved_id
    assert new_id and len(ids_on_screen(screen)) == before + 1
    assert screen.current_row()["id"] == new_id
    assert L.get(town, L.Activity, new_id).place == "镇会议室"

    def rename(dlg):
        assert dlg.value_of("title") == "键盘新增的宣讲"
        dlg.set_value("title", "改名后的宣讲")
        click(qtbot, dlg.buttons.button(dlg.buttons.StandardButton.Save))
    drive(monkeypatch, RecordDialog, rename)
    press(qtbot, screen, Qt.Key.Key_F2)
    assert L.get(town, L.Activity, new_id).title == "改名后的宣讲"
    assert screen.current_row()["title"] == "改名后的宣讲"

    drive(monkeypatch, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    press(qtbot, screen, Qt.Key.Key_Delete)
    assert new_id in ids_on_screen(screen)
    drive(monkeypatch, QMessageBox, answer_yes)
    press(qtbot, screen, Qt.Key.Key_Delete)
    assert new_id not in ids_on_screen(screen)
    assert town.conn.execute("SELECT deleted FROM ledger_activity WHERE id = ?", [new_id]).fetchone()[0] == 1


def test_ctrl_n_adds_and_a_mistake_stays_in_the_dialog(screen, town, qtbot, monkeypatch):
    screen.show_ledger("equipment", quarter=Q)
    seen = []

    def wrong_then_cancel(dlg):
        dlg.set_value("enterprise_id", "")
        click(qtbot, dlg.buttons.button(dlg.buttons.StandardButton.Save))
        seen.append(dlg.message.text())
        assert dlg.isVisible()
        dlg.reject()
    drive(monkeypatch, RecordDialog, wrong_then_cancel)
    rows = len(ids_on_screen(screen))
    press(qtbot, screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen and "使用单位" in seen[0]
    assert len(ids_on_screen(screen)) == rows


def test_ctrl_c_copies_the_selection_as_tab_separated_text(screen, qtbot):
    screen.show_ledger("equipment", quarter=Q)
    m = screen.view.model()
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=screen.view.visualRect(m.index(0, 1)).center())
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(screen.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, screen, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    lines = text.split("\n")
    assert len(lines) == 2 and all(len(line.split("\t")) == 2 for line in lines)
    assert lines[0].split("\t") == [m.row_at(0)["enterprise"], m.row_at(0)["village"]]


def test_enter_on_a_derived_row_opens_the_finding(screen, town, qtbot):
    from inspector_app.ui.findings.dossier import FindingDialog

    screen.show_ledger("findings", quarter=Q)
    screen.view.setCurrentIndex(screen.view.model().index(1, 0))
    press(qtbot, screen, Qt.Key.Key_Return)
    dlg = screen.last_dialog
    assert isinstance(dlg, FindingDialog) and dlg.finding_id == screen.current_row()["id"]
    dlg.close()
    assert not screen.add_button.isEnabled()


def test_missing_quarterly_report_is_added_from_its_row(screen, town, qtbot, monkeypatch):
    screen.show_ledger("quarter_reports", quarter=Q, quick="missing")
    row = screen.current_row()
    assert row and row["id"] == ""

    def received(dlg):
        assert dlg.value_of("enterprise_id") == row["enterprise_id"]
        assert (dlg.value_of("year"), dlg.value_of("quarter")) == (2026, 4)
        click(qtbot, dlg.buttons.button(dlg.buttons.StandardButton.Save))
    drive(monkeypatch, RecordDialog, received)
    press(qtbot, screen, Qt.Key.Key_Return)
    assert row["enterprise_id"] not in [r["enterprise_id"] for r in L.ledger_rows(town, "quarter_reports", Q)
                                        if not r["received_on"]]


def test_close_with_gaps_lists_them_and_a_click_opens_the_record(screen, town, qtbot, monkeypatch):
    screen.show_ledger("people", quarter=Q)
    assert "未" in screen.quarter_panel.state_label.text() or "open" in screen.quarter_panel.state_label.text()
    # A special operator without a certificate: a gap of the people ledger, whatever the demo holds.
    eid = town.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]
    L.save(town, L.Person(enterprise_id=eid, role="特种作业人员", name="无证作业工"))
    gaps = L.completeness(town, Q)
    assert any(g.table == "ledger_person" for g in gaps)
    opened = []

    def look_and_close(dlg):
        qtbot.waitExposed(dlg)
        assert dlg.table.rowCount() == len(gaps)
        assert not dlg.close_button.isEnabled()
        person_row = next(i for i, g in enumerate(dlg.issues) if g.table == "ledger_person")
        drive(monkeypatch, RecordDialog, lambda rd: (opened.append(rd.record.id), rd.reject()))
        dlg.table.scrollTo(dlg.table.model().index(person_row, 1))
        rect = dlg.table.visualRect(dlg.table.model().index(person_row, 1))
        qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
        qtbot.mouseDClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert opened == [dlg.issues[person_row].record_id]
        dlg.table.setFocus()
        qtbot.keyClick(dlg.table, Qt.Key.Key_Return)  # Enter opens it too, and presses no button
        assert opened == [dlg.issues[person_row].record_id] * 2 and dlg.isVisible()
        assert not L.quarter_state(town, Q).is_closed
        drive(monkeypatch, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
        click(qtbot, dlg.accept_button)
        assert not L.quarter_state(town, Q).is_closed
        drive(monkeypatch, QMessageBox, answer_yes)
        click(qtbot, dlg.accept_button)
    drive(monkeypatch, CloseQuarterDialog, look_and_close)
    click(qtbot, screen.quarter_panel.close_button)
    state = L.quarter_state(town, Q)
    assert state.is_closed and screen.quarter_panel.dialog.closed
    assert "closed" in screen.quarter_panel.state_label.text() or "结账" in screen.quarter_panel.state_label.text()
    assert screen.quarter_panel.reopen_button.isVisible() and not screen.quarter_panel.close_button.isVisible()


def test_reopen_requires_a_reason(screen, town, qtbot, monkeypatch):
    L.close_quarter(town, Q, accept_gaps=True)
    screen.show_ledger("enterprises", quarter=Q)

    def reopen(dlg):
        assert not dlg.ok.isEnabled()
        qtbot.keyClicks(dlg.reason, "ab")
        assert not dlg.ok.isEnabled() and dlg.message.isVisible()
        qtbot.keyClicks(dlg.reason, "c: a late report")
        assert dlg.ok.isEnabled()
        click(qtbot, dlg.ok)
    drive(monkeypatch, ReopenDialog, reopen)
    click(qtbot, screen.quarter_panel.reopen_button)
    assert not L.quarter_state(town, Q).is_closed
    assert L.quarter_log(town, Q)[-1]["reason"] == "abc: a late report"


def test_a_running_quarter_cannot_be_closed(screen):
    assert screen.quarter == "2027Q1" or str(screen.quarter) == "2027Q1"
    assert not screen.quarter_panel.close_button.isEnabled()


def test_export_button_writes_the_workbook_and_pdf(screen, town, qtbot, monkeypatch, tmp_path):
    from inspector_app.ui.ledgers.export import ExportDialog

    screen.show_ledger("equipment", quarter=Q)
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    def export(dlg):
        assert dlg.xlsx.isChecked() and dlg.pdf.isChecked()
        click(qtbot, dlg.go)
        qtbot.waitUntil(lambda: bool(dlg.written), timeout=60000)
        assert str(target) in dlg.result_label.text()
    drive(monkeypatch, ExportDialog, export)
    click(qtbot, screen.quarter_panel.export_button)
    assert target.exists() and target.with_suffix(".pdf").read_bytes()[:4] == b"%PDF"
    book = openpyxl.load_workbook(target, read_only=True)
    sheet = next(ws for ws in book.worksheets if "特种设备" in ws.title)
    names = [r[1] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    m = screen.view.model()
    assert names == [m.row_at(r)["enterprise"] for r in range(m.rowCount())]


def test_figures_screen_builds_its_charts(screen, town, qtbot):
    screen.show_ledger("enterprises", quarter=Q)
    row = screen.ledger_list.count() - 1
    screen.ledger_list.setCurrentRow(row)
    page = screen.figures_page
    assert page is not None and screen.pages.currentWidget() is page
    cur = L.comparison(town, Q)["current"]
    assert page.table.item(0, 1).text() == f"{cur['enterprises_registered']:,}"
    bars = page.charts["comparison"].chart().series()[0].barSets()
    assert [b.at(0) for b in bars][-1] == cur["inspections"]
    villages = page.charts["villages"].chart().series()[0].barSets()[0]
    assert villages.count() == len(cur["by_village"])
    pie = page.charts["documents"].chart().series()[0]
    assert sum(s.value() for s in pie.slices()) == sum(v for k, v in cur.items() if k.startswith("doc_"))


def test_the_record_dialog_masks_the_id_number_until_asked(screen, town, qtbot, monkeypatch):
    screen.show_ledger("people", quarter=Q)
    m = screen.view.model()
    row = next(r for r in range(m.rowCount()) if m.row_at(r)["id_no"])
    screen.view.setCurrentIndex(m.index(row, 0))
    full = m.row_at(row)["id_no"]
    seen = {}

    def look(dlg):
        field = dlg.widgets["id_no"]
        seen["masked"] = field.text()
        dlg.set_value("phone", "13800000000")
        click(qtbot, dlg.buttons.button(dlg.buttons.StandardButton.Save))  # the masked text is not saved
    drive(monkeypatch, RecordDialog, look)
    press(qtbot, screen, Qt.Key.Key_Return)
    assert seen["masked"] == mask_id(full)
    person = L.get(town, L.Person, m.row_at(row)["id"])
    assert person.id_no == full and person.phone == "13800000000"

    def reveal(dlg):
        click(qtbot, dlg.reveal)
        seen["shown"] = dlg.widgets["id_no"].text()
        dlg.reject()
    drive(monkeypatch, RecordDialog, reveal)
    press(qtbot, screen, Qt.Key.Key_Return)
    assert seen["shown"] == full
