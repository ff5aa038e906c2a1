"""The date-sensitive tests pass on the awkward days: the first day of a quarter (2026-10-01),
the last day of a year (2026-12-31), the first day of a year (2027-01-01) and a leap day
(2028-02-29). Each run is a subprocess with ``--today`` (which also sets INSPECTOR_TODAY), so the
clock is pinned before any test module is imported.

Only tests marked ``@pytest.mark.calendar`` run here (those that ask the clock for today, ~120;
conftest's ``--calendar-audit`` finds unmarked ones);
scripts/pinned_dates.sh runs the whole suite under the same dates.
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from inspector_app.core import clock

ROOT = Path(__file__).resolve().parent.parent
AWKWARD_DAYS = ["2026-10-01", "2026-12-31", "2027-01-01", "2028-02-29"]


def test_the_awkward_days_are_what_they_claim():
    first_of_quarter, last_of_year, first_of_year, leap = map(date.fromisoformat, AWKWARD_DAYS)
    assert first_of_quarter.day == 1 and first_of_quarter.month in (1, 4, 7, 10)
    assert (last_of_year.month, last_of_year.day) == (12, 31)
    assert (first_of_year.month, first_of_year.day) == (1, 1)
    assert (leap.month, leap.day) == (2, 29)


def test_the_today_option_pins_the_clock_in_subprocesses(tmp_path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "import os\nfrom inspector_app.core import clock\n"
        "def test_probe(today):\n"
        "    assert today == clock.today() and today.isoformat() == '2028-02-29'\n"
        "    assert os.environ['INSPECTOR_TODAY'] == '2028-02-29'\n", encoding="utf-8")
    # the probe lives outside tests/, so load the suite's conftest as a plugin by name
    r = _pytest("-p", "conftest", "--today=2028-02-29", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                str(probe), cwd=tmp_path, pythonpath=ROOT / "tests")
    assert r.returncode == 0, r.stdout[-3000:]


def test_the_calendar_audit_names_an_unmarked_test_that_asks_for_today(tmp_path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "import pytest\nfrom inspector_app.core import clock\n"
        "def test_unmarked():\n    assert clock.days_from_today(1) > clock.today()\n"
        "@pytest.mark.calendar\ndef test_marked(today):\n    assert today == clock.today()\n"
        "def test_dateless():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    r = _pytest("-p", "conftest", "--calendar-audit", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                str(probe), cwd=tmp_path, pythonpath=ROOT / "tests")
    assert r.returncode == 1 and "3 passed" in r.stdout, r.stdout[-3000:]
    audit = r.stdout.split("calendar audit", 1)[1]
    assert "test_probe.py::test_unmarked" in audit
    assert "test_marked" not in audit and "test_dateless" not in audit


@pytest.mark.calendar
def test_pinned_today_fixture(pinned_today):
    assert clock.is_pinned() and clock.today() == pinned_today


@pytest.mark.calendar
@pytest.mark.parametrize("pinned_today", [date(2028, 2, 29)], indirect=True)
def test_pinned_today_fixture_with_a_date(pinned_today):
    assert clock.today() == date(2028, 2, 29) == pinned_today


def _pytest(*args, timeout=240, cwd=ROOT, pythonpath=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop(clock.ENV, None)
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), str(ROOT)])
    return subprocess.run([sys.executable, "-m", "pytest", "-q", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def pinned_runs():
    """Start the four pinned runs at once (CI pays for the slowest, not the sum)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop(clock.ENV, None)
    procs = {
        day: subprocess.Popen(
            # The county's tests run on both engines; the date logic is the engine's same SQL, so
            # the pinned days take the SQLite half (four PostgreSQL servers at once would double the time).
            [sys.executable, "-m", "pytest", "-q", f"--today={day}", "-m", "calendar", "-k", "not postgresql",
             "-p", "no:cacheprovider", "--ignore", str(Path(__file__)), "tests"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for day in AWKWARD_DAYS
    }
    yield procs
    for p in procs.values():
        if p.poll() is None:
            p.kill()


@pytest.mark.parametrize("day", AWKWARD_DAYS)
def test_calendar_tests_pass_on(pinned_runs, day):
    out, _ = pinned_runs[day].communicate(timeout=900)  # four runs share the cores
    lines = out.strip().splitlines()
    tail = lines[-1] if lines else ""
    assert pinned_runs[day].returncode == 0, f"--today={day}: {tail}\n{out[-4000:]}"
    assert " passed" in tail and "deselected" in tail, tail  # some calendar tests ran, not all
