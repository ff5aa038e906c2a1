"""Soak: drive the real main window through a working day in one process.

    .venv/bin/python benchmarks/soak.py                     # a full day: 20,000 keystrokes and more
    .venv/bin/python benchmarks/soak.py --quick             # what tests/ui/test_soak.py runs in CI

It types into the registry search the way an officer does (``jyhg``, cleared, again), scrolls the
big lists, opens enterprise dossiers and walks their tabs, answers an inspection item by item with
the keyboard and previews issued documents. After each phase it prints the reference count of
``None``. Exit status: 0 when the process survived and ``None`` did not lose references (or is
immortal, as on Python 3.12+), 1 when it drifted downwards. A runtime with the PySide6 6.12.0 /
Python 3.11 refcount bug does not get that far: the interpreter aborts with "deallocating None"
(negative exit status), which the test reports.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IMMORTAL = 2 ** 30  # sys.getrefcount of an immortal object (PEP 683) is far above any real count
DRIFT_ALLOWED = 200  # references to None that come and go with caches; the bug loses ~9 a keystroke


def rss_mb() -> float:
    """Resident memory now, in MB (Linux; elsewhere the peak), to see growth over the day."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except OSError:
        from inspector_app.ui.app import peak_rss_mb

        return peak_rss_mb()


def none_refs() -> int:
    gc.collect()
    return sys.getrefcount(None)


