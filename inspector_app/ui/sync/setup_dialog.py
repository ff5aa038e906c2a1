"""The first-run wizard's other path: set a new laptop up from the county's bundle (township,
villages, officers, registry, checklists) instead of typing it all again (issue 14).

The officer picks the county's bundle and the county's key file; the key's fingerprint is shown to
compare with the one the county gives out; ``sync.laptop.setup_store`` then verifies the bundle
against that key, pins it, takes the township settings and imports everything into the wizard's
open, still empty database, and the app opens on it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget, QWizard)

from ...core import settings as S
from ...storage.db import Store
from ..operations import Op
from ..widgets.messages import ERROR_STYLE, HINT_STYLE, OK_STYLE
from . import ops
from .screen import BUNDLE_FILTER, fingerprint_font, read_county_key


class BundleSetupDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.summary: dict | None = None
        self.setWindowTitle(self.tr("Set up from the county's bundle"))
        intro = QLabel(self.tr("The county office gives a new laptop two files: the township's sync bundle and the "
                               "county's key file. Everything the township already has (villages, officers, the "
                               "enterprise registry, checklists) comes from the bundle."), self)
        intro.setWordWrap(True)
        self.bundle = QLineEdit(self)
        self.bundle.setObjectName("bundlePath")
        self.key = QLineEdit(self)
        self.key.setObjectName("keyPath")
        self.device = QLineEdit(self)
        self.device.setObjectName("deviceCode")
        self.device.setMaxLength(6)
        self.device.setPlaceholderText(self.tr("e.g. A1 — given by the county, unique per laptop"))
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("setupFingerprint")
        self.fingerprint.setFont(fingerprint_font())
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel(self)
        self.preview.setObjectName("setupPreview")
        self.preview.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.bundle.textChanged.connect(self._on_paths_changed)
        self.key.textChanged.connect(self._on_paths_changed)
        self.device.textChanged.connect(self._update_button)

        form = QFormLayout()
        form.addRow(self.tr("County bundle:"), self._with_browse(self.bundle, "browseBundle", self._on_browse_bundle))
        form.addRow(self.tr("County key file:"), self._with_browse(self.key, "browseKey", self._on_browse_key))
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        hint = QLabel(self.tr("Compare the fingerprint with the one the county office gave you; go on only if it matches."), self)
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("This laptop's device code:"), self.device)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(self.tr("Fingerprint matches — set up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createFromBundle")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self._on_create_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._settings: dict = {}
        self._update_button()
        self.resize(640, 380)

    def _with_browse(self, edit: QLineEdit, name: str, slot) -> QWidget:
        w = QWidget(self)
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), w)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return w

    def _on_browse_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The county's sync bundle"), "",
                                              self.tr("Sync bundles (%1)").replace("%1", BUNDLE_FILTER))
        if path:
            self.bundle.setText(path)

    def _on_browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The county's key file"), "",
                                              self.tr("County key files (*.json *.key *.txt);;All files (*)"))
        if path:
            self.key.setText(path)

    def _on_paths_changed(self) -> None:
        """Show the key's fingerprint, then what the bundle holds once it verifies against that key."""
        from ...sync import laptop

        self.error.clear()
        self.preview.clear()
        self._settings = {}
        self.fingerprint.setText("")
        key, bundle = self.key.text().strip(), self.bundle.text().strip()
        if key:
            try:
                self.fingerprint.setText(read_county_key(key)["fingerprint"])
            except (ValueError, OSError) as e:
                self.error.setText(str(e))
        if key and bundle and self.fingerprint.text():
            try:
                self._settings = laptop.bundle_settings(bundle, key)
            except (ValueError, OSError) as e:
                self.error.setText(str(e))
            else:
                self.preview.setStyleSheet(OK_STYLE)
                self.preview.setText(self.tr("The bundle is signed with this key. Township: %1; authority: %2.")
                                     .replace("%1", self._settings.get(S.TOWNSHIP.key) or "—")
                                     .replace("%2", self._settings.get(S.AUTHORITY_NAME.key) or "—"))
        self._update_button()

    def _update_button(self) -> None:
        # The device code is required: it names this laptop's document series and its bundles.
        self.create_button.setEnabled(bool(self._settings) and bool(self.device.text().strip()))

    def _on_create_clicked(self) -> None:
        from ...sync import laptop

        self.error.clear()
        bundle, key, device = self.bundle.text().strip(), self.key.text().strip(), self.device.text().strip()
        problem = S.DEVICE_CODE.problem(device)
        if problem:
            self.error.setText(problem)
            return

        def failed(exc: BaseException) -> None:
            self.error.setText(str(exc) or exc.__class__.__name__)

        def done(summary: dict) -> None:
            self.summary = summary
            self.accept()

        Op(self, lambda: laptop.setup_store(self.store, bundle, key, device=device),
           changes=ops.ALL_RECORDS).success(done).failure(failed).run()


def add_bundle_setup(wizard: QWizard) -> None:
    """The wizard's button "set up from the county's bundle": a township not yet set up only."""
    from ...storage import township

    if township.is_configured(wizard.store):
        return
    wizard.setOption(QWizard.WizardOption.HaveCustomButton1, True)
    wizard.setButtonText(QWizard.WizardButton.CustomButton1,
                         QCoreApplication.translate("BundleSetupDialog", "Set up from the county's bundle…"))
    wizard.button(QWizard.WizardButton.CustomButton1).setObjectName("setupFromBundle")

    def clicked(which: int) -> None:
        if which != QWizard.WizardButton.CustomButton1.value:
            return
        dlg = BundleSetupDialog(wizard.store, wizard)
        if dlg.exec():
            wizard.bundle_summary = dlg.summary
            wizard.done(QDialog.DialogCode.Accepted.value)  # the settings came with the bundle

    wizard.customButtonClicked.connect(clicked)


__all__ = ["BundleSetupDialog", "add_bundle_setup"]
