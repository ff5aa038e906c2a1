from PySide6.QtCore import Qt

from inspector_app.core import settings as S
from inspector_app.storage import findings, settings, township
from inspector_app.storage.township import Officer, TownshipSetup
from inspector_app.ui.settings_dialog import DocumentSettingsDialog


def test_settings_are_saved_and_used(qtbot, store):
    township.apply_setup(store, TownshipSetup(court="江阴市人民法院",
        township="璜土镇", device_code="A1", villages=["璜土村"],
        officers=[Officer("张伟", "32028100001"), Officer("李强", "32028100002")]))
    dlg = DocumentSettingsDialog(store)
    qtbot.addWidget(dlg)
    assert dlg.window_days.value() == 10 and dlg.max_unit.value() == 3000  # defaults
    dlg.officer.setCurrentIndex(2)
    dlg.window_days.setValue(15)
    dlg.max_individual.setValue(50)
    dlg.bank.setText("江苏江阴农村商业银行股份有限公司")
    dlg.show()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert findings.reinspection_window(store) == 15
    assert settings.get(store, S.MAX_FINE_INDIVIDUAL) == 50
    assert settings.get(store, S.BANK_NAME) == "江苏江阴农村商业银行股份有限公司"
    chosen = settings.get(store, S.CURRENT_OFFICER)
    assert chosen in {o.id for o in township.list_officers(store)}
    again = DocumentSettingsDialog(store)
    qtbot.addWidget(again)
    assert again.officer.currentData() == chosen and again.window_days.value() == 15


def test_spin_boxes_offer_exactly_the_options_range(qtbot, store):
    dlg = DocumentSettingsDialog(store)
    qtbot.addWidget(dlg)
    for box, option in ((dlg.window_days, S.REINSPECTION_WINDOW), (dlg.max_individual, S.MAX_FINE_INDIVIDUAL),
                        (dlg.max_unit, S.MAX_FINE_UNIT), (dlg.focused_max, S.FOCUSED_MAX_EMPLOYEES)):
        assert (box.minimum(), box.maximum()) == (option.minimum, option.maximum), option.key


def test_the_small_firm_threshold_is_edited_explained_and_used(qtbot, demo_db):
    from PySide6.QtWidgets import QDialog

    from inspector_app.ui.inspection.start_dialog import StartInspectionDialog

    store = demo_db
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 AND employees BETWEEN 8 AND 20 "
                             "ORDER BY name").fetchone()[0]
    people = store.conn.execute("SELECT employees FROM enterprise WHERE id = ?", (ent,)).fetchone()[0]
    before = StartInspectionDialog(store, ent)
    qtbot.addWidget(before)
    assert before.scope.currentData() == "focused"  # the default threshold (20) makes it small

    dlg = DocumentSettingsDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.focused_max.value() == 20 and "20" in dlg.focused_note.text()
    dlg.focused_max.setFocus()
    dlg.focused_max.selectAll()
    qtbot.keyClicks(dlg.focused_max, "5")  # typed by the officer
    assert dlg.focused_max.value() == 5 and "up to 5 people" in dlg.focused_note.text()
    dlg.focused_max.selectAll()
    qtbot.keyClicks(dlg.focused_max, "0")
    assert "full checklist" in dlg.focused_note.text()
    dlg.focused_max.selectAll()
    qtbot.keyClicks(dlg.focused_max, "999999")  # more than the option allows: the box refuses the digits
    assert dlg.focused_max.value() <= S.FOCUSED_MAX_EMPLOYEES.maximum
    dlg.focused_max.selectAll()
    qtbot.keyClicks(dlg.focused_max, str(people - 1))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert settings.get(store, S.FOCUSED_MAX_EMPLOYEES) == people - 1

    after = StartInspectionDialog(store, ent)
    qtbot.addWidget(after)
    assert after.scope.currentData() == "full"  # one person over the new threshold
    assert str(people - 1) in after.scope.toolTip()
