"""The 台账 module: the seven township ledgers and the township's own records, one screen each,
by quarter (the current one by default), village and enterprise, plus the quarter's close, export
and figures.

A ledger's rows are ``storage.ledgers.ledger_rows`` for the filters; the derived ledgers
(enterprises, inspections, findings) are read-only and Enter opens the record behind the row;
the recorded ones add (Ins / Ctrl+N), edit (Enter / F2) and delete (Del, a tombstone after a
confirmation). Ctrl+C copies the selection as tab-separated text. ID numbers stay masked unless
"Show ID numbers" is ticked (PIPL). The keys are taken before the window's shortcuts while the
table has focus (Ctrl+N there adds a record, not an enterprise).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QCompleter, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QStackedWidget, QTableView, QVBoxLayout,
                               QWidget)

from ...core import clock
from ...core.ledgers.ledgers import LEDGERS, spec
from ...core.ledgers.quarter import Quarter
from ...storage import enterprises as enterprise_store
from ...storage import ledgers
from ...storage import township
from ...storage.db import Store
from ..operations import Change, Op
from ..widgets.messages import HINT_STYLE, error_label, set_message
from ..widgets.refresh import RefreshOnChange
from . import opener
from .fields import KIND_OF_LEDGER
from .model import LedgerModel
from .quarter_panel import QuarterPanel
from .quick import QUICK, quick_filter

FIGURES = "figures"
DERIVED = {"enterprises": "enterprise", "inspections": "inspection", "findings": "finding"}
_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2, Qt.Key.Key_Insert, Qt.Key.Key_Delete}


def quarter_choices(today) -> list[Quarter]:
    """The current quarter and the eleven before it, newest first."""
    q, out = Quarter.of(today), []
    for _ in range(12):
        out.append(q)
        q = q.previous()
    return out


class LedgersWidget(QWidget):
    ledger_changed = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.key = LEDGERS[0].key
        self.models: dict[str, LedgerModel] = {}
        self.all_rows: list[dict] = []
        self.only_ids: set[str] | None = None   # a reminder's records (Today clicks through)
        self.figures_page = None
        self.last_dialog = None

        self.ledger_list = QListWidget(self)
        self.ledger_list.setObjectName("ledgerList")
        self.ledger_list.setFixedWidth(218)
        for s in LEDGERS:
            item = QListWidgetItem(f"{s.number}　{s.title}" if s.number else f"　　{s.title}", self.ledger_list)
            item.setData(Qt.ItemDataRole.UserRole, s.key)
            item.setToolTip(s.title)
        figures_item = QListWidgetItem(self.tr("Figures and charts"), self.ledger_list)
        figures_item.setData(Qt.ItemDataRole.UserRole, FIGURES)

        self.quarter_combo = QComboBox(self)
        self.quarter_combo.setObjectName("quarterCombo")
        for q in quarter_choices(clock.today()):
            self.quarter_combo.addItem(q.label, str(q))
        self.village_combo = QComboBox(self)
        self.village_combo.setObjectName("villageCombo")
        self.enterprise_combo = QComboBox(self)
        self.enterprise_combo.setObjectName("enterpriseCombo")
        self.enterprise_combo.setEditable(True)
        self.enterprise_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise_combo.setMinimumWidth(200)
        self.enterprise_combo.lineEdit().setPlaceholderText(self.tr("All enterprises"))
        self.quick_combo = QComboBox(self)
        self.quick_combo.setObjectName("quickCombo")
        self.show_ids = QCheckBox(self.tr("Show ID numbers"), self)
        self.show_ids.setObjectName("showIds")
        self.show_ids.setToolTip(self.tr("Personal ID numbers are masked unless you need them (PIPL)"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("ledgerCount")
        self._fill_villages_and_enterprises()

        self.chip = QLabel(self)
        self.chip.setObjectName("reminderChip")
        self.chip.setStyleSheet("background: #fff4d6; padding: 2px 6px;")
        self.clear_chip = QPushButton(self.tr("Show all"), self)
        self.clear_chip.setObjectName("clearChip")
        self.clear_chip.clicked.connect(self.clear_only_ids)

        self.quarter_panel = QuarterPanel(store, self)
        self.view = QTableView(self)
        self.view.setObjectName("ledgerView")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.activated.connect(lambda _i: self.open_current())
        self.view.installEventFilter(self)

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setObjectName("addButton")
        self.add_button.setToolTip(self.tr("Ins or Ctrl+N"))
        self.add_button.clicked.connect(self.add_record)
        self.open_button = QPushButton(self.tr("&Open / edit"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.setToolTip(self.tr("Enter, F2 or a double-click"))
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setToolTip(self.tr("Del"))
        self.delete_button.clicked.connect(self.delete_current)
        self.enterprise_button = QPushButton(self.tr("Enterprise d&ossier"), self)
        self.enterprise_button.setObjectName("dossierButton")
        self.enterprise_button.clicked.connect(self.open_current_enterprise)
        self.documents_button = QPushButton(self.tr("Doc&uments"), self)
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.clicked.connect(self.open_current_documents)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("Ctrl+C: the selection as tab-separated text, for Excel or WPS"))
        self.copy_button.clicked.connect(self.copy_selection)
        self.hint = QLabel(self)
        self.hint.setObjectName("ledgerHint")
        self.hint.setStyleSheet(HINT_STYLE)
        self.message = error_label(self, "ledgerMessage")

        filters = QHBoxLayout()
        for w in (QLabel(self.tr("Quarter"), self), self.quarter_combo, QLabel(self.tr("Village"), self),
                  self.village_combo, QLabel(self.tr("Enterprise"), self), self.enterprise_combo,
                  QLabel(self.tr("Show"), self), self.quick_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.chip)
        chip_row.addWidget(self.clear_chip)
        chip_row.addStretch(1)
        actions = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.delete_button, self.enterprise_button,
                  self.documents_button, self.copy_button):
            actions.addWidget(b)
        actions.addWidget(self.hint, 1)
        actions.addWidget(self.show_ids)
        actions.addWidget(self.count_label)
        ledger_page = QWidget(self)
        lay = QVBoxLayout(ledger_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addLayout(chip_row)
        lay.addWidget(self.quarter_panel)
        lay.addWidget(self.message)
        lay.addWidget(self.view, 1)
        lay.addLayout(actions)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(ledger_page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ledger_list)
        layout.addWidget(self.pages, 1)

        self.ledger_list.currentRowChanged.connect(self._on_ledger_row)
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        self.village_combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        self.enterprise_combo.activated.connect(lambda _i: self._on_filter_changed())
        self.enterprise_combo.lineEdit().editingFinished.connect(self._on_enterprise_typed)
        self.quick_combo.currentIndexChanged.connect(lambda _i: self._apply_quick())
        self.show_ids.toggled.connect(self._on_show_ids)
        self.follow = RefreshOnChange(self, {Change.LEDGER, Change.ENTERPRISE, Change.INSPECTION, Change.FINDING,
                                             Change.DOCUMENT, Change.TOWNSHIP}, self.reload, daily=True)
        self.ledger_list.setCurrentRow(0)

    # -- filters ---------------------------------------------------------------------------
    def _fill_villages_and_enterprises(self) -> None:
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("All villages"), "")
        for v in township.list_villages(self.store, include_retired=True):
            self.village_combo.addItem(v.name, v.id)
        self.village_combo.blockSignals(False)
        self.enterprise_combo.blockSignals(True)
        self.enterprise_combo.clear()
        self.enterprise_combo.addItem("", "")
        for e in enterprise_store.list_all(self.store):
            self.enterprise_combo.addItem(e.name, e.id)
        self.enterprise_combo.setCurrentIndex(0)
        completer = self.enterprise_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.enterprise_combo.blockSignals(False)

    @property
    def quarter(self) -> Quarter:
        return Quarter.parse(self.quarter_combo.currentData())

    def set_quarter(self, q) -> None:
        q = Quarter.parse(q)
        idx = self.quarter_combo.findData(str(q))
        if idx < 0:
            self.quarter_combo.addItem(q.label, str(q))
            idx = self.quarter_combo.count() - 1
        self.quarter_combo.setCurrentIndex(idx)

    def village_id(self) -> str | None:
        return self.village_combo.currentData() or None

    def enterprise_id(self) -> str | None:
        idx = self.enterprise_combo.findText(self.enterprise_combo.currentText())
        return (self.enterprise_combo.itemData(idx) or None) if idx > 0 else None

    def set_enterprise(self, enterprise_id: str | None) -> None:
        self.enterprise_combo.setCurrentIndex(max(0, self.enterprise_combo.findData(enterprise_id or "")))
        self._on_filter_changed()

    def _on_enterprise_typed(self) -> None:
        text = self.enterprise_combo.currentText()
        if not text or self.enterprise_combo.findText(text) > 0:
            self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        self.quarter_panel.set_quarter(self.quarter)
        self.reload()

    def _on_show_ids(self, on: bool) -> None:
        for m in self.models.values():
            m.set_show_ids(on)

    # -- which ledger ------------------------------------------------------------------------
    def _on_ledger_row(self, row: int) -> None:
        item = self.ledger_list.item(row)
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == FIGURES:
            self.show_figures()
            return
        self.pages.setCurrentIndex(0)
        self.key = key
        self.only_ids = None
        self.quick_combo.blockSignals(True)
        self.quick_combo.clear()
        self.quick_combo.addItem(self.tr("All rows"), "")
        for name, label, _pred in QUICK.get(key, ()):
            self.quick_combo.addItem(QCoreApplication.translate("LedgersWidget", label), name)
        self.quick_combo.blockSignals(False)
        self.quick_combo.setEnabled(self.quick_combo.count() > 1)
        if key not in self.models:
            self.models[key] = LedgerModel(spec(key), self)
            self.models[key].set_show_ids(self.show_ids.isChecked())
        model = self.models[key]
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        for i, c in enumerate(model.columns):
            header.resizeSection(i, max(44, int(c.width * 8.5)))
        header.setStretchLastSection(False)
        recorded = key in KIND_OF_LEDGER
        self.add_button.setEnabled(recorded)
        self.delete_button.setEnabled(recorded)
        self.hint.setText(self.tr("Recorded here: Ins adds, Enter edits, Del deletes.") if recorded else
                          self.tr("Built from the inspections, findings and registry: Enter opens the record."))
        self.documents_button.setVisible(key in ("inspections", "findings"))
        self.reload()
        self.ledger_changed.emit(key)

    def show_ledger(self, key: str, *, quarter=None, quick: str = "", ids=None) -> None:
        """Show one ledger (Today's reminders click through here): the quarter, a quick filter,
        or only the given records."""
        if quarter is not None:
            self.quarter_combo.blockSignals(True)
            self.set_quarter(quarter)
            self.quarter_combo.blockSignals(False)
            self.quarter_panel.set_quarter(self.quarter)
        for row in range(self.ledger_list.count()):
            if self.ledger_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.ledger_list.currentRow() == row:
                    self._on_ledger_row(row)
                else:
                    self.ledger_list.setCurrentRow(row)
        if quick:
            self.quick_combo.setCurrentIndex(max(0, self.quick_combo.findData(quick)))
        if ids is not None:
            self.only_ids = set(ids)
            self._apply_quick()

    def show_figures(self):
        from .figures import FiguresPage  # QtCharts loads only when the figures are opened

        if self.figures_page is None:
            self.figures_page = FiguresPage(self.store, self)
            self.pages.addWidget(self.figures_page)
        self.figures_page.set_quarter(self.quarter)
        self.pages.setCurrentWidget(self.figures_page)
        for row in range(self.ledger_list.count()):
            if self.ledger_list.item(row).data(Qt.ItemDataRole.UserRole) == FIGURES:
                self.ledger_list.blockSignals(True)
                self.ledger_list.setCurrentRow(row)
                self.ledger_list.blockSignals(False)
        return self.figures_page

    def clear_only_ids(self) -> None:
        self.only_ids = None
        self._apply_quick()

    # -- rows ------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.pages.currentIndex() != 0:
            if self.figures_page is not None:
                self.figures_page.set_quarter(self.quarter)
            return
        current = self.current_row()
        keep = current.get("id") if current else None
        self.all_rows = ledgers.ledger_rows(self.store, self.key, self.quarter, village_id=self.village_id(),
                                            enterprise_id=self.enterprise_id())
        self.quarter_panel.set_quarter(self.quarter)
        self._apply_quick(keep)

    def _apply_quick(self, keep_id: str | None = None) -> None:
        pred = quick_filter(self.key, self.quick_combo.currentData() or "")
        rows = self.all_rows
        if pred is not None:
            rows = [r for r in rows if pred(r)]
        if self.only_ids is not None:
            rows = [r for r in rows if r.get("id") in self.only_ids or r.get("enterprise_id") in self.only_ids]
        model = self.models[self.key]
        model.set_rows(rows)
        self.chip.setVisible(self.only_ids is not None)
        self.clear_chip.setVisible(self.only_ids is not None)
        if self.only_ids is not None:
            self.chip.setText(self.tr("Only the %n record(s) of the reminder", "", len(rows)))
        shown, total = len(rows), len(self.all_rows)
        self.count_label.setText(self.tr("%1 of %2 rows").replace("%1", str(shown)).replace("%2", str(total))
                                 if shown != total else self.tr("%n row(s)", "", total))
        if model.rowCount():
            row = model.row_of_id(keep_id) if keep_id else -1
            self.view.setCurrentIndex(model.index(max(row, 0), 0))

    def current_row(self) -> dict | None:
        model = self.view.model()
        idx = self.view.currentIndex()
        return model.row_at(idx.row()) if isinstance(model, LedgerModel) and idx.isValid() else None

    # -- actions ---------------------------------------------------------------------------
    def open_current(self):
        """Enter / F2 / double-click: edit the recorded row, or open the record behind a derived one."""
        row = self.current_row()
        if row is None:
            return None
        set_message(self.message, "")
        if self.key in DERIVED:
            self.last_dialog = opener.open_table_record(self, self.store, DERIVED[self.key], row["id"])
        elif self.key == "quarter_reports" and not row["id"]:
            self.last_dialog = opener.edit_record(self, self.store, KIND_OF_LEDGER[self.key], None,
                                                  defaults=opener.report_defaults(row["enterprise_id"], self.quarter))
        else:
            self.last_dialog = opener.edit_record(self, self.store, KIND_OF_LEDGER[self.key], row["id"],
                                                  show_ids=self.show_ids.isChecked())
        self._select_saved()
        return self.last_dialog

    def add_record(self):
        kind = KIND_OF_LEDGER.get(self.key)
        if kind is None:
            set_message(self.message, self.tr("This ledger is built from the records; it has nothing to add here."))
            return None
        defaults = self._new_defaults()
        self.last_dialog = opener.edit_record(self, self.store, kind, None, defaults=defaults)
        self._select_saved()
        return self.last_dialog

    def _new_defaults(self) -> dict:
        q, today = self.quarter, clock.today()
        day = min(max(today, q.first), q.last).isoformat()
        d: dict = {}
        ent, village = self.enterprise_id(), self.village_id()
        if self.key == "quarter_reports":
            row = self.current_row()
            return opener.report_defaults(ent or (row or {}).get("enterprise_id") or "", q)
        if self.key in ("activities", "township", "referrals"):
            d["on_date"] = day
        if self.key == "accidents":
            d["occurred_at"] = day + "T08:00"
        if ent and self.key not in ("township", "supervisors"):
            d["enterprise_id"] = ent
        if village and self.key in ("activities", "supervisors"):
            d["village_id"] = village
        return d

    def _select_saved(self) -> None:
        saved = getattr(self.last_dialog, "saved_id", None)
        if saved:
            model = self.models[self.key]
            row = model.row_of_id(saved)
            if row >= 0:
                self.view.setCurrentIndex(model.index(row, 0))

    def delete_current(self) -> bool:
        kind = KIND_OF_LEDGER.get(self.key)
        row = self.current_row()
        if kind is None or row is None or not row.get("id"):
            return False
        what = row.get("name") or row.get("title") or row.get("enterprise") or ""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete record"),
                          self.tr("Delete this record from the ledger? %1").replace("%1", str(what)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        at = self.view.currentIndex().row()
        done: list = []
        Op(self, lambda: ledgers.delete(self.store, kind, row["id"]), changes={Change.LEDGER}).success(done.append).run()
        model = self.models[self.key]
        if done and model.rowCount():
            self.view.setCurrentIndex(model.index(min(at, model.rowCount() - 1), 0))
        return bool(done)

    def open_current_enterprise(self):
        row = self.current_row()
        if row and row.get("enterprise_id"):
            return opener.open_enterprise(self, self.store, row["enterprise_id"])
        set_message(self.message, self.tr("This row names no enterprise."))
        return None

    def open_current_documents(self):
        row = self.current_row()
        if row is None:
            return None
        result = opener.open_documents(self, self.store, DERIVED.get(self.key, ""), row["id"])
        if result is None:
            set_message(self.message, self.tr("No document was issued for this row."))
        return result

    def selected_text(self) -> str:
        """The selected cells' rows and columns as tab-separated text (the current cell alone when
        nothing is selected)."""
        model = self.view.model()
        indexes = self.view.selectionModel().selectedIndexes() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else [])
        if not indexes or not isinstance(model, LedgerModel):
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        return model.tsv(rows, cols, header=len(rows) > 1 and len(cols) == len(model.columns))

    def copy_selection(self) -> str:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def smoke_walk(self, settle) -> int:
        """Show every ledger and the figures (the frozen build's smoke: QtCharts must load)."""
        for row in range(self.ledger_list.count()):
            self.ledger_list.setCurrentRow(row)
            settle()
        self.ledger_list.setCurrentRow(0)
        return self.ledger_list.count()

    # -- keys ------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # Qt override
        if obj is self.view and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._key_action(event)
            if action is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(obj, event)

    def _key_action(self, event):
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_selection
        if key == Qt.Key.Key_N and mods == Qt.KeyboardModifier.ControlModifier:
            return self.add_record
        if key not in _KEYS or not plain:
            return None
        if key == Qt.Key.Key_Insert:
            return self.add_record
        if key == Qt.Key.Key_Delete:
            return self.delete_current
        return self.open_current


__all__ = ["LedgersWidget", "quarter_choices"]
