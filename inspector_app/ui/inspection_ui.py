"""The on-site inspection screens: start, the checklist window, finalise, and the lists.

Every change the officer makes is written through ``storage.inspections`` at once (answers on
the key press, notes and header fields ~300 ms after typing stops), so a crash or a flat battery
loses at most the last keystrokes; the draft is then found again in :class:`InspectionsWidget`.
A finalised inspection opens read-only from its frozen checklist snapshot.

Keys in the checklist: 1/Y = 符合, 2/N = 不符合, 3/X = 不适用 (the answer is saved and the next
item selected), Down/J next, Up/K previous, Delete clears the answer, Enter edits the value or
the note, Esc returns from an editor to the checklist.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QBuffer, QByteArray,
                            QCoreApplication, QDate, QDateTime, QEvent, QIODevice, QModelIndex,
                            QPersistentModelIndex, QSize, Qt, QTimer, QUrl, Signal)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDateEdit,
                               QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMenu,
                               QMessageBox, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea,
                               QSplitter, QTableView, QToolButton, QTreeView,
                               QVBoxLayout, QWidget)

from .. import paths
from ..core.documents import DEFAULT_PURPOSE
from ..core.forms import Item
from ..core.i18n import QT_TRANSLATE_NOOP
from ..storage import inspections as ins
from ..storage import photos as photo_store
from ..storage import township
from ..storage.db import Store, StorageError
from ..storage.inspections import KINDS, Answer, FinaliseError, InspectionSession
from .autosave import AutosaveGuard
from .obligations_panel import AMBER, GREEN, GREY, RED, badge_icon

# Official wording of the 事由和目的 line (Jiangsu form, REFERENCE §1.2).
AUTOSAVE_MS = 300
THUMB = 88

_CTX = "Inspection"
ANSWER_LABELS = {
    "符合": QT_TRANSLATE_NOOP("Inspection", "Compliant"),
    "不符合": QT_TRANSLATE_NOOP("Inspection", "Not compliant"),
    "不适用": QT_TRANSLATE_NOOP("Inspection", "Not applicable"),
}
KIND_LABELS = {
    "日常": QT_TRANSLATE_NOOP("Inspection", "Routine"),
    "专项": QT_TRANSLATE_NOOP("Inspection", "Special campaign"),
    "双随机": QT_TRANSLATE_NOOP("Inspection", "Random selection (双随机)"),
    "四不两直": QT_TRANSLATE_NOOP("Inspection", "Unannounced (四不两直)"),
    "举报核查": QT_TRANSLATE_NOOP("Inspection", "Complaint check"),
    "复查": QT_TRANSLATE_NOOP("Inspection", "Re-inspection"),
}
PHOTO_KIND_LABELS = {
    "现场": QT_TRANSLATE_NOOP("Inspection", "On site"),
    "问题": QT_TRANSLATE_NOOP("Inspection", "Problem"),
    "整改": QT_TRANSLATE_NOOP("Inspection", "Rectification"),
    "复查": QT_TRANSLATE_NOOP("Inspection", "Re-inspection"),
}
GRADE_LABELS = {
    "一般": QT_TRANSLATE_NOOP("Inspection", "General hazard"),
    "重大": QT_TRANSLATE_NOOP("Inspection", "Major hazard"),
}
CATEGORY_LABELS = {
    "人": QT_TRANSLATE_NOOP("Inspection", "People"),
    "物": QT_TRANSLATE_NOOP("Inspection", "Equipment and materials"),
    "管理": QT_TRANSLATE_NOOP("Inspection", "Management"),
    "环境": QT_TRANSLATE_NOOP("Inspection", "Environment"),
}
STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("Inspection", "Draft"),
    "final": QT_TRANSLATE_NOOP("Inspection", "Final"),
}
ANSWER_KEYS = {
    Qt.Key.Key_1: "符合", Qt.Key.Key_Y: "符合",
    Qt.Key.Key_2: "不符合", Qt.Key.Key_N: "不符合",
    Qt.Key.Key_3: "不适用", Qt.Key.Key_X: "不适用",
}
ANSWER_STYLE = {"符合": (GREEN, "✓"), "不符合": (RED, "✗"), "不适用": (GREY, "–")}


def t(text: str) -> str:
    """Translate a label marked with QT_TRANSLATE_NOOP("Inspection", …)."""
    return QCoreApplication.translate(_CTX, text)


def label_of(labels: dict[str, str], value: str) -> str:
    return t(labels[value]) if value in labels else value


def parse_time(text: str | None) -> datetime | None:
    """Stored ISO text as local wall-clock time (naive), or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(str(text).strip())
    except ValueError:
        return None
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def fmt_time(text: str | None) -> str:
    value = parse_time(text)
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def answer_icon(answer: str | None) -> QIcon:
    if answer is None:
        return badge_icon("#9e9e9e", "", hollow=True)
    color, glyph = ANSWER_STYLE[answer]
    return badge_icon(color, glyph)


def _bold(widget: QWidget, scale: float = 1.0) -> None:
    font = widget.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


def _wrap_label(parent: QWidget, name: str = "", *, selectable: bool = True) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)  # checklist text is data, never markup
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        lab.setObjectName(name)
    return lab


# --------------------------------------------------------------------------------------------
# Windows are unique per inspection: two windows editing one draft would fight over it.

_open_windows: dict[str, "InspectionWindow"] = {}


_REFUSED = object()


def _window_host(parent: QWidget | None):
    """The parent for an inspection window opened from ``parent``.

    The window must outlive the page that opened it and must not be blocked by a modal
    dialog: opened from a page inside a modal dialog (the enterprise dossier), that dialog is
    closed first (it may ask about unsaved changes; ``_REFUSED`` when the officer keeps it).
    """
    if parent is None:
        return None
    top = parent.window()
    if isinstance(top, QDialog) and top.isModal() and top.isVisible():
        host = top.parentWidget()
        top.reject()
        if top.isVisible():
            return _REFUSED
        return host.window() if host is not None else None
    return top


def open_inspection_window(store: Store, inspection_id: str, parent: QWidget | None = None
                           ) -> "InspectionWindow | None":
    """Show the inspection's window (raising it when already open); None when the modal
    dialog it was asked from stays open (see :func:`_window_host`)."""
    win = _open_windows.get(inspection_id)
    if win is None:
        host = _window_host(parent)
        if host is _REFUSED:
            return None
        win = InspectionWindow(store, inspection_id, host)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_windows[inspection_id] = win
        win.destroyed.connect(lambda *_a, i=inspection_id: _open_windows.pop(i, None))
        app = QApplication.instance()
        if app is not None:  # quitting deletes child windows without a closeEvent
            app.aboutToQuit.connect(win.flush)
    win.show()
    win.raise_()
    win.activateWindow()
    return win


