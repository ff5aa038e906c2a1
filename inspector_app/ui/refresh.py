"""A screen's subscription to the change bus (``operations.changes()``).

A screen reloads when records it shows change: at once while it is visible, otherwise once, the
next time it is shown. So nothing reloads on every show, and a hidden tab does not query the
database on every key press of an inspection.
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from .operations import Change, changes


class RefreshOnChange(QObject):
    """Call ``reload()`` when any of ``kinds`` changes; owned by (and dies with) ``widget``."""

    def __init__(self, widget: QWidget, kinds: Iterable[Change], reload: Callable[[], None]):
        super().__init__(widget)
        self.widget = widget
        self.kinds = frozenset(kinds)
        self.reload = reload
        self.stale = False
        changes().changed.connect(self._on_bus_changed)
        widget.installEventFilter(self)

    def _on_bus_changed(self, kinds: frozenset, _origin: object) -> None:
        if self.kinds.isdisjoint(kinds):
            return
        if self.widget.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def refresh_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()

    def eventFilter(self, obj, event) -> bool:  # Qt override
        if obj is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.reload()
        return False
