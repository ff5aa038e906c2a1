"""What is missing before a quarter is closed (the completeness check) and what Today should
remind the officer of. Both return plain dataclasses that name the record behind each entry
(``table`` and ``record_id``, plus ``enterprise_id``), so a screen can open it in one click.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ...core import clock
from ...core import findings as frules
from ...core.dates import as_date
from ...core.ledgers import rules as R
from ...core.ledgers.quarter import Quarter
from ..db import Store


@dataclass(frozen=True)
class Issue:
    code: str            # what kind of gap (see CHECK_LABELS)
    ledger: str          # the ledger key it belongs to
    table: str           # the table of the record to open
    record_id: str
    enterprise_id: str | None
    message: str         # Chinese, one line


CHECK_LABELS = {
    "inspection_no_record": "检查未出具现场检查记录（无文号）",
    "finding_not_reinspected": "整改期限已过尚未复查的隐患",
    "major_five_missing": "重大隐患五到位未填全",
    "certificate_no_expiry": "证书未登记有效期",
    "operator_no_certificate": "特种作业/特种设备作业人员未登记证书",
    "equipment_no_inspection": "在用特种设备未登记检验日期",
    "equipment_no_registration": "在用特种设备未登记使用登记证编号",
    "hazard_source_not_filed": "重大危险源未登记备案编号",
    "accident_not_reported": "事故未登记报告时间",
    "activity_no_participants": "宣传教育活动未登记参加人数",
    "no_drill_this_year": "本年未开展综合应急演练",
    "no_joint_action": "本季度未开展打非治违联合执法",
    "report_missing": "企业季报逾期未报",
    "supervisor_training_overdue": "村（社区）安监员培训逾期",
}


def _q(store: Store, sql: str, params) -> list[tuple]:
    return store.conn.execute(sql, params).fetchall()


def completeness(store: Store, quarter, *, today=None) -> list[Issue]:
    """Every gap in the quarter's ledgers, in ledger order."""
    q = Quarter.parse(quarter)
    r = R.rules()
    today = as_date(today) or clock.today()
    as_of = q.as_of(today)
    p = {"first": q.first.isoformat(), "last": q.last.isoformat(), "as_of": as_of.isoformat(),
         "year_first": q.year_start().isoformat()}
    out: list[Issue] = []
    add = out.append
    for iid, eid, name, day in _q(store, """
            SELECT i.id, i.enterprise_id, e.name, substr(i.started_at, 1, 10) FROM inspection i
            JOIN enterprise e ON e.id = i.enterprise_id
            WHERE i.deleted = 0 AND i.status = 'final' AND substr(i.started_at, 1, 10) BETWEEN :first AND :last
              AND NOT EXISTS (SELECT 1 FROM document d WHERE d.inspection_id = i.id AND d.deleted = 0
                              AND d.kind = 'inspection_record' AND d.status = 'issued')
            ORDER BY i.started_at""", p):
        add(Issue("inspection_no_record", "inspections", "inspection", iid, eid,
                  f"{day} 对“{name}”的检查尚未出具现场检查记录，检查台账缺少文号。"))
    states = ", ".join(f"'{s}'" for s in (*frules.OPEN_STATES, "awaiting_reinspection"))
    for fid, eid, name, desc, deadline in _q(store, f"""
            SELECT f.id, f.enterprise_id, e.name, f.description, f.deadline FROM finding f
            JOIN enterprise e ON e.id = f.enterprise_id
            WHERE f.deleted = 0 AND f.found_on <= :last AND f.deadline != '' AND f.deadline < :as_of
              AND f.state IN ({states})
            ORDER BY f.deadline""", p):
        add(Issue("finding_not_reinspected", "findings", "finding", fid, eid,
                  f"“{name}”的隐患“{desc[:30]}”整改期限{deadline}已过，尚未复查。"))
    for row in _q(store, """
            SELECT f.id, f.enterprise_id, e.name, f.description, f.five_measures, f.five_responsible, f.five_funds,
                   f.five_deadline, f.five_contingency FROM finding f JOIN enterprise e ON e.id = f.enterprise_id
            WHERE f.deleted = 0 AND f.grade = '重大' AND f.found_on <= :last AND (f.closed_on = '' OR f.closed_on >= :first)
            ORDER BY f.found_on""", p):
        five = dict(zip(frules.FIVE_FIELDS, row[4:]))
        missing = frules.five_missing(five)
        if missing:
            labels = "、".join(frules.FIVE_LABELS[k] for k in missing)
            add(Issue("major_five_missing", "findings", "finding", row[0], row[1],
                      f"“{row[2]}”的重大隐患“{row[3][:30]}”五到位缺：{labels}。"))
    for pid, eid, name, person, role, cert_no, cert_kind, expires in _q(store, """
            SELECT x.id, x.enterprise_id, e.name, x.name, x.role, x.cert_no, x.cert_kind, x.expires_on
            FROM ledger_person x JOIN enterprise e ON e.id = x.enterprise_id
            WHERE x.deleted = 0 AND x.on_duty = 1 ORDER BY e.py_full, x.name""", {}):
        if cert_kind and not expires:
            add(Issue("certificate_no_expiry", "people", "ledger_person", pid, eid,
                      f"“{name}”{role}{person}的证书{cert_no}未登记发证日期或有效期。"))
        elif not cert_kind and role in ("特种作业人员", "特种设备作业人员"):
            add(Issue("operator_no_certificate", "people", "ledger_person", pid, eid,
                      f"“{name}”{role}{person}未登记证书编号和有效期。"))
    for xid, eid, name, label, last, reg in _q(store, """
            SELECT x.id, x.enterprise_id, e.name, x.category || x.name, x.last_inspected_on, x.reg_no
            FROM ledger_equipment x JOIN enterprise e ON e.id = x.enterprise_id
            WHERE x.deleted = 0 AND x.status = '在用' ORDER BY e.py_full""", {}):
        if not last:
            add(Issue("equipment_no_inspection", "equipment", "ledger_equipment", xid, eid,
                      f"“{name}”的{label}未登记上次检验日期。"))
        if not reg:
            add(Issue("equipment_no_registration", "equipment", "ledger_equipment", xid, eid,
                      f"“{name}”的{label}未登记使用登记证编号。"))
    for hid, eid, name, label in _q(store, """
            SELECT x.id, x.enterprise_id, e.name, x.name FROM ledger_hazard_source x
            JOIN enterprise e ON e.id = x.enterprise_id
            WHERE x.deleted = 0 AND x.status = '在用' AND x.filing_no = '' ORDER BY e.py_full""", {}):
        add(Issue("hazard_source_not_filed", "hazard_sources", "ledger_hazard_source", hid, eid,
                  f"“{name}”的重大危险源“{label}”未登记备案编号。"))
    for aid, eid, at, place in _q(store, """
            SELECT id, enterprise_id, occurred_at, place FROM ledger_accident
            WHERE deleted = 0 AND substr(occurred_at, 1, 10) BETWEEN :first AND :last AND reported_at = ''
            ORDER BY occurred_at""", p):
        add(Issue("accident_not_reported", "accidents", "ledger_accident", aid, eid,
                  f"{at.replace('T', ' ')}在{place}发生的事故未登记报告时间和报告对象。"))
    for aid, day, title in _q(store, """
            SELECT id, on_date, title FROM ledger_activity
            WHERE deleted = 0 AND on_date BETWEEN :first AND :last AND participants = 0 ORDER BY on_date""", p):
        add(Issue("activity_no_participants", "activities", "ledger_activity", aid, None,
                  f"{day}“{title}”未登记参加人数。"))
    drills, joint = _q(store, """SELECT
            count(CASE WHEN kind = '综合应急演练' AND on_date BETWEEN :year_first AND :last THEN 1 END),
            count(CASE WHEN kind = '打非治违联合执法' AND on_date BETWEEN :first AND :last THEN 1 END)
            FROM ledger_action WHERE deleted = 0""", p)[0]
    if q.q == 4 and drills < r.drills_per_year:
        add(Issue("no_drill_this_year", "township", "ledger_action", "", None,
                  f"{q.year}年未开展综合应急演练（澄政发〔2012〕80号（二十）：每年至少{r.drills_per_year}次）。"))
    if joint < r.joint_actions_per_quarter:
        add(Issue("no_joint_action", "township", "ledger_action", "", None,
                  f"{q.label}未开展打非治违联合执法（（九）：每季度至少{r.joint_actions_per_quarter}次）。"))
    due = q.report_due(r.report_due_day)
    if today > due:
        for eid, name in missing_reports(store, q):
            add(Issue("report_missing", "quarter_reports", "enterprise", eid, eid,
                      f"“{name}”{q.label}隐患排查治理季报逾期未报（应于{due.isoformat()}前报送）。"))
    cutoff = (R.add_years(as_of, -r.supervisor_training_years) + timedelta(days=1)).isoformat()
    for sid, vname, name, trained in _q(store, """
            SELECT s.id, coalesce(v.name, ''), s.name, s.trained_on FROM ledger_supervisor s
            LEFT JOIN village v ON v.id = s.village_id
            WHERE s.deleted = 0 AND s.active = 1 AND (s.trained_on = '' OR s.trained_on < ?)
            ORDER BY v.sort, s.name""", [cutoff]):
        when = f"最近一次培训为{trained}" if trained else "未登记培训"
        add(Issue("supervisor_training_overdue", "supervisors", "ledger_supervisor", sid, None,
                  f"{vname}安监员{name}{when}，已超过{r.supervisor_training_years}年未参加脱产培训考试。"))
    return out


