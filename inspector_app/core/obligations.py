"""What an enterprise must have, derived from its profile, each with the clause behind it.

The thresholds, clauses and wording are data (``resources/obligation_rules.toml``); this module
only knows how to match a rule's cases against an :class:`Enterprise` and how each ``check``
kind compares the result with what the profile records. An obligation is *met*, *violated*
(with the clause) or *unknown* — unknown only when a registry field it needs is empty (the
staffing counts, engineers, safety director, 主营业务收入). A deadline of the 2012 policy that
passed long ago (the 2012–2015 standardisation dates) is a *historical target*: shown with the
grade and its validity, never as a fresh violation. Every other obligation also yields a
checklist item, so the officer confirms it on site as part of the inspection
(:func:`obligations_form`).
"""

from __future__ import annotations

import datetime as dt
import math
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import clock
from .enterprise import STANDARDISATION_GRADES, Enterprise
from .forms import (
    CATEGORIES,
    ChecklistForm,
    FormError,
    Item,
    OnFail,
    Section,
    assemble,
    check_condition,
    condition_holds,
    default_forms,
    describe_condition,
    read_toml,
)

OBLIGATIONS_FORM_ID = "obligations"
CHECKS = ("managers", "staff_ratio", "engineers", "director", "grade", "on_site")
# Who may fill the safety-manager duty: full-time (专职) or part-time (兼职) staff of the unit.
# An outsourced safety service (安全生产法第十五条) never replaces them, so it is no choice here.
MANAGER_KINDS = ("专职", "兼职")
STATUSES = ("met", "violated", "unknown", "historical")

# Fields a rule may set and a case may override.
_PARAM_KEYS = {
    "clause", "detail", "requirement", "question", "suggestion", "deadline_days", "unverified",
    "requires", "ratio", "minimum", "deadline", "accepted_grades",
}
_RULE_KEYS = {"id", "title", "category", "check", "applies", "cases"} | _PARAM_KEYS
_CASE_KEYS = {"when"} | _PARAM_KEYS
_TEMPLATE_KEYS = ("requirement", "detail", "question", "suggestion")
_PLACEHOLDERS = {
    "employees", "revenue_wan", "main_revenue_wan", "sector", "scale", "grade", "valid_until",
    "full_time", "part_time", "engineers", "director", "requirement", "detail", "required_count",
    "deadline",
}
# Extra fields each check needs, beyond clause/detail/requirement/question/suggestion/deadline_days.
_CHECK_NEEDS = {
    "managers": ("requires",),
    "staff_ratio": ("ratio", "minimum"),
    "engineers": ("minimum",),
    "director": (),
    "grade": ("accepted_grades", "deadline"),
    "on_site": (),
}
_CHECK_OPTIONAL = {"engineers": ("ratio",)}


@dataclass(frozen=True)
class Case:
    when: dict
    params: dict  # rule-level params merged with this case's overrides


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    category: str
    check: str
    applies: dict | None
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class ObligationRules:
    version: int | str
    rules: tuple[Rule, ...]
    source: str = ""


@dataclass(frozen=True)
class Obligation:
    """One duty that applies to the enterprise.

    ``satisfied``: True (met) / False (violated, see ``clause``) when the registry tells, None
    when a field it needs is empty (``missing`` names them) or for a historical target.
    ``checklist_item`` is the item that puts the duty on the inspection checklist; it is None
    for historical targets and for the "this checklist applies" entries (``form_id``).
    """

    id: str
    title: str
    clause: str
    detail: str
    satisfied: bool | None
    checklist_item: Item | None
    form_id: str | None = None
    unverified: bool = False
    historical: bool = False
    missing: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """met / violated / unknown / historical (see :data:`STATUSES`)."""
        if self.historical and self.satisfied is not True:
            return "historical"
        return {True: "met", False: "violated", None: "unknown"}[self.satisfied]


# --------------------------------------------------------------------------------------------
# Loading


def load_rules(path: str | Path) -> ObligationRules:
    """Load and validate the rules file; raise :class:`FormError` naming rule and field."""
    path = Path(path)
    return parse_rules(read_toml(path), source=path.name)


