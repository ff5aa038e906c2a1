"""The conflict list of the 同步 screen: what a merge could not settle alone, in plain Chinese,
with both versions side by side field by field (the differences highlighted) and the choice.

Labels follow ODK Central: a *parallel update* (both sides changed different fields; both kept,
shown for review) and a *conflict* (both changed the same field; the newer version by HLC and
device won, the other is kept here). Resolving goes through ``sync.state.resolve``: keep the
current version, or take the other version's values as a new edit of this laptop (it travels
in the next export, so the county and the other laptops follow).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...storage.db import Store
from ..operations import Change
from . import ops

CONFLICT_CELL = QColor("#fde7e9")   # the same field changed on both sides
DIFFERENT_CELL = QColor("#fff4d6")  # the two versions differ here (only one side changed it)
META = ("id", "hlc", "origin", "deleted", "created_at", "updated_at")
CONFLICT_ID = Qt.ItemDataRole.UserRole

# Which screens to refresh when a conflict of a table is resolved.
KINDS = {"enterprise": {Change.ENTERPRISE}, "village": {Change.TOWNSHIP}, "officer": {Change.TOWNSHIP},
         "inspection": {Change.INSPECTION}, "inspection_answer": {Change.INSPECTION},
         "finding": {Change.FINDING}, "finding_event": {Change.FINDING}, "photo": {Change.FINDING},
         "document": {Change.DOCUMENT}, "suspension": {Change.ENTERPRISE, Change.DOCUMENT}}


def label_text(label: str) -> str:
    """ODK Central's labels in plain Chinese (via the catalogue)."""
    if label == "parallel update":
        return QCoreApplication.translate("SyncConflicts", "Parallel update (different fields)")
    if label == "conflict":
        return QCoreApplication.translate("SyncConflicts", "Conflict (same field)")
    return label


def field_label(table: str, column: str) -> str:
    from ...core import enterprise

    if table == "enterprise" and column in enterprise.LABELS:
        return QCoreApplication.translate("Enterprise", enterprise.LABELS[column])
    if table == "enterprise" and column in enterprise.LABELS_ZH:
        return enterprise.LABELS_ZH[column]
    if column == "deleted":
        return QCoreApplication.translate("SyncConflicts", "Deleted")
    if column == "name":
        return QCoreApplication.translate("SyncConflicts", "Name")
    return column


def _text(value) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncConflicts", "(empty)")
    return str(value)


