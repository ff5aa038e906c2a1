"""Starting an inspection: who (at least two officers), what kind, where, why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from ...core import clock
from ...core import settings as S
from ...core.documents import DEFAULT_PURPOSE
from ...storage import enterprises as repo
from ...storage import inspections as ins
from ...storage import settings
from ...storage.db import Store
from ...storage.inspections import KINDS
from ..operations import Change, Op, show_failure
from ..widgets.badges import AMBER, RED
from ..widgets.dates import to_local_iso, to_qdatetime
from .labels import KIND_LABELS, bold, fmt_time, label_of, wrap_label
from .officers import officer_message, officer_picker

if TYPE_CHECKING:
    from .window import InspectionWindow


class StartInspectionDialog(QDialog):
    """Who (≥2 officers), what kind, where, why; creates the draft with its checklist."""

    inspection_started = Signal(str)

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.inspection_id: str | None = None
        ent = repo.get(store, enterprise_id)
        self.setWindowTitle(self.tr("Start inspection"))

        self.enterprise_label = wrap_label(self, "enterpriseName")
        bold(self.enterprise_label, 1.1)
        self.enterprise_label.setText(ent.name if ent else "")
        current = settings.get(store, S.CURRENT_OFFICER)
        self.officers = officer_picker(store, self, [current] if current else [])
        self.officer_message = wrap_label(self, "officerMessage", selectable=False)
        self.officer_message.setStyleSheet(f"color: {RED};")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for k in KINDS:
            self.kind.addItem(label_of(KIND_LABELS, k), k)
        self.place = QLineEdit(ent.address if ent else "", self)
        self.place.setObjectName("place")
        self.purpose = QPlainTextEdit(DEFAULT_PURPOSE, self)
        self.purpose.setObjectName("purpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(64)
        self.started = QDateTimeEdit(to_qdatetime(clock.now()), self)
        self.started.setObjectName("startedAt")
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        self.draft_note = wrap_label(self, "draftNote", selectable=False)
        self.draft_note.setStyleSheet(f"color: {AMBER};")
        open_drafts = [d for d in ins.drafts(store) if d["enterprise_id"] == enterprise_id]
        if open_drafts:
            self.draft_note.setText(
                self.tr("An unfinished inspection of this enterprise (started %1) is in the drafts; "
                        "you can resume it from Inspections instead.")
                .replace("%1", fmt_time(open_drafts[0]["started_at"])))
        self.draft_note.setVisible(bool(open_drafts))
        self.error = wrap_label(self, "startError", selectable=False)
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Enterprise:"), self.enterprise_label)
        form.addRow(self.tr("Officers:"), self.officers)
        form.addRow("", self.officer_message)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Start time:"), self.started)
        form.addRow(self.tr("Purpose:"), self.purpose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_start_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.officers.selection_changed.connect(self._on_officers_changed)
        self._on_officers_changed()
        self.resize(560, 0)

    def _on_officers_changed(self) -> None:
        msg = officer_message(self.officers)
        self.officer_message.setText(msg)
        self.officer_message.setVisible(bool(msg))
        self.ok_button.setEnabled(not msg)

    def _on_start_clicked(self) -> None:
        started = to_local_iso(self.started.dateTime())
        values = dict(enterprise_id=self.enterprise_id, officer_ids=self.officers.checked_ids(),
                      kind=self.kind.currentData(), place=self.place.text(),
                      purpose=self.purpose.toPlainText(), started_at=started)
        self.error.hide()
        Op(self, lambda: ins.start_inspection(self.store, **values), changes={Change.INSPECTION}) \
            .success(self._on_started).failure(self._on_start_failed).run()

    def _on_started(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.inspection_started.emit(inspection_id)
        self.accept()

    def _on_start_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ValueError):  # not the officer's input: the one failure handler
            show_failure(self, exc)
            return
        self.error.setText(str(exc))
        self.error.show()


def start_inspection_interactive(store: Store, enterprise_id: str, parent: QWidget | None = None
                                 ) -> "InspectionWindow | None":
    """The start dialog, then the new inspection's window (None when cancelled)."""
    from .window import open_inspection_window  # the window imports far more than this dialog

    dlg = StartInspectionDialog(store, enterprise_id, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.inspection_id:
        return None
    return open_inspection_window(store, dlg.inspection_id, parent)
