"""One finding's dossier: details, history, documents, photos, 五到位, 挂牌督办 and the actions
its state allows (order, on-site measures, mark rectified, re-inspect, close)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from ... import paths
from ...core import clock
from ...core import documents as docs
from ...core import findings as rules
from ...storage import documents as doc_store
from ...storage import findings as findings_store
from ...storage.db import Store, not_found
from ..documents import modal
from ..documents.issue_dialog import IssueDocumentDialog
from ..documents.actions import receipt_button
from ..documents.list_model import DocumentListModel, document_table, entry_of
from ..documents.service import ServiceDialog
from ..operations import Change, changes, show_failure
from ..widgets.date_note import DateNoteDialog
from ..widgets.messages import error_label, inline_failure, set_message
from ..widgets.refresh import caused_by
from ..widgets.tables import table_view
from . import ops
from .events import EventsModel
from .five_panel import FivePanel
from .labels import state_label
from .listing_panel import ListingPanel
from .reinspection import ReinspectionDialog

FOLLOWS = frozenset({Change.FINDING, Change.DOCUMENT})


class FindingDialog(QDialog):
    def __init__(self, store: Store, finding_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.finding_id = finding_id
        self.finding = findings_store.require_finding(store, finding_id, "该隐患记录")
        self.setObjectName("findingDialog")
        self.child_dialog = None
        self._build()
        self.reload()
        changes().changed.connect(self._on_changes_changed)
        self.resize(940, 720)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        self.enterprise_label = QLabel(self)
        self.enterprise_label.setObjectName("enterpriseLabel")
        self.description_label = QLabel(self)
        self.description_label.setObjectName("descriptionLabel")
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = QFont(self.description_label.font())
        f.setPointSize(f.pointSize() + 2)
        self.description_label.setFont(f)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.message = error_label(self, "findingMessage")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("findingTabs")
        self.details = QWidget(self)
        self.details_form = QFormLayout(self.details)
        self.tabs.addTab(self.details, self.tr("Details"))

        self.events_model = EventsModel(self)
        self.events_view = table_view(self, self.events_model, name="eventsView", row_height=None,
                                      widths=(120, 110, 190, 90, 200))
        self.tabs.addTab(self.events_view, self.tr("History"))

        docs_page = QWidget(self)
        self.documents_model = DocumentListModel(self)
        self.documents_view = document_table(docs_page, self.documents_model, widths=(230, 130, 50, 90, 0, 160, 150),
                                             name="findingDocuments")
        self.documents_view.hideColumn(4)
        self.documents_view.activated.connect(self._on_document_activated)
        self.preview_button = QPushButton(self.tr("Pre&view"), docs_page)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.print_button = QPushButton(self.tr("&Print…"), docs_page)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.service_button = QPushButton(self.tr("Record &service…"), docs_page)
        self.service_button.setObjectName("serviceButton")
        self.service_button.clicked.connect(self._on_service_clicked)
        self.receipt_button = receipt_button(docs_page)
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        row = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.service_button, self.receipt_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(docs_page)
        lay.addWidget(self.documents_view, 1)
        lay.addLayout(row)
        self.tabs.addTab(docs_page, self.tr("Documents"))

        photos_page = QWidget(self)
        self.before_photos = self._photo_list(photos_page, "beforePhotos")
        self.after_photos = self._photo_list(photos_page, "afterPhotos")
        self.add_photos_button = QPushButton(self.tr("Add rectification photos…"), photos_page)
        self.add_photos_button.setObjectName("addPhotosButton")
        self.add_photos_button.clicked.connect(self._on_add_photos_clicked)
        lay = QVBoxLayout(photos_page)
        lay.addWidget(QLabel(self.tr("Before (found on the inspection)"), photos_page))
        lay.addWidget(self.before_photos, 1)
        lay.addWidget(QLabel(self.tr("After (rectification and re-inspection)"), photos_page))
        lay.addWidget(self.after_photos, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_photos_button)
        lay.addLayout(row)
        self.tabs.addTab(photos_page, self.tr("Photos"))

        self.five_page = FivePanel(self.store, self.finding_id, self.message, self)
        self.five_page.saved.connect(self._on_done)
        self.five_tab = self.tabs.addTab(self.five_page, self.tr("Five in place (五到位)"))
        self.listing_page = ListingPanel(self.store, self.finding_id, self.message, self)
        self.listing_page.saved.connect(self._on_done)
        self.listing_tab = self.tabs.addTab(self.listing_page, self.tr("Supervision listing (挂牌督办)"))

        self.order_button = QPushButton(self.tr("Order &rectification…"), self)
        self.order_button.setObjectName("orderButton")
        self.order_button.clicked.connect(self._on_order_clicked)
        self.measures_button = QPushButton(self.tr("On-site &measures…"), self)
        self.measures_button.setObjectName("measuresButton")
        self.measures_button.clicked.connect(self._on_measures_clicked)
        self.rectified_button = QPushButton(self.tr("Mark recti&fied…"), self)
        self.rectified_button.setObjectName("rectifiedButton")
        self.rectified_button.clicked.connect(self._on_rectified_clicked)
        self.reinspect_button = QPushButton(self.tr("Re-&inspect…"), self)
        self.reinspect_button.setObjectName("reinspectButton")
        self.reinspect_button.clicked.connect(self._on_reinspect_clicked)
        self.close_button = QPushButton(self.tr("&Close the finding (销号)…"), self)
        self.close_button.setObjectName("closeFindingButton")
        self.close_button.clicked.connect(self._on_close_finding_clicked)
        # After the deadline: penalty on the spot, suspension (on-site measures, above) or referral.
        self.penalty_button = QPushButton(self.tr("&Penalty…"), self)
        self.penalty_button.setObjectName("penaltyButton")
        self.penalty_button.clicked.connect(lambda: self._open_issue_dialog(docs.SPOT_PENALTY))
        self.refer_button = QPushButton(self.tr("Refer to the &bureau…"), self)
        self.refer_button.setObjectName("referButton")
        self.refer_button.clicked.connect(self._on_refer_clicked)
        self.outcome_button = QPushButton(self.tr("Bureau &outcome…"), self)
        self.outcome_button.setObjectName("outcomeButton")
        self.outcome_button.clicked.connect(self._on_outcome_clicked)
        self.done_button = QPushButton(self.tr("Close"), self)
        self.done_button.clicked.connect(self.accept)

        actions = QHBoxLayout()
        for b in (self.order_button, self.measures_button, self.rectified_button, self.reinspect_button,
                  self.penalty_button, self.refer_button, self.outcome_button, self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enterprise_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def _photo_list(self, parent: QWidget, name: str) -> QListWidget:
        w = QListWidget(parent)
        w.setObjectName(name)
        w.setViewMode(QListView.ViewMode.IconMode)
        w.setIconSize(QPixmap(160, 120).size())
        w.setResizeMode(QListView.ResizeMode.Adjust)
        w.setMovement(QListView.Movement.Static)
        w.setSpacing(6)
        return w

    # -- loading ---------------------------------------------------------------------------
    def _on_changes_changed(self, kinds, origin) -> None:
        # While it is open, or when its own action (or a dialog it opened) made the change.
        if FOLLOWS & kinds and (self.isVisible() or caused_by(self, origin)):
            self.reload()

    def reload(self) -> None:
        f = findings_store.get_finding(self.store, self.finding_id)
        if f is None:
            set_message(self.message, str(not_found("该隐患记录", "请关闭后刷新列表。")))
            return
        self.finding = f
        today = clock.today()
        window = findings_store.reinspection_window(self.store)
        self.setWindowTitle(self.tr("Finding — %1").replace("%1", f["enterprise_name"]))
        self.enterprise_label.setText(f"<b>{f['enterprise_name']}</b>")
        self.description_label.setText(f["description"])
        # tr() outside the f-strings: lupdate does not look inside them.
        state_text, deadline_text = self.tr("State"), self.tr("Deadline")
        bits = [f"<b style='color:{'#b00020' if f['grade'] == '重大' else '#333'}'>{f['grade']}事故隐患</b>",
                f"{state_text}：<b>{state_label(f['state'])}</b>",
                f"{deadline_text}：{f['deadline']}"]
        late = rules.days_overdue(f, today)
        if late:
            late_text = self.tr("%n day(s) overdue", "", late)
            bits.append(f"<b style='color:#b00020'>{late_text}</b>")
        due = rules.reinspection_due_by(f, window)
        if due:
            colour = "#a15c00" if rules.is_overdue_reinspection(f, today, window) else "#333"
            due_text = self.tr("Re-inspection due by %1").replace("%1", due.isoformat())
            bits.append(f"<span style='color:{colour}'>{due_text}</span>")
        if f["listed"]:
            bits.append("<b style='color:#b00020'>挂牌督办</b>")
        from ...storage.enterprises import open_suspension

        if open_suspension(self.store, f["enterprise_id"]):
            suspended_text = self.tr("Enterprise under suspension (停产整改) until a resumption review passes")
            bits.append(f"<b style='color:#b00020'>{suspended_text}</b>")
        self.status_label.setText("　".join(bits))
        self._load_details(f)
        self.events_model.set_rows(findings_store.events(self.store, self.finding_id))
        self._load_documents(f)
        self._load_photos()
        major = f["grade"] == "重大"
        self.tabs.setTabVisible(self.five_tab, major)
        self.tabs.setTabVisible(self.listing_tab, major)
        if major:
            self.five_page.load(f)
            self.listing_page.load(f)
        self._update_actions(f)

    def _load_details(self, f: dict) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        rows = [
            (self.tr("Found on"), f["found_on"]),
            (self.tr("Category"), f["category"]),
            (self.tr("Location"), f["location"]),
            (self.tr("Grade"), f["grade"] + ("（" + self.tr("reason") + f"：{f['grade_override_reason']}）"
                                             if f["grade_override_reason"] else "")),
            (self.tr("Major hidden danger criterion"), f["major_ref"]),
            (self.tr("Legal basis"), f["legal_basis"]),
            (self.tr("Requirement"), f["requirement"]),
            (self.tr("Rectified on"), f["rectified_on"]),
            (self.tr("Closed on"), f["closed_on"]),
        ]
        for label, value in rows:
            if value:
                lab = QLabel(str(value), self.details)
                lab.setWordWrap(True)
                lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.details_form.addRow(label, lab)

    def _load_documents(self, f: dict) -> None:
        rows = {d["id"]: d for d in doc_store.documents_for_finding(self.store, self.finding_id)}
        if f["inspection_id"]:
            for d in doc_store.documents_for_inspection(self.store, f["inspection_id"]):
                rows.setdefault(d["id"], d)
        entries = sorted((entry_of(d) for d in rows.values()), key=lambda e: (e["issued_at"], e["doc_no"]))
        self.documents_model.set_entries(entries)

    def _load_photos(self) -> None:
        from ...storage.photos import photo_path, photos_for
        from ..inspection.photo_strip import photo_pixmap

        root = paths.photos_dir(self.store.path)
        self.before_photos.clear()
        self.after_photos.clear()
        for p in photos_for(self.store, finding_id=self.finding_id):
            target = self.after_photos if p["kind"] in ("整改", "复查") else self.before_photos
            pix = photo_pixmap(str(photo_path(root, p["sha256"])))  # decrypted in memory
            icon = QIcon(pix.scaled(160, 120, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)) if not pix.isNull() else QIcon()
            item = QListWidgetItem(icon, f"{p['kind']} {p['taken_at'][:10]}", target)
            item.setToolTip(p["caption"] or str(photo_path(root, p["sha256"])))

    def _update_actions(self, f: dict) -> None:
        allowed = set(rules.allowed_events(f["state"]))
        self.order_button.setEnabled("order" in allowed)
        self.measures_button.setEnabled(f["state"] != "closed")
        self.rectified_button.setEnabled("rectified" in allowed)
        self.reinspect_button.setEnabled("reinspection_passed" in allowed)
        self.close_button.setEnabled("close" in allowed)
        overdue = bool(f["deadline"]) and f["deadline"] < clock.today().isoformat()
        self.penalty_button.setEnabled(overdue and f["state"] in rules.REINSPECTION_STATES)
        self.refer_button.setEnabled(overdue and "refer" in allowed)
        self.outcome_button.setEnabled("bureau_resolved" in allowed)

    def _on_done(self, _result=None) -> None:
        """An action of this dossier succeeded (the reload follows from the change it announced)."""
        set_message(self.message, "")

    # -- actions ---------------------------------------------------------------------------
    def issue_dialog(self, kind: str) -> IssueDocumentDialog:
        f = self.finding
        return IssueDocumentDialog(self.store, kind, enterprise_id=f["enterprise_id"], finding_ids=[f["id"]],
                                   inspection_id=f["inspection_id"], parent=self)

    def _open_issue_dialog(self, kind: str) -> None:
        try:
            self.child_dialog = self.issue_dialog(kind)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        self.child_dialog.exec()

    def _on_order_clicked(self) -> None:
        self._open_issue_dialog(docs.RECTIFICATION_ORDER)

    def _on_measures_clicked(self) -> None:
        self._open_issue_dialog(docs.ONSITE_MEASURES)

    def rectified_dialog(self) -> DateNoteDialog:
        return DateNoteDialog(self.tr("Rectification reported"), self.tr("Rectified on"), self,
                              note_label=self.tr("How it was rectified"))

    def _on_rectified_clicked(self) -> None:
        dlg = self.rectified_dialog()
        if dlg.exec():
            on, note = dlg.values()
            ops.mark_rectified(self, self.store, self.finding_id, on=on, note=note) \
                .success(self._on_done).failure(inline_failure(self.message, self)).run()

    def reinspection_dialog(self) -> ReinspectionDialog:
        return ReinspectionDialog(self.store, [self.finding_id], self)

    def _on_reinspect_clicked(self) -> None:
        try:
            self.child_dialog = self.reinspection_dialog()
        except ValueError as e:
            set_message(self.message, str(e))
            return
        self.child_dialog.exec()

    def refer_dialog(self) -> DateNoteDialog:
        return DateNoteDialog(self.tr("Refer the case to the bureau (案件移送)"), self.tr("Referred on"), self,
                              note_label=self.tr("Materials sent"))

    def _on_refer_clicked(self) -> None:
        dlg = self.refer_dialog()
        if dlg.exec():
            on, materials = dlg.values()
            ops.refer_case(self, self.store, self.finding_id, on=on, materials=materials) \
                .success(self._on_referred).failure(inline_failure(self.message, self)).run()

    def _on_referred(self, letter) -> None:
        set_message(self.message, "")
        try:
            modal.preview_document(self, self.store, letter["id"])
        except (ValueError, OSError, ImportError) as e:
            show_failure(self, e)

    def outcome_dialog(self):
        from .bureau import BureauOutcomeDialog

        return BureauOutcomeDialog(self.store, self.finding, self)

    def _on_outcome_clicked(self) -> None:
        self.child_dialog = self.outcome_dialog()
        if self.child_dialog.exec():  # the dossier reloads from the change the outcome announces
            set_message(self.message, "")

    def close_dialog(self) -> DateNoteDialog:
        return DateNoteDialog(self.tr("Close the finding (销号)"), self.tr("Closed on"), self)

    def _on_close_finding_clicked(self) -> None:
        f = self.finding
        if f["grade"] == "重大" and rules.five_missing(f):
            self.tabs.setCurrentWidget(self.five_page)
        dlg = self.close_dialog()
        if dlg.exec():
            on, note = dlg.values()
            ops.close_finding(self, self.store, self.finding_id, on=on, note=note) \
                .success(self._on_done).failure(inline_failure(self.message, self)).run()

    def _on_add_photos_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Rectification photos"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.bmp)"))
        if files:
            ops.add_photos(self, self.store, self.finding_id, files) \
                .success(self._on_photos_added).failure(inline_failure(self.message, self)).run()

    def _on_photos_added(self, result) -> None:
        _added, errors = result
        set_message(self.message, "\n".join(errors))

    # documents tab
    def _selected_document(self) -> str | None:
        idx = self.documents_view.currentIndex()
        e = self.documents_model.entry(idx.row()) if idx.isValid() else None
        if e is None:
            set_message(self.message, self.tr("Select a document first."))
        return e["id"] if e else None

    def _preview(self, doc_id: str) -> None:
        try:
            modal.preview_document(self, self.store, doc_id)
        except (ValueError, OSError) as e:
            show_failure(self, e)

    def _on_document_activated(self, index) -> None:
        e = self.documents_model.entry(index.row())
        if e:
            self._preview(e["id"])

    def _on_preview_clicked(self) -> None:
        doc_id = self._selected_document()
        if doc_id:
            self._preview(doc_id)

    def _on_print_clicked(self) -> None:
        doc_id = self._selected_document()
        if doc_id:
            try:
                modal.print_document(self, self.store, doc_id)
            except (RuntimeError, ValueError) as e:
                set_message(self.message, str(e))

    def _on_receipt_clicked(self) -> None:
        doc_id = self._selected_document()
        if doc_id:
            try:
                modal.preview_receipt(self, self.store, doc_id)
            except (ValueError, OSError) as e:
                set_message(self.message, str(e))

    def _on_service_clicked(self) -> None:
        doc_id = self._selected_document()
        if not doc_id:
            return
        try:
            dlg = ServiceDialog(self.store, doc_id, self)
        except ValueError as e:
            set_message(self.message, str(e))
            return
        dlg.exec()  # the dossier reloads from the change the service announces


__all__ = ["FindingDialog"]


def open_finding_dialog(parent: QWidget, store: Store, finding_id: str) -> FindingDialog:
    """Open a finding's dossier window-modal and non-blocking; it deletes itself when closed."""
    dlg = FindingDialog(store, finding_id, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
