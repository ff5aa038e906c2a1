"""Every window and dialog fits a 1366×768 laptop: opened in a process of its own on an offscreen
screen of 1366×728 (768 less a 40-px taskbar), each frame — with room for a title bar — lies on
the screen, the PDF preview's print and save buttons included, and a main-window geometry saved
on a bigger monitor is brought back inside."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.ui.widgets.screen import FRAME_ALLOWANCE

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"synchronousWindowSystemEvents": True, "windowFrameMargins": True,
          "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.fixture(scope="module")
def geometry(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screen")
    config = folder / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", INSPECTOR_DATA_DIR=str(folder),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "screen_fit_probe.py"), str(folder)],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _inside(rect, screen) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh


def test_the_probe_ran_on_a_laptop_screen(geometry):
    assert geometry["screen"] == [0, 0, 1366, 728]
    assert len(geometry["windows"]) >= 12


def test_every_window_fits(geometry):
    screen = geometry["screen"]
    bad = {}
    for name, info in geometry["windows"].items():
        x, y, w, h = info["frame"]
        # The offscreen frame is thin: allow a real title bar above it too.
        with_title = [x, y, w, h + FRAME_ALLOWANCE.height() - (h - info["size"][1])]
        if not (_inside(info["frame"], screen) and with_title[3] <= screen[3]):
            bad[name] = info
    assert bad == {}


def test_pdf_preview_buttons_are_on_the_screen(geometry):
    info = geometry["windows"]["PdfPreviewDialog"]
    assert info["buttons"], "the probe found the preview's buttons"
    for rect in info["buttons"]:
        assert _inside(rect, geometry["screen"]), rect


def test_a_main_window_saved_on_a_bigger_screen_comes_back_inside(geometry):
    x, y, w, h = geometry["windows"]["MainWindow"]["frame"]
    assert w <= 1366 and h <= 728 and x >= 0 and y >= 0
