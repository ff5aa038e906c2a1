"""The GUI never creates a database at a path the officer named unless asked, and says why it
cannot open one."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector_app.ui import app as app_mod
from inspector_app.ui import setup_wizard


@pytest.fixture
def answers(qapp, monkeypatch):
    """Record the question asked and the errors shown; answer the question with ``answers.reply``."""
    class Answers:
        reply = QMessageBox.StandardButton.No
        asked: list = []
        errors: list = []

    a = Answers()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **k: a.asked.append(args) or a.reply)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **k: a.errors.append(args[2]))
    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", lambda self: 0)  # the wizard is cancelled
    return a


def test_a_named_missing_database_is_created_only_when_the_officer_agrees(tmp_path, answers):
    db = tmp_path / "typo.sqlite"
    assert app_mod.main(["--db", str(db), "--lang", "en"]) == 1
    assert len(answers.asked) == 1 and str(db) in answers.asked[0][2]
    assert not db.exists()
    answers.reply = QMessageBox.StandardButton.Yes
    assert app_mod.main(["--db", str(db), "--lang", "en"]) == 1  # created; then the wizard is cancelled
    assert db.exists()


def test_another_apps_file_is_refused_with_the_reason(tmp_path, answers):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert app_mod.main(["--db", str(other), "--lang", "en"]) == 2
    assert answers.errors and "不是本软件的数据库" in answers.errors[0]
