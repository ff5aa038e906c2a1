"""Storage: one SQLite file through sqlite-utils. Never imports Qt."""

from . import sqlite  # noqa: F401 — first: SQLCipher under sqlite-utils (storage/sqlite.py)
from .db import Store, open_db, open_memory  # noqa: F401
