"""First-run setup: what every document later needs. Edited later in Settings (its own dialog).

The wizard cannot get stuck: every problem is shown under the field it concerns (a village or an
officer entered twice, a half-filled officer row, a bad phone number), Next and Finish say why
they refuse, and Finish either saves everything in one transaction or says why not.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizard, QWizardPage)

from ..core import settings as S
from ..core.township import officer_row_problems
from ..storage import settings as settings_store
from ..storage import township
from ..storage.db import Store
from ..storage.township import SETUP_OPTIONS, Officer, TownshipSetup
from .operations import Change, Op, show_failure
from .widgets.messages import ERROR_STYLE, HINT_STYLE, error_label, set_message

BAD_CELL = QColor("#fde7e9")
OFFICER_ID = Qt.ItemDataRole.UserRole


class _Page(QWizardPage):
    def __init__(self, wizard: "SetupWizard", title: str, subtitle: str):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.field_errors: dict[str, QLabel] = {}  # setup field → the message under its input
        self.error = QLabel(self)  # what concerns the page as a whole (e.g. saving failed)
        self.error.setObjectName("pageError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

    def _field(self, form: QFormLayout, label: str, widget, key: str | None = None) -> None:
        form.addRow(label, widget)
        if key:
            lab = error_label(self, f"error_{key}")
            self.field_errors[key] = lab
            form.addRow("", lab)

    def keys(self) -> tuple[str, ...]:
        return tuple(self.field_errors)

    def show_errors(self, errs: dict[str, str]) -> bool:
        """Put each message under its field; True when this page has none."""
        for key, lab in self.field_errors.items():
            set_message(lab, errs.get(key, ""))
        return not any(k in errs for k in self.keys())

    def validatePage(self) -> bool:  # Qt override
        self.error.clear()
        return self.show_errors(self.wiz.collect().errors())


class AuthorityPage(_Page):
    def __init__(self, wizard):
        super().__init__(wizard, QCoreApplication.translate("SetupWizard", "Issuing authority"),
                         QCoreApplication.translate("SetupWizard", "In Jiangyin, townships act in the name of the entrusting authority "
                            "(江阴市应急管理局). These appear on every document."))
        form = QFormLayout(self)
        s = wizard.initial
        self.name = QLineEdit(s.authority_name, self)
        self.abbr = QLineEdit(s.authority_abbr, self)
        self.abbr.setMaxLength(4)
        self.review = QLineEdit(s.review_government, self)
        self.court = QLineEdit(s.court, self)
        self._field(form, QCoreApplication.translate("SetupWizard", "Authority full name:"), self.name, S.AUTHORITY_NAME.key)
        self._field(form, QCoreApplication.translate("SetupWizard", "Abbreviation in document numbers:"), self.abbr, S.AUTHORITY_ABBR.key)
        self._field(form, QCoreApplication.translate("SetupWizard", "Administrative review government:"), self.review)
        self._field(form, QCoreApplication.translate("SetupWizard", "Court for litigation:"), self.court)
        form.addRow(self.error)


class TownshipPage(_Page):
    def __init__(self, wizard):
        super().__init__(wizard, QCoreApplication.translate("SetupWizard", "Township and villages"),
                         QCoreApplication.translate("SetupWizard", "One village or community per line."))
        s = wizard.initial
        form = QFormLayout(self)
        self.township = QLineEdit(s.township, self)
        self.government = QLineEdit(s.township_government, self)
        self.device = QLineEdit(s.device_code, self)
        self.device.setMaxLength(6)
        self.device.setPlaceholderText(QCoreApplication.translate("SetupWizard", "e.g. A1 — given by the county, unique per laptop"))
        if wizard.series_in_use:
            # Changing it would restart numbering: that is Settings' job, with a confirmation.
            self.device.setReadOnly(True)
            self.device.setToolTip(QCoreApplication.translate("SetupWizard", "This laptop has issued documents under this code; change it in "
                                      "Settings, which explains what it does to numbering."))
        self.villages = QPlainTextEdit("\n".join(s.villages), self)
        self._field(form, QCoreApplication.translate("SetupWizard", "Township / sub-district:"), self.township, S.TOWNSHIP.key)
        self._field(form, QCoreApplication.translate("SetupWizard", "Township government:"), self.government)
        self._field(form, QCoreApplication.translate("SetupWizard", "This laptop's device code:"), self.device, S.DEVICE_CODE.key)
        self._field(form, QCoreApplication.translate("SetupWizard", "Villages / communities:"), self.villages, "villages")
        form.addRow(self.error)


class OfficersPage(_Page):
    COLUMNS = 3

    def __init__(self, wizard):
        super().__init__(wizard, QCoreApplication.translate("SetupWizard", "Officers"),
                         QCoreApplication.translate("SetupWizard", "At least two officers with enforcement certificate numbers. "
                            "Add as many as the township has."))
        officers = wizard.initial.officers
        self.table = QTableWidget(max(len(officers) + 2, 6), self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SetupWizard", "Name"), QCoreApplication.translate("SetupWizard", "Certificate no."), QCoreApplication.translate("SetupWizard", "Phone")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, o in enumerate(officers):
            for c, v in enumerate((o.name, o.cert_no, o.phone)):
                item = QTableWidgetItem(v)
                if c == 0:
                    item.setData(OFFICER_ID, o.id)  # kept: a corrected number is the same officer
                self.table.setItem(r, c, item)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(QCoreApplication.translate("SetupWizard", "Add a row"), self)
        self.add_button.setObjectName("addOfficerRow")
        self.add_button.clicked.connect(self._on_add_clicked)
        hint = QLabel(QCoreApplication.translate("SetupWizard", "Leave a row empty to skip it. Phone: a mobile (13812345678) or a landline "
                         "with its area code (0510-86861234)."), self)
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        self.field_errors["officers"] = error_label(self, "error_officers")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.field_errors["officers"])
        layout.addWidget(self.error)

    def _on_add_clicked(self) -> None:
        self.table.insertRow(self.table.rowCount())
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        # Typing in the last row opens another: a township with many officers never runs out.
        if item.row() == self.table.rowCount() - 1 and item.text().strip():
            self.table.insertRow(self.table.rowCount())

    def _cells(self, r: int) -> list[str]:
        return [(self.table.item(r, c).text().strip() if self.table.item(r, c) else "")
                for c in range(self.COLUMNS)]

    def entries(self) -> list[tuple[int, Officer]]:
        """(table row, officer) of every row with anything typed in it."""
        out = []
        for r in range(self.table.rowCount()):
            cells = self._cells(r)
            if any(cells):
                first = self.table.item(r, 0)
                oid = first.data(OFFICER_ID) if first is not None else None
                out.append((r, Officer(name=cells[0], cert_no=cells[1], phone=cells[2], id=oid or None)))
        return out

    def officers(self) -> list[Officer]:
        return [o for _r, o in self.entries()]

    def show_errors(self, errs: dict[str, str]) -> bool:
        entries = self.entries()
        bad = officer_row_problems([o for _r, o in entries])
        bad_rows = {entries[i][0]: msg for i, msg in bad.items()}
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            for c in range(self.COLUMNS):
                item = self.table.item(r, c)
                if item is None:
                    if r not in bad_rows:
                        continue
                    item = QTableWidgetItem("")
                    self.table.setItem(r, c, item)
                item.setBackground(QBrush(BAD_CELL) if r in bad_rows else QBrush())
                item.setToolTip(bad_rows.get(r, ""))
        self.table.blockSignals(False)
        # Messages name the table row the officer sees, not the n-th filled entry.
        lines = [line for line in errs.get("officers", "").splitlines() if not line.startswith("第")]
        lines += [QCoreApplication.translate("SetupWizard", "Row %1: ").replace("%1", str(r + 1)) + msg for r, msg in sorted(bad_rows.items())]
        set_message(self.field_errors["officers"], "\n".join(lines))
        return "officers" not in errs


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent=None, *, initial: TownshipSetup | None = None):
        super().__init__(parent)
        self.store = store
        self.initial = initial or self._from_store()
        current = settings_store.get(store, S.DEVICE_CODE)
        self.series_in_use = bool(current) and township.documents_in_series(store, current) > 0
        self.setWindowTitle(self.tr("First-run setup"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.authority = AuthorityPage(self)
        self.township_page = TownshipPage(self)
        self.officers_page = OfficersPage(self)
        self.pages = (self.authority, self.township_page, self.officers_page)
        for page in self.pages:
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        from .sync.setup_dialog import add_bundle_setup  # issue 14: or from the county's bundle

        add_bundle_setup(self)
        self.resize(680, 560)

    def _from_store(self) -> TownshipSetup:
        return TownshipSetup(
            **settings_store.get_many(self.store, SETUP_OPTIONS),  # the fields are named by the keys
            villages=[v.name for v in township.list_villages(self.store)],
            officers=township.list_officers(self.store),
        )

    def collect(self) -> TownshipSetup:
        return TownshipSetup(
            authority_name=self.authority.name.text(), authority_abbr=self.authority.abbr.text(),
            review_government=self.authority.review.text(), court=self.authority.court.text(),
            township=self.township_page.township.text(),
            township_government=self.township_page.government.text(),
            device_code=self.township_page.device.text(),
            villages=self.township_page.villages.toPlainText().splitlines(),
            officers=self.officers_page.officers(),
        )

    def accept(self) -> None:  # Qt override
        setup = self.collect()
        errs = setup.errors()
        if errs:
            # Every page shows its own; the wizard goes back to the first page with a problem.
            clean = [page.show_errors(errs) for page in self.pages]
            first_bad = clean.index(False)
            while self.currentPage() is not self.pages[first_bad] and self.currentId() > 0:
                self.back()
            return
        applied: list[bool] = []
        Op(self, lambda: township.apply_setup(self.store, setup), changes={Change.TOWNSHIP}) \
            .success(lambda _r: applied.append(True)).failure(self._on_apply_failed).run()
        if applied:
            super().accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError):  # what the officer typed: shown on the page, the wizard stays
            page = self.currentPage()
            (page.error if isinstance(page, _Page) else self.officers_page.error).setText(
                self.tr("Not saved: ") + str(exc))
        else:
            show_failure(self, exc)
