"""Fines on the spot, at their boundaries: 简易程序 limits (行政处罚法第51条: 200 元 for a citizen,
3,000 元 for a unit) and cash collection on the spot (第68条: up to 100 元, or when the fine would
be hard to collect later). Every limit is tested on both sides of its edge."""

from datetime import date, datetime

import pytest

from inspector_app.core import documents as d

AUTHORITY = d.Authority(name="江阴市应急管理局", abbr="澄", review_government="江阴市人民政府",
                        court="江阴市人民法院", township="周庄镇",
                        bank="中国农业银行江阴支行", account="10640101040001234")
OFFICERS = (d.Officer("张建国", "32028100123"), d.Officer("李雪梅", "32028100456"))
PARTY = d.Party(name="江阴市周庄华明机械配件厂")
PERSON = d.Individual(name="刘强")
LIMITS = dict(max_fine_individual=200, max_fine_unit=3000)   # the 2021 law


def penalty(amount, *, variant="unit", payment="银行缴纳", penalty="罚款", hard=False):
    kw = dict(authority=AUTHORITY, officers=OFFICERS, issued_on=date(2026, 3, 5), variant=variant,
              decided_at=datetime(2026, 3, 5, 10), place="车间", facts="未佩戴劳动防护用品",
              violated="某条", basis="某条", penalty=penalty, amount=amount, payment=payment,
              hard_to_enforce=hard, basis_provides_warning="警告" in penalty)
    kw["party" if variant == "unit" else "person"] = PARTY if variant == "unit" else PERSON
    return d.SpotPenalty(**kw)


# --- simple-procedure limits ------------------------------------------------------------------------

@pytest.mark.parametrize("variant, limit", [("individual", 200), ("unit", 3000)])
def test_fine_up_to_the_limit_is_allowed(variant, limit):
    doc = penalty(limit, variant=variant)
    assert doc.validate(**LIMITS) is doc


@pytest.mark.parametrize("variant, limit, who", [("individual", 200, "公民"), ("unit", 3000, "法人或者其他组织")])
def test_one_yuan_over_the_limit_needs_the_ordinary_procedure(variant, limit, who):
    with pytest.raises(ValueError, match=f"对{who}当场处罚的罚款不得超过{limit}元.*普通程序"):
        penalty(limit + 1, variant=variant).validate(**LIMITS)


def test_an_individual_does_not_get_the_units_limit():
    with pytest.raises(ValueError, match="不得超过200元"):
        penalty(201, variant="individual").validate(max_fine_individual=200, max_fine_unit=3000)
    with pytest.raises(ValueError, match="不得超过50元"):
        penalty(51, variant="individual").validate(max_fine_individual=50, max_fine_unit=1000)


def test_the_limits_are_settings():
    with pytest.raises(ValueError, match="不得超过1000元"):
        penalty(1001).validate(max_fine_individual=50, max_fine_unit=1000)
    assert penalty(1000).validate(max_fine_individual=50, max_fine_unit=1000)


@pytest.mark.parametrize("kind", ["没收违法所得", "责令停产停业", "暂扣许可证"])
def test_simple_procedure_gives_only_a_warning_or_a_fine(kind):
    with pytest.raises(ValueError, match="只能给予警告或者罚款"):
        penalty(100, penalty=kind)


def test_warning_only_has_no_amount_and_a_fine_has_one():
    assert penalty(0, penalty="警告").validate(**LIMITS)
    with pytest.raises(ValueError, match="罚款金额应为0"):
        penalty(50, penalty="警告").validate(**LIMITS)
    with pytest.raises(ValueError, match="请填写罚款金额"):
        penalty(0).validate(**LIMITS)


# --- cash on the spot (第68条) --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["罚款", "警告并处罚款"])
def test_cash_on_the_spot_up_to_100(kind):
    assert penalty(100, payment="当场缴纳", penalty=kind).validate(**LIMITS)
    assert penalty(1, payment="当场缴纳", penalty=kind, variant="individual").validate(**LIMITS)


@pytest.mark.parametrize("amount", [101, 200, 1000, 3000])
@pytest.mark.parametrize("kind", ["罚款", "警告并处罚款"])
def test_cash_over_100_must_go_to_the_bank(amount, kind):
    with pytest.raises(ValueError, match="当场收缴罚款仅限100元以下.*第68条"):
        penalty(amount, payment="当场缴纳", penalty=kind).validate(**LIMITS)
    assert penalty(amount, payment="银行缴纳", penalty=kind).validate(**LIMITS)


@pytest.mark.parametrize("amount", [101, 3000])
def test_cash_over_100_when_hard_to_collect_later(amount):
    # 第68条(二): 不当场收缴事后难以执行的 — e.g. a party with no fixed abode.
    assert penalty(amount, payment="当场缴纳", hard=True).validate(**LIMITS)


def test_hard_to_collect_does_not_lift_the_simple_procedure_limit():
    with pytest.raises(ValueError, match="不得超过3000元"):
        penalty(3001, payment="当场缴纳", hard=True).validate(**LIMITS)
    with pytest.raises(ValueError, match="不得超过200元"):
        penalty(201, variant="individual", payment="当场缴纳", hard=True).validate(**LIMITS)


def test_the_cash_limit_survives_storage():
    stored = penalty(101, payment="当场缴纳", hard=True).to_dict()
    assert stored["hard_to_enforce"] is True
    assert d.SpotPenalty.from_dict(stored).validate(**LIMITS)
    with pytest.raises(ValueError, match="第68条"):
        d.SpotPenalty.from_dict({**stored, "hard_to_enforce": False}).validate(**LIMITS)
