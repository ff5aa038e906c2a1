"""Focused or full: the focused checklist of a small polishing shop keeps the major-hazard items
and what its risk tags select, and small firms default to it."""

import pytest

from inspector_app.core import forms, scope
from inspector_app.core.enterprise import Enterprise

SHOP = Enterprise(name="江阴某抛光店", scale="个体", employees=7, sector="机械", risk_tags=["粉尘涉爆"])


def _items(fs):
    return [it for f in fs for it in f.items()]


def test_a_small_polishing_shop_gets_a_short_focused_list():
    full = forms.assemble(forms.default_forms(), SHOP)
    focused = scope.focus(full, SHOP)
    assert len(_items(full)) > 80 and len(_items(focused)) <= 30
    kept = {it.key for it in _items(focused)}
    # Every major-hazard item of the full list stays.
    assert {it.key for it in _items(full) if it.is_major} <= kept
    # The 粉尘涉爆 checklist is selected by the tag: all of it, majors or not.
    dust = next(f for f in full if f.id == "dust_explosion")
    assert {it.key for it in dust.items()} <= kept
    # A list that applies by sector alone contributes only its major items.
    assert all(it.is_major for it in _items(focused) if it.form_id == "main_responsibility")


def test_tag_selected_items_of_a_general_list_stay():
    shop = Enterprise(name="江阴某汽修店", scale="小微", employees=6, sector="商贸", risk_tags=["燃气使用"])
    focused = scope.focus(forms.assemble(forms.default_forms(), shop), shop)
    small = [it for it in _items(focused) if it.form_id == "small_workshop"]
    assert small and all(it.applies for it in small)  # the 燃气使用 items, not the whole list


@pytest.mark.parametrize("employees, expected", [(7, "focused"), (20, "focused"), (21, "full"), (0, "full")])
def test_small_firms_default_to_focused(employees, expected):
    assert scope.default_scope(Enterprise(name="x", employees=employees), 20) == expected


def test_scope_is_checked():
    with pytest.raises(ValueError, match="重点检查"):
        scope.check_scope("half")
