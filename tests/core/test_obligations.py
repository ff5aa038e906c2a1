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


WORKSHOP = {"employees": 8, "scale": "个体", "sector": "其他", "safety_manager_type": "兼职"}
DUST = {"employees": 120, "sector": "机械", "scale": "规上", "risk_tags": ["粉尘涉爆"],
        "revenue_wan": 3000, "safety_manager_type": "兼职", "safety_manager": "李四"}
COLD_STORE = {"employees": 60, "sector": "商贸", "scale": "规下", "risk_tags": ["涉氨制冷"],
              "revenue_wan": 2500, "safety_manager_type": "专职", "safety_manager": "张三"}
WAREHOUSE = {"employees": 320, "sector": "危化", "scale": "规上", "risk_tags": ["危化品储存"],
             "revenue_wan": 8000, "safety_manager_type": "专职", "standardisation_grade": "三级"}


def ent(profile, **kw) -> Enterprise:
    return Enterprise(name="测试企业", **{**profile, **kw})


def test_small_workshop(rules, forms):
    obs = derive(ent(WORKSHOP), rules, forms)
    org = obs["safety_organisation"]
    assert org.clause == "澄政发〔2012〕80号（十三）"
    assert "8人" in org.detail and "兼职" in org.checklist_item.question
    assert org.satisfied is None  # part-time is allowed, but nobody is named in the profile
    assert not {"registered_safety_engineer", "safety_director", "hazchem_safety_staff"} & set(obs)
    assert "2015年12月31日" in obs["standardisation"].checklist_item.question
    assert obs["standardisation"].satisfied is False  # 未定级 and the deadline has passed
    assert checklists(obs) == {"main_responsibility", "small_workshop"}


def test_dust_firm(rules, forms):
    obs = derive(ent(DUST), rules, forms)
    org = obs["safety_organisation"]
    assert "澄政发〔2012〕80号（十三）" in org.clause and "第二十四条第二款" in org.clause
    assert "超过100人" in org.detail
    assert org.satisfied is False  # more than 50 staff need a full-time manager; profile says 兼职
    assert "粉尘涉爆" in obs["safety_director"].detail
    assert "registered_safety_engineer" not in obs  # under 300 staff
    assert "2013年12月31日" in obs["standardisation"].checklist_item.question
    assert {"main_responsibility", "gongmao_major_general", "gongmao_machinery",
            "dust_explosion", "occupational_health"} == checklists(obs)
    assert obs["checklist:dust_explosion"].detail == "适用条件：风险标签含粉尘涉爆"


def test_dust_firm_checklist_holds_article_11_major_items(forms):
    dust = {f.id: f for f in assemble(forms, ent(DUST))}["dust_explosion"]
    art11 = [it for it in dust.items() if it.major_ref and "第十一条" in it.major_ref]
    assert len(art11) == 10
    assert dust.item("d03").major_ref == "应急管理部令第10号 第十一条第（三）项"


def test_ammonia_cold_store(rules, forms):
    obs = derive(ent(COLD_STORE), rules, forms)
    org = obs["safety_organisation"]
    assert org.clause == "澄政发〔2012〕80号（十三）"  # the local 50-staff rule, stricter than the law
    assert "超过50人" in org.detail
    assert org.satisfied is True  # full-time manager on file, by name
    assert "涉氨制冷" in obs["safety_director"].detail  # 60 staff but revenue 2500万 ≥ 2000万
    assert "2015年12月31日" in obs["standardisation"].checklist_item.question  # 规下 trade firm
    assert checklists(obs) == {"main_responsibility", "gongmao_major_general",
                               "ammonia_refrigeration", "occupational_health"}


def test_ammonia_cold_store_below_both_director_thresholds(rules, forms):
    obs = derive(ent(COLD_STORE, revenue_wan=1999), rules, forms)
    assert "safety_director" not in obs


