"""The main window: a module list on the left, the module on the right.

Modules (registry, inspections, findings, documents…) are added with ``add_module``; each is a
real screen over the database — no placeholders. Screens refresh themselves from the change bus
(``operations.changes()``); the window only reacts to what concerns itself (its title).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QStackedWidget, QWidget)

from .. import __version__
from ..core import settings as S
from ..storage import settings
from ..storage.db import Store
from . import state
from .operations import Change, changes


class MainWindow(QMainWindow):
    START_ROW = 1  # Today: the first of modules.MODULES, after the registry

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.nav = QListWidget(self)
        self.nav.setObjectName("moduleList")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self._factories: dict[int, object] = {}  # row → factory of a module not built yet
        self._starting = True  # no module is opened before the start page
        self.modules: dict[str, QWidget] = {}
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # The registry, like every module, is built when first opened: the day starts on Today
        # (what is due, overdue and unfinished), so start-up pays for Today alone.
        self._registry_title = self.tr("Enterprise registry")
        self.add_module(self._registry_title, lambda: self._make_registry)
        self._add_later_modules()
        self._starting = False
        self.nav.setCurrentRow(self.START_ROW)

        self._build_menus()
        self._update_title()
        changes().changed.connect(self._on_records_changed)
        where = QLabel(str(store.path or ":memory:"), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(where)
        self._restore_geometry()

    def _make_registry(self, store: Store, parent) -> QWidget:
        from .registry import RegistryWidget

        registry = RegistryWidget(store, parent)
        registry.enterprise_activated.connect(self.open_enterprise)
        registry.new_requested.connect(self.new_enterprise)
        return registry

    @property
    def registry(self):
        """The enterprise registry (module 0), built on first use."""
        return self.module_widget(0)

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Work-safety inspector") + f" — {settings.get(self.store, S.TOWNSHIP)}")

    def _on_records_changed(self, kinds: frozenset, _origin: object) -> None:
        if Change.TOWNSHIP in kinds:
            self._update_title()

    def _add_later_modules(self) -> None:
        """The other modules are listed now and built the first time they are opened, so
        start-up pays only for the registry."""
        from . import modules

        for title, target in modules.MODULES:
            self.add_module(QCoreApplication.translate("Modules", title), lambda t=target: modules._resolve(t))

    def add_module(self, title: str, widget_or_factory) -> None:
        """Add a module: a widget, or a callable returning its factory(store, parent)."""
        row = self.nav.count()
        QListWidgetItem(title, self.nav)
        if isinstance(widget_or_factory, QWidget):
            self.stack.addWidget(widget_or_factory)
            self.modules[title] = widget_or_factory
        else:
            self.stack.addWidget(QWidget(self.stack))  # replaced when first opened
            self._factories[row] = (title, widget_or_factory)
        if self.nav.currentRow() < 0 and not self._starting:
            self.nav.setCurrentRow(0)

    def module_widget(self, row: int) -> QWidget:
        """The module at ``row``, building it on first use."""
        pending = self._factories.pop(row, None)
        if pending is not None:
            title, get_factory = pending
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                widget = get_factory()(self.store, self)
            finally:
                QApplication.restoreOverrideCursor()
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.modules[title] = widget
        return self.stack.widget(row)

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.module_widget(row)
        self.stack.setCurrentIndex(row)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import enterprises from Excel…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_enterprises)
        self.export_action = QAction(self.tr("&Export registry ledger to Excel…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_registry)
        new_action = QAction(self.tr("&New enterprise"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_enterprise)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (new_action, self.import_action, self.export_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        self.backup_action = QAction(self.tr("&Back up data…"), self)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.restore_action.triggered.connect(self.restore)
        self.series_action = QAction(self.tr("Confirm document &numbers…"), self)
        self.series_action.triggered.connect(self.confirm_series)
        for a in (self.backup_action, self.restore_action, self.series_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        setup_action = QAction(self.tr("&Township, authority and officers…"), self)
        setup_action.triggered.connect(self.edit_setup)
        settings_menu.addAction(setup_action)
        docs_action = QAction(self.tr("&Documents and deadlines…"), self)
        docs_action.triggered.connect(self.edit_document_settings)
        settings_menu.addAction(docs_action)
        access_action = QAction(self.tr("&Password and screen lock…"), self)
        access_action.triggered.connect(self.edit_access)
        settings_menu.addAction(access_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    # -- actions ---------------------------------------------------------------------------
    def open_enterprise(self, enterprise_id: str | None) -> None:
        from .registry.enterprise_form import EnterpriseDialog  # off the start-up path

        dlg = EnterpriseDialog(self.store, enterprise_id, self)
        dlg.saved.connect(self._on_enterprise_saved)
        dlg.open_requested.connect(lambda eid: (dlg.close(), self.open_enterprise(eid)))
        dlg.exec()
        # A dossier is parented to the window (modal over it), so without this every dossier of the
        # day stayed in memory until the app closed: ~5 MB each (benchmarks/soak.py).
        dlg.deleteLater()

    def new_enterprise(self) -> None:
        self.open_enterprise(None)

    def _on_enterprise_saved(self, enterprise_id: str) -> None:
        # The registry has already refreshed (Change.ENTERPRISE); show the saved row.
        self.registry.select_enterprise(enterprise_id)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def import_enterprises(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # ~1.5 ms of PySide type set-up: not at start

        from .registry.import_dialog import ImportDialog

        from ..importers.readers import EXTENSIONS

        patterns = " ".join(f"*.{ext}" for ext in EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import enterprises"), "",
                                              self.tr("Spreadsheets (%1)").replace("%1", patterns))
        if not path:
            return
        ImportDialog(self.store, path, self).exec()  # the import announces Change.ENTERPRISE

    def export_registry(self) -> None:
        from .registry.export_dialog import export_registry_interactive

        export_registry_interactive(self, self.store, self.registry.current_query())

    def edit_setup(self) -> None:
        # Settings edit the stored rows (rename, retire, correct); the first-run wizard is for
        # a township not set up yet. Either announces Change.TOWNSHIP: villages, the title.
        from ..storage import township

        if township.is_configured(self.store):
            from .township_settings import TownshipSettingsDialog

            TownshipSettingsDialog(self.store, self).exec()
        else:
            from .setup_wizard import SetupWizard

            SetupWizard(self.store, self).exec()

    # Backups: the dialogs import the backup code only when used (off the start-up path).
    def back_up(self) -> None:
        from .backup import BackupDialog

        BackupDialog(self.store, self).exec()

    def restore(self) -> None:
        from .backup import restore_interactive

        restore_interactive(self)

    def confirm_series(self) -> None:
        from .backup import SeriesConfirmDialog

        SeriesConfirmDialog(self.store, self).exec()

    def edit_document_settings(self) -> None:
        from .settings_dialog import DocumentSettingsDialog

        if DocumentSettingsDialog(self.store, self).exec():
            self.statusBar().showMessage(self.tr("Settings saved."), 3000)

    def edit_access(self) -> None:
        from .access.settings import AccessSettingsDialog

        if AccessSettingsDialog(self.store, self, idle_lock=getattr(self, "idle_lock", None)).exec():
            self.statusBar().showMessage(self.tr("Settings saved."), 3000)

    def show_guide(self) -> None:
        from .help import GuideWindow

        GuideWindow.show_for(self)

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About"),
                          self.tr("Work-safety inspector %1\nOffline tool for township work-safety officers.")
                          .replace("%1", __version__))

    # -- geometry --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        from .widgets.screen import fit_to_screen

        geo = state.settings().value("persist/main_geometry")
        if geo is not None:
            self.restoreGeometry(geo)
            fit_to_screen(self)  # saved on a bigger screen (or a monitor since unplugged)
        else:
            fit_to_screen(self, QSize(1280, 800))

    def closeEvent(self, event) -> None:  # Qt override
        state.settings().setValue("persist/main_geometry", self.saveGeometry())
        super().closeEvent(event)