class Soak:
    def __init__(self, db: Path, *, keystrokes: int, scrolls: int, dossiers: int, answers: int,
                 previews: int):
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from inspector_app import APP_NAME, ORG_NAME
        from inspector_app.storage import open_db
        from inspector_app.ui import i18n

        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        self.app = QApplication.instance() or QApplication([])
        i18n.install(self.app, None)
        self.store = open_db(db)
        self.plan = dict(keystrokes=keystrokes, scrolls=scrolls, dossiers=dossiers, answers=answers,
                         previews=previews)
        self.start_refs = none_refs()
        self.lowest = self.start_refs
        self.events = 0

    # -- helpers ---------------------------------------------------------------------------
    def pump(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        self.app.processEvents()
        self.app.processEvents()  # a zero-interval timer started by the first pass fires in the second
        # The app's running event loop deletes what deleteLater() (and WA_DeleteOnClose) handed
        # it; processEvents() outside exec() never does, so without this every closed dialog
        # stayed alive and the soak measured its own leak (~7 MB a preview, docs/benchmarks.md).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.events += 1

    def checkpoint(self, phase: str, t0: float, count: int) -> None:
        refs = none_refs()
        self.lowest = min(self.lowest, refs)
        shown = "immortal" if refs >= IMMORTAL else str(refs)
        print(f"soak: {phase:<28} {count:>6} actions in {time.perf_counter() - t0:6.1f} s; "
              f"refcount(None) {shown}; memory {rss_mb():.0f} MB", flush=True)

    def key(self, widget, key, text: str = "", modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.pump()

    # -- the day -----------------------------------------------------------------------------
    def run(self) -> int:
        from inspector_app.ui.main_window import MainWindow

        self.window = MainWindow(self.store)
        self.window.resize(1366, 768)
        self.window.show()
        self.pump()
        print(f"soak: Python {sys.version.split()[0]}, PySide6 {_pyside_version()}, "
              f"refcount(None) at start {'immortal' if self.start_refs >= IMMORTAL else self.start_refs}",
              flush=True)
        self.type_searches(self.plan["keystrokes"])
        self.scroll_lists(self.plan["scrolls"])
        self.open_dossiers(self.plan["dossiers"])
        self.answer_inspection(self.plan["answers"])
        self.preview_documents(self.plan["previews"])
        self.window.close()
        self.pump()
        end = none_refs()
        self.store.close()
        if self.start_refs >= IMMORTAL:
            print(f"soak: survived {self.events} event-loop turns; None is immortal on this runtime")
            return 0
        drift = self.start_refs - min(self.lowest, end)
        print(f"soak: survived {self.events} event-loop turns; None lost {max(drift, 0)} references "
              f"(allowed {DRIFT_ALLOWED})")
        return 1 if drift > DRIFT_ALLOWED else 0

    def type_searches(self, keystrokes: int) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import QLineEdit

        t0 = time.perf_counter()
        registry = self.window.registry
        search = registry.findChild(QLineEdit, "registrySearch")
        # The search waits 60 ms after the last key; a soak cannot wait that long per key, so the
        # debounce fires at once and every keystroke runs the query and repaints the list.
        for timer in registry.findChildren(QTimer):
            if timer.isSingleShot():
                timer.setInterval(0)
        search.setFocus()
        word = "jyhg"
        done = 0
        while done < keystrokes:
            for ch in word:
                self.key(search, getattr(Qt.Key, f"Key_{ch.upper()}"))
                done += 1
            self.key(search, Qt.Key.Key_Escape)  # the search box's own "clear"
            done += 1
            if done % 2000 < len(word) + 1:
                self.checkpoint("registry search", t0, done)
        self.checkpoint("registry search", t0, done)

    def scroll_lists(self, scrolls: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractItemView, QListWidget

        t0 = time.perf_counter()
        nav = self.window.findChild(QListWidget, "moduleList")
        done = 0
        for row in range(nav.count()):
            nav.setCurrentRow(row)  # builds the module on first open
            self.pump()
            page = self.window.stack.currentWidget()
            views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible() and v.model()
                     and v.model().rowCount() > 0]
            for view in views:
                view.setFocus()
                view.setCurrentIndex(view.model().index(0, 0))
                for i in range(max(1, scrolls // max(1, nav.count() * len(views)))):
                    self.key(view, Qt.Key.Key_PageDown if i % 10 < 7 else Qt.Key.Key_PageUp)
                    done += 1
                self.key(view, Qt.Key.Key_End)
                self.key(view, Qt.Key.Key_Home)
                done += 2
        nav.setCurrentRow(0)
        self.pump()
        self.checkpoint("scroll lists", t0, done)

    def open_dossiers(self, dossiers: int) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

        t0 = time.perf_counter()
        ids = [r[0] for r in self.store.conn.execute(
            "SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name LIMIT ?", (dossiers,))]
        from PySide6.QtCore import QTimer

        for eid in ids:
            def walk_tabs():
                dlg = QApplication.activeModalWidget()
                if not isinstance(dlg, QDialog):
                    return
                for tabs in dlg.findChildren(QTabWidget):
                    for i in range(tabs.count()):
                        tabs.setCurrentIndex(i)  # builds each page on first show
                        QApplication.processEvents()
                dlg.reject()

            QTimer.singleShot(0, walk_tabs)
            self.window.open_enterprise(eid)  # modal: returns when walk_tabs closes it
            self.pump()
        self.checkpoint("dossiers with every tab", t0, len(ids))

    def answer_inspection(self, answers: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTreeView

        from inspector_app.storage import inspections, township
        from inspector_app.ui.inspection.window import open_inspection_window

        t0 = time.perf_counter()
        officers = [o.id for o in township.list_officers(self.store)][:2]
        eid = self.store.conn.execute(
            "SELECT id FROM enterprise WHERE risk_tags LIKE '%|粉尘涉爆|%' AND deleted = 0 ORDER BY name"
        ).fetchone()[0]
        done = 0
        keys = (Qt.Key.Key_1, Qt.Key.Key_Y, Qt.Key.Key_3, Qt.Key.Key_X, Qt.Key.Key_1)
        while done < answers:
            draft = inspections.start_inspection(self.store, enterprise_id=eid, officer_ids=officers)
            win = open_inspection_window(self.store, draft, self.window)
            self.pump()
            tree = win.findChild(QTreeView, "checklist")
            tree.setFocus()
            self.key(tree, Qt.Key.Key_J)  # the first item
            for i in range(400):
                if done >= answers:
                    break
                self.key(tree, keys[i % len(keys)])  # answers and moves to the next item
                done += 1
                if i % 7 == 6:  # now and then back up and change the answer, as officers do
                    self.key(tree, Qt.Key.Key_K)
                    self.key(tree, Qt.Key.Key_Y)
            win.close()
            self.pump()
            inspections.discard_draft(self.store, draft) if hasattr(inspections, "discard_draft") else None
        self.checkpoint("inspection answers by key", t0, done)

    def preview_documents(self, previews: int) -> None:
        from inspector_app.reports import pdf_documents
        from inspector_app.storage import documents
        from inspector_app.ui.documents.pdf_view import PdfPreviewDialog

        t0 = time.perf_counter()
        before = rss_mb()
        rows = documents.register(self.store)[:previews]
        for row in rows:
            pdf = pdf_documents.render_document(self.store, row["id"])
            dlg = PdfPreviewDialog(pdf, row["doc_no"], self.window)
            dlg.show()
            self.pump()
            dlg.close()
            dlg.deleteLater()
            self.pump()
        self.checkpoint("document previews", t0, len(rows))
        print(f"soak: previews grew memory by {(rss_mb() - before) / max(1, len(rows)):.2f} MB each", flush=True)


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


def demo_database(path: Path, enterprises: int) -> Path:
    if not path.exists():
        from inspector_app.demo import create_demo_database

        create_demo_database(path, enterprises=enterprises)
    return path


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", help="database (default: a demo township built once in the temp folder)")
    p.add_argument("--enterprises", type=int, default=20000, help="size of the demo township")
    p.add_argument("--keystrokes", type=int, default=20000)
    p.add_argument("--scrolls", type=int, default=2000)
    p.add_argument("--dossiers", type=int, default=100)
    p.add_argument("--answers", type=int, default=1000)
    p.add_argument("--previews", type=int, default=50)
    p.add_argument("--quick", action="store_true",
                   help="the CI size: 1,500 keystrokes, 300 scrolls, 12 dossiers, 300 answers, 8 previews "
                        "on an 800-enterprise township")
    args = p.parse_args(argv)
    if args.quick:
        args.enterprises, args.keystrokes, args.scrolls = 800, 1500, 300
        args.dossiers, args.answers, args.previews = 12, 300, 8
    db = Path(args.db) if args.db else Path(tempfile.gettempdir()) / f"soak{args.enterprises}.sqlite"
    demo_database(db, args.enterprises)
    return Soak(db, keystrokes=args.keystrokes, scrolls=args.scrolls, dossiers=args.dossiers,
                answers=args.answers, previews=args.previews).run()


if __name__ == "__main__":
    sys.exit(main())
