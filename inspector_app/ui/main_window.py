"""The main window: a module list on the left, the module on the right.

Modules (registry, inspections, findings, documents…) are added with ``add_module``; each is a
real screen over the database — no placeholders.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QStackedWidget, QWidget)

from .. import __version__
from ..storage import township
from ..storage.db import Store
from .registry import RegistryWidget


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.nav = QListWidget(self)
        self.nav.setObjectName("moduleList")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.registry = RegistryWidget(store, self)
        self.registry.enterprise_activated.connect(self.open_enterprise)
        self.registry.new_requested.connect(self.new_enterprise)
        self.add_module(self.tr("Enterprise registry"), self.registry)
        self._add_later_modules()

        self._build_menus()
        s = township.settings(store)
        self.setWindowTitle(self.tr("Work-safety inspector") + f" — {s['township'] or ''}")
        where = QLabel(str(store.path or ":memory:"), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(where)
        self._restore_geometry()

    def _add_later_modules(self) -> None:
        """Modules from later issues register themselves here when their package exists."""
        from . import modules

        for title, factory in modules.registered():
            self.add_module(QCoreApplication.translate("Modules", title), factory(self.store, self))

    def add_module(self, title: str, widget: QWidget) -> None:
        self.stack.addWidget(widget)
        item = QListWidgetItem(title, self.nav)
        item.setSizeHint(item.sizeHint().expandedTo(self.nav.sizeHint().boundedTo(item.sizeHint())))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

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
        file_menu.addAction(quit_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        setup_action = QAction(self.tr("&Township, authority and officers…"), self)
        setup_action.triggered.connect(self.edit_setup)
        settings_menu.addAction(setup_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    # -- actions ---------------------------------------------------------------------------
    def open_enterprise(self, enterprise_id: str | None) -> None:
        from .enterprise_form import EnterpriseDialog  # off the start-up path

        dlg = EnterpriseDialog(self.store, enterprise_id, self)
        dlg.saved.connect(self._on_enterprise_saved)
        dlg.open_requested.connect(lambda eid: (dlg.close(), self.open_enterprise(eid)))
        dlg.exec()

    def new_enterprise(self) -> None:
        self.open_enterprise(None)

    def _on_enterprise_saved(self, enterprise_id: str) -> None:
        self.registry.apply_filters()
        self.registry.select_enterprise(enterprise_id)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def import_enterprises(self) -> None:
        from .import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import enterprises"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        dlg = ImportDialog(self.store, path, self)
        dlg.exec()
        self.registry.apply_filters()

    def export_registry(self) -> None:
        from .export_dialog import export_registry_interactive

        export_registry_interactive(self, self.store, self.registry.current_query())

    def edit_setup(self) -> None:
        from .setup_wizard import SetupWizard

        if SetupWizard(self.store, self).exec():
            self.registry.reload_villages()
            s = township.settings(self.store)
            self.setWindowTitle(self.tr("Work-safety inspector") + f" — {s['township']}")

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About"),
                          self.tr("Work-safety inspector %1\nOffline tool for township work-safety officers.")
                          .replace("%1", __version__))

    # -- geometry --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geo = QSettings().value("persist/main_geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # Qt override
        QSettings().setValue("persist/main_geometry", self.saveGeometry())
        super().closeEvent(event)
