"""Date edits and the conversions between Qt's ``QDate``/``QDateTime`` and Python's dates.

Parsing text is core/dates.py's job; this module only converts between Qt and Python values, so
no screen builds a ``QDate`` or reads ``toPython()`` itself."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QWidget

from ...core import clock
from ...core.dates import as_date


def to_qdate(value) -> QDate:
    """A date, ISO string or datetime as a ``QDate`` (today when empty)."""
    d = as_date(value) or clock.today()
    return QDate(d.year, d.month, d.day)


def to_date(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def to_datetime(qdt: QDateTime) -> datetime:
    """A ``QDateTime`` to the minute (how service and decision times are recorded)."""
    d, t = qdt.date(), qdt.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def to_qdatetime(value: datetime) -> QDateTime:
    """A datetime as a ``QDateTime`` (seconds kept; an aware one shown in local time)."""
    return QDateTime(value)


def to_local_iso(qdt: QDateTime) -> str:
    """A ``QDateTime`` as zoned local ISO text to the second (how inspection times are stored)."""
    return qdt.toPython().astimezone().isoformat(timespec="seconds")


def now_qdatetime() -> QDateTime:
    """The clock's now as a ``QDateTime`` (to the minute)."""
    n = clock.now()
    return QDateTime(QDate(n.year, n.month, n.day), QTime(n.hour, n.minute))


def date_edit(parent: QWidget, value=None, *, name: str = "") -> QDateEdit:
    """A calendar-popup date edit showing ISO dates; ``value`` defaults to today."""
    w = QDateEdit(to_qdate(value), parent)
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setMaximumWidth(150)
    if name:
        w.setObjectName(name)
    return w


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown blank)."""

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, parent=None, value=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.EMPTY)
        self.setMaximumWidth(150)
        self.setSpecialValueText(" ")
        self.set_value(value)

    def set_value(self, value) -> None:
        d = as_date(value) if value else None
        self.setDate(QDate(d.year, d.month, d.day) if d else self.EMPTY)

    def value(self) -> str:
        d = self.date()
        return "" if d == self.EMPTY else to_date(d).isoformat()


__all__ = ["OptionalDateEdit", "date_edit", "now_qdatetime", "to_date", "to_datetime", "to_local_iso", "to_qdate",
           "to_qdatetime"]
