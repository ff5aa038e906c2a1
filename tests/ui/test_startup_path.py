"""What start-up imports and builds before the first painted main window (issue 12: start-up
within 2x a bare window plus the key derivation). Structural, not wall-clock: a fresh process
builds the main window on a plain database and records ``sys.modules`` when the window is first
painted and once Today's deferred sections are in."""

import json
import os
import subprocess
import sys

import pytest

# Screens and storage the first screen (Today's urgent lists) does not need: each is imported
# when its page is opened, or with Today's deferred sections one event-loop turn after the paint.
NOT_AT_FIRST_PAINT = (
    "inspector_app.ui.registry",            # the registry page is built when first opened
    "inspector_app.storage.ledgers",        # Today's ledger reminders: deferred
    "inspector_app.storage.escalation",     # Today's suspended enterprises: deferred
    "inspector_app.ui.findings.suspension",
    "inspector_app.storage.documents",      # unserved documents: deferred
    "inspector_app.storage.inspections",    # unfinished inspections: deferred
    "inspector_app.reports", "openpyxl", "reportlab", "sqlite_utils", "pypinyin",
    "cryptography",                         # a plain database needs no cipher
)
DEFERRED = ("inspector_app.storage.ledgers", "inspector_app.storage.escalation",
            "inspector_app.storage.documents", "inspector_app.storage.inspections")

SCRIPT = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([])
from inspector_app.storage import open_db
from inspector_app.ui.main_window import MainWindow
watch = json.loads(sys.argv[2])
seen = lambda: [m for m in watch if m in sys.modules]
out = {"imported": seen()}
w = MainWindow(open_db(sys.argv[1]))
today = w.module_widget(MainWindow.START_ROW)
class Paint(QObject):
    def eventFilter(self, obj, event):
        if obj is w and event.type() == QEvent.Type.Paint and "painted" not in out:
            out["painted"] = seen()
            out["loaded_at_paint"] = today.loaded
        return False
f = Paint()
w.installEventFilter(f)
w.show()
out["shown"] = seen()
deadline = time.monotonic() + 20
while not today.loaded and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.002)
out["loaded"] = today.loaded
out["after"] = seen()
out["registry_built_at_start"] = "inspector_app.ui.registry" in sys.modules
w.registry  # opened on demand
out["registry"] = type(w.registry).__name__
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def start(tmp_path_factory):
    from inspector_app.demo import create_demo_database

    path = tmp_path_factory.mktemp("startup") / "d.sqlite"
    create_demo_database(path, enterprises=30)  # plain: no password given
    watch = sorted(set(NOT_AT_FIRST_PAINT) | set(DEFERRED))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(path), json.dumps(watch)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_first_paint_needs_none_of_the_other_screens_or_heavy_modules(start):
    assert start["imported"] == []
    assert start["shown"] == []
    assert start["painted"] == []


def test_todays_deferred_sections_fill_after_the_first_paint(start):
    assert start["loaded_at_paint"] is False  # painted first ...
    assert start["loaded"] is True            # ... then filled, one turn later
    assert set(DEFERRED) <= set(start["after"])


def test_the_registry_is_built_when_first_opened(start):
    assert start["registry_built_at_start"] is False
    assert start["registry"] == "RegistryWidget"
