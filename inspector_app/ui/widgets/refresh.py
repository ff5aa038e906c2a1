"""A screen's subscription to the change bus (``operations.changes()``).

A screen reloads when records it shows change: at once while it is visible (or when its own dialog
made the change), otherwise once, the next time it is shown. So nothing reloads merely because it
was shown, and a hidden tab does not query the database on every key press of an inspection.
Screens whose rows depend on the date (days overdue, "this week") also reload when shown on a new
day (``daily=True``).
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ...core import clock
from ..operations import Change, changes


def caused_by(widget, origin) -> bool:
    """Whether ``origin`` (an operation's parent) is ``widget`` or one of its children, modal
    dialogs included (``QWidget.isAncestorOf`` stops at every window boundary). A separate
    non-modal window opened from the widget — an inspection window — is not the widget's own
    doing: a hidden list must not reload on each of its key presses."""
    home = widget.window()
    while origin is not None:
        if origin is widget:
            return True
        if (isinstance(origin, QWidget) and origin.isWindow() and origin is not home
                and not origin.isModal()):
            return False
        origin = origin.parent() if hasattr(origin, "parent") else None
    return False


class RefreshOnChange(QObject):
    """Call ``reload()`` when any of ``kinds`` changes; owned by (and dies with) ``widget``."""

    def __init__(self, widget: QWidget, kinds: Iterable[Change], reload: Callable[[], None], *,
                 daily: bool = False):
        super().__init__(widget)
        self.widget = widget
        self.kinds = frozenset(kinds)
        self.reload = reload
        self.daily = daily
        self.stale = False
        self.shown_day = clock.today()
        changes().changed.connect(self._on_bus_changed)
        widget.installEventFilter(self)

    def _on_bus_changed(self, kinds: frozenset, origin: object) -> None:
        if self.kinds.isdisjoint(kinds):
            return
        if self.widget.isVisible() or caused_by(self.widget, origin):
            self._reload_now()
        else:
            self.stale = True

    def _reload_now(self) -> None:
        self.stale = False
        self.shown_day = clock.today()
        self.reload()

    def refresh_if_stale(self) -> None:
        if self.stale or (self.daily and self.shown_day != clock.today()):
            self._reload_now()

    def eventFilter(self, obj, event) -> bool:  # Qt override
        if obj is self.widget and event.type() == QEvent.Type.Show:
            self.refresh_if_stale()
        return False


__all__ = ["RefreshOnChange", "caused_by"]
