"""What every command shares: the global options, opening the store, argument types, and the one
place that turns a user's mistake into a Chinese message on stderr and exit status 2."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import Callable

from ..core.dates import parse_date

# Exit status for a user's mistake (bad argument, missing file, unreadable database), as argparse
# uses for a bad command line.
USAGE_ERROR = 2
INTERRUPTED = 130  # Ctrl-C, as shells report a SIGINT


def add_global_options(parser: argparse.ArgumentParser, *, default=None) -> None:
    """The options every command accepts, before or after its name.

    The top-level parser gets real defaults; each subcommand gets them again with
    ``default=argparse.SUPPRESS`` so that a value typed before the command name is not
    overwritten by the subcommand's default (``inspector --db F demo`` and ``inspector demo --db F``
    both work). Add a new global option here and only here.
    """
    parser.add_argument("--db", default=default,
                        help="database file (default: the user's data directory; env INSPECTOR_DB)")


def ask_password(prompt: str, *, twice: bool = False) -> str:
    """A password typed at the terminal (not echoed); without a terminal, a Chinese error."""
    import getpass

    if not sys.stdin.isatty():
        from ..storage.crypt import PASSWORD_ENV

        raise ValueError(f"数据库已加密，需要密码：请在终端中运行以便输入密码，或设置环境变量 {PASSWORD_ENV}。")
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("请再输入一次：") != first:
        raise ValueError("两次输入的密码不一致，未做任何改动。")
    return first


def password_for(db_path, *, new: bool | None = None) -> str:
    """The password for the database at ``db_path``: ``INSPECTOR_PASSWORD``, else a demo
    database's documented password, else typed at a prompt (twice for a new one)."""
    from ..storage import crypt

    env = crypt.env_password()
    if env:
        return env
    envelope = crypt.read_envelope(crypt.keys_path(db_path))
    if envelope is not None and envelope.demo:
        return crypt.DEMO_PASSWORD
    if new is None:
        new = envelope is None
    if new:
        print("本程序的数据库需加密保存。请为它设置密码（至少6个字符），以后打开时输入。", file=sys.stderr)
        return ask_password("新密码：", twice=True)
    return ask_password(f"数据库“{db_path}”的密码：")


def show_recovery_key(recovery_key: str | None, db_path) -> None:
    """Hand over a recovery key that was just created (the county keeps it). At a terminal it
    is printed once; a script (no terminal) gets it as a sheet file in the data folder, 0600,
    named in ``inspector password status``, to be printed, handed over and deleted."""
    if not recovery_key:
        return
    if sys.stderr.isatty():
        print("数据库已加密。恢复密钥（忘记密码时凭它找回数据；请抄写或打印后交县局保管，此处只显示这一次）：\n"
              f"    {recovery_key}", file=sys.stderr)
        return
    from ..storage import crypt

    crypt.write_recovery_sheet(db_path, recovery_key)


def store(args: argparse.Namespace):
    """Open (migrating if needed) the database chosen by ``--db`` / ``INSPECTOR_DB``. A missing
    file is an error, not a new empty database: only ``inspector demo`` (and the GUI's setup
    wizard) create one. The database is encrypted (docs/encryption.md): the password comes from
    :func:`password_for`; a plain database of an earlier version is encrypted first."""
    from .. import paths
    from ..storage import open_db

    path = paths.database_path(args.db)
    password = password_for(path) if path.is_file() else None  # a missing file: open_db says so
    s = open_db(path, password=password)
    show_recovery_key(s.recovery_key, path)
    if s.encryption_postponed and sys.stderr.isatty():
        print(f"注意：数据库暂未加密（{s.encryption_postponed}），下次打开时再加密。", file=sys.stderr)
    _opened.append(s)
    return s


# Stores opened for the running command, closed when it returns: a command run in-process (the
# tests, a script) must not leave a connection that keeps the next one (e.g. restore) from
# having the database to itself.
_opened: list = []


# ---------------------------------------------------------------------------------------------
# argument types (argparse prints their messages after "inspector CMD: error: …", exit 2)

def number(what: str) -> Callable[[str], int]:
    """An integer argument; ``what`` names it in the Chinese error (e.g. "年份")."""
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what}应为数字，实为“{text}”") from None
    return parse


def iso_date(what: str) -> Callable[[str], date]:
    """A date argument written as 2026-03-31; ``what`` names it in the Chinese error (the one
    message of core.dates)."""
    def parse(text: str) -> date:
        try:
            return parse_date(text, what)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return parse


# ---------------------------------------------------------------------------------------------
# errors

def describe_error(error: BaseException) -> str:
    """One line for the officer. The storage and core layers already raise Chinese messages;
    SQLite's errors are named by storage's one translation (disk full, read-only, locked…);
    operating-system errors arrive in English and are put into Chinese here."""
    from ..storage import sqlite as sqlite3
    from ..storage.errors import translate

    if isinstance(error, sqlite3.Error):
        error = translate(error)
    name = getattr(error, "filename", None)
    if isinstance(error, sqlite3.Error):
        text = f"数据库操作失败：{error}。"
    elif isinstance(error, FileNotFoundError) and name:
        text = f"找不到文件或文件夹“{name}”。"
    elif isinstance(error, PermissionError) and name:
        text = f"没有权限读写“{name}”，请检查文件是否被其他程序（如Excel、WPS）打开，或另选位置。"
    elif isinstance(error, IsADirectoryError) and name:
        text = f"“{name}”是文件夹，请给出文件名。"
    elif isinstance(error, OSError):
        text = f"无法读写“{name}”：{error.strerror or error}。" if name else f"文件操作失败：{error.strerror or error}。"
    else:
        text = str(error) or type(error).__name__
    return "错误：" + " ".join(text.split())


def run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command's handler. A user's mistake never shows a traceback: ValueError (bad input,
    with the core's Chinese message), StorageError and other RuntimeErrors, and file errors print
    one line to stderr and return exit status 2, and so do SQLite's errors (a locked, full or
    read-only database, named as such). Anything else is a bug and keeps its traceback."""
    from ..storage import sqlite as sqlite3

    try:
        return func(args)
    except BrokenPipeError:
        # The reader went away (``inspector findings | head``): stop quietly, as other tools do.
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        print("已中断：未完成的操作没有写入数据库。", file=sys.stderr)
        return INTERRUPTED
    except (ValueError, RuntimeError, OSError, *sqlite3.Error) as e:
        print(describe_error(e), file=sys.stderr)
        return USAGE_ERROR
    finally:
        while _opened:
            try:
                _opened.pop().close()
            except Exception:  # noqa: BLE001 — closing must never hide the command's own outcome
                pass


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at devnull so that flush cannot fail.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it)
