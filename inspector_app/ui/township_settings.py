"""Settings ▸ Township, authority and officers: edit what exists.

Unlike the first-run wizard (a list of names typed once), this dialog works on the stored rows:
a village is renamed in place (its enterprises follow) or retired (kept for history, no longer
offered); an officer's certificate number is corrected on the same officer; retiring is refused
with the reason while it matters. The device code — the laptop's document series — is changed
only after a confirmation that says what happens to numbering, and the change is logged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ..core import settings as S
from ..core.township import SETUP_OPTIONS, officer_row_problems
from ..storage import settings as settings_store
from ..storage import township
from ..storage.db import Store
from ..storage.township import Officer
from .operations import Change, Op
from .widgets.messages import HINT_STYLE, error_label, inline_failure, set_message

OFFICER_ID = Qt.ItemDataRole.UserRole
RETIRED = QColor("#888888")
BAD_CELL = QColor("#fde7e9")


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no (replaced in tests)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(QCoreApplication.translate("TownshipSettingsDialog", "Change the device code"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("TownshipSettingsDialog", "Keep it"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


class TownshipSettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Township, authority and officers"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._authority_tab(), self.tr("Authority and township"))
        self.tabs.addTab(self._villages_tab(), self.tr("Villages / communities"))
        self.tabs.addTab(self._officers_tab(), self.tr("Officers"))
        self.message = error_label(self, "saveMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 540)

    # -- authority and township --------------------------------------------------------------
    def _authority_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        labels = {
            S.AUTHORITY_NAME: self.tr("Authority full name:"),
            S.AUTHORITY_ABBR: self.tr("Abbreviation in document numbers:"),
            S.REVIEW_GOVERNMENT: self.tr("Administrative review government:"),
            S.COURT: self.tr("Court for litigation:"),
            S.TOWNSHIP: self.tr("Township / sub-district:"),
            S.TOWNSHIP_GOVERNMENT: self.tr("Township government:"),
            S.DEVICE_CODE: self.tr("This laptop's device code:"),
        }
        values = settings_store.get_many(self.store, SETUP_OPTIONS)
        self.fields: dict[str, QLineEdit] = {}
        for option in SETUP_OPTIONS:
            edit = QLineEdit(str(values[option.key]), page)
            edit.setObjectName(option.key)
            self.fields[option.key] = edit
            form.addRow(labels[option], edit)
        self.fields[S.DEVICE_CODE.key].setMaxLength(6)
        note = QLabel(self.tr("The device code is this laptop's document number series, given by the county. "
                              "Once documents have been issued, changing it starts a new series: "
                              "you will be asked to confirm, and the change is logged."), page)
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        form.addRow("", note)
        return page

    # -- villages ------------------------------------------------------------------------------
    def _villages_tab(self) -> QWidget:
        page = QWidget(self)
        self.village_list = QListWidget(page)
        self.village_list.currentItemChanged.connect(self._on_village_current_changed)
        self.village_name = QLineEdit(page)
        self.village_name.setObjectName("villageName")
        self.village_name.setPlaceholderText(self.tr("Name of a village or community"))
        self.add_village_button = QPushButton(self.tr("Add"), page)
        self.rename_village_button = QPushButton(self.tr("Rename"), page)
        self.retire_village_button = QPushButton(self.tr("Retire"), page)
        self.add_village_button.clicked.connect(self._on_add_village_clicked)
        self.rename_village_button.clicked.connect(self._on_rename_village_clicked)
        self.retire_village_button.clicked.connect(self._on_retire_village_clicked)
        self.village_message = error_label(page, "villageMessage")
        hint = QLabel(self.tr("Changes to villages are saved at once. A renamed village keeps its enterprises; "
                              "a retired one stays in the records but is no longer offered."), page)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.village_name, 1)
        for b in (self.add_village_button, self.rename_village_button, self.retire_village_button):
            row.addWidget(b)
        layout = QVBoxLayout(page)
        layout.addWidget(self.village_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.village_message)
        layout.addWidget(hint)
        self._load_villages()
        return page

    def _load_villages(self, select: str | None = None) -> None:
        self.village_list.clear()
        for v in township.list_villages(self.store, include_retired=True):
            n = township.enterprises_in_village(self.store, v.id)
            text = v.name + self.tr(" (%1 enterprises)").replace("%1", str(n))
            if not v.active:
                text += self.tr(" — retired")
            item = QListWidgetItem(text, self.village_list)
            item.setData(Qt.ItemDataRole.UserRole, v)
            if not v.active:
                item.setForeground(QBrush(RETIRED))
            if v.id == select:
                self.village_list.setCurrentItem(item)
        self._on_village_current_changed(self.village_list.currentItem(), None)

    def _selected_village(self):
        item = self.village_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_village_current_changed(self, current, _previous) -> None:
        v = current.data(Qt.ItemDataRole.UserRole) if current else None
        if v is not None:
            self.village_name.setText(v.name)
        self.rename_village_button.setEnabled(v is not None)
        self.retire_village_button.setEnabled(v is not None)
        self.retire_village_button.setText(self.tr("Bring back") if v is not None and not v.active else self.tr("Retire"))

    def _village_op(self, fn, done: str) -> None:
        set_message(self.village_message, "")
        Op(self, fn, changes={Change.TOWNSHIP}) \
            .success(lambda v: (self._load_villages(select=v.id), set_message(self.village_message, done, ok=True))) \
            .failure(inline_failure(self.village_message, self)).run()

    def _on_add_village_clicked(self) -> None:
        name = self.village_name.text()
        count = len(township.list_villages(self.store, include_retired=True))
        self._village_op(lambda: township.save_village(self.store, township.Village(name=name, sort=count)),
                         self.tr("Village added."))

    def _on_rename_village_clicked(self) -> None:
        v, name = self._selected_village(), self.village_name.text()
        if v is not None:
            self._village_op(lambda: township.rename_village(self.store, v.id, name),
                             self.tr("Renamed; its enterprises now show the new name."))

    def _on_retire_village_clicked(self) -> None:
        v = self._selected_village()
        if v is not None:
            self._village_op(lambda: township.set_village_active(self.store, v.id, not v.active),
                             self.tr("Brought back.") if not v.active else self.tr("Retired: kept for history, no longer offered."))

    # -- officers ------------------------------------------------------------------------------
    def _officers_tab(self) -> QWidget:
        page = QWidget(self)
        self.officer_table = QTableWidget(0, 4, page)
        self.officer_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Certificate no."),
                                                      self.tr("Phone"), self.tr("Status")])
        self.officer_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.officer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.officer_table.currentCellChanged.connect(lambda *_a: self._on_officer_current_changed())
        self.add_officer_button = QPushButton(self.tr("Add an officer"), page)
        self.retire_officer_button = QPushButton(self.tr("Retire"), page)
        self.add_officer_button.clicked.connect(self._on_add_officer_clicked)
        self.retire_officer_button.clicked.connect(self._on_retire_officer_clicked)
        self.officer_message = error_label(page, "officerMessage")
        hint = QLabel(self.tr("Correct a name, certificate number or phone in its cell and press Save: "
                              "it stays the same officer. A retired officer stays on past inspections "
                              "and documents but is no longer offered."), page)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_officer_button)
        row.addWidget(self.retire_officer_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.officer_table, 1)
        layout.addLayout(row)
        layout.addWidget(self.officer_message)
        layout.addWidget(hint)
        self._load_officers()
        return page

    def _load_officers(self, select: str | None = None) -> None:
        t = self.officer_table
        t.setRowCount(0)
        self._stored: dict[str, Officer] = {}
        for o in township.list_officers(self.store, active_only=False):
            self._stored[o.id] = o
            r = t.rowCount()
            t.insertRow(r)
            for c, v in enumerate((o.name, o.cert_no, o.phone)):
                item = QTableWidgetItem(v)
                item.setData(OFFICER_ID, o.id)
                if not o.active:
                    item.setForeground(QBrush(RETIRED))
                t.setItem(r, c, item)
            status = QTableWidgetItem(self.tr("Serving") if o.active else self.tr("Retired"))
            status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(r, 3, status)
            if o.id == select:
                t.setCurrentCell(r, 0)
        self._on_officer_current_changed()

    def _row_officer(self, r: int) -> Officer:
        cells = [(self.officer_table.item(r, c).text().strip() if self.officer_table.item(r, c) else "")
                 for c in range(3)]
        first = self.officer_table.item(r, 0)
        oid = first.data(OFFICER_ID) if first is not None else None
        active = self._stored[oid].active if oid in self._stored else True
        return Officer(name=cells[0], cert_no=cells[1], phone=cells[2], active=active, id=oid or None)

    def _on_officer_current_changed(self) -> None:
        r = self.officer_table.currentRow()
        oid = self.officer_table.item(r, 0).data(OFFICER_ID) if r >= 0 and self.officer_table.item(r, 0) else None
        o = self._stored.get(oid)
        self.retire_officer_button.setEnabled(o is not None)
        self.retire_officer_button.setText(self.tr("Bring back") if o is not None and not o.active else self.tr("Retire"))

    def _on_add_officer_clicked(self) -> None:
        t = self.officer_table
        t.insertRow(t.rowCount())
        status = QTableWidgetItem(self.tr("New"))
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        t.setItem(t.rowCount() - 1, 3, status)
        t.setCurrentCell(t.rowCount() - 1, 0)
        t.editItem(t.item(t.rowCount() - 1, 0) or self._blank(t.rowCount() - 1, 0))

    def _blank(self, r: int, c: int) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        self.officer_table.setItem(r, c, item)
        return item

    def _on_retire_officer_clicked(self) -> None:
        r = self.officer_table.currentRow()
        o = self._stored.get(self.officer_table.item(r, 0).data(OFFICER_ID)) if r >= 0 else None
        if o is None:
            return
        set_message(self.officer_message, "")
        done = self.tr("Brought back.") if not o.active else self.tr("Retired: kept for history, no longer offered.")
        Op(self, lambda: township.set_officer_active(self.store, o.id, not o.active), changes={Change.TOWNSHIP}) \
            .success(lambda _r: (self._load_officers(select=o.id), set_message(self.officer_message, done, ok=True))) \
            .failure(inline_failure(self.officer_message, self)).run()

    def _officer_edits(self) -> tuple[list[tuple[int, Officer]], dict[int, str]]:
        """(row, officer) of each new or changed row, and the problems by row."""
        rows = []
        for r in range(self.officer_table.rowCount()):
            o = self._row_officer(r)
            if o.id is None and not (o.name or o.cert_no or o.phone):
                continue
            rows.append((r, o))
        problems = officer_row_problems([o for _r, o in rows])
        bad = {rows[i][0]: msg for i, msg in problems.items()}
        changed = [(r, o) for r, o in rows
                   if o.id is None or (o.name, o.cert_no, o.phone) != (self._stored[o.id].name,
                                                                      self._stored[o.id].cert_no,
                                                                      self._stored[o.id].phone)]
        for r in range(self.officer_table.rowCount()):
            for c in range(3):
                item = self.officer_table.item(r, c) or (self._blank(r, c) if r in bad else None)
                if item is not None:
                    item.setBackground(QBrush(BAD_CELL) if r in bad else QBrush())
                    item.setToolTip(bad.get(r, ""))
        return changed, bad

    # -- save ----------------------------------------------------------------------------------
    def accept(self) -> None:  # Qt override: save, then close
        set_message(self.message, "")
        set_message(self.officer_message, "")
        changed, bad = self._officer_edits()
        if bad:
            self.tabs.setCurrentIndex(2)
            set_message(self.officer_message, "\n".join(
                self.tr("Row %1: ").replace("%1", str(r + 1)) + msg for r, msg in sorted(bad.items())))
            return
        values = {o: self.fields[o.key].text().strip() for o in SETUP_OPTIONS}
        new_code = values.pop(S.DEVICE_CODE)
        problems = [o.problem(v) for o, v in values.items()] + [S.DEVICE_CODE.problem(new_code)]
        problems = [p for p in problems if p]
        if problems:
            self.tabs.setCurrentIndex(0)
            set_message(self.message, "\n".join(problems))
            return
        confirmed = False
        effect = township.device_code_change_effect(self.store, new_code)
        if effect:
            if not confirm(self, self.tr("Change the device code?"), effect):
                return
            confirmed = True

        def save() -> None:
            with self.store.write():
                settings_store.put_many(self.store, values)
                for _r, officer in changed:
                    township.save_officer(self.store, officer)
                township.change_device_code(self.store, new_code, confirmed=confirmed,
                                            note="设置中更改")

        saved: list[bool] = []
        Op(self, save, changes={Change.TOWNSHIP, Change.SETTINGS}) \
            .success(lambda _r: saved.append(True)).failure(inline_failure(self.message, self)).run()
        if saved:
            super().accept()
