"""The enterprise form: every registry field, messages next to the field, undo, keyboard use.

Edits are kept as ``QUndoCommand``s over field values (Ctrl+Z / Ctrl+Shift+Z), so an officer can
step back through what they typed before saving; the stack is marked clean on save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from ...core import uscc as uscc_mod
from ...core.enterprise import (LABELS, RISK_TAGS, SAFETY_MANAGER_TYPES, SCALES, SECTORS,
                               STANDARDISATION_GRADES, STATUSES, SUPERVISION_CLASSES, Enterprise,
                               ValidationErrors)
from ...storage import enterprises as repo
from ...storage import township
from ...storage.db import Store
from ..operations import Change, Op, show_failure

ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5a00;"


def label(key: str) -> str:
    return QCoreApplication.translate("Enterprise", LABELS[key])


class FieldChangeCommand(QUndoCommand):
    """One committed change of one field; undo/redo put the value back into the widget."""

    def __init__(self, form: "EnterpriseForm", key: str, old, new):
        super().__init__(QCoreApplication.translate("EnterpriseForm", "Edit %1").replace("%1", label(key)))
        self.form, self.key, self.old, self.new = form, key, old, new
        self._first = True

    def redo(self) -> None:
        if self._first:  # the widget already shows the new value
            self._first = False
            return
        self.form.set_value(self.key, self.new)

    def undo(self) -> None:
        self.form.set_value(self.key, self.old)


class EnterpriseForm(QWidget):
    """Edits one :class:`Enterprise`; ``save()`` validates and writes through storage."""

    saved = Signal(str)
    open_requested = Signal(str)

    def __init__(self, store: Store, enterprise: Enterprise | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise = enterprise or Enterprise()
        self.undo_stack = QUndoStack(self)
        self._loading = False
        self._values: dict = {}
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._build()
        self.load(self.enterprise)

    # -- construction ----------------------------------------------------------------------
    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        w = QLineEdit(self)
        w.setObjectName(key)
        if placeholder:
            w.setPlaceholderText(placeholder)
        w.editingFinished.connect(lambda k=key: self._commit(k))
        return w

    def _combo(self, key: str, items) -> QComboBox:
        w = QComboBox(self)
        w.setObjectName(key)
        for item in items:
            text, data = item if isinstance(item, tuple) else (item, item)
            w.addItem(text, data)
        w.currentIndexChanged.connect(lambda _i, k=key: self._commit(k))
        return w

    def _build(self) -> None:
        from ...core import industry  # resources table; small

        W = self.widgets
        W["name"] = self._line("name")
        W["uscc"] = self._line("uscc", self.tr("18 characters, e.g. 91320281MA1XXXXXXX"))
        W["legacy_reg_no"] = self._line("legacy_reg_no", self.tr("Only for individual businesses without a credit code"))
        W["address"] = self._line("address")
        W["village_id"] = self._combo("village_id", [("", None)] + [(v.name, v.id) for v in township.list_villages(self.store)])
        for key in ("legal_rep", "legal_rep_phone", "principal", "principal_phone", "safety_manager",
                    "safety_manager_phone", "grid_officer"):
            W[key] = self._line(key)
        W["safety_manager_type"] = self._combo("safety_manager_type", SAFETY_MANAGER_TYPES)
        emp = QSpinBox(self)
        emp.setObjectName("employees")
        emp.setRange(0, 200000)
        emp.editingFinished.connect(lambda: self._commit("employees"))
        W["employees"] = emp
        rev = QDoubleSpinBox(self)
        rev.setObjectName("revenue_wan")
        rev.setRange(0, 1e9)
        rev.setDecimals(1)
        rev.setSuffix(" " + self.tr("×10k yuan"))
        rev.editingFinished.connect(lambda: self._commit("revenue_wan"))
        W["revenue_wan"] = rev
        W["gbt_section"] = self._combo("gbt_section", [("", "")] + [(f"{c} {n}", c) for c, n in industry.sections()])
        W["gbt_division"] = self._combo("gbt_division", [("", "")])
        W["gbt_section"].currentIndexChanged.connect(self._fill_divisions)
        W["sector"] = self._combo("sector", SECTORS)
        W["scale"] = self._combo("scale", SCALES)
        W["standardisation_grade"] = self._combo("standardisation_grade", STANDARDISATION_GRADES)
        W["supervision_class"] = self._combo("supervision_class", SUPERVISION_CLASSES)
        W["status"] = self._combo("status", STATUSES)
        # Staffing duties (安全生产法第二十四、二十七条; (十三)): counts left "not recorded" make the
        # obligation unknown, never met or violated, so the empty state is a value of its own.
        for key in ("full_time_managers", "part_time_managers", "registered_engineers"):
            box = QSpinBox(self)
            box.setObjectName(key)
            box.setRange(-1, 10000)
            box.setSpecialValueText(self.tr("Not recorded"))
            box.editingFinished.connect(lambda k=key: self._commit(k))
            W[key] = box
        main = QDoubleSpinBox(self)
        main.setObjectName("main_revenue_wan")
        main.setRange(-1, 1e9)
        main.setDecimals(1)
        main.setSpecialValueText(self.tr("Not recorded"))
        main.setSuffix(" " + self.tr("×10k yuan"))
        main.editingFinished.connect(lambda: self._commit("main_revenue_wan"))
        W["main_revenue_wan"] = main
        W["safety_director_appointed"] = self._combo(
            "safety_director_appointed", [(self.tr("Not recorded"), None), (self.tr("Yes"), True), (self.tr("No"), False)])
        W["safety_director"] = self._line("safety_director")
        W["standardisation_valid_until"] = self._line("standardisation_valid_until", "2027-12-31")
        W["notes"] = QPlainTextEdit(self)
        W["notes"].setObjectName("notes")
        W["notes"].setTabChangesFocus(True)
        W["notes"].setFixedHeight(60)

        tags = QWidget(self)
        grid = QGridLayout(tags)
        grid.setContentsMargins(0, 0, 0, 0)
        self.tag_boxes: dict[str, QCheckBox] = {}
        for i, tag in enumerate(RISK_TAGS):
            box = QCheckBox(tag, tags)
            box.toggled.connect(lambda _c: self._commit("risk_tags"))
            self.tag_boxes[tag] = box
            grid.addWidget(box, i // 3, i % 3)
        W["risk_tags"] = tags

        landlord = QWidget(self)
        row = QHBoxLayout(landlord)
        row.setContentsMargins(0, 0, 0, 0)
        self.landlord_label = QLabel(landlord)
        self.landlord_label.setObjectName("landlordName")
        choose = QPushButton(self.tr("Choose…"), landlord)
        choose.clicked.connect(self._on_choose_landlord)
        clear = QPushButton(self.tr("Clear"), landlord)
        clear.clicked.connect(lambda: self._set_landlord(None, commit=True))
        row.addWidget(self.landlord_label, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        W["landlord_id"] = landlord
        self.tenants_label = QLabel(self)
        self.tenants_label.setWordWrap(True)
        self.tenants_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.tenants_label.linkActivated.connect(self.open_requested)

        # Two columns of grouped fields: the whole record fits a 1366×768 laptop screen.
        groups = (
            (0, self.tr("Identity"), ("name", "uscc", "legacy_reg_no", "address", "village_id", "status")),
            (0, self.tr("People"), ("legal_rep", "legal_rep_phone", "principal", "principal_phone",
                                    "safety_manager", "safety_manager_type", "safety_manager_phone")),
            (1, self.tr("Size and sector"), ("employees", "revenue_wan", "gbt_section", "gbt_division",
                                             "sector", "scale")),
            (1, self.tr("Risk and supervision"), ("risk_tags", "landlord_id", "standardisation_grade",
                                                  "standardisation_valid_until", "supervision_class",
                                                  "grid_officer", "notes")),
            (0, self.tr("Safety staffing"), ("full_time_managers", "part_time_managers", "registered_engineers",
                                             "safety_director_appointed", "safety_director", "main_revenue_wan")),
        )
        columns = [QVBoxLayout(), QVBoxLayout()]
        for column, title, keys in groups:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                cell = QWidget(box)
                v = QVBoxLayout(cell)
                v.setContentsMargins(0, 0, 0, 0)
                v.setSpacing(1)
                v.addWidget(W[key])
                msg = QLabel(cell)
                msg.setObjectName(f"{key}_message")
                msg.setWordWrap(True)
                msg.hide()
                v.addWidget(msg)
                self.messages[key] = msg
                if key == "landlord_id":
                    v.addWidget(self.tenants_label)
                lab = QLabel(label(key) + "：", box)
                lab.setBuddy(W[key] if key not in ("risk_tags", "landlord_id") else cell)
                form.addRow(lab, cell)
            columns[column].addWidget(box)
        row = QHBoxLayout()
        for col in columns:
            col.addStretch(1)
            row.addLayout(col, 1)
        inner = QWidget(self)
        inner.setLayout(row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _fill_divisions(self) -> None:
        from ...core import industry

        section = self.widgets["gbt_section"].currentData()
        box: QComboBox = self.widgets["gbt_division"]
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("", "")
        for code, name, _sec in industry.divisions(section or None):
            box.addItem(f"{code} {name}", code)
        idx = box.findData(current)
        box.setCurrentIndex(max(idx, 0))
        box.blockSignals(False)

    # -- values ----------------------------------------------------------------------------
    def value(self, key: str):
        w = self.widgets[key]
        if key == "risk_tags":
            return [t for t, b in self.tag_boxes.items() if b.isChecked()]
        if key == "landlord_id":
            return self._landlord_id
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            if w.minimum() < 0 and w.value() < 0:
                return None  # "Not recorded"
            return w.value()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        raise KeyError(key)

    def set_value(self, key: str, value) -> None:
        self._loading = True
        try:
            w = self.widgets[key]
            if key == "risk_tags":
                for t, b in self.tag_boxes.items():
                    b.setChecked(t in (value or []))
            elif key == "landlord_id":
                self._set_landlord(value, commit=False)
            elif isinstance(w, QLineEdit):
                w.setText(value or "")
            elif isinstance(w, QComboBox):
                if key == "gbt_division":
                    self._fill_divisions()
                w.setCurrentIndex(max(w.findData(value), 0))
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                w.setValue(-1 if value is None and w.minimum() < 0 else value or 0)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            self._values[key] = self.value(key)
        finally:
            self._loading = False

    def _commit(self, key: str) -> None:
        if self._loading:
            return
        new = self.value(key)
        old = self._values.get(key)
        if new == old:
            return
        self._values[key] = new
        self.undo_stack.push(FieldChangeCommand(self, key, old, new))
        self._check_field(key)

    def load(self, ent: Enterprise) -> None:
        self.enterprise = ent
        self._landlord_id = None
        for key in Enterprise.field_names():
            if key in self.widgets:
                self.set_value(key, getattr(ent, key))
        self.set_value("gbt_division", ent.gbt_division)
        self._show_tenants()
        self.undo_stack.clear()
        for key in self.messages:
            self._message(key, "")

    def to_enterprise(self) -> Enterprise:
        data = {k: self.value(k) for k in Enterprise.field_names() if k in self.widgets}
        data["employees"] = int(data["employees"])
        for key in ("full_time_managers", "part_time_managers", "registered_engineers"):
            if data.get(key) is not None:
                data[key] = int(data[key])
        return Enterprise(id=self.enterprise.id, **data)

    # -- landlord --------------------------------------------------------------------------
    def _set_landlord(self, enterprise_id: str | None, *, commit: bool) -> None:
        self._landlord_id = enterprise_id
        name = repo.name_of(self.store, enterprise_id) if enterprise_id else ""
        self.landlord_label.setText(name or self.tr("(not rented premises)"))
        if commit:
            self._commit("landlord_id")

    def _on_choose_landlord(self) -> None:
        from ..widgets.pickers import EnterprisePickerDialog

        dlg = EnterprisePickerDialog(self.store, self, exclude_id=self.enterprise.id)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.chosen_id:
            self._set_landlord(dlg.chosen_id, commit=True)

    def _show_tenants(self) -> None:
        if not self.enterprise.id:
            self.tenants_label.hide()
            return
        rows = repo.tenants(self.store, self.enterprise.id)
        if rows:
            links = "、".join(f'<a href="{i}">{n}</a>' for i, n in rows)
            self.tenants_label.setText(self.tr("Tenants on these premises: ") + links)
            self.tenants_label.show()
        else:
            self.tenants_label.hide()

    # -- validation ------------------------------------------------------------------------
    def _message(self, key: str, text: str, *, warning: bool = False) -> None:
        msg = self.messages.get(key)
        if msg is None:
            return
        msg.setText(text)
        msg.setStyleSheet(WARN_STYLE if warning else ERROR_STYLE)
        msg.setVisible(bool(text))

    def _check_field(self, key: str) -> None:
        """Immediate feedback on the fields where it helps most."""
        if key == "uscc":
            text = self.value("uscc").strip()
            if not text:
                self._message("uscc", "")
                return
            try:
                code = uscc_mod.validate(text).code
            except uscc_mod.UsccError as e:
                self._message("uscc", str(e))
                return
            hit = repo.find_by_uscc(self.store, code)
            if hit and hit[0] != self.enterprise.id:
                self._message("uscc", repo.DuplicateError(hit[0], hit[1], code).args[0])
            else:
                self._message("uscc", "")
        elif key == "name":
            name = self.value("name").strip()
            if not name:
                self._message("name", "")
                return
            hits = repo.similar(self.store, name, exclude_id=self.enterprise.id)
            if hits:
                self._message("name", self.tr("Similar names already registered: ") +
                              "、".join(n for _i, n in hits), warning=True)
            else:
                self._message("name", "")

    def save(self) -> bool:
        """Validate and write; show every problem next to its field. True when saved."""
        for key in self.messages:
            self._message(key, "")
        ent = self.to_enterprise()
        saved: list[Enterprise] = []
        Op(self, lambda: repo.save(self.store, ent), changes={Change.ENTERPRISE}) \
            .success(lambda _r: saved.append(ent)).failure(self._on_save_failed).run()
        if not saved:
            return False
        self.enterprise = ent
        self.undo_stack.setClean()
        self.saved.emit(ent.id)
        return True

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationErrors):
            for key, text in exc.errors.items():
                self._message(key, text)
            first = next(iter(exc.errors))
            self.widgets.get(first, self).setFocus()
        elif isinstance(exc, repo.DuplicateError):
            self._message("uscc", str(exc))
            self.widgets["uscc"].setFocus()
        else:
            show_failure(self, exc)


class EnterpriseDialog(QDialog):
    """An enterprise's dossier: the form, and pages later modules add (obligations, history…)."""

    saved = Signal(str)
    open_requested = Signal(str)

    def __init__(self, store: Store, enterprise_id: str | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        ent = repo.get(store, enterprise_id) if enterprise_id else Enterprise()
        self.form = EnterpriseForm(store, ent, self)
        self.form.saved.connect(self.saved)
        self.form.open_requested.connect(self._on_open_requested)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("Basic information"))
        self.pages: dict[str, QWidget] = {}
        if ent.id:
            from ..modules import enterprise_pages

            for title, factory in enterprise_pages():
                page = factory(store, ent.id, self)
                self.pages[title] = page
                if hasattr(page, "inspection_requested"):
                    page.inspection_requested.connect(self._on_inspection_requested)
                self.tabs.addTab(page, QCoreApplication.translate("Modules", title))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.redo_button = QPushButton(self.tr("&Redo"), self)
        self.undo_button.clicked.connect(self.form.undo_stack.undo)
        self.redo_button.clicked.connect(self.form.undo_stack.redo)
        self.form.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.form.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        undo = self.form.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.form.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.setWindowTitle(ent.name or self.tr("New enterprise"))
        self.resize(1180, 720)

    def _on_inspection_requested(self, enterprise_id: str) -> None:
        from ..inspection.start_dialog import start_inspection_interactive

        start_inspection_interactive(self.store, enterprise_id, self)

    def _on_save(self) -> None:
        if self.form.save():
            self.setWindowTitle(self.form.enterprise.name)
            self.accept()

    def _on_open_requested(self, enterprise_id: str) -> None:
        self.open_requested.emit(enterprise_id)

    def reject(self) -> None:
        if not self.form.undo_stack.isClean():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("This enterprise has unsaved changes. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
