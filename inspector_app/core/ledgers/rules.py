"""The ledger rules, read from ``resources/ledgers/rules.toml``: accident grades, certificate
validity and review dates, equipment inspection intervals, the enumerations, and masking of
personal ID numbers. Pure functions; the numbers marked [K] in REFERENCE live in the data file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...paths import resources_dir
from ..dates import as_date


def rules_path() -> Path:
    return resources_dir() / "ledgers" / "rules.toml"


@dataclass(frozen=True)
class CertificateRule:
    kind: str
    label: str
    issuer: str
    valid_years: int
    review_years: int
    extended_review_years: int
    source: str
    unverified: bool


@dataclass(frozen=True)
class LedgerRules:
    version: str
    accident_grades: tuple[str, ...]
    deaths: tuple[int, ...]
    serious_injuries: tuple[int, ...]
    direct_loss_wan: tuple[float, ...]
    accident_types: tuple[str, ...]
    certificates: dict[str, CertificateRule]
    certificate_window_days: int
    roles: dict[str, str]
    special_operations: tuple[str, ...]
    special_equipment_items: tuple[str, ...]
    equipment_intervals: dict[str, int]
    equipment_window_days: int
    hazard_review_years: int
    hazard_grades: tuple[str, ...]
    activity_kinds: tuple[str, ...]
    action_kinds: tuple[str, ...]
    drills_per_year: int
    joint_actions_per_quarter: int
    supervisor_training_years: int
    report_due_day: int
    report_scales: tuple[str, ...]
    close_remind_after_days: int
    director_min_employees: int
    director_min_revenue_wan: float
    director_sectors: tuple[str, ...]
    director_tags: tuple[str, ...]
    raw: dict

    @property
    def equipment_categories(self) -> tuple[str, ...]:
        return tuple(self.equipment_intervals)


def _ascending(values, what: str) -> tuple:
    out = tuple(values)
    if len(out) != 3 or list(out) != sorted(out) or len(set(out)) != 3:
        raise ValueError(f"台账规则文件中“{what}”应为三个递增的门槛值。")
    return out


def parse_rules(data: dict[str, Any]) -> LedgerRules:
    """Build (and check) the rules from the parsed TOML; a Chinese ValueError on a mistake."""
    try:
        grade = data["accident_grade"]
        certs = {}
        for c in data["certificates"]:
            rule = CertificateRule(
                kind=c["kind"], label=c["label"], issuer=c.get("issuer", ""), valid_years=int(c["valid_years"]),
                review_years=int(c.get("review_years", 0)),
                extended_review_years=int(c.get("extended_review_years", c.get("review_years", 0))),
                source=c.get("source", ""), unverified=bool(c.get("unverified", False)))
            if rule.valid_years <= 0 or rule.review_years < 0 or rule.review_years > rule.valid_years:
                raise ValueError(f"台账规则文件中证书“{rule.label}”的有效期或复审周期不正确。")
            certs[rule.kind] = rule
        roles = dict(data["roles"])
        for role, kind in roles.items():
            if kind and kind not in certs:
                raise ValueError(f"台账规则文件中岗位“{role}”对应的证书种类“{kind}”未定义。")
        intervals = {e["category"]: int(e["interval_months"]) for e in data["equipment"]}
        if any(m <= 0 for m in intervals.values()):
            raise ValueError("台账规则文件中特种设备检验周期应为正整数（月）。")
        grades = tuple(grade["grades"])
        if len(grades) != 4:
            raise ValueError("台账规则文件中事故等级应为四级。")
        director = data["safety_director"]
        return LedgerRules(
            version=str(data.get("version", "")),
            accident_grades=grades,
            deaths=_ascending(grade["deaths"], "死亡人数"),
            serious_injuries=_ascending(grade["serious_injuries"], "重伤人数"),
            direct_loss_wan=_ascending(grade["direct_loss_wan"], "直接经济损失"),
            accident_types=tuple(data["accident_types"]["names"]),
            certificates=certs,
            certificate_window_days=int(data["certificate_window"]["days"]),
            roles=roles,
            special_operations=tuple(data["special_operations"]["names"]),
            special_equipment_items=tuple(data["special_equipment_items"]["codes"]),
            equipment_intervals=intervals,
            equipment_window_days=int(data["equipment_window"]["days"]),
            hazard_review_years=int(data["hazard_source"]["review_years"]),
            hazard_grades=tuple(data["hazard_source"]["grades"]),
            activity_kinds=tuple(data["activities"]["kinds"]),
            action_kinds=tuple(data["township_actions"]["kinds"]),
            drills_per_year=int(data["township_actions"]["drills_per_year"]),
            joint_actions_per_quarter=int(data["township_actions"]["joint_actions_per_quarter"]),
            supervisor_training_years=int(data["village_supervisors"]["training_every_years"]),
            report_due_day=int(data["quarter_reports"]["due_day"]),
            report_scales=tuple(data["quarter_reports"]["scales"]),
            close_remind_after_days=int(data["quarter_close"]["remind_after_days"]),
            director_min_employees=int(director["min_employees"]),
            director_min_revenue_wan=float(director["min_revenue_wan"]),
            director_sectors=tuple(director["sectors"]),
            director_tags=tuple(director["tags"]),
            raw=data,
        )
    except (KeyError, TypeError) as e:
        raise ValueError(f"台账规则文件缺少或写错了项目：{e}。") from e


@lru_cache(maxsize=1)
def rules() -> LedgerRules:
    """The shipped rules (read once)."""
    return parse_rules(tomllib.loads(rules_path().read_text(encoding="utf-8")))


# --------------------------------------------------------------------------------------------
# dates

def add_years(d: date, years: int) -> date:
    """The anniversary ``years`` later; 29 February falls on 1 March in a common year, so a
    period "N years from 29 Feb" ends on 28 Feb (the day before the anniversary)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 Feb → common year
        return date(d.year + years, 3, 1)


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_end(start: date, years: int) -> date:
    """Last valid day of a period of ``years`` from ``start`` (the day before the anniversary:
    批准 2019-07-25, 4 年 → 有效至 2023-07-24)."""
    return add_years(start, years) - timedelta(days=1)


