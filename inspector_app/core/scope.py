"""Focused or full inspection: a 7-person polishing shop need not face 97 checklist items.

A *focused* inspection keeps the items an officer must never skip — every item whose failure is
a major accident hazard (``major_ref``) — and the items the enterprise's risk tags select (a
checklist or an item whose ``applies`` names a tag the enterprise has, e.g. the whole 粉尘涉爆
checklist for a polishing shop). A *full* inspection keeps every applicable item. Small firms
default to focused (the threshold is a setting); the officer chooses in the start dialog, and the
现场检查记录 says which was done.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .enterprise import Enterprise
from .forms import ChecklistForm, Section, condition_holds

FOCUSED, FULL = "focused", "full"
SCOPES = (FOCUSED, FULL)
LABELS_ZH = {FOCUSED: "重点检查", FULL: "全面检查"}
# What the record prints after 检查范围：
RECORD_TEXT = {
    FOCUSED: "重点检查（重大事故隐患判定项及本单位风险类别对应的检查项，共{n}项）",
    FULL: "全面检查（适用于本单位的全部检查项，共{n}项）",
}


def check_scope(scope: str) -> str:
    if scope not in SCOPES:
        raise ValueError("检查范围应为“重点检查”或“全面检查”。")
    return scope


def _tag_selected(cond: Any, ent: Enterprise, untagged: Enterprise) -> bool:
    """The condition holds for the enterprise *because of* its risk tags: it would not hold for
    the same firm without them (a checklist that applies by sector anyway is not tag-selected)."""
    return bool(cond) and condition_holds(cond, ent) and not condition_holds(cond, untagged)


def focus(forms: list[ChecklistForm], ent: Enterprise) -> list[ChecklistForm]:
    """The focused subset of already assembled ``forms`` (forms and sections left empty go)."""
    untagged = replace(ent, risk_tags=[])
    out = []
    for form in forms:
        whole = _tag_selected(form.applies, ent, untagged)
        sections = []
        for s in form.sections:
            kept = tuple(it for it in s.items
                         if whole or it.is_major or _tag_selected(it.applies, ent, untagged))
            if kept:
                sections.append(Section(s.title, kept))
        if sections:
            out.append(replace(form, sections=tuple(sections)))
    return out


def default_scope(ent: Enterprise, max_employees: int) -> str:
    """Focused for a firm of at most ``max_employees`` people (known head count), else full."""
    n = ent.employees
    return FOCUSED if n is not None and 0 < n <= max_employees else FULL
