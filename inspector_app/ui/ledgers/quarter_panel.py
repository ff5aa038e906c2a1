"""The quarter's bar on the ledger screen and its dialogs: the state (open, or closed by whom and
when), 结账 with the completeness check listing what is missing (each gap opens its record; the
officer may close with the gaps after a confirmation, which storage logs), 重新打开 with a
required reason, and the export.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...core import clock
from ...core.ledgers.ledgers import spec
from ...core.ledgers.quarter import Quarter
from ...storage import ledgers
from ...storage.db import Store
from ...storage.ledgers.quarters import MIN_REASON
from ..operations import Change, Op
from ..widgets.messages import HINT_STYLE, error_label, inline_failure, set_message
from . import opener


class QuarterPanel(QFrame):
    changed = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.q = Quarter.of(clock.today())
        self.state = None
        self.dialog = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("quarterState")
        self.close_button = QPushButton(self.tr("C&lose the quarter…"), self)
        self.close_button.setObjectName("closeQuarter")
        self.close_button.clicked.connect(self.close_dialog)
        self.reopen_button = QPushButton(self.tr("&Reopen…"), self)
        self.reopen_button.setObjectName("reopenQuarter")
        self.reopen_button.clicked.connect(self.reopen_dialog)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("exportLedgers")
        self.export_button.clicked.connect(self.export)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(self.state_label, 1)
        for b in (self.close_button, self.reopen_button, self.export_button):
            lay.addWidget(b)

    def set_quarter(self, q: Quarter) -> None:
        self.q = q
        self.state = ledgers.quarter_state(self.store, q)
        if self.state.is_closed:
            text = self.tr("%1: closed by %2 at %3").replace("%1", q.label) \
                .replace("%2", self.state.closed_by or "—").replace("%3", self.state.closed_at[:16].replace("T", " "))
            style = "color: #1b5e20;"
        elif clock.today() <= q.last:
            text = self.tr("%1: open (the quarter is still running)").replace("%1", q.label)
            style = ""
        else:
            reopened = [e for e in self.state.log if e.get("action") == "reopen"]
            text = self.tr("%1: open, not yet closed").replace("%1", q.label)
            if reopened:
                last = reopened[-1]
                text = self.tr("%1: reopened by %2 at %3 (%4)").replace("%1", q.label) \
                    .replace("%2", last.get("by_officer") or "—").replace("%3", str(last.get("at", ""))[:16].replace("T", " ")) \
                    .replace("%4", last.get("reason", ""))
            style = "color: #a15c00;"
        self.state_label.setText(text)
        self.state_label.setStyleSheet(style)
        self.close_button.setVisible(not self.state.is_closed)
        self.close_button.setEnabled(clock.today() > q.last)
        self.close_button.setToolTip("" if clock.today() > q.last else self.tr("A quarter can be closed once it has ended."))
        self.reopen_button.setVisible(self.state.is_closed)

    def close_dialog(self) -> "CloseQuarterDialog":
        self.dialog = CloseQuarterDialog(self.store, self.q, self)
        self.dialog.exec()
        self.set_quarter(self.q)
        self.changed.emit()
        return self.dialog

    def reopen_dialog(self) -> "ReopenDialog":
        self.dialog = ReopenDialog(self.store, self.q, self)
        self.dialog.exec()
        self.set_quarter(self.q)
        self.changed.emit()
        return self.dialog

    def export(self):
        from .export import ExportDialog

        host = self.parent()
        show_ids = bool(getattr(host, "show_ids", None) and host.show_ids.isChecked())
        self.dialog = ExportDialog(self.store, self.q, self, show_ids=show_ids)
        self.dialog.exec()
        return self.dialog


class CloseQuarterDialog(QDialog):
    """The completeness check of the quarter; closing when nothing is missing, or with the gaps
    after a confirmation."""

    def __init__(self, store: Store, q: Quarter, parent=None):
        super().__init__(parent)
        self.store = store
        self.q = q
        self.issues: list = []
        self.closed = False
        self.opened = None
        self.setObjectName("closeQuarterDialog")
        self.setWindowTitle(self.tr("Close %1").replace("%1", q.label))
        self.summary = QLabel(self)
        self.summary.setObjectName("gapSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("gapTable")
        self.table.setHorizontalHeaderLabels([self.tr("Ledger"), self.tr("What is missing (Enter or double-click opens it)")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.doubleClicked.connect(lambda i: self.open_gap(i.row()))
        self.table.installEventFilter(self)  # Enter opens the gap, and goes no further
        hint = QLabel(self.tr("Closing freezes the quarter's ledgers as reported: the export of a closed quarter "
                              "stays the same after later edits. Reopening needs a reason and is logged."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.message = error_label(self, "closeMessage")
        self.recheck_button = QPushButton(self.tr("Check &again"), self)
        self.recheck_button.clicked.connect(self.check)
        self.close_button = QPushButton(self.tr("&Close the quarter"), self)
        self.close_button.setObjectName("closeNow")
        self.close_button.clicked.connect(lambda: self.close_quarter(accept_gaps=False))
        self.accept_button = QPushButton(self.tr("Close &with the gaps…"), self)
        self.accept_button.setObjectName("closeWithGaps")
        self.accept_button.clicked.connect(self.close_with_gaps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.recheck_button)
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.close_button)
        row.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(hint)
        lay.addWidget(self.message)
        lay.addLayout(row)
        for b in (self.recheck_button, self.close_button, self.accept_button):
            b.setAutoDefault(False)
        self.resize(900, 560)
        self.check()

    def eventFilter(self, obj, event) -> bool:  # Qt override
        if (obj is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_gap(self.table.currentRow())
            return True
        return super().eventFilter(obj, event)

    def check(self) -> None:
        self.issues = ledgers.completeness(self.store, self.q)
        self.table.setRowCount(len(self.issues))
        for i, issue in enumerate(self.issues):
            ledger = spec(issue.ledger).title if issue.ledger else ""
            for col, text in enumerate((ledger, issue.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, col, item)
        if self.issues:
            parts = "；".join(f"{label} {n}" for _c, label, n in ledgers.summary(self.issues))
            self.summary.setText(self.tr("%n item(s) missing: ", "", len(self.issues)) + parts)
            self.table.setCurrentCell(0, 1)
        else:
            self.summary.setText(self.tr("Nothing is missing: the quarter can be closed."))
        self.table.setVisible(bool(self.issues))
        self.close_button.setEnabled(not self.issues)
        self.accept_button.setEnabled(bool(self.issues))

    def open_gap(self, row: int):
        if not 0 <= row < len(self.issues):
            return None
        self.opened = opener.open_issue(self, self.store, self.issues[row], self.q)
        return self.opened

    def close_with_gaps(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close with the gaps"),
                          self.tr("%n item(s) are still missing. Close %1 as it stands? The gaps are logged with the "
                                  "close.", "", len(self.issues)).replace("%1", self.q.label),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmGaps")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.close_quarter(accept_gaps=True)

    def close_quarter(self, *, accept_gaps: bool) -> None:
        def done(_state) -> None:
            self.closed = True
            self.accept()

        def failed(exc) -> None:
            if isinstance(exc, ledgers.CompletenessError):
                self.check()  # something went missing since the check: show it
            inline_failure(self.message, self)(exc)

        Op(self, lambda: ledgers.close_quarter(self.store, self.q, accept_gaps=accept_gaps),
           changes={Change.LEDGER}).success(done).failure(failed).run()


class ReopenDialog(QDialog):
    def __init__(self, store: Store, q: Quarter, parent=None):
        super().__init__(parent)
        self.store = store
        self.q = q
        self.reopened = False
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("Reopen %1").replace("%1", q.label))
        text = QLabel(self.tr("Reopening lets the quarter's ledgers change again; its export is then built from the "
                              "records as they stand until it is closed again. Why is it reopened?"), self)
        text.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.message = error_label(self, "reopenMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Reopen"))
        self.ok.setObjectName("reopenNow")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.reopen)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._on_text)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.reason)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(520, 240)

    def _on_text(self) -> None:
        enough = len(self.reason.toPlainText().strip()) >= MIN_REASON
        self.ok.setEnabled(enough)
        set_message(self.message, "" if enough else self.tr("Write the reason (at least %1 characters).")
                    .replace("%1", str(MIN_REASON)))

    def reopen(self) -> None:
        def done(_state) -> None:
            self.reopened = True
            self.accept()

        reason = self.reason.toPlainText().strip()
        Op(self, lambda: ledgers.reopen_quarter(self.store, self.q, reason=reason), changes={Change.LEDGER}) \
            .success(done).failure(inline_failure(self.message, self)).run()


__all__ = ["CloseQuarterDialog", "QuarterPanel", "ReopenDialog"]
