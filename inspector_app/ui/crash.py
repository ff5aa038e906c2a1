"""No silent failures in the windowed app: every unhandled exception is logged and shown.

The frozen build on Windows has no console, so a traceback printed to stderr goes nowhere and a
screen that fails to open simply "does nothing". :func:`install` (called once by ``main()``)
routes ``sys.excepthook`` — which PySide6 also calls for exceptions raised inside Qt slots —
and ``threading.excepthook`` to a rotating log file in the data folder
(``<data dir>/logs/inspector-app.log``) and to an error dialog in the officer's language.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from .. import __version__, paths

LOG_NAME = "inspector-app.log"
log = logging.getLogger("inspector_app.crash")

_handler: logging.Handler | None = None
_reporter: "_Reporter | None" = None
_showing = False


def log_path() -> Path:
    return paths.data_dir() / "logs" / LOG_NAME


class _RotatingFileHandler(logging.FileHandler):
    """``logging.handlers.RotatingFileHandler``'s rotation by size (``.1`` … ``.N``) without
    importing ``logging.handlers``: it pulls in socket, pickle and queue, ~8 ms of start-up."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int):
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record) -> None:
        try:
            if self._should_roll(record):
                self._roll()
        except Exception:  # noqa: BLE001 — as logging does: a failed log line never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def _should_roll(self, record) -> bool:
        if self.stream is None:
            self.stream = self._open()
        pos = self.stream.tell()
        if not pos or pos + len(self.format(record) + self.terminator) < self.max_bytes:
            return False
        return os.path.isfile(self.baseFilename)  # never rotate a device or a pipe

    def _roll(self) -> None:
        self.stream.close()
        self.stream = None
        for i in range(self.backups, 0, -1):
            src = self.baseFilename if i == 1 else f"{self.baseFilename}.{i - 1}"
            if os.path.exists(src):
                os.replace(src, f"{self.baseFilename}.{i}")
        self.stream = self._open()


class _Reporter(QObject):
    """Lives on the GUI thread; worker threads reach it through a queued signal."""

    reported = Signal(str, str)

    def __init__(self):
        super().__init__()
        self.reported.connect(show_error, Qt.ConnectionType.QueuedConnection)


def install() -> Path:
    """Log to the data folder and show unhandled exceptions; returns the log file's path.

    Safe to call again (the handlers are installed once)."""
    global _handler, _reporter
    path = log_path()
    if _handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _handler = _RotatingFileHandler(path, max_bytes=1_000_000, backups=3)
        except OSError:  # a read-only data folder must not stop the app from starting
            _handler = logging.NullHandler()
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(_handler)
        logging.getLogger("inspector_app").setLevel(logging.INFO)
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook
    log.info("inspector-app %s started (Python %s, %s)", __version__, sys.version.split()[0],
             "frozen" if getattr(sys, "frozen", False) else "source")
    return path


def excepthook(etype, value, tb) -> None:
    if issubclass(etype, KeyboardInterrupt):
        sys.__excepthook__(etype, value, tb)
        return
    details = "".join(traceback.format_exception(etype, value, tb))
    log.critical("unhandled exception\n%s", details.rstrip())
    if sys.stderr is not None:  # None in the windowed build
        sys.stderr.write(details)
    summary = f"{etype.__name__}: {value}"
    if _reporter is None:
        return
    if threading.current_thread() is threading.main_thread():  # the GUI thread
        show_error(summary, details)
    else:
        _reporter.reported.emit(summary, details)


def _thread_excepthook(args) -> None:
    if args.exc_type is SystemExit:
        return
    excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def show_error(summary: str, details: str) -> None:
    """The error dialog (one at a time: an error while it is open is only logged)."""
    global _showing
    from PySide6.QtWidgets import QApplication, QMessageBox

    if _showing or not isinstance(QCoreApplication.instance(), QApplication):
        return
    _showing = True
    try:
        # Literal strings in translate() calls: pyside6-lupdate extracts them from here.
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Unexpected error"),
                          QCoreApplication.translate(
                              "Crash", "The program ran into an error it did not expect. Work saved before "
                                       "is kept; the last action may not have been completed."),
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        where = QCoreApplication.translate(
            "Crash", "The details were written to %1. Please send this file to whoever maintains the software.")
        box.setInformativeText(summary + "\n\n" + where.replace("%1", str(log_path())))
        box.setDetailedText(details)
        box.exec()
    finally:
        _showing = False


__all__ = ["LOG_NAME", "excepthook", "install", "log_path", "show_error"]
