"""Session-wide test setup: Qt offscreen, a private data directory, the clock, and shared fixtures.

The calendar: ``pytest --today=2028-02-29`` pins ``inspector_app.core.clock`` for the whole session
and sets ``INSPECTOR_TODAY`` so subprocesses see the same day (docs/testing.md). Tests that depend
on "today" take the ``today`` fixture (``clock.today()``) instead of ``date.today()``, and carry
``@pytest.mark.calendar`` so tests/test_calendar_pins.py can rerun them under the awkward dates.
"""

import os
import sys
import tempfile
import warnings
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real data directory or settings.
_tmp = Path(tempfile.mkdtemp(prefix="inspector-tests-"))
os.environ["INSPECTOR_DATA_DIR"] = str(_tmp / "data")
os.environ.setdefault("XDG_CONFIG_HOME", str(_tmp / "config"))
os.environ.pop("INSPECTOR_DB", None)
# Databases made through the CLI and GUI are encrypted (docs/encryption.md): one password for the
# tests, and a cheap key derivation so hundreds of new databases do not cost 0.5 s each.
os.environ["INSPECTOR_PASSWORD"] = "test-password"
os.environ["INSPECTOR_KDF"] = "fast"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

import inspector_app.storage.sqlite  # noqa: E402,F401 — SQLCipher under sqlite-utils before any test imports it
from inspector_app.core import clock  # noqa: E402


def pytest_addoption(parser):
    parser.addoption(
        "--today", metavar="YYYY-MM-DD", default=None,
        help="pin the application clock (clock.today()) to this date for the whole session; "
             "also exported as INSPECTOR_TODAY for subprocesses",
    )
    parser.addoption(
        "--calendar-audit", action="store_true", default=False,
        help="fail the session when a test asks clock.today() (directly or through the code under "
             "test) without carrying @pytest.mark.calendar (scripts/pinned_dates.sh uses it)",
    )


def pytest_configure(config):
    day = config.getoption("--today")
    if day:
        from datetime import date

        try:
            date.fromisoformat(day)
        except ValueError:
            raise pytest.UsageError(f"--today must be a date such as 2027-01-01, not {day!r}") from None
        os.environ[clock.ENV] = day
        clock.pin(day)
    if config.getoption("--calendar-audit"):
        _start_calendar_audit()


# --- the calendar audit: which tests ask for today without the calendar marker --------------------
_audit = {"item": None, "unmarked": {}}


def _start_calendar_audit():
    real = clock.today

    def audited_today():
        item = _audit["item"]
        if item is not None and item.get_closest_marker("calendar") is None:
            _audit["unmarked"].setdefault(item.nodeid, None)
        return real()

    # Everything reads the clock as ``clock.today()`` (module attribute), and clock's own helpers
    # (days_from_today, week_bounds) call the module-level name too, so this sees every caller.
    clock.today = audited_today


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _audit["item"] = item
    try:
        return (yield)
    finally:
        _audit["item"] = None


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # A module- or session-wide fixture (the demo township) is built once, during whichever test
    # comes first; what it asks of the clock is not that test's doing.
    if fixturedef.scope == "function":
        return (yield)
    item, _audit["item"] = _audit["item"], None
    try:
        return (yield)
    finally:
        _audit["item"] = item


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if config.getoption("--calendar-audit") and _audit["unmarked"]:
        terminalreporter.section("calendar audit")
        terminalreporter.write_line("These tests ask clock.today() but do not carry @pytest.mark.calendar:")
        for nodeid in sorted(_audit["unmarked"]):
            terminalreporter.write_line(f"  {nodeid}")


def pytest_sessionfinish(session, exitstatus):
    if session.config.getoption("--calendar-audit") and _audit["unmarked"] and exitstatus == 0:
        session.exitstatus = 1


def pytest_report_header(config):
    if clock.is_pinned():
        return f"clock pinned: today is {clock.today().isoformat()} ({clock.ENV})"
    return None


@pytest.fixture
def today():
    """The application's today: the pinned date under --today / INSPECTOR_TODAY, else the real one."""
    return clock.today()


@pytest.fixture
def pinned_today(request):
    """Pin the clock for one test: ``@pytest.mark.parametrize("pinned_today", [date(...)], indirect=True)``;
    without a parameter it pins to the session's today (so the test cannot cross midnight)."""
    day = getattr(request, "param", None) or clock.today()
    with clock.pinned(day):
        yield clock.today()


@pytest.fixture
def store():
    """A fresh in-memory store (storage tests)."""
    from inspector_app.storage import open_memory

    s = open_memory(device="T1")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A 60-enterprise demo township (no history), built once per test session."""
    from inspector_app.demo import create_demo_database

    return create_demo_database(tmp_path_factory.mktemp("demo") / "demo60.sqlite", enterprises=60, history=False)


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A private file copy of the demo township (a file, so photos can live next to it)."""
    import shutil

    from inspector_app.storage import open_db

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    s = open_db(path)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _fresh_change_bus():
    """Each test gets its own change bus: a screen left over from an earlier test (whose database
    is closed by now) must not hear this test's changes."""
    yield
    ops = sys.modules.get("inspector_app.ui.operations")
    if ops is not None and ops._bus is not None:
        old, ops._bus = ops._bus, None
        try:
            with warnings.catch_warnings():  # PySide warns as well as raising when nothing is connected
                warnings.simplefilter("ignore", RuntimeWarning)
                old.changed.disconnect()
        except (RuntimeError, TypeError):  # nothing connected
            pass
        old.deleteLater()