def start_inspection_interactive(store: Store, enterprise_id: str, parent: QWidget | None = None
                                 ) -> "InspectionWindow | None":
    """The start dialog, then the new inspection's window (None when cancelled)."""
    dlg = StartInspectionDialog(store, enterprise_id, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.inspection_id:
        return None
    return open_inspection_window(store, dlg.inspection_id, parent)


def show_inspection_record(store: Store, inspection_id: str, parent: QWidget | None) -> bool:
    """Issue the 现场检查记录 if not issued yet, then preview it. False on a problem (shown)."""
    from ..reports.pdf_documents import render_document
    from ..storage.inspection_record import issue_inspection_record
    from .pdf_view import PdfPreviewDialog

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        doc = issue_inspection_record(store, inspection_id)
        pdf = render_document(store, doc["id"])
    except (ValueError, OSError) as e:  # e.g. no device code yet, an officer without 证号
        problem = str(e)
    else:
        problem = ""
    finally:
        QApplication.restoreOverrideCursor()
    if problem:
        QMessageBox.warning(parent, QCoreApplication.translate("Inspection", "Inspection record"), problem)
        return False
    PdfPreviewDialog(pdf, f"{doc['title']} {doc['doc_no']}", parent).exec()
    return True


# --------------------------------------------------------------------------------------------
# A small table model over a list of dicts (drafts, history, recent inspections)


class Column(NamedTuple):
    header: str
    text: Callable[[dict], Any]
    color: Callable[[dict], str | None] | None = None
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """Rows (dicts with an ``id``) shown through column getters; small lists only."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def id_at(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_at(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.text(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        return None


def _rows_view(model: QAbstractTableModel, parent: QWidget, name: str, widths: list[int]) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    header.setStretchLastSection(True)
    return view


def _count_color(value_key: str, color: str):
    return lambda r: color if r.get(value_key) else None


# --------------------------------------------------------------------------------------------
# Officers


class OfficerChecklist(QListWidget):
    """Active officers with a check box each; the check state is the selection."""

    selection_changed = Signal()

    def __init__(self, store: Store, parent=None, *, checked: list[str] = ()):
        super().__init__(parent)
        self.setObjectName("officerList")
        self.officers = township.list_officers(store)
        known = {o.id for o in self.officers}
        # Officers of an older record who were since deactivated stay listed (and checked).
        extra = [o for o in township.get_officers(store, [i for i in checked if i not in known])]
        for o in self.officers + extra:
            text = f"{o.name}（{o.cert_no}）" if o.cert_no else o.name
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if o.id in checked else Qt.CheckState.Unchecked)
            if not o.cert_no:
                item.setToolTip(self.tr("No certificate number recorded: add it under Settings before "
                                        "this officer signs a document."))
                item.setForeground(QBrush(QColor(AMBER)))
        self.itemChanged.connect(lambda _i: self.selection_changed.emit())
        self.setMaximumHeight(max(60, min(180, 24 * (self.count() + 1))))

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: list[str]) -> None:
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in ids
                             else Qt.CheckState.Unchecked)


def _officer_message(checklist: OfficerChecklist) -> str:
    active = len(checklist.officers)
    if active < 2:
        return QCoreApplication.translate(
            "Inspection", "Only %n active officer(s) registered. An inspection needs at least two officers: "
                  "add officers under Settings → Township, authority and officers.", "", active)
    if len(checklist.checked_ids()) < 2:
        return QCoreApplication.translate(
            "Inspection", "Check at least two officers: an inspection is carried out by two or more officers.")
    return ""


class OfficersDialog(QDialog):
    """Change the officers of a draft inspection."""

    def __init__(self, store: Store, checked: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officers"))
        self.list = OfficerChecklist(store, self, checked=checked)
        self.message = _wrap_label(self, "officersMessage", selectable=False)
        self.message.setStyleSheet(f"color: {RED};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.list.selection_changed.connect(self._on_list_changed)
        self._on_list_changed()

    def _on_list_changed(self) -> None:
        msg = _officer_message(self.list)
        self.message.setText(msg)
        self.message.setVisible(bool(msg))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not msg)


# --------------------------------------------------------------------------------------------
# Start


class StartInspectionDialog(QDialog):
    """Who (≥2 officers), what kind, where, why; creates the draft with its checklist."""

    inspection_started = Signal(str)

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        from ..storage import enterprises as repo

        self.store = store
        self.enterprise_id = enterprise_id
        self.inspection_id: str | None = None
        ent = repo.get(store, enterprise_id)
        self.setWindowTitle(self.tr("Start inspection"))

        self.enterprise_label = _wrap_label(self, "enterpriseName")
        _bold(self.enterprise_label, 1.1)
        self.enterprise_label.setText(ent.name if ent else "")
        current = str(store.setting("current_officer_id", "") or "")
        self.officers = OfficerChecklist(store, self, checked=[current] if current else [])
        self.officer_message = _wrap_label(self, "officerMessage", selectable=False)
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
        self.started = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.started.setObjectName("startedAt")
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        self.draft_note = _wrap_label(self, "draftNote", selectable=False)
        self.draft_note.setStyleSheet(f"color: {AMBER};")
        open_drafts = [d for d in ins.drafts(store) if d["enterprise_id"] == enterprise_id]
        if open_drafts:
            self.draft_note.setText(
                self.tr("An unfinished inspection of this enterprise (started %1) is in the drafts; "
                        "you can resume it from Inspections instead.")
                .replace("%1", fmt_time(open_drafts[0]["started_at"])))
        self.draft_note.setVisible(bool(open_drafts))
        self.error = _wrap_label(self, "startError", selectable=False)
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
        msg = _officer_message(self.officers)
        self.officer_message.setText(msg)
        self.officer_message.setVisible(bool(msg))
        self.ok_button.setEnabled(not msg)

    def _on_start_clicked(self) -> None:
        started = self.started.dateTime().toPython().astimezone().isoformat(timespec="seconds")
        try:
            self.inspection_id = ins.start_inspection(
                self.store, enterprise_id=self.enterprise_id, officer_ids=self.officers.checked_ids(),
                kind=self.kind.currentData(), place=self.place.text(),
                purpose=self.purpose.toPlainText(), started_at=started)
        except ValueError as e:
            self.error.setText(str(e))
            self.error.show()
            return
        self.inspection_started.emit(self.inspection_id)
        self.accept()


# --------------------------------------------------------------------------------------------
# The checklist as a tree: form → section → item


@dataclass
class _Node:
    kind: str  # "root" | "form" | "section" | "item"
    parent: int
    row: int
    title: str
    item: Item | None = None
    ordinal: int = 0
    children: list[int] = field(default_factory=list)


class ChecklistModel(QAbstractItemModel):
    """The frozen checklist of a session with each item's answer; three columns:
    the question (with a status badge), the result, and the major-hazard flag."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ChecklistModel", "Item"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Result"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Major"),
    )

    def __init__(self, session: InspectionSession, parent=None):
        super().__init__(parent)
        self.answers: dict[str, Answer] = session.answers
        self.nodes: list[_Node] = [_Node("root", -1, 0, "")]
        self.item_nodes: list[int] = []
        self._by_key: dict[str, int] = {}
        for form in session.forms:
            fid = self._add("form", 0, form.title)
            for section in form.sections:
                sid = self._add("section", fid, section.title)
                for item in section.items:
                    nid = self._add("item", sid, item.question, item)
                    self.nodes[nid].ordinal = len(self.item_nodes) + 1
                    self.item_nodes.append(nid)
                    self._by_key[item.key] = nid

    def _add(self, kind: str, parent: int, title: str, item: Item | None = None) -> int:
        nid = len(self.nodes)
        siblings = self.nodes[parent].children
        self.nodes.append(_Node(kind, parent, len(siblings), title, item))
        siblings.append(nid)
        return nid

    # -- lookup ----------------------------------------------------------------------------
    def node(self, index: QModelIndex) -> _Node:
        return self.nodes[index.internalId()] if index.isValid() else self.nodes[0]

    def item_at(self, index: QModelIndex) -> Item | None:
        return self.node(index).item if index.isValid() else None

    def index_of_key(self, key: str) -> QModelIndex:
        nid = self._by_key.get(key)
        if nid is None:
            return QModelIndex()
        return self.createIndex(self.nodes[nid].row, 0, nid)

    def keys(self) -> list[str]:
        return [self.nodes[n].item.key for n in self.item_nodes]

    def _items_under(self, nid: int) -> list[Item]:
        node = self.nodes[nid]
        if node.item is not None:
            return [node.item]
        out: list[Item] = []
        for c in node.children:
            out.extend(self._items_under(c))
        return out

    def is_answered(self, item: Item) -> bool:
        a = self.answers.get(item.key)
        return a is not None and (a.answer is not None or a.value_num is not None)

    def progress(self, nid: int = 0) -> tuple[int, int]:
        """(answered, total) over choice and number items (text items are optional)."""
        counted = [it for it in self._items_under(nid) if it.kind != "text"]
        return sum(1 for it in counted if self.is_answered(it)), len(counted)

    def set_answer(self, key: str, answer: Answer) -> None:
        self.answers[key] = answer
        nid = self._by_key.get(key)
        if nid is None:
            return
        node = self.nodes[nid]
        self.dataChanged.emit(self.createIndex(node.row, 0, nid), self.createIndex(node.row, 2, nid))
        p = node.parent
        while p > 0:  # the parents' "answered/total" column
            pn = self.nodes[p]
            idx = self.createIndex(pn.row, 1, p)
            self.dataChanged.emit(idx, idx)
            p = pn.parent

    # -- Qt model API ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
              ) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self.nodes[parent.internalId() if parent.isValid() else 0].children
        if not (0 <= row < len(children) and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index=None):  # noqa: D401 - also QObject.parent() when called bare
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        node = self.nodes[index.internalId()]
        if node.parent <= 0:
            return QModelIndex()
        return self.createIndex(self.nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.nodes[parent.internalId() if parent.isValid() else 0].children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChecklistModel", self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        nid = index.internalId()
        node = self.nodes[nid]
        col = index.column()
        item = node.item
        if item is None:  # form or section row
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 0:
                    return node.title
                if col == 1:
                    done, total = self.progress(nid)
                    return f"{done}/{total}" if total else ""
                return None
            if role == Qt.ItemDataRole.FontRole and node.kind == "form":
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and col == 0:
                return node.title
            return None
        answer = self.answers.get(item.key) or Answer()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{node.ordinal}. {item.question}"
            if col == 1:
                return self._result_text(item, answer)
            if col == 2:
                return QCoreApplication.translate("ChecklistModel", "Major") if item.is_major else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return answer_icon(answer.answer)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and answer.answer == "不符合":
                return QBrush(QColor(RED))
            if col == 2:
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.FontRole and col == 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 2 and item.major_ref:
                return item.major_ref
            return f"{item.question}\n{item.basis}"
        if role == Qt.ItemDataRole.UserRole:
            return item.key
        return None

    @staticmethod
    def _result_text(item: Item, answer: Answer) -> str:
        parts = []
        if item.kind == "number" and answer.value_num is not None:
            parts.append(f"{answer.value_num:g}{item.unit}")
        if answer.answer:
            parts.append(label_of(ANSWER_LABELS, answer.answer))
        elif item.kind == "text" and answer.value_text.strip():
            parts.append(QCoreApplication.translate("ChecklistModel", "Recorded"))
        return " · ".join(parts)


# --------------------------------------------------------------------------------------------
# Photos


_thumbs: OrderedDict[str, QIcon] = OrderedDict()


def _thumbnail(path: str) -> QIcon:
    hit = _thumbs.get(path)
    if hit is not None:
        _thumbs.move_to_end(path)
        return hit
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else badge_icon(GREY, "?")
    _thumbs[path] = icon
    while len(_thumbs) > 400:
        _thumbs.popitem(last=False)
    return icon


@lru_cache(maxsize=1)
def camera_available() -> bool:
    """A camera can be used: QtMultimedia loads (it needs system libraries some laptops lack)
    and at least one video input exists."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except (ImportError, OSError):
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError:
        return False


class CameraDialog(QDialog):
    """Take pictures with the laptop's camera; ``images`` holds the JPEG bytes taken."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Camera"))
        self.images: list[bytes] = []
        self.camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.video = QVideoWidget(self)
        self.session.setVideoOutput(self.video)
        self.capture.imageCaptured.connect(self._on_image_captured)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.status.setText(text))
        self.status = QLabel(self)
        take = QPushButton(self.tr("&Take photo"), self)
        take.clicked.connect(self._on_take_clicked)
        done = QPushButton(self.tr("&Done"), self)
        done.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(take)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addLayout(row)
        self.resize(720, 560)
        self.camera.start()

    def _on_take_clicked(self) -> None:
        if self.capture.isReadyForCapture():
            self.capture.capture()

    def _on_image_captured(self, _id: int, image) -> None:
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "JPEG", 90)
        buf.close()
        self.images.append(bytes(data))
        self.status.setText(self.tr("%n photo(s) taken", "", len(self.images)))

    def done(self, result: int) -> None:  # Qt override: release the camera whichever way we close
        self.camera.stop()
        super().done(result)


