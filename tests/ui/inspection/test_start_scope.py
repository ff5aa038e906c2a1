"""The start dialog offers a focused or a full checklist with their sizes; small firms start
focused (the threshold is a setting), bigger ones full; the choice reaches the inspection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from inspector_app.core import settings as S
from inspector_app.storage import inspections, township
from inspector_app.storage import settings as stored
from inspector_app.ui.inspection.start_dialog import StartInspectionDialog

LEFT = Qt.MouseButton.LeftButton


def _firm(store, where: str) -> str:
    return store.conn.execute(f"SELECT id FROM enterprise WHERE deleted = 0 AND {where} ORDER BY name").fetchone()[0]


@pytest.mark.parametrize("where, expected", [("employees BETWEEN 1 AND 20", "focused"), ("employees > 20", "full")])
def test_default_scope_follows_the_firm_size(qtbot, demo_db, where, expected):
    ent = _firm(demo_db, where)
    dlg = StartInspectionDialog(demo_db, ent)
    qtbot.addWidget(dlg)
    assert dlg.scope.currentData() == expected
    sizes = inspections.checklist_sizes(demo_db, ent)
    assert f"({sizes['focused']} items)" in dlg.scope.itemText(dlg.scope.findData("focused"))
    assert f"({sizes['full']} items)" in dlg.scope.itemText(dlg.scope.findData("full"))


def test_the_choice_reaches_the_inspection(qtbot, demo_db):
    store = demo_db
    stored.put(store, S.FOCUSED_MAX_EMPLOYEES, 100000)
    ent = _firm(store, "employees > 20")
    dlg = StartInspectionDialog(store, ent)
    qtbot.addWidget(dlg)
    assert dlg.scope.currentData() == "focused"  # the raised threshold makes it "small"
    dlg.officers.set_checked([o.id for o in township.list_officers(store)][:2])
    dlg.scope.setFocus()
    qtbot.keyClick(dlg.scope, Qt.Key.Key_Down)  # the officer picks the full list instead
    assert dlg.scope.currentData() == "full"
    with qtbot.waitSignal(dlg.inspection_started) as started:
        qtbot.mouseClick(dlg.ok_button, LEFT)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert inspections.open_inspection(store, started.args[0]).scope == "full"