class ConflictPanel(QWidget):
    """The open conflicts (left) and the selected one's two versions (right)."""

    resolved = Signal(str)  # conflict id

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.conflicts: list[dict] = []
        self._me = ""  # this laptop's device code (the side called "this laptop")
        self.list = QTableWidget(0, 3, self)
        self.list.setObjectName("conflictList")
        self.list.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Record"), self.tr("Found")])
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.itemSelectionChanged.connect(self._on_list_selection_changed)

        self.explanation = QLabel(self)
        self.explanation.setObjectName("conflictExplanation")
        self.explanation.setWordWrap(True)
        self.versions = QTableWidget(0, 4, self)
        self.versions.setObjectName("conflictVersions")
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.versions.verticalHeader().setVisible(False)
        self.versions.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.versions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(self.tr("Keep the current version"), self)
        self.keep_button.setObjectName("keepCurrent")
        self.keep_button.clicked.connect(lambda: self._resolve("keep"))
        self.other_button = QPushButton(self.tr("Take the other version"), self)
        self.other_button.setObjectName("takeOther")
        self.other_button.clicked.connect(lambda: self._resolve("other"))
        self.fields_button = QPushButton(self.tr("Apply the ticked fields"), self)
        self.fields_button.setObjectName("applyFields")
        self.fields_button.setToolTip(self.tr("Take the other version's value of the ticked fields, keep the rest"))
        self.fields_button.clicked.connect(self._on_fields_clicked)
        self.legend = QLabel(self.tr("Red: changed on both sides. Yellow: the versions differ."), self)
        self.legend.setStyleSheet("color: #555;")

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.explanation)
        rl.addWidget(self.versions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.legend, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.fields_button)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._show(None)

    # -- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        from ...sync import state

        from ...core import settings as S
        from ...storage import settings as settings_store

        keep = self.current_id()
        self._me = settings_store.get(self.store, S.DEVICE_CODE) or ""
        self.conflicts = state.conflicts(self.store)
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.conflicts))
        chosen = 0
        for r, c in enumerate(self.conflicts):
            cells = (label_text(c["label"]), c.get("title") or c["row_id"], (c["detected_at"] or "")[:16].replace("T", " "))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CONFLICT_ID, c["id"])
                if col == 0 and c["label"] == "conflict":
                    item.setForeground(QBrush(QColor("#b00020")))
                self.list.setItem(r, col, item)
            if c["id"] == keep:
                chosen = r
        self.list.blockSignals(False)
        if self.conflicts:
            self.list.selectRow(chosen)
        self._on_list_selection_changed()

    def current_id(self) -> str | None:
        c = self.current()
        return c["id"] if c else None

    def current(self) -> dict | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _on_list_selection_changed(self) -> None:
        self._show(self.current())

    # -- the two versions ------------------------------------------------------------------
    def _side(self, origin: str) -> str:
        if origin and origin == self._me:
            return self.tr("this laptop (%1)").replace("%1", origin)
        if origin == "county":
            return self.tr("the county")
        return self.tr("device %1").replace("%1", origin) if origin else self.tr("another device")

    def _show(self, c: dict | None) -> None:
        self.keep_button.setEnabled(c is not None)
        self.other_button.setEnabled(c is not None)
        self.fields_button.setEnabled(c is not None)
        if c is None:
            self.versions.setRowCount(0)
            self.versions.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Current version"), self.tr("Other version"),
                                                     self.tr("Take")])
            self.explanation.setText(self.tr("No conflicts: every merge settled itself.") if not self.conflicts
                                     else self.tr("Choose a conflict on the left."))
            return
        # The live row (``current``) may be a merged version holding both sides' other edits.
        current, other = c.get("current") or c["winner"], c["loser"]
        self.versions.setHorizontalHeaderLabels([
            self.tr("Field"),
            # A parallel update's current version holds both sides' changes (merged).
            self.tr("Current version (merged)") if c["label"] == "parallel update"
            else self.tr("Current version — %1").replace("%1", self._side(c["winner_origin"])),
            self.tr("Other version — %1").replace("%1", self._side(c["loser_origin"])), self.tr("Take")])
        both = [col for col in c["columns"] if col in current or col in other]
        cols = [k for k in list(current) + [k for k in other if k not in current]
                if k not in META and not k.startswith("_")]
        differ = [k for k in cols if k not in both and current.get(k) != other.get(k)]
        same = [k for k in cols if k not in both and k not in differ]
        order = both + differ + same
        self.versions.setRowCount(len(order))
        bold = QFont()
        bold.setBold(True)
        for r, col in enumerate(order):
            items = [QTableWidgetItem(field_label(c["tbl"], col)), QTableWidgetItem(_text(current.get(col))),
                     QTableWidgetItem(_text(other.get(col)))]
            differs = current.get(col) != other.get(col)
            colour = None if not differs else (
                CONFLICT_CELL if col in both and c["label"] == "conflict" else DIFFERENT_CELL)
            for item in items:
                if colour is not None:
                    item.setBackground(QBrush(colour))
                    item.setFont(bold)
                item.setToolTip(item.text())
            take = QTableWidgetItem("")
            take.setData(Qt.ItemDataRole.UserRole, col)
            if current.get(col) != other.get(col):  # a field to choose: ticked = the other version's value
                take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                take.setCheckState(Qt.CheckState.Unchecked)
                take.setToolTip(self.tr("Tick to take the other version's value of this field"))
            else:
                take.setFlags(Qt.ItemFlag.NoItemFlags)
            for i, item in enumerate(items + [take]):
                self.versions.setItem(r, i, item)
        fields = "、".join(field_label(c["tbl"], k) for k in (both or differ)[:6])
        if c["label"] == "conflict":
            text = self.tr("%1: %2 and %3 both changed %4. The newer edit was kept; the other is shown on the "
                           "right. Keep the current version, or take the other one.")
        else:
            text = self.tr("%1: this laptop and another device changed different fields (%4); both changes were "
                           "kept. Check them, then keep the merged version or take the other one.")
        self.explanation.setText(text.replace("%1", c.get("title") or c["row_id"])
                                 .replace("%2", self._side(c["winner_origin"]))
                                 .replace("%3", self._side(c["loser_origin"])).replace("%4", fields or "—"))

    def versions_text(self) -> list[tuple[str, str, str]]:
        """What the side-by-side table shows (tests, screenshots)."""
        return [tuple(self.versions.item(r, i).text() for i in range(3)) for r in range(self.versions.rowCount())]

    def highlighted_fields(self) -> list[str]:
        """Labels of the rows shown as differing (tests)."""
        return [self.versions.item(r, 0).text() for r in range(self.versions.rowCount())
                if self.versions.item(r, 0).background().style() != Qt.BrushStyle.NoBrush]

    def field_choice(self) -> dict[str, str]:
        """{column: "keep"|"other"} of every field that can be chosen (ticked = other)."""
        out = {}
        for r in range(self.versions.rowCount()):
            take = self.versions.item(r, 3)
            if take is not None and take.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                out[take.data(Qt.ItemDataRole.UserRole)] = (
                    "other" if take.checkState() == Qt.CheckState.Checked else "keep")
        return out

    def take_cell(self, column: str) -> QTableWidgetItem | None:
        for r in range(self.versions.rowCount()):
            take = self.versions.item(r, 3)
            if take is not None and take.data(Qt.ItemDataRole.UserRole) == column:
                return take
        return None

    def _on_fields_clicked(self) -> None:
        choice = self.field_choice()
        self._resolve(choice or "keep")

    # -- the choice ------------------------------------------------------------------------
    def _resolve(self, choice) -> None:
        c = self.current()
        if c is None:
            return
        kinds = KINDS.get(c["tbl"], ops.ALL_RECORDS)
        ops.resolve_conflict(self, self.store, c["id"], choice, kinds=kinds, title=self.tr("Resolve a conflict")) \
            .success(lambda _r, cid=c["id"]: (self.reload(), self.resolved.emit(cid))).run()


__all__ = ["ConflictPanel", "field_label", "label_text"]
