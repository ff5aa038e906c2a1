"""Today's buckets (from ``storage.findings.today_view``) as small tables."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core import clock
from ...core.dates import as_date
from ...core.i18n import QT_TRANSLATE_NOOP
from ..findings.labels import state_label
from ..widgets.tables import ListTableModel

LATE_COLOR = QColor("#b00020")


@cache
def _bold() -> QFont:  # made on first use: a QFont wants the application to exist
    f = QFont()
    f.setBold(True)
    return f


HORIZON_DAYS = 7

# (key, today_view buckets shown together, title, action) — the order is the order of urgency.
SECTIONS = (
    ("overdue_reinspections", ("overdue_reinspections",),
     QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections overdue"), "reinspect"),
    ("reinspections_due", ("reinspections_due",),
     QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections due this week"), "reinspect"),
    ("overdue_rectifications", ("overdue_rectifications",),
     QT_TRANSLATE_NOOP("TodayWidget", "Rectifications overdue"), "open"),
    ("listings", ("listings_expired", "listings_expiring"),
     QT_TRANSLATE_NOOP("TodayWidget", "Supervision listings expired or about to expire"), "open"),
)


class TodayModel(ListTableModel):
    """Rows of one today bucket (small lists)."""

    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("TodayModel", "Enterprise")),
        ("village_name", QT_TRANSLATE_NOOP("TodayModel", "Village")),
        ("description", QT_TRANSLATE_NOOP("TodayModel", "Description")),
        ("grade", QT_TRANSLATE_NOOP("TodayModel", "Grade")),
        ("state", QT_TRANSLATE_NOOP("TodayModel", "State")),
        ("when", QT_TRANSLATE_NOOP("TodayModel", "Due")),
        ("late", QT_TRANSLATE_NOOP("TodayModel", "Days")),
    )

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.today = clock.today()

    def set_rows(self, rows: list[dict], today: date) -> None:
        self.today = today  # before the reset: the views re-read days against it
        super().set_rows(rows)

    def due(self, r: dict) -> str:
        if self.section in ("reinspections_due", "overdue_reinspections"):
            return r.get("reinspection_due_by") or ""
        if self.section == "listings":
            return r.get("listing_deadline") or ""
        return r.get("deadline") or ""

    def days(self, r: dict) -> int:
        """Days left (positive) or overdue (negative) against the row's due date."""
        due = as_date(self.due(r))
        return 0 if due is None else (due - self.today).days

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "state":
                return state_label(r["state"])
            if key == "when":
                return self.due(r)
            if key == "late":
                n = self.days(r)
                if n < 0:
                    return self.tr("%n day(s) late", "", -n)
                return self.tr("today") if n == 0 else self.tr("in %n day(s)", "", n)
            value = r.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "description":
            return r["description"]
        if role == Qt.ItemDataRole.ForegroundRole and key in ("when", "late") and self.days(r) < 0:
            return QBrush(LATE_COLOR)
        if role == Qt.ItemDataRole.FontRole and key == "grade" and r["grade"] == "重大":
            return _bold()
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


__all__ = ["HORIZON_DAYS", "SECTIONS", "TodayModel"]
