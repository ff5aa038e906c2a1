"""User actions as operations (after Anki's ``CollectionOp``).

An action that changes the database is written once as a plain function and run through ``Op``:

    Op(self, lambda: findings.close(store, fid, ...), changes={Change.FINDING}) \
        .success(lambda result: ...) \
        .run()

``Op`` runs the function on the UI thread (quick writes on the UI's own connection) or, with
``background=True``, on the thread pool with a progress dialog (long work: exports, imports,
batches — such a function opens its own connection, SQLite connections are thread-bound). Either
way the real exception reaches one failure handler (``show_failure``), and on success the kinds of
record that changed are announced on ``changes().changed`` so every screen that shows them
refreshes — screens do not reload on every show, nor wire ad-hoc signals to each other.
"""

from __future__ import annotations

import enum
import logging
import traceback
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Change(enum.StrEnum):
    """Kinds of record an operation may change; screens subscribe to the ones they show."""
    TOWNSHIP = "township"        # villages, officers, authority
    SETTINGS = "settings"
    ENTERPRISE = "enterprise"
    INSPECTION = "inspection"
    FINDING = "finding"
    DOCUMENT = "document"
    LEDGER = "ledger"            # the hand-kept ledger records and the quarter's close/re-open


class ChangeBus(QObject):
    # frozenset[Change], and the object that caused it (a screen can skip its own echo)
    changed = Signal(object, object)

    def announce(self, kinds: Iterable[Change | str], origin: object = None) -> None:
        kinds = frozenset(Change(k) for k in kinds)
        if kinds:
            self.changed.emit(kinds, origin)


_bus: ChangeBus | None = None


def changes() -> ChangeBus:
    """The application's change bus (created on first use, on the UI thread)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus



# Exceptions that mean "the officer's input or the data's state says no": shown as a warning with
# the message alone. Anything else is a bug: logged with its traceback, shown as an error.
def _expected_errors() -> tuple[type[BaseException], ...]:
    from ..storage.db import StorageError

    return (StorageError, ValueError, PermissionError, FileNotFoundError)


def show_failure(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """The one failure handler for user actions."""
    from ..storage import sqlite as sqlite3

    from ..storage.errors import translate

    if isinstance(exc, (sqlite3.Error, OSError)):
        exc = translate(exc)  # "database is locked" / "disk is full" named in Chinese
    if isinstance(exc, _expected_errors()):
        QMessageBox.warning(parent, title or QCoreApplication.translate("Operations", "Cannot do that"), str(exc) or exc.__class__.__name__)
        return
    log.error("operation failed", exc_info=(type(exc), exc, exc.__traceback__))
    QMessageBox.critical(parent, title or QCoreApplication.translate("Operations", "Something went wrong"),
                         QCoreApplication.translate("Operations", "The action failed and nothing was changed by it:\n%1")
                         .replace("%1", str(exc) or exc.__class__.__name__))


class Op:
    """One user action: ``fn()`` → result, announced as ``changes`` on success."""

    def __init__(self, parent: QWidget | None, fn: Callable[..., Any], *,
                 changes: Iterable[Change | str] = (), background: bool = False,
                 progress_label: str | None = None, failure_title: str | None = None):
        self.parent = parent
        self.fn = fn
        self.kinds = tuple(changes)
        self.background = background
        self.progress_label = progress_label
        self.failure_title = failure_title
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        """Replace the standard failure handler (for a dialog that shows the error inline)."""
        self._on_failure = callback
        return self

    def run(self) -> "Op":
        if self.background:
            self._run_in_pool()
            return self
        try:
            result = self.fn()
        except Exception as e:  # noqa: BLE001 — every failure reaches the one handler
            self._failed(e)
        else:
            self._succeeded(result)
        return self

    # -- outcome ---------------------------------------------------------------------------
    def _succeeded(self, result: Any) -> None:
        changes().announce(self.kinds, self.parent)
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            show_failure(self.parent, exc, self.failure_title)

    # -- background ------------------------------------------------------------------------
    def _run_in_pool(self) -> None:
        from .tasks import Task

        dlg = QProgressDialog(self.progress_label or QCoreApplication.translate("Operations", "Working…"), None, 0, 0, self.parent)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        task = Task(self.fn)
        box: dict[str, Any] = {}

        def progressed(done: int, total: int) -> None:
            dlg.setMaximum(max(total, 0))
            dlg.setValue(done)

        task.signals.progressed.connect(progressed)
        task.signals.succeeded.connect(lambda r: box.setdefault("result", r))
        task.signals.raised.connect(lambda e: box.setdefault("error", e))

        def finished() -> None:
            dlg.close()
            if "error" in box:
                self._failed(box["error"])
            else:
                self._succeeded(box.get("result"))

        task.signals.finished.connect(finished)
        self._task = task  # kept alive with the op
        task.start()


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
