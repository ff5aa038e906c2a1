"""Storage failures with an officer-facing Chinese message, and the one translation of SQLite's
and the operating system's English errors into them.

:func:`translate` is used wherever such an error can reach the officer: opening a database
(``db.open_db``), every write transaction (``Store.write``), the command line's error path
(``cli.common.describe_error``) and the UI's failure handler (``ui.operations.show_failure``). A
condition is named as what it is — the disk is full, the file is read-only, another window holds
the database — so the officer knows what to do, and nothing half-written is left behind (the
transaction was rolled back).
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from . import sqlite as sqlite3  # SQLite's and SQLCipher's error classes alike


class StorageError(RuntimeError):
    """A storage failure with an officer-facing Chinese message."""


class DatabaseMissingError(StorageError):
    """The database file does not exist and creating one was not asked for."""


class NotOurDatabaseError(StorageError):
    """Another application's SQLite file, or not a database at all: never written into."""


class NewerSchemaError(StorageError):
    """Written by a newer version of the app: never written by this one."""


class DatabaseBusyError(StorageError):
    """Another connection held the write lock for longer than the busy timeout."""


class ReadOnlyDatabaseError(StorageError):
    """The file, its folder or its medium cannot be written."""


class DiskFullError(StorageError):
    """No space left for the database (or its write-ahead log)."""


class DatabasePermissionError(StorageError):
    """The operating system refused access to the file or its folder."""


class DatabaseIOError(StorageError):
    """The disk reported a read or write error."""


class DamagedDatabaseError(StorageError):
    """The file is a damaged database."""


BUSY_TIMEOUT_MS = 5000  # how long a writer waits politely for another one (PRAGMA busy_timeout)

_NOTHING_SAVED = "刚才的操作未能保存，已保存的数据不受影响。"


def _where(path: Path | str | None) -> str:
    return f"“{path}”" if path else ""


NEARLY_FULL_BYTES = 1024 * 1024


def _nearly_full(path: Path | str | None) -> bool:
    if not path:
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _code(e) -> int | None:
    code = getattr(e, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # primary code of an extended one


def _recovery(path) -> str:
    """The real way out of a damaged file: the latest backup with its date, or that none exists
    (never "restore from backup" when there is none)."""
    if path is None:
        return "如在U盘等处保存过备份，可运行“inspector restore 备份文件”恢复。"
    from .backup import recovery_hint  # late: backup imports this module

    return recovery_hint(path)


def translate(error: BaseException, path: Path | str | None = None) -> BaseException:
    """The officer-facing form of ``error`` met while using the database at ``path``.

    Returns a :class:`StorageError` subclass (chained to ``error`` by the caller's ``raise … from``)
    for the conditions an officer can meet and act on; any other error is returned unchanged
    (an integrity error carries a domain rule, a programming error must keep its traceback).
    """
    if isinstance(error, StorageError):
        return error
    where = _where(path)
    if isinstance(error, sqlite3.Error):
        code = _code(error)
        text = str(error).lower()
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
            return DatabaseBusyError(
                f"数据库{where}正被另一个操作或另一个程序窗口占用，等待{BUSY_TIMEOUT_MS // 1000}秒后仍未释放。"
                f"{_NOTHING_SAVED}请稍后重试；如同时开着两个本软件窗口（或命令行正在导入），请等其完成或关闭其中一个。")
        if code == sqlite3.SQLITE_READONLY or "readonly database" in text:
            return ReadOnlyDatabaseError(
                f"数据库文件{where}是只读的（文件设为只读、位于只读的U盘或光盘，或当前用户没有写入权限），无法保存。"
                f"{_NOTHING_SAVED}请把数据文件放到本机硬盘上可写的文件夹，或取消只读属性后重试。")
        if code == sqlite3.SQLITE_FULL or "disk is full" in text or (
                code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and _nearly_full(path)):
            # A write that fails for want of space can also come back as an I/O error (the WAL
            # index, a journal file): the free space on the disk says which it was.
            return DiskFullError(
                f"磁盘空间已满，数据库{where}无法写入。{_NOTHING_SAVED}请清理磁盘空间（删除不需要的文件、清空回收站）后重试。")
        if code == sqlite3.SQLITE_CANTOPEN or "unable to open database" in text:
            return DatabasePermissionError(
                f"无法打开数据库文件{where}：文件夹不存在、没有访问权限，或文件正被其他程序独占。"
                "请确认数据文件夹存在且当前用户可以读写。")
        if code in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
            return DatabasePermissionError(f"没有权限读写数据库{where}。{_NOTHING_SAVED}请检查文件权限后重试。")
        if code == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
            return DatabaseIOError(
                f"读写数据库{where}时磁盘出错（磁盘可能已满、损坏，或U盘已被拔出）。{_NOTHING_SAVED}"
                "请检查磁盘后重试。")
        if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
            return NotOurDatabaseError(
                f"无法打开数据库{where}：该文件不是数据库文件，或已严重损坏。请确认选择的是本软件的数据文件"
                f"（inspector.sqlite）。{_recovery(path)}")
        if code == sqlite3.SQLITE_CORRUPT or "malformed" in text:
            return DamagedDatabaseError(
                f"无法打开数据库{where}：文件已损坏（{error}）。请不要再写入该文件。{_recovery(path)}")
        return error
    if isinstance(error, OSError):
        name = getattr(error, "filename", None) or path
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFullError(f"磁盘空间已满，无法写入{_where(name)}。{_NOTHING_SAVED}请清理磁盘空间后重试。")
        if error.errno == errno.EROFS:
            return ReadOnlyDatabaseError(
                f"{_where(name)}位于只读的磁盘上，无法写入。请把数据文件放到本机硬盘上可写的文件夹。")
        if isinstance(error, PermissionError):
            return DatabasePermissionError(f"没有权限读写{_where(name)}，请检查文件夹权限，或另选数据文件位置。")
    return error
