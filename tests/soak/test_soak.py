"""Soak: a long working day in one process must not crash the runtime.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a void Qt method;
the app then aborts with "deallocating None" after ~500 keystrokes in the registry search. No
short test sees it. This one drives the real main window (benchmarks/soak.py --quick: 1,500
keystrokes, scrolling every module's lists, a dozen dossiers with every tab, 300 inspection answers
by key, document previews) in a child process, so an abort fails this test instead of killing the
test run, and checks that ``None`` did not lose references (or is immortal, Python 3.12+).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.soak
def test_a_working_day_in_one_process(demo_800_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--quick",
                           "--db", str(demo_800_path)],
                          capture_output=True, text=True, env=env, timeout=240, cwd=ROOT)
    report = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                       if not line.startswith("This plugin does not support"))
    assert proc.returncode >= 0, f"the process was killed by signal {-proc.returncode}:\n{report}"
    assert "deallocating None" not in report, report
    assert proc.returncode == 0, report
    # Every phase ran to its end.
    for phase in ("registry search", "scroll lists", "dossiers with every tab",
                  "inspection answers by key", "document previews", "survived"):
        assert f"soak: {phase}" in report, report
    assert re.search(r"soak: registry search\s+1500 actions", report), report


@pytest.fixture(scope="module")
def demo_800_path(tmp_path_factory):
    """The default 800-enterprise demo township with its history (the soak's working data)."""
    from inspector_app.demo import create_demo_database

    return create_demo_database(tmp_path_factory.mktemp("soak") / "demo800.sqlite", enterprises=800)