# --------------------------------------------------------------------------------------------
# accidents

def accident_grade(deaths: int, serious_injuries: int, direct_loss_wan: float, *,
                   r: LedgerRules | None = None) -> str:
    """一般 / 较大 / 重大 / 特别重大 per 条例第三条: each of the three figures gives a grade (a
    threshold counts as reached: "以上包括本数"), the highest one wins."""
    r = r or rules()
    for name, value in (("死亡人数", deaths), ("重伤人数", serious_injuries), ("直接经济损失", direct_loss_wan)):
        if value is None or value < 0:
            raise ValueError(f"{name}不能为负数。")
    level = 0
    for value, limits in ((deaths, r.deaths), (serious_injuries, r.serious_injuries),
                          (direct_loss_wan, r.direct_loss_wan)):
        level = max(level, sum(1 for limit in limits if value >= limit))
    return r.accident_grades[level]


# --------------------------------------------------------------------------------------------
# certificates

@dataclass(frozen=True)
class CertificateDates:
    valid_until: date | None
    review_due: date | None     # the next review (复审) still owed, None when none is owed
    status: str                 # 有效 / 即将到期 / 待复审 / 复审逾期 / 已过期 / 未登记


def certificate_kind(role: str, r: LedgerRules | None = None) -> str:
    r = r or rules()
    if role not in r.roles:
        raise ValueError("人员类别只能是：" + "、".join(r.roles) + "。")
    return r.roles[role]


