"""GUI entry point: ``inspector-app [--db FILE] [--demo] [--smoke] [--lang en]``."""

from __future__ import annotations

import argparse
import os
import sys
import time

_T0 = time.perf_counter()


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="inspector-app", description="Township work-safety inspector (GUI).")
    p.add_argument("--db", help="database file (default: the user's data directory; env INSPECTOR_DB)")
    p.add_argument("--demo", action="store_true",
                   help="if the database is empty, fill it with a generated demo township first")
    p.add_argument("--enterprises", type=int, default=800, help="size of the demo township (with --demo)")
    p.add_argument("--smoke", action="store_true",
                   help="start, open every module, a dossier, a document preview and each dialog; write "
                        "the report to smoke-report.txt in the data folder; exit 1 on any error")
    p.add_argument("--lang", help="interface language: zh_CN (default) or en")
    return p.parse_args(argv)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Windows: peak working set)."""
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
    except ImportError:  # Windows
        import ctypes
        from ctypes import wintypes

        class PMC(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                        ("a", ctypes.c_size_t), ("b", ctypes.c_size_t), ("c", ctypes.c_size_t),
                        ("d", ctypes.c_size_t), ("e", ctypes.c_size_t), ("f", ctypes.c_size_t)]

        pmc = PMC()
        pmc.cb = ctypes.sizeof(PMC)
        ctypes.windll.psapi.GetProcessMemoryInfo(ctypes.windll.kernel32.GetCurrentProcess(),
                                                 ctypes.byref(pmc), pmc.cb)
        return pmc.PeakWorkingSetSize / (1024 * 1024)


def when_painted(window, callback, *, fallback_ms: int = 5000) -> None:
    """Call ``callback()`` once ``window`` has been painted for the first time: what the officer
    waits for. A timer started right after ``show()`` fires before the window system's expose
    event and the paint on some platforms (offscreen, X11), so it would leave the paint, and
    whatever runs before it, out of the start-up figure. ``--smoke`` and
    ``benchmarks/bare_window.py`` both report through this, so both stop at the same point.
    Never painted (a platform that does not expose the window): called after ``fallback_ms``."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = []

    def fire() -> None:
        if not done:
            done.append(True)
            window.removeEventFilter(watcher)
            callback()

    class _Watcher(QObject):
        def eventFilter(self, obj, event):  # Qt override
            if obj is window and event.type() == QEvent.Type.Paint and not done:
                # Posted: runs once this paint pass (the window and its children) is over.
                QTimer.singleShot(0, self, fire)
            return False

    watcher = _Watcher(window)  # a child: its timers go with the window
    window.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, watcher, fire)


