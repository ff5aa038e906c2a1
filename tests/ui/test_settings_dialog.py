from PySide6.QtCore import Qt

from inspector_app.core import settings as S
from inspector_app.storage import findings, settings, township
from inspector_app.storage.township import Officer, TownshipSetup
from inspector_app.ui.settings_dialog import DocumentSettingsDialog


def test_settings_are_saved_and_used(qtbot, store):
    township.apply_setup(store, TownshipSetup(
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
                        (dlg.max_unit, S.MAX_FINE_UNIT)):
        assert (box.minimum(), box.maximum()) == (option.minimum, option.maximum), option.key
