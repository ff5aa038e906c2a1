"""Today (今日待办): what needs doing now — the page the app opens on.

The sections (``model.SECTIONS``, in order of urgency): re-inspections overdue and due this week
(Monday–Sunday), rectifications overdue, supervision listings expired or expiring, documents
issued but not served, unfinished inspections. A finding appears once, under its most pressing
reason; each section says which date its date column shows. A row opens its finding, document
service or inspection; the re-inspection lists start the re-inspection of the selected findings.
The page follows the changes operations announce (and the date: it refreshes on a new day).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QTableView, QVBoxLayout, QWidget)

from ...core import clock
from ...core import findings as rules
from ...storage import findings as findings_store
from ...storage.db import Store
# The finding dossier and the re-inspection dialog are imported when first opened: Today is the
# start page, so its imports are on the start-up path.
from ..operations import Change
from ..widgets.messages import HINT_STYLE, error_label, set_message
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import selected_rows, table_view
from .model import MODEL_OF_KIND, SECTION_BY_KEY, SECTIONS, TodayContext, horizon_days, place_findings


# Column widths per kind of section: each model has its own columns (a date or a document
# title cut to "2026…" reads as carelessness); the last column stretches.
COLUMN_WIDTHS = {
    "finding": (230, 80, 340, 50, 100, 90),
    "document": (230, 170, 300, 100),
    "draft": (230, 100, 100, 140),
}


class TodayWidget(QWidget):
    """The officer's start page: today's re-inspections, overdue work and expiring listings."""


    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.today = clock.today()
        self.models: dict = {}
        self.notes: dict[str, QLabel] = {}
        self.views: dict[str, QTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.empty_labels: dict[str, QLabel] = {}
        self.button_rows: dict[str, QHBoxLayout] = {}
        self.finding_dialog = None
        self.child_dialog = None
        self.counts: dict[str, int] = {}  # section → rows shown
        # The deferred sections (drafts, unserved documents, the ledger reminders, suspended
        # enterprises) are filled one event-loop turn after the page is first painted, so the
        # officer sees the urgent lists at once; until then their boxes are hidden. ``loaded``
        # says they are in.
        self.loaded = False
        self._load_timer = QTimer(self)  # owned: it dies with the page (no call into a deleted one)
        self._load_timer.setSingleShot(True)
        self._load_timer.timeout.connect(self._on_first_shown)

        self.summary = QLabel(self)
        self.summary.setObjectName("todaySummary")
        f = QFont(self.summary.font())
        f.setPointSize(f.pointSize() + 2)
        self.summary.setFont(f)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.message = error_label(self, "todayMessage")
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        for section in SECTIONS:
            key = section.key
            model = MODEL_OF_KIND[section.kind](key, self)
            view = table_view(self, model, name=f"today_{key}", selection="extended",
                              widths=COLUMN_WIDTHS[section.kind])
            view.activated.connect(lambda index, k=key: self._on_row_activated(k, index))
            box = QGroupBox(self)
            box.setObjectName(f"box_{key}")
            lay = QVBoxLayout(box)
            note = QLabel(box)
            note.setObjectName(f"note_{key}")
            note.setStyleSheet(HINT_STYLE)
            note.setWordWrap(True)
            empty = QLabel(self.tr("Nothing here."), box)
            empty.setObjectName(f"empty_{key}")
            empty.setStyleSheet(HINT_STYLE)
            lay.addWidget(empty)
            lay.addWidget(note)
            lay.addWidget(view)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            open_button = QPushButton(self._open_text(section.kind), box)
            open_button.setObjectName(f"open_{key}")
            open_button.clicked.connect(lambda _c=False, k=key: self._on_open_clicked(k))
            buttons.addWidget(open_button)
            if section.action == "reinspect":
                start = QPushButton(self.tr("Start re-inspection"), box)
                start.setObjectName(f"reinspect_{key}")
                start.clicked.connect(lambda _c=False, k=key: self._on_reinspect_clicked(k))
                buttons.addWidget(start)
            lay.addLayout(buttons)
            inner.addWidget(box)
            self.models[key], self.views[key], self.boxes[key] = model, view, box
            self.empty_labels[key], self.button_rows[key], self.notes[key] = empty, buttons, note
        # What the township ledgers need (issue 13): each reminder opens its ledger filtered to it.
        self.ledger_box = QGroupBox(self)
        self.ledger_box.setObjectName("today_ledgers")
        self.ledger_list = QListWidget(self.ledger_box)
        self.ledger_list.setObjectName("ledgerReminders")
        self.ledger_list.itemActivated.connect(self._on_ledger_reminder)
        self.ledger_list.itemClicked.connect(self._on_ledger_reminder)
        self.ledger_reminders: list = []
        QVBoxLayout(self.ledger_box).addWidget(self.ledger_list)
        self.ledger_box.setVisible(False)
        inner.addWidget(self.ledger_box)
        # Enterprises under suspension (停产整改) until a resumption review passes (issue 9): the
        # last box, filled with the deferred sections (its list imports storage.escalation).
        self.suspended_box = QGroupBox(self)
        self.suspended_box.setObjectName("today_suspended")
        self.suspended_box.setVisible(False)
        self.suspended_model = None  # built by _build_suspended
        inner.addWidget(self.suspended_box)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        for section in SECTIONS:
            self.boxes[section.key].setVisible(not section.deferred)
        self._fill(tuple(s for s in SECTIONS if not s.deferred))
        self._paint_watch = _FirstPaint(self.summary, self._on_first_painted)
        self.follow = RefreshOnChange(
            self, {Change.FINDING, Change.DOCUMENT, Change.INSPECTION, Change.ENTERPRISE, Change.SETTINGS,
                   Change.LEDGER},
            self.refresh, daily=True)

    def _on_refresh_clicked(self) -> None:
        self.refresh()

    def _open_text(self, kind: str) -> str:
        if kind == "document":
            return self.tr("Record service…")
        if kind == "draft":
            return self.tr("Resume")
        return self.tr("Open")

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if not self.loaded and not self._load_timer.isActive():
            # Filled after the first paint (_on_first_painted); this is the fallback for a page
            # that is shown but not painted (a window the system does not expose).
            self._load_timer.start(300)

    def _on_first_painted(self) -> None:
        if not self.loaded:
            self._load_timer.start(0)  # after this paint pass: the page is on screen first

    def _on_first_shown(self) -> None:
        # The store may have closed before this turn of the event loop (the app quitting).
        if not self.loaded and not self.store.closed:
            self._fill(tuple(s for s in SECTIONS if s.deferred))

    def _build_suspended(self) -> None:
        from ..findings.suspension import SuspensionsModel

        self.suspended_model = SuspensionsModel(self)
        self.suspended_view = table_view(self, self.suspended_model, name="suspendedList",
                                         widths=(230, 90, 200, 200, 80))
        self.suspended_view.activated.connect(self._on_suspended_activated)
        self.suspended_empty = QLabel(self.tr("Nothing here."), self.suspended_box)
        self.suspended_empty.setStyleSheet(HINT_STYLE)
        self.review_button = QPushButton(self.tr("Record resumption review…"), self.suspended_box)
        self.review_button.setObjectName("review_suspended")
        self.review_button.clicked.connect(self._on_review_clicked)
        lay = QVBoxLayout(self.suspended_box)
        lay.addWidget(self.suspended_empty)
        lay.addWidget(self.suspended_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.review_button)
        lay.addLayout(row)

    def _fill_suspended(self) -> None:
        from ...storage import escalation

        if self.suspended_model is None:
            self._build_suspended()
        suspended = escalation.suspensions(self.store, open_only=True)
        self.suspended_box.setTitle(self.tr("Under suspension until a resumption review passes") + f"（{len(suspended)}）")
        self.suspended_model.set_rows(suspended)
        shown = max(1, min(len(suspended), 8))
        self.suspended_view.setFixedHeight(self.suspended_view.horizontalHeader().height() + shown * 24 + 6)
        self.suspended_view.setVisible(bool(suspended))
        self.review_button.setVisible(bool(suspended))
        self.suspended_empty.setVisible(not suspended)
        self.suspended_box.setVisible(True)

    def refresh(self) -> None:
        self._fill(SECTIONS)

    def _fill(self, sections) -> None:
        self.today = clock.today()
        window = findings_store.reinspection_window(self.store)
        view = None
        if any(s.kind == "finding" for s in sections):
            view = findings_store.today_view(self.store, today=self.today, window_days=window,
                                             horizon_days=horizon_days(self.today))
        placed = place_findings(sections, TodayContext(self.store, self.today, window, view))
        for section in sections:
            key = section.key
            rows = placed[key]
            self.boxes[key].setVisible(True)
            self.models[key].set_rows(rows, self.today)
            # The count is of findings (documents, inspections): each is placed once.
            self.boxes[key].setTitle(QCoreApplication.translate("TodayWidget", section.title) + f"（{len(rows)}）")
            self.notes[key].setText(QCoreApplication.translate("TodayWidget", section.date_note)
                                    .replace("%1", str(window)))
            self.notes[key].setVisible(bool(rows))
            view_widget = self.views[key]
            # Each list as tall as its rows (up to 8), so the page reads top to bottom.
            shown = max(1, min(len(rows), 8))
            view_widget.setFixedHeight(view_widget.horizontalHeader().height() + shown * 24 + 6)
            view_widget.setVisible(bool(rows))
            self.empty_labels[key].setVisible(not rows)
            buttons = self.button_rows[key]
            for i in range(buttons.count()):
                w = buttons.itemAt(i).widget()
                if w is not None:
                    w.setVisible(bool(rows))
            self.counts[key] = len(rows)
        if all(s.key in self.counts for s in SECTIONS):
            self.loaded = True
        counts = {"finding": 0, "document": 0, "draft": 0}
        for section in SECTIONS:
            counts[section.kind] += self.counts.get(section.key, 0)
        if any(s.deferred for s in sections):  # off the start-up path, with the deferred sections
            self._fill_suspended()
            self._fill_ledger_reminders()
        d = self.today
        head = self.tr("Today, %1").replace("%1", f"{d.year}年{d.month}月{d.day}日")
        parts = []
        if counts["finding"]:
            parts.append(self.tr("%n finding(s) need attention", "", counts["finding"]))
        if counts["document"]:
            parts.append(self.tr("%n document(s) to serve", "", counts["document"]))
        if counts["draft"]:
            parts.append(self.tr("%n unfinished inspection(s)", "", counts["draft"]))
        self.summary.setText(head + " — " + ("；".join(parts) if parts else self.tr("nothing is due")))

    def _fill_ledger_reminders(self) -> None:
        from ...storage import ledgers

        self.ledger_reminders = ledgers.reminders(self.store, today=self.today)
        # Here, not in __init__: PySide's first viewport() call costs ~8 ms (type set-up).
        self.ledger_list.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.ledger_list.clear()
        for r in self.ledger_reminders:
            item = QListWidgetItem(r.text, self.ledger_list)
            item.setToolTip(self.tr("Click to open the ledger filtered to it"))
        self.ledger_box.setTitle(self.tr("Ledgers") + f"（{len(self.ledger_reminders)}）")
        self.ledger_box.setVisible(bool(self.ledger_reminders))
        rows = max(1, len(self.ledger_reminders))
        line = self.ledger_list.sizeHintForRow(0) if self.ledger_reminders else 20
        self.ledger_list.setFixedHeight(rows * line + 2 * self.ledger_list.frameWidth() + 4)

    def _on_ledger_reminder(self, item) -> None:
        from ..ledgers.navigate import show_reminder

        row = self.ledger_list.row(item)
        if 0 <= row < len(self.ledger_reminders):
            show_reminder(self.window(), self.ledger_reminders[row], self.today)

    def selected_ids(self, key: str) -> list[str]:
        view, model = self.views[key], self.models[key]
        return [model.rows[r]["id"] for r in selected_rows(view)]

    def open_finding(self, finding_id: str):
        from ..findings.dossier import open_finding_dialog

        self.finding_dialog = open_finding_dialog(self, self.store, finding_id)
        return self.finding_dialog

    def reinspection_dialog(self, finding_ids: list[str]):
        """The re-inspection of the given findings, extended to every finding due for re-inspection
        under the same order (one opinion per order, as it is printed)."""
        from ..findings.reinspection import ReinspectionDialog, original_order

        ids = list(dict.fromkeys(finding_ids))
        if len(ids) == 1:
            order = original_order(self.store, ids[0])
            if order:
                f = findings_store.get_finding(self.store, ids[0])
                for other in findings_store.query_finding_ids(
                        self.store, state=rules.REINSPECTION_STATES, enterprise_id=f["enterprise_id"]):
                    if other not in ids and (original_order(self.store, other) or {}).get("id") == order["id"]:
                        ids.append(other)
        return ReinspectionDialog(self.store, ids, self)

    def open_row(self, key: str, row: dict):
        """What a row opens: its finding, the service of its document, or its inspection."""
        kind = SECTION_BY_KEY[key].kind
        if kind == "document":
            from ..documents.service import ServiceDialog

            self.child_dialog = ServiceDialog(self.store, row["id"], self)
            self.child_dialog.exec()
            return self.child_dialog
        if kind == "draft":
            from ..inspection.window import open_inspection_window

            return open_inspection_window(self.store, row["id"], self)
        return self.open_finding(row["id"])

    def _on_row_activated(self, key: str, index) -> None:
        self.open_row(key, self.models[key].rows[index.row()])

    def _on_open_clicked(self, key: str) -> None:
        ids = self.selected_ids(key)
        if ids:
            self.open_row(key, next(r for r in self.models[key].rows if r["id"] == ids[0]))

    def review_dialog(self, suspension_id: str):
        """复产审查 of a suspended enterprise listed here."""
        from ..findings.suspension import ResumptionReviewDialog

        return ResumptionReviewDialog(self.store, suspension_id, self)

    def _open_review(self, row: int) -> None:
        s = self.suspended_model.row_at(row) if self.suspended_model is not None else None
        if s is None:
            set_message(self.message, self.tr("Select the suspended enterprise first."))
            return
        try:
            self.child_dialog = self.review_dialog(s["id"])
        except ValueError as e:
            set_message(self.message, str(e))
            return
        set_message(self.message, "")
        self.child_dialog.exec()  # the page follows the change the review announces

    def _on_suspended_activated(self, index) -> None:
        self._open_review(index.row())

    def _on_review_clicked(self) -> None:
        rows = selected_rows(self.suspended_view)
        self._open_review(rows[0] if rows else -1)

    def _on_reinspect_clicked(self, key: str) -> None:
        ids = self.selected_ids(key)
        if not ids:
            set_message(self.message, self.tr("Select the findings to re-inspect."))
            return
        try:
            self.child_dialog = self.reinspection_dialog(ids)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        set_message(self.message, "")
        self.child_dialog.exec()


class _FirstPaint(QObject):
    """Calls ``callback`` when ``widget`` is painted for the first time, then stops watching."""

    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # Qt override
        if obj is self._widget and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self._callback()
        return False


__all__ = ["TodayWidget"]
