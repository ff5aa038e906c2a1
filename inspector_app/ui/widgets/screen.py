"""Every window fits the screen it opens on: a 1366×768 laptop less its taskbar.

Dialogs ask for the size that suits a big screen (``resize(820, 940)``); :class:`ScreenFitFilter`,
installed once on the application, shrinks any top-level window that would not fit the
available geometry when it is shown, and moves it inside, so its buttons are always reachable.
Before a window is first shown its frame is not known, so a title bar and borders are allowed
for (:data:`FRAME_ALLOWANCE`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

FRAME_ALLOWANCE = QSize(16, 40)  # borders and a Windows title bar


def _available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, size: QSize | None = None) -> None:
    """Resize ``widget`` (to ``size`` when given) no larger than its screen allows, and move its
    frame inside the screen."""
    avail = _available(widget)
    frame, geo = widget.frameGeometry(), widget.geometry()
    extra = QSize(max(frame.width() - geo.width(), FRAME_ALLOWANCE.width()),
                  max(frame.height() - geo.height(), FRAME_ALLOWANCE.height()))
    want = size or widget.size()
    most = avail.size() - extra
    fitted = QSize(min(want.width(), most.width()), min(want.height(), most.height()))
    if widget.isMaximized() or widget.isFullScreen():
        return
    if fitted != widget.size():
        widget.resize(fitted)
    # Keep the whole frame, title bar included, on the screen.
    x = min(max(widget.x(), avail.left()), avail.right() - fitted.width() - extra.width() + 1)
    y = min(max(widget.y(), avail.top()), avail.bottom() - fitted.height() - extra.height() + 1)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(x, avail.left()), max(y, avail.top()))


class ScreenFitFilter(QObject):
    """Fits every top-level window to its screen when it is shown."""

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                fit_to_screen(watched)
        return False


_installed: ScreenFitFilter | None = None


def install(app: QApplication) -> None:
    """Install the filter once (the app's start-up; tests that check window sizes)."""
    global _installed
    if _installed is None:
        _installed = ScreenFitFilter(app)
        app.installEventFilter(_installed)


def uninstall(app: QApplication) -> None:
    """Remove the filter: it sees every event of every object, in Python (~25 ms while the main
    window is built, which fits itself); ``ui.app`` installs it again after the first paint."""
    global _installed
    if _installed is not None:
        app.removeEventFilter(_installed)
        _installed.deleteLater()
        _installed = None
