"""Storage: one SQLite file through sqlite-utils. Never imports Qt."""

from .db import Store, open_db, open_memory  # noqa: F401
