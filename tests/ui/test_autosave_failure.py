"""A failed autosave in the inspection window is visible at once, retried, and never silent."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from inspector_app.storage import inspections, township
from inspector_app.ui.inspection import window as ui
from inspector_app.ui.autosave import AutosaveGuard
from inspector_app.ui.inspection.window import InspectionWindow


@pytest.fixture
def window(demo_db, qtbot):
    store = demo_db
    officers = [o.id for o in township.list_officers(store)][:2]
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name").fetchone()[0]
    draft = inspections.start_inspection(store, enterprise_id=ent, officer_ids=officers)
    win = InspectionWindow(store, draft)
    qtbot.addWidget(win)
    win.show()
    yield win
    for w in list(ui._open_windows.values()):
        w.close()


def notes(win) -> list[str]:
    session = inspections.open_inspection(win.store, win.inspection_id)
    return [a.note for a in session.answers.values() if a.note]


def test_a_failed_autosave_shows_a_red_banner_and_is_retried(window, qtbot):
    win = window
    guard = win.findChild(AutosaveGuard)
    guard.timer.setInterval(150)  # the test need not wait the 5 s between retries
    banner = win.findChild(QLabel, "autosaveFailedBanner")
    assert banner.isHidden()

    win.store.conn.execute("PRAGMA query_only = ON")  # every write now fails as read-only
    qtbot.keyClicks(win.panel.note, "railing ")  # QTest types Latin-1 only
    win.panel.note.insertPlainText("护栏缺失")
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "只读" in banner.text() and "readonly" not in banner.text()
    assert notes(win) == []

    win.store.conn.execute("PRAGMA query_only = OFF")  # the disk is writable again
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=3000)  # the retry timer wrote it
    assert notes(win) == ["railing 护栏缺失"]


def test_closing_while_saves_fail_asks_before_losing_them(window, qtbot, monkeypatch):
    win = window
    win.findChild(AutosaveGuard).timer.setInterval(60_000)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    win.store.conn.execute("PRAGMA query_only = ON")
    qtbot.keyClicks(win.panel.note, "unsaved note")
    banner = win.findChild(QLabel, "autosaveFailedBanner")
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    win.close()
    assert asked and win.isVisible()  # Cancel: the window stays, the note is still queued
    win.store.conn.execute("PRAGMA query_only = OFF")
    win.close()  # the close flushes: the note lands, nothing to ask
    assert len(asked) == 1 and not win.isVisible()
    assert notes(win) == ["unsaved note"]
