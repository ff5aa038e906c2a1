"""What an import row changes in an enterprise already in the registry, for the preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.enterprise import LABELS_ZH

EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    field: str
    label: str      # the field's Chinese label
    old: str        # as the officer reads it (village and landlord by name)
    new: str

    def __str__(self) -> str:
        return f"{self.label}：{self.old} → {self.new}"


def _shown(field: str, value, name_of: Callable[[str, str], str]) -> str:
    if value is None or value == "":
        return EMPTY
    if field == "risk_tags":
        return "、".join(t for t in str(value).split("|") if t) or EMPTY
    if field in ("village_id", "landlord_id"):
        return name_of(field, value) or str(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def diff(before: dict, after: dict, name_of: Callable[[str, str], str]) -> list[Change]:
    """The fields that differ between two ``Enterprise.to_row()`` dicts, in form order.

    ``name_of(field, id)`` turns a village or landlord id into its name.
    """
    out = []
    for field in after:
        if field not in LABELS_ZH:
            continue  # id, timestamps, derived keys
        old, new = before.get(field), after.get(field)
        if (old or None) == (new or None):
            continue
        out.append(Change(field, LABELS_ZH[field], _shown(field, old, name_of), _shown(field, new, name_of)))
    return out