def _ask_create(db_path) -> bool:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None, QCoreApplication.translate("App", "New database?"),
        QCoreApplication.translate("App", "There is no database at\n%1\n\nCreate a new, empty database "
                                   "there? (Choose No if the name or folder is mistyped.)")
        .replace("%1", str(db_path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _unlock_early(db_path, smoke: bool):
    """When the password is known before any window — ``INSPECTOR_PASSWORD``, or a demo
    database under ``--smoke`` — derive the data key on a thread while Qt loads (Argon2id lets
    go of the GIL): ``open_db`` then finds it remembered (``crypt.remember``). Returns the thread
    (joined before the database is opened), or None. A wrong password is left for ``open_db``
    to report as usual."""
    import threading

    from ..storage import crypt

    envelope = crypt.read_envelope(crypt.keys_path(db_path))
    if envelope is None:
        return None
    password = crypt.env_password() or (crypt.DEMO_PASSWORD if smoke and envelope.demo else None)
    if password is None:
        return None

    def derive() -> None:
        try:
            crypt.remember(db_path, envelope.unlock(password))
        except Exception:  # noqa: BLE001 — open_db derives again and says what is wrong
            pass

    t = threading.Thread(target=derive, name="unlock", daemon=True)
    t.start()
    return t


def main(argv=None) -> int:
    args = parse_args(argv)
    # What the first screen needs below the UI is imported before PySide6: once loaded, PySide6
    # reads the source of every module imported after it (its feature hook), ~0.15 ms each.
    from .. import APP_NAME, ORG_NAME, paths
    early = None if args.demo else _unlock_early(paths.database_path(args.db), args.smoke)
    from ..storage import findings, township  # noqa: F401 — findings: Today's lists
    from ..storage.db import StorageError
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import i18n

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    from .widgets import screen

    screen.install(app)  # every window fits a 1366×768 laptop
    from . import crash, state

    crash.install()
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "app.png")))
    state.set_read_only(args.smoke)

    db_path = paths.database_path(args.db)
    try:
        if args.demo:
            from ..demo import create_demo_database

            if not db_path.exists() or db_path.stat().st_size == 0:
                from ..storage import crypt

                # INSPECTOR_PASSWORD, else the documented demo password its unlock screen shows
                create_demo_database(db_path, enterprises=args.enterprises,
                                     password=crypt.env_password() or crypt.DEMO_PASSWORD)
        # The default location is created on the first run (the setup wizard follows); a file
        # named with --db / INSPECTOR_DB that does not exist is created only if the officer says so.
        create = args.db is None and "INSPECTOR_DB" not in os.environ
        if not create and not db_path.exists() and not args.smoke:
            create = _ask_create(db_path)
            if not create:
                return 1
        from .access.start import open_store

        if early is not None:
            early.join()
        store = open_store(db_path, create=create, smoke=args.smoke)  # the password, or cancelled
        if store is None:
            return 1
    except (StorageError, ValueError) as e:
        if args.smoke:  # no one to click a message box away
            print(f"smoke: {e}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"), str(e))
        return 2

    if not township.is_configured(store):
        if args.smoke:
            print(f"smoke: database {db_path} is not set up yet (run with --demo or the setup wizard)")
        else:
            from .setup_wizard import SetupWizard

            if not SetupWizard(store).exec():
                return 1

    from .main_window import MainWindow

    # Application-wide event filters (the screen fit, the idle lock) run Python for every event
    # of every object: ~25 ms while the main window is built. The main window fits itself
    # (MainWindow._restore_geometry); the filters come once it has been painted.
    screen.uninstall(app)
    window = MainWindow(store)
    window.show()

    def after_first_paint(window=window) -> None:
        screen.install(app)  # every window opened from now on
        if store.encrypted and not args.smoke:
            from ..core import settings as S
            from ..storage import settings
            from .access.idle_lock import IdleLock

            window.idle_lock = IdleLock(db_path, settings.get(store, S.IDLE_LOCK_MINUTES), window)
        if not args.smoke:  # automatic daily backup, its reminder, the quick check of legal records
            from .backup import startup

            startup(window)

    when_painted(window, after_first_paint)  # first: the smoke's walk below needs the filter
    if args.smoke:
        def report(window=window):  # bound now: main() deletes its name on the way out
            elapsed = (time.perf_counter() - _T0) * 1000
            heavy = [m for m in ("sqlite_utils", "openpyxl", "reportlab", "pypinyin") if m in sys.modules]
            # Counted here, not through window.registry: that would build the registry before
            # the smoke times its opening.
            n = store.conn.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
            startup = (f"smoke: main window shown in {elapsed:.0f} ms, peak memory {peak_rss_mb():.0f} MB "
                       f"({n} enterprises, db {db_path}; "
                       f"heavy modules loaded: {', '.join(heavy) or 'none'})")
            from .smoke import run_smoke

            app.exit(run_smoke(window, paths.data_dir() / "smoke-report.txt", header=(startup,)))

        when_painted(window, report)
    code = app.exec()
    store.close()
    # Tear the widgets down while the QApplication still exists: Qt wrappers that survive into
    # interpreter shutdown can be collected after Qt is gone, which aborts the process. Delete
    # the window on the C++ side first: dropping only the wrapper still crashed at exit (SIGSEGV
    # in PySide's destroyQCoreApplication) after a few modules and the new-enterprise dialog.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del window
    import gc

    gc.collect()
    return code


if __name__ == "__main__":
    sys.exit(main())
