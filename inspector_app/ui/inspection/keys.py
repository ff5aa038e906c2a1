"""The checklist's keyboard: answer keys and navigation on the tree, Esc back from an editor.

Keys in the checklist: 1/Y = 符合, 2/N = 不符合, 3/X = 不适用, Down/J next, Up/K previous,
Delete clears the answer, Enter edits the value or the note; in an editor, Esc returns to the
checklist. An event filter turns the key presses into signals; the window decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal

from .labels import ANSWER_KEYS

_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


class ChecklistKeys(QObject):
    """Install on the checklist tree (``watch_tree``) and its editors (``watch_editor``)."""

    next_pressed = Signal()
    previous_pressed = Signal()
    answer_pressed = Signal(str)   # 符合 / 不符合 / 不适用
    clear_pressed = Signal()
    edit_pressed = Signal()
    escaped = Signal()             # Esc in an editor

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tree: QObject | None = None
        self._editors: list[QObject] = []

    def watch_tree(self, tree: QObject) -> None:
        self._tree = tree
        tree.installEventFilter(self)

    def watch_editor(self, editor: QObject) -> None:
        self._editors.append(editor)
        editor.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # Qt override
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self._tree and not (event.modifiers() & _MODIFIERS):
            if key in (Qt.Key.Key_Down, Qt.Key.Key_J):
                self.next_pressed.emit()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_K):
                self.previous_pressed.emit()
                return True
            if key in ANSWER_KEYS:
                self.answer_pressed.emit(ANSWER_KEYS[key])
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_pressed.emit()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_pressed.emit()
                return True
        elif obj in self._editors and key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return True
        return super().eventFilter(obj, event)
