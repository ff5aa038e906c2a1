"""First-run setup: what every document later needs. Editable later from Settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QFormLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage)

from ..core import settings as S
from ..storage import settings, township
from ..storage.db import Store
from ..storage.township import SETUP_OPTIONS, Officer, TownshipSetup
from .operations import Change, Op, show_failure

ERROR_STYLE = "color: #b00020;"



class _Page(QWizardPage):
    def __init__(self, wizard: "SetupWizard", title: str, subtitle: str):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

    def keys(self) -> tuple[str, ...]:
        return ()

    def validatePage(self) -> bool:  # Qt override
        errs = self.wiz.collect().errors()
        mine = [errs[k] for k in self.keys() if k in errs]
        self.error.setText("\n".join(mine))
        return not mine


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
        form.addRow(QCoreApplication.translate("SetupWizard", "Authority full name:"), self.name)
        form.addRow(QCoreApplication.translate("SetupWizard", "Abbreviation in document numbers:"), self.abbr)
        form.addRow(QCoreApplication.translate("SetupWizard", "Administrative review government:"), self.review)
        form.addRow(QCoreApplication.translate("SetupWizard", "Court for litigation:"), self.court)
        form.addRow(self.error)

    def keys(self):
        return (S.AUTHORITY_NAME.key, S.AUTHORITY_ABBR.key)


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
        self.villages = QPlainTextEdit("\n".join(s.villages), self)
        form.addRow(QCoreApplication.translate("SetupWizard", "Township / sub-district:"), self.township)
        form.addRow(QCoreApplication.translate("SetupWizard", "Township government:"), self.government)
        form.addRow(QCoreApplication.translate("SetupWizard", "This laptop's device code:"), self.device)
        form.addRow(QCoreApplication.translate("SetupWizard", "Villages / communities:"), self.villages)
        form.addRow(self.error)

    def keys(self):
        return (S.TOWNSHIP.key, S.DEVICE_CODE.key, "villages")


class OfficersPage(_Page):
    def __init__(self, wizard):
        super().__init__(wizard, QCoreApplication.translate("SetupWizard", "Officers"),
                         QCoreApplication.translate("SetupWizard", "At least two officers with enforcement certificate numbers."))
        self.table = QTableWidget(8, 3, self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SetupWizard", "Name"), QCoreApplication.translate("SetupWizard", "Certificate no."), QCoreApplication.translate("SetupWizard", "Phone")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, o in enumerate(wizard.initial.officers[:8]):
            for c, v in enumerate((o.name, o.cert_no, o.phone)):
                self.table.setItem(r, c, QTableWidgetItem(v))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def keys(self):
        return ("officers",)

    def officers(self) -> list[Officer]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [(self.table.item(r, c).text().strip() if self.table.item(r, c) else "") for c in range(3)]
            if any(cells):
                out.append(Officer(name=cells[0], cert_no=cells[1], phone=cells[2]))
        return out


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent=None, *, initial: TownshipSetup | None = None):
        super().__init__(parent)
        self.store = store
        self.initial = initial or self._from_store()
        self.setWindowTitle(self.tr("First-run setup"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.authority = AuthorityPage(self)
        self.township_page = TownshipPage(self)
        self.officers_page = OfficersPage(self)
        for page in (self.authority, self.township_page, self.officers_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(640, 480)

    def _from_store(self) -> TownshipSetup:
        return TownshipSetup(
            **settings.get_many(self.store, SETUP_OPTIONS),  # the fields are named by the keys
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
        # Keep ids of officers already stored so editing does not duplicate them.
        known = {(o.name, o.cert_no): o.id for o in township.list_officers(self.store, active_only=False)}
        for o in setup.officers:
            o.id = known.get((o.name, o.cert_no))
        applied: list[bool] = []
        Op(self, lambda: township.apply_setup(self.store, setup), changes={Change.TOWNSHIP}) \
            .success(lambda _r: applied.append(True)).failure(self._on_apply_failed).run()
        if applied:
            super().accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError):  # what the officer typed: shown on the page, the wizard stays
            self.officers_page.error.setText(str(exc))
        else:
            show_failure(self, exc)
