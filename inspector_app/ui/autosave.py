"""A failed autosave, shown at once and retried: never silent.

An autosaving window (the inspection window) keeps what it could not write in its pending queue
and tells an :class:`AutosaveGuard` about each failure and each success. The guard shows a red
banner in the window's status bar naming the reason (disk full, database busy, read-only — the
storage layer's Chinese message), retries the window's flush on a timer until a write succeeds,
and hides the banner then. Closing the window with writes still pending asks first.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

RETRY_MS = 5000


class AutosaveGuard(QObject):
    def __init__(self, window: QMainWindow, retry: Callable[[], None], *, pending: Callable[[], bool],
                 interval_ms: int = RETRY_MS):
        super().__init__(window)
        self.window = window
        self.pending = pending  # anything still queued: the banner stays until that is written
        self.banner = QLabel(window)
        self.banner.setObjectName("autosaveFailedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #c62828; color: white; font-weight: bold; "
                                  "padding: 4px 8px; border-radius: 3px; }")
        self.banner.hide()
        window.statusBar().addPermanentWidget(self.banner, 1)
        self.timer = QTimer(self, singleShot=True, interval=interval_ms)
        self.timer.timeout.connect(retry)
        self.failures = 0

    @property
    def failing(self) -> bool:
        return self.failures > 0

    def failed(self, error: BaseException) -> None:
        """A write failed; what it held stays queued in the window. Show why, retry later."""
        self.failures += 1
        seconds = self.timer.interval() // 1000
        self.banner.setText(QCoreApplication.translate(
            "Autosave", "Not saved: %1 Retrying every %2 s; what you typed is kept.")
                            .replace("%1", str(error)).replace("%2", str(seconds)))
        self.banner.show()
        self.timer.start()

    def saved(self) -> None:
        """A write succeeded; once nothing is left queued the banner goes."""
        if self.failures and not self.pending():
            self.failures = 0
            self.timer.stop()
            self.banner.hide()
            self.window.statusBar().showMessage(QCoreApplication.translate("Autosave", "Saved again."), 5000)

    def may_close(self) -> bool:
        """Asked on close while writes are still failing: leave (losing them) or stay."""
        if not self.failing:
            return True
        answer = QMessageBox.warning(
            self.window, QCoreApplication.translate("Autosave", "Not saved"),
            QCoreApplication.translate(
                "Autosave", "Some answers or notes could not be saved:\n%1\n\nClose anyway and lose them?")
            .replace("%1", self.banner.text()),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
