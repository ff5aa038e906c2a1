"""Open / issue for / re-inspect the selected findings of a list (township list, dossier page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMenu, QTableView, QToolButton, QWidget

from ...core import documents as docs
from ...storage import findings as findings_store
from ...storage.db import Store
from ..documents.issue_dialog import IssueDocumentDialog
from ..widgets.messages import set_message
from ..widgets.tables import selected_rows
from .dossier import FindingDialog, open_finding_dialog
from .list_model import FindingsModel
from .reinspection import ReinspectionDialog

ISSUE_KINDS = (docs.RECTIFICATION_ORDER, docs.ONSITE_MEASURES, docs.HAZARD_NOTICE, docs.SPOT_PENALTY)



class FindingActions:
    """Mixin over ``self.view`` / ``self.model`` / ``self.message`` of a findings list."""

    store: Store
    model: FindingsModel
    view: QTableView
    message: QLabel
    finding_dialog: FindingDialog | None = None
    child_dialog = None

    def selected_ids(self) -> list[str]:
        return [i for i in (self.model.id_at(r) for r in selected_rows(self.view)) if i]

    def open_finding(self, finding_id: str) -> FindingDialog:
        """Open the finding's dossier (window-modal, non-blocking)."""
        self.finding_dialog = open_finding_dialog(self, self.store, finding_id)
        return self.finding_dialog

    def _on_view_activated(self, index) -> None:
        fid = self.model.id_at(index.row())
        if fid:
            self.open_finding(fid)

    def _on_open_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_finding(ids[0])
        else:
            set_message(self.message, QCoreApplication.translate("FindingsWidget", "Select a finding first."))

    def issue_dialog(self, kind: str, finding_ids: list[str]) -> IssueDocumentDialog:
        """The document dialog for findings of one enterprise (ValueError otherwise)."""
        rows = findings_store.finding_rows(self.store, finding_ids)
        if not rows:
            raise ValueError("请先选择隐患。")
        if len({r["enterprise_id"] for r in rows}) > 1:
            raise ValueError("所选隐患属于不同企业，请按企业分别出具文书。")
        return IssueDocumentDialog(self.store, kind, enterprise_id=rows[0]["enterprise_id"],
                                   finding_ids=[r["id"] for r in rows], parent=self)

    def _on_issue_menu_triggered(self, action) -> None:
        try:
            self.child_dialog = self.issue_dialog(action.data(), self.selected_ids())
        except ValueError as e:
            set_message(self.message, str(e))
            return
        set_message(self.message, "")
        self.child_dialog.exec()

    def reinspection_dialog(self, finding_ids: list[str]) -> ReinspectionDialog:
        return ReinspectionDialog(self.store, finding_ids, self)

    def _on_reinspect_clicked(self) -> None:
        try:
            self.child_dialog = self.reinspection_dialog(self.selected_ids())
        except ValueError as e:
            set_message(self.message, str(e))
            return
        set_message(self.message, "")
        self.child_dialog.exec()

    def _issue_menu(self, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName("issueMenuButton")
        button.setText(QCoreApplication.translate("FindingsWidget", "&Issue for selected"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for kind in ISSUE_KINDS:
            menu.addAction(docs.TITLES[kind]).setData(kind)
        menu.triggered.connect(self._on_issue_menu_triggered)
        button.setMenu(menu)
        self.issue_menu = menu
        return button


__all__ = ["FindingActions", "ISSUE_KINDS"]