def certificate_dates(kind: str, *, issued_on=None, valid_until=None, last_review_on=None,
                      extended: bool = False, today=None, r: LedgerRules | None = None) -> CertificateDates:
    """The expiry and next review of a certificate, and its status on ``today``.

    ``issued_on``: the current certificate's issue (or renewal) date; ``valid_until`` as printed
    on the card wins over the computed one. Special operations (30号令): valid 6 years, a review
    every 3 (every 6 with the issuer's extension); the review is due on the last day of the
    period counted from the issue or the last review, and never after the expiry.
    """
    r = r or rules()
    issued, printed, reviewed = as_date(issued_on, "发证日期"), as_date(valid_until, "有效期至"), \
        as_date(last_review_on, "复审日期")
    today = as_date(today)
    if not kind:
        return CertificateDates(None, None, "")
    rule = r.certificates.get(kind)
    if rule is None:
        raise ValueError(f"证书种类“{kind}”无法识别。")
    until = printed or (period_end(issued, rule.valid_years) if issued else None)
    review = None
    years = rule.extended_review_years if extended else rule.review_years
    if years and issued:
        # Reviews fall due at every ``years`` mark from the issue (30号令: 每3年复审1次); a review
        # made after the previous mark answers the next one. A mark on or after the expiry is the
        # renewal (换证), not a review.
        previous, k = issued, 1
        while True:
            mark = period_end(issued, years * k)
            if until is not None and mark >= until:
                break
            if reviewed is None or reviewed <= previous:
                review = mark
                break
            previous, k = mark, k + 1
    if until is None:
        return CertificateDates(None, review, "未登记")
    status = "有效"
    if today is not None:
        window = timedelta(days=r.certificate_window_days)
        if today > until:
            status = "已过期"
        elif review is not None and today > review:
            status = "复审逾期"
        elif today >= until - window:
            status = "即将到期"
        elif review is not None and today >= review - window:
            status = "待复审"
    return CertificateDates(until, review, status)


# --------------------------------------------------------------------------------------------
# equipment

def equipment_interval(category: str, override_months: int | None = None, *, r: LedgerRules | None = None) -> int:
    r = r or rules()
    if override_months:
        if int(override_months) <= 0:
            raise ValueError("检验周期应为正整数（月）。")
        return int(override_months)
    if category not in r.equipment_intervals:
        raise ValueError("特种设备类别只能是：" + "、".join(r.equipment_intervals) + "。")
    return r.equipment_intervals[category]


def next_inspection(category: str, last_inspected_on, override_months: int | None = None, *,
                    r: LedgerRules | None = None) -> date | None:
    """The next periodic inspection: the last one plus the category's interval (data, [K])."""
    last = as_date(last_inspected_on, "上次检验日期")
    if last is None:
        return None
    return add_months(last, equipment_interval(category, override_months, r=r))


def equipment_status(next_due: date | None, status: str, today, *, r: LedgerRules | None = None) -> str:
    """正常 / 即将到期 / 逾期未检 / 未检验 (only equipment in use is due at all)."""
    r = r or rules()
    if status != "在用":
        return status
    if next_due is None:
        return "未检验"
    today = as_date(today)
    if today > next_due:
        return "逾期未检"
    if today >= next_due - timedelta(days=r.equipment_window_days):
        return "即将到期"
    return "正常"


# --------------------------------------------------------------------------------------------
# the rest

def needs_safety_director(*, employees: int, revenue_wan: float, sector: str, tags, r: LedgerRules | None = None) -> bool:
    """Whether an enterprise must appoint a 安全总监 (seed 002: ≥100 staff or ≥20 M yuan revenue in
    the listed sectors, and dust-explosion, ammonia-refrigeration… firms [K])."""
    r = r or rules()
    big = employees >= r.director_min_employees or revenue_wan >= r.director_min_revenue_wan
    return big and (sector in r.director_sectors or bool(set(tags or ()) & set(r.director_tags)))


def supervisor_training_due(trained_on, *, r: LedgerRules | None = None) -> date | None:
    """Village supervisors are retrained and examined every 2 years (澄政发〔2012〕80号（六））."""
    d = as_date(trained_on, "培训日期")
    return None if d is None else period_end(d, (r or rules()).supervisor_training_years)


def hazard_review_due(filed_on, reviewed_on=None, *, r: LedgerRules | None = None) -> date | None:
    base = as_date(reviewed_on, "评估日期") or as_date(filed_on, "备案日期")
    return None if base is None else period_end(base, (r or rules()).hazard_review_years)


def mask_id(value: str | None) -> str:
    """A personal ID number as shown (PIPL): first 6 and last 4 kept, ``320281********1234``.
    Short values keep only their last character."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) >= 15:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    return "*" * (len(text) - 1) + text[-1:]


__all__ = [
    "CertificateDates", "CertificateRule", "LedgerRules", "accident_grade", "add_months", "add_years",
    "certificate_dates", "certificate_kind", "equipment_interval", "equipment_status", "hazard_review_due",
    "mask_id", "needs_safety_director", "next_inspection", "parse_rules", "period_end", "rules", "rules_path",
    "supervisor_training_due",
]
