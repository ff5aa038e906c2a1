"""The part of the issue dialog that differs per document kind.

``IssueDocumentDialog`` (the frame) holds what every document has: the party, the date and
the number it will get, the officers, service, the issue button and the preview. It asks the
editor of its kind (``EDITORS[kind]``) for the rest: the fields, their prefill from an older
document (a correction), the content they make, and which findings the document orders.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from ....core import documents as docs
from ....storage import findings as findings_store

if TYPE_CHECKING:
    from ..issue_dialog import IssueDocumentDialog

EDITORS: dict[str, type["DocumentEditor"]] = {}


def register(cls: type["DocumentEditor"]) -> type["DocumentEditor"]:
    """Class decorator: the editor of ``cls.KIND``."""
    EDITORS[cls.KIND] = cls
    return cls


class DocumentEditor(QWidget):
    KIND = ""
    # Orders only: whether "start the rectification period" is ticked at first.
    ORDER_BY_DEFAULT = True

    def __init__(self, frame: "IssueDocumentDialog"):
        super().__init__(frame)
        self.frame = frame
        self.store = frame.store
        self.enterprise = frame.enterprise
        self.enterprise_id = frame.enterprise_id
        self.findings: list[dict] = frame.findings
        self.inspected_on: date = frame.inspected_on
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.build()

    # -- what the frame asks -------------------------------------------------------------------
    @property
    def enforcement(self) -> bool:
        """An enforcement document: two officers with certificates sign it."""
        return self.KIND in docs.ENFORCEMENT_KINDS

    @property
    def orders_findings(self) -> bool:
        """Issuing it may start the rectification period of the findings it names."""
        return self.KIND in findings_store.ORDER_DOCUMENT_KINDS

    def build(self) -> None:
        raise NotImplementedError

    def prefill(self, content: dict) -> None:
        """Fill the fields from an older document's content (a correction)."""

    def check(self) -> None:
        """Raise ``ValueError`` (shown in the dialog) when the fields cannot be issued."""

    def content(self) -> dict:
        """The kind's part of the content for ``issue_document`` (the frame adds the officers)."""
        raise NotImplementedError

    def order_deadlines(self) -> dict[str, date]:
        """Per-finding deadlines of the items that come from findings."""
        return {}

    def listed_finding_ids(self) -> set[str] | None:
        """The findings the document names (None: all the dialog's findings)."""
        return set(self.order_deadlines())

    # -- for the editors -------------------------------------------------------------------------
    def add_box(self, title: str, inner) -> QGroupBox:
        box = QGroupBox(title, self)
        if isinstance(inner, QWidget):
            QVBoxLayout(box).addWidget(inner)
        else:
            box.setLayout(inner)
        self.body.addWidget(box)
        return box


__all__ = ["EDITORS", "DocumentEditor", "register"]
