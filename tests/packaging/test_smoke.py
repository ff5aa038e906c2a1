"""The smoke walk, the crash reporter and the per-user state, without freezing anything (fast)."""

import logging
import shutil
import sys

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from inspector_app.ui import crash, state
from inspector_app.ui.smoke import run_smoke


@pytest.fixture
def window(qtbot, demo_history_db, tmp_path):
    from inspector_app.storage import open_db
    from inspector_app.ui.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_history_db, path)
    store = open_db(path)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    yield w
    state.set_read_only(False)
    store.close()


def titles(window):
    nav = window.findChild(QWidget, "moduleList")
    return [nav.item(row).text() for row in range(nav.count())]


def test_smoke_walks_every_module_a_dossier_a_preview_and_the_menus(window, tmp_path, monkeypatch):
    report = tmp_path / "smoke-report.txt"
    assert run_smoke(window, report, header=("smoke: main window shown in 1 ms",)) == 0
    text = report.read_text(encoding="utf-8")
    modules = titles(window)
    assert len(modules) >= 5
    for n, title in enumerate(modules, 1):
        assert f"module {n}/{len(modules)}: {title}" in text
    assert f"modules: {len(modules)} of {len(modules)} opened" in text
    assert "enterprise dossier — EnterpriseDialog" in text and "tab(s) opened and closed" in text
    assert "document preview — " in text and "(embedded)" in text
    assert "Import enterprises from Excel" in text and "file dialog answered Cancel" in text
    assert "About — QMessageBox" in text
    assert "shown in 1 ms" in text
    assert text.rstrip().splitlines()[-1].startswith("smoke: OK")
    assert window.isVisible()  # the Quit action did not close it


def test_smoke_fails_and_reports_the_traceback_of_a_module_that_cannot_load(window, tmp_path):
    def missing():
        import inspector_app.ui.no_such_module  # noqa: F401 — what a bundle without it does

    window.add_module("Broken module", missing)
    report = tmp_path / "smoke-report.txt"
    hook = sys.excepthook
    assert run_smoke(window, report) == 1
    assert sys.excepthook is hook  # the smoke's own hook is gone again
    text = report.read_text(encoding="utf-8")
    assert "ERROR" in text and "Broken module" in text
    assert "ModuleNotFoundError: No module named 'inspector_app.ui.no_such_module'" in text
    assert "Traceback" in text


def test_smoke_catches_errors_raised_inside_qt_slots(window, tmp_path):
    class Exploding(QLabel):
        def showEvent(self, event):  # Qt calls it: the exception never reaches the caller
            raise RuntimeError("boom in a Qt override")

    window.add_module("Exploding", Exploding("x"))
    assert run_smoke(window, tmp_path / "r.txt") == 1
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "RuntimeError" in text and "boom in a Qt override" in text and "in showEvent" in text


def test_smoke_writes_no_per_user_state(window, tmp_path, monkeypatch):
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    run_smoke(window, tmp_path / "r.txt")
    window.close()  # saves the geometry — into the throw-away file
    assert state.read_only()
    assert not (tmp_path / "data" / state.FILE_NAME).exists()
    state.set_read_only(False)
    from inspector_app.ui.main_window import MainWindow

    other = MainWindow(window.store)
    other.show()
    other.close()
    other.deleteLater()
    assert (tmp_path / "data" / state.FILE_NAME).exists()  # the same close, normally, writes it


def test_state_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    state.set_read_only(False)
    s = state.settings()
    s.setValue("persist/x", 1)
    s.sync()
    assert (tmp_path / "settings.ini").exists()
    state.set_read_only(True)
    try:
        assert state.settings_path().parent != tmp_path
        assert state.settings().value("persist/x") is None
    finally:
        state.set_read_only(False)


def test_crash_hook_logs_the_traceback_and_shows_a_dialog(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText(),
                                                                        box.detailedText())))
    saved = sys.excepthook
    monkeypatch.setattr(crash, "_handler", None)
    try:
        path = crash.install()
        try:
            raise ValueError("broken on purpose")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved
        logging.getLogger().removeHandler(crash._handler)
        crash._handler.close()
    assert path == tmp_path / "logs" / "inspector-app.log"
    log = path.read_text(encoding="utf-8")
    assert "unhandled exception" in log and "ValueError: broken on purpose" in log
    (text, informative, details), = shown
    assert "ValueError: broken on purpose" in informative and str(path) in informative
    assert "Traceback" in details
