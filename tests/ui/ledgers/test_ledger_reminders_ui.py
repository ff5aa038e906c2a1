"""Today shows the ledger reminders (storage.ledgers.reminders) and each click opens the 台账
module on the ledger, the quarter and the records it is about."""

import pytest
from PySide6.QtCore import Qt

from inspector_app.core.ledgers.quarter import Quarter
from inspector_app.storage import ledgers as L
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.today.widget import TodayWidget
from tests.fixtures.ui_hands import patch_modals

from .conftest import TODAY

# Today's lists, deadlines and quarters move with the date: rerun on the pinned awkward days.
pytestmark = pytest.mark.calendar


@pytest.fixture
def window(qtbot, town, monkeypatch):
    patch_modals(monkeypatch)
    win = MainWindow(town)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    today = win.module_widget(MainWindow.START_ROW)
    assert isinstance(today, TodayWidget)
    qtbot.waitUntil(lambda: today.loaded)
    return win, today


def click_reminder(qtbot, today, code):
    row = [r.code for r in today.ledger_reminders].index(code)
    item = today.ledger_list.item(row)
    today.ledger_list.scrollToItem(item)
    rect = today.ledger_list.visualItemRect(item)
    qtbot.mouseClick(today.ledger_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return today.ledger_reminders[row]


def test_today_lists_the_ledger_reminders(window, town):
    _win, today = window
    want = L.reminders(town, today=TODAY)
    assert [today.ledger_list.item(i).text() for i in range(today.ledger_list.count())] == [r.text for r in want]
    codes = {r.code for r in want}
    assert {"quarter_not_closed", "reports_missing", "certificates_expiring", "equipment_due"} <= codes
    assert today.ledger_box.isVisible()


def test_certificates_reminder_opens_the_people_ledger_with_those_records(window, qtbot):
    win, today = window
    reminder = click_reminder(qtbot, today, "certificates_expiring")
    ledgers = win.stack.currentWidget()
    assert type(ledgers).__name__ == "LedgersWidget"
    assert ledgers.key == "people" and ledgers.quarter == Quarter.of(TODAY)
    m = ledgers.view.model()
    assert sorted(m.row_at(r)["id"] for r in range(m.rowCount())) == sorted(i["id"] for i in reminder.items)
    assert ledgers.chip.isVisible()
    ledgers.clear_chip.click()
    assert m.rowCount() > len(reminder.items)


def test_missing_reports_reminder_opens_last_quarters_reports_not_received(window, town, qtbot):
    win, today = window
    reminder = click_reminder(qtbot, today, "reports_missing")
    ledgers = win.stack.currentWidget()
    assert ledgers.key == "quarter_reports" and ledgers.quarter == Quarter(2026, 4)
    m = ledgers.view.model()
    shown = [m.row_at(r)["enterprise_id"] for r in range(m.rowCount())]
    assert sorted(shown) == sorted(i["enterprise_id"] for i in reminder.items)


def test_quarter_not_closed_reminder_shows_the_quarter_to_close(window, qtbot):
    win, today = window
    click_reminder(qtbot, today, "quarter_not_closed")
    ledgers = win.stack.currentWidget()
    assert ledgers.quarter == Quarter(2026, 4)
    assert ledgers.quarter_panel.close_button.isVisible() and ledgers.quarter_panel.close_button.isEnabled()
