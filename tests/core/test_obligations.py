"""Obligations derived from an enterprise profile, and the rules file that drives them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from inspector_app.core.enterprise import Enterprise
from inspector_app.core.forms import ChecklistForm, FormError, assemble, default_forms
from inspector_app.core.obligations import (
    default_rules,
    default_rules_path,
    derive_obligations,
    load_rules,
    obligations_form,
)

TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def rules():
    return default_rules()


@pytest.fixture(scope="module")
def forms():
    return default_forms()


def derive(e, rules, forms, **kw):
    return {o.id: o for o in derive_obligations(e, rules=rules, forms=forms, today=TODAY, **kw)}


def checklists(obs) -> set[str]:
    return {o.form_id for o in obs.values() if o.form_id}


WORKSHOP = {"employees": 8, "scale": "个体", "sector": "其他"}
DUST = {"employees": 120, "sector": "机械", "scale": "规上", "risk_tags": ["粉尘涉爆"],
        "revenue_wan": 3000, "main_revenue_wan": 3000}
COLD_STORE = {"employees": 60, "sector": "商贸", "scale": "规下", "risk_tags": ["涉氨制冷"],
              "revenue_wan": 2500, "main_revenue_wan": 2500, "full_time_managers": 1,
              "part_time_managers": 0}
# The example: a 320-staff hazardous-chemicals store with 2 managers and no engineer.
HAZCHEM_STORE = {"employees": 320, "sector": "危化", "scale": "规上", "risk_tags": ["危化品储存"],
                 "gbt_division": "59", "revenue_wan": 8000, "standardisation_grade": "三级",
                 "full_time_managers": 2, "part_time_managers": 0, "registered_engineers": 0}
WAREHOUSE_12 = {"employees": 12, "sector": "商贸", "scale": "小微", "gbt_division": "59"}


def ent(profile, **kw) -> Enterprise:
    return Enterprise(name="测试企业", **{**profile, **kw})


# --- 安全生产法第二十四条 and (十三): safety managers -------------------------------------------

def test_art24_para2_warehouse_of_12_needs_a_part_time_manager_not_a_full_time_one(rules):
    ob = derive(ent(WAREHOUSE_12, full_time_managers=0, part_time_managers=1), rules, {})["safety_organisation"]
    assert ob.status == "met"
    assert "第二十四条第二款" in ob.clause and "澄政发〔2012〕80号（十三）" in ob.clause
    assert "专职或者兼职" in ob.checklist_item.question
    none = derive(ent(WAREHOUSE_12, full_time_managers=0, part_time_managers=0), rules, {})
    assert none["safety_organisation"].status == "violated"


def test_art24_para1_warehousing_division_59_is_not_a_transport_unit(rules):
    ob = derive(ent(WAREHOUSE_12, full_time_managers=0, part_time_managers=1), rules, {})["safety_organisation"]
    assert "第二十四条第一款" not in ob.clause


@pytest.mark.parametrize("division", ["53", "54", "55", "56", "57"])
def test_art24_para1_transport_divisions_53_to_57_need_full_time_at_any_size(rules, division):
    ob = derive(ent(WAREHOUSE_12, gbt_division=division, full_time_managers=0, part_time_managers=1),
                rules, {})["safety_organisation"]
    assert ob.clause == "《安全生产法》第二十四条第一款" and "运输单位" in ob.detail
    assert ob.status == "violated"


@pytest.mark.parametrize("division", ["58", "59", "60"])
def test_art24_para1_forwarding_storage_post_only_with_dangerous_goods_tags(rules, division):
    plain = derive(ent(WAREHOUSE_12, gbt_division=division), rules, {})["safety_organisation"]
    assert "第二十四条第一款" not in plain.clause
    for tag in ("危化品储存", "危险物品装卸"):
        tagged = derive(ent(WAREHOUSE_12, gbt_division=division, risk_tags=[tag]), rules, {})
        assert tagged["safety_organisation"].clause == "《安全生产法》第二十四条第一款"


def test_art15_outsourced_service_never_replaces_the_manager(rules):
    # 8 staff, only an outsourced service on file: the law's full- or part-time person is missing.
    ob = derive(ent(WORKSHOP, safety_manager_type="委托服务", full_time_managers=0,
                    part_time_managers=0), rules, {})["safety_organisation"]
    assert ob.status == "violated" and "第十五条" in ob.clause and "委托服务不能替代" in ob.detail


def test_art24_stricter_rule_names_both_the_law_and_the_jiangyin_opinion_13(rules):
    ob = derive(ent(COLD_STORE), rules, {})["safety_organisation"]  # 60 staff
    assert "澄政发〔2012〕80号（十三）" in ob.clause and "《安全生产法》第二十四条第二款" in ob.clause
    assert "严于安全生产法第二十四条第二款" in ob.detail and "从严适用本市规定" in ob.detail
    assert ob.status == "met"  # one full-time manager
    part = derive(ent(COLD_STORE, full_time_managers=0, part_time_managers=2), rules, {})
    assert part["safety_organisation"].status == "violated"  # >50: part-time is not enough here


def test_opinion_13_over_50_unknown_only_while_the_count_is_empty(rules):
    ob = derive(ent(DUST), rules, {})["safety_organisation"]
    assert ob.status == "unknown" and ob.missing == ("full_time_managers",)
    assert derive(ent(DUST, full_time_managers=1), rules, {})["safety_organisation"].status == "met"


def test_art24_para1_construction_needs_full_time_manager_at_any_size(rules):
    obs = derive(ent(WORKSHOP, gbt_division="48", employees=12), rules, {})
    assert obs["safety_organisation"].clause == "《安全生产法》第二十四条第一款"
    assert "建筑施工单位" in obs["safety_organisation"].detail


# --- 安全生产法第二十七条第三款 and (十三): registered safety engineers ---------------------------

def test_art27_para3_hazchem_store_of_320_with_2_managers_and_no_engineer_is_a_violation(rules):
    ob = derive(ent(HAZCHEM_STORE), rules, {})["registered_safety_engineer"]
    assert ob.status == "violated" and ob.satisfied is False
    assert "第二十七条第三款" in ob.clause and "澄政发〔2012〕80号（十三）" in ob.clause
    assert "不少于1名注册安全工程师" in ob.checklist_item.question
    assert derive(ent(HAZCHEM_STORE, registered_engineers=1), rules, {})[
        "registered_safety_engineer"].status == "met"


def test_art27_para3_ratio_15_percent_of_all_managers_rounds_up(rules):
    big = ent(HAZCHEM_STORE, full_time_managers=10, part_time_managers=4, registered_engineers=2)
    ob = derive(big, rules, {})["registered_safety_engineer"]
    assert "不少于3名" in ob.checklist_item.question and ob.status == "violated"  # 14 × 15 % = 2.1 → 3


def test_art27_para3_trading_only_hazchem_firm_needs_no_engineer(rules):
    trader = ent(HAZCHEM_STORE, risk_tags=[], gbt_division="51")
    assert "registered_safety_engineer" not in derive(trader, rules, {})
    producer = ent(HAZCHEM_STORE, risk_tags=[], gbt_division="26")
    assert derive(producer, rules, {})["registered_safety_engineer"].status == "violated"


def test_art27_para3_pharma_division_alone_does_not_make_a_hazchem_firm(rules):
    from inspector_app.core import industry
    assert industry.default_sector("27") != "危化"
    pharma = ent({"employees": 80, "sector": "其他", "gbt_division": "27", "registered_engineers": 0})
    assert "registered_safety_engineer" not in derive(pharma, rules, {})


def test_art27_para3_hazchem_without_division_is_unknown_not_silent(rules):
    obs = derive(ent(HAZCHEM_STORE, risk_tags=[], gbt_division=""), rules, {})
    assert obs["registered_safety_engineer_scope"].status == "unknown"


def test_opinion_13_industrial_firm_of_300_needs_registered_engineers(rules):
    obs = derive(ent(DUST, employees=300, gbt_division="33"), rules, {})
    assert obs["registered_safety_engineer"].clause == "澄政发〔2012〕80号（十三）"
    assert obs["registered_safety_engineer"].status == "unknown"
    trade = derive(ent(COLD_STORE, employees=400, gbt_division="51"), rules, {})
    assert "registered_safety_engineer" not in trade  # wholesale is not industrial


def test_art27_title_is_registered_safety_engineer_with_junior_grade(rules):
    ob = derive(ent(HAZCHEM_STORE), rules, {})["registered_safety_engineer"]
    assert "初级注册安全工程师" in ob.checklist_item.suggestion
    assert "助理" not in ob.checklist_item.suggestion


# --- 安全总监 and 主营业务收入 ------------------------------------------------------------------

def test_safety_director_judged_from_the_registry(rules):
    assert derive(ent(DUST), rules, {})["safety_director"].status == "unknown"
    yes = derive(ent(DUST, safety_director_appointed=True, safety_director="王五"), rules, {})
    assert yes["safety_director"].status == "met" and "王五" in yes["safety_director"].detail
    no = derive(ent(DUST, safety_director_appointed=False), rules, {})
    assert no["safety_director"].status == "violated"


def test_safety_director_uses_main_business_revenue(rules):
    obs = derive(ent(COLD_STORE), rules, {})  # 60 staff, 主营业务收入 2500万
    assert "主营业务收入2500万元" in obs["safety_director"].detail
    low = derive(ent(COLD_STORE, main_revenue_wan=1999), rules, {})
    assert "safety_director" not in low and "safety_director_threshold" not in low
    unknown = derive(ent(COLD_STORE, main_revenue_wan=None), rules, {})
    assert "safety_director" not in unknown
    assert unknown["safety_director_threshold"].status == "unknown"


# --- 安监总管三〔2010〕186号 --------------------------------------------------------------------

@pytest.mark.parametrize("employees,count", [(10, 1), (50, 1), (51, 2), (100, 2), (320, 7)])
def test_hazchem_186_two_percent_rounds_up_with_a_minimum_of_one(rules, employees, count):
    obs = derive(ent(HAZCHEM_STORE, employees=employees), rules, {})
    assert f"不少于{count}名" in obs["hazchem_safety_staff"].checklist_item.question


def test_hazchem_186_judged_from_the_full_time_count(rules):
    assert derive(ent(HAZCHEM_STORE), rules, {})["hazchem_safety_staff"].status == "violated"  # 2 < 7
    assert derive(ent(HAZCHEM_STORE, full_time_managers=7), rules, {})["hazchem_safety_staff"].status == "met"
    assert derive(ent(HAZCHEM_STORE, full_time_managers=None), rules, {})[
        "hazchem_safety_staff"].status == "unknown"


# --- (七) standardisation: historical targets -------------------------------------------------

def test_opinion_7_passed_deadline_is_a_historical_target_not_a_violation(rules):
    obs = derive(ent(WORKSHOP), rules, {})
    st = obs["standardisation"]
    assert st.status == "historical" and st.satisfied is None and st.checklist_item is None
    assert "未定级" in st.detail


def test_opinion_7_historical_target_shows_grade_and_validity(rules):
    st = derive(ent(HAZCHEM_STORE, standardisation_valid_until="2027-05-01"), rules, {})["standardisation"]
    assert st.status == "met" and "三级" in st.detail and "2027-05-01" in st.detail
    expired = derive(ent(HAZCHEM_STORE, standardisation_valid_until="2024-05-01"), rules, {})["standardisation"]
    assert expired.status == "historical" and "2024-05-01" in expired.detail


def test_opinion_7_before_the_deadline_is_open(rules):
    obs = {o.id: o for o in derive_obligations(ent(DUST), rules=rules, forms={},
                                               today=dt.date(2013, 6, 1))}
    assert obs["standardisation"].status == "unknown" and obs["standardisation"].checklist_item


# --- checklists and the rules file ------------------------------------------------------------

def test_small_workshop_checklists(rules, forms):
    obs = derive(ent(WORKSHOP), rules, forms)
    assert not {"registered_safety_engineer", "safety_director", "hazchem_safety_staff"} & set(obs)
    assert checklists(obs) == {"main_responsibility", "small_workshop"}


def test_dust_firm(rules, forms):
    obs = derive(ent(DUST), rules, forms)
    assert "超过100人" in obs["safety_organisation"].detail
    # The dust tag is what brings the safety-director duty at 120 staff: without it there is none.
    assert "粉尘涉爆" in describe_applies(rules)
    assert "safety_director" in obs
    assert "safety_director" not in derive(ent(DUST, risk_tags=[]), rules, forms)
    assert "registered_safety_engineer" not in obs  # under 300 staff
    assert {"main_responsibility", "gongmao_major_general", "gongmao_machinery",
            "dust_explosion", "occupational_health"} == checklists(obs)
    assert obs["checklist:dust_explosion"].detail == "适用条件：风险标签含粉尘涉爆"


def describe_applies(rules) -> str:
    from inspector_app.core.forms import describe_condition
    return describe_condition(next(r for r in rules.rules if r.id == "safety_director").applies)


def test_dust_firm_checklist_holds_article_11_major_items(forms):
    dust = {f.id: f for f in assemble(forms, ent(DUST))}["dust_explosion"]
    art11 = [it for it in dust.items() if it.major_ref and "第十一条" in it.major_ref]
    assert len(art11) == 10
    assert dust.item("d03").major_ref == "应急管理部令第10号 第十一条第（三）项"


def test_ammonia_cold_store_checklists(rules, forms):
    obs = derive(ent(COLD_STORE), rules, forms)
    assert checklists(obs) == {"main_responsibility", "gongmao_major_general",
                               "ammonia_refrigeration", "occupational_health"}


def test_obligations_form_is_a_checklist(rules):
    form = obligations_form(ent(HAZCHEM_STORE), rules=rules, today=TODAY)
    keys = [it.key for it in form.items()]
    # the standardisation target is historical: not a checklist item
    assert keys == ["obligations:safety_organisation", "obligations:registered_safety_engineer",
                    "obligations:safety_director", "obligations:hazchem_safety_staff"]
    assert form.item("hazchem_safety_staff").basis == "安监总管三〔2010〕186号"
    snap = json.loads(json.dumps(form.to_snapshot(), ensure_ascii=False))
    assert ChecklistForm.from_snapshot(snap) == form


def test_thresholds_are_data(tmp_path):
    text = default_rules_path().read_text(encoding="utf-8")
    edited = text.replace("when = { min_employees = 51 }", "when = { min_employees = 201 }")
    assert edited != text
    p = tmp_path / "rules.toml"
    p.write_text(edited, encoding="utf-8")
    obs = {o.id: o for o in derive_obligations(ent(COLD_STORE), rules=load_rules(p), forms={},
                                               today=TODAY)}
    # 60 staff no longer meets the edited threshold, so the full-or-part-time case applies.
    assert obs["safety_organisation"].detail.startswith("从业人员60人，100人以下")


# --------------------------------------------------------------------------------------------
# Malformed rules

RULE = '''
version = 1

[[rules]]
id = "org"
title = "机构"
category = "管理"
check = "managers"
deadline_days = 30
requires = ["专职"]
requirement = "配备专职"
question = "{requirement}（{detail}）"
suggestion = "请{requirement}"

[[rules.cases]]
when = { min_employees = 51 }
clause = "澄政发〔2012〕80号（十三）"
detail = "从业人员{employees}人"
'''


def test_valid_rule_loads(tmp_path):
    p = tmp_path / "r.toml"
    p.write_text(RULE, encoding="utf-8")
    [rule] = load_rules(p).rules
    assert rule.cases[0].params["requires"] == ["专职"]


@pytest.mark.parametrize("old,new,field", [
    ('check = "managers"', 'check = "headcount"', "check"),
    ('requires = ["专职"]\n', "", "cases[1].requires"),
    ('detail = "从业人员{employees}人"', 'detail = "从业人员{staff}人"', "cases[1].detail"),
    ('detail = "从业人员{employees}人"', 'detail = "从业人员{employees人"', "cases[1].detail"),
    ('when = { min_employees = 51 }', 'when = { min_employee = 51 }', "cases[1].when.min_employee"),
    ('when = { min_employees = 51 }', 'wen = { min_employees = 51 }', "cases[1].wen"),
    ('title = "机构"', 'title = "机构"\ntreshold = 50', "treshold"),
    ('requires = ["专职"]', 'requires = ["全职"]', "cases[1].requires"),
    ('requires = ["专职"]', 'requires = ["委托服务"]', "cases[1].requires"),
    ('requires = ["专职"]', 'requires = ["专职"]\nratio = 0.02', "cases[1].ratio"),
    ('category = "管理"', 'category = "制度"', "category"),
])
def test_malformed_rules_name_rule_and_field(tmp_path, old, new, field):
    assert old in RULE
    p = tmp_path / "r.toml"
    p.write_text(RULE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_rules(p)
    assert "r.toml" in str(exc.value) and "规则 org" in str(exc.value)
    assert exc.value.field == field


def test_grade_rule_needs_a_date(tmp_path):
    text = RULE.replace('check = "managers"', 'check = "grade"').replace(
        'requires = ["专职"]', 'accepted_grades = ["三级"]\ndeadline = "2013年底"')
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_rules(p)
    assert exc.value.field == "cases[1].deadline"