def summary(issues: list[Issue]) -> list[tuple[str, str, int]]:
    """(code, label, count) per kind of gap, in CHECK_LABELS order."""
    n = Counter(i.code for i in issues)
    return [(code, label, n[code]) for code, label in CHECK_LABELS.items() if n[code]]


def missing_reports(store: Store, quarter) -> list[tuple[str, str]]:
    """(enterprise id, name) of enterprises that must report for ``quarter`` and have not."""
    q = Quarter.parse(quarter)
    scales = ", ".join("'" + s.replace("'", "''") + "'" for s in R.rules().report_scales) or "''"
    return _q(store, f"""
        SELECT e.id, e.name FROM enterprise e LEFT JOIN village v ON v.id = e.village_id
        WHERE e.deleted = 0 AND e.status = '在营' AND e.scale IN ({scales})
          AND NOT EXISTS (SELECT 1 FROM ledger_quarter_report qr WHERE qr.enterprise_id = e.id AND qr.deleted = 0
                          AND qr.year = ? AND qr.quarter = ?)
        ORDER BY coalesce(v.sort, 9999), e.py_full""", [q.year, q.q])


# --------------------------------------------------------------------------------------------
# reminders on Today

@dataclass
class Reminder:
    code: str            # certificates_expiring / certificates_expired / equipment_due / no_drill /
                         # no_joint_action / reports_missing / quarter_not_closed
    ledger: str
    text: str            # Chinese, one line with the count
    count: int
    items: list[dict] = field(default_factory=list)   # id, enterprise_id, enterprise, detail, date


