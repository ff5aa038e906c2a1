"""How inspection values read on screen: the translated labels of answers, kinds, photo classes
and grades, the answer keys and badges, local times, and two small label helpers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QWidget

from ...core.dates import local_naive
from ...core.i18n import QT_TRANSLATE_NOOP
from ..widgets.badges import GREEN, GREY, RED, badge_icon

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
    """Stored ISO text as local wall-clock time (naive), or None when blank or unreadable: the
    screens show what they can rather than fail on one odd stored value."""
    if not text:
        return None
    try:
        return local_naive(text)
    except ValueError:
        return None


def fmt_time(text: str | None) -> str:
    value = parse_time(text)
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def answer_icon(answer: str | None) -> QIcon:
    if answer is None:
        return badge_icon("#9e9e9e", "", hollow=True)
    color, glyph = ANSWER_STYLE[answer]
    return badge_icon(color, glyph)


def bold(widget: QWidget, scale: float = 1.0) -> None:
    font = widget.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


def wrap_label(parent: QWidget, name: str = "", *, selectable: bool = True) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)  # checklist text is data, never markup
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        lab.setObjectName(name)
    return lab

