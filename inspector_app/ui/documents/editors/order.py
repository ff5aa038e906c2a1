"""责令限期整改指令书: the problems with their deadlines; issuing it orders the findings."""

from __future__ import annotations

from ....core import documents as docs
from .base import register
from .items import ItemsEditor


@register
class RectificationOrderEditor(ItemsEditor):
    KIND = docs.RECTIFICATION_ORDER


__all__ = ["RectificationOrderEditor"]
