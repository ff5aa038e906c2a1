"""A day's printing: every valid document issued on one day, rendered into one PDF."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout

from ...core import clock
from ...storage.db import Store
from ..widgets.dates import date_edit, to_date


def day_documents(store: Store, day) -> list[tuple[str, str, str]]:
    """(id, doc_no, kind) of the valid documents issued on ``day`` (void and corrected ones are
    not printed again), in the order they were issued."""
    return [tuple(r) for r in store.conn.execute(
        """SELECT d.id, d.doc_no, d.kind FROM document d
           WHERE d.deleted = 0 AND d.status = 'issued' AND substr(d.issued_at, 1, 10) = ?
             AND NOT EXISTS (SELECT 1 FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0)
           ORDER BY d.issued_at, d.series, d.kind, d.seq""", [str(day)[:10]])]


def render_documents(store: Store, ids: list[str], progress=None) -> bytes:
    """One PDF of the given documents (each from its frozen content), for a day's printing."""
    from ...reports import pdf_documents

    rows = []
    for doc_id in ids:
        kind, content, doc_no = store.conn.execute(
            "SELECT kind, content, doc_no FROM document WHERE id = ?", [doc_id]).fetchone()
        rows.append((kind, content, doc_no))
    total = len(rows)

    def batch():
        for i, (kind, content, doc_no) in enumerate(rows):
            if progress:
                progress(i, total)
            yield kind, json.loads(content), doc_no

    from ... import paths

    data = pdf_documents.render_many(batch(), photos_root=paths.photos_dir(store.path))
    if progress:
        progress(total, total)
    return data


class PrintDayDialog(QDialog):
    """Which day's documents to print (today by default)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print a day's documents"))
        self.day = date_edit(self, clock.today(), name="printDay")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Documents issued on"), self.day)
        form.addRow(self.buttons)

    def chosen_day(self):
        return to_date(self.day.date())


__all__ = ["PrintDayDialog", "day_documents", "render_documents"]
