"""The ledgers as rows: each one a query over what is recorded (registry, inspections, findings,
documents and the hand-kept ledger tables), for one quarter, optionally one village or one
enterprise. Rows are plain dicts keyed by the columns of ``core.ledgers.ledgers`` plus ``id``
(the record behind the row) and, where there is one, ``enterprise_id``: what a screen needs to
open the record.

Statuses that depend on the date (certificate expiring, equipment overdue, days overdue) are
computed as of the quarter's reporting day: its last day, or today while it runs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from ...core import clock
from ...core.dates import as_date
from ...core.findings import STATE_LABELS
from ...core.ledgers import rules as R
from ...core.ledgers.ledgers import LEDGER_KEYS
from ...core.ledgers.quarter import Quarter
from ..db import Store

_EVENT_REINSPECTION = ("reinspection_passed", "reinspection_failed")


def _rows(store: Store, sql: str, params) -> list[dict]:
    cur = store.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _number(rows: list[dict]) -> list[dict]:
    for i, r in enumerate(rows, 1):
        r["no"] = i
    return rows


def _range(q: Quarter) -> dict:
    return {"first": q.first.isoformat(), "last": q.last.isoformat()}


def _ent_filter(alias: str, village_id, enterprise_id, params: dict) -> str:
    sql = ""
    if village_id:
        sql += f" AND {alias}.village_id = :village_id"
        params["village_id"] = village_id
    if enterprise_id:
        sql += f" AND {alias}.id = :enterprise_id"
        params["enterprise_id"] = enterprise_id
    return sql


def _yes(flag) -> bool:
    return bool(flag)


# --------------------------------------------------------------------------------------------
# 1. 企事业单位基本情况

def enterprise_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    r = R.rules()
    p = _range(q)
    flt = _ent_filter("e", village_id, enterprise_id, p)
    rows = _rows(store, f"""
        WITH eq AS (SELECT enterprise_id, count(*) n FROM ledger_equipment
                    WHERE deleted = 0 AND status = '在用' GROUP BY enterprise_id),
             so AS (SELECT enterprise_id, sum(role = '特种作业人员') ops, sum(role = '特种设备作业人员') eops,
                           min(CASE WHEN role = '安全总监' THEN name END) director
                    FROM ledger_person WHERE deleted = 0 AND on_duty = 1 GROUP BY enterprise_id),
             ins AS (SELECT enterprise_id, count(*) n FROM inspection
                     WHERE deleted = 0 AND status = 'final' AND substr(started_at, 1, 10) BETWEEN :first AND :last
                     GROUP BY enterprise_id)
        SELECT e.id, e.id AS enterprise_id, e.name, coalesce(e.uscc, e.legacy_reg_no, '') AS uscc,
               coalesce(v.name, '') AS village, e.address, e.principal, e.principal_phone, e.safety_manager,
               CASE WHEN e.safety_manager != '' THEN e.safety_manager_type ELSE '' END AS safety_manager_type,
               e.employees, e.revenue_wan, e.sector, e.scale, e.risk_tags, e.standardisation_grade,
               e.supervision_class, coalesce(eq.n, 0) AS equipment, coalesce(so.ops, 0) AS special_operators,
               coalesce(so.eops, 0) AS equipment_operators, coalesce(so.director, '') AS director,
               coalesce(ins.n, 0) AS inspections, e.status, e.village_id
        FROM enterprise e LEFT JOIN village v ON v.id = e.village_id
        LEFT JOIN eq ON eq.enterprise_id = e.id LEFT JOIN so ON so.enterprise_id = e.id
        LEFT JOIN ins ON ins.enterprise_id = e.id
        WHERE e.deleted = 0 {flt}
        ORDER BY coalesce(v.sort, 9999), v.name, e.py_full, e.id""", p)
    for row in rows:
        tags = [t for t in (row["risk_tags"] or "").split("|") if t]
        row["risk_tags"] = "、".join(tags)
        row["director_required"] = R.needs_safety_director(
            employees=row["employees"] or 0, revenue_wan=row.pop("revenue_wan") or 0, sector=row["sector"],
            tags=tags, r=r)
    return _number(rows)


# --------------------------------------------------------------------------------------------
# 2. 安全生产检查

def _officer_names(store: Store) -> dict[str, str]:
    return {i: (f"{n}（{c}）" if c else n) for i, n, c in store.conn.execute("SELECT id, name, cert_no FROM officer")}


def inspection_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    p = _range(q)
    flt = _ent_filter("e", village_id, enterprise_id, p)
    base = f"""i.deleted = 0 AND i.status = 'final' AND substr(i.started_at, 1, 10) BETWEEN :first AND :last {flt}"""
    rows = _rows(store, f"""
        SELECT i.id, i.enterprise_id, substr(i.started_at, 1, 10) AS date, e.name AS enterprise,
               coalesce(v.name, '') AS village, i.kind, i.officer_ids
        FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id LEFT JOIN village v ON v.id = e.village_id
        WHERE {base} ORDER BY i.started_at, e.py_full, i.id""", p)
    if not rows:
        return []
    officers = _officer_names(store)
    ids = {r["id"] for r in rows}
    # documents issued in the inspection itself, and the orders/opinions cited by its findings
    docs_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    record_of: dict[str, str] = {}
    for ins_id, kind, doc_no, issued_at in store.conn.execute(f"""
            SELECT d.inspection_id, d.kind, d.doc_no, d.issued_at FROM document d
            JOIN inspection i ON i.id = d.inspection_id JOIN enterprise e ON e.id = i.enterprise_id
            WHERE {base} AND d.deleted = 0 AND d.status = 'issued'
              AND NOT EXISTS (SELECT 1 FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0)
            ORDER BY d.issued_at, d.doc_no""", p):
        if kind == "inspection_record":
            record_of[ins_id] = doc_no
        else:
            docs_of[ins_id].append((issued_at, doc_no))
    stats: dict[str, dict] = defaultdict(lambda: {"general": 0, "major": 0, "open": 0, "deadline": "", "re": ""})
    for ins_id, grade, state, deadline in store.conn.execute(f"""
            SELECT f.inspection_id, f.grade, f.state, f.deadline FROM finding f
            JOIN inspection i ON i.id = f.inspection_id JOIN enterprise e ON e.id = i.enterprise_id
            WHERE {base} AND f.deleted = 0""", p):
        s = stats[ins_id]
        s["general" if grade == "一般" else "major"] += 1
        s["open"] += state != "closed"
        s["deadline"] = max(s["deadline"], deadline or "")
    for ins_id, kind, at, doc_no, issued_at in store.conn.execute(f"""
            SELECT f.inspection_id, ev.kind, ev.at, d.doc_no, d.issued_at FROM finding_event ev
            JOIN finding f ON f.id = ev.finding_id JOIN inspection i ON i.id = f.inspection_id
            JOIN enterprise e ON e.id = i.enterprise_id
            LEFT JOIN document d ON d.id = ev.document_id AND d.deleted = 0 AND d.status = 'issued'
            WHERE {base} AND ev.deleted = 0 AND f.deleted = 0
            ORDER BY ev.at""", p):
        if kind in _EVENT_REINSPECTION:
            stats[ins_id]["re"] = max(stats[ins_id]["re"], (at or "")[:10])
        if doc_no and ins_id in ids and (issued_at, doc_no) not in docs_of[ins_id]:
            docs_of[ins_id].append((issued_at, doc_no))
    for row in rows:
        s = stats[row["id"]]
        row["officers"] = "、".join(officers.get(o, "") for o in json.loads(row.pop("officer_ids") or "[]"))
        row["record_no"] = record_of.get(row["id"], "")
        row["general"], row["major"] = s["general"], s["major"]
        row["documents"] = "、".join(n for _, n in sorted(docs_of[row["id"]]))
        row["deadline"] = s["deadline"]
        row["reinspected_on"] = s["re"]
        row["closed_loop"] = s["open"] == 0
    return _number(rows)


# --------------------------------------------------------------------------------------------
# 3. 安全生产宣传教育

def activity_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    p = _range(q)
    flt = ""
    if village_id:
        flt += " AND (a.village_id = :village_id OR e.village_id = :village_id)"
        p["village_id"] = village_id
    if enterprise_id:
        flt += " AND a.enterprise_id = :enterprise_id"
        p["enterprise_id"] = enterprise_id
    rows = _rows(store, f"""
        SELECT a.id, a.enterprise_id, a.on_date AS date, a.kind, a.title, a.audience, a.participants, a.hours,
               a.content, a.place, a.organiser, a.photos
        FROM ledger_activity a LEFT JOIN enterprise e ON e.id = a.enterprise_id
        WHERE a.deleted = 0 AND a.on_date BETWEEN :first AND :last {flt}
        ORDER BY a.on_date, a.id""", p)
    for row in rows:
        row["photos"] = len(json.loads(row["photos"] or "[]"))
    return _number(rows)


# --------------------------------------------------------------------------------------------
# 4. 特种设备安全监管

def equipment_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    r = R.rules()
    as_of = q.as_of(as_date(today) or clock.today())
    p: dict = {}
    flt = _ent_filter("e", village_id, enterprise_id, p)
    rows = _rows(store, f"""
        SELECT x.id, x.enterprise_id, e.name AS enterprise, coalesce(v.name, '') AS village, x.category, x.name,
               x.model, x.reg_no, x.device_code, x.location, x.last_inspected_on, x.result, x.interval_months,
               x.next_due, x.status
        FROM ledger_equipment x JOIN enterprise e ON e.id = x.enterprise_id LEFT JOIN village v ON v.id = e.village_id
        WHERE x.deleted = 0 {flt}
        ORDER BY coalesce(v.sort, 9999), e.py_full, x.category, x.id""", p)
    for row in rows:
        row["interval_months"] = R.equipment_interval(row["category"], row["interval_months"], r=r)
        row["due_status"] = R.equipment_status(as_date(row["next_due"]), row["status"], as_of, r=r)
    return _number(rows)


# --------------------------------------------------------------------------------------------
# 5. 三类人员

def people_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    r = R.rules()
    as_of = q.as_of(as_date(today) or clock.today())
    p: dict = {}
    flt = _ent_filter("e", village_id, enterprise_id, p)
    roles = {role: i for i, role in enumerate(r.roles)}
    rows = _rows(store, f"""
        SELECT x.id, x.enterprise_id, e.name AS enterprise, x.role, x.name, x.id_no, x.category, x.item,
               x.cert_kind, x.cert_no, x.issuer, x.first_issued_on, x.issued_on, x.valid_until, x.expires_on,
               x.review_due, x.last_review_on, x.review_extended, x.on_duty
        FROM ledger_person x JOIN enterprise e ON e.id = x.enterprise_id LEFT JOIN village v ON v.id = e.village_id
        WHERE x.deleted = 0 {flt}
        ORDER BY coalesce(v.sort, 9999), e.py_full, x.id""", p)
    # SQL gives the enterprises' order; within one, the roles in the order the rules list them.
    out = []
    by_ent: dict[str, list[dict]] = {}
    for row in rows:
        by_ent.setdefault(row["enterprise_id"], []).append(row)
    for group in by_ent.values():
        group.sort(key=lambda x: (roles.get(x["role"], 99), x["name"]))
        out += group
    for row in out:
        d = R.certificate_dates(row["cert_kind"], issued_on=row.pop("issued_on"), valid_until=row["valid_until"],
                                last_review_on=row["last_review_on"], extended=bool(row.pop("review_extended")),
                                today=as_of, r=r)
        row["valid_until"] = row.pop("expires_on")
        row["cert_status"] = d.status if row["cert_kind"] else ("无证" if row["role"] in ("特种作业人员", "特种设备作业人员") else "")
        row["cert_kind"] = r.certificates[row["cert_kind"]].label if row["cert_kind"] else ""
        row["on_duty"] = _yes(row["on_duty"])
    return _number(out)


# --------------------------------------------------------------------------------------------
# 6. 事故隐患和危险源管理

def finding_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    """Findings found in the quarter or still open at some point in it (not closed before it)."""
    as_of = q.as_of(as_date(today) or clock.today())
    p = _range(q)
    flt = _ent_filter("e", village_id, enterprise_id, p)
    rows = _rows(store, f"""
        SELECT f.id, f.enterprise_id, e.name AS enterprise, coalesce(v.name, '') AS village, f.found_on, f.location,
               f.description, f.category, f.grade, CASE WHEN f.major_ref != '' THEN f.major_ref ELSE f.legal_basis END
               AS basis, f.requirement, f.deadline, f.rectified_on, f.closed_on, f.listed, f.listing_body,
               f.listing_doc_no, f.listed_on, f.listing_deadline, f.delisted_on, f.state,
               (SELECT d.doc_no FROM finding_event ev JOIN document d ON d.id = ev.document_id
                 WHERE ev.finding_id = f.id AND ev.deleted = 0 AND ev.kind IN ('order', 'order_corrected')
                   AND d.status = 'issued' ORDER BY ev.at DESC, ev.id DESC LIMIT 1) AS order_no,
               (SELECT max(substr(ev.at, 1, 10)) FROM finding_event ev WHERE ev.finding_id = f.id AND ev.deleted = 0
                   AND ev.kind IN ('reinspection_passed', 'reinspection_failed')) AS reinspected_on
        FROM finding f JOIN enterprise e ON e.id = f.enterprise_id LEFT JOIN village v ON v.id = e.village_id
        WHERE f.deleted = 0 AND f.found_on <= :last AND (f.closed_on = '' OR f.closed_on >= :first) {flt}
        ORDER BY f.found_on, e.py_full, f.id""", p)
    for row in rows:
        listed = row.pop("listed")
        body, no, on, until = (row.pop("listing_body"), row.pop("listing_doc_no"), row.pop("listed_on"),
                               row.pop("listing_deadline"))
        row["listing"] = (f"{body} {no} {on}挂牌，期限{until}".replace("  ", " ") if listed or on else "")
        row["order_no"] = row["order_no"] or ""
        row["reinspected_on"] = row["reinspected_on"] or ""
        row["state"] = STATE_LABELS.get(row["state"], row["state"])
        row["overdue_days"] = overdue_days(row["deadline"], row["rectified_on"], as_of)
    return _number(rows)


def overdue_days(deadline: str, rectified_on: str, as_of: date) -> int:
    """Days past the deadline on ``as_of`` of a finding not rectified by then (0 otherwise)."""
    due = as_date(deadline)
    done = as_date(rectified_on)
    if due is None or as_of <= due or (done is not None and done <= as_of):
        return 0
    return (as_of - due).days


def hazard_source_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    r = R.rules()
    p: dict = {}
    flt = _ent_filter("e", village_id, enterprise_id, p)
    rows = _rows(store, f"""
        SELECT x.id, x.enterprise_id, e.name AS enterprise, coalesce(v.name, '') AS village, x.name, x.substance,
               x.quantity_t, x.grade, x.filing_no, x.filed_on, x.reviewed_on, x.status
        FROM ledger_hazard_source x JOIN enterprise e ON e.id = x.enterprise_id LEFT JOIN village v ON v.id = e.village_id
        WHERE x.deleted = 0 {flt}
        ORDER BY coalesce(v.sort, 9999), e.py_full, x.id""", p)
    for row in rows:
        due = R.hazard_review_due(row["filed_on"], row["reviewed_on"], r=r)
        row["review_due"] = due.isoformat() if due else ""
    return _number(rows)


# --------------------------------------------------------------------------------------------
# 7. 事故管理

def accident_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    p = _range(q)
    flt = ""
    if village_id:
        flt += " AND e.village_id = :village_id"
        p["village_id"] = village_id
    if enterprise_id:
        flt += " AND a.enterprise_id = :enterprise_id"
        p["enterprise_id"] = enterprise_id
    return _number(_rows(store, f"""
        SELECT a.id, a.enterprise_id, a.occurred_at, a.place, coalesce(e.name, '') AS enterprise, a.type, a.deaths,
               a.serious_injuries, a.minor_injuries, a.missing, a.direct_loss_wan, a.grade, a.summary, a.reported_at,
               a.reported_to, a.investigation, a.responsibility, a.closed_on
        FROM ledger_accident a LEFT JOIN enterprise e ON e.id = a.enterprise_id
        WHERE a.deleted = 0 AND substr(a.occurred_at, 1, 10) BETWEEN :first AND :last {flt}
        ORDER BY a.occurred_at, a.id""", p))


# --------------------------------------------------------------------------------------------
# the township's own work

def township_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    return _number(_rows(store, """
        SELECT id, kind, on_date AS date, title, place, lead, departments, participants, enterprises_checked,
               problems_found, cases_referred
        FROM ledger_action WHERE deleted = 0 AND on_date BETWEEN :first AND :last
        ORDER BY on_date, id""", _range(q)))


def supervisor_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    r = R.rules()
    as_of = q.as_of(as_date(today) or clock.today())
    p: dict = {}
    flt = ""
    if village_id:
        flt = " AND s.village_id = :village_id"
        p["village_id"] = village_id
    rows = _rows(store, f"""
        SELECT s.id, s.village_id, coalesce(v.name, '') AS village, s.name, s.id_no, s.full_time, s.phone, s.cert_no,
               s.trained_on, s.exam_passed
        FROM ledger_supervisor s LEFT JOIN village v ON v.id = s.village_id
        WHERE s.deleted = 0 AND s.active = 1 {flt}
        ORDER BY coalesce(v.sort, 9999), v.name, s.name""", p)
    for row in rows:
        due = R.supervisor_training_due(row["trained_on"], r=r)
        row["training_due"] = due.isoformat() if due else ""
        row["full_time"], row["exam_passed"] = _yes(row["full_time"]), _yes(row["exam_passed"])
        if due is None:
            row["training_status"] = "未培训"
        elif as_of > due:
            row["training_status"] = "已逾期"
        elif (due - as_of).days <= r.certificate_window_days:
            row["training_status"] = "即将到期"
        else:
            row["training_status"] = "有效" if row["exam_passed"] else "考试未合格"
    return _number(rows)


def quarter_report_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    """Every enterprise that must report for the quarter (live, 在营, of a reporting scale), and any
    other that reported, with what it reported and whether it came by the due day."""
    r = R.rules()
    due = q.report_due(r.report_due_day).isoformat()
    p = {"year": q.year, "q": q.q}
    flt = _ent_filter("e", village_id, enterprise_id, p)
    scales = ", ".join("'" + s.replace("'", "''") + "'" for s in r.report_scales) or "''"
    rows = _rows(store, f"""
        SELECT coalesce(qr.id, '') AS id, e.id AS enterprise_id, e.name AS enterprise, coalesce(v.name, '') AS village,
               e.scale, coalesce(qr.received_on, '') AS received_on, qr.general_found, qr.general_rectified,
               qr.major_found, qr.major_rectified, coalesce(qr.reporter, '') AS reporter
        FROM enterprise e LEFT JOIN village v ON v.id = e.village_id
        LEFT JOIN ledger_quarter_report qr ON qr.enterprise_id = e.id AND qr.deleted = 0
             AND qr.year = :year AND qr.quarter = :q
        WHERE e.deleted = 0 AND ((e.status = '在营' AND e.scale IN ({scales})) OR qr.id IS NOT NULL) {flt}
        ORDER BY coalesce(v.sort, 9999), v.name, e.py_full, e.id""", p)
    for row in rows:
        row["on_time"] = bool(row["received_on"]) and row["received_on"] <= due
    return _number(rows)


def referral_rows(store: Store, q: Quarter, *, village_id=None, enterprise_id=None, today=None) -> list[dict]:
    p = _range(q)
    flt = _ent_filter("e", village_id, None, p)
    if enterprise_id:
        flt += " AND x.enterprise_id = :enterprise_id"
        p["enterprise_id"] = enterprise_id
    return _number(_rows(store, f"""
        SELECT x.id, x.enterprise_id, x.on_date AS date, coalesce(e.name, '') AS enterprise, x.to_body, x.reason, x.doc_no
        FROM ledger_referral x LEFT JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.deleted = 0 AND x.on_date BETWEEN :first AND :last {flt}
        ORDER BY x.on_date, x.id""", p))


_QUERIES = {
    "enterprises": enterprise_rows, "inspections": inspection_rows, "activities": activity_rows,
    "equipment": equipment_rows, "people": people_rows, "findings": finding_rows,
    "hazard_sources": hazard_source_rows, "accidents": accident_rows, "township": township_rows,
    "supervisors": supervisor_rows, "quarter_reports": quarter_report_rows, "referrals": referral_rows,
}
assert tuple(_QUERIES) == LEDGER_KEYS


def ledger_rows(store: Store, key: str, quarter, *, village_id: str | None = None,
                enterprise_id: str | None = None, today=None) -> list[dict]:
    """The live rows of ledger ``key`` (one of ``core.ledgers.ledgers.LEDGER_KEYS``) for ``quarter``
    (a :class:`Quarter` or ``"2026Q4"``)."""
    from ...core.ledgers.ledgers import spec

    spec(key)  # a Chinese error for an unknown key
    return _QUERIES[key](store, Quarter.parse(quarter), village_id=village_id, enterprise_id=enterprise_id,
                         today=today)


__all__ = ["accident_rows", "activity_rows", "enterprise_rows", "equipment_rows", "finding_rows",
           "hazard_source_rows", "inspection_rows", "ledger_rows", "overdue_days", "people_rows",
           "quarter_report_rows", "referral_rows", "supervisor_rows", "township_rows"]
