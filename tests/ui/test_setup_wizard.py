"""First-run setup wizard: what every document later needs. Driven with its Next and Finish buttons."""

import pytest
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
    assert "简称" in wiz.authority.field_errors["authority_abbr"].text()
    fill(wiz, officers=(("张伟", "32028100001"),), device="A 1")
    assert not wiz.township_page.validatePage()
    assert "设备编号" in wiz.township_page.field_errors["device_code"].text()
    assert not wiz.officers_page.validatePage()
    assert "两名" in wiz.officers_page.field_errors["officers"].text()
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


@pytest.mark.calendar
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

    from inspector_app.ui.township_settings import TownshipSettingsDialog

    def drive(dlg):
        assert dlg.windowTitle() == "Township, authority and officers"  # not the first-run title
        dlg.fields["township"].setText("申港街道")
        dlg.show()
        dlg.tabs.setCurrentIndex(1)
        dlg.village_name.setText("申港村")
        qtbot.mouseClick(dlg.add_village_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        return dlg.result()

    monkeypatch.setattr(TownshipSettingsDialog, "exec", drive)
    win.edit_setup()
    assert win.windowTitle().endswith("申港街道")
    win.nav.setCurrentRow(0)  # the app opens on Today; the registry reloads when it is shown
    villages = [win.registry.village.itemText(i) for i in range(win.registry.village.count())]
    assert "申港村" in villages


# --- the wizard cannot get stuck (issue 10) ----------------------------------------------------

def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_duplicate_village_is_shown_next_to_the_field_and_finishing_after_fixing_it(qtbot, store):
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    fill(wiz)
    wiz.township_page.villages.setPlainText("璜土村\n石庄村\n璜土村")
    wiz.show()
    click(qtbot, wiz.button(QWizard.WizardButton.NextButton))        # authority page → township page
    assert wiz.currentPage() is wiz.township_page
    click(qtbot, wiz.button(QWizard.WizardButton.NextButton))        # refused: the duplicate
    assert wiz.currentPage() is wiz.township_page
    msg = wiz.township_page.field_errors["villages"]
    assert msg.isVisible() and "璜土村" in msg.text() and "第1行和第3行" in msg.text()
    wiz.township_page.villages.setPlainText("璜土村\n石庄村\n")   # the officer fixes it
    click(qtbot, wiz.button(QWizard.WizardButton.NextButton))
    assert wiz.currentPage() is wiz.officers_page and not msg.isVisible()
    click(qtbot, wiz.button(QWizard.WizardButton.FinishButton))
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert [v.name for v in township.list_villages(store)] == ["璜土村", "石庄村"]


def test_officer_rows_with_problems_are_marked_and_finish_refuses(qtbot, store):
    from PySide6.QtWidgets import QTableWidgetItem

    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    fill(wiz, officers=(("张伟", "32028100001"), ("李强", "32028100002"), ("张伟", "32028100003"),
                        ("", "32028100004")))
    wiz.officers_page.table.setItem(1, 2, QTableWidgetItem("0510-12"))
    finish(qtbot, wiz)
    assert wiz.result() != QWizard.DialogCode.Accepted and wiz.isVisible()
    text = wiz.officers_page.field_errors["officers"].text()
    assert "Row 2" in text and "电话" in text        # bad phone on row 2 (the table row)
    assert "Row 3" in text and "重复" in text        # 张伟 twice
    assert "Row 4" in text and "姓名" in text        # a number without a name
    assert wiz.officers_page.table.item(2, 0).toolTip()
    assert not township.is_configured(store)
    # fixed: Finish saves everything
    table = wiz.officers_page.table
    table.setItem(1, 2, QTableWidgetItem("0510-86861234"))
    table.setItem(2, 0, QTableWidgetItem("张卫"))
    table.setItem(3, 0, QTableWidgetItem("王芳"))
    click(qtbot, wiz.button(QWizard.WizardButton.FinishButton))
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert {o.name for o in township.list_officers(store)} == {"张伟", "李强", "张卫", "王芳"}


def test_finish_goes_back_to_the_page_with_the_problem(qtbot, store):
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    fill(wiz)
    wiz.show()
    for _ in range(2):
        click(qtbot, wiz.button(QWizard.WizardButton.NextButton))
    wiz.township_page.township.setText("")  # emptied behind the officer's back (e.g. by Back, edit, Next)
    click(qtbot, wiz.button(QWizard.WizardButton.FinishButton))
    assert wiz.currentPage() is wiz.township_page and wiz.isVisible()
    assert wiz.township_page.field_errors["township"].text()


def test_as_many_officers_as_a_township_has(qtbot, store):
    from PySide6.QtWidgets import QTableWidgetItem

    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    fill(wiz, officers=())
    table = wiz.officers_page.table
    for i in range(14):
        if i >= table.rowCount():
            click(qtbot, wiz.officers_page.add_button) if i % 2 else None
        table.setItem(i, 0, QTableWidgetItem(f"人员{i}"))   # typing in the last row opens another
        table.setItem(i, 1, QTableWidgetItem(f"3202810{i:04d}"))
    finish(qtbot, wiz)
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert len(township.list_officers(store)) == 14


def test_correcting_a_certificate_in_the_wizard_keeps_the_officer(qtbot, store):
    from PySide6.QtWidgets import QTableWidgetItem

    township.apply_setup(store, TownshipSetup(
        township="璜土镇", device_code="A1", villages=["璜土村"],
        officers=[Officer("张伟", "32028100001"), Officer("李强", "32028100002")]))
    wiz = SetupWizard(store)
    qtbot.addWidget(wiz)
    row = [wiz.officers_page.table.item(r, 0).text() for r in range(2)].index("张伟")
    wiz.officers_page.table.setItem(row, 1, QTableWidgetItem("32028100009"))
    finish(qtbot, wiz)
    officers = township.list_officers(store, active_only=False)
    assert len(officers) == 2 and "32028100009" in {o.cert_no for o in officers}
