"""Where things are: shipped resources and forms, and the user's working data.

Shipped files resolve against ``sys._MEIPASS`` when frozen by PyInstaller and against the
repository root otherwise. The working database lives in the user's data directory
(``QStandardPaths.AppDataLocation``), overridable by ``INSPECTOR_DATA_DIR`` (tests) or the
``INSPECTOR_DB`` variable and ``--db`` option (a specific file).

The working data is readable only by the user. On POSIX the data folder and the photos folder are
0700 and the database files 0600: set when they are created and tightened whenever the database
is opened (:func:`make_private`), since a copy or an older version may have left them open. On
Windows the data folder is under the user's profile (``%APPDATA%``), whose ACL already grants
access to the user, SYSTEM and Administrators only; the files inherit it, so nothing is changed
there (``os.chmod`` could only toggle the read-only flag).
"""

from __future__ import annotations

import os
import stat
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
    path = Path(loc) if loc else Path.home() / f".{APP_NAME}"
    _tighten(path)  # an existing data folder is made private (open_db creates a new one so)
    return path


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


_PRIVATE = os.name != "nt"  # see the module docstring for Windows


def _tighten(path: Path) -> None:
    """Remove group and other access from ``path`` if it exists and is ours (POSIX only)."""
    if not _PRIVATE:
        return
    try:
        st = os.stat(path)
        if st.st_uid == os.getuid() and st.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(st.st_mode) & ~0o077)
    except FileNotFoundError:
        pass


def private_dir(path: Path) -> Path:
    """Create the folder ``path`` (and any missing parents) so only the user can open it. An
    existing folder is left as it is: it may be the officer's own (a USB stick, /tmp)."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        _tighten(path)
    return path


def make_private(db_path: Path) -> None:
    """Tighten the database file, its -wal/-shm companions, its key envelope and its photos
    folder (POSIX)."""
    db_path = Path(db_path)
    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(f"{db_path}.keys"), photos_dir(db_path)):
        _tighten(p)
