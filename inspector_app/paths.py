"""Where things are: shipped resources and forms, and the user's working data.

Shipped files resolve against ``sys._MEIPASS`` when frozen by PyInstaller and against the
repository root otherwise. The working database lives in the user's data directory
(``QStandardPaths.AppDataLocation``), overridable by ``INSPECTOR_DATA_DIR`` (tests) or the
``INSPECTOR_DB`` variable and ``--db`` option (a specific file).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def root() -> Path:
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS"))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return root() / "resources"


def forms_dir() -> Path:
    return root() / "forms"


def data_dir() -> Path:
    override = os.environ.get("INSPECTOR_DATA_DIR")
    if override:
        return Path(override)
    # QtCore only (no widgets): cheap, and the one place that knows each OS's convention.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from . import APP_NAME, ORG_NAME

    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc) if loc else Path.home() / f".{APP_NAME}"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("INSPECTOR_DB")
    if env:
        return Path(env)
    return data_dir() / "inspector.sqlite"


def photos_dir(db_path: Path | None = None) -> Path:
    """Photos are stored next to the database, named by their sha256."""
    base = db_path.parent if db_path else data_dir()
    return base / "photos"