def reminders(store: Store, *, today=None) -> list[Reminder]:
    """What the ledgers need from the officer today, most urgent first; [] when nothing."""
    from .quarters import quarter_state

    r = R.rules()
    today = as_date(today) or clock.today()
    cur = Quarter.of(today)
    prev = cur.previous()
    out: list[Reminder] = []
    window = (today + timedelta(days=r.certificate_window_days)).isoformat()
    t = today.isoformat()

    prev_state = quarter_state(store, prev)
    if not prev_state.is_closed and today >= prev.close_reminder_from(r.close_remind_after_days):
        out.append(Reminder("quarter_not_closed", "", f"{prev.label}已结束{(today - prev.last).days}天，台账尚未结账上报。",
                            1, [{"id": str(prev), "detail": prev.label, "date": prev.last.isoformat()}]))
    due = prev.report_due(r.report_due_day)
    if today > due:
        missing = missing_reports(store, prev)
        if missing:
            out.append(Reminder("reports_missing", "quarter_reports",
                                f"{len(missing)}家企业{prev.label}隐患排查治理季报逾期未报（应于{due.isoformat()}前报送）。",
                                len(missing), [{"id": eid, "enterprise_id": eid, "enterprise": name,
                                                "detail": "季报未报", "date": due.isoformat()}
                                               for eid, name in missing]))
    expired = [_item(x) for x in _q(store, """
        SELECT x.id, x.enterprise_id, e.name, x.name || '（' || x.role || '）', x.expires_on
        FROM ledger_person x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.deleted = 0 AND x.on_duty = 1 AND x.cert_kind != '' AND x.expires_on != '' AND x.expires_on < ?
        ORDER BY x.expires_on""", [t])]
    if expired:
        out.append(Reminder("certificates_expired", "people", f"{len(expired)}本在岗人员证书已过期。", len(expired), expired))
    expiring = [_item(x) for x in _q(store, """
        SELECT x.id, x.enterprise_id, e.name, x.name || '（' || x.role || '）',
               CASE WHEN x.review_due != '' AND x.review_due >= :t AND x.review_due < x.expires_on
                    AND x.review_due <= :w THEN x.review_due ELSE x.expires_on END
        FROM ledger_person x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.deleted = 0 AND x.on_duty = 1 AND x.cert_kind != '' AND x.expires_on >= :t
          AND (x.expires_on <= :w OR (x.review_due != '' AND x.review_due BETWEEN :t AND :w))
        ORDER BY 5""", {"t": t, "w": window})]
    if expiring:
        out.append(Reminder("certificates_expiring", "people",
                            f"{len(expiring)}本证书将在{r.certificate_window_days}天内到期或须复审。", len(expiring), expiring))
    eq_window = (today + timedelta(days=r.equipment_window_days)).isoformat()
    due_eq = [_item(x) for x in _q(store, """
        SELECT x.id, x.enterprise_id, e.name, x.category || ' ' || x.name, x.next_due
        FROM ledger_equipment x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.deleted = 0 AND x.status = '在用' AND x.next_due != '' AND x.next_due <= ?
        ORDER BY x.next_due""", [eq_window])]
    if due_eq:
        overdue = sum(1 for i in due_eq if i["date"] < t)
        out.append(Reminder("equipment_due", "equipment",
                            f"{len(due_eq)}台特种设备{r.equipment_window_days}天内到期检验（其中{overdue}台已逾期）。",
                            len(due_eq), due_eq))
    drills, joint = _q(store, """SELECT
        count(CASE WHEN kind = '综合应急演练' AND on_date BETWEEN :y AND :t THEN 1 END),
        count(CASE WHEN kind = '打非治违联合执法' AND on_date BETWEEN :qf AND :t THEN 1 END)
        FROM ledger_action WHERE deleted = 0""", {"y": date(today.year, 1, 1).isoformat(), "t": t,
                                                  "qf": cur.first.isoformat()})[0]
    if drills < r.drills_per_year:
        out.append(Reminder("no_drill", "township", f"{today.year}年尚未开展综合应急演练（每年至少{r.drills_per_year}次）。", 1))
    if joint < r.joint_actions_per_quarter:
        out.append(Reminder("no_joint_action", "township",
                            f"{cur.label}尚未开展打非治违联合执法（每季度至少{r.joint_actions_per_quarter}次）。", 1))
    return out


def _item(row) -> dict:
    rid, eid, ename, detail, when = row
    return {"id": rid, "enterprise_id": eid, "enterprise": ename, "detail": detail, "date": when}


__all__ = ["CHECK_LABELS", "Issue", "Reminder", "completeness", "missing_reports", "reminders", "summary"]
