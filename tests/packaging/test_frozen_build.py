"""The frozen app: ``pyinstaller build.spec``, then its ``--smoke``, as officers will get it.

One build serves both runs (a demo database; ``--demo`` on an empty data folder). A second build
that lacks one module the main window loads by name proves the smoke notices such a bundle.
About 1.5 minutes in all; part of the normal test run (CI runs it), marked ``frozen``.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

pytestmark = pytest.mark.frozen
ROOT = Path(__file__).resolve().parents[2]
EXE = "inspector-app.exe" if sys.platform == "win32" else "inspector-app"
BUILD_TIMEOUT = 600
SMOKE_TIMEOUT = 180


def build(tmp: Path, *, drop: str = "") -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed (pip install -e ".[build]"; scripts/bootstrap.sh does)')
    env = dict(os.environ, INSPECTOR_BUILD_DROP=drop)
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "work")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    exe = tmp / "dist" / "inspector-app" / EXE
    assert exe.exists()
    return exe


def smoke(exe: Path, data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the frozen smoke; (exit code, report file text, console output)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("INSPECTOR_DB", "PYTHONPATH")}
    env.update(INSPECTOR_DATA_DIR=str(data_dir), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run([str(exe), *args, "--smoke"], env=env, capture_output=True, text=True,
                          timeout=SMOKE_TIMEOUT, cwd=data_dir)
    report = data_dir / "smoke-report.txt"
    return done.returncode, report.read_text(encoding="utf-8") if report.exists() else "", done.stdout + done.stderr


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="module")
def main_window_facts(demo_history_db, qapp):
    """What a real main window (in this process, English) lists, and which module holds the
    widget of its last module — the one a broken bundle will lack."""
    from inspector_app.storage import open_db
    from inspector_app.ui.main_window import MainWindow

    store = open_db(demo_history_db)
    window = MainWindow(store)
    try:
        nav = window.findChild(QWidget, "moduleList")
        titles = [nav.item(row).text() for row in range(nav.count())]
        last_module = type(window.module_widget(nav.count() - 1)).__module__
    finally:
        window.deleteLater()
        qapp.processEvents()
        store.close()
    return titles, last_module


def test_frozen_smoke_on_a_demo_database(frozen_app, demo_history_db, main_window_facts, tmp_path):
    titles, _ = main_window_facts
    data = tmp_path / "data"
    data.mkdir()
    db = shutil.copy(demo_history_db, data / "inspector.sqlite")
    code, report, output = smoke(frozen_app, data, "--db", str(db), "--lang", "en")
    assert code == 0, report or output
    assert "(frozen)" in report
    for n, title in enumerate(titles, 1):
        assert f"module {n}/{len(titles)}: {title}" in report
    assert f"modules: {len(titles)} of {len(titles)} opened" in report
    assert "enterprise dossier — EnterpriseDialog" in report
    assert "document preview — " in report and "(embedded)" in report
    assert report.rstrip().splitlines()[-1].startswith("smoke: OK")
    assert "smoke: OK" in output  # stdout too, where there is one
    assert not (data / "settings.ini").exists()  # --smoke keeps the officer's state as it was


def test_frozen_smoke_with_demo_on_an_empty_data_folder(frozen_app, main_window_facts, tmp_path):
    titles, _ = main_window_facts
    data = tmp_path / "empty"
    code, report, output = smoke(frozen_app, data, "--demo")
    assert code == 0, report or output
    assert (data / "inspector.sqlite").exists()
    assert f"modules: {len(titles)} of {len(titles)} opened" in report  # titles in Chinese here
    assert "今日工作" in report and "文书登记簿" in report
    assert "document preview — " in report and "(embedded)" in report
    assert (data / "logs" / "inspector-app.log").exists()
    assert not (data / "settings.ini").exists()


def test_a_bundle_missing_a_module_fails_its_smoke(main_window_facts, tmp_path):
    titles, last_module = main_window_facts
    assert last_module.startswith("inspector_app.")
    exe = build(tmp_path / "broken", drop=last_module)
    code, report, output = smoke(exe, tmp_path / "data", "--demo", "--enterprises", "40", "--lang", "en")
    assert code != 0, report
    assert "ERROR" in report and titles[-1] in report
    assert f"No module named '{last_module}'" in report
    assert "smoke: FAILED" in report
