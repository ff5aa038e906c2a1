"""First-run setup wizard: what every document later needs. Driven with its Next and Finish buttons."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from inspector_app.core import settings as S
from inspector_app.storage import settings, township
from inspector_app.storage.township import Officer, TownshipSetup
from inspector_app.ui.setup_wizard import SetupWizard


def fill(wiz: SetupWizard, *, officers=(("张伟", "32028100001"), ("李强", "32028100002")), device="A1"):
    wiz.township_page.township.setText("璜土镇")
    wiz.township_page.government.setText("江阴市璜土镇人民政府")
    wiz.township_page.device.setText(device)
    wiz.township_page.villages.setPlainText("璜土村\n石庄村\n\n")
    table = wiz.officers_page.table
    for r, (name, cert) in enumerate(officers):
        from PySide6.QtWidgets import QTableWidgetItem

        table.setItem(r, 0, QTableWidgetItem(name))
        table.setItem(r, 1, QTableWidgetItem(cert))


def finish(qtbot, wiz: SetupWizard) -> None:
    """Next through the pages (each validates), then Finish, as the officer clicks them."""
    wiz.show()
    for _ in range(len(wiz.pageIds()) - 1):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_wizard_writes_the_setup(qtbot, store):
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    assert wiz.authority.name.text() == "江阴市应急管理局"  # entrusting authority by default
    assert wiz.authority.abbr.text() == "澄"
    fill(wiz)
    finish(qtbot, wiz)
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert township.is_configured(store)
    assert [settings.get(store, o) for o in (S.TOWNSHIP, S.DEVICE_CODE, S.AUTHORITY_ABBR)] == ["璜土镇", "A1", "澄"]
    assert [v.name for v in township.list_villages(store)] == ["璜土村", "石庄村"]
    assert {o.cert_no for o in township.list_officers(store)} == {"32028100001", "32028100002"}
    assert store.device == "A1"


def test_pages_refuse_what_documents_cannot_use(qtbot, store):
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    wiz.authority.abbr.setText("")
    assert not wiz.authority.validatePage()
    assert "简称" in wiz.authority.error.text()
    fill(wiz, officers=(("张伟", "32028100001"),), device="A 1")
    assert not wiz.township_page.validatePage()
    assert "设备编号" in wiz.township_page.error.text()
    assert not wiz.officers_page.validatePage()
    assert "两名" in wiz.officers_page.error.text()
    assert not township.is_configured(store)


def test_editing_again_does_not_duplicate_officers(qtbot, store):
    township.apply_setup(store, TownshipSetup(court="江阴市人民法院",
        township="璜土镇", device_code="A1", villages=["璜土村"],
        officers=[Officer("张伟", "32028100001"), Officer("李强", "32028100002")]))
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    assert wiz.township_page.township.text() == "璜土镇"
    finish(qtbot, wiz)
    assert len(township.list_officers(store)) == 2
    assert len(township.list_villages(store)) == 1


def test_main_window_follows_the_setup_through_the_change_bus(qtbot, store, monkeypatch):
    """The wizard announces Change.TOWNSHIP: the title and the registry's village filter follow,
    without the main window refreshing them itself."""
    from inspector_app.ui.main_window import MainWindow

    township.apply_setup(store, TownshipSetup(court="江阴市人民法院",
        township="璜土镇", device_code="A1", villages=["璜土村"],
        officers=[Officer("张伟", "32028100001"), Officer("李强", "32028100002")]))
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()

    def drive(wiz):
        wiz.township_page.township.setText("申港街道")
        wiz.township_page.villages.setPlainText("璜土村\n申港村")
        finish(qtbot, wiz)
        return wiz.result()

    monkeypatch.setattr(SetupWizard, "exec", drive)
    win.edit_setup()
    assert win.windowTitle().endswith("申港街道")
    villages = [win.registry.village.itemText(i) for i in range(win.registry.village.count())]
    assert "申港村" in villages
