"""Going to a ledger from elsewhere in the window (Today's reminders): the main window's 台账
module, showing one ledger for a quarter with a quick filter or only some records."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.ledgers.quarter import Quarter

LEDGERS_TARGET = ".ledgers.screen:LedgersWidget"

# What each reminder of ``storage.ledgers.reminders`` shows: (ledger, quarter: "previous" or
# "current", quick filter, only the reminder's records).
REMINDER_VIEW = {
    "quarter_not_closed": (None, "previous", "", False),
    "reports_missing": ("quarter_reports", "previous", "missing", False),
    "certificates_expired": ("people", "current", "", True),
    "certificates_expiring": ("people", "current", "", True),
    "equipment_due": ("equipment", "current", "", True),
    "no_drill": ("township", "current", "drills", False),
    "no_joint_action": ("township", "current", "joint", False),
}


def ledgers_widget(window: QWidget):
    """The main window's ledger module (built on first use and made current), or None."""
    from .. import modules

    targets = [t for _title, t in modules.MODULES]
    if LEDGERS_TARGET not in targets or not hasattr(window, "module_widget"):
        return None
    row = 1 + targets.index(LEDGERS_TARGET)  # the registry comes first
    window.nav.setCurrentRow(row)
    return window.module_widget(row)


def show_reminder(window: QWidget, reminder, today) -> object | None:
    widget = ledgers_widget(window)
    if widget is None:
        return None
    ledger, which, quick, only = REMINDER_VIEW.get(reminder.code, (reminder.ledger or None, "current", "", False))
    q = Quarter.of(today)
    if which == "previous":
        q = q.previous()
    ids = [i["id"] for i in reminder.items] if only else None
    widget.show_ledger(ledger or widget.key, quarter=q, quick=quick, ids=ids)
    return widget


__all__ = ["REMINDER_VIEW", "ledgers_widget", "show_reminder"]
