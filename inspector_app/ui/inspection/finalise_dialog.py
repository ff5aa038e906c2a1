"""Finalising an inspection: review the proposed findings, add those not on the checklist, set
the end time and summary, then finalise (the inspection is frozen and its findings registered)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ...core import clock
from ...storage import inspections as ins
from ...storage.db import Store
from ...storage.inspections import FinaliseError
from ..operations import Change, Op, show_failure
from ..widgets.badges import RED
from ..widgets.dates import to_local_iso, to_qdatetime
from .finding_editor import FindingEditor
from .labels import parse_time, wrap_label


class FinaliseDialog(QDialog):
    """Review the proposed findings (description, grade, deadline), add findings not on the
    checklist, then finalise. ``finding_ids`` is set on success; ``error`` holds a
    FinaliseError the window must show (unanswered items, missing photos)."""

    def __init__(self, store: Store, inspection_id: str, parent=None, *, edits: dict | None = None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.session = ins.open_inspection(store, inspection_id)
        self.found_on = (parse_time(self.session.started_at) or clock.now()).date()
        self.proposals = ins.proposed_findings(self.session, self.found_on)
        self.finding_ids: list[str] | None = None
        self.error: FinaliseError | None = None
        self.setWindowTitle(self.tr("Finalise inspection — %1")
                            .replace("%1", self.session.enterprise.name if self.session.enterprise else ""))

        majors = sum(1 for p in self.proposals if p["grade"] == "重大")
        intro = wrap_label(self, "finaliseIntro", selectable=False)
        intro.setText(
            # The full stop is translated with the sentence: "。" in Chinese, never an English ".".
            (self.tr("%1. ").replace("%1", self.tr("%n problem(s) found", "", len(self.proposals))
                                     + (self.tr(", %n of them major hazards", "", majors) if majors else ""))
             if self.proposals else self.tr("No item failed. "))
            + self.tr("Check each description, grade and deadline. After finalising, the inspection "
                      "can no longer be changed and its record is issued."))
        self.ended = QDateTimeEdit(to_qdatetime(clock.now()), self)
        self.ended.setObjectName("endedAt")
        self.ended.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ended.setCalendarPopup(True)
        started = parse_time(self.session.started_at)
        if started:
            self.ended.setMinimumDateTime(to_qdatetime(started))
        self.summary = QPlainTextEdit(self.session.summary, self)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Optional: what was inspected and how (printed under "
                                                "检查情况 on the record)"))
        self.summary.setFixedHeight(60)

        self.editors: list[FindingEditor] = []
        self.list_widget = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        for p in self.proposals:
            self._add_editor(p)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        self.add_button = QPushButton(self.tr("&Add a finding not on the checklist"), self)
        self.add_button.clicked.connect(lambda: self._add_editor(None))
        self.error_label = wrap_label(self, "finaliseError", selectable=True)
        self.error_label.setStyleSheet(f"color: {RED};")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Finalise"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_finalise_clicked)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Inspection ended:"), self.ended)
        form.addRow(self.tr("Summary:"), self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if edits:
            self._restore(edits)
        self.resize(820, 720)

    def _add_editor(self, proposal: dict | None) -> FindingEditor:
        editor = FindingEditor(proposal, found_on=self.found_on, parent=self.list_widget)
        editor.remove_requested.connect(self._on_editor_remove_requested)
        self.editors.append(editor)
        self.list_layout.insertWidget(self.list_layout.count() - 1, editor)
        if proposal is None:
            editor.description.setFocus()
        return editor

    def _on_editor_remove_requested(self, editor: FindingEditor) -> None:
        self.editors.remove(editor)
        editor.deleteLater()

    def editor_for(self, item_key: str) -> FindingEditor | None:
        return next((e for e in self.editors if e.item_key == item_key), None)

    def findings(self) -> list[dict]:
        return [e.value() for e in self.editors]

    def edits(self) -> dict:
        """What the officer typed, to refill the dialog after a failed attempt."""
        return {"findings": self.findings(), "summary": self.summary.toPlainText()}

    def _restore(self, edits: dict) -> None:
        self.summary.setPlainText(edits.get("summary", ""))
        for values in edits.get("findings", []):
            editor = self.editor_for(values["item_key"]) if values.get("item_key") else self._add_editor(None)
            if editor is not None:
                editor.set_edits(values)

    def _on_finalise_clicked(self) -> None:
        self.error_label.hide()
        first_bad = None
        for e in self.editors:
            problem = e.problem()
            e.show_problem(problem)
            if problem and first_bad is None:
                first_bad = e
        if first_bad is not None:
            first_bad.description.setFocus()
            self.error_label.setText(self.tr("Some findings are incomplete; see the marked entries."))
            self.error_label.show()
            return
        ended = to_local_iso(self.ended.dateTime())
        summary = self.summary.toPlainText()
        found = self.findings()

        def finalise() -> list[str]:
            if summary != self.session.summary:
                ins.update_header(self.store, self.inspection_id, summary=summary)
            return ins.finalise(self.store, self.inspection_id, findings=found, ended_at=ended)

        self.finding_ids = None
        Op(self, finalise, changes={Change.INSPECTION, Change.FINDING}) \
            .success(self._on_finalised).failure(self._on_finalise_failed).run()

    def _on_finalised(self, finding_ids: list[str]) -> None:
        self.finding_ids = finding_ids
        self.accept()

    def _on_finalise_failed(self, exc: BaseException) -> None:
        if isinstance(exc, FinaliseError):
            if exc.unanswered or exc.missing_photo or exc.missing_finding:
                self.error = exc  # the window selects the item and shows the message
                self.reject()
                return
            for key in exc.missing_description:
                editor = self.editor_for(key)
                if editor is not None:
                    editor.show_problem(self.tr("Describe what was found on site (the note of the "
                                                "item is empty)."))
        elif not isinstance(exc, ValueError):
            show_failure(self, exc)
            return
        self.error_label.setText(str(exc))
        self.error_label.show()
