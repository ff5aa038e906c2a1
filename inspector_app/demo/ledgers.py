"""A plausible year of the township ledgers for the demo, made through the public storage API.

Two parts, either side of the recent history (:mod:`.history`):

* :func:`add_earlier_year` — before it: routine inspections (with their 现场检查记录, and for
  findings a 责令限期整改指令书, the rectification, the re-inspection and the 销号) from the
  quarter a year before the last ended one up to where the recent history starts, so the figures
  can be compared with the previous quarter and the same quarter last year. Run before the
  history so that document numbers still rise with their dates.
* :func:`add_ledgers` — after it: publicity and training activities, special equipment,
  the three kinds of personnel with their certificates, major hazard sources, accidents,
  drills and joint 打非治违 actions, village safety supervisors, referrals, the enterprises'
  quarterly hidden-danger reports, and the ended quarters closed (all but the last one, which the
  officer still has to close: it shows the completeness check and the reminder).

Deterministic for a given seed and ``today``; every write goes through ``storage`` functions the
screens use, so every rule applies.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta

from ..core import clock
from ..core import documents as docs
from ..core import settings as S
from ..core.ledgers import rules as R
from ..core.ledgers.quarter import Quarter
from ..core.forms import load_forms
from ..paths import forms_dir
from ..storage import (documents, enterprises, findings, inspection_record, inspections, ledgers, settings,
                       township)
from ..storage.db import Store
from .plan import HISTORY_DAYS, NEEDS_TAG
from .wording import NOTES, PURPOSES

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钱缪顾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国春燕红兵文斌志鹏飞宇浩东海峰俊晨雪琴亮"
# Jiangyin's area code prefix of ID numbers (320281).
AREA = "320281"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def id_number(rng: random.Random, born: date) -> str:
    """A well-formed 18-digit ID number (GB 11643 check digit) for a made-up person."""
    body = f"{AREA}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(str(rng.randint(0, 9)) for _ in range(9))


def _day_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    d = first + timedelta(days=rng.randint(0, (last - first).days))
    while d.weekday() >= 5 and d > first:
        d -= timedelta(days=1)
    return d


def _window(today: date) -> tuple[Quarter, Quarter]:
    """The demo year: from the quarter a year before the last ended one to the current one."""
    cur = Quarter.of(today)
    return cur.previous().same_last_year(), cur


# --------------------------------------------------------------------------------------------
# earlier inspections

def add_earlier_year(store: Store, *, seed: int, today: date | None = None) -> dict:
    """Routine inspections of the year before the recent history (see the module docstring)."""
    today = today or clock.today()
    rng = random.Random(f"demo-ledgers-inspections:{seed}")
    first_q, _ = _window(today)
    start, end = first_q.first, today - timedelta(days=HISTORY_DAYS + 2)
    counts: Counter = Counter()
    if end <= start:
        return dict(counts)
    officers = [o for o in sorted(township.list_officers(store), key=lambda o: (o.name, o.cert_no))
                if o.name.strip() and o.cert_no.strip()]
    pool = [e for e in enterprises.list_all(store, status="在营")]
    if len(officers) < 2 or not pool:
        return dict(counts)
    forms = list(load_forms(forms_dir()).values())
    per_quarter = max(6, min(30, round(len(pool) * 0.03)))
    days = max(1, (end - start).days)
    total = max(1, round(per_quarter * days / 91))
    plan = sorted(_day_between(rng, start, end) for _ in range(total))
    with store.write():
        for day in plan:
            ent = rng.choice(pool)
            pair = rng.sample(officers, 2)
            kind = rng.choice(("日常", "日常", "日常", "专项", "双随机", "四不两直"))
            started = datetime.combine(day, time(rng.choice((9, 10, 14, 15)), rng.choice((0, 15, 30))))
            _inspect(store, rng, ent, pair, kind, started, forms, counts)
    return dict(counts)


def _inspect(store: Store, rng: random.Random, ent, officers, kind: str, started: datetime, forms, counts) -> None:
    iid = inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=[o.id for o in officers], kind=kind,
                                       started_at=started, forms=forms, purpose=PURPOSES.get(kind, ""))
    inspections.update_header(store, iid, onsite_person=ent.principal or ent.legal_rep, onsite_person_title="负责人",
                              onsite_person_phone=ent.principal_phone or "")
    session = inspections.open_inspection(store, iid)
    tags = set(ent.risk_tags or ())
    candidates = [it for it in session.items()
                  if it.key in NOTES and not it.major_ref and it.kind != "text" and not it.on_fail.require_photo
                  and not (it.key in NEEDS_TAG and not set(NEEDS_TAG[it.key]) & tags)]
    failing = {it.key: rng.choice(NOTES[it.key]) for it in rng.sample(candidates, min(len(candidates),
                                                                                       rng.choice((0, 1, 1, 2, 3))))}
    for it in session.items():
        if it.key in failing:
            if it.kind == "number":
                value = it.limit_min - 1 if it.limit_min is not None else (it.limit_max or 0) + 3
                inspections.record_answer(store, iid, it.key, value_num=value, note=failing[it.key][1])
            else:
                inspections.record_answer(store, iid, it.key, answer="不符合", note=failing[it.key][1])
        elif it.kind == "number":
            value = it.limit_min + 1 if it.limit_min is not None else max(0, (it.limit_max or 0) - 1)
            inspections.record_answer(store, iid, it.key, value_num=value)
        elif it.kind != "text":
            inspections.record_answer(store, iid, it.key, answer="符合")
    ended = started + timedelta(minutes=rng.choice((50, 70, 90, 110)))
    fids = inspections.finalise(store, iid, findings=[{"item_key": k, "location": loc} for k, (loc, _n) in failing.items()],
                                ended_at=ended)
    inspection_record.issue_inspection_record(store, iid)
    counts["inspections"] += 1
    counts["documents"] += 1
    if not fids:
        return
    day = started.date()
    rows = [findings.get_finding(store, f) for f in fids]
    deadline = day + timedelta(days=rng.choice((7, 10, 15, 20)))
    content = {"officers": [{"name": o.name, "cert_no": o.cert_no} for o in officers], "inspected_on": day.isoformat(),
               "items": [{"description": f["description"], "deadline": deadline.isoformat(),
                          "legal_basis": f["legal_basis"]} for f in rows]}
    order = documents.issue_document(store, kind=docs.RECTIFICATION_ORDER, content=content, enterprise_id=ent.id,
                                     inspection_id=iid, issued_at=ended + timedelta(minutes=10),
                                     served={"served_at": ended + timedelta(minutes=15), "served_how": "直接送达"})
    findings.order_rectification(store, fids, document_id=order["id"], deadlines={f: deadline for f in fids})
    counts["documents"] += 1
    for fid in fids:
        done = deadline - timedelta(days=rng.randint(0, 4))
        findings.mark_rectified(store, fid, on=done)
        findings.record_reinspection(store, fid, passed=True, on=done + timedelta(days=rng.randint(1, 6)),
                                     note="现场复查，已按要求整改。")
        findings.close_finding(store, fid, on=done + timedelta(days=rng.randint(7, 10)))
        counts["findings"] += 1


# --------------------------------------------------------------------------------------------
# the hand-kept ledgers

ACTIVITIES = (
    # (month, kind, title, audience, content)
    (1, "第一责任人轮训", "村（社区）安全生产第一责任人轮训", "各村（社区）书记、主任",
     "学习《安全生产法》和澄政发〔2012〕80号，讲解村级安全生产职责和六本台账。"),
    (3, "进企业", "安全生产法律法规进企业", "规上企业主要负责人、安全管理人员", "宣讲新《安全生产法》主要负责人七项职责和法律责任。"),
    (4, "企业培训检查", "企业三级安全教育培训情况抽查", "企业新入职员工", "抽查企业三级安全教育档案、培训学时和考核记录。"),
    (5, "进学校", "安全知识进校园", "镇中心小学师生", "开展防火、防触电、防溺水安全知识讲座和疏散演练。"),
    (6, "安全生产月", "“安全生产月”咨询日活动", "镇区群众、企业职工", "设置咨询台，发放宣传资料，展出事故警示展板。"),
    (6, "安全生产月", "安全生产月警示教育片集中观看", "企业主要负责人", "组织观看典型事故警示教育片，剖析事故教训。"),
    (7, "夏百安", "“夏百安”高温季节安全生产宣传", "企业一线职工", "宣讲防暑降温、有限空间作业和用电安全。"),
    (8, "安康杯", "“安康杯”安全知识竞赛", "辖区企业职工代表队", "组织安全生产知识竞赛，评出优胜队伍。"),
    (9, "进社区", "安全知识进社区", "社区居民", "宣传电动自行车充电、燃气使用安全。"),
    (10, "进家庭", "消防安全进家庭", "出租房屋房东和租户", "上门发放家庭消防安全告知书，检查插线板和燃气软管。"),
    (11, "企业培训检查", "特种作业人员持证上岗情况抽查", "企业特种作业人员", "核查电工、焊工、叉车司机证件有效期和复审情况。"),
    (12, "进乡村", "冬季安全生产和防火宣传进乡村", "村民、小作坊业主", "宣传冬季用火用电安全，发放宣传册。"),
)

EQUIPMENT = (
    # (category, name, model, location, weight)
    ("场（厂）内专用机动车辆", "内燃平衡重式叉车", "CPCD30", "仓库", 35),
    ("起重机械", "电动单梁起重机", "LD5t-16.5m", "一车间", 25),
    ("压力容器", "储气罐", "C-1.0/0.8", "空压机房", 25),
    ("电梯", "载货电梯", "THJ2000/0.5", "成品仓库", 8),
    ("锅炉", "燃气蒸汽锅炉", "WNS2-1.25-Q", "锅炉房", 5),
    ("压力管道", "蒸汽管道", "GC2 DN80", "厂区", 2),
)
EQUIPMENT_PREFIX = {"场（厂）内专用机动车辆": "车11", "起重机械": "起17", "压力容器": "容2L", "电梯": "梯T",
                    "锅炉": "锅11", "压力管道": "管GC"}
OPERATOR_ITEM = {"场（厂）内专用机动车辆": "N1", "起重机械": "Q2", "压力容器": "R1", "锅炉": "G1", "电梯": "T"}

ACCIDENTS = (
    ("机械伤害", "冲压车间", 0, 0, 1, 3.5, "操作工在冲床送料时手部被压伤。", "光电保护装置失效，操作工违章单手操作。"),
    ("高处坠落", "仓库货架", 0, 1, 0, 12.0, "仓管员登高取货时从货架坠落，腰椎骨折。", "登高作业未使用登高梯和安全带。"),
    ("物体打击", "钢结构车间", 0, 0, 2, 2.8, "吊装钢构件时构件摆动击伤两名员工。", "吊装作业未设警戒区，指挥信号不明确。"),
    ("触电", "配电房", 1, 0, 0, 160.0, "维修电工带电检修配电柜时触电，经抢救无效死亡。", "无证人员带电作业，未执行停电、验电、挂牌制度。"),
)

DEPARTMENTS = "镇安监办、派出所、市场监管分局、消防救援站、综合执法局"


def add_ledgers(store: Store, *, seed: int, today: date | None = None) -> dict:
    """The hand-kept ledgers of the demo year, and the ended quarters closed (but the last)."""
    today = today or clock.today()
    rng = random.Random(f"demo-ledgers:{seed}")
    first_q, cur = _window(today)
    start = first_q.first
    counts: Counter = Counter()
    villages = township.list_villages(store)
    ents = enterprises.list_all(store, status="在营")
    if not ents or not villages:
        return dict(counts)
    town = settings.get(store, S.TOWNSHIP) or "本镇"
    r = R.rules()
    with store.write():
        _activities(store, rng, start, today, villages, ents, town, counts)
        equipment_by_ent = _equipment(store, rng, today, ents, counts)
        _people(store, rng, today, ents, equipment_by_ent, r, counts)
        _hazard_sources(store, rng, today, ents, counts)
        _accidents(store, rng, start, today, ents, counts)
        _township_actions(store, rng, first_q, cur, today, town, counts)
        _supervisors(store, rng, today, villages, counts)
        _referrals(store, rng, start, today, ents, counts)
        _quarter_reports(store, rng, first_q, cur, today, ents, r, counts)
    q = first_q
    last_ended = cur.previous()
    while q < last_ended:
        ledgers.close_quarter(store, q, accept_gaps=True, today=today)
        counts["closed_quarters"] += 1
        q = q.next()
    return dict(counts)


def _activities(store, rng, start, today, villages, ents, town, counts) -> None:
    d = date(start.year, start.month, 1)
    records = []
    while d <= today:
        for month, kind, title, audience, content in ACTIVITIES:
            if month != d.month:
                continue
            day = _day_between(rng, d, min(today, (d + timedelta(days=27))))
            if day > today:
                continue
            ent = rng.choice(ents) if kind == "企业培训检查" else None
            village = rng.choice(villages) if kind in ("进社区", "进家庭", "进乡村") else None
            records.append(ledgers.Activity(
                on_date=day, kind=kind, title=f"{d.year}年{title}", audience=audience,
                participants=rng.randint(25, 220), hours=rng.choice((1.5, 2, 3, 4)), content=content,
                place=(village.name + "村委会" if village else "镇政府会议室"), organiser=f"{town}安监办",
                village_id=village.id if village else None, enterprise_id=ent.id if ent else None,
                photos=[f"{title}现场{i}.jpg" for i in range(1, rng.randint(2, 5))]))
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    counts["activities"] += ledgers.save_many(store, records)


def _equipment(store, rng, today, ents, counts) -> dict:
    out: dict[str, list] = {}
    weights = [w for *_x, w in EQUIPMENT]
    serial = 0
    records = []
    for ent in ents:
        tags = set(ent.risk_tags or ())
        if "特种设备" not in tags and not (ent.scale == "规上" and rng.random() < 0.5):
            continue
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            category, name, model, location, _w = rng.choices(EQUIPMENT, weights)[0]
            interval = r_interval(category)
            # Most inspected on time; a few due soon; a few overdue (the reminder and the figure).
            roll = rng.random()
            if roll < 0.06:
                last = R.add_months(today, -interval) - timedelta(days=rng.randint(5, 80))
            elif roll < 0.14:
                last = R.add_months(today, -interval) + timedelta(days=rng.randint(1, 28))
            else:
                last = R.add_months(today, -rng.randint(1, interval - 1)) - timedelta(days=rng.randint(0, 20))
            serial += 1
            commissioned = last - timedelta(days=rng.randint(200, 3000))
            rec = ledgers.Equipment(
                enterprise_id=ent.id, category=category, name=name, model=model,
                reg_no="" if rng.random() < 0.02 else f"{EQUIPMENT_PREFIX[category]}苏B{serial:05d}({commissioned:%y})",
                device_code=f"{rng.choice((4110, 3110, 2110, 5120))}320281{commissioned:%Y}{serial:04d}",
                factory_no=f"{commissioned:%Y}{rng.randint(1000, 9999)}", location=location,
                commissioned_on=commissioned, last_inspected_on=last,
                result=rng.choice(("合格", "合格", "合格", "基本符合要求")),
                inspection_body="无锡市特种设备检验检测研究院江阴分院", report_no=f"JY{last:%Y}{serial:05d}")
            records.append(rec)
            out.setdefault(ent.id, []).append(category)
    counts["equipment"] += ledgers.save_many(store, records)
    return out


def r_interval(category: str) -> int:
    return R.equipment_interval(category)


def _cert_dates(rng, today, years: int, *, expiring: float = 0.03, expired: float = 0.02) -> date:
    """An issue date: usually well inside the validity, sometimes expiring soon or expired."""
    roll = rng.random()
    if roll < expired:
        return R.add_years(today, -years) - timedelta(days=rng.randint(5, 120))
    if roll < expired + expiring:
        return R.add_years(today, -years) + timedelta(days=rng.randint(3, 55))
    return today - timedelta(days=rng.randint(60, years * 365 - 90))


def _people(store, rng, today, ents, equipment_by_ent, r, counts) -> None:
    records = []
    ops = r.special_operations
    for ent in ents:
        tags = set(ent.risk_tags or ())
        formal = ent.scale in ("规上", "规下") or ent.sector == "危化"
        if not formal and not equipment_by_ent.get(ent.id) and rng.random() > 0.15:
            continue

        def person(role, name, **kw):
            born = date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28))
            return ledgers.Person(enterprise_id=ent.id, role=role, name=name, id_no=id_number(rng, born),
                                  phone=kw.pop("phone", "") or _phone(rng), **kw)

        mgmt = r.certificates["management"]
        if ent.principal:
            issued = _cert_dates(rng, today, mgmt.valid_years)
            records.append(person("主要负责人", ent.principal, phone=ent.principal_phone,
                                  cert_no=f"32028120{issued:%y}{rng.randint(100000, 999999)}", issuer=mgmt.issuer,
                                  issued_on=issued, trained_on=issued - timedelta(days=20), training_hours=32))
        if ent.safety_manager:
            issued = _cert_dates(rng, today, mgmt.valid_years)
            records.append(person("安全管理人员", ent.safety_manager, phone=ent.safety_manager_phone,
                                  cert_no=f"32028121{issued:%y}{rng.randint(100000, 999999)}", issuer=mgmt.issuer,
                                  issued_on=issued, trained_on=issued - timedelta(days=15), training_hours=32))
        if R.needs_safety_director(employees=ent.employees, revenue_wan=ent.revenue_wan, sector=ent.sector,
                                   tags=tags, r=r) and rng.random() < 0.8:
            records.append(person("安全总监", _name(rng), notes="企业文件任命"))
        n_ops = (rng.randint(1, 4) if formal else rng.randint(0, 1)) + (1 if tags & {"喷涂", "粉尘涉爆"} else 0)
        so = r.certificates["special_operation"]
        for _ in range(n_ops):
            category = rng.choice((ops[0], ops[0], ops[1], ops[1], ops[2], ops[3]) if "危化" != ent.sector
                                  else (ops[0], ops[8], ops[8]))
            item = {"电工作业": "低压电工作业", "焊接与热切割作业": "熔化焊接与热切割作业", "高处作业": "登高架设作业",
                    "制冷与空调作业": "制冷与空调设备运行操作作业", "危险化学品安全作业": "氧化工艺作业"}.get(category, "")
            issued = _cert_dates(rng, today, so.valid_years, expiring=0.05, expired=0.03)
            reviewed = None
            if (today - issued).days > 3 * 365 and rng.random() < 0.85:
                reviewed = R.add_years(issued, 3) - timedelta(days=rng.randint(5, 50))
            if rng.random() < 0.02:
                issued = None  # a card copied without its dates: the completeness check lists it
            p = person("特种作业人员", _name(rng), category=category, item=item, issuer=so.issuer,
                       issued_on=issued, last_review_on=reviewed)
            p.cert_no = "T" + p.id_no
            p.first_issued_on = issued
            if issued is None:
                p.valid_until = None
            records.append(p)
        se = r.certificates["special_equipment"]
        for category in sorted(set(equipment_by_ent.get(ent.id, ())))[:2]:
            if category not in OPERATOR_ITEM:
                continue
            issued = _cert_dates(rng, today, se.valid_years)
            p = person("特种设备作业人员", _name(rng), category=OPERATOR_ITEM[category], issuer=se.issuer,
                       issued_on=issued, first_issued_on=issued)
            p.cert_no = p.id_no
            records.append(p)
    counts["people"] += ledgers.save_many(store, records)


def _hazard_sources(store, rng, today, ents, counts) -> None:
    chem = [e for e in ents if e.sector == "危化" or "危化品储存" in (e.risk_tags or ())]
    substances = (("甲醇储罐区", "甲醇", 480.0), ("液氨储罐", "液氨", 15.0), ("油漆仓库", "油漆（含二甲苯）", 60.0),
                  ("液化石油气储罐", "液化石油气", 55.0), ("盐酸储罐区", "盐酸", 120.0), ("丙酮仓库", "丙酮", 520.0))
    records = []
    for i, ent in enumerate(chem[:6]):
        name, substance, qty = substances[i % len(substances)]
        filed = today - timedelta(days=rng.randint(200, 1400))
        reviewed = filed + timedelta(days=3 * 365 - rng.randint(10, 60)) if (today - filed).days > 3 * 365 else None
        records.append(ledgers.HazardSource(
            enterprise_id=ent.id, name=name, substance=substance, quantity_t=qty, grade=rng.choice(("三级", "四级")),
            filing_no="" if i == 5 else f"BA320281{filed:%Y}{i + 1:03d}", filed_on=filed, reviewed_on=reviewed))
    counts["hazard_sources"] += ledgers.save_many(store, records)


def _accidents(store, rng, start, today, ents, counts) -> None:
    span = (today - start).days
    records = []
    for i, (kind, place, deaths, serious, minor, loss, summary, cause) in enumerate(ACCIDENTS):
        day = start + timedelta(days=int(span * (i + 0.5) / len(ACCIDENTS)))
        ent = rng.choice([e for e in ents if e.sector in ("机械", "冶金", "建材")] or ents)
        occurred = datetime.combine(day, time(rng.randint(8, 16), rng.choice((5, 20, 40))))
        closed = day + timedelta(days=rng.randint(45, 75))
        records.append(ledgers.Accident(
            occurred_at=occurred, place=f"{ent.name}{place}", enterprise_id=ent.id, type=kind, deaths=deaths,
            serious_injuries=serious, minor_injuries=minor, direct_loss_wan=loss, summary=summary, cause=cause,
            reported_at=occurred + timedelta(minutes=rng.randint(20, 55)),
            reported_to="江阴市应急管理局值班室" if deaths or serious else "镇安监办",
            investigation=("市应急管理局牵头成立事故调查组" if deaths else "镇安监办组织调查"),
            responsibility="对企业主要负责人立案处罚，责任人移交处理" if deaths else "企业内部追责，责令整改",
            measures="全面排查同类隐患，开展警示教育", closed_on=closed if closed < today else None))
    counts["accidents"] += ledgers.save_many(store, records)


def _township_actions(store, rng, first_q, cur, today, town, counts) -> None:
    records = []
    q = first_q
    while q < cur:
        day = _day_between(rng, q.first + timedelta(days=20), q.last - timedelta(days=10))
        records.append(ledgers.TownshipAction(
            kind="打非治违联合执法", on_date=day, title=f"{q.label}“打非治违”联合执法行动", place="辖区重点区域",
            lead=f"{town}安委办", departments=DEPARTMENTS, participants=rng.randint(12, 30),
            enterprises_checked=rng.randint(15, 45), problems_found=rng.randint(20, 80),
            cases_referred=rng.randint(0, 2), content="重点整治“厂中厂”、出租厂房、无证经营和违规存储危险化学品。"))
        if q.q == 2:
            records.append(ledgers.TownshipAction(
                kind="综合应急演练", on_date=_day_between(rng, date(q.year, 6, 10), date(q.year, 6, 25)),
                title=f"{q.year}年{town}生产安全事故综合应急演练", place="镇工业集中区",
                lead=f"{town}人民政府", departments="镇安监办、消防救援站、卫生院、派出所、供电所",
                participants=rng.randint(80, 150), content="模拟企业危化品仓库火灾，演练报警、疏散、救援和医疗救护。"))
        if q.q == 3:
            records.append(ledgers.TownshipAction(
                kind="专项应急演练", on_date=_day_between(rng, q.first + timedelta(days=10), q.last - timedelta(days=20)),
                title="有限空间作业事故专项应急演练", place="污水处理站", lead=f"{town}安监办",
                departments="镇安监办、消防救援站", participants=rng.randint(30, 60),
                content="演练有限空间中毒窒息事故的报告、监护和救援。"))
        q = q.next()
    counts["actions"] += ledgers.save_many(store, records)


def _supervisors(store, rng, today, villages, counts) -> None:
    records = []
    for i, v in enumerate(villages):
        trained = today - timedelta(days=rng.randint(100, 700) if i % 7 else rng.randint(760, 900))
        born = date(rng.randint(1968, 1990), rng.randint(1, 12), rng.randint(1, 28))
        records.append(ledgers.Supervisor(
            village_id=v.id, name=_name(rng), id_no=id_number(rng, born), phone=_phone(rng), full_time=i % 3 == 0,
            cert_no=f"JYAJ{trained:%Y}{i + 1:03d}", trained_on=trained, exam_passed=True))
    counts["supervisors"] += ledgers.save_many(store, records)


def _referrals(store, rng, start, today, ents, counts) -> None:
    records = [
        ledgers.Referral(on_date=_day_between(rng, start + timedelta(days=60), today - timedelta(days=30)),
                         enterprise_id=rng.choice(ents).id, to_body="江阴市市场监督管理局",
                         reason="使用未经定期检验的叉车，属特种设备安全监管职责，移送处理。",
                         doc_no=f"澄安移〔{today.year - 1}〕1号"),
        ledgers.Referral(on_date=_day_between(rng, today - timedelta(days=80), today - timedelta(days=15)),
                         enterprise_id=rng.choice(ents).id, to_body="江阴市消防救援大队",
                         reason="员工宿舍与生产车间“三合一”，涉及消防违法行为，移送处理。",
                         doc_no=f"澄安移〔{today.year - 1}〕2号"),
    ]
    counts["referrals"] += ledgers.save_many(store, [x for x in records if start <= x.on_date <= today])


def _quarter_reports(store, rng, first_q, cur, today, ents, r, counts) -> None:
    required = [e for e in ents if e.scale in r.report_scales]
    records = []
    q = first_q
    while q < cur:
        for ent in required:
            if rng.random() > 0.92:
                continue  # not reported at all
            received = q.next().first + timedelta(days=rng.randint(0, 13) if rng.random() < 0.9 else rng.randint(15, 40))
            if received > today:
                continue  # not yet: the current reporting window
            gf = rng.randint(0, 12)
            mf = 1 if rng.random() < 0.02 else 0
            records.append(ledgers.QuarterReport(
                enterprise_id=ent.id, year=q.year, quarter=q.q, received_on=received, general_found=gf,
                general_rectified=max(0, gf - rng.randint(0, 2)), major_found=mf, major_rectified=mf,
                reporter=ent.safety_manager or ent.principal or ""))
        q = q.next()
    counts["quarter_reports"] += ledgers.save_many(store, records)


__all__ = ["add_earlier_year", "add_ledgers", "id_number"]
