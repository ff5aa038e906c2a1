"""停产整改 and its resumption review (复产审查), issue 9.

A 现场处理措施决定书 that orders 责令暂时停产停业 suspends the enterprise (storage.escalation);
it stays 停产整改 until a review is recorded as passed (安全生产法第六十五条第一款第（三）项:
经审查同意，方可恢复生产经营). Here the officer records each review — who reviewed, when, the
result, the rectification evidence presented, the opinion — from the enterprise's dossier page
(:class:`SuspensionPage`) or from Today's list of suspended enterprises; the page shows every
suspension with all its reviews.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage import escalation
from ...storage.db import Store
from ..operations import Change, Op
from ..widgets.dates import date_edit, to_date
from ..widgets.messages import HINT_STYLE, error_label, inline_failure, set_message
from ..widgets.officers import OfficerPicker
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import ListTableModel, selected_rows, table_view

REVIEW_OFFICERS_KEY = "persist/review_officers"
# A review changes the enterprise's status (Today, the registry) and reads documents.
REVIEW_CHANGES = frozenset({Change.ENTERPRISE})


def review_op(parent: QWidget | None, store: Store, suspension_id: str, **values) -> Op:
    """Record one 复产审查 (``storage.escalation.record_resumption_review`` keywords)."""
    return Op(parent, lambda: escalation.record_resumption_review(store, suspension_id, **values),
              changes=REVIEW_CHANGES)


def result_text(passed) -> str:
    if passed is None:
        return ""
    return (QCoreApplication.translate("Suspension", "Passed — resumption approved") if passed
            else QCoreApplication.translate("Suspension", "Failed — stays suspended"))


def status_text(s: dict) -> str:
    """停产整改中 / 已于…恢复 / 决定书作废 for one suspension row."""
    if not s["resumed_on"]:
        return QCoreApplication.translate("Suspension", "Suspended")
    if s["review_passed"] == 1:
        return QCoreApplication.translate("Suspension", "Resumed on %1").replace("%1", s["resumed_on"])
    return QCoreApplication.translate("Suspension", "Lifted: decision voided (%1)").replace("%1", s["resumed_on"])


def last_review_text(s: dict) -> str:
    if not s["review_on"] or s["review_passed"] is None:
        return QCoreApplication.translate("Suspension", "not reviewed yet")
    return f"{s['review_on']} {result_text(s['review_passed'])}"


class SuspensionsModel(ListTableModel):
    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("SuspensionsModel", "Enterprise")),
        ("started_on", QT_TRANSLATE_NOOP("SuspensionsModel", "Suspended on")),
        ("scope", QT_TRANSLATE_NOOP("SuspensionsModel", "Scope")),
        ("doc_no", QT_TRANSLATE_NOOP("SuspensionsModel", "Decision")),
        ("status", QT_TRANSLATE_NOOP("SuspensionsModel", "Status")),
        ("last_review", QT_TRANSLATE_NOOP("SuspensionsModel", "Last review")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self.rows[index.row()]
        key = self.key_of(index.column())
        if key == "status":
            return status_text(s)
        if key == "last_review":
            return last_review_text(s)
        return str(s.get(key) or "")


class ReviewsModel(ListTableModel):
    COLUMNS = (
        ("reviewed_on", QT_TRANSLATE_NOOP("ReviewsModel", "Reviewed on")),
        ("passed", QT_TRANSLATE_NOOP("ReviewsModel", "Result")),
        ("reviewers", QT_TRANSLATE_NOOP("ReviewsModel", "Reviewed by")),
        ("evidence", QT_TRANSLATE_NOOP("ReviewsModel", "Rectification evidence")),
        ("opinion", QT_TRANSLATE_NOOP("ReviewsModel", "Opinion")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        key = self.key_of(index.column())
        if key == "passed":
            return result_text(r["passed"])
        return str(r.get(key) or "")


class ResumptionReviewDialog(QDialog):
    """Record one 复产审查 of a suspension. A pass needs the rectification evidence and the
    reviewing officers; the enterprise is then back 在营. A failed review keeps it suspended."""

    def __init__(self, store: Store, suspension_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.suspension_id = suspension_id
        self.suspension = escalation.get_suspension(store, suspension_id)
        s = self.suspension
        if s["resumed_on"]:
            raise ValueError(f"该企业已于{s['resumed_on']}恢复生产经营，无需再次复产审查。")
        self.setObjectName("resumptionReviewDialog")
        self.setWindowTitle(self.tr("Resumption review (复产审查) — %1").replace("%1", s["enterprise_name"]))
        head = QLabel(self)
        head.setObjectName("suspensionHead")
        head.setWordWrap(True)
        scope_text, since_text = self.tr("Scope"), self.tr("suspended since")
        head.setText(f"<b>{s['enterprise_name']}</b>　{s['doc_no']}<br>{scope_text}：{s['scope']}　"
                     f"{since_text} {s['started_on']}")
        hint = QLabel(self.tr("Production may resume only after the danger is removed and this review is "
                              "passed (安全生产法第六十五条第一款第（三）项)."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.earlier = QLabel(self)
        self.earlier.setObjectName("earlierReviews")
        self.earlier.setWordWrap(True)
        self.earlier.setStyleSheet(HINT_STYLE)
        earlier = escalation.resumption_reviews(store, suspension_id)
        self.earlier.setText("\n".join(
            [self.tr("Earlier reviews:")] +
            [f"{r['reviewed_on']}　{result_text(r['passed'])}　{r['reviewers']}　{r['opinion']}" for r in earlier]))
        self.earlier.setVisible(bool(earlier))

        self.date = date_edit(self, name="reviewDate")
        self.officers = OfficerPicker(store, self, minimum=2, remember_key=REVIEW_OFFICERS_KEY,
                                      name="reviewOfficers")
        self.passed = QRadioButton(self.tr("Passed: the danger is removed, resumption approved"), self)
        self.passed.setObjectName("reviewPassed")
        self.failed = QRadioButton(self.tr("Failed: not yet rectified, stays suspended"), self)
        self.failed.setObjectName("reviewFailed")
        self.result_group = QButtonGroup(self)
        for b in (self.passed, self.failed):
            self.result_group.addButton(b)
        self.failed.setChecked(True)  # passing is the deliberate choice
        result_row = QHBoxLayout()
        result_row.addWidget(self.passed)
        result_row.addWidget(self.failed)
        result_row.addStretch(1)
        self.evidence = QPlainTextEdit(self)
        self.evidence.setObjectName("reviewEvidence")
        self.evidence.setPlaceholderText(self.tr("What the enterprise presented: rectification report, "
                                                 "assessment, test reports, photos after rectification…"))
        self.evidence.setMaximumHeight(80)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("reviewOpinion")
        self.opinion.setPlaceholderText(self.tr("Findings on site and the conclusion"))
        self.opinion.setMaximumHeight(80)
        self.error = error_label(self, "reviewError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveReviewButton")
        self.save_button.setText(self.tr("&Record the review"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Reviewed on"), self.date)
        form.addRow(self.tr("Reviewed by"), self.officers)
        form.addRow(self.tr("Result"), result_row)
        form.addRow(self.tr("Rectification evidence"), self.evidence)
        form.addRow(self.tr("Opinion"), self.opinion)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(hint)
        layout.addWidget(self.earlier)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def values(self) -> dict:
        names = "、".join(o["name"] for o in self.officers.checked_officers())
        return {"on": to_date(self.date.date()), "passed": self.passed.isChecked(), "officers": names,
                "evidence": self.evidence.toPlainText().strip(), "note": self.opinion.toPlainText().strip()}

    def _on_save_clicked(self) -> None:
        set_message(self.error, "")
        values = self.values()
        if values["passed"] and len(self.officers.checked_ids()) < 2:
            set_message(self.error, self.tr("A resumption is approved by two officers: tick both reviewers."))
            return
        review_op(self, self.store, self.suspension_id, **values) \
            .success(self._on_recorded).failure(inline_failure(self.error, self)).run()

    def _on_recorded(self, _row) -> None:
        self.officers.remember()
        self.accept()


class SuspensionPage(QWidget):
    """Dossier page: the enterprise's suspensions (停产整改) and every resumption review."""

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.child_dialog = None
        self.banner = QLabel(self)
        self.banner.setObjectName("suspensionBanner")
        self.banner.setWordWrap(True)
        self.model = SuspensionsModel(self)
        self.view = table_view(self, self.model, name="suspensionsView", widths=(0, 100, 200, 200, 210))
        self.view.hideColumn(0)  # the page is one enterprise's
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.reviews_model = ReviewsModel(self)
        self.reviews_view = table_view(self, self.reviews_model, name="reviewsView", widths=(100, 170, 120, 320))
        self.empty = QLabel(self.tr("No suspension has been ordered for this enterprise. A 现场处理措施决定书 "
                                    "that orders 责令暂时停产停业 puts it under suspension."), self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.message = error_label(self, "suspensionMessage")
        self.review_button = QPushButton(self.tr("Record resumption &review…"), self)
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self._on_review_clicked)
        self.decision_button = QPushButton(self.tr("Pre&view the decision"), self)
        self.decision_button.setObjectName("decisionButton")
        self.decision_button.clicked.connect(self._on_decision_clicked)
        reviews_box = QGroupBox(self.tr("Resumption reviews (复产审查) of the selected suspension"), self)
        QVBoxLayout(reviews_box).addWidget(self.reviews_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decision_button)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        layout.addWidget(reviews_box, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()
        self.follow = RefreshOnChange(self, {Change.ENTERPRISE, Change.DOCUMENT}, self.refresh)

    def refresh(self) -> None:
        current = self.selected()
        rows = escalation.suspensions(self.store, enterprise_id=self.enterprise_id)
        self.model.set_rows(rows)
        # As tall as its rows (an enterprise has few suspensions); the reviews take the rest.
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height() + max(1, min(len(rows), 5)) * 24 + 6)
        open_rows = [r for r in rows if not r["resumed_on"]]
        if open_rows:
            s = open_rows[0]
            text = self.tr("Under suspension (停产整改) since %1, scope: %2 — production may resume only after a "
                           "resumption review is recorded as passed.").replace("%1", s["started_on"]) \
                .replace("%2", s["scope"])
            self.banner.setText(f"<b style='color:#b00020'>{text}</b>")
        else:
            self.banner.setText(self.tr("In operation: no open suspension.") if rows else "")
        self.banner.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        ids = [r["id"] for r in rows]
        row = ids.index(current["id"]) if current and current["id"] in ids else 0
        if rows:
            self.view.selectRow(row)
        self._show_reviews()

    def selected(self) -> dict | None:
        rows = selected_rows(self.view) if self.view.selectionModel() else []
        return self.model.row_at(rows[0]) if rows else None

    def _on_current_changed(self, *_args) -> None:
        self._show_reviews()

    def _show_reviews(self) -> None:
        s = self.selected()
        self.reviews_model.set_rows(escalation.resumption_reviews(self.store, s["id"]) if s else [])
        self.review_button.setEnabled(bool(s) and not s["resumed_on"])
        self.decision_button.setEnabled(bool(s))

    def review_dialog(self) -> ResumptionReviewDialog:
        s = self.selected()
        if s is None:
            raise ValueError("请先选择停产整改记录。")
        return ResumptionReviewDialog(self.store, s["id"], self)

    def _on_review_clicked(self) -> None:
        try:
            self.child_dialog = self.review_dialog()
        except ValueError as e:
            set_message(self.message, str(e))
            return
        set_message(self.message, "")
        self.child_dialog.exec()  # the page follows the change the review announces

    def _on_decision_clicked(self) -> None:
        from ..documents import modal

        s = self.selected()
        if s:
            try:
                modal.preview_document(self, self.store, s["document_id"])
            except (ValueError, OSError) as e:
                set_message(self.message, str(e))


__all__ = ["ResumptionReviewDialog", "ReviewsModel", "SuspensionPage", "SuspensionsModel", "review_op"]