def parse_rules(data: Mapping[str, Any], *, source: str) -> ObligationRules:
    def fail(fld: str | None, problem: str, rule: str | None = None):
        raise FormError(source, problem, section=f"规则 {rule}" if rule else None, field=fld)

    for k in data:
        if k not in ("version", "rules"):
            fail(k, "未知字段（顶层只允许 version 和 rules）")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, (int, str)) or not str(version).strip():
        fail("version", "应为正整数或 \"YYYY.N\" 形式的字符串")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        fail("rules", "至少需要一条 [[rules]]")
    rules, seen = [], set()
    for no, raw in enumerate(raw_rules, 1):
        if not isinstance(raw, dict):
            fail("rules", f"第{no}条规则应为 [[rules]] 表")
        rid = raw.get("id") if isinstance(raw.get("id"), str) else f"第{no}条"
        rules.append(_parse_rule(raw, rid, lambda f, p, r=rid: fail(f, p, r)))
        if rid in seen:
            fail("id", "规则编号重复", rid)
        seen.add(rid)
    return ObligationRules(version=version, rules=tuple(rules), source=source)


def _parse_rule(raw: dict, rid: str, fail) -> Rule:
    for k in raw:
        if k not in _RULE_KEYS:
            fail(k, "未知字段（可能是拼写错误），允许的字段：" + "、".join(sorted(_RULE_KEYS)))
    for key in ("id", "title", "category", "check"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            fail(key, "缺少此字段或不是文字")
    if raw["category"] not in CATEGORIES:
        fail("category", "应为 " + "/".join(CATEGORIES) + " 之一")
    check = raw["check"]
    if check not in CHECKS:
        fail("check", "应为 " + "/".join(CHECKS) + " 之一")
    applies = check_condition(raw["applies"], fail) if "applies" in raw else None
    rule_params = {k: v for k, v in raw.items() if k in _PARAM_KEYS}
    raw_cases = raw.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        fail("cases", "至少需要一个 [[rules.cases]] 情形")
    cases = []
    for c_no, raw_c in enumerate(raw_cases, 1):
        def cfail(f, p, c_no=c_no):
            fail(f"cases[{c_no}].{f}", p)
        if not isinstance(raw_c, dict):
            cfail("when", "情形应为 [[rules.cases]] 表")
        for k in raw_c:
            if k not in _CASE_KEYS:
                cfail(k, "未知字段（可能是拼写错误），允许的字段：" + "、".join(sorted(_CASE_KEYS)))
        if "when" not in raw_c:
            cfail("when", "缺少此字段；无条件的情形请写 when = { always = true }")
        when = check_condition(raw_c["when"], lambda f, p: cfail(f, p), "when")
        params = {**rule_params, **{k: v for k, v in raw_c.items() if k != "when"}}
        _check_params(params, check, cfail)
        cases.append(Case(when=when, params=params))
    return Rule(id=raw["id"], title=raw["title"], category=raw["category"], check=check,
                applies=applies, cases=tuple(cases))


def _check_params(p: dict, check: str, fail) -> None:
    for key in ("clause", *_TEMPLATE_KEYS):
        if not isinstance(p.get(key), str) or not p[key].strip():
            fail(key, "缺少此字段（可在规则或情形中填写）")
    for key in _CHECK_NEEDS[check]:
        if key not in p:
            fail(key, f"check = \"{check}\" 需要此字段")
    for key in ("requires", "ratio", "minimum", "deadline", "accepted_grades"):
        if key in p and key not in _CHECK_NEEDS[check] + _CHECK_OPTIONAL.get(check, ()):
            fail(key, f"check = \"{check}\" 不使用此字段")
    dl = p.get("deadline_days")
    if isinstance(dl, bool) or not isinstance(dl, int) or dl < 0:
        fail("deadline_days", "应为不小于0的整数天数（可在规则或情形中填写）")
    if not isinstance(p.get("unverified", False), bool):
        fail("unverified", "应为 true 或 false")
    if "requires" in p:
        _check_choice_list(p["requires"], MANAGER_KINDS, lambda m: fail(
            "requires", m + "（委托安全服务不能替代本单位的安全管理人员，安全生产法第十五条）"))
    if "accepted_grades" in p:
        _check_choice_list(p["accepted_grades"], STANDARDISATION_GRADES,
                           lambda m: fail("accepted_grades", m))
    if "ratio" in p:
        r = p["ratio"]
        if isinstance(r, bool) or not isinstance(r, (int, float)) or not 0 < r <= 1:
            fail("ratio", "应为大于0且不大于1的小数（如 0.02 表示2%）")
    if "minimum" in p:
        m = p["minimum"]
        if isinstance(m, bool) or not isinstance(m, int) or m < 0:
            fail("minimum", "应为不小于0的整数")
    if "deadline" in p and (not isinstance(p["deadline"], dt.date)
                            or isinstance(p["deadline"], dt.datetime)):
        fail("deadline", "应为日期，如 2013-12-31（不加引号）")
    allowed = set(_PLACEHOLDERS)
    if check not in ("staff_ratio", "engineers"):
        allowed.discard("required_count")
    if check != "grade":
        allowed.discard("deadline")
    for key in _TEMPLATE_KEYS:
        try:
            names = {n for _, n, spec, _ in string.Formatter().parse(p[key]) if n is not None}
        except ValueError:
            fail(key, "花括号不成对；文字中的 { } 只能用于占位符")
        bad = sorted(n for n in names if n not in allowed)
        if bad:
            fail(key, "未知的占位符 " + "、".join("{" + n + "}" for n in bad)
                 + "，可用：" + "、".join("{" + n + "}" for n in sorted(allowed)))


def _check_choice_list(v: Any, allowed: tuple[str, ...], fail) -> None:
    if not isinstance(v, list) or not v or any(x not in allowed for x in v):
        fail("应为非空列表，取值只能是：" + "、".join(allowed))


def default_rules_path() -> Path:
    from inspector_app.paths import (
        resources_dir,  # lazy: keeps this module free of app wiring
    )

    return resources_dir() / "obligation_rules.toml"


def default_rules() -> ObligationRules:
    return load_rules(default_rules_path())


# --------------------------------------------------------------------------------------------
# Derivation


def derive_obligations(enterprise: Enterprise, *, rules: ObligationRules | None = None,
                       forms: Mapping[str, ChecklistForm] | None = None,
                       today: dt.date | None = None) -> list[Obligation]:
    """Duties from the rules (in file order), then one entry per checklist that applies.

    ``rules``/``forms`` default to the shipped files; pass ``forms={}`` to skip checklists.
    ``today`` decides whether a past deadline (standardisation) counts as missed.
    """
    rules = default_rules() if rules is None else rules
    forms = default_forms() if forms is None else forms
    today = today or clock.today()
    result = []
    for rule in rules.rules:
        if rule.applies is not None and not condition_holds(rule.applies, enterprise):
            continue
        case = next((c for c in rule.cases if condition_holds(c.when, enterprise)), None)
        if case is not None:
            result.append(_obligation(rule, case.params, enterprise, today))
    for form in assemble(forms, enterprise):
        result.append(Obligation(
            id=f"checklist:{form.id}", title=f"适用检查表：{form.title}", clause=form.basis,
            detail="适用条件：" + describe_condition(form.applies), satisfied=None,
            checklist_item=None, form_id=form.id,
            unverified=any(it.unverified for it in form.items())))
    return result


def _n(v) -> str:
    return "未登记" if v is None else f"{v:g}" if isinstance(v, float) else str(v)


def _people(v: int | None) -> str:
    return "未登记" if v is None else f"{v}人"


def _ceil_share(n: int, ratio: float) -> int:
    # round() first so that float error (e.g. 1.0000000000000002) cannot add a person.
    return math.ceil(round(n * ratio, 9))


def _obligation(rule: Rule, p: dict, ent: Enterprise, today: dt.date) -> Obligation:
    ft, pt, eng = ent.full_time_managers, ent.part_time_managers, ent.registered_engineers
    values = {
        "employees": str(ent.employees or 0),
        "revenue_wan": f"{(ent.revenue_wan or 0):g}",
        "main_revenue_wan": _n(ent.main_revenue_wan),
        "sector": ent.sector, "scale": ent.scale,
        "grade": ent.standardisation_grade or "未登记",
        "valid_until": ent.standardisation_valid_until or "未登记",
        "full_time": _people(ft), "part_time": _people(pt), "engineers": _people(eng),
        "director": ("未登记" if ent.safety_director_appointed is None
                     else f"已任命（{ent.safety_director}）" if ent.safety_director_appointed else "未任命"),
    }
    satisfied: bool | None = None
    historical = False
    missing: list[str] = []
    if rule.check == "managers":
        if "兼职" in p["requires"]:  # full-time or part-time, either counts
            if (ft or 0) + (pt or 0) >= 1:
                satisfied = True
            elif ft is not None and pt is not None:
                satisfied = False
            else:
                missing = [k for k, v in (("full_time_managers", ft), ("part_time_managers", pt)) if v is None]
        elif ft is None:
            missing = ["full_time_managers"]
        else:
            satisfied = ft >= 1
    elif rule.check == "staff_ratio":
        required = max(p["minimum"], _ceil_share(ent.employees or 0, p["ratio"]))
        values["required_count"] = str(required)
        if ft is None:
            missing = ["full_time_managers"]
        else:
            satisfied = ft >= required
    elif rule.check == "engineers":
        minimum, ratio = p["minimum"], p.get("ratio")
        total = None if ft is None or pt is None else ft + pt
        required = minimum if not ratio or total is None else max(minimum, _ceil_share(total, ratio))
        values["required_count"] = str(required) if not ratio or total is not None else \
            f"不少于{minimum}"
        if eng is None:
            missing = ["registered_engineers"]
        elif eng < minimum:
            satisfied = False
        elif ratio and total is None:
            missing = [k for k, v in (("full_time_managers", ft), ("part_time_managers", pt)) if v is None]
        else:
            satisfied = eng >= required
    elif rule.check == "director":
        if ent.safety_director_appointed is None:
            missing = ["safety_director_appointed"]
        else:
            satisfied = bool(ent.safety_director_appointed)
    elif rule.check == "grade":
        deadline = p["deadline"]
        values["deadline"] = f"{deadline.year}年{deadline.month}月{deadline.day}日"
        valid = ent.standardisation_valid_until
        expired = bool(valid) and valid < today.isoformat()
        if ent.standardisation_grade in p["accepted_grades"] and not expired:
            satisfied = True
        # A target of the 2012 policy that passed years ago is history, not a fresh violation.
        historical = today > deadline
    for key in _TEMPLATE_KEYS:  # in order: later templates may use requirement and detail
        values[key] = p[key].format_map(values)
    unverified = p.get("unverified", False)
    item = None if historical else Item(
        form_id=OBLIGATIONS_FORM_ID, id=rule.id, question=values["question"], basis=p["clause"],
        category=rule.category, kind="choice", deadline_days=p["deadline_days"],
        suggestion=values["suggestion"], on_fail=OnFail(True, False), unverified=unverified)
    return Obligation(id=rule.id, title=rule.title, clause=p["clause"], detail=values["detail"],
                      satisfied=satisfied, checklist_item=item, unverified=unverified,
                      historical=historical, missing=tuple(missing))


def obligations_form(enterprise: Enterprise, *, rules: ObligationRules | None = None,
                     today: dt.date | None = None) -> ChecklistForm:
    """The derived duties as a synthetic checklist (id "obligations") for the inspection."""
    rules = default_rules() if rules is None else rules
    obligations = derive_obligations(enterprise, rules=rules, forms={}, today=today)
    items = tuple(o.checklist_item for o in obligations if o.checklist_item is not None)
    sections = (Section("依企业规模和行业确定的基本义务", items),) if items else ()
    return ChecklistForm(
        id=OBLIGATIONS_FORM_ID, version=rules.version, title="企业安全生产基本义务核查",
        description="根据企业档案（从业人数、营业收入、监管行业、风险标签）推导出的法定义务，逐项现场核实。",
        basis="；".join(dict.fromkeys(o.clause for o in obligations)) or "企业档案",
        applies={"always": True}, sections=sections, order=0, source=rules.source)
