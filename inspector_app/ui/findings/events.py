"""A finding's history (its events) as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...core.i18n import QT_TRANSLATE_NOOP
from ..widgets.tables import ListTableModel
from .labels import event_label, state_label


class EventsModel(ListTableModel):
    COLUMNS = (
        ("at", QT_TRANSLATE_NOOP("EventsModel", "Date")),
        ("kind", QT_TRANSLATE_NOOP("EventsModel", "Event")),
        ("state", QT_TRANSLATE_NOOP("EventsModel", "State")),
        ("new_deadline", QT_TRANSLATE_NOOP("EventsModel", "New deadline")),
        ("document", QT_TRANSLATE_NOOP("EventsModel", "Document")),
        ("note", QT_TRANSLATE_NOOP("EventsModel", "Note")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if key == "at":
            return e["at"][:16].replace("T", " ")
        if key == "kind":
            return event_label(e["kind"])
        if key == "state":
            if e["from_state"] and e["to_state"] and e["from_state"] != e["to_state"]:
                return f"{state_label(e['from_state'])} → {state_label(e['to_state'])}"
            return state_label(e["to_state"]) if e["to_state"] else ""
        if key == "document":
            return e.get("doc_no") or ""
        value = e.get(key)
        return "" if value is None else str(value)


__all__ = ["EventsModel"]
