"""The command line and the encrypted database: the password from INSPECTOR_PASSWORD or a prompt,
a wrong or missing one is exit 2 in Chinese, the demo password, password change and recovery."""

from __future__ import annotations

import getpass
import io
import sys

import pytest

from inspector_app import cli
from inspector_app.storage import crypt, open_db


def run(path, *argv):
    return cli.main([*argv, "--db", str(path)])


@pytest.fixture
def plain_db(demo_db):
    path = demo_db.path
    demo_db.close()
    yield path
    crypt.forget(path)


def _tty(monkeypatch, typed: list[str]):
    """A terminal on which the officer types ``typed``, one per getpass prompt."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    answers = iter(typed)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))


def test_the_env_password_encrypts_a_plain_database_and_then_opens_it(plain_db, capsys):
    assert plain_db.read_bytes()[:15] == b"SQLite format 3"
    assert run(plain_db, "verify") == 0
    assert plain_db.read_bytes()[:15] != b"SQLite format 3"
    sheet = crypt.recovery_sheet_path(plain_db)  # no terminal: the key waits as a sheet file
    assert sheet.exists() and crypt.read_envelope(crypt.keys_path(plain_db)).unlock_recovery(
        sheet.read_text(encoding="utf-8").split("恢复密钥：")[1].split()[0])
    crypt.forget(plain_db)
    capsys.readouterr()
    assert run(plain_db, "password") == 0
    assert "已加密" in capsys.readouterr().out
    assert run(plain_db, "info") == 0  # opens with the same password
    assert "密码" not in capsys.readouterr().err


def test_a_wrong_or_missing_password_is_exit_2_in_chinese(plain_db, capsys, monkeypatch):
    assert run(plain_db, "verify") == 0
    crypt.forget(plain_db)
    capsys.readouterr()
    monkeypatch.setenv("INSPECTOR_PASSWORD", "not the password")
    assert run(plain_db, "verify") == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：密码不正确") and "Traceback" not in err
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a script: no terminal to ask on
    assert run(plain_db, "verify") == 2
    assert "INSPECTOR_PASSWORD" in capsys.readouterr().err


def test_the_password_is_asked_for_at_a_terminal(plain_db, capsys, monkeypatch):
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    _tty(monkeypatch, ["typed secret", "typed secret"])  # a new password: twice
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert run(plain_db, "verify") == 0
    err = capsys.readouterr().err
    assert "恢复密钥" in err  # at a terminal the recovery key is shown, once
    crypt.forget(plain_db)
    _tty(monkeypatch, ["typed secret"])
    assert run(plain_db, "verify") == 0
    crypt.forget(plain_db)
    _tty(monkeypatch, ["typo"])
    assert run(plain_db, "verify") == 2
    assert "密码不正确" in capsys.readouterr().err


def test_password_change_and_recover(plain_db, capsys, monkeypatch):
    assert run(plain_db, "verify") == 0
    rk = crypt.recovery_sheet_path(plain_db).read_text(encoding="utf-8").split("恢复密钥：")[1].split()[0]
    crypt.forget(plain_db)
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "second password")
    assert run(plain_db, "password", "change") == 0
    crypt.forget(plain_db)
    with pytest.raises(crypt.WrongPasswordError):
        open_db(plain_db, password="test-password")
    monkeypatch.setenv("INSPECTOR_PASSWORD", "second password")
    assert run(plain_db, "verify") == 0
    crypt.forget(plain_db)
    # forgotten: the recovery key sets a third password
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "third password")
    assert run(plain_db, "password", "recover", "--recovery-key", "WRONG-KEY") == 2
    assert "恢复密钥" in capsys.readouterr().err
    assert run(plain_db, "password", "recover", "--recovery-key", rk) == 0
    crypt.forget(plain_db)
    open_db(plain_db, password="third password").close()


def test_inspector_demo_without_a_password_uses_the_documented_demo_password(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    db = tmp_path / "demo.sqlite"
    assert run(db, "demo", "--enterprises", "20") == 0
    assert "demo" in capsys.readouterr().out
    env = crypt.read_envelope(crypt.keys_path(db))
    assert env.demo
    crypt.forget(db)
    assert run(db, "verify") == 0  # no password given: the demo's own
    crypt.forget(db)
    monkeypatch.setenv("INSPECTOR_PASSWORD", "chosen one")
    db2 = tmp_path / "demo2.sqlite"
    assert run(db2, "demo", "--enterprises", "20") == 0
    assert not crypt.read_envelope(crypt.keys_path(db2)).demo
    crypt.forget(db2)
    env2 = crypt.read_envelope(crypt.keys_path(db2))
    with pytest.raises(crypt.WrongPasswordError):
        env2.unlock(crypt.DEMO_PASSWORD)
    crypt.forget(db2)
