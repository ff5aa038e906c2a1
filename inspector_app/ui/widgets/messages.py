"""Inline messages: an error (or success) line under a form, and the colours they use.

A dialog that gathers input shows the officer's mistakes next to the input (not in a message
box), so operations run from a dialog report expected failures here; see :func:`inline_failure`.
"""

from __future__ import annotations

from ...storage import sqlite as sqlite3  # both drivers' error classes

from typing import Callable

from PySide6.QtWidgets import QLabel, QWidget

from .badges import AMBER  # a warning that is not an error (e.g. an officer without a certificate number)

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #555;"


def error_label(parent: QWidget, name: str = "") -> QLabel:
    lab = QLabel(parent)
    lab.setStyleSheet(ERROR_STYLE)
    lab.setWordWrap(True)
    lab.setVisible(False)
    if name:
        lab.setObjectName(name)
    return lab


def set_message(label: QLabel, text: str, *, ok: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setVisible(bool(text))


# Failures that say "the input or the data's state says no" (the storage layer's Chinese
# messages): shown inline. Anything else is a bug and goes to the one failure handler.
INLINE_ERRORS = (ValueError, RuntimeError, *sqlite3.Error, OSError)


def inline_failure(label: QLabel, parent: QWidget | None = None) -> Callable[[BaseException], None]:
    """An ``Op.failure`` callback: expected errors in ``label``, bugs to ``show_failure``."""
    from ..operations import show_failure

    def failed(exc: BaseException) -> None:
        if isinstance(exc, INLINE_ERRORS):
            set_message(label, str(exc) or exc.__class__.__name__)
        else:
            show_failure(parent or label.window(), exc)

    return failed


__all__ = ["AMBER", "ERROR_STYLE", "HINT_STYLE", "INLINE_ERRORS", "OK_STYLE", "error_label", "inline_failure",
           "set_message"]
