"""The quarter's statistics as a city report counts them (seed 002, REFERENCE §5.2 "Quarterly
export"): one flat dict of numbers per quarter, a breakdown by village, and the comparison with
the previous quarter and the same quarter last year.

Counts are as of the quarter's reporting day (its last day, or today while it runs). A closed
quarter's figures come from its frozen snapshot, so a comparison never changes after the fact.
"""

from __future__ import annotations

import json
from datetime import timedelta

from ...core import clock
from ...core import documents as docs
from ...core.dates import as_date
from ...core.ledgers import rules as R
from ...core.ledgers.quarter import Quarter
from ..db import Store

# (key, label, kind): kind "int", "float" (money, 万元/元) or "pct" (a rate in per cent).
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("enterprises_registered", "登记在册企业（家）", "int"),
    ("enterprises_inspected", "本季检查企业（家）", "int"),
    ("never_inspected_year", "本年尚未检查企业（家）", "int"),
    ("inspections", "检查次数（次）", "int"),
    ("officer_visits", "出动执法人员（人次）", "int"),
    ("findings_general", "发现一般隐患（条）", "int"),
    ("findings_major", "发现重大隐患（条）", "int"),
    ("findings_rectified", "已整改隐患（条）", "int"),
    ("rectification_rate", "隐患整改率（%）", "pct"),
    ("major_rectified", "重大隐患已整改（条）", "int"),
    ("overdue", "逾期未整改隐患（条）", "int"),
    ("majors_listed", "重大隐患挂牌督办（条）", "int"),
    ("majors_delisted", "重大隐患摘牌销号（条）", "int"),
    ("doc_inspection_record", "现场检查记录（份）", "int"),
    ("doc_rectification_order", "责令限期整改指令书（份）", "int"),
    ("doc_onsite_measures", "现场处理措施决定书（份）", "int"),
    ("doc_reinspection_opinion", "整改复查意见书（份）", "int"),
    ("doc_spot_penalty", "当场处罚决定书（份）", "int"),
    ("doc_hazard_notice", "隐患整改通知书（份）", "int"),
    ("doc_case_referral", "案件移送书（份）", "int"),
    ("fines_yuan", "罚款金额（元）", "float"),
    ("suspensions", "责令停产停业（家次）", "int"),
    ("referrals", "移送案件（件）", "int"),
    ("certificates_expiring", "即将到期或待复审证书（本）", "int"),
    ("certificates_expired", "已过期证书（本）", "int"),
    ("equipment_in_use", "在用特种设备（台）", "int"),
    ("equipment_overdue", "逾期未检特种设备（台）", "int"),
    ("hazard_sources", "重大危险源（处）", "int"),
    ("accidents", "生产安全事故（起）", "int"),
    ("accident_deaths", "事故死亡（人）", "int"),
    ("accident_injuries", "事故受伤（人）", "int"),
    ("accident_loss_wan", "直接经济损失（万元）", "float"),
    ("activities", "宣传教育活动（次）", "int"),
    ("activity_participants", "宣传教育参加（人次）", "int"),
    ("drills", "本季综合应急演练（次）", "int"),
    ("drills_year", "本年综合应急演练（次）", "int"),
    ("joint_actions", "打非治违联合执法（次）", "int"),
    ("reports_expected", "应报季报企业（家）", "int"),
    ("reports_received", "已收季报（家）", "int"),
    ("reports_on_time", "按期报送季报（家）", "int"),
    ("supervisors", "村（社区）安监员（人）", "int"),
    ("supervisors_training_overdue", "安监员培训逾期（人）", "int"),
    ("directors_required", "应设安全总监企业（家）", "int"),
    ("directors_appointed", "已设安全总监企业（家）", "int"),
)
FIGURE_KEYS = tuple(k for k, _, _ in FIGURES)
FIGURE_LABELS = {k: label for k, label, _ in FIGURES}
FIGURE_KINDS = {k: kind for k, _, kind in FIGURES}

VILLAGE_FIGURES: tuple[tuple[str, str], ...] = (
    ("enterprises", "企业（家）"), ("inspected", "检查企业（家）"), ("inspections", "检查（次）"),
    ("general", "一般隐患"), ("major", "重大隐患"), ("rectified", "已整改"), ("rate", "整改率（%）"),
    ("overdue", "逾期未改"), ("reports_expected", "应报季报"), ("reports_received", "已收季报"),
)

