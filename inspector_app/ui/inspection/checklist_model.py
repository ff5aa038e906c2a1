"""The frozen checklist of an inspection as a tree (form → section → item) with each answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.forms import Item
from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage.inspections import Answer, InspectionSession
from ..widgets.badges import RED
from .labels import ANSWER_LABELS, answer_icon, label_of


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
