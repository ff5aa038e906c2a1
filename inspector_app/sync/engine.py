"""The thin adapter that lets merge SQL be written once for SQLite and PostgreSQL.

Every statement uses ``:name`` placeholders and SQL both engines accept (``INSERT … ON CONFLICT
(id) DO UPDATE … WHERE (excluded.hlc, excluded.origin) > (t.hlc, t.origin)``, ``RETURNING``,
row values). The PostgreSQL adapter rewrites ``:name`` to psycopg's ``%(name)s`` (and doubles
literal ``%``); nothing else differs except the column types a new table is declared with
(:meth:`Engine.column_type`) and the bulk loader (:meth:`Engine.insert_rows`: ``executemany``
on SQLite, ``COPY`` on PostgreSQL).

Text on PostgreSQL is declared ``COLLATE "C"``: the last-writer-wins tie-break compares origin
codes as text, and laptops (SQLite, byte order) and the county must pick the same winner whatever
locale the county's server was initialised with.

No Qt, no sqlite-utils: the county store and the laptop's merge both run through this.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence, runtime_checkable

Params = Mapping[str, Any] | None

__all__ = ["Engine", "EngineError", "SqliteEngine", "PostgresEngine", "open_engine",
           "is_postgres_url", "to_pyformat"]


class EngineError(ValueError):
    """A store that cannot be opened or reached; the message is for the county's IT person."""


@runtime_checkable
class Engine(Protocol):
    dialect: str  # "sqlite" | "postgresql"

    def execute(self, sql: str, params: Params = None) -> int:
        """Run one statement; returns the number of rows it changed (-1 if unknown)."""

    def query(self, sql: str, params: Params = None) -> list[dict]:
        """Run a statement that returns rows (SELECT, … RETURNING); rows as dicts."""

    def executemany(self, sql: str, seq: Iterable[Mapping[str, Any]]) -> None:
        """Run one statement once per parameter dict."""

    def transaction(self):
        """A context manager: all or nothing; nested calls become savepoints."""

    def table_columns(self, table: str) -> list[str]:
        """The table's column names in declaration order ([] if there is no such table)."""

    def tables(self) -> set[str]:
        """Names of the tables in the store."""

    def quote(self, identifier: str) -> str:
        """``identifier`` as a quoted SQL identifier."""

    def column_type(self, kind: str) -> str:
        """The declared type for a portable kind: "text", "integer", "real", "blob"."""

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Plain INSERT of many rows (no conflict handling): a staging table's loader."""

    def lock(self, key: str) -> None:
        """Serialise concurrent writers on ``key`` until the transaction ends."""

    def close(self) -> None:
        ...


def quote_identifier(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


# :name outside quotes/comments, not part of a PostgreSQL "::type" cast.
_TOKEN = re.compile(
    r"""('(?:[^']|'')*')            # string literal
      | ("(?:[^"]|"")*")            # quoted identifier
      | (--[^\n]*)                  # line comment
      | (::)                        # cast
      | (?<![:\w]):([A-Za-z_]\w*)   # placeholder
      | (%)                         # a literal percent sign
    """,
    re.VERBOSE,
)


def to_pyformat(sql: str) -> str:
    """``:name`` → ``%(name)s`` and ``%`` → ``%%`` (psycopg's placeholder style)."""

    def repl(m: re.Match) -> str:
        if m.group(5):
            return f"%({m.group(5)})s"
        if m.group(4):
            return "::"
        # psycopg reads every % in the text, literals and comments included.
        return m.group(0).replace("%", "%%")

    return _TOKEN.sub(repl, sql)


class SqliteEngine:
    """An engine over an open ``sqlite3`` connection (the laptop's store or a county file).

    The connection must be in autocommit mode (``isolation_level=None``), as the app's are: the
    engine runs ``BEGIN IMMEDIATE`` itself, or a savepoint when a transaction is already open
    (e.g. inside ``Store.write()``).
    """

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection, *, owns: bool = False):
        self.conn = conn
        self._owns = owns
        self._depth = 0

    def execute(self, sql: str, params: Params = None) -> int:
        cur = self.conn.execute(sql, dict(params) if params else {})
        return cur.rowcount

    def query(self, sql: str, params: Params = None) -> list[dict]:
        cur = self.conn.execute(sql, dict(params) if params else {})
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def executemany(self, sql: str, seq: Iterable[Mapping[str, Any]]) -> None:
        self.conn.executemany(sql, (dict(p) for p in seq))

    @contextmanager
    def transaction(self) -> Iterator["SqliteEngine"]:
        conn = self.conn
        if conn.in_transaction:
            self._depth += 1
            name = f"engine_sp{self._depth}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            else:
                conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def table_columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({quote_identifier(table)})")]

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}

    def quote(self, identifier: str) -> str:
        return quote_identifier(identifier)

    def column_type(self, kind: str) -> str:
        return {"text": "TEXT", "integer": "BIGINT", "real": "DOUBLE PRECISION", "blob": "BLOB"}[kind]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(quote_identifier(c) for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f"INSERT INTO {quote_identifier(table)} ({cols}) VALUES ({marks})", rows)

    def lock(self, key: str) -> None:
        # BEGIN IMMEDIATE already holds SQLite's single write lock.
        return None

    def close(self) -> None:
        if self._owns:
            self.conn.close()