# The day a finding was rectified: reported (rectified_on), or else its first passed re-inspection
# (a re-inspection straight from "ordered"), or its closure.
_FIXED = """CASE WHEN f.rectified_on != '' THEN f.rectified_on ELSE coalesce(
    (SELECT min(substr(ev.at, 1, 10)) FROM finding_event ev WHERE ev.finding_id = f.id AND ev.deleted = 0
      AND ev.kind = 'reinspection_passed'), nullif(f.closed_on, ''), '') END"""


def _one(store: Store, sql: str, params) -> tuple:
    return store.conn.execute(sql, params).fetchone()


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def figures(store: Store, quarter, *, today=None) -> dict:
    """``{key: number}`` for every key of :data:`FIGURES`, plus ``by_village`` (a list of dicts with
    ``village`` and the :data:`VILLAGE_FIGURES` keys) and ``as_of`` (ISO date)."""
    q = Quarter.parse(quarter)
    r = R.rules()
    as_of = q.as_of(as_date(today) or clock.today())
    p = {"first": q.first.isoformat(), "last": q.last.isoformat(), "as_of": as_of.isoformat(),
         "year_first": q.year_start().isoformat(),
         "window": (as_of + timedelta(days=r.certificate_window_days)).isoformat(),
         "year": q.year, "q": q.q, "due": q.report_due(r.report_due_day).isoformat()}
    out: dict = {"as_of": as_of.isoformat()}
    ins = "i.deleted = 0 AND i.status = 'final' AND substr(i.started_at, 1, 10) BETWEEN :first AND :last"
    out["enterprises_registered"] = _one(store, "SELECT count(*) FROM enterprise WHERE deleted = 0 AND status = '在营'", {})[0]
    n, ents, visits = _one(store, f"""SELECT count(*), count(DISTINCT i.enterprise_id),
        coalesce(sum(json_array_length(i.officer_ids)), 0) FROM inspection i WHERE {ins}""", p)
    out["inspections"], out["enterprises_inspected"], out["officer_visits"] = n, ents, visits
    out["never_inspected_year"] = _one(store, """SELECT count(*) FROM enterprise e WHERE e.deleted = 0
        AND e.status = '在营' AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.enterprise_id = e.id
        AND i.deleted = 0 AND i.status = 'final' AND substr(i.started_at, 1, 10) BETWEEN :year_first AND :as_of)""", p)[0]
    general, major, fixed, major_fixed = _one(store, f"""
        SELECT sum(grade = '一般'), sum(grade = '重大'), sum(fixed != '' AND fixed <= :as_of),
               sum(grade = '重大' AND fixed != '' AND fixed <= :as_of)
        FROM (SELECT f.grade, {_FIXED} AS fixed FROM finding f
              WHERE f.deleted = 0 AND f.found_on BETWEEN :first AND :last)""", p)
    out["findings_general"], out["findings_major"] = general or 0, major or 0
    out["findings_rectified"], out["major_rectified"] = fixed or 0, major_fixed or 0
    out["rectification_rate"] = _pct(out["findings_rectified"], out["findings_general"] + out["findings_major"])
    out["overdue"] = _one(store, f"""SELECT count(*) FROM (SELECT f.deadline, {_FIXED} AS fixed FROM finding f
        WHERE f.deleted = 0 AND f.found_on <= :as_of AND f.deadline != '' AND f.deadline < :as_of)
        WHERE fixed = '' OR fixed > :as_of""", p)[0]
    out["majors_listed"], out["majors_delisted"] = _one(store, """SELECT
        count(CASE WHEN listed_on BETWEEN :first AND :last THEN 1 END),
        count(CASE WHEN delisted_on BETWEEN :first AND :last THEN 1 END)
        FROM finding WHERE deleted = 0 AND grade = '重大'""", p)
    counts = dict.fromkeys(docs.KINDS, 0)
    fines = 0.0
    suspensions = 0
    for kind, content in store.conn.execute("""SELECT d.kind, d.content FROM document d
            WHERE d.deleted = 0 AND d.status = 'issued' AND substr(d.issued_at, 1, 10) BETWEEN :first AND :last
              AND NOT EXISTS (SELECT 1 FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0
                              AND n.status = 'issued')""", p):
        counts[kind] = counts.get(kind, 0) + 1
        if kind in (docs.SPOT_PENALTY, docs.ONSITE_MEASURES):
            c = json.loads(content)
            if kind == docs.SPOT_PENALTY:
                fines += float(c.get("amount") or 0)
            elif any("停产停业" in str(x) for x in c.get("decisions") or ()):
                suspensions += 1
    for kind in docs.KINDS:
        out[f"doc_{kind}"] = counts[kind]
    out["fines_yuan"], out["suspensions"] = fines, suspensions
    out["referrals"] = _one(store, "SELECT count(*) FROM ledger_referral WHERE deleted = 0 AND on_date BETWEEN :first AND :last", p)[0]
    out["certificates_expiring"], out["certificates_expired"] = _one(store, """SELECT
        count(CASE WHEN expires_on >= :as_of AND (expires_on <= :window OR (review_due != '' AND review_due <= :window))
                   THEN 1 END),
        count(CASE WHEN expires_on != '' AND expires_on < :as_of THEN 1 END)
        FROM ledger_person WHERE deleted = 0 AND on_duty = 1 AND cert_kind != ''""", p)
    out["equipment_in_use"], out["equipment_overdue"] = _one(store, """SELECT count(*),
        count(CASE WHEN next_due != '' AND next_due < :as_of THEN 1 END)
        FROM ledger_equipment WHERE deleted = 0 AND status = '在用'""", p)
    out["hazard_sources"] = _one(store, "SELECT count(*) FROM ledger_hazard_source WHERE deleted = 0 AND status = '在用'", {})[0]
    a = _one(store, """SELECT count(*), coalesce(sum(deaths + missing), 0),
        coalesce(sum(serious_injuries + minor_injuries), 0), coalesce(sum(direct_loss_wan), 0)
        FROM ledger_accident WHERE deleted = 0 AND substr(occurred_at, 1, 10) BETWEEN :first AND :last""", p)
    out["accidents"], out["accident_deaths"], out["accident_injuries"] = a[0], a[1], a[2]
    out["accident_loss_wan"] = round(float(a[3]), 2)
    out["activities"], out["activity_participants"] = _one(store, """SELECT count(*), coalesce(sum(participants), 0)
        FROM ledger_activity WHERE deleted = 0 AND on_date BETWEEN :first AND :last""", p)
    out["drills"], out["drills_year"], out["joint_actions"] = _one(store, """SELECT
        count(CASE WHEN kind = '综合应急演练' AND on_date BETWEEN :first AND :last THEN 1 END),
        count(CASE WHEN kind = '综合应急演练' AND on_date BETWEEN :year_first AND :last THEN 1 END),
        count(CASE WHEN kind = '打非治违联合执法' AND on_date BETWEEN :first AND :last THEN 1 END)
        FROM ledger_action WHERE deleted = 0""", p)
    scales = ", ".join("'" + s.replace("'", "''") + "'" for s in r.report_scales) or "''"
    out["reports_expected"], out["reports_received"], out["reports_on_time"] = _one(store, f"""SELECT
        count(CASE WHEN e.status = '在营' AND e.scale IN ({scales}) THEN 1 END),
        count(qr.id), count(CASE WHEN qr.received_on <= :due THEN 1 END)
        FROM enterprise e LEFT JOIN ledger_quarter_report qr ON qr.enterprise_id = e.id AND qr.deleted = 0
             AND qr.year = :year AND qr.quarter = :q
        WHERE e.deleted = 0""", p)
    trained_cutoff = _years_before(as_of, r.supervisor_training_years).isoformat()
    out["supervisors"], out["supervisors_training_overdue"] = _one(store, """SELECT count(*),
        count(CASE WHEN trained_on = '' OR trained_on < :cutoff THEN 1 END)
        FROM ledger_supervisor WHERE deleted = 0 AND active = 1""", {"cutoff": trained_cutoff})
    required = appointed = 0
    directors = {row[0] for row in store.conn.execute(
        "SELECT DISTINCT enterprise_id FROM ledger_person WHERE deleted = 0 AND on_duty = 1 AND role = '安全总监'")}
    for eid, employees, revenue, sector, tags in store.conn.execute(
            "SELECT id, employees, revenue_wan, sector, risk_tags FROM enterprise WHERE deleted = 0 AND status = '在营'"):
        if R.needs_safety_director(employees=employees or 0, revenue_wan=revenue or 0, sector=sector,
                                   tags=[t for t in (tags or "").split("|") if t], r=r):
            required += 1
            appointed += eid in directors
    out["directors_required"], out["directors_appointed"] = required, appointed
    out["by_village"] = by_village(store, q, p, scales)
    return out


