"""One background runner for long work (imports, exports, PDF batches).

A ``Task`` runs a plain function on ``QThreadPool``; results and progress come back to the GUI
thread through a signal-carrying ``QObject`` (never by touching widgets from the worker).
SQLite connections are thread-bound, so a task that needs the database receives the database
*path* and opens its own connection.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    raised = Signal(object)  # the exception itself, for the operations' one failure handler
    finished = Signal()


class Task(QRunnable):
    """Run ``fn(progress=callback)`` in the pool; connect to ``signals`` before ``start()``."""

    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = True):
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # Python keeps the reference; avoids use-after-free of signals

    def run(self) -> None:  # worker thread
        try:
            if self.with_progress:
                result = self.fn(progress=lambda done, total: self.signals.progressed.emit(done, total))
            else:
                result = self.fn()
        except Exception as e:  # report every failure to the officer; nothing escapes silently
            message = str(e) or e.__class__.__name__
            traceback.print_exc()
            self.signals.failed.emit(message)
            self.signals.raised.emit(e)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.fn = None  # release the closure (and what it captured) as soon as the work is done
            self.signals.finished.emit()

    def start(self) -> "Task":
        _running.add(self)
        self.signals.finished.connect(lambda: _running.discard(self))
        QThreadPool.globalInstance().start(self)
        return self


_running: set[Task] = set()
