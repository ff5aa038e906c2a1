"""Per-user state (window geometry, remembered choices): one INI file in the data folder.

``QSettings()`` with no arguments writes to the registry on Windows and ``~/.config`` on Linux,
outside ``INSPECTOR_DATA_DIR``: tests and a second township on the same laptop would then share
it. Everything goes through :func:`settings` instead, so the data folder holds all of a user's
state. ``--smoke`` calls :func:`set_read_only` first: its QSettings then point at a throw-away
file, so a smoke run neither reads nor writes the officer's state.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from .. import paths

FILE_NAME = "settings.ini"
_scratch: Path | None = None  # set while read-only


def settings_path() -> Path:
    """Where :func:`settings` reads and writes (the data folder, or a scratch folder)."""
    base = _scratch if _scratch is not None else paths.data_dir()
    return base / FILE_NAME


def settings() -> QSettings:
    """A QSettings over the user's state file; cheap to create, use and drop."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def read_only() -> bool:
    return _scratch is not None


def set_read_only(enabled: bool = True) -> None:
    """Send every later :func:`settings` to a temporary file (removed at exit), or back."""
    global _scratch
    if enabled and _scratch is None:
        _scratch = Path(tempfile.mkdtemp(prefix="inspector-state-"))
        atexit.register(shutil.rmtree, _scratch, True)
    elif not enabled:
        _scratch = None


__all__ = ["FILE_NAME", "read_only", "set_read_only", "settings", "settings_path"]
