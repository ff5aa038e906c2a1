"""Screens refresh when an operation announces a change to what they show.

A screen lists the kinds of record it shows (``REFRESH_ON``) and implements ``refresh()``. When
``changes().changed`` announces one of them, a visible screen refreshes at once, and so does
one whose own dialog made the change; a hidden one (another module or dossier tab is in front)
only notes it and refreshes when it is next shown.
Nothing reloads merely because it was shown — except after midnight, when "today" moved.
"""

from __future__ import annotations

from ...core import clock
from ..operations import Change, changes


def caused_by(widget, origin) -> bool:
    """Whether ``origin`` (an operation's parent) is ``widget`` or one of its children, dialogs
    included (``QWidget.isAncestorOf`` stops at window boundaries)."""
    while origin is not None:
        if origin is widget:
            return True
        origin = origin.parent() if hasattr(origin, "parent") else None
    return False


class RefreshOnChange:
    """Mixin for a ``QWidget``: call ``self.follow_changes()`` at the end of ``__init__``."""

    REFRESH_ON: frozenset[Change] = frozenset()
    _stale = False
    _shown_day = None

    def follow_changes(self) -> None:
        self._shown_day = clock.today()
        changes().changed.connect(self._on_changes_changed)

    def _on_changes_changed(self, kinds, origin) -> None:
        if not (self.REFRESH_ON & kinds):
            return
        if self.isVisible() or caused_by(self, origin):
            self._refresh_now()
        else:
            self._stale = True

    def _refresh_now(self) -> None:
        self._stale = False
        self._shown_day = clock.today()
        self.refresh()

    def showEvent(self, event) -> None:  # Qt override (the widget's own showEvent runs too)
        super().showEvent(event)
        if self._stale or self._shown_day != clock.today():
            self._refresh_now()

    def refresh(self) -> None:  # pragma: no cover - every screen implements it
        raise NotImplementedError


__all__ = ["RefreshOnChange", "caused_by"]
