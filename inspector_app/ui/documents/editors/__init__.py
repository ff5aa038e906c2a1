"""One editor per document kind, registered by kind (see ``base``)."""

from __future__ import annotations

from . import hazard_notice, on_site_measure, order, penalty, reinspection_opinion  # noqa: F401 — they register
from .base import EDITORS, DocumentEditor


def editor_for(kind: str) -> type[DocumentEditor]:
    """The editor class of ``kind`` (ValueError for a kind that is not issued from the dialog)."""
    try:
        return EDITORS[kind]
    except KeyError:
        raise ValueError(f"未知的文书类型：{kind}") from None


__all__ = ["EDITORS", "DocumentEditor", "editor_for"]
