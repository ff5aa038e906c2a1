"""The one officer picker: the township's officers as a checked list.

Used wherever officers sign something (an inspection, a document, a re-inspection). Who is
ticked at first:

- ``checked=[ids]`` — exactly those (an older record's officers; ones deactivated since stay
  listed so the record reads as it was);
- otherwise the pair used last (``remember_key``: the dialog stores its choice with
  :meth:`OfficerPicker.remember`), topped up to ``minimum`` with the laptop's own officer
  (setting ``current_officer_id``) and then the others in name order.

An officer without a certificate number is shown amber with a tooltip: enforcement documents
need two officers with certificates.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ...core import settings as S
from ...storage import settings, township
from ...storage.db import Store
from .. import state
from .messages import AMBER

DOCUMENT_OFFICERS_KEY = "persist/document_officers"


class OfficerPicker(QListWidget):
    """Officers with a check box each; the check state is the selection."""

    selection_changed = Signal()

    def __init__(self, store: Store, parent=None, *, checked: list[str] | None = None, minimum: int = 0,
                 remember_key: str | None = None, name: str = "officers"):
        super().__init__(parent)
        self.setObjectName(name)
        self.minimum = minimum
        self.remember_key = remember_key
        self.officer_list = township.list_officers(store)
        known = {o.id for o in self.officer_list}
        extra = township.get_officers(store, [i for i in (checked or []) if i not in known])
        self._listed = self.officer_list + extra
        no_cert = self.tr("no certificate")
        for o in self._listed:
            item = QListWidgetItem(f"{o.name}（{o.cert_no or no_cert}）", self)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if not o.cert_no:
                item.setToolTip(self.tr("No certificate number recorded: add it under Settings before "
                                        "this officer signs a document."))
                item.setForeground(QBrush(QColor(AMBER)))
        self.set_checked(list(checked) if checked is not None else self._default_ids(store, known))
        self.itemChanged.connect(self._on_item_changed)
        self.setMaximumHeight(max(60, min(180, 24 * (self.count() + 1))))

    def _default_ids(self, store: Store, known: set[str]) -> list[str]:
        remembered = (state.settings().value(self.remember_key) if self.remember_key else None) or []
        if isinstance(remembered, str):
            remembered = [remembered]
        chosen = [i for i in remembered if i in known]
        if len(chosen) < self.minimum:
            current = settings.get(store, S.CURRENT_OFFICER)
            chosen = [current] if current in known else []
            for o in self.officer_list:
                if len(chosen) >= self.minimum:
                    break
                if o.id not in chosen:
                    chosen.append(o.id)
        return chosen

    @property
    def officers(self) -> list:
        """The active officers listed (``township.Officer``)."""
        return self.officer_list

    def _on_item_changed(self, _item) -> None:
        self.selection_changed.emit()

    def set_checked(self, ids) -> None:
        wanted = set(ids)
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in wanted
                             else Qt.CheckState.Unchecked)

    set_checked_ids = set_checked

    def set_checked_names(self, names) -> None:
        wanted = set(names)
        self.set_checked([o.id for o in self._listed if o.name in wanted])

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def checked_officers(self) -> list[dict]:
        """The ticked officers as a document's ``officers`` (name and certificate number)."""
        by_id = {o.id: o for o in self._listed}
        return [{"name": by_id[i].name, "cert_no": by_id[i].cert_no} for i in self.checked_ids() if i in by_id]

    def remember(self) -> None:
        """Keep the ticked officers as the next dialog's default (with ``remember_key``)."""
        if self.remember_key:
            state.settings().setValue(self.remember_key, self.checked_ids())


__all__ = ["DOCUMENT_OFFICERS_KEY", "OfficerPicker"]