def test_hazardous_chemical_warehouse(rules, forms):
    obs = derive(ent(WAREHOUSE), rules, forms)
    org = obs["safety_organisation"]
    assert org.clause == "《安全生产法》第二十四条第一款" and org.unverified
    assert "不论从业人员多少" in org.detail
    rse = obs["registered_safety_engineer"]
    assert "澄政发〔2012〕80号（十三）" in rse.clause and "15%" in rse.checklist_item.question
    assert rse.satisfied is None
    staff = obs["hazchem_safety_staff"]
    assert staff.clause == "安监总管三〔2010〕186号"
    assert "不少于7名" in staff.checklist_item.question  # 2 % of 320 = 6.4 → 7
    assert staff.satisfied is None
    assert "危险化学品" in obs["safety_director"].detail
    assert obs["standardisation"].satisfied is True  # 三级
    assert "2012年12月31日" in obs["standardisation"].checklist_item.question
    assert checklists(obs) == {"main_responsibility", "hazardous_chemicals", "occupational_health"}


@pytest.mark.parametrize("employees,count", [(10, 1), (50, 1), (51, 2), (100, 2), (320, 7)])
def test_hazchem_two_percent_rounds_up_with_a_minimum_of_one(rules, employees, count):
    obs = derive(ent(WAREHOUSE, employees=employees), rules, {})
    assert f"不少于{count}名" in obs["hazchem_safety_staff"].checklist_item.question


def test_hazchem_staff_fails_when_profile_has_no_full_time_manager(rules):
    obs = derive(ent(WAREHOUSE, safety_manager_type="委托服务"), rules, {})
    assert obs["hazchem_safety_staff"].satisfied is False
    assert obs["safety_organisation"].satisfied is False


def test_industrial_firm_of_300_needs_registered_engineers(rules):
    obs = derive(ent(DUST, employees=300, gbt_division="33"), rules, {})
    assert obs["registered_safety_engineer"].clause == "澄政发〔2012〕80号（十三）"
    trade = derive(ent(COLD_STORE, employees=400, gbt_division="51"), rules, {})
    assert "registered_safety_engineer" not in trade  # wholesale is not industrial


def test_construction_division_needs_full_time_manager_at_any_size(rules):
    obs = derive(ent(WORKSHOP, gbt_division="48", employees=12), rules, {})
    assert obs["safety_organisation"].clause == "《安全生产法》第二十四条第一款"
    assert "建筑施工单位" in obs["safety_organisation"].detail


def test_standardisation_before_the_deadline_is_open(rules):
    obs = {o.id: o for o in derive_obligations(ent(DUST), rules=rules, forms={},
                                               today=dt.date(2013, 6, 1))}
    assert obs["standardisation"].satisfied is None


def test_obligations_form_is_a_checklist(rules):
    form = obligations_form(ent(WAREHOUSE), rules=rules, today=TODAY)
    keys = [it.key for it in form.items()]
    assert keys == ["obligations:safety_organisation", "obligations:registered_safety_engineer",
                    "obligations:safety_director", "obligations:hazchem_safety_staff",
                    "obligations:standardisation"]
    assert form.item("hazchem_safety_staff").basis == "安监总管三〔2010〕186号"
    assert "澄政发〔2012〕80号（七）" in form.basis
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
    # 60 staff no longer meets the edited threshold, so the part-time case applies.
    assert obs["safety_organisation"].detail.startswith("从业人员60人，50人以下")


# --------------------------------------------------------------------------------------------
# Malformed rules

RULE = '''
version = 1

[[rules]]
id = "org"
title = "机构"
category = "管理"
check = "manager_type"
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
    ('check = "manager_type"', 'check = "headcount"', "check"),
    ('requires = ["专职"]\n', "", "cases[1].requires"),
    ('detail = "从业人员{employees}人"', 'detail = "从业人员{staff}人"', "cases[1].detail"),
    ('detail = "从业人员{employees}人"', 'detail = "从业人员{employees人"', "cases[1].detail"),
    ('when = { min_employees = 51 }', 'when = { min_employee = 51 }', "cases[1].when.min_employee"),
    ('when = { min_employees = 51 }', 'wen = { min_employees = 51 }', "cases[1].wen"),
    ('title = "机构"', 'title = "机构"\ntreshold = 50', "treshold"),
    ('requires = ["专职"]', 'requires = ["全职"]', "cases[1].requires"),
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
    text = RULE.replace('check = "manager_type"', 'check = "grade"').replace(
        'requires = ["专职"]', 'accepted_grades = ["三级"]\ndeadline = "2013年底"')
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as exc:
        load_rules(p)
    assert exc.value.field == "cases[1].deadline"
