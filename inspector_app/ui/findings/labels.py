"""Translated labels of a finding's states, events and 五到位 fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core import findings as rules


def state_label(state: str) -> str:
    return QCoreApplication.translate("FindingState", rules.STATE_LABELS.get(state, state))


def event_label(kind: str) -> str:
    return QCoreApplication.translate("FindingEvent", rules.EVENT_LABELS.get(kind, kind))


def five_label(key: str) -> str:
    return QCoreApplication.translate("Finding", rules.FIVE_LABELS[key])


__all__ = ["event_label", "five_label", "state_label"]
