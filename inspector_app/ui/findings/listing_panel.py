"""挂牌督办 of a major finding: list it for supervision, later de-list it (摘牌)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core import clock
from ...core import findings as rules
from ...storage.db import Store
from ..widgets.dates import date_edit, to_date
from ..widgets.messages import inline_failure, set_message
from . import ops
from .five_panel import field_message


class ListingPanel(QWidget):
    """The 挂牌督办 tab of the finding dossier; failures go to the dossier's ``message``."""

    saved = Signal()

    def __init__(self, store: Store, finding_id: str, message: QLabel, parent=None):
        super().__init__(parent)
        self.store = store
        self.finding_id = finding_id
        self.message = message
        self.finding: dict = {}
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.state_label = QLabel(self)
        self.state_label.setObjectName("listingState")
        self.state_label.setWordWrap(True)
        self.list_box = QGroupBox(self.tr("List for supervision"), self)
        form = QFormLayout(self.list_box)
        today = clock.today()
        for key, w in (("listing_body", QLineEdit(self)), ("listing_doc_no", QLineEdit(self)),
                       ("listed_on", date_edit(self, today)),
                       ("listing_deadline", date_edit(self, today + timedelta(days=90)))):
            w.setObjectName(key)
            self.fields[key] = w
            self.messages[key] = field_message(self, key)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(w)
            cell.addWidget(self.messages[key])
            form.addRow(QCoreApplication.translate("Finding", rules.LISTING_LABELS[key]), cell)
        self.fields["listing_body"].setPlaceholderText("江阴市安全生产委员会办公室")
        self.fields["listing_doc_no"].setPlaceholderText(self.tr("optional, e.g. 澄安委办〔2026〕3号"))
        self.list_button = QPushButton(self.tr("&List for supervision"), self)
        self.list_button.setObjectName("listButton")
        self.list_button.clicked.connect(self._on_list_clicked)
        form.addRow("", self.list_button)
        self.delist_box = QGroupBox(self.tr("De-list (摘牌)"), self)
        form = QFormLayout(self.delist_box)
        self.delist_on = date_edit(self, today, name="delistedOn")
        self.delist_note = QLineEdit(self)
        self.delist_note.setObjectName("delistNote")
        self.delist_button = QPushButton(self.tr("&De-list"), self)
        self.delist_button.setObjectName("delistButton")
        self.delist_button.clicked.connect(self._on_delist_clicked)
        form.addRow(QCoreApplication.translate("Finding", rules.LISTING_LABELS["delisted_on"]), self.delist_on)
        form.addRow(self.tr("Note"), self.delist_note)
        form.addRow("", self.delist_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.state_label)
        lay.addWidget(self.list_box)
        lay.addWidget(self.delist_box)
        lay.addStretch(1)

    def load(self, f: dict) -> None:
        self.finding = f
        if f["listed"]:
            self.state_label.setText(
                "<b>" + self.tr("Listed for supervision") + f"</b>：{f['listing_body']} {f['listing_doc_no']}，"
                f"{f['listed_on']} → {f['listing_deadline']}")
        elif f["delisted_on"]:
            self.state_label.setText(
                self.tr("De-listed on %1").replace("%1", f["delisted_on"])
                + f"（{f['listing_body']} {f['listing_doc_no']}，{f['listed_on']}）")
        else:
            self.state_label.setText(self.tr("Not listed for supervision."))
        self.list_box.setVisible(not f["listed"] and not f["delisted_on"] and f["state"] != "closed")
        self.delist_box.setVisible(bool(f["listed"]))
        self.delist_button.setEnabled(f["state"] in ("passed", "closed"))
        self.delist_button.setToolTip("" if self.delist_button.isEnabled()
                                      else self.tr("A listing is removed after a passed re-inspection"))

    def _on_list_clicked(self) -> None:
        body = self.fields["listing_body"].text().strip()
        doc_no = self.fields["listing_doc_no"].text().strip()
        listed_on = to_date(self.fields["listed_on"].date())
        deadline = to_date(self.fields["listing_deadline"].date())
        errs = rules.listing_errors(grade=self.finding.get("grade"), body=body, doc_no=doc_no,
                                    listed_on=listed_on, deadline=deadline)
        for key, lab in self.messages.items():
            set_message(lab, errs.get(key, ""))
        if errs:
            set_message(self.message, errs.get("grade") or self.tr("Please correct the marked fields."))
            return
        ops.list_for_supervision(self, self.store, self.finding_id, body=body, doc_no=doc_no,
                                 listed_on=listed_on, deadline=deadline) \
            .success(lambda _r: self.saved.emit()) \
            .failure(inline_failure(self.message, self)) \
            .run()

    def _on_delist_clicked(self) -> None:
        ops.delist(self, self.store, self.finding_id, on=to_date(self.delist_on.date()),
                   note=self.delist_note.text().strip()) \
            .success(lambda _r: self.saved.emit()) \
            .failure(inline_failure(self.message, self)) \
            .run()


__all__ = ["ListingPanel"]
