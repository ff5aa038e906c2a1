"""The first-run wizard's "set up from the county's bundle": pick the bundle and the county's key
file, see the fingerprint, set up; the database then holds the township and the app opens on it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton, QWizard

from inspector_app.core import settings as S
from inspector_app.storage import open_db, township
from inspector_app.storage import settings as settings_store
from inspector_app.sync import laptop
from inspector_app.ui.setup_wizard import SetupWizard
from inspector_app.ui.sync.setup_dialog import BundleSetupDialog
from tests.fixtures.ui_hands import click, drive

# Received-at dates, acknowledgements and 'silent for a month' read today: rerun on the pinned days.
pytestmark = pytest.mark.calendar


def county_bundle(world):
    sent = laptop.export_bundle(world.a, world.usb, full=True)
    world.county_merges(sent["path"])
    return world.county_returns("for-new-laptop.tsobundle")


def answer_files(monkeypatch, *paths) -> None:
    queue = [str(p) for p in paths]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (queue.pop(0), "")))


def test_a_new_laptop_is_set_up_from_the_county_bundle(qtbot, world, tmp_path, monkeypatch):
    bundle = county_bundle(world)
    new = open_db(tmp_path / "new.sqlite", create=True)
    try:
        wiz = SetupWizard(new)
        qtbot.addWidget(wiz)
        wiz.show()
        seen = {}

        def set_up(dlg: BundleSetupDialog) -> None:
            answer_files(monkeypatch, bundle, world.county_key)
            click(qtbot, dlg.findChild(QPushButton, "browseBundle"))
            assert not dlg.create_button.isEnabled()  # no key yet: nothing verified
            click(qtbot, dlg.findChild(QPushButton, "browseKey"))
            seen["fingerprint"] = dlg.fingerprint.text()
            seen["preview"] = dlg.preview.text()
            assert not dlg.create_button.isEnabled()  # verified, but no device code yet
            dlg.device.setFocus()
            qtbot.keyClicks(dlg.device, "C3")
            click(qtbot, dlg.create_button)

        drive(monkeypatch, BundleSetupDialog, set_up)
        click(qtbot, wiz.button(QWizard.WizardButton.CustomButton1))
        assert seen["fingerprint"] == world.county.fingerprint()
        assert world.township in seen["preview"]
        assert wiz.result() == QWizard.DialogCode.Accepted
        assert township.is_configured(new)
        assert settings_store.get(new, S.TOWNSHIP) == world.township
        assert settings_store.get(new, S.DEVICE_CODE) == "C3"
        assert laptop.county_fingerprint(new) == world.county.fingerprint()
        count = "SELECT count(*) FROM enterprise WHERE deleted = 0"
        assert new.conn.execute(count).fetchone()[0] == world.a.conn.execute(count).fetchone()[0] > 0
        # …and the app opens on it: the main window shows the township's registry.
        from inspector_app.ui.main_window import MainWindow

        win = MainWindow(new)
        qtbot.addWidget(win)
        assert world.township in win.windowTitle()
    finally:
        new.close()


def test_a_key_that_did_not_sign_the_bundle_is_refused_before_anything_is_written(qtbot, world, tmp_path, monkeypatch):
    from inspector_app.county.store import init_store

    bundle = county_bundle(world)
    other, _ = init_store(str(tmp_path / "other-county.sqlite"), name="别的县局", photos_dir=tmp_path / "op")
    wrong_key = other.write_key_file(tmp_path / "wrong-key.json")
    other.close()
    new = open_db(tmp_path / "new.sqlite", create=True)
    try:
        dlg = BundleSetupDialog(new)
        qtbot.addWidget(dlg)
        dlg.show()
        answer_files(monkeypatch, bundle, wrong_key)
        click(qtbot, dlg.findChild(QPushButton, "browseBundle"))
        click(qtbot, dlg.findChild(QPushButton, "browseKey"))
        assert dlg.fingerprint.text() != world.county.fingerprint()
        assert dlg.error.text()  # the bundle code's Chinese message: not signed by this key
        assert not dlg.create_button.isEnabled()
        assert not township.is_configured(new)
        assert laptop.county_fingerprint(new) is None
    finally:
        new.close()


def test_a_configured_township_has_no_bundle_button(qtbot, demo_db):
    wiz = SetupWizard(demo_db)
    qtbot.addWidget(wiz)
    assert not wiz.testOption(QWizard.WizardOption.HaveCustomButton1)