def _years_before(d, years: int):
    # Trained on or after this day ⇔ still within the training period on ``d``.
    return R.add_years(d, -years) + timedelta(days=1)


def by_village(store: Store, q: Quarter, p: dict, scales: str) -> list[dict]:
    rows = store.conn.execute(f"""
        WITH ents AS (SELECT e.village_id, count(*) n,
                             count(CASE WHEN e.scale IN ({scales}) THEN 1 END) expected
                      FROM enterprise e WHERE e.deleted = 0 AND e.status = '在营' GROUP BY e.village_id),
             ins AS (SELECT e.village_id, count(*) n, count(DISTINCT i.enterprise_id) ents
                     FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id
                     WHERE i.deleted = 0 AND i.status = 'final' AND substr(i.started_at, 1, 10) BETWEEN :first AND :last
                     GROUP BY e.village_id),
             fnd AS (SELECT village_id, sum(grade = '一般') general, sum(grade = '重大') major,
                            sum(fixed != '' AND fixed <= :as_of) rectified
                     FROM (SELECT e.village_id, f.grade, {_FIXED} AS fixed FROM finding f
                           JOIN enterprise e ON e.id = f.enterprise_id
                           WHERE f.deleted = 0 AND f.found_on BETWEEN :first AND :last) GROUP BY village_id),
             od AS (SELECT village_id, count(*) n FROM (SELECT e.village_id, {_FIXED} AS fixed FROM finding f
                           JOIN enterprise e ON e.id = f.enterprise_id
                           WHERE f.deleted = 0 AND f.found_on <= :as_of AND f.deadline != '' AND f.deadline < :as_of)
                    WHERE fixed = '' OR fixed > :as_of GROUP BY village_id),
             rep AS (SELECT e.village_id, count(*) n FROM ledger_quarter_report qr
                     JOIN enterprise e ON e.id = qr.enterprise_id
                     WHERE qr.deleted = 0 AND qr.year = :year AND qr.quarter = :q GROUP BY e.village_id)
        SELECT coalesce(v.name, '（未分村）'), coalesce(ents.n, 0), coalesce(ins.ents, 0), coalesce(ins.n, 0),
               coalesce(fnd.general, 0), coalesce(fnd.major, 0), coalesce(fnd.rectified, 0), coalesce(od.n, 0),
               coalesce(ents.expected, 0), coalesce(rep.n, 0)
        FROM (SELECT id, name, sort FROM village WHERE deleted = 0
              UNION ALL SELECT NULL, NULL, 99999 WHERE EXISTS (SELECT 1 FROM enterprise WHERE deleted = 0
                                                               AND village_id IS NULL)) v
        LEFT JOIN ents ON ents.village_id IS v.id LEFT JOIN ins ON ins.village_id IS v.id
        LEFT JOIN fnd ON fnd.village_id IS v.id LEFT JOIN od ON od.village_id IS v.id
        LEFT JOIN rep ON rep.village_id IS v.id
        ORDER BY v.sort, v.name""", p).fetchall()
    out = []
    for name, n, inspected, inspections, general, major, rectified, overdue, expected, received in rows:
        out.append({"village": name, "enterprises": n, "inspected": inspected, "inspections": inspections,
                    "general": general, "major": major, "rectified": rectified,
                    "rate": _pct(rectified, general + major), "overdue": overdue,
                    "reports_expected": expected, "reports_received": received})
    return out


def comparison(store: Store, quarter, *, today=None) -> dict:
    """``{"current": …, "previous": …, "last_year": …}`` figures; a closed quarter's from its
    snapshot (what was reported), an open one's counted now."""
    from .quarters import closed_snapshot

    q = Quarter.parse(quarter)
    out = {"current": figures(store, q, today=today)}
    for name, other in (("previous", q.previous()), ("last_year", q.same_last_year())):
        snap = closed_snapshot(store, other)
        out[name] = snap["figures"] if snap else figures(store, other, today=today)
    return out


def change_text(current, before) -> str:
    """"+3" / "−2" / "持平" / "—" (no earlier figure) for the comparison columns."""
    if before is None:
        return "—"
    diff = round((current or 0) - (before or 0), 1)
    if diff == 0:
        return "持平"
    if float(diff).is_integer():
        diff = int(diff)
    return f"+{diff}" if diff > 0 else f"−{abs(diff)}"


__all__ = ["FIGURES", "FIGURE_KEYS", "FIGURE_KINDS", "FIGURE_LABELS", "VILLAGE_FIGURES", "by_village",
           "change_text", "comparison", "figures"]
