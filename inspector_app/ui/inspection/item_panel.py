"""The current checklist item: question, legal basis, limits, the answer buttons, the measured
value or record, the note and the item's photos. The window wires its signals to storage."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...core.forms import Item
from ...storage.db import Store
from ...storage.inspections import Answer
from ..widgets.badges import AMBER, GREY, RED, badge_icon
from .checklist_model import ChecklistModel
from .labels import ANSWER_LABELS, ANSWER_STYLE, bold, label_of, wrap_label
from .photo_strip import PhotoStrip


class ItemPanel(QWidget):
    """Question, legal basis, major reference, [K] note, limits; the answer controls, the note
    and the item's photos. The window wires the signals to storage."""

    answer_clicked = Signal(str)

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.path = wrap_label(self, "itemPath")
        self.path.setStyleSheet(f"color: {GREY};")
        self.question = wrap_label(self, "itemQuestion")
        bold(self.question, 1.25)
        self.major = wrap_label(self, "itemMajor")
        self.major.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.basis = wrap_label(self, "itemBasis")
        self.limits = wrap_label(self, "itemLimits")
        self.suggestion = wrap_label(self, "itemSuggestion")
        self.suggestion.setStyleSheet(f"color: {GREY};")
        self.unverified = wrap_label(self, "itemUnverified")
        self.unverified.setStyleSheet(f"color: {AMBER};")
        self.unverified.setText(self.tr("[K] This clause was written from memory and has not been "
                                        "checked against the official text yet; verify it before "
                                        "citing it in a document."))

        self.answer_buttons: dict[str, QPushButton] = {}
        answers = QHBoxLayout()
        # A final record shows its result as text: disabled buttons hide which one was chosen.
        self.result = wrap_label(self, "itemResult", selectable=False)
        bold(self.result, 1.1)
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
        self.requirement = wrap_label(self, "itemRequirement", selectable=False)
        self.requirement.setStyleSheet(f"color: {RED};")
        self.error = wrap_label(self, "itemError", selectable=False)
        self.error.setStyleSheet(f"color: {RED};")
        self.note_label = QLabel(self.tr("Note (what you saw; saved as you type):"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("itemNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. where exactly, what is missing, who was told"))
        # Four lines: enough for what was seen, and the photos, their caption and photographer and
        # the Previous/Next buttons still fit under it on a 1366×768 laptop.
        self.note.setMinimumHeight(48)
        self.note.setMaximumHeight(64)
        self.photos = PhotoStrip(store, inspection_id, self, title=self.tr("Photos of this item"))
        self.previous_button = QPushButton(self.tr("◀ Previous (K)"), self)
        self.next_button = QPushButton(self.tr("Next (J) ▶"), self)
        for b in (self.previous_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.placeholder = wrap_label(self, "itemPlaceholder", selectable=False)

        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        # Tight: a failed item with a photo, its caption and Previous/Next fit the item pane of a
        # 1366×768 laptop (688 px of window under a title bar and taskbar) without scrolling.
        layout.setSpacing(4)
        layout.setContentsMargins(8, 4, 8, 4)
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
