"""``inspector-app --smoke``: open every screen the officer can reach without typing, and say so.

The frozen build is only as good as what it contains: a screen whose module was left out of the
bundle fails only when it is first opened. So the smoke walks the running main window the way an
officer would — every row of the module list (and every tab inside), one enterprise dossier with
each of its tabs, the preview of one issued document, and every menu action whose dialog needs no
input — and it is *generic*: it looks at the window (``moduleList``, ``module_widget(row)``,
``open_enterprise(id)``, the menu bar), not at module paths, so screens added later are walked too.

Each step is timed; every exception is caught — also those raised inside Qt slots (a
``sys.excepthook`` is installed for the run), in threads, or logged at ERROR by the operations'
failure handler — and reported with its traceback. Modal dialogs are walked and closed from a
timer; file dialogs are answered "cancel" and native dialogs are turned off, so nothing waits for
input. The report goes to stdout and to a file (a windowed program on Windows has no console);
the exit code is 1 when anything failed.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QThreadPool, QTimer, QUrl, qVersion
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QTabWidget, QWidget

from .. import __version__

SHOTS_ENV = "INSPECTOR_SMOKE_SHOTS"  # a folder: save a screenshot of every module, tab and dialog
SETTLE_TIMEOUT_S = 30.0  # background work a screen starts (counts, lists) must end by then
_FILE_DIALOG_FUNCTIONS = ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
                          "getOpenFileUrl", "getOpenFileUrls", "getSaveFileUrl", "getExistingDirectoryUrl")


def run_smoke(window, report_path: str | Path, *, header: tuple[str, ...] = ()) -> int:
    """Walk ``window`` (a shown ``MainWindow``); write the report; 0 when nothing failed."""
    return _Smoke(window, Path(report_path)).run(header)


def _clean(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


class _Smoke(QObject):
    def __init__(self, window, report_path: Path):
        super().__init__()
        self.window = window
        self.report_path = report_path
        self.errors: list[tuple[str, str]] = []  # (step, traceback)
        self.warnings: list[str] = []
        self.step = "start-up"
        self.step_notes: list[str] = []
        self._file = None
        self._closer = QTimer(self)
        self._closer.setInterval(30)
        self._closer.timeout.connect(self._close_modals)
        self._closing = False
        self._modals_seen: list[str] = []
        self._shots = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else None
        self._shot_count = 0

    # -- reporting -------------------------------------------------------------------------
    def line(self, text: str) -> None:
        print(text, flush=True)  # print() is a no-op when the windowed build has no stdout
        if self._file is not None:
            self._file.write(text + "\n")
            self._file.flush()

    def error(self, details: str) -> None:
        self.errors.append((self.step, details.rstrip()))

    def _excepthook(self, etype, value, tb) -> None:
        self.error("".join(traceback.format_exception(etype, value, tb)))

    def _thread_excepthook(self, args) -> None:
        self.error(f"in thread {args.thread.name if args.thread else '?'}:\n"
                   + "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))

    # -- the run ---------------------------------------------------------------------------
    def run(self, header: tuple[str, ...]) -> int:
        from . import state

        state.set_read_only(True)  # a smoke run leaves the officer's state alone
        self.report_path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.report_path, "w", encoding="utf-8")
        restore = self._install_guards()
        started = time.perf_counter()
        try:
            self.line(f"smoke: inspector-app {__version__} ({'frozen' if getattr(sys, 'frozen', False) else 'source'}), "
                      f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}, "
                      f"platform plugin {QApplication.platformName()}")
            for text in header:
                self.line(text)
            self._closer.start()
            self._walk_modules()
            self._walk_dossier()
            self._run_step("document preview", lambda: _preview_one_document(self.window, self._settle, self._shot))
            self._walk_menus()
        except BaseException:  # noqa: BLE001 — a failure of the smoke itself is a failure too
            self.error(traceback.format_exc())
        finally:
            self._closer.stop()
            restore()
            self.step = "end"
            self._report_end(time.perf_counter() - started)
            self._file.close()
            self._file = None
        return 1 if self.errors else 0

    def _report_end(self, seconds: float) -> None:
        for text in self.warnings[:20]:
            self.line(f"  qt warning: {text}")
        if self.errors:
            self.line(f"smoke: FAILED — {len(self.errors)} error(s):")
            for step, details in self.errors:
                self.line(f"--- error in {step}:")
                for text in details.splitlines():
                    self.line("    " + text)
        self.line(f"smoke: {'FAILED' if self.errors else 'OK'} in {seconds:.1f} s, "
                  f"{len(self.errors)} error(s); report {self.report_path}")

    def _run_step(self, name: str, fn) -> None:
        """Run one step, timing it and attributing every error raised meanwhile to it."""
        self.step, self.step_notes = name, []
        before = len(self.errors)
        t0 = time.perf_counter()
        try:
            result = fn()
            if result:
                self.step_notes.append(str(result))
            self._settle()
        except Exception:  # noqa: BLE001
            self.error(traceback.format_exc())
        ms = (time.perf_counter() - t0) * 1000
        status = "ok" if len(self.errors) == before else "ERROR"
        notes = f" — {'; '.join(self.step_notes)}" if self.step_notes else ""
        self.line(f"{status:5} {ms:7.0f} ms  {name}{notes}")

    def _shot(self, widget: QWidget, name: str) -> None:
        """With INSPECTOR_SMOKE_SHOTS set: the screen (X11, Windows) or the widget, as a PNG."""
        if self._shots is None:
            return
        self._shots.mkdir(parents=True, exist_ok=True)
        self._shot_count += 1
        until = time.perf_counter() + 0.3  # QPdfView renders pages on its own thread
        while time.perf_counter() < until:
            QApplication.processEvents()
            time.sleep(0.01)
        slug = "".join(c if c.isalnum() else "-" for c in name)[:60].strip("-")
        screen = QApplication.primaryScreen()
        real = QApplication.platformName() not in ("offscreen", "minimal") and screen is not None
        pixmap = screen.grabWindow(0) if real else widget.grab()
        pixmap.save(str(self._shots / f"{self._shot_count:02d}-{slug}.png"))

    def _settle(self) -> None:
        """Let queued signals and background tasks a screen started finish."""
        app = QApplication.instance()
        pool = QThreadPool.globalInstance()
        deadline = time.perf_counter() + SETTLE_TIMEOUT_S
        while True:
            app.processEvents()
            if pool.activeThreadCount() == 0:
                break
            if time.perf_counter() > deadline:
                self.error(f"background work still running after {SETTLE_TIMEOUT_S:.0f} s")
                break
            time.sleep(0.01)
        for _ in range(3):
            app.processEvents()

    # -- steps -----------------------------------------------------------------------------
    def _walk_modules(self) -> None:
        nav = self.window.findChild(QWidget, "moduleList")
        count = nav.count()
        for row in range(count):
            title = nav.item(row).text()

            def open_module(row=row):
                widget = self.window.module_widget(row)
                nav.setCurrentRow(row)
                self._settle()
                self._shot(self.window, f"module-{title}")
                tabs = self._walk_tabs(widget)
                walk = getattr(widget, "smoke_walk", None)  # a module's own pages (the ledgers' list)
                if callable(walk):
                    tabs += walk(self._settle)
                return type(widget).__name__ + (f", {tabs} tab(s)" if tabs else "")

            self._run_step(f"module {row + 1}/{count}: {title}", open_module)
        self.line(f"smoke: modules: {count} of {count} opened: " + ", ".join(
            nav.item(row).text() for row in range(count)))

    def _walk_dossier(self) -> None:
        enterprise_id = _sample_enterprise(self.window.store)
        if enterprise_id is None:
            self.line("skip            enterprise dossier — the registry is empty")
            return

        def open_dossier():
            seen = len(self._modals_seen)
            self.window.open_enterprise(enterprise_id)
            if len(self._modals_seen) == seen:
                raise RuntimeError("open_enterprise() showed no dialog")

        self._run_step("enterprise dossier", open_dossier)

    def _walk_menus(self) -> None:
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            for action in _leaf_actions(menu):
                name = f"menu {_clean(menu_action.text())} ▸ {_clean(action.text())}"
                if action.menuRole() == QAction.MenuRole.QuitRole:
                    self.line(f"skip            {name} — quits")
                    continue
                self._run_step(name, action.trigger)

    # -- modal dialogs -----------------------------------------------------------------------
    def _close_modals(self) -> None:
        """Timer slot: walk the tabs of a modal dialog that has just opened, then close it."""
        if self._closing:
            return
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        self._closing = True
        try:
            tries = int(widget.property("smokeCloseTries") or 0)
            widget.setProperty("smokeCloseTries", tries + 1)
            if tries == 0:
                self._settle()
                self._shot(widget, f"dialog-{type(widget).__name__}")
                tabs = self._walk_tabs(widget)
                label = type(widget).__name__ + (f" “{widget.windowTitle()}”" if widget.windowTitle() else "")
                self._modals_seen.append(label)
                self.step_notes.append(label + (f" with {tabs} tab(s)" if tabs else "") + " opened and closed")
            if isinstance(widget, QDialog):
                if tries < 3:
                    widget.reject()
                else:  # it refuses (asks again and again): end it without its own checks
                    self.error(f"{type(widget).__name__} did not close when rejected")
                    QDialog.done(widget, QDialog.DialogCode.Rejected)
            else:
                widget.close()
        except Exception:  # noqa: BLE001
            self.error(traceback.format_exc())
            if isinstance(widget, QDialog):
                QDialog.done(widget, QDialog.DialogCode.Rejected)
        finally:
            self._closing = False

    def _walk_tabs(self, widget: QWidget) -> int:
        """Show every page of every tab widget inside ``widget``; the number of pages shown."""
        shown = 0
        for tabs in [widget] * isinstance(widget, QTabWidget) + widget.findChildren(QTabWidget):
            current = tabs.currentIndex()
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                self._settle()
                self._shot(tabs.window(), f"{type(tabs.window()).__name__}-{tabs.tabText(index)}")
                shown += 1
            tabs.setCurrentIndex(current)
        return shown

    # -- guards ----------------------------------------------------------------------------
    def _install_guards(self):
        """Hooks that catch errors and keep the run from waiting for input; returns the undo."""
        app = QApplication.instance()
        saved_hooks = sys.excepthook, threading.excepthook
        sys.excepthook, threading.excepthook = self._excepthook, self._thread_excepthook
        saved_native = app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)  # native ones can't be closed
        saved_dialogs = {name: QFileDialog.__dict__.get(name) for name in _FILE_DIALOG_FUNCTIONS}
        for name in _FILE_DIALOG_FUNCTIONS:
            setattr(QFileDialog, name, staticmethod(self._cancelled_file_dialog(name)))
        log_handler = _ErrorLogHandler(self)
        logging.getLogger().addHandler(log_handler)
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        def on_qt_message(kind, _context, message):
            if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.error(f"Qt: {message}")
            elif kind == QtMsgType.QtWarningMsg and message not in self.warnings:
                self.warnings.append(message)

        saved_qt_handler = qInstallMessageHandler(on_qt_message)
        self.window.installEventFilter(self)

        def restore():
            self.window.removeEventFilter(self)
            qInstallMessageHandler(saved_qt_handler)
            logging.getLogger().removeHandler(log_handler)
            for name, original in saved_dialogs.items():
                if original is None:
                    delattr(QFileDialog, name)
                else:
                    setattr(QFileDialog, name, original)
            app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, saved_native)
            sys.excepthook, threading.excepthook = saved_hooks

        return restore

    def _cancelled_file_dialog(self, name: str):
        def cancelled(*args, **kwargs):
            self.step_notes.append("file dialog answered Cancel")
            if name.endswith("s"):  # several files or URLs
                return [], ""
            if name == "getExistingDirectory":
                return ""
            if name == "getExistingDirectoryUrl":
                return QUrl()
            return ("", "") if name.endswith("Name") else (QUrl(), "")

        return cancelled

    def eventFilter(self, watched, event) -> bool:  # Qt override: the main window stays open
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.step_notes.append("asked to close the main window (kept open)")
            event.ignore()
            return True
        return False


class _ErrorLogHandler(logging.Handler):
    """ERROR records (the operations' failure handler logs the real exception) fail the smoke."""

    def __init__(self, smoke: _Smoke):
        super().__init__(logging.ERROR)
        self.smoke = smoke

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.smoke.error(f"logged by {record.name}: {text}")


def _leaf_actions(menu):
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            yield from _leaf_actions(action.menu())
        elif action.isEnabled():
            yield action


# -- what the storage layer is asked for (one place, should its names change) ------------------
def _sample_enterprise(store) -> str | None:
    """An enterprise with an issued document (its dossier has the most to show), else any."""
    from ..storage import documents, enterprises

    for entry in documents.register(store):
        if entry["enterprise_id"]:
            return entry["enterprise_id"]
    ids = enterprises.search_ids(store)
    return ids[0] if ids else None


def _preview_one_document(window, settle, shot=lambda widget, name: None) -> str:
    """Render one issued document and show it in the preview dialog, as the register does."""
    from ..reports import fonts
    from ..reports.pdf_documents import render_document
    from ..storage import documents
    from .documents.pdf_view import PdfPreviewDialog

    issued = [e for e in documents.register(window.store) if e["status"] == "issued"]
    if not issued:
        return "no issued document to preview"
    entry = issued[0]
    pdf = render_document(window.store, entry["id"])
    dialog = PdfPreviewDialog(pdf, f"{entry['title']} {entry['doc_no']}", window)
    try:
        dialog.show()
        settle()
        shot(dialog, "preview")
        image = dialog.document.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_Grayscale8)
        pages = dialog.page_count()
        if pages < 1 or image.isNull() or min(bytes(image.constBits())) > 128:  # no ink on the page
            raise RuntimeError(f"the preview of {entry['doc_no']} shows no page, or a blank one")
    finally:
        dialog.close()
        dialog.deleteLater()
    font = fonts.font_info()
    return (f"{entry['doc_no']}: {len(pdf) // 1024} KB, {pages} page(s), font "
            f"{Path(font.path).name if font.path else font.name} ({'embedded' if font.embedded else 'NOT embedded'})")


__all__ = ["run_smoke"]