class PhotoStrip(QWidget):
    """Thumbnails of the photos of one item (or of the inspection, ``item_key=""``), with
    Add photos… (files), Camera… (when the laptop has one) and the photo class."""

    photos_changed = Signal()

    def __init__(self, store: Store, inspection_id: str, parent=None, *, title: str = ""):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.item_key = ""
        self.read_only = False
        self.title = QLabel(title, self)
        self.list = QListWidget(self)
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setFixedHeight(THUMB + 36)
        self.list.hide()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu)
        self.list.itemActivated.connect(self._on_item_activated)
        self.kind = QComboBox(self)
        self.kind.setObjectName("photoKind")
        for k in photo_store.PHOTO_KINDS:
            self.kind.addItem(label_of(PHOTO_KIND_LABELS, k), k)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setObjectName("addPhotos")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.camera_button = QPushButton(self.tr("Camera…"), self)
        self.camera_button.setObjectName("camera")
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_button.clicked.connect(self._on_camera_clicked)
        self.camera_button.setVisible(camera_available())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.kind)
        top.addWidget(self.add_button)
        top.addWidget(self.camera_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    @property
    def root(self):
        return paths.photos_dir(self.store.path)

    def set_item(self, key: str) -> None:
        self.item_key = key
        self.reload()

    def set_default_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in (self.kind, self.add_button):
            w.setVisible(not read_only)
        self.camera_button.setVisible(not read_only and camera_available())

    def photos(self) -> list[dict]:
        return [p for p in photo_store.photos_for(self.store, inspection_id=self.inspection_id)
                if p["item_key"] == self.item_key]

    def reload(self) -> None:
        self.list.clear()
        rows = self.photos()
        self.list.setVisible(bool(rows))  # no empty box taking room from the checklist
        for p in rows:
            path = str(photo_store.photo_path(self.root, p["sha256"]))
            item = QListWidgetItem(_thumbnail(path), label_of(PHOTO_KIND_LABELS, p["kind"]), self.list)
            item.setData(Qt.ItemDataRole.UserRole, p["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, path)
            item.setToolTip(" ".join(x for x in (p.get("caption") or "", fmt_time(p["taken_at"])) if x))

    def add_files(self, files: list[str]) -> list[str]:
        return self._add([(f, f) for f in files])

    def add_bytes(self, images: list[bytes]) -> list[str]:
        return self._add([(data, self.tr("camera picture")) for data in images])

    def _add(self, sources: list[tuple[Any, str]]) -> list[str]:
        ids, problems = [], []
        for source, name in sources:
            try:
                ids.append(photo_store.add_photo(
                    self.store, source, inspection_id=self.inspection_id, item_key=self.item_key,
                    kind=self.kind.currentData(), photos_root=self.root))
            except ValueError as e:
                problems.append(f"{name}: {e}")
        self.reload()
        if ids:
            self.photos_changed.emit()
        if problems:
            QMessageBox.warning(self, self.tr("Add photos"), "\n".join(problems))
        return ids

    def _on_add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"))
        if files:
            self.add_files(files)

    def _on_camera_clicked(self) -> None:
        dlg = CameraDialog(self)
        dlg.exec()
        if dlg.images:
            self.add_bytes(dlg.images)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(Qt.ItemDataRole.UserRole + 1)))

    def _on_list_context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None or self.read_only:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove photo"))
        if menu.exec(self.list.viewport().mapToGlobal(pos)) is remove:
            self.remove(item.data(Qt.ItemDataRole.UserRole))

    def remove(self, photo_id: str) -> None:
        try:
            photo_store.remove_photo(self.store, photo_id)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Remove photo"), str(e))
            return
        self.reload()
        self.photos_changed.emit()


# --------------------------------------------------------------------------------------------
# The current item


class ItemPanel(QWidget):
    """Question, legal basis, major reference, [K] note, limits; the answer controls, the note
    and the item's photos. The window wires the signals to storage."""

    answer_clicked = Signal(str)

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.path = _wrap_label(self, "itemPath")
        self.path.setStyleSheet(f"color: {GREY};")
        self.question = _wrap_label(self, "itemQuestion")
        _bold(self.question, 1.25)
        self.major = _wrap_label(self, "itemMajor")
        self.major.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.basis = _wrap_label(self, "itemBasis")
        self.limits = _wrap_label(self, "itemLimits")
        self.suggestion = _wrap_label(self, "itemSuggestion")
        self.suggestion.setStyleSheet(f"color: {GREY};")
        self.unverified = _wrap_label(self, "itemUnverified")
        self.unverified.setStyleSheet(f"color: {AMBER};")
        self.unverified.setText(self.tr("[K] This clause was written from memory and has not been "
                                        "checked against the official text yet; verify it before "
                                        "citing it in a document."))

        self.answer_buttons: dict[str, QPushButton] = {}
        answers = QHBoxLayout()
        # A final record shows its result as text: disabled buttons hide which one was chosen.
        self.result = _wrap_label(self, "itemResult", selectable=False)
        _bold(self.result, 1.1)
        answers.addWidget(self.result)
        self.value_row = QWidget(self)
        answers.addWidget(self.value_row, 1)
        for n, (value, key_hint) in enumerate((("符合", "1"), ("不符合", "2"), ("不适用", "3"))):
            color, glyph = ANSWER_STYLE[value]
            b = QPushButton(f"{key_hint}  {label_of(ANSWER_LABELS, value)}", self)
            b.setObjectName(f"answer{n + 1}")
            b.setIcon(badge_icon(color, glyph))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the checklist
            b.setMinimumHeight(36)
            b.clicked.connect(lambda _c=False, v=value: self.answer_clicked.emit(v))
            self.answer_buttons[value] = b
            answers.addWidget(b)
        self.value_label = QLabel(self.tr("Measured value:"), self)
        self.value = QLineEdit(self)
        self.value.setObjectName("itemValue")
        self.value.setMaximumWidth(140)
        self.unit = QLabel(self)
        self.value_result = QLabel(self)
        vr = QHBoxLayout(self.value_row)
        vr.setContentsMargins(0, 0, 0, 0)
        vr.addWidget(self.value_label)
        vr.addWidget(self.value)
        vr.addWidget(self.unit)
        vr.addWidget(self.value_result, 1)
        self.text_label = QLabel(self.tr("Record:"), self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("itemText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.requirement = _wrap_label(self, "itemRequirement", selectable=False)
        self.requirement.setStyleSheet(f"color: {RED};")
        self.error = _wrap_label(self, "itemError", selectable=False)
        self.error.setStyleSheet(f"color: {RED};")
        self.note_label = QLabel(self.tr("Note (what you saw; saved as you type):"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("itemNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. where exactly, what is missing, who was told"))
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(120)
        self.photos = PhotoStrip(store, inspection_id, self, title=self.tr("Photos of this item"))
        self.previous_button = QPushButton(self.tr("◀ Previous (K)"), self)
        self.next_button = QPushButton(self.tr("Next (J) ▶"), self)
        for b in (self.previous_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.placeholder = _wrap_label(self, "itemPlaceholder", selectable=False)

        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        for w in (self.path, self.question, self.major, self.basis, self.limits, self.suggestion,
                  self.unverified):
            layout.addWidget(w)
        layout.addSpacing(6)
        layout.addLayout(answers)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text)
        layout.addWidget(self.requirement)
        layout.addWidget(self.error)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.photos)
        layout.addWidget(self.placeholder)
        layout.addStretch(1)
        layout.addLayout(nav)
        self._item_widgets = [self.path, self.question, self.major, self.basis, self.limits,
                              self.suggestion, self.unverified, self.value_row, self.text_label,
                              self.text, self.requirement, self.error, self.note_label, self.note,
                              self.photos, *self.answer_buttons.values()]

    def show_item(self, item: Item | None, answer: Answer, path: str, *, read_only: bool,
                  placeholder: str = "") -> None:
        for w in self._item_widgets:
            w.setVisible(item is not None)
        self.placeholder.setVisible(item is None)
        self.placeholder.setText(placeholder)
        if item is None:
            self.result.hide()
            return
        self.path.setText(path)
        self.question.setText(item.question)
        self.major.setVisible(item.is_major)
        self.major.setText(self.tr("Major hazard item (重大事故隐患): %1").replace("%1", item.major_ref or ""))
        self.basis.setText(self.tr("Legal basis: %1").replace("%1", item.basis))
        self.limits.setVisible(item.kind == "number")
        self.limits.setText(self.tr("Acceptable: %1").replace("%1", item.limits_text()))
        self.suggestion.setVisible(bool(item.suggestion))
        self.suggestion.setText(self.tr("If not compliant: %1").replace("%1", item.suggestion))
        self.unverified.setVisible(item.unverified)
        self.value_row.setVisible(item.kind == "number")
        self.text_label.setVisible(item.kind == "text")
        self.text.setVisible(item.kind == "text")
        self.unit.setText(item.unit)
        self.error.hide()
        for value, w in self.answer_buttons.items():
            w.setEnabled(not read_only)
            w.setVisible(not read_only and (value == "不适用" or item.kind == "choice"))
        self.value.setVisible(not read_only)
        self.value_label.setVisible(not read_only)
        self.unit.setVisible(not read_only)
        self.value.setReadOnly(read_only)
        self.text.setReadOnly(read_only)
        self.note.setReadOnly(read_only)
        self.note_label.setText(self.tr("Note:") if read_only
                                else self.tr("Note (what you saw; saved as you type):"))
        self.show_answer(item, answer)
        self.photos.set_read_only(read_only)
        self.photos.set_item(item.key)
        self.photos.set_default_kind("问题" if answer.answer == "不符合" else "现场")

    def show_answer(self, item: Item, answer: Answer) -> None:
        for value, b in self.answer_buttons.items():
            b.setChecked(answer.answer == value)
        read_only = self.note.isReadOnly()
        self.result.setVisible(read_only)
        if read_only:
            color, glyph = ANSWER_STYLE.get(answer.answer, (GREY, "–"))
            text = ChecklistModel._result_text(item, answer) or self.tr("Not answered")
            self.result.setText(self.tr("Result: %1").replace("%1", f"{glyph} {text}"))
            self.result.setStyleSheet(f"color: {color};")
        if not self.value.hasFocus():
            self.value.setText("" if answer.value_num is None else f"{answer.value_num:g}")
        self.value_result.setText(f"→ {label_of(ANSWER_LABELS, answer.answer)}" if answer.answer else "")
        self.value_result.setStyleSheet(f"color: {RED};" if answer.answer == "不符合" else "")
        needs = []
        if answer.answer == "不符合":
            if item.on_fail.require_description:
                needs.append(self.tr("describe the problem in the note"))
            if item.on_fail.require_photo:
                needs.append(self.tr("take at least one photo"))
        if self.note.isReadOnly():  # a final record: nothing left to do
            needs = []
        self.requirement.setVisible(bool(needs))
        self.requirement.setText(self.tr("Not compliant: %1.").replace("%1", self.tr(", ").join(needs))
                                 if needs else "")

    def set_note(self, text: str) -> None:
        if self.note.toPlainText() != text:
            self.note.setPlainText(text)

    def set_text(self, text: str) -> None:
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)


# --------------------------------------------------------------------------------------------
# The on-site window


class InspectionWindow(QMainWindow):
    """The on-site screen of one inspection (draft: editable, final: read-only)."""

    inspection_changed = Signal(str)
    inspection_finalised = Signal(str)

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.session = ins.open_inspection(store, inspection_id)
        self.read_only = self.session.is_final
        self._loading = False
        self._current_key: str | None = None
        self._pending_items: dict[str, dict[str, str]] = {}
        self._pending_header: dict[str, Any] = {}
        self._finalise_edits: dict | None = None
        self.watchers: list[QWidget] = []  # pages that reload when this window saves
        self.model = ChecklistModel(self.session, self)

        self._item_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._item_timer.timeout.connect(self._flush_items)
        self._header_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._header_timer.timeout.connect(self._flush_header)

        self._build()
        # A failed save: a red banner at once, the queue kept and retried on a timer.
        self._autosave = AutosaveGuard(self, self.flush,
                                       pending=lambda: bool(self._pending_items or self._pending_header))
        self._load_header()
        self._apply_read_only()
        self._update_progress()
        self.tree.setFocus()
        first = self.model.keys()[0] if self.model.keys() else None
        if first is not None:
            unanswered = [it.key for it in self.session.unanswered()]
            self.select_key(unanswered[0] if unanswered and not self.read_only else first)
        self.resize(1280, 820)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        s = self.session
        name = s.enterprise.name if s.enterprise else ""
        self.setWindowTitle(self.tr("Inspection — %1").replace("%1", name))
        central = QWidget(self)
        self.setCentralWidget(central)

        self.title = _wrap_label(central, "inspectionTitle")
        _bold(self.title, 1.3)
        self.title.setText(name)
        self.subtitle = _wrap_label(central, "inspectionSubtitle")
        self.progress = QProgressBar(central)
        self.progress.setObjectName("progress")
        self.progress.setFormat(self.tr("Answered %v / %m"))
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        self.header_toggle = QToolButton(central)
        self.header_toggle.setText(self.tr("Inspection details"))
        self.header_toggle.setCheckable(True)
        self.header_toggle.setChecked(True)
        self.header_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.header_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header_toggle.toggled.connect(self._on_header_toggled)
        self.finalise_button = QPushButton(self.tr("&Finalise…"), central)
        self.finalise_button.setObjectName("finalise")
        self.finalise_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finalise_button.clicked.connect(self._on_finalise_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), central)
        self.record_button.setObjectName("record")
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.banner = _wrap_label(central, "readOnlyBanner", selectable=False)
        self.banner.setStyleSheet("background: #fff4e0; color: #6b4200; padding: 6px; border: 1px solid #e0b060;")

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.progress)
        top.addWidget(self.header_toggle)
        top.addWidget(self.record_button)
        top.addWidget(self.finalise_button)

        self.header = self._build_header(central)

        self.tree = QTreeView(central)
        self.tree.setObjectName("checklist")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(1, 110)
        head.resizeSection(2, 64)
        self.tree.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

        self.panel = ItemPanel(self.store, self.inspection_id, central)
        self.panel.answer_clicked.connect(self._on_answer_clicked)
        self.panel.previous_button.clicked.connect(self.go_previous)
        self.panel.next_button.clicked.connect(self.go_next)
        self.panel.note.textChanged.connect(self._on_note_changed)
        self.panel.text.textChanged.connect(self._on_text_changed)
        self.panel.value.returnPressed.connect(self._on_value_return_pressed)
        self.panel.value.editingFinished.connect(self._on_value_editing_finished)
        self.panel.photos.photos_changed.connect(self._on_photos_changed)
        for w in (self.panel.note, self.panel.text, self.panel.value):
            w.installEventFilter(self)
        scroll = QScrollArea(central)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([700, 560])

        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        # A normal status-bar widget: temporary messages (errors) cover it and it comes back.
        self.key_hint = QLabel(self)
        self.key_hint.setObjectName("keyHint")
        self.statusBar().addWidget(self.key_hint, 1)

    def _build_header(self, parent: QWidget) -> QWidget:
        box = QFrame(parent)
        box.setObjectName("inspectionHeader")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        self.kind = QComboBox(box)
        self.kind.setObjectName("headerKind")
        for k in KINDS:
            self.kind.addItem(label_of(KIND_LABELS, k), k)
        self.started = QDateTimeEdit(box)
        self.started.setObjectName("headerStarted")
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        self.officers_label = _wrap_label(box, "headerOfficers")
        self.officers_button = QPushButton(self.tr("Change…"), box)
        self.officers_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.officers_button.clicked.connect(self._on_officers_clicked)
        self.place = QLineEdit(box)
        self.place.setObjectName("headerPlace")
        self.onsite_person = QLineEdit(box)
        self.onsite_person.setObjectName("headerOnsitePerson")
        self.onsite_person_title = QLineEdit(box)
        self.onsite_person_title.setObjectName("headerOnsiteTitle")
        self.onsite_person_phone = QLineEdit(box)
        self.onsite_person_phone.setObjectName("headerOnsitePhone")
        self.witness = QLineEdit(box)
        self.witness.setObjectName("headerWitness")
        self.witness_id_no = QLineEdit(box)
        self.witness_id_no.setObjectName("headerWitnessId")
        self.refused = QCheckBox(self.tr("Refused to sign"), box)
        self.refused.setObjectName("headerRefused")
        self.refusal_note = QLineEdit(box)
        self.refusal_note.setObjectName("headerRefusalNote")
        self.refusal_note.setPlaceholderText(self.tr("Record how the refusal happened (required when refused)"))

        officers = QHBoxLayout()
        officers.addWidget(self.officers_label, 1)
        officers.addWidget(self.officers_button)

        def lab(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, box)
            label.setBuddy(buddy)
            return label

        grid.addWidget(lab(self.tr("Kind:"), self.kind), 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(lab(self.tr("Start:"), self.started), 0, 2)
        grid.addWidget(self.started, 0, 3)
        grid.addWidget(QLabel(self.tr("Officers:"), box), 0, 4)
        grid.addLayout(officers, 0, 5)
        grid.addWidget(lab(self.tr("Place:"), self.place), 1, 0)
        grid.addWidget(self.place, 1, 1, 1, 5)
        grid.addWidget(lab(self.tr("On-site person:"), self.onsite_person), 2, 0)
        grid.addWidget(self.onsite_person, 2, 1)
        grid.addWidget(lab(self.tr("Title:"), self.onsite_person_title), 2, 2)
        grid.addWidget(self.onsite_person_title, 2, 3)
        grid.addWidget(lab(self.tr("Phone:"), self.onsite_person_phone), 2, 4)
        grid.addWidget(self.onsite_person_phone, 2, 5)
        grid.addWidget(lab(self.tr("Witness:"), self.witness), 3, 0)
        grid.addWidget(self.witness, 3, 1)
        grid.addWidget(lab(self.tr("Witness ID no.:"), self.witness_id_no), 3, 2)
        grid.addWidget(self.witness_id_no, 3, 3)
        grid.addWidget(self.refused, 3, 4)
        grid.addWidget(self.refusal_note, 3, 5)
        # Photos of the whole inspection (site overview, gate, signboard) live with the header:
        # taken once, and folded away with it while going through the checklist.
        self.inspection_photos = PhotoStrip(self.store, self.inspection_id, box,
                                            title=self.tr("Photos of the whole inspection:"))
        self.inspection_photos.setObjectName("inspectionPhotos")
        self.inspection_photos.set_item("")
        self.inspection_photos.photos_changed.connect(self._on_photos_changed)
        grid.addWidget(self.inspection_photos, 4, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)

        for key, w in (("place", self.place), ("onsite_person", self.onsite_person),
                       ("onsite_person_title", self.onsite_person_title),
                       ("onsite_person_phone", self.onsite_person_phone), ("witness", self.witness),
                       ("witness_id_no", self.witness_id_no), ("refusal_note", self.refusal_note)):
            w.textChanged.connect(lambda text, k=key: self._queue_header(k, text))
        self.kind.currentIndexChanged.connect(
            lambda _i: self._queue_header("kind", self.kind.currentData(), now=True))
        self.refused.toggled.connect(self._on_refused_toggled)
        self.started.dateTimeChanged.connect(
            lambda value: self._queue_header(
                "started_at", value.toPython().astimezone().isoformat(timespec="seconds")))
        return box

    # -- loading ---------------------------------------------------------------------------
    def _load_header(self) -> None:
        s = self.session
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(s.kind), 0))
            started = parse_time(s.started_at) or datetime.now()
            self.started.setDateTime(QDateTime(started))
            self.place.setText(s.place)
            self.onsite_person.setText(s.onsite_person)
            self.onsite_person_title.setText(s.onsite_person_title)
            self.onsite_person_phone.setText(s.onsite_person_phone)
            self.witness.setText(s.witness)
            self.witness_id_no.setText(s.witness_id_no)
            self.refused.setChecked(s.refused_to_sign)
            self.refusal_note.setText(s.refusal_note)
            self.refusal_note.setEnabled(s.refused_to_sign)
        finally:
            self._loading = False
        self._show_officers()
        self._update_subtitle()

    def _show_officers(self) -> None:
        officers = township.get_officers(self.store, self.session.officer_ids)
        self.officers_label.setText("、".join(
            f"{o.name}（{o.cert_no}）" if o.cert_no else o.name for o in officers))

    def _update_subtitle(self) -> None:
        s = self.session
        parts = [label_of(KIND_LABELS, s.kind), self.tr("started %1").replace("%1", fmt_time(s.started_at))]
        if s.is_final:
            parts.append(self.tr("finalised %1").replace("%1", fmt_time(s.finalised_at)))
        else:
            parts.append(self.tr("draft — every change is saved at once"))
        self.subtitle.setText(" · ".join(parts))

    def _apply_read_only(self) -> None:
        ro = self.read_only
        for w in (self.place, self.onsite_person, self.onsite_person_title, self.onsite_person_phone,
                  self.witness, self.witness_id_no, self.refusal_note):
            w.setReadOnly(ro)
        for w in (self.kind, self.started, self.refused, self.officers_button):
            w.setEnabled(not ro)
        self.refusal_note.setEnabled(self.refused.isChecked() or ro)
        self.finalise_button.setVisible(not ro)
        self.record_button.setVisible(ro)
        self.inspection_photos.set_read_only(ro)
        self.banner.setVisible(ro)
        if ro:
            self.banner.setText(self.tr("Finalised on %1. This record is read-only: it shows the "
                                        "checklist exactly as it was used.")
                                .replace("%1", fmt_time(self.session.finalised_at)))
        self._update_subtitle()
        self._show_current()
        self.key_hint.setText(
            self.tr("J/K or ↓/↑ next/previous item") if ro else
            self.tr("1/Y compliant · 2/N not compliant · 3/X not applicable · J/K or ↓/↑ "
                    "next/previous · Delete clears · Enter edits · Esc back"))

    def _update_progress(self) -> None:
        done, total = self.model.progress()
        complete = total > 0 and done == total and self.progress.value() != done
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if complete and not self.read_only:
            self.statusBar().showMessage(
                self.tr("All items answered. Fill in the details above, then Finalise…"), 10000)

    # -- navigation ------------------------------------------------------------------------
    def current_key(self) -> str | None:
        return self._current_key

    def select_key(self, key: str) -> None:
        idx = self.model.index_of_key(key)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def _step(self, delta: int) -> None:
        keys = self.model.keys()
        if not keys:
            return
        if self._current_key in keys:
            pos = keys.index(self._current_key) + delta
        else:  # on a form or section row: the first item below it, or the next one
            current = self.tree.currentIndex()
            under = self.model._items_under(current.internalId()) if current.isValid() else []
            pos = keys.index(under[0].key) if under else 0
            if delta < 0:
                pos -= 1
        if 0 <= pos < len(keys):
            self.select_key(keys[pos])

    def go_next(self) -> None:
        self._step(1)

    def go_previous(self) -> None:
        self._step(-1)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._flush_items()
        item = self.model.item_at(current)
        self._current_key = item.key if item else None
        self._show_current()

    def _path_of(self, key: str) -> str:
        idx = self.model.index_of_key(key).parent()
        names = []
        while idx.isValid():
            names.insert(0, self.model.node(idx).title)
            idx = idx.parent()
        return " › ".join(names)

    def _show_current(self) -> None:
        key = self._current_key
        self._loading = True
        try:
            if key is None:
                current = self.tree.currentIndex()
                node = self.model.node(current)
                done, total = self.model.progress(current.internalId() if current.isValid() else 0)
                text = (f"{node.title}\n" + self.tr("%1 of %2 items answered. Press J or ↓ for the "
                                                    "first item.").replace("%1", str(done))
                        .replace("%2", str(total))) if node.kind != "root" else ""
                self.panel.show_item(None, Answer(), "", read_only=self.read_only, placeholder=text)
                return
            item = self.session.item(key)
            answer = self.session.answer(key)
            self.panel.show_item(item, answer, self._path_of(key), read_only=self.read_only)
            self.panel.set_note(answer.note)
            self.panel.set_text(answer.value_text)
        finally:
            self._loading = False

    # -- keys ------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # Qt override
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        if obj is self.tree and not mods:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_J):
                self.go_next()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_K):
                self.go_previous()
                return True
            if key in ANSWER_KEYS:
                self._on_answer_key(ANSWER_KEYS[key])
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._answer("")
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_editor()
                return True
        elif obj in (self.panel.note, self.panel.text, self.panel.value) and key == Qt.Key.Key_Escape:
            self._flush_items()
            self.tree.setFocus()
            return True
        return super().eventFilter(obj, event)

    def _focus_editor(self) -> None:
        if self._current_key is None or self.read_only:
            return
        kind = self.session.item(self._current_key).kind
        target = {"number": self.panel.value, "text": self.panel.text}.get(kind, self.panel.note)
        target.setFocus()
        if target is self.panel.value:
            self.panel.value.selectAll()

    def _on_answer_key(self, answer: str) -> None:
        if self._current_key is None or self.read_only:
            return
        item = self.session.item(self._current_key)
        if item.kind != "choice" and answer != "不适用":
            self.statusBar().showMessage(
                self.tr("Type the measured value and press Enter (3 or X: not applicable).")
                if item.kind == "number" else
                self.tr("Write what you found (3 or X: not applicable)."), 6000)
            self._focus_editor()
            return
        if self._answer(answer):
            self.go_next()

    def _on_answer_clicked(self, answer: str) -> None:
        if self._answer(answer):
            self.go_next()
        self.tree.setFocus()

    # -- writing ---------------------------------------------------------------------------
    def _save(self, key: str, **values) -> Answer | None:
        try:
            stored = ins.record_answer(self.store, self.inspection_id, key, **values)
        except ValueError as e:
            self.panel.error.setText(str(e))
            self.panel.error.setVisible(key == self._current_key)
            self.statusBar().showMessage(str(e), 8000)
            return None
        except StorageError as e:  # disk full, busy, read-only: kept, shown at once, retried
            self._pending_items.setdefault(key, {}).update(values)
            self._autosave.failed(e)
            return None
        self._autosave.saved()
        self.session.answers[key] = stored
        self.model.set_answer(key, stored)
        self._update_progress()
        self.inspection_changed.emit(self.inspection_id)
        return stored

    def _answer(self, answer: str) -> bool:
        key = self._current_key
        if key is None or self.read_only:
            return False
        self._flush_items()
        stored = self._save(key, answer=answer)
        if stored is None:
            return False
        if key == self._current_key:
            item = self.session.item(key)
            self.panel.show_answer(item, stored)
            self.panel.photos.set_default_kind("问题" if stored.answer == "不符合" else "现场")
        return True

    def _save_value(self) -> bool:
        key = self._current_key
        if key is None or self.read_only or self.session.item(key).kind != "number":
            return False
        text = self.panel.value.text().strip()
        old = self.session.answer(key).value_num
        if (text == "" and old is None) or (old is not None and text == f"{old:g}"):
            return True
        stored = self._save(key, value_num=text)
        if stored is not None:
            self.panel.error.hide()
            self.panel.show_answer(self.session.item(key), stored)
        return stored is not None

    def _on_value_return_pressed(self) -> None:
        if self._save_value() and self.panel.value.text().strip():
            self.tree.setFocus()
            self.go_next()

    def _on_value_editing_finished(self) -> None:
        self._save_value()

    def _queue_item(self, field_name: str, text: str) -> None:
        if self._loading or self.read_only or self._current_key is None:
            return
        self._pending_items.setdefault(self._current_key, {})[field_name] = text
        self._item_timer.start()

    def _on_note_changed(self) -> None:
        self._queue_item("note", self.panel.note.toPlainText())

    def _on_text_changed(self) -> None:
        self._queue_item("value_text", self.panel.text.toPlainText())

    def _flush_items(self) -> None:
        self._item_timer.stop()
        pending, self._pending_items = self._pending_items, {}
        for key, values in pending.items():
            if self._save(key, **values) is None:  # keep it for the next try
                self._pending_items.setdefault(key, {}).update(values)

    def _queue_header(self, field_name: str, value, *, now: bool = False) -> None:
        if self._loading or self.read_only:
            return
        self._pending_header[field_name] = value
        if now:
            self._flush_header()
        else:
            self._header_timer.start()

    def _on_refused_toggled(self, checked: bool) -> None:
        self.refusal_note.setEnabled(checked)
        self._queue_header("refused_to_sign", checked, now=True)
        if checked and not self._loading:
            self.refusal_note.setFocus()

    def _flush_header(self) -> None:
        self._header_timer.stop()
        if not self._pending_header:
            return
        pending, self._pending_header = self._pending_header, {}
        try:
            ins.update_header(self.store, self.inspection_id, **pending)
        except StorageError as e:
            self._pending_header = {**pending, **self._pending_header}
            self._autosave.failed(e)
            return
        except ValueError as e:
            self.statusBar().showMessage(str(e), 8000)
            QMessageBox.warning(self, self.tr("Inspection details"), str(e))
            return
        for k, v in pending.items():
            setattr(self.session, k, v)
        self._autosave.saved()
        self._update_subtitle()
        self.inspection_changed.emit(self.inspection_id)

    def flush(self) -> None:
        """Write anything still waiting for the autosave timers."""
        self._flush_items()
        self._flush_header()

    def _on_photos_changed(self) -> None:
        self.session.photos = photo_store.photos_for(self.store, inspection_id=self.inspection_id)
        self.inspection_changed.emit(self.inspection_id)

    def _on_header_toggled(self, shown: bool) -> None:
        self.header.setVisible(shown)
        self.header_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _on_officers_clicked(self) -> None:
        dlg = OfficersDialog(self.store, self.session.officer_ids, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            ids = dlg.list.checked_ids()
            self._queue_header("officer_ids", ids, now=True)
            self._show_officers()

    # -- finalising ------------------------------------------------------------------------
    def _on_finalise_clicked(self) -> None:
        self.flush()
        self.session = ins.open_inspection(self.store, self.inspection_id)
        self.model.answers = self.session.answers
        unanswered = self.session.unanswered()
        if unanswered:
            self.select_key(unanswered[0].key)
            self.tree.setFocus()
            QMessageBox.warning(
                self, self.tr("Finalise"),
                self.tr("%n item(s) not answered yet. Answer every item (3 or X when it does not "
                        "apply) before finalising; the first one is selected.", "", len(unanswered)))
            return
        dlg = FinaliseDialog(self.store, self.inspection_id, self, edits=self._finalise_edits)
        result = dlg.exec()
        self._finalise_edits = dlg.edits()
        if result == QDialog.DialogCode.Accepted and dlg.finding_ids is not None:
            self._finalise_edits = None
            self._after_finalise()
        elif dlg.error is not None:
            self.show_finalise_error(dlg.error)

    def show_finalise_error(self, error: FinaliseError) -> None:
        """Select the first item the error names and show the message."""
        keys = (error.unanswered or error.missing_photo or error.missing_description
                or error.missing_finding)
        if keys:
            self.select_key(keys[0])
        self.tree.setFocus()
        QMessageBox.warning(self, self.tr("Finalise"), str(error))

    def _after_finalise(self) -> None:
        self.session = ins.open_inspection(self.store, self.inspection_id)
        self.model.answers = self.session.answers
        self.read_only = True
        self._apply_read_only()
        self.inspection_finalised.emit(self.inspection_id)
        self.inspection_changed.emit(self.inspection_id)
        show_inspection_record(self.store, self.inspection_id, self)

    def _on_record_clicked(self) -> None:
        show_inspection_record(self.store, self.inspection_id, self)

    def closeEvent(self, event) -> None:  # Qt override: nothing typed may be lost
        self.flush()
        if not self._autosave.may_close():
            event.ignore()
            return
        if _open_windows.get(self.inspection_id) is self:  # deletion is deferred; forget it now
            del _open_windows[self.inspection_id]
        super().closeEvent(event)


# --------------------------------------------------------------------------------------------
# Finalise


class FindingEditor(QFrame):
    """One finding to register: from a failed item (question, preset grade) or added by hand."""

    remove_requested = Signal(object)

    def __init__(self, proposal: dict | None, *, found_on: date, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.proposal = proposal
        self.item_key = proposal["item_key"] if proposal else ""
        self.preset_grade = proposal["grade"] if proposal else "一般"
        self.major_ref = proposal["major_ref"] if proposal else ""
        self.auto_description = proposal["description"] if proposal else ""
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head = _wrap_label(self, "findingQuestion")
        _bold(head)
        head.setText(proposal["question"] if proposal else self.tr("A problem not on the checklist"))
        form.addRow(head)
        self.category = self.legal_basis = self.requirement = None
        if proposal is None:
            self.category = QComboBox(self)
            self.legal_basis = QLineEdit(self)
            self.requirement = QLineEdit(self)
            for c in ("人", "物", "管理", "环境"):
                self.category.addItem(label_of(CATEGORY_LABELS, c), c)
            self.category.setCurrentIndex(1)
            form.addRow(self.tr("Category:"), self.category)
            form.addRow(self.tr("Legal basis:"), self.legal_basis)
            form.addRow(self.tr("Rectification required:"), self.requirement)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("findingDescription")
        self.description.setTabChangesFocus(True)
        self.description.setPlainText(self.auto_description)
        self.description.setFixedHeight(72)
        form.addRow(self.tr("Description:"), self.description)
        self.grade = QComboBox(self)
        self.grade.setObjectName("findingGrade")
        for g in ("一般", "重大"):
            self.grade.addItem(label_of(GRADE_LABELS, g), g)
        self.grade.setCurrentIndex(self.grade.findData(self.preset_grade))
        self.grade.currentIndexChanged.connect(self._on_grade_changed)
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade)
        self.major_label = _wrap_label(self, "findingMajorRef")
        self.major_label.setStyleSheet(f"color: {RED};")
        self.major_label.setText(self.tr("Major hazard criterion: %1").replace("%1", self.major_ref))
        self.major_label.setVisible(bool(self.major_ref))
        grade_row.addWidget(self.major_label, 1)
        form.addRow(self.tr("Grade:"), grade_row)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("findingReason")
        self.reason_label = QLabel(self.tr("Reason for the grade:"), self)
        form.addRow(self.reason_label, self.reason)
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("findingDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(QDate(found_on))
        due = date.fromisoformat(proposal["deadline"]) if proposal else found_on + timedelta(days=15)
        self.deadline.setDate(QDate(due))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        if proposal is None:
            remove = QPushButton(self.tr("Remove"), self)
            remove.clicked.connect(lambda: self.remove_requested.emit(self))
            deadline_row.addWidget(remove)
        form.addRow(self.tr("Rectify by:"), deadline_row)
        self.message = _wrap_label(self, "findingMessage", selectable=False)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        form.addRow(self.message)
        self._on_grade_changed()

    def _on_grade_changed(self) -> None:
        # A grade other than the checklist's classification needs a reason (and 重大 for an
        # item outside the criteria, or 一般 for one inside them).
        needs = self.grade.currentData() != self.preset_grade or (
            self.proposal is None and self.grade.currentData() == "重大")
        self.needs_reason = needs
        self.reason.setVisible(needs)
        self.reason_label.setVisible(needs)

    def value(self) -> dict:
        out = {"item_key": self.item_key, "description": self.description.toPlainText().strip(),
               "grade": self.grade.currentData(),
               "grade_override_reason": self.reason.text().strip() if self.needs_reason else "",
               "deadline": self.deadline.date().toPython().isoformat()}
        if self.proposal is None:
            out.update(category=self.category.currentData(), legal_basis=self.legal_basis.text().strip(),
                       requirement=self.requirement.text().strip())
        return out

    def problem(self) -> str:
        v = self.value()
        if not v["description"]:
            return self.tr("Describe the problem.")
        if self.needs_reason and not v["grade_override_reason"]:
            return self.tr("Give the reason for this grade.")
        return ""

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.setStyleSheet(f"FindingEditor {{ border: 2px solid {RED}; }}" if text else "")

    def set_edits(self, values: dict) -> None:
        if "description" in values:
            self.description.setPlainText(values["description"])
        if "grade" in values:
            self.grade.setCurrentIndex(max(self.grade.findData(values["grade"]), 0))
        if values.get("grade_override_reason"):
            self.reason.setText(values["grade_override_reason"])
        if values.get("deadline"):
            self.deadline.setDate(QDate(date.fromisoformat(values["deadline"])))
        if self.proposal is None:
            self.category.setCurrentIndex(max(self.category.findData(values.get("category")), 0))
            self.legal_basis.setText(values.get("legal_basis", ""))
            self.requirement.setText(values.get("requirement", ""))


class FinaliseDialog(QDialog):
    """Review the proposed findings (description, grade, deadline), add findings not on the
    checklist, then finalise. ``finding_ids`` is set on success; ``error`` holds a
    FinaliseError the window must show (unanswered items, missing photos)."""

    def __init__(self, store: Store, inspection_id: str, parent=None, *, edits: dict | None = None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.session = ins.open_inspection(store, inspection_id)
        self.found_on = (parse_time(self.session.started_at) or datetime.now()).date()
        self.proposals = ins.proposed_findings(self.session, self.found_on)
        self.finding_ids: list[str] | None = None
        self.error: FinaliseError | None = None
        self.setWindowTitle(self.tr("Finalise inspection — %1")
                            .replace("%1", self.session.enterprise.name if self.session.enterprise else ""))

        majors = sum(1 for p in self.proposals if p["grade"] == "重大")
        intro = _wrap_label(self, "finaliseIntro", selectable=False)
        intro.setText(
            (self.tr("%n problem(s) found", "", len(self.proposals))
             + (self.tr(", %n of them major hazards", "", majors) if majors else "") + ". "
             if self.proposals else self.tr("No item failed. "))
            + self.tr("Check each description, grade and deadline. After finalising, the inspection "
                      "can no longer be changed and its record is issued."))
        self.ended = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.ended.setObjectName("endedAt")
        self.ended.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ended.setCalendarPopup(True)
        started = parse_time(self.session.started_at)
        if started:
            self.ended.setMinimumDateTime(QDateTime(started))
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
        self.error_label = _wrap_label(self, "finaliseError", selectable=True)
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
        ended = self.ended.dateTime().toPython().astimezone().isoformat(timespec="seconds")
        try:
            if self.summary.toPlainText() != self.session.summary:
                ins.update_header(self.store, self.inspection_id, summary=self.summary.toPlainText())
            self.finding_ids = ins.finalise(self.store, self.inspection_id, findings=self.findings(),
                                            ended_at=ended)
        except FinaliseError as e:
            self.finding_ids = None
            if e.unanswered or e.missing_photo or e.missing_finding:
                self.error = e  # the window selects the item and shows the message
                self.reject()
                return
            for key in e.missing_description:
                editor = self.editor_for(key)
                if editor is not None:
                    editor.show_problem(self.tr("Describe what was found on site (the note of the "
                                                "item is empty)."))
            self.error_label.setText(str(e))
            self.error_label.show()
            return
        except ValueError as e:
            self.finding_ids = None
            self.error_label.setText(str(e))
            self.error_label.show()
            return
        self.accept()


# --------------------------------------------------------------------------------------------
# Lists


def _watch_window(win: "InspectionWindow", page: QWidget) -> None:
    """Reload ``page`` when the window saves something (once per window and page)."""
    if page in win.watchers:
        return
    win.watchers.append(page)
    win.inspection_changed.connect(page.reload)


def _history_columns(*, with_enterprise: bool) -> list[Column]:
    def h(text: str) -> str:
        return QCoreApplication.translate("InspectionHistory", text)

    # The literals are marked below so lupdate files them under the same context.
    QT_TRANSLATE_NOOP("InspectionHistory", "Date")
    QT_TRANSLATE_NOOP("InspectionHistory", "Enterprise")
    QT_TRANSLATE_NOOP("InspectionHistory", "Kind")
    QT_TRANSLATE_NOOP("InspectionHistory", "Officers")
    QT_TRANSLATE_NOOP("InspectionHistory", "Failed items")
    QT_TRANSLATE_NOOP("InspectionHistory", "Findings")
    QT_TRANSLATE_NOOP("InspectionHistory", "Major")
    QT_TRANSLATE_NOOP("InspectionHistory", "Status")
    cols = [Column(h("Date"), lambda r: fmt_time(r["started_at"]))]
    if with_enterprise:
        cols.append(Column(h("Enterprise"), lambda r: r.get("enterprise_name", "")))
    cols += [
        Column(h("Kind"), lambda r: label_of(KIND_LABELS, r["kind"])),
        Column(h("Officers"), lambda r: "、".join(n for n in r.get("officer_names", []) if n)),
        Column(h("Failed items"), lambda r: r["failed_count"], _count_color("failed_count", RED), True),
        Column(h("Findings"), lambda r: r["finding_count"], None, True),
        Column(h("Major"), lambda r: r["major_count"], _count_color("major_count", RED), True),
    ]
    if not with_enterprise:  # the module's recent list holds final inspections only
        cols.append(Column(h("Status"), lambda r: label_of(STATUS_LABELS, r["status"]),
                           lambda r: AMBER if r["status"] == "draft" else None))
    return cols


class EnterpriseInspectionsPage(QWidget):
    """An enterprise's inspections, newest first: open (read-only) or resume, start a new one,
    view the record."""

    def __init__(self, store: Store, enterprise_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.model = RowsModel(_history_columns(with_enterprise=False), self)
        self.view = _rows_view(self.model, self, "historyView", [130, 110, 170, 95, 75, 60, 70])
        self.view.activated.connect(lambda _i: self._on_open_clicked())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel(self.tr("No inspections of this enterprise yet."), self)
        self.empty.setStyleSheet(f"color: {GREY};")
        self.new_button = QPushButton(self.tr("&New inspection…"), self)
        self.new_button.setObjectName("newInspection")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openInspection")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), self)
        self.record_button.setObjectName("inspectionRecord")
        self.record_button.clicked.connect(self._on_record_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(ins.history(self.store, self.enterprise_id))
        self.empty.setVisible(not self.model.rows)
        ids = [r["id"] for r in self.model.rows]
        row = ids.index(selected) if selected in ids else (0 if ids else -1)
        if row >= 0:
            self.view.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> str | None:
        idx = self.view.currentIndex() if hasattr(self, "view") else QModelIndex()
        return self.model.id_at(idx.row()) if idx.isValid() else None

    def _selected_row(self) -> dict | None:
        idx = self.view.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def _update_buttons(self) -> None:
        row = self._selected_row()
        self.open_button.setEnabled(row is not None)
        self.open_button.setText(self.tr("&Resume draft") if row and row["status"] == "draft"
                                 else self.tr("&Open (read-only)"))
        self.record_button.setEnabled(bool(row) and row["status"] == "final")

    def _watch(self, win: InspectionWindow | None) -> None:
        if win is not None:
            _watch_window(win, self)
            self.reload()

    def _on_new_clicked(self) -> None:
        self._watch(start_inspection_interactive(self.store, self.enterprise_id, self))

    def _on_open_clicked(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id:
            self._watch(open_inspection_window(self.store, inspection_id, self))

    def _on_record_clicked(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id:
            show_inspection_record(self.store, inspection_id, self)
            self.reload()

    def showEvent(self, event) -> None:  # Qt override: other screens may have changed the list
        super().showEvent(event)
        self.reload()


class InspectionsWidget(QWidget):
    """The inspections module: drafts to resume first (after a crash or a flat battery the
    officer finds the unfinished inspection here), then recent inspections, and New inspection…"""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.new_button = QPushButton(self.tr("&New inspection…"), self)
        self.new_button.setObjectName("newInspection")
        self.new_button.clicked.connect(self._on_new_clicked)
        title = QLabel(self.tr("Inspections"), self)
        _bold(title, 1.3)

        self.drafts_box = QGroupBox(self)
        self.drafts_box.setObjectName("draftsBox")
        self.drafts_box.setStyleSheet(
            "QGroupBox#draftsBox { background: #fff8e6; border: 2px solid #e0a030; border-radius: 4px; "
            "margin-top: 1.4em; font-weight: bold; } "
            "QGroupBox#draftsBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }")
        self.drafts_model = RowsModel([
            Column(self.tr("Enterprise"), lambda r: r["enterprise_name"]),
            Column(self.tr("Kind"), lambda r: label_of(KIND_LABELS, r["kind"])),
            Column(self.tr("Started"), lambda r: fmt_time(r["started_at"])),
            Column(self.tr("Answered"), lambda r: r["answered_count"], None, True),
            Column(self.tr("Last saved"), lambda r: fmt_time(r["last_saved"])),
        ], self)
        self.drafts_view = _rows_view(self.drafts_model, self.drafts_box, "draftsView",
                                      [300, 110, 130, 80, 130])
        self.drafts_view.activated.connect(lambda _i: self._on_resume_clicked())
        self.drafts_view.setStyleSheet("font-weight: normal;")
        self.resume_button = QPushButton(self.tr("&Resume"), self.drafts_box)
        self.resume_button.setObjectName("resumeDraft")
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.discard_button = QPushButton(self.tr("&Discard draft…"), self.drafts_box)
        self.discard_button.setObjectName("discardDraft")
        self.discard_button.clicked.connect(self._on_discard_clicked)
        for b in (self.resume_button, self.discard_button):
            b.setStyleSheet("font-weight: normal;")
        drafts_buttons = QHBoxLayout()
        drafts_buttons.addStretch(1)
        drafts_buttons.addWidget(self.discard_button)
        drafts_buttons.addWidget(self.resume_button)
        box_layout = QVBoxLayout(self.drafts_box)
        box_layout.addWidget(self.drafts_view)
        box_layout.addLayout(drafts_buttons)

        self.recent_label = QLabel(self.tr("Recent inspections"), self)
        _bold(self.recent_label, 1.1)
        self.recent_model = RowsModel(_history_columns(with_enterprise=True), self)
        self.recent_view = _rows_view(self.recent_model, self, "recentView",
                                      [130, 280, 110, 170, 95, 75, 60])
        self.recent_view.activated.connect(lambda _i: self._on_open_clicked())
        self.open_button = QPushButton(self.tr("&Open (read-only)"), self)
        self.open_button.setObjectName("openInspection")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), self)
        self.record_button.setObjectName("inspectionRecord")
        self.record_button.clicked.connect(self._on_record_clicked)

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.new_button)
        recent_buttons = QHBoxLayout()
        recent_buttons.addStretch(1)
        recent_buttons.addWidget(self.open_button)
        recent_buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drafts_box)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_view, 1)
        layout.addLayout(recent_buttons)
        self.reload()

    def reload(self) -> None:
        from ..storage.inspection_record import recent_inspections

        self.drafts_model.set_rows(ins.drafts(self.store))
        n = len(self.drafts_model.rows)
        self.drafts_box.setTitle(self.tr("Unfinished inspections (%n) — resume here", "", n))
        self.drafts_box.setVisible(n > 0)
        self.drafts_view.setFixedHeight(min(6, max(n, 1)) * 24 + 30)
        if n and not self.drafts_view.currentIndex().isValid():
            self.drafts_view.selectRow(0)
        self.recent_model.set_rows(recent_inspections(self.store))
        if self.recent_model.rows and not self.recent_view.currentIndex().isValid():
            self.recent_view.selectRow(0)
        self.open_button.setEnabled(bool(self.recent_model.rows))
        self.record_button.setEnabled(bool(self.recent_model.rows))

    def _selected(self, view: QTableView, model: RowsModel) -> str | None:
        idx = view.currentIndex()
        return model.id_at(idx.row()) if idx.isValid() else None

    def _watch(self, win: InspectionWindow | None) -> InspectionWindow | None:
        if win is not None:
            _watch_window(win, self)
            self.reload()
        return win

    def _on_new_clicked(self) -> None:
        from .pickers import EnterprisePickerDialog

        picker = EnterprisePickerDialog(self.store, self)
        picker.setWindowTitle(self.tr("New inspection: choose the enterprise"))
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen_id:
            return
        self._watch(start_inspection_interactive(self.store, picker.chosen_id, self))

    def _on_resume_clicked(self) -> None:
        inspection_id = self._selected(self.drafts_view, self.drafts_model)
        if inspection_id:
            self._watch(open_inspection_window(self.store, inspection_id, self))

    def _on_discard_clicked(self) -> None:
        inspection_id = self._selected(self.drafts_view, self.drafts_model)
        if not inspection_id:
            return
        row = self.drafts_model.row_at(self.drafts_view.currentIndex().row())
        answer = QMessageBox.question(
            self, self.tr("Discard draft"),
            self.tr("Discard the unfinished inspection of %1 started %2, with its answers and "
                    "photos? This cannot be undone.")
            .replace("%1", row["enterprise_name"]).replace("%2", fmt_time(row["started_at"])),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        win = _open_windows.get(inspection_id)
        if win is not None:
            win.close()
        try:
            ins.discard_draft(self.store, inspection_id)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Discard draft"), str(e))
        self.reload()

    def _on_open_clicked(self) -> None:
        inspection_id = self._selected(self.recent_view, self.recent_model)
        if inspection_id:
            self._watch(open_inspection_window(self.store, inspection_id, self))

    def _on_record_clicked(self) -> None:
        inspection_id = self._selected(self.recent_view, self.recent_model)
        if inspection_id:
            show_inspection_record(self.store, inspection_id, self)

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self.reload()


__all__ = [
    "ChecklistModel", "EnterpriseInspectionsPage", "FinaliseDialog", "FindingEditor",
    "InspectionWindow", "InspectionsWidget", "OfficerChecklist", "PhotoStrip", "RowsModel",
    "StartInspectionDialog", "camera_available", "open_inspection_window", "show_inspection_record",
    "start_inspection_interactive",
]
