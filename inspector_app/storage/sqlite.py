"""The one SQLite driver of the app: SQLCipher (``sqlcipher3``), and the exception classes to catch.

Every storage module takes ``connect`` and the error classes from here, never from the standard
``sqlite3``: the working database is encrypted (docs/encryption.md) and only SQLCipher can read
it. Without a key a SQLCipher connection is plain SQLite (in-memory test stores, backup files
made of a plain database, the bundle files another laptop sends).

sqlite-utils prefers ``pysqlite3`` when it can import it; pointing that name at ``sqlcipher3``
before sqlite-utils is first imported makes its own ``sqlite3`` the same driver, so the
exceptions it catches (``drop(ignore=True)``, table introspection) are the ones our connections
raise. This module is imported by ``storage/__init__`` and ``storage/db`` before anything
imports sqlite-utils.

sqlcipher3's classes are not subclasses of the standard library's, so the names exported here
are tuples of both (``except Error:`` and ``isinstance(e, Error)`` accept a tuple; never
``raise`` them): code and tests that meet an error from either driver catch it the same way.
"""

from __future__ import annotations

import sqlite3 as _std
import sys

import sqlcipher3 as _cipher
import sqlcipher3.dbapi2 as _cipher_dbapi2

if "sqlite_utils" not in sys.modules:
    sys.modules.setdefault("pysqlite3", _cipher)
    sys.modules.setdefault("pysqlite3.dbapi2", _cipher_dbapi2)

driver = _cipher
Connection = _cipher.Connection
# Either driver's connection (the laptop's store is SQLCipher; a bundle's data file or a county
# file opened with the standard library is not): for isinstance checks.
Connections = (_cipher.Connection, _std.Connection)
Row = _cipher.Row

Error = (_cipher.Error, _std.Error)
DatabaseError = (_cipher.DatabaseError, _std.DatabaseError)
OperationalError = (_cipher.OperationalError, _std.OperationalError)
IntegrityError = (_cipher.IntegrityError, _std.IntegrityError)

# Result codes are SQLite's own numbers, the same in both drivers.
SQLITE_BUSY = _std.SQLITE_BUSY
SQLITE_LOCKED = _std.SQLITE_LOCKED
SQLITE_READONLY = _std.SQLITE_READONLY
SQLITE_FULL = _std.SQLITE_FULL
SQLITE_IOERR = _std.SQLITE_IOERR
SQLITE_CANTOPEN = _std.SQLITE_CANTOPEN
SQLITE_PERM = _std.SQLITE_PERM
SQLITE_AUTH = _std.SQLITE_AUTH
SQLITE_NOTADB = _std.SQLITE_NOTADB
SQLITE_CORRUPT = _std.SQLITE_CORRUPT

complete_statement = _cipher.complete_statement


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key: used as is, no PBKDF2 on each open
    (the password's slow derivation happens once, when the key envelope is opened)."""
    if len(key) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(database: str, *, key: bytes | None = None, uri: bool = False, isolation_level="",
            check_same_thread: bool = True, timeout: float = 5.0):
    """A SQLCipher connection; with ``key`` the database is decrypted with that raw key (the key
    must be the first statement on the connection)."""
    conn = _cipher.connect(database, uri=uri, isolation_level=isolation_level,
                           check_same_thread=check_same_thread, timeout=timeout)
    if key is not None:
        conn.execute(key_pragma(key))
    return conn


__all__ = ["Connection", "Connections", "DatabaseError", "Error", "IntegrityError", "OperationalError", "Row", "complete_statement",
           "connect", "driver", "key_pragma"]
