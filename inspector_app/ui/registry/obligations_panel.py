"""An enterprise's obligations (what it must have, and the clause behind each) and the
checklists that apply to it; the page the officer reads before starting an inspection."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, Qt, QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget)

from ...core.forms import FormError
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.obligations import Obligation, derive_obligations
from ...storage import enterprises as repo
from ...storage.db import Store
from ..operations import Change
from ..widgets.badges import AMBER, BLUE, GREEN, RED, badge_icon
from ..widgets.refresh import RefreshOnChange
from ..widgets.tables import ListTableModel, table_view

# (source text, colour, glyph) per satisfied value
_STATUS = {
    True: (QT_TRANSLATE_NOOP("Obligations", "Satisfied"), GREEN, "✓"),
    False: (QT_TRANSLATE_NOOP("Obligations", "Not satisfied"), RED, "✗"),
    None: (QT_TRANSLATE_NOOP("Obligations", "To check on site"), AMBER, "?"),
}
UNVERIFIED_TIP = QT_TRANSLATE_NOOP(
    "Obligations",
    "[K] The wording of this clause was written from memory and has not yet been checked "
    "against the official text. Verify it before citing it in a document.")


def status_text(satisfied: bool | None) -> str:
    return QCoreApplication.translate("Obligations", _STATUS[satisfied][0])


class ObligationsModel(ListTableModel):
    """Obligations as rows: status, what, requirement, clause. With ``checklists=True`` the rows
    are the applicable checklists: "Applies", title, why it applies, its basis."""

    COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("ObligationsModel", "Status")),
        ("what", QT_TRANSLATE_NOOP("ObligationsModel", "Obligation")),
        ("requirement", QT_TRANSLATE_NOOP("ObligationsModel", "Requirement")),
        ("basis", QT_TRANSLATE_NOOP("ObligationsModel", "Legal basis")),
    )
    CHECKLIST_COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("ObligationsModel", "Status")),
        ("what", QT_TRANSLATE_NOOP("ObligationsModel", "Checklist")),
        ("requirement", QT_TRANSLATE_NOOP("ObligationsModel", "Why it applies")),
        ("basis", QT_TRANSLATE_NOOP("ObligationsModel", "Legal basis")),
    )

    def __init__(self, obligations: list[Obligation], parent=None, *, checklists: bool = False):
        super().__init__(parent)
        self.rows = list(obligations)
        self.checklists = checklists
        if checklists:
            self.COLUMNS = self.CHECKLIST_COLUMNS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ob = self.rows[index.row()]
        col = index.column()
        _text, color, glyph = _STATUS[ob.satisfied]
        if self.checklists:
            color, glyph = BLUE, "≡"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return (QCoreApplication.translate("Obligations", "Applies") if self.checklists
                        else status_text(ob.satisfied))
            if col == 1:
                return ob.title.removeprefix("适用检查表：") if self.checklists else ob.title
            if col == 2:
                return ob.detail
            return ob.clause + ("  [K]" if ob.unverified else "")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return badge_icon(color, glyph)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 0:
                return QBrush(QColor(color))
            if col == 3 and ob.unverified:
                return QBrush(QColor(AMBER))
        if role == Qt.ItemDataRole.FontRole and col == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3 and ob.unverified:
                return ob.clause + "\n\n" + QCoreApplication.translate("Obligations", UNVERIFIED_TIP)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.UserRole:
            return ob.id
        return None


def _table(model: QAbstractTableModel, parent: QWidget, name: str) -> QTableView:
    view = table_view(parent, model, name=name, widths=(150, 210, 0, 260), row_height=None, word_wrap=True,
                      resize_mode=QHeaderView.ResizeMode.Interactive, stretch_column=2)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a read-only summary; Tab goes to the button
    # The page scrolls as a whole: each table is as tall as its rows, so nothing is clipped.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def _fit_height(view: QTableView) -> None:
    """Rows as tall as their wrapped text, and the table no taller than its rows."""
    view.resizeRowsToContents()
    rows = sum(view.rowHeight(r) for r in range(view.model().rowCount()))
    view.setFixedHeight(rows + view.horizontalHeader().height() + 2 * view.frameWidth() + 2)


class ObligationsPage(QWidget):
    """The enterprise's obligations, each with its clause and whether the profile satisfies it,
    then the checklists that apply; "Start inspection" asks the owner to start one."""

    inspection_requested = Signal(str)

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.duties = ObligationsModel([], self)
        self.checklists = ObligationsModel([], self, checklists=True)

        self.title = QLabel(self)
        self.title.setObjectName("obligationsTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("obligationsSummary")
        self.summary.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("obligationsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()
        self.duties_view = _table(self.duties, self, "dutiesView")
        self.checklists_label = QLabel(self)
        self.checklists_label.setObjectName("checklistsLabel")
        self.checklists_label.setFont(font)
        self.checklists_view = _table(self.checklists, self, "checklistsView")
        self.legend = QLabel(self.tr("[K] = clause written from memory, not yet checked against the "
                                     "official text; verify before citing it."), self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {AMBER};")
        self.start_button = QPushButton(self.tr("&Start inspection"), self)
        self.start_button.setObjectName("startInspection")
        self.start_button.clicked.connect(self._on_start_clicked)

        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.start_button)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.summary)
        inner.addWidget(self.error)
        inner.addWidget(self.duties_view)
        inner.addSpacing(6)
        inner.addWidget(self.checklists_label)
        inner.addWidget(self.checklists_view)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_rows)
        for view in (self.duties_view, self.checklists_view):
            view.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_timer.start())
        self.reload()
        RefreshOnChange(self, {Change.ENTERPRISE}, self.reload)  # the profile decides the duties

    def reload(self) -> None:
        """Derive again from the stored profile."""
        ent = repo.get(self.store, self.enterprise_id)
        self.error.hide()
        try:
            obligations = derive_obligations(ent) if ent else []
        except (FormError, ValueError) as e:  # a broken rules/forms file must not hide the page
            obligations = []
            self.error.setText(str(e))
            self.error.show()
        duties = [o for o in obligations if o.form_id is None]
        checklists = [o for o in obligations if o.form_id is not None]
        self.duties.set_rows(duties)
        self.checklists.set_rows(checklists)
        self.title.setText(self.tr("Obligations of %1").replace("%1", ent.name if ent else ""))
        counts = {v: sum(1 for o in duties if o.satisfied is v) for v in (True, False, None)}
        self.summary.setText(
            self.tr("%1 satisfied, %2 not satisfied, %3 to check on site. Every obligation is also "
                    "an item of the inspection checklist.")
            .replace("%1", str(counts[True])).replace("%2", str(counts[False]))
            .replace("%3", str(counts[None])))
        self.checklists_label.setText(self.tr("Checklists that apply (%n)", "", len(checklists)))
        self.legend.setVisible(any(o.unverified for o in obligations))
        self.start_button.setEnabled(ent is not None)
        self._fit_rows()

    def _fit_rows(self) -> None:
        _fit_height(self.duties_view)
        _fit_height(self.checklists_view)

    def resizeEvent(self, event) -> None:  # Qt override: wrapped rows change height with width
        super().resizeEvent(event)
        self._fit_timer.start()  # after the layout has given the columns their new widths

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self._fit_timer.start()

    def _on_start_clicked(self) -> None:
        self.inspection_requested.emit(self.enterprise_id)


__all__ = ["ObligationsModel", "ObligationsPage", "status_text"]
