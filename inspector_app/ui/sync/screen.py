"""同步: exchanging bundles with the county (issue 14).

What the officer sees: the county key's fingerprint (and pinning it from the county's key file,
the fingerprint shown for confirmation), the last export and import with their dates and counts,
the outbox (bundles waiting for the county's acknowledgement), the export and import buttons, and
the conflict list (``conflicts.ConflictPanel``). Export and import run off the UI thread with a
progress bar (``ops``); a failure shows the bundle code's Chinese message (what is wrong, that
nothing was changed, what to do) both in the banner and through the one failure handler.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...storage.db import Store
from ..operations import Change, show_failure
from ..widgets.messages import ERROR_STYLE, OK_STYLE
from ..widgets.refresh import RefreshOnChange
from . import ops
from .conflicts import ConflictPanel

BUNDLE_FILTER = "*.tsobundle"


def when(iso: str | None) -> str:
    return (iso or "")[:16].replace("T", " ")


def counts_text(counts: dict, limit: int = 4) -> str:
    """“企业 3、检查记录 5 …” from a {table: rows} dict, largest first."""
    from ...sync import state

    parts = sorted(((n, t) for t, n in (counts or {}).items() if n), reverse=True)
    text = "、".join(f"{state.TABLE_TITLES.get(t, t)} {n}" for n, t in parts[:limit])
    return text + ("…" if len(parts) > limit else "")


def fingerprint_font() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class TrustKeyDialog(QDialog):
    """Shows the county key file's fingerprint to compare with the one the county gives out."""

    def __init__(self, path: str, data: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trust the county's key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Key file: %1\n\nCompare this fingerprint with the one the county office "
                               "gave you (by phone or on paper). Trust the key only if every group matches.")
                       .replace("%1", Path(path).name), self)
        intro.setWordWrap(True)
        self.fingerprint = QLabel(data.get("fingerprint", ""), self)
        self.fingerprint.setObjectName("keyFingerprint")
        self.fingerprint.setFont(fingerprint_font())
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-size: 15px; padding: 6px; background: #f4f4f4;")
        buttons = QDialogButtonBox(self)
        self.trust_button = buttons.addButton(self.tr("Fingerprint matches — trust"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setObjectName("trustButton")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint)
        layout.addWidget(buttons)
        self.resize(520, 220)


def read_county_key(path: str) -> dict:
    from ...sync import keys

    return keys.read_key_file(path, role="county")


class SyncWidget(QWidget):
    """The 同步 module of the main window."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("syncWidget")

        # -- keys --------------------------------------------------------------------------
        keys_box = QGroupBox(self.tr("Keys"), self)
        self.county_fp = QLabel(self)
        self.county_fp.setObjectName("countyFingerprint")
        self.county_fp.setFont(fingerprint_font())
        self.county_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.county_fp.setWordWrap(True)
        self.own_fp = QLabel(self)
        self.own_fp.setObjectName("ownFingerprint")
        self.own_fp.setFont(fingerprint_font())
        self.own_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_fp.setWordWrap(True)
        self.device_label = QLabel(self)
        self.device_label.setObjectName("deviceLabel")
        self.trust_button = QPushButton(self.tr("Trust the county key…"), self)
        self.trust_button.setObjectName("trustCountyKey")
        self.trust_button.clicked.connect(self._on_trust_clicked)
        kl = QGridLayout(keys_box)
        kl.addWidget(QLabel(self.tr("County key fingerprint:"), self), 0, 0)
        kl.addWidget(self.county_fp, 0, 1)
        kl.addWidget(self.trust_button, 0, 2)
        kl.addWidget(QLabel(self.tr("This laptop:"), self), 1, 0)
        kl.addWidget(self.device_label, 1, 1, 1, 2)
        kl.addWidget(QLabel(self.tr("This laptop's key fingerprint:"), self), 2, 0)
        kl.addWidget(self.own_fp, 2, 1, 1, 2)
        kl.setColumnStretch(1, 1)

        # -- last export / import and the buttons ------------------------------------------
        exchange = QGroupBox(self.tr("Exchange with the county"), self)
        self.last_export = QLabel(self)
        self.last_export.setObjectName("lastExport")
        self.last_export.setWordWrap(True)
        self.last_import = QLabel(self)
        self.last_import.setObjectName("lastImport")
        self.last_import.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export sync bundle…"), self)
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.full_export = QCheckBox(self.tr("Everything"), self)
        self.full_export.setToolTip(self.tr("Everything this laptop holds, not only what the county has not acknowledged"))
        self.full_export.setObjectName("fullExport")
        self.encrypt = QCheckBox(self.tr("Encrypt for the county (only the county can read it)"), self)
        self.encrypt.setObjectName("encryptExport")
        self.import_button = QPushButton(self.tr("Import county sync bundle…"), self)
        self.import_button.setObjectName("importBundle")
        self.import_button.clicked.connect(self._on_import_clicked)
        self.banner = QLabel(self)
        self.banner.setObjectName("syncBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setVisible(False)
        el = QGridLayout(exchange)
        el.addWidget(QLabel(self.tr("Last export:"), self), 0, 0)
        el.addWidget(self.last_export, 0, 1)
        el.addWidget(self.export_button, 0, 2)
        options = QHBoxLayout()
        options.addWidget(self.full_export)
        options.addWidget(self.encrypt)
        options.addStretch(1)
        el.addLayout(options, 1, 1, 1, 2)
        el.addWidget(QLabel(self.tr("Last import:"), self), 2, 0)
        el.addWidget(self.last_import, 2, 1)
        el.addWidget(self.import_button, 2, 2)
        el.addWidget(self.banner, 3, 0, 1, 3)
        el.setColumnStretch(1, 1)

        # -- outbox ------------------------------------------------------------------------
        outbox_box = QGroupBox(self.tr("Outbox: bundles waiting for the county's acknowledgement"), self)
        self.outbox = QTableWidget(0, 5, self)
        self.outbox.setObjectName("outbox")
        self.outbox.setHorizontalHeaderLabels([self.tr("File"), self.tr("Created"), self.tr("Sequence"),
                                               self.tr("Records"), self.tr("Photos")])
        self.outbox.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.outbox.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outbox.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.outbox.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outbox.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outbox.verticalHeader().setVisible(False)
        self.outbox_hint = QLabel(self)
        self.outbox_hint.setObjectName("outboxHint")
        self.outbox_hint.setWordWrap(True)
        self.outbox_hint.setStyleSheet("color: #555;")
        ol = QVBoxLayout(outbox_box)
        ol.addWidget(self.outbox)
        ol.addWidget(self.outbox_hint)

        # -- conflicts ---------------------------------------------------------------------
        self.conflicts_box = QGroupBox(self)
        self.conflicts = ConflictPanel(store, self)
        self.conflicts.resolved.connect(lambda _cid: self.reload())
        cl = QVBoxLayout(self.conflicts_box)
        cl.addWidget(self.conflicts)

        top = QHBoxLayout()
        top.addWidget(keys_box, 1)
        top.addWidget(exchange, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(outbox_box)
        split.addWidget(self.conflicts_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([150, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self._sealable: bool | None = None
        # Imports change every kind of record; a key pinned elsewhere is a setting.
        self._refresh = RefreshOnChange(self, set(Change), self.reload)
        self.reload()

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        from ...sync import state

        st = state.status(self.store)
        self.county_fp.setText(st["county_fingerprint"] or self.tr("not trusted yet — import the county's key file"))
        self.county_fp.setStyleSheet("" if st["county_fingerprint"] else ERROR_STYLE)
        self.own_fp.setText(st["fingerprint"] or self.tr("created with the first export"))
        self.device_label.setText(self.tr("device %1, %2").replace("%1", st["device"] or "—")
                                  .replace("%2", st.get("township") or "—"))
        ex, im = st["last_export"], st["last_import"]
        if ex:
            self.last_export.setText(self.tr("%1 · sequence %2 · %3 records, %4 photos (%5)\n%6")
                                     .replace("%1", when(ex["created_at"])).replace("%2", str(ex["seq"]))
                                     .replace("%3", str(ex["rows"])).replace("%4", str(ex["photos"]))
                                     .replace("%5", counts_text(ex["counts"]) or "—").replace("%6", ex["file_name"]))
        else:
            self.last_export.setText(self.tr("never"))
        if im:
            self.last_import.setText(self.tr("%1 · county sequence %2 · new %3, updated %4, conflicts %5\n%6")
                                     .replace("%1", when(im["imported_at"])).replace("%2", str(im["seq"]))
                                     .replace("%3", str(im["new"])).replace("%4", str(im["updated"]))
                                     .replace("%5", str(im["conflicts"])).replace("%6", im["file_name"]))
        else:
            self.last_import.setText(self.tr("never"))
        self.import_button.setEnabled(True)  # without a pinned key the import says what to do
        from ...sync import keys

        sealable = keys.county_encryption_key(self.store) is not None
        if sealable != self._sealable:  # the officer's own choice stands until the key changes
            self.encrypt.setEnabled(sealable)
            self.encrypt.setChecked(sealable)  # on whenever the county's key allows it
        self._sealable = sealable
        self.encrypt.setToolTip("" if sealable else self.tr("The county's key file carries no encryption key"))
        box = state.outbox(self.store)
        self.outbox.setRowCount(len(box))
        for r, e in enumerate(box):
            for c, text in enumerate((e["file_name"], when(e["created_at"]), str(e["seq"]), str(e["rows"]),
                                      str(e["photos"]))):
                item = QTableWidgetItem(text)
                item.setToolTip(counts_text(e["counts"], limit=20) if c == 3 else e.get("outbox_path") or "")
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.outbox.setItem(r, c, item)
        self.outbox_hint.setText(
            self.tr("%1 bundle(s) not yet acknowledged. A copy of each stays on this laptop until the county's next "
                    "bundle confirms it arrived; exporting again sends only what is new, never duplicates.")
            .replace("%1", str(len(box))) if box else
            self.tr("Nothing waiting: the county has acknowledged every bundle."))
        self.conflicts.reload()
        n = st["open_conflicts"]
        self.conflicts_box.setTitle(self.tr("Conflicts to check: %1").replace("%1", str(n)) if n
                                    else self.tr("Conflicts: none"))

    def _say(self, text: str, *, ok: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet((OK_STYLE if ok else ERROR_STYLE) + " padding: 4px;")
        self.banner.setVisible(True)

    def _failed(self, title: str):
        def handler(exc: BaseException) -> None:
            self._say(str(exc) or exc.__class__.__name__, ok=False)
            show_failure(self, exc, title)
        return handler

    # -- export ----------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export sync bundle to a folder (the USB stick)"))
        if not folder:
            return
        title = self.tr("Export sync bundle")
        self.banner.setVisible(False)
        self._op = ops.export_bundle(self, self.store, folder, full=self.full_export.isChecked(),
                                     encrypt=self.encrypt.isEnabled() and self.encrypt.isChecked(),
                                     label=self.tr("Writing and verifying the bundle…")) \
            .success(self._on_exported).failure(self._failed(title)).run()

    def _on_exported(self, summary: dict) -> None:
        self.last_summary = summary
        self._say(self.tr("Written and verified: %1 (%2 records, %3 photos, sequence %4) in %5.\n"
                          "It is now safe to remove the USB stick. Hand the bundle to the county office.")
                  .replace("%1", summary["file_name"]).replace("%2", str(summary["rows"]))
                  .replace("%3", str(summary["photos"])).replace("%4", str(summary["sequence"]))
                  .replace("%5", str(Path(summary["path"]).parent))
                  + (" " + self.tr("Encrypted: only the county can read it.") if summary.get("encrypted") else ""), ok=True)
        self.reload()

    # -- import ----------------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the county's sync bundle"), "",
                                              self.tr("Sync bundles (%1)").replace("%1", BUNDLE_FILTER))
        if not path:
            return
        title = self.tr("Import county sync bundle")
        self.banner.setVisible(False)
        self._op = ops.import_bundle(self, self.store, path, label=self.tr("Verifying and merging the bundle…")) \
            .success(self._on_imported).failure(self._failed(title)).run()

    def _on_imported(self, summary: dict) -> None:
        self.last_summary = summary
        if summary.get("already"):
            self._say(self.tr("This bundle (county sequence %1) was imported before; nothing changed.")
                      .replace("%1", str(summary.get("sequence"))), ok=True)
        else:
            text = self.tr("Imported county bundle %1: new %2, updated %3, conflicts %4.") \
                .replace("%1", str(summary["sequence"])).replace("%2", str(summary["new"])) \
                .replace("%3", str(summary["updated"])).replace("%4", str(summary["conflicts"]))
            if summary["conflicts"]:
                text += " " + self.tr("Check the conflicts below.")
            if summary.get("unified"):
                text += " " + self.tr("%1 enterprise(s) held twice were unified by credit code.") \
                    .replace("%1", str(len(summary["unified"])))
            self._say(text + " " + self.tr("It is now safe to remove the USB stick."), ok=True)
        self.reload()

    # -- the county key --------------------------------------------------------------------
    def _on_trust_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The county's key file"), "",
                                              self.tr("County key files (*.json *.key *.txt);;All files (*)"))
        if not path:
            return
        title = self.tr("Trust the county's key")
        try:
            data = read_county_key(path)
        except (ValueError, OSError) as e:
            self._failed(title)(e)
            return
        if not TrustKeyDialog(path, data, self).exec():
            return
        ops.trust_county_key(self, self.store, path, title=title) \
            .success(lambda fp: (self._say(self.tr("County key trusted: %1").replace("%1", str(fp)), ok=True),
                                 self.reload())) \
            .failure(self._failed(title)).run()


__all__ = ["SyncWidget", "TrustKeyDialog"]
