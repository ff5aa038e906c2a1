"""Register entries as a table: the model and its view (register, enterprise, finding)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView, QWidget

from ...core import documents as docs
from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage import documents as doc_store
from ...storage.db import Store
from ..widgets.tables import ListTableModel, table_view

VOID_COLOR = QColor("#9e9e9e")
SUPERSEDED_COLOR = QColor("#8a5a00")
UNSERVED_COLOR = QColor("#b00020")


def entry_of(row: dict) -> dict:
    """A ``get_document`` row in the shape of a ``register`` entry (what the models show)."""
    return {
        "id": row["id"], "kind": row["kind"], "title": row["title"], "doc_no": row["doc_no"],
        "series": row["series"], "year": row["year"], "seq": row["seq"],
        "issued_at": row["issued_at"], "issued_on": row["issued_on"],
        "status": row["register_status"], "status_label": doc_store.STATUS_LABELS[row["register_status"]],
        "void_reason": row["void_reason"], "enterprise_id": row["enterprise_id"], "party": row["party"],
        "officers": "、".join(f"{o['name']}（{o['cert_no']}）" if o["cert_no"] else o["name"]
                             for o in row["officers"]),
        "served_at": row["served_at"], "served_how": row["served_how"],
        "service_refused": bool(row["service_refused"]), "service_note": row["service_note"],
        "supersedes_doc_no": row["supersedes_doc_no"] or "", "superseded_by_doc_no": row["superseded_by_doc_no"] or "",
        "inspection_id": row.get("inspection_id"),
    }


def documents_of_enterprise(store: Store, enterprise_id: str) -> list[dict]:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM document WHERE enterprise_id = ? AND deleted = 0 ORDER BY issued_at DESC, series, seq",
        [enterprise_id])]
    return [entry_of(doc_store.get_document(store, i)) for i in ids]


def service_text(e: dict) -> str:
    if not e.get("served_at"):
        return ""
    text = f"{e['served_at'][:16].replace('T', ' ')} {e['served_how']}"
    if e.get("service_refused"):
        text += "（拒收）"
    return text


def note_text(e: dict) -> str:
    parts = []
    if e.get("status") == "void" and e.get("void_reason"):
        parts.append(f"作废原因：{e['void_reason']}")
    if e.get("superseded_by_doc_no"):
        parts.append(f"已被{e['superseded_by_doc_no']}更正")
    if e.get("supersedes_doc_no"):
        parts.append(f"更正{e['supersedes_doc_no']}")
    return "；".join(parts)


@cache
def _struck() -> QFont:  # made on first use: a QFont wants the application to exist
    f = QFont()
    f.setStrikeOut(True)
    return f


class DocumentListModel(ListTableModel):
    """Register entries (small lists: one year, one enterprise, one finding)."""

    COLUMNS = (
        ("doc_no", QT_TRANSLATE_NOOP("DocumentListModel", "Number")),
        ("title", QT_TRANSLATE_NOOP("DocumentListModel", "Document")),
        ("status_label", QT_TRANSLATE_NOOP("DocumentListModel", "Status")),
        ("issued_on", QT_TRANSLATE_NOOP("DocumentListModel", "Date")),
        ("party", QT_TRANSLATE_NOOP("DocumentListModel", "Party")),
        ("officers", QT_TRANSLATE_NOOP("DocumentListModel", "Officers")),
        ("service", QT_TRANSLATE_NOOP("DocumentListModel", "Service")),
        ("note", QT_TRANSLATE_NOOP("DocumentListModel", "Note")),
    )

    @property
    def entries(self) -> list[dict]:
        return self.rows

    def set_entries(self, entries: list[dict]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> dict | None:
        return self.row_at(row)

    def row_of(self, document_id: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e["id"] == document_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "service":
                text = service_text(e)
                if e["kind"] == docs.CASE_REFERRAL:
                    return "移送县局，无需送达"  # the letter goes to the bureau, not to the party
                if role == Qt.ItemDataRole.DisplayRole and not text and e["status"] != "void":
                    return "未送达"
                return text + (f"\n{e['service_note']}" if role == Qt.ItemDataRole.ToolTipRole
                               and e.get("service_note") else "")
            if key == "note":
                return note_text(e)
            value = e.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if e["status"] == "void":
                return QBrush(VOID_COLOR)
            if e["status"] == "superseded":
                return QBrush(SUPERSEDED_COLOR)
            if key == "service" and not e.get("served_at") and e["kind"] != docs.CASE_REFERRAL:
                return QBrush(UNSERVED_COLOR)
        if role == Qt.ItemDataRole.FontRole and e["status"] == "void" and key == "doc_no":
            return _struck()
        if role == Qt.ItemDataRole.UserRole:
            return e["id"]
        return None


def document_table(parent: QWidget, model: DocumentListModel, widths=(230, 130, 60, 90, 220, 200, 150),
                   *, name: str = "") -> QTableView:
    return table_view(parent, model, name=name, widths=widths)


__all__ = ["DocumentListModel", "document_table", "documents_of_enterprise", "entry_of", "note_text",
           "service_text"]
