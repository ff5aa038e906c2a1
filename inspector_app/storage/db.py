"""Opening the working database: pragmas, migrations, the clock and the device identity.

A ``Store`` bundles the connection (and its sqlite-utils ``Database``) with this laptop's hybrid
logical clock and device code, because every synced write needs all three. A ``Store`` (like its
connection) is bound to the thread that opened it: background tasks open their own with
:func:`open_db`.

sqlite-utils costs ~100 ms to import, so it stays off the start-up path: ``Store.db`` is created
on first use, the screens shown at start read through ``Store.conn``, and an up-to-date schema
is recognised without loading the migrations machinery.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from .. import paths
from . import sqlite as sqlite3  # SQLCipher, and the error classes of both drivers (first: before sqlite-utils)
from . import crypt
from ..core import clock
from ..core import settings as S
from ..core.ids import HybridClock, uuid7
from .errors import (BUSY_TIMEOUT_MS, DatabaseMissingError, NewerSchemaError, NotOurDatabaseError,
                     ReadOnlyDatabaseError, StorageError, translate)
from .schema import APPLICATION_ID, LATEST_MIGRATION, MIGRATION_NAMES, MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database

SYNC_COLUMNS = ("id", "hlc", "origin", "deleted", "created_at", "updated_at")


__all__ = ["StorageError", "Store", "attach_plain", "open_db", "open_memory", "holds_data", "require", "not_found"]


@dataclass
class Store:
    conn: sqlite3.Connection
    clock: HybridClock
    device: str
    path: Path | None = None
    _db: "Database | None" = None
    key: bytes | None = None            # the data key of an encrypted database (None: plain)
    recovery_key: str | None = None     # set only when this open created the envelope: show it once
    encryption_postponed: str | None = None  # given a password, a plain file could not be encrypted now: why

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def db(self) -> "Database":
        """The sqlite-utils view of the connection, created on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    @contextmanager
    def write(self):
        """A write transaction, clock persisted inside it.

        ``BEGIN IMMEDIATE`` (not sqlite-utils' deferred ``BEGIN``) takes the write lock up front,
        so a UI write and a background import never deadlock half-way. Nested calls become
        savepoints through ``db.atomic``.
        """
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            # Waits up to the busy timeout for another writer, then fails as DatabaseBusyError.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise translate(e, self.path) from e
        try:
            yield self
            conn.execute("UPDATE clock SET hlc = max(hlc, ?) WHERE id = 1", [self.clock.last])
            conn.execute("COMMIT")
        except BaseException as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.OperationalError):
                # Disk full, read-only, locked: named as such (a rule's IntegrityError stays as is).
                raise translate(e, self.path) from e
            raise

    def stamp(self, row: dict, *, new: bool) -> dict:
        """Fill the sync columns of a row about to be written by this laptop."""
        hlc = self.clock.now()
        now = now_iso()
        if new:
            row.setdefault("id", uuid7())
            row["created_at"] = now
            row.setdefault("deleted", 0)
        row["hlc"] = hlc
        row["origin"] = self.device
        row["updated_at"] = now
        return row

    def setting(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        if row is None:
            return default
        import json

        return json.loads(row[0])

    def set_setting(self, key: str, value) -> None:
        import json

        with self.write():
            self.db.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def close(self) -> None:
        self.conn.close()
        self._closed = True

    @property
    def closed(self) -> bool:
        """Closed by :meth:`close`: a page filled later (a timer) must not query it."""
        return getattr(self, "_closed", False)


def now_iso() -> str:
    """The moment stamped on rows: local time with its zone, so laptops in sync compare it."""
    return clock.now().astimezone().isoformat(timespec="seconds")


NOT_FOUND_HINT = "请刷新后重新选择。"


def not_found(what: str, hint: str = NOT_FOUND_HINT) -> ValueError:
    """The one message for a record that was looked up by id and is not there (any more)."""
    return ValueError(f"{what}不存在或已删除，{hint}")


def require(store: Store, table: str, row_id: str | None, what: str, *, columns: str | tuple[str, ...] = "id",
            live: bool = True, hint: str = NOT_FOUND_HINT) -> tuple:
    """The ``columns`` of the ``table`` row with id ``row_id`` as a tuple, or :func:`not_found`.

    ``live`` (the default) treats a deleted (tombstoned) row as missing; ``live=False`` finds it
    too, for callers that tell the officer it was deleted or only follow a link.
    ``what`` names the record for the officer, e.g. "所选企业" or "该检查记录".
    """
    cols = (columns,) if isinstance(columns, str) else tuple(columns)
    row = None
    if row_id:
        sql = (f"SELECT {', '.join(_quote(c) for c in cols)} FROM {_quote(table)} WHERE id = ?"
               + (" AND deleted = 0" if live else ""))
        row = store.conn.execute(sql, [row_id]).fetchone()
    if row is None:
        raise not_found(what, hint)
    return tuple(row)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _configure(conn: sqlite3.Connection, *, memory: bool) -> None:
    if not memory:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StorageError("数据库无法切换到 WAL 模式，请确认数据文件位于本机硬盘而非网络或U盘。")
    # FULL: an issued legal document must survive a power cut (WAL + NORMAL may lose commits).
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")


def _schema_current(conn: sqlite3.Connection) -> bool:
    try:
        marks = ", ".join("?" * len(MIGRATION_NAMES))
        (done,) = conn.execute(
            f"SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ? AND name IN ({marks})",
            [MIGRATION_SET, *MIGRATION_NAMES],
        ).fetchone()
    except sqlite3.OperationalError:  # no migrations table yet: a new file
        return False
    return done == len(MIGRATION_NAMES)


_VERSION = re.compile(r"^m(\d+)_")


def schema_version(name: str) -> int:
    """The number of a migration ("m007_audit" → 7); migrations are numbered in order."""
    m = _VERSION.match(name)
    return int(m.group(1)) if m else 10 ** 6  # an unnumbered name: not one this code wrote


KNOWN_VERSION = schema_version(LATEST_MIGRATION)

_OURS = "所选文件不是本软件的数据库，为避免损坏其他程序的数据，不会写入该文件。请重新选择数据文件（inspector.sqlite）。"
_NEWER = ("数据库“{path}”由更新版本的本软件建立或升级过（数据版本{found}，本程序只认识到版本{known}），"
          "本程序不会写入该文件，以免损坏数据。请把本软件更新到最新版本后再打开。")


def _check_identity(conn: sqlite3.Connection, path: Path | None) -> None:
    """Refuse, reading only, a file this code must not write: another application's SQLite
    database, or ours written by a newer version of the app (its schema is beyond this code's)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id not in (0, APPLICATION_ID):
        raise NotOurDatabaseError(_OURS)
    if app_id == 0 and tables and not {"enterprise", "_sqlite_migrations"} <= tables:
        raise NotOurDatabaseError(_OURS)  # created by someone else, or not finished by us
    if "_sqlite_migrations" not in tables:
        return
    names = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]
    found = max((schema_version(n) for n in names), default=0)
    unknown = False
    if found <= KNOWN_VERSION and names and LATEST_MIGRATION not in names:
        # Older than this code, or a different branch of the same version: compare by name.
        from .migrations import migrations

        known = {m.name for m in migrations._migrations}
        unknown = not set(names) <= known
    if found > KNOWN_VERSION or unknown:
        raise NewerSchemaError(_NEWER.format(path=path or "", found=found, known=KNOWN_VERSION))


def _prepare(conn: sqlite3.Connection, *, memory: bool, device: str | None, path: Path | None = None) -> Store:
    # Pragmas that write nothing come first; the identity check reads only, so a file that is not
    # ours (or is newer) is refused before WAL mode or a migration could change a byte of it.
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema=OFF")
    _check_identity(conn, path)
    _configure(conn, memory=memory)
    store = Store(conn=conn, clock=HybridClock(0), device=device or "", path=path)
    if not _schema_current(conn):
        from .migrations import migrations

        migrations.apply(store.db)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    store.clock = HybridClock(conn.execute("SELECT hlc FROM clock WHERE id = 1").fetchone()[0])
    if device is None:
        # Before setup there is no code yet; "DEV" marks rows written by an unconfigured laptop.
        raw = store.setting(S.DEVICE_CODE.key)
        store.device = "DEV" if raw is None else S.DEVICE_CODE.from_stored(raw)
    return store


def _missing(path: Path) -> DatabaseMissingError:
    return DatabaseMissingError(
        f"找不到文件“{path}”：该位置还没有数据库。请检查文件名和文件夹是否正确；如需新建，"
        "请启动程序按设置向导新建，或运行“inspector demo”生成演示数据库。")


def _create_private(path: Path) -> None:
    """A new, empty database file readable only by the user (SQLite gives its -wal and -shm
    the same permissions); missing folders are created private too."""
    paths.private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # created meanwhile by another process: opened as it is
    os.close(fd)
    paths.private_dir(paths.photos_dir(path))


def open_db(path: str | Path, *, device: str | None = None, create: bool = False,
            password: str | None = None, key: bytes | None = None, demo: bool = False) -> Store:
    """Open (migrating if needed) the database file at ``path``.

    A missing file is created only with ``create=True`` (the setup wizard's first run, the demo);
    otherwise it is a :class:`DatabaseMissingError`, so a mistyped path never becomes a new,
    empty database. Another application's file and one written by a newer version are refused
    without a byte written; a read-only file is refused as such. The file (and its photos folder)
    is made readable only by the user.

    Encryption (docs/encryption.md): a database with a key envelope (``<db>.keys``) opens with
    ``password``, with its data ``key``, or with the key this process already unlocked for it;
    else :class:`~.crypt.PasswordRequiredError`, and a wrong one :class:`~.crypt.WrongPasswordError`.
    A database without an envelope opens plain without a password; with one, a new file is
    created encrypted and an existing plain one is encrypted first (``storage.encryption``):
    ``Store.recovery_key`` then holds the new recovery key, to be shown once.
    """
    path = Path(path)
    try:
        if not path.exists():
            if not create:
                raise _missing(path)
            _create_private(path)
        elif path.is_dir():
            raise StorageError(f"“{path}”是文件夹，不是数据库文件，请给出数据文件的文件名。")
        if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise ReadOnlyDatabaseError(
                f"数据库文件“{path}”是只读的（文件或文件夹设为只读、位于只读的U盘或光盘，或当前用户没有写入权限），"
                "本程序需要写入才能工作。请把数据文件复制到本机硬盘上可写的文件夹，或取消只读属性后重试。")
        paths.make_private(path)
        key, recovery = _unlock(path, password=password, key=key, demo=demo)
    except OSError as e:
        raise translate(e, path) from e
    conn = None
    try:
        # mode=rw: never creates the file (a missing one was refused or created above).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None,
                               check_same_thread=True, key=key)
        store = _prepare(conn, memory=False, device=device, path=path)
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        err = translate(e, path)
        if err is e:
            from .backup import recovery_hint  # the real way out: the latest backup, or that none exists

            raise StorageError(f"无法打开数据库“{path}”：{e}。文件可能已损坏。{recovery_hint(path)}") from e
        raise err from e
    except StorageError:
        conn.close()
        raise
    store.key = key
    store.recovery_key = recovery
    store.encryption_postponed = _postponed.pop(str(path), None) if key is None else None
    if key is not None:
        crypt.remember(path, key)
    return store


def _unlock(path: Path, *, password: str | None, key: bytes | None, demo: bool) -> tuple[bytes | None, str | None]:
    """(data key or None for a plain database, recovery key if one was just created)."""
    from . import encryption

    env = crypt.read_envelope(crypt.keys_path(path))
    if env is None:
        if password is None:
            if key is None and encryption.file_state(path) == "encrypted":
                raise crypt.missing_envelope(path)
            return None, None
        try:
            return encryption.encrypt_database(path, password, demo=demo)
        except encryption.EncryptionPostponed as e:
            _postponed[str(path)] = str(e)
            return None, None
    if key is None:
        key = crypt.key_for(path)
    if key is None:
        if password is None:
            raise crypt.PasswordRequiredError(
                f"数据库“{path}”已加密，需要密码才能打开。命令行可在提示时输入密码，或设置环境变量 INSPECTOR_PASSWORD。")
        key = env.unlock(password)
    if encryption.file_state(path) == "plain":  # encryption was interrupted: finish it with the same key
        encryption.finish_interrupted(path, key)
    encryption.encrypt_photos(path, key)
    return key, None


# Why a plain database given a password was not encrypted (by path): see Store.encryption_postponed.
_postponed: dict[str, str] = {}


def attach_plain(conn, path: str | os.PathLike, alias: str, *, read_only: bool = True) -> None:
    """ATTACH a plain (unencrypted) SQLite file, e.g. a sync bundle's data.sqlite, to a store's
    connection. On an encrypted connection a bare ATTACH would use the main database's key and
    fail on a plain file; ``KEY ''`` says it is plain. ``alias`` must be an identifier; the file
    is attached read-only unless ``read_only=False``. DETACH it with ``DETACH DATABASE alias``."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", alias):
        raise ValueError(f"invalid alias {alias!r}")
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if read_only else "")
    conn.execute(f"ATTACH DATABASE ? AS {alias} KEY ''", [uri])


def open_memory(*, device: str = "TEST") -> Store:
    """An in-memory store (tests, benchmarks)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    return _prepare(conn, memory=True, device=device)


def holds_data(path: str | Path) -> bool:
    """True unless the file at ``path`` is absent, empty, or one of our databases holding no
    records yet: what must not be replaced without asking. Read only: the file is never
    created, migrated or locked for writing."""
    path = Path(path)
    if not path.exists():
        return False
    if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        return False
    from .encryption import file_state

    if file_state(path) == "encrypted":
        return True  # an encrypted file can only be judged with its key: never replaced unasked
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return False
        if not {"enterprise", "village", "officer", "setting"} <= tables:
            return True  # some other database: never ours to replace
        for table in ("enterprise", "village", "officer"):
            if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                return True
        return conn.execute("SELECT 1 FROM setting WHERE key = 'setup_done'").fetchone() is not None
    except sqlite3.Error:
        return True  # not a database at all
    finally:
        conn.close()