class PostgresEngine:
    """An engine over a psycopg 3 connection to ``dsn`` (``postgresql://user@host:port/db``)."""

    dialect = "postgresql"

    def __init__(self, dsn: str, *, connect_timeout: int = 10):
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - psycopg is a dependency
            raise EngineError("未安装 PostgreSQL 驱动（psycopg），请按说明重新安装本软件后再试。") from e
        self._psycopg = psycopg
        self.dsn = dsn
        try:
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as e:
            raise EngineError(
                f"无法连接 PostgreSQL 数据库“{_redact(dsn)}”：{_first_line(e)}。"
                "请检查地址、端口、数据库名、用户名和密码，并确认数据库服务已启动。") from e
        # Checklist snapshots and document texts are large: lz4 compresses them ~4× faster than
        # the default pglz (a township quarter: 0.42 → 0.11 s per 23 MB). A server built without
        # lz4 keeps its default.
        try:
            self.conn.execute("SET default_toast_compression = 'lz4'")
        except psycopg.Error:
            pass

    def _run(self, cur, sql: str, params: Params):
        if params is None and ":" not in sql:
            return cur.execute(sql)
        return cur.execute(to_pyformat(sql), dict(params or {}))

    def execute(self, sql: str, params: Params = None) -> int:
        with self.conn.cursor() as cur:
            self._run(cur, sql, params)
            return cur.rowcount

    def query(self, sql: str, params: Params = None) -> list[dict]:
        with self.conn.cursor() as cur:
            self._run(cur, sql, params)
            if cur.description is None:
                return []
            names = [d.name for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def executemany(self, sql: str, seq: Iterable[Mapping[str, Any]]) -> None:
        params = [dict(p) for p in seq]
        if not params:
            return
        with self.conn.cursor() as cur:
            cur.executemany(to_pyformat(sql), params)

    @contextmanager
    def transaction(self) -> Iterator["PostgresEngine"]:
        # psycopg nests transaction() blocks as savepoints and rolls back on any exception.
        with self.conn.transaction():
            yield self

    def table_columns(self, table: str) -> list[str]:
        rows = self.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position",
            {"t": table})
        return [r["column_name"] for r in rows]

    def tables(self) -> set[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
        return {r["table_name"] for r in rows}

    def quote(self, identifier: str) -> str:
        return quote_identifier(identifier)

    def column_type(self, kind: str) -> str:
        return {"text": 'TEXT COLLATE "C"', "integer": "BIGINT", "real": "DOUBLE PRECISION",
                "blob": "BYTEA"}[kind]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(quote_identifier(c) for c in columns)
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY {quote_identifier(table)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def lock(self, key: str) -> None:
        self.execute("SELECT pg_advisory_xact_lock(hashtext(:k))", {"k": key})

    def close(self) -> None:
        self.conn.close()


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def _redact(dsn: str) -> str:
    """The DSN without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_engine(url_or_path: str | Path, *, create: bool = False) -> Engine:
    """A ``postgresql://`` URL → :class:`PostgresEngine`; anything else is a SQLite file path.

    A missing SQLite file is created only with ``create=True`` (``county init``), so a mistyped
    path never becomes a new, empty store.
    """
    if is_postgres_url(url_or_path):
        return PostgresEngine(str(url_or_path))
    path = Path(url_or_path)
    if path.is_dir():
        raise EngineError(f"“{path}”是文件夹，请给出数据文件的文件名（例如 county.sqlite）。")
    if not path.exists():
        if not create:
            raise EngineError(f"找不到文件“{path}”：请检查路径，或先用“inspector county init --db {path}”建立。")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA busy_timeout=10000")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        # FULL: a merged bundle must survive a power cut once "merged" was printed.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA trusted_schema=OFF")
    except sqlite3.Error as e:
        raise EngineError(f"无法打开数据文件“{path}”：{e}。文件可能已损坏或不是数据库。") from e
    if mode.lower() != "wal":
        conn.close()
        raise EngineError(f"数据文件“{path}”无法切换到 WAL 模式，请把它放在本机硬盘上（不要放在网络盘或U盘）。")
    return SqliteEngine(conn, owns=True)
