"""A recent enforcement history for the demo township, made through the real storage APIs.

A demo registry alone leaves the officer's screens empty. :func:`add_history` adds the last
~4 months of work: inspections with their 现场检查记录, findings at every stage of the
rectification cycle (registered, ordered, rectifying, overdue, awaiting and due for
re-inspection, a failed re-inspection with a new deadline, passed, closed), major findings with
五到位 listed for supervision, a 现场处理措施决定书, a 当场处罚决定书, a voided and a corrected
document, and one inspection left as a draft.

Everything goes through the functions the UI calls (``start_inspection``, ``record_answer``,
``finalise``, ``issue_document``, ``order_rectification``, ``record_reinspection`` …), so every
rule, document number and schema trigger applies; no table is written directly. The steps run
in date order, so document numbers rise with their dates as on a real laptop.

Deterministic for a given seed, ``today`` and stored township: ``random.Random(seed)`` picks the
enterprises, answers and dates. The storage API stamps the real time (not the story's date) on:
``inspection.finalised_at``, the ``at`` of 责令整改 and 五到位 finding events, ``voided_at`` of
the voided document, and the sync columns (``created_at``/``updated_at``).
"""

from __future__ import annotations

import heapq
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..core import documents as docs
from ..core.enterprise import Enterprise
from ..core.findings import REINSPECTION_STATES, quarter_of, quarter_range
from ..core.forms import ChecklistForm, Item, assemble, load_forms
from . import documents, findings, inspection_record, inspections, township
from .db import Store

HISTORY_DAYS = 120
# Demo townships this size and larger get a history by default (demo_loader); smaller ones are
# test fixtures whose tests expect to start with no inspections, findings or documents.
HISTORY_MIN_ENTERPRISES = 100
MIN_INSPECTIONS = 20  # the showcase roles below need about 16
MAX_INSPECTIONS = 60  # keeps creating even a 20,000-enterprise demo to a few seconds
INSPECTIONS_PER_ENTERPRISE = 0.06

_AUTO = object()

# Where and what an officer would note for a failed item: (location, on-site situation).
# Only items listed here (and the majors below) are failed, so every finding reads as written
# by hand.
NOTES: dict[str, tuple[tuple[str, str], ...]] = {
    "main_responsibility:r01": (("办公室", "未制定全员安全生产责任制，各岗位安全职责和考核标准不明确"),),
    "main_responsibility:r03": (("财务室", "未按规定提取安全生产费用，无安全投入使用记录"),),
    "main_responsibility:p02": (("办公室", "新入职的3名操作工未经三级安全教育即上岗，培训档案缺失"),
                                ("办公室", "转岗员工未重新进行岗位安全培训")),
    "main_responsibility:p03": (("二车间", "现场1名叉车司机无法出示特种设备作业人员证"),
                                ("配电房", "维修电工特种作业操作证已过期，未按期复审")),
    "main_responsibility:s01": (("冲压车间", "冲床岗位未公示安全操作规程，操作工存在单手操作现象"),),
    "main_responsibility:s02": (("一车间", "车间主通道堆放半成品及包装材料，通道宽度不足1米"),
                                ("成品仓库", "仓库物料堆放杂乱，堆垛超高且无通道")),
    "main_responsibility:s03": (("配电房", "配电房、空压机房等较大危险因素场所未设置安全警示标志"),),
    "main_responsibility:s04": (("冲压车间", "2台冲床光电保护装置失效，1台砂轮机防护罩缺失"),
                                ("机加工车间", "车床急停按钮损坏，未及时维修")),
    "main_responsibility:s05": (("钢结构车间", "现场电焊作业未办理动火审批，未安排专人监护"),),
    "main_responsibility:s06": (("油漆仓库", "油漆仓库未落实专人管理，仓库门未上锁"),),
    "main_responsibility:s07": (("办公室", "未建立隐患排查治理台账，近三个月无隐患排查记录"),),
    "main_responsibility:ppe01": (("打磨车间", "未为打磨岗位员工配发防尘口罩和护目镜"),),
    "main_responsibility:ppe02": (("焊接车间", "2名电焊工作业时未佩戴防护面罩和绝缘手套"),),
    "main_responsibility:em01": (("办公室", "未制定生产安全事故应急救援预案"),),
    "main_responsibility:em02": (("办公室", "近一年未组织应急预案演练，无演练记录"),),
    "main_responsibility:em03": (("仓库", "应急物资柜内急救药品过期，未配备应急照明器材"),),
    "main_responsibility:led04": (("办公室", "安全教育培训台账不全，培训记录无考核结果"),),
    "main_responsibility:led05": (("办公室", "安全检查台账未记录发现问题的整改情况"),),
    "main_responsibility:led08": (("办公室", "劳动防护用品发放无员工签收记录"),),
    "main_responsibility:led12": (("办公室", "特种作业人员台账未登记证件有效期和复审情况"),),
    "main_responsibility:sys04": (("办公室", "未制定动火、临时用电等危险作业审批制度"),),
    "main_responsibility:sys05": (("办公室", "未制定隐患排查治理制度"),),
    "occupational_health:oh01": (("办公室", "未向卫生健康部门申报职业病危害项目"),),
    "occupational_health:oh03": (("喷漆房", "喷漆房门口未设置职业病危害警示标识和告知卡"),),
    "occupational_health:oh04": (("打磨车间", "打磨岗位员工佩戴普通纱布口罩，未配发防尘口罩"),),
    "occupational_health:oh06": (("办公室", "未委托机构开展职业病危害因素定期检测"),),
    "occupational_health:oh07": (("办公室", "接触粉尘、噪声岗位员工未进行在岗期间职业健康检查"),),
    "occupational_health:oh09": (("办公室", "未组织职业卫生培训，无培训记录"),),
    "small_workshop:sw02": (("员工宿舍", "员工宿舍仅设一个出口，疏散通道堆放杂物"),),
    "small_workshop:sw03": (("成品仓库", "仓库安全出口被成品货物堵塞"),),
    "small_workshop:sw05": (("一车间", "车间疏散指示标志损坏，应急照明灯不亮"),),
    "small_workshop:sw11": (("一车间", "车间灭火器数量不足，部分被货物遮挡"),),
    "small_workshop:sw12": (("二车间", "3具灭火器压力指针位于红区，无定期检查记录"),),
    "small_workshop:sw13": (("车间", "现场抽问2名员工均不会使用灭火器"),),
    "small_workshop:sw21": (("一车间", "车间电气线路私拉乱接，部分电线未穿管直接敷设在木质货架上"),),
    "small_workshop:sw22": (("车间", "配电箱门缺失，箱前堆放纸箱，漏电保护器试验按钮失灵"),),
    "small_workshop:sw23": (("车间", "现场电气维修由无电工证人员进行"),),
    "small_workshop:sw24": (("机加工车间", "空压机皮带轮防护罩缺失"),),
    "small_workshop:sw25": (("员工宿舍", "宿舍楼道内停放电动自行车并充电"),),
    "small_workshop:sw31": (("食堂", "食堂使用液化气未安装可燃气体报警装置"),),
    "small_workshop:sw32": (("食堂", "液化气钢瓶软管老化龟裂，连接处未用管卡固定"),),
    "small_workshop:sw51": (("喷涂车间", "喷涂作业在敞开车间内进行，未设置独立喷漆房"),),
    "small_workshop:sw53": (("喷涂车间", "现场存放油漆、稀释剂约10桶，超过当班用量"),),
    "confined_space:cs11": (("污水处理站", "未对有限空间作业人员和监护人员进行专项安全培训"),),
    "confined_space:cs12": (("污水处理站", "未配备正压式空气呼吸器、三脚架等应急救援装备"),),
    "ammonia_refrigeration:a13": (("氨制冷机房", "氨制冷机房未配备正压式空气呼吸器，洗眼器无水"),),
    "ammonia_refrigeration:a15": (("办公室", "未制定液氨泄漏现场处置方案，未组织演练"),),
}

# Major items (major_ref) a showcase finding may come from, with its note, best first.
MAJOR_NOTES: dict[str, tuple[str, str]] = {
    "dust_explosion:d03": ("除尘器", "抛光车间布袋除尘器未设置泄爆片，也未采取惰化、抑爆措施"),
    "dust_explosion:d10": ("抛光车间", "抛光车间地面、设备顶部积尘厚度明显超过1毫米，未落实粉尘清理制度"),
    "dust_explosion:d06": ("除尘器", "木粉干式除尘器未设置锁气卸灰装置，人工直接开仓卸灰"),
    "hazardous_chemicals:h20": ("化学品仓库", "稀释剂、油漆与双氧水混存于同一仓库，且超量储存"),
    "hazardous_chemicals:h18": ("生产车间", "未制定动火、进入受限空间等特殊作业管理制度，现场动火未办理作业票"),
    "hazardous_chemicals:h17": ("生产车间", "反应釜岗位无操作规程，未制定工艺控制指标"),
    "hazardous_chemicals:h16": ("办公室", "未建立全员安全生产责任制，未制定隐患排查治理制度"),
    "confined_space:cs03": ("污水池", "清理污水池作业未进行通风和气体检测即安排人员进入"),
    "confined_space:cs02": ("污水池", "清理污水池的有限空间作业未办理作业审批"),
    "gongmao_major_general:g01": ("出租厂房", "厂区内多家承租单位未纳入统一协调管理，未签订安全管理协议，未定期开展安全检查"),
    "gongmao_major_general:g14": ("冲压车间", "冲压线安全光幕被人为屏蔽，失去防护作用"),
}
MAJOR_PREFERENCE = {
    # the one with a 现场处理措施决定书: a danger on the shop floor first
    "major_onsite": ("dust_explosion:d03", "dust_explosion:d10", "hazardous_chemicals:h20", "confined_space:cs03",
                     "hazardous_chemicals:h18", "confined_space:cs02", "gongmao_major_general:g14",
                     "hazardous_chemicals:h17", "gongmao_major_general:g01", "hazardous_chemicals:h16"),
    "major_listed": ("gongmao_major_general:g01", "hazardous_chemicals:h18", "confined_space:cs02",
                     "dust_explosion:d06", "hazardous_chemicals:h17", "dust_explosion:d10",
                     "hazardous_chemicals:h16", "dust_explosion:d03", "gongmao_major_general:g14"),
    "major_closed": ("dust_explosion:d06", "confined_space:cs02", "hazardous_chemicals:h17",
                     "dust_explosion:d10", "hazardous_chemicals:h16", "gongmao_major_general:g01",
                     "hazardous_chemicals:h18", "dust_explosion:d03"),
}
# A cheap filter before assembling an enterprise's checklist: what the form needs.
_FORM_HINT = {
    "dust_explosion": lambda e: "粉尘涉爆" in e["tags"],
    "hazardous_chemicals": lambda e: e["sector"] == "危化" or {"危化品使用", "危化品储存"} & set(e["tags"]),
    "confined_space": lambda e: "有限空间" in e["tags"],
    "gongmao_major_general": lambda e: e["sector"] not in ("危化", "其他"),
}
# Items only failed at enterprises where they can occur (tenants, contractors).
_NEEDS_TAG = {
    "gongmao_major_general:g01": ("出租厂房",),
    "main_responsibility:c01": ("出租厂房", "外包作业"),
    "main_responsibility:c02": ("出租厂房", "外包作业"),
    "confined_space:cs13": ("外包作业",),
    "main_responsibility:led11": ("特种设备",),
}
TEXT_ANSWERS = {
    "ammonia_refrigeration:a11": "液氨储存量约3吨，未构成危险化学品重大危险源。",
}

KIND_WEIGHTS = (("日常", 45), ("专项", 20), ("双随机", 15), ("四不两直", 12), ("举报核查", 8))
PURPOSES = {
    "双随机": "按照“双随机、一公开”抽查计划，对你单位安全生产情况进行监督检查。",
    "四不两直": "采取“四不两直”方式，对你单位安全生产情况进行暗查暗访。",
    "举报核查": "核查群众举报反映的你单位安全生产问题。",
}
ONSITE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
LISTING_BODY = "江阴市安全生产委员会办公室"

# Showcase roles: each guarantees a state or a document the demo must show.
ROLES = ("registered", "mailed", "due_week", "overdue", "overdue_late", "awaiting", "failed", "passed",
         "closed", "on_the_spot", "spot_penalty", "voided", "corrected", "major_onsite", "major_listed")
MAJOR_CLOSED_FROM = 24  # a third major (listed, passed, de-listed, closed) from this many inspections


def default_inspections(n_enterprises: int) -> int:
    """How many inspections the history of a township this size gets."""
    return max(MIN_INSPECTIONS, min(MAX_INSPECTIONS, round(n_enterprises * INSPECTIONS_PER_ENTERPRISE)))


def _wd_before(d: date) -> date:
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _wd_after(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute))


@dataclass
class _Visit:
    role: str
    ent: dict
    officers: list
    day: date = date.min
    kind: str = "日常"
    failures: int = 0
    major_key: str = ""
    must_fail: tuple[str, ...] = ()
    offsets: list[int] = field(default_factory=list)  # per finding: deadline − found, in days
    start: datetime = datetime.min
    end: datetime = datetime.min
    id: str = ""
    finding_ids: list[str] = field(default_factory=list)
    deadlines: list[date] = field(default_factory=list)
    record_no: str = ""
    order: dict | None = None


class _History:
    def __init__(self, store: Store, *, seed: int, today: date, photos_root: Path | None):
        self.store, self.today, self.photos_root = store, today, photos_root
        self.rng = random.Random(f"demo-history:{seed}")
        self.forms: list[ChecklistForm] = list(load_forms(_forms_dir()).values())
        self.queue: list = []
        self.seq = 0
        self.visits: list[_Visit] = []
        self.counts: Counter = Counter()
        self._font = None

    # -- the plan ------------------------------------------------------------------------------
    def plan(self, total: int) -> None:
        rng, T = self.rng, self.today
        officers = sorted(township.list_officers(self.store), key=lambda o: (o.name, o.cert_no))
        officers = [o for o in officers if o.name.strip() and o.cert_no.strip()]
        if len(officers) < 2:
            raise ValueError("演示检查历史需要至少两名持证执法人员，请先在“设置—执法人员”中添加。")
        self.officers = officers
        pool = self._enterprise_pool()
        if not pool:
            raise ValueError("演示乡镇没有在营企业，无法生成检查历史。")
        roles = list(ROLES) + (["major_closed"] if total >= MAJOR_CLOSED_FROM else [])
        used: set[str] = set()

        def take(pred=lambda e: True):
            for e in pool:
                if e["id"] not in used and pred(e):
                    used.add(e["id"])
                    return e
            return None

        visits = []
        for role in roles:
            if role.startswith("major_"):
                ent, key = self._major_candidate(pool, used, MAJOR_PREFERENCE[role])
                if ent is None:
                    continue  # a township without any enterprise a major item applies to
                used.add(ent["id"])
                v = _Visit(role, ent, rng.sample(officers, 2), major_key=key, failures=1,
                           kind=rng.choice(("专项", "四不两直")))
            else:
                pred = {"spot_penalty": lambda e: e["scale"] != "个体",
                        "voided": lambda e: e["scale"] != "个体"}.get(role, lambda e: True)
                ent = take(pred) or take()
                if ent is None:
                    break
                v = _Visit(role, ent, rng.sample(officers, 2), kind=self._kind())
                v.failures = {"registered": 2, "on_the_spot": rng.randint(1, 2)}.get(role, rng.randint(1, 3))
                if role == "spot_penalty":
                    v.must_fail = ("main_responsibility:s03",)
            visits.append(v)
        for _ in range(max(0, total - len(visits))):
            ent = take()
            if ent is None:
                break
            v = _Visit("natural", ent, rng.sample(officers, 2), kind=self._kind())
            r = rng.random()
            v.failures = 0 if r < 0.4 else 1 if r < 0.65 else 2 if r < 0.87 else 3 if r < 0.97 else 4
            visits.append(v)
        draft_ent = take()

        for v in visits:
            getattr(self, f"_plan_{v.role}")(v)
            self.visits.append(v)
        if draft_ent is not None:
            d = _wd_before(T - timedelta(days=1))
            v = _Visit("draft", draft_ent, rng.sample(officers, 2), day=d, kind=self._kind())
            v.start = _at(d, 14, rng.choice((0, 10, 20, 30, 40)))
            self._step(v.start, "draft", v, keep=True)

    def _enterprise_pool(self) -> list[dict]:
        """Active enterprises, in a seeded order that puts those with risk tags (and bigger
        firms) first more often: Efraimidis–Spirakis weighted shuffle."""
        rows = self.store.conn.execute(
            "SELECT id, name, village_id, risk_tags, sector, scale, address, legal_rep, legal_rep_phone, "
            "principal, principal_phone, safety_manager, safety_manager_phone FROM enterprise "
            "WHERE deleted = 0 AND status = '在营' ORDER BY name, uscc, address").fetchall()
        pool = []
        for r in rows:
            e = dict(zip(("id", "name", "village_id", "risk_tags", "sector", "scale", "address", "legal_rep",
                          "legal_rep_phone", "principal", "principal_phone", "safety_manager",
                          "safety_manager_phone"), r))
            e["tags"] = [t for t in (e["risk_tags"] or "").split("|") if t]
            weight = 1 + 3 * bool(e["tags"]) + (e["scale"] in ("规上", "规下"))
            pool.append((self.rng.random() ** (1 / weight), e))
        pool.sort(key=lambda p: -p[0])
        return [e for _, e in pool]

    def _checklist_keys(self, ent_id: str) -> set[str]:
        cur = self.store.conn.execute("SELECT * FROM enterprise WHERE id = ?", [ent_id])
        ent = Enterprise.from_row(dict(zip([d[0] for d in cur.description], cur.fetchone())))
        return {it.key for form in assemble(self.forms, ent) for it in form.items()}

    def _major_candidate(self, pool, used, preference):
        items = {it.key: it for form in self.forms for it in form.items()}
        for key in preference:
            item = items.get(key)
            if item is None or (item.on_fail.require_photo and self.photos_root is None):
                continue
            hint = _FORM_HINT.get(key.partition(":")[0], lambda e: True)
            tags = _NEEDS_TAG.get(key)
            for e in pool:
                if e["id"] in used or not hint(e) or (tags and not set(tags) & set(e["tags"])):
                    continue
                if key in self._checklist_keys(e["id"]):
                    return e, key
        return None, ""

    def _kind(self) -> str:
        kinds, weights = zip(*KIND_WEIGHTS)
        return self.rng.choices(kinds, weights)[0]

    def _step(self, when: datetime, name: str, v: _Visit, *, keep: bool = False, **kw) -> bool:
        """Schedule a step; a step dated today or later has not happened yet and is left out
        (``keep``: it may fall on today)."""
        if when.date() > self.today or (when.date() == self.today and not keep):
            return False
        self.seq += 1
        heapq.heappush(self.queue, (when, self.seq, name, v, kw))
        return True

    def _visit_day(self, v: _Visit, ago_lo: int, ago_hi: int) -> None:
        rng = self.rng
        v.day = _wd_before(self.today - timedelta(days=rng.randint(ago_lo, ago_hi)))
        v.start = _at(v.day, rng.randint(8, 14), rng.choice((0, 10, 20, 30, 40, 50)))
        v.end = v.start + timedelta(minutes=rng.randint(6, 15) * 10)
        # run at the end: the record is dated then, so records are numbered in that order
        self._step(v.end, "inspect", v)

    def _days(self, d: date, n: int) -> date:
        return d + timedelta(days=n)

    def _offsets(self, v: _Visit, lo: int, hi: int, first: int | None = None) -> None:
        """Per-item deadlines between ``lo`` and ``hi`` days (7–30), the earliest ``first``."""
        rng = self.rng
        lo, hi = max(7, lo), min(30, max(hi, lo))
        n = max(1, v.failures)
        v.offsets = [rng.randint(lo, hi) for _ in range(n)]
        if first is not None:
            v.offsets = [first] + [rng.randint(max(first, lo), max(first, hi)) for _ in range(n - 1)]
            rng.shuffle(v.offsets)

    def _first_deadline(self, v: _Visit) -> date:
        return self._days(v.day, min(v.offsets))

    def _order_now(self, v: _Visit, **kw) -> None:
        self._step(v.end + timedelta(minutes=15), "order", v, served=True, **kw)

    def _reinspect_and_close(self, v: _Visit, report: date | None, *, check_after=(1, 6),
                             close_same_day: float = 0.85) -> date:
        """The enterprise reports (if ``report``), the officer re-inspects and it passes, 销号."""
        rng = self.rng
        first = self._first_deadline(v)
        if report:
            self._step(_at(report, 16), "report", v)
        start = min(report, first) if report else first
        x = _wd_after(self._days(start, rng.randint(*check_after)))
        self._step(_at(x, rng.randint(9, 11), 30), "reinspect", v, fail=())
        closing = x if rng.random() < close_same_day else _wd_after(self._days(x, rng.randint(1, 5)))
        self._step(_at(closing, 15, 30), "close", v)
        return x

    # -- the roles: each planned from its visit date on --------------------------------------
    def _plan_natural(self, v: _Visit) -> None:
        rng = self.rng
        self._visit_day(v, 2, HISTORY_DAYS)
        if not v.failures:
            return
        v.offsets = [rng.choice((7, 10, 15, 20, 30)) for _ in range(v.failures)]
        first = self._first_deadline(v)
        on_the_spot = rng.random() < 0.9
        served_on = v.day
        if on_the_spot:
            self._order_now(v)
        else:
            self._step(v.end + timedelta(minutes=15), "order", v, served=False)
            served_on = _wd_after(self._days(v.day, rng.randint(1, 3)))
            self._step(_at(served_on, 10), "serve", v, how=rng.choice(("直接送达", "邮寄送达")))
        u = rng.random()
        report = (max(self._days(served_on, 1), self._days(first, -rng.randint(0, 4))) if u < 0.75
                  else self._days(first, rng.randint(1, 6)) if u < 0.87 else None)
        if report and rng.random() < (0.9 if report <= first else 0.7):
            self._reinspect_and_close(v, report, check_after=(1, 7))
            return
        if report:
            self._step(_at(report, 16), "report", v)
        x = _wd_after(self._days(min(report, first) if report else first, rng.randint(1, 7)))
        failed = {rng.randrange(v.failures)} if report else set(range(v.failures))
        new_deadline = self._days(x, rng.choice((7, 10, 15)))
        self._step(_at(x, 10), "reinspect", v, fail=failed, new_deadline=new_deadline)
        if len(failed) < v.failures:
            self._step(_at(x, 15, 30), "close", v)
        if rng.random() < 0.85:
            report2 = max(self._days(x, 1), self._days(new_deadline, -rng.randint(0, 3)))
            self._step(_at(report2, 16), "report", v)
            x2 = _wd_after(self._days(min(report2, new_deadline), rng.randint(1, 5)))
            self._step(_at(x2, 10), "reinspect", v, fail=())
            self._step(_at(x2, 15, 30), "close", v)

    def _plan_registered(self, v: _Visit) -> None:
        # Found on the last working day: the 责令整改 is still to be written.
        self._visit_day(v, 1, 1)

    def _plan_mailed(self, v: _Visit) -> None:
        # The order went out by post and has not reached the enterprise yet: "ordered".
        self._visit_day(v, 2, 3)
        self._offsets(v, 10, 30)
        issued = _wd_after(self._days(v.day, 1))
        when = _at(issued, 9, 30) if issued < self.today else v.end + timedelta(minutes=15)
        self._step(when, "order", v, served=False)

    def _plan_due_week(self, v: _Visit) -> None:
        self._visit_day(v, 8, 16)
        due = self._days(self.today, self.rng.randint(1, 5))
        self._offsets(v, 7, 30, first=(due - v.day).days)
        self._order_now(v)

    def _plan_overdue(self, v: _Visit) -> None:
        # Deadline passed a few days ago, nothing reported: overdue for rectification.
        self._visit_day(v, 25, 35)
        target = self._days(self.today, -self.rng.randint(2, 7))
        first = min(30, max(7, (target - v.day).days))
        self._offsets(v, first, 30, first=first)
        self._order_now(v)

    def _plan_overdue_late(self, v: _Visit) -> None:
        # Long overdue: the re-inspection window has run out as well.
        self._visit_day(v, 40, 55)
        first = self.rng.randint(10, 20)
        self._offsets(v, first, 30, first=first)
        self._order_now(v)

    def _plan_awaiting(self, v: _Visit) -> None:
        # Reported rectified a few days ago, deadline still ahead: the re-inspection is due.
        self._visit_day(v, 12, 20)
        lo = (self._days(self.today, 2) - v.day).days
        self._offsets(v, lo, 30, first=self.rng.randint(max(7, lo), 30))
        self._order_now(v)
        report = max(self._days(v.day, 1), self._days(self.today, -self.rng.randint(1, 4)))
        self._step(_at(report, 16), "report", v)

    def _plan_failed(self, v: _Visit) -> None:
        # The re-inspection found one item not done: a new deadline within the coming days.
        rng = self.rng
        self._visit_day(v, 38, 50)
        self._offsets(v, 10, 20)
        self._order_now(v)
        first = self._first_deadline(v)
        report = self._days(first, -rng.randint(0, 2))
        self._step(_at(report, 16), "report", v)
        x = _wd_after(self._days(report, rng.randint(2, 4)))
        new_deadline = self._days(self.today, rng.randint(3, 12))
        self._step(_at(x, 10), "reinspect", v, fail={0}, new_deadline=new_deadline)
        if v.failures > 1:
            self._step(_at(x, 15, 30), "close", v)

    def _plan_passed(self, v: _Visit) -> None:
        # Re-inspected and passed in the last days; the 销号 is still to be done.
        rng = self.rng
        self._visit_day(v, 25, 40)
        self._offsets(v, 7, 15)
        self._order_now(v)
        first = self._first_deadline(v)
        report = max(self._days(v.day, 1), self._days(first, -rng.randint(0, 3)))
        self._step(_at(report, 16), "report", v)
        x = _wd_before(self._days(self.today, -rng.randint(1, 3)))
        self._step(_at(max(x, self._days(report, 1)), 10), "reinspect", v, fail=())

    def _plan_closed(self, v: _Visit) -> None:
        self._visit_day(v, 60, 100)
        self._offsets(v, 7, 20)
        self._order_now(v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(v.day, 2), self._days(first, -self.rng.randint(0, 4))),
                                  close_same_day=1)

    def _plan_on_the_spot(self, v: _Visit) -> None:
        # 一般隐患 removed while the officers were there: accepted and closed without an order.
        self._visit_day(v, 20, 90)
        self._step(v.end + timedelta(minutes=20), "report", v, note="现场立即整改完毕")
        self._step(v.end + timedelta(minutes=40), "reinspect", v, fail=(), document=False)
        self._step(v.end + timedelta(minutes=45), "close", v)

    def _order_then_close(self, v: _Visit) -> None:
        """Order now; the enterprise rectifies a little before the first deadline; re-inspect, close."""
        self._order_now(v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(v.day, 2), self._days(first, -self.rng.randint(0, 3))))

    def _plan_spot_penalty(self, v: _Visit) -> None:
        self._visit_day(v, 30, 80)
        self._offsets(v, 7, 15)
        self._step(v.end + timedelta(minutes=10), "penalty", v)
        self._order_then_close(v)

    def _plan_voided(self, v: _Visit) -> None:
        # The first order named the wrong enterprise: voided unserved, the right one issued.
        self._visit_day(v, 40, 100)
        self._offsets(v, 7, 20)
        self._step(v.end + timedelta(minutes=10), "wrong_order", v)
        self._order_then_close(v)

    def _plan_corrected(self, v: _Visit) -> None:
        # The order left out a legal basis: corrected by a new document the next working day.
        self._visit_day(v, 40, 100)
        self._offsets(v, 10, 20)
        self._order_now(v, flawed=True)
        fix = _wd_after(self._days(v.day, 1))
        self._step(_at(fix, 9), "correct", v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(fix, 1), self._days(first, -self.rng.randint(0, 3))))

    def _listing_day(self, v: _Visit, after: int) -> date:
        # Listed in the current quarter (the quarterly report shows it), never before it is found.
        q_first, _ = quarter_range(*quarter_of(self.today))
        return min(self.today, max(self._days(v.day, after), q_first))

    def _plan_major_onsite(self, v: _Visit) -> None:
        # 现场处理措施 on the day, an order with 14 days, 挂牌督办, 五到位, and a failed
        # re-inspection whose new deadline falls in the coming days.
        rng = self.rng
        self._visit_day(v, 28, 38)
        v.offsets = [14]
        self._step(v.end + timedelta(minutes=10), "measures", v)
        self._order_now(v)
        listed = self._listing_day(v, 2)
        self._step(_at(listed, 14), "list", v, keep=True, listed_on=listed,
                   deadline=self._days(self.today, rng.randint(30, 60)))
        self._step(_at(self._days(v.day, 3), 11), "five", v)
        x = _wd_after(self._days(v.day, 15))
        self._step(_at(x, 10), "reinspect", v, fail={0}, new_deadline=self._days(self.today, rng.randint(3, 6)))

    def _plan_major_listed(self, v: _Visit) -> None:
        # Listed with a 督办期限 a few days ahead: shows in Today's expiring listings.
        rng = self.rng
        self._visit_day(v, 12, 20)
        v.offsets = [30]
        self._order_now(v)
        listed = self._listing_day(v, 1)
        self._step(_at(listed, 14), "list", v, keep=True, listed_on=listed,
                   deadline=self._days(self.today, rng.randint(4, 6)))
        self._step(_at(self._days(v.day, 2), 11), "five", v)

    def _plan_major_closed(self, v: _Visit) -> None:
        # The whole cycle of a major: listed, 五到位, rectified, passed, de-listed, closed.
        self._visit_day(v, 70, 100)
        v.offsets = [20]
        self._order_now(v)
        listed = self._days(v.day, 2)
        self._step(_at(listed, 14), "list", v, listed_on=listed, deadline=self._days(v.day, 50))
        self._step(_at(self._days(v.day, 3), 11), "five", v)
        self._step(_at(self._days(v.day, 18), 16), "report", v)
        x = _wd_after(self._days(v.day, 21))
        self._step(_at(x, 10), "reinspect", v, fail=(), photo=True)
        self._step(_at(x, 14), "delist", v)
        self._step(_at(x, 15, 30), "close", v)

    # -- running it ----------------------------------------------------------------------------
    def run(self) -> None:
        while self.queue:
            self._when, _seq, name, v, kw = heapq.heappop(self.queue)
            if name not in ("inspect", "draft") and not v.id:
                continue
            getattr(self, f"_do_{name}")(v, **kw)

    def _content_officers(self, v: _Visit) -> list[dict]:
        return [{"name": o.name, "cert_no": o.cert_no} for o in v.officers]

    def _findings(self, v: _Visit) -> list[dict]:
        return [findings.get_finding(self.store, fid) for fid in v.finding_ids]

    def _answer_all(self, v: _Visit, session, failing: dict[str, tuple[str, str]], *, share: float = 1.0) -> None:
        rng, store = self.rng, self.store
        items = list(session.items())
        if share < 1.0:
            items = items[: max(1, int(len(items) * share))]
        for it in items:
            key = it.key
            if key in failing:
                note = failing[key][1]
                if it.kind == "number":
                    value = it.limit_min - 1 if it.limit_min is not None else (it.limit_max or 0) + 3
                    inspections.record_answer(store, v.id, key, value_num=value, note=note)
                else:
                    inspections.record_answer(store, v.id, key, answer="不符合", note=note)
                continue
            if it.kind == "text":
                if key in TEXT_ANSWERS:
                    inspections.record_answer(store, v.id, key, value_text=TEXT_ANSWERS[key])
                continue
            if self._not_applicable(it, v.ent):
                inspections.record_answer(store, v.id, key, answer="不适用")
            elif it.kind == "number":
                if it.limit_min is not None:
                    value = it.limit_min + rng.randint(0, 2)
                else:
                    value = max(0, (it.limit_max or 0) - rng.randint(1, 5))
                inspections.record_answer(store, v.id, key, value_num=value)
            else:
                inspections.record_answer(store, v.id, key, answer="符合")

    def _not_applicable(self, it: Item, ent: dict) -> bool:
        tags = _NEEDS_TAG.get(it.key)
        if tags is not None:
            return not set(tags) & set(ent["tags"])
        if "不适用" in it.question or "不涉及" in it.question:
            return self.rng.random() < 0.7
        return False

    def _pick_failures(self, v: _Visit, session) -> dict[str, tuple[str, str]]:
        rng = self.rng
        items = {it.key: it for it in session.items()}
        chosen: dict[str, tuple[str, str]] = {}
        if v.major_key and v.major_key in items:
            chosen[v.major_key] = MAJOR_NOTES[v.major_key]
        for key in v.must_fail:
            if key in items and key in NOTES:
                chosen[key] = rng.choice(NOTES[key])
        candidates = [k for k, it in items.items()
                      if k in NOTES and k not in chosen and not it.major_ref and it.kind != "text"
                      and not (it.on_fail.require_photo and self.photos_root is None)
                      and not (k in _NEEDS_TAG and not set(_NEEDS_TAG[k]) & set(v.ent["tags"]))
                      # no order yet: only items whose own deadline has not run out overnight
                      and not (v.role == "registered" and it.deadline_days < 7)]
        want = max(0, v.failures - len(chosen)) if not v.major_key else 0
        for key in rng.sample(candidates, min(want, len(candidates))):
            chosen[key] = rng.choice(NOTES[key])
        # checklist order, as the finalised record lists them
        return {k: chosen[k] for k in items if k in chosen}

    def _header(self, v: _Visit) -> dict:
        e = v.ent
        if e["safety_manager"] and self.rng.random() < 0.4:
            person, title, phone = e["safety_manager"], "安全管理员", e["safety_manager_phone"]
        elif e["principal"]:
            person, title, phone = e["principal"], "负责人", e["principal_phone"]
        else:
            person, title, phone = e["legal_rep"], "法定代表人", e["legal_rep_phone"]
        return {"onsite_person": person, "onsite_person_title": title, "onsite_person_phone": phone or ""}

    def _purpose(self, v: _Visit) -> str:
        if v.kind == "专项":
            tags = v.ent["tags"]
            for tag, topic in (("粉尘涉爆", "粉尘涉爆企业"), ("有限空间", "有限空间作业"),
                               ("危化品使用", "危险化学品使用"), ("危化品储存", "危险化学品储存"),
                               ("喷涂", "喷涂作业"), ("涉氨制冷", "涉氨制冷企业")):
                if tag in tags:
                    return f"开展{topic}安全专项检查。"
            return "开展消防安全和用电安全专项检查。"
        return PURPOSES.get(v.kind, "")

    def _do_inspect(self, v: _Visit) -> None:
        store = self.store
        v.id = inspections.start_inspection(
            store, enterprise_id=v.ent["id"], officer_ids=[o.id for o in v.officers], kind=v.kind,
            started_at=v.start, forms=self.forms, purpose=self._purpose(v))
        inspections.update_header(store, v.id, **self._header(v))
        session = inspections.open_inspection(store, v.id)
        failing = self._pick_failures(v, session)
        self._answer_all(v, session, failing)
        for key, (location, _note) in failing.items():
            if session.item(key).on_fail.require_photo:
                self._add_photo(inspection_id=v.id, item_key=key, kind="问题", caption=f"{location}现场")
        v.finding_ids = inspections.finalise(
            store, v.id, findings=[{"item_key": k, "location": loc} for k, (loc, _n) in failing.items()],
            ended_at=v.end)
        # per-item deadlines for the order (fewer findings than planned: the first offsets)
        offsets = v.offsets or [7]
        v.deadlines = [self._days(v.day, offsets[i % len(offsets)]) for i in range(len(v.finding_ids))]
        record = inspection_record.issue_inspection_record(store, v.id)  # served on site with it
        v.record_no = record["doc_no"]
        self.counts["documents"] += 1
        self.counts["inspections"] += 1
        self.counts["findings"] += len(v.finding_ids)

    def _do_draft(self, v: _Visit) -> None:
        store = self.store
        v.id = inspections.start_inspection(
            store, enterprise_id=v.ent["id"], officer_ids=[o.id for o in v.officers], kind=v.kind,
            started_at=v.start, forms=self.forms, purpose=self._purpose(v))
        inspections.update_header(store, v.id, **self._header(v))
        session = inspections.open_inspection(store, v.id)
        self._answer_all(v, session, {}, share=self.rng.uniform(0.4, 0.7))
        self.counts["drafts"] += 1

    def _order_content(self, v: _Visit, *, flawed: bool = False) -> dict:
        items = []
        for f, deadline in zip(self._findings(v), v.deadlines):
            items.append({"description": f["description"], "deadline": deadline.isoformat(),
                          "legal_basis": f["legal_basis"]})
        if flawed:
            items[0]["legal_basis"] = ""
        return {"officers": self._content_officers(v), "items": items, "inspected_on": v.day.isoformat()}

    def _issue(self, v: _Visit, kind: str, content: dict, when: datetime, *, served: bool,
               enterprise_id: str | None = None, inspection: bool = True) -> dict:
        doc = documents.issue_document(
            self.store, kind=kind, content=content, enterprise_id=enterprise_id or v.ent["id"],
            inspection_id=v.id if inspection else None, issued_at=when,
            served={"served_at": when + timedelta(minutes=5), "served_how": "直接送达"} if served else None)
        self.counts["documents"] += 1
        return doc

    def _do_order(self, v: _Visit, *, served: bool, flawed: bool = False) -> None:
        if not v.finding_ids:
            return
        v.order = self._issue(v, docs.RECTIFICATION_ORDER, self._order_content(v, flawed=flawed), self._when,
                              served=served)
        findings.order_rectification(self.store, v.finding_ids, document_id=v.order["id"],
                                     deadlines=dict(zip(v.finding_ids, v.deadlines)))

    def _do_serve(self, v: _Visit, *, how: str) -> None:
        if v.order is None:
            return
        served_at = max(self._when, datetime.fromisoformat(v.order["issued_at"]) + timedelta(hours=1))
        documents.record_service(self.store, v.order["id"], served_at=served_at, served_how=how)

    def _do_wrong_order(self, v: _Visit) -> None:
        if not v.finding_ids:
            return
        wrong = self.store.conn.execute(
            "SELECT id, name FROM enterprise WHERE village_id IS ? AND id != ? AND deleted = 0 "
            "AND status = '在营' ORDER BY name LIMIT 1 OFFSET ?",
            [v.ent["village_id"], v.ent["id"], self.rng.randint(0, 5)]).fetchone()
        if wrong is None:
            wrong = self.store.conn.execute(
                "SELECT id, name FROM enterprise WHERE id != ? AND deleted = 0 ORDER BY name LIMIT 1",
                [v.ent["id"]]).fetchone()
        if wrong is None:
            return
        doc = self._issue(v, docs.RECTIFICATION_ORDER, self._order_content(v), self._when, served=False,
                          enterprise_id=wrong[0], inspection=False)
        documents.void_document(
            self.store, doc["id"],
            reason=f"误将被检查单位填写为“{wrong[1]}”（应为“{v.ent['name']}”），文书未送达，予以作废，已重新出具。")
        self.counts["void"] += 1

    def _do_correct(self, v: _Visit) -> None:
        if v.order is None:
            return
        when = self._when
        new = documents.correct_document(self.store, v.order["id"], content=self._order_content(v), issued_at=when)
        v.order = documents.record_service(self.store, new["id"], served_at=when + timedelta(minutes=40),
                                           served_how="直接送达")
        self.counts["documents"] += 1
        self.counts["corrected"] += 1

    def _do_measures(self, v: _Visit) -> None:
        if not v.finding_ids:
            return
        f = self._findings(v)[0]
        dust = v.major_key.startswith("dust_explosion")
        decisions = (["责令暂时停止使用相关设施、设备", "责令从危险区域内撤出作业人员"] if dust
                     else ["责令从危险区域内撤出作业人员", "责令暂时停产停业"])
        content = {"officers": self._content_officers(v), "inspected_on": v.day.isoformat(),
                   "dangers": [f["description"]], "legal_basis": ONSITE_BASIS, "decisions": decisions}
        self._issue(v, docs.ONSITE_MEASURES, content, self._when, served=True)

    def _do_penalty(self, v: _Visit) -> None:
        f = next((f for f in self._findings(v) if f["item_key"] == "main_responsibility:s03"), None)
        if f is None:
            return
        decided = self._when
        where = f["location"] or "生产场所"
        content = {
            "officers": self._content_officers(v), "variant": "unit",
            "decided_at": decided.isoformat(timespec="minutes"), "place": v.ent["address"] or v.ent["name"],
            "facts": (f"{docs.cn_date(v.day)}现场检查时发现，你单位{where}等存在较大危险因素的场所未设置明显的"
                      f"安全警示标志。以上事实有现场检查记录（{v.record_no}）为证。"),
            "violated": "《中华人民共和国安全生产法》第三十五条",
            "basis": "《中华人民共和国安全生产法》第九十九条第（一）项",
            "penalty": "罚款", "amount": self.rng.choice((1000, 1500, 2000)), "payment": "银行缴纳",
            "statement": "当事人对违法事实无异议，未提出陈述、申辩。",
        }
        self._issue(v, docs.SPOT_PENALTY, content, decided, served=True)
        self.counts["spot_penalties"] += 1

    def _do_report(self, v: _Visit, *, note: str = "") -> None:
        when = self._when
        for f in self._findings(v):
            if f["state"] in ("registered", "ordered", "rectifying"):
                findings.mark_rectified(self.store, f["id"], on=when.date(),
                                        note=note or "企业书面报告已整改完毕，附整改前后照片")

    def _do_reinspect(self, v: _Visit, *, fail=(), new_deadline: date | None = None, document: bool = True,
                      photo: bool = False) -> None:
        store, when = self.store, self._when
        rows = [(i, f) for i, f in enumerate(self._findings(v)) if f["state"] in REINSPECTION_STATES]
        if not rows:
            return
        results = []
        for i, f in rows:
            passed = i not in fail
            result = "已整改" if passed else ("部分整改" if f["rectified_on"] else "未整改")
            results.append((f, passed, result))
        opinion = None
        if document and v.order is not None:
            content = {
                "officers": self._content_officers(v), "original_doc_no": v.order["doc_no"],
                "original_date": v.order["issued_at"][:10], "original_decision": "责令限期整改",
                "items": [{"description": f["description"], "result": r} for f, _p, r in results],
                "opinion": _opinion_text(results, new_deadline),
            }
            opinion = self._issue(v, docs.REINSPECTION_OPINION, content, when, served=True)
        for f, passed, result in results:
            note = ("现场复查，整改符合要求" if passed else "整改尚未全部完成" if result == "部分整改"
                    else "企业尚未落实整改措施")
            findings.record_reinspection(store, f["id"], passed=passed, on=when.date(), note=f"{result}。{note}",
                                         new_deadline=None if passed else new_deadline,
                                         document_id=opinion["id"] if opinion else None)
            if passed and photo:
                self._add_photo(finding_id=f["id"], kind="复查", caption="整改后现场")
        self.counts["reinspections"] += 1

    def _do_close(self, v: _Visit) -> None:
        for f in self._findings(v):
            if f["state"] == "passed" and not f["listed"]:
                findings.close_finding(self.store, f["id"], on=self._when.date(), note="复查合格，予以销号")

    def _do_five(self, v: _Visit) -> None:
        f = self._findings(v)[0]
        measures = (MAJOR_FIVE.get(v.major_key) or f["requirement"] or "按整改指令逐项整改").strip()
        responsible = f"{v.ent['principal'] or v.ent['legal_rep']}（主要负责人）"
        findings.set_five(self.store, f["id"], measures=measures, responsible=responsible,
                          funds=self.rng.choice((8000, 12000, 18000, 25000, 36000)),
                          deadline=v.deadlines[0].isoformat(),
                          contingency="整改期间停止相关作业，设置警戒区域，落实专人监护，现场配备应急器材")

    def _do_list(self, v: _Visit, *, listed_on: date, deadline: date) -> None:
        f = self._findings(v)[0]
        findings.list_for_supervision(self.store, f["id"], body=LISTING_BODY,
                                      doc_no=f"澄安委办〔{listed_on.year}〕{self.rng.randint(3, 40)}号",
                                      listed_on=listed_on, deadline=deadline)
        self.counts["listed"] += 1

    def _do_delist(self, v: _Visit) -> None:
        f = self._findings(v)[0]
        if f["listed"] and f["state"] == "passed":
            findings.delist(self.store, f["id"], on=self._when.date(), note="复查合格，予以摘牌")

    # -- photos --------------------------------------------------------------------------------
    def _add_photo(self, *, kind: str, caption: str, **where) -> None:
        if self.photos_root is None:
            return
        from .photos import add_photo

        add_photo(self.store, self._picture(), kind=kind, caption=caption, photos_root=self.photos_root, **where)
        self.counts["photos"] += 1

    def _picture(self) -> bytes:
        """A plain drawn picture marked 演示照片 (demo photo): no real scene is pretended."""
        from PIL import Image, ImageDraw

        rng = self.rng
        w, h = 640, 480
        base = tuple(rng.randint(110, 170) for _ in range(3))
        img = Image.new("RGB", (w, h), base)
        draw = ImageDraw.Draw(img)
        draw.rectangle([0, int(h * 0.68), w, h], fill=tuple(c - 50 for c in base))
        for _ in range(rng.randint(3, 6)):
            x, y = rng.randint(0, w - 140), rng.randint(80, int(h * 0.55))
            colour = tuple(rng.randint(40, 220) for _ in range(3))
            draw.rectangle([x, y, x + rng.randint(60, 200), y + rng.randint(60, 160)], fill=colour,
                           outline=(40, 40, 40), width=3)
        font = self._label_font()
        if font is not None:
            draw.text((20, 16), "演示照片", fill=(255, 255, 255), font=font)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=80)
        return out.getvalue()

    def _label_font(self):
        if self._font is None:
            from PIL import ImageFont

            self._font = False
            for path in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                         "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                         "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf"):
                try:
                    self._font = ImageFont.truetype(path, 28)
                    break
                except OSError:
                    continue
        return self._font or None


# 整改措施 of the 五到位 for the showcase majors.
MAJOR_FIVE = {
    "dust_explosion:d03": "委托专业单位为布袋除尘器设计安装泄爆片，泄爆口导向室外安全区域；安装完成前停止抛光作业",
    "dust_explosion:d10": "制定并落实粉尘清理制度，每班清扫作业现场，设备顶部每周清理；配置防爆吸尘器",
    "dust_explosion:d06": "为木粉除尘器加装锁气卸灰装置，卸灰时停机并清理现场",
    "hazardous_chemicals:h20": "危险化学品按类别分区分库储存，清退超量物料，禁配物质隔离存放",
    "hazardous_chemicals:h18": "制定动火、受限空间等特殊作业管理制度，严格执行作业票审批和现场监护",
    "hazardous_chemicals:h17": "编制反应釜岗位操作规程，明确工艺控制指标并组织员工培训",
    "hazardous_chemicals:h16": "建立全员安全生产责任制和隐患排查治理制度，逐级签订责任书",
    "confined_space:cs03": "有限空间作业严格执行先通风、再检测、后作业，配备气体检测报警仪",
    "confined_space:cs02": "建立有限空间作业审批制度，作业前办理审批并落实监护人员",
    "gongmao_major_general:g01": "与各承租单位签订安全生产管理协议，纳入统一协调管理，每月开展联合安全检查",
    "gongmao_major_general:g14": "恢复冲压线安全光幕功能，设置防屏蔽措施并每班点检",
}


def _opinion_text(results, new_deadline: date | None) -> str:
    """The 复查意见, worded as the re-inspection dialog words it."""
    if all(p for _f, p, _r in results):
        return "经复查，你单位已按要求将上述问题整改完毕，符合要求。"
    done = "、".join(str(i) for i, (_f, p, _r) in enumerate(results, 1) if p)
    late = [(i, r) for i, (_f, p, r) in enumerate(results, 1) if not p]
    how = "部分整改" if all(r == "部分整改" for _i, r in late) else "未整改到位"
    parts = [f"第{done}项已整改完毕，符合要求"] if done else []
    when = f"于{docs.cn_date(new_deadline)}前" if new_deadline else ""
    parts.append(f"第{'、'.join(str(i) for i, _r in late)}项{how}，责令你单位{when}整改完毕")
    return "经复查，" + "；".join(parts) + "。整改期间，你单位应当采取措施，确保安全生产。"


def _forms_dir() -> Path:
    from ..paths import forms_dir

    return forms_dir()


def add_history(store: Store, *, seed: int, today: date | None = None, inspections: int | None = None,
                photos_root=_AUTO) -> dict:
    """Add a recent history of inspections, findings and documents to a demo township, in one
    transaction, and return counts of what was made.

    ``today``: the day the history leads up to (default: the real today); inspections fall in
    the ``HISTORY_DAYS`` before it, deadlines and listings run into the coming weeks.
    ``inspections``: how many finalised inspections (default :func:`default_inspections` of the
    number of active enterprises; at least the showcase roles). ``photos_root``: where problem
    photos go (default: next to the database file; an in-memory store gets none, and items that
    require a photo are then not failed).

    Counts: ``inspections`` (finalised), ``drafts``, ``findings``, ``major``, ``listed``,
    ``documents`` (all issued, the voided and the corrected one included), ``void``,
    ``corrected``, ``spot_penalties``, ``reinspections`` (visits), ``photos`` and ``states``
    (finding state → number).
    """
    today = today or date.today()
    if photos_root is _AUTO:
        from ..paths import photos_dir

        photos_root = photos_dir(store.path) if store.path is not None else None
    photos_root = Path(photos_root) if photos_root is not None else None
    with store.write():
        if inspections is None:
            active = store.conn.execute(
                "SELECT count(*) FROM enterprise WHERE deleted = 0 AND status = '在营'").fetchone()[0]
            inspections = default_inspections(active)
        h = _History(store, seed=seed, today=today, photos_root=photos_root)
        h.plan(int(inspections))
        h.run()
    ids = [fid for v in h.visits for fid in v.finding_ids]
    states: Counter = Counter()
    major = 0
    for fid in ids:
        f = findings.get_finding(store, fid)
        states[f["state"]] += 1
        major += f["grade"] == "重大"
    counts = {k: h.counts[k] for k in ("inspections", "drafts", "findings", "listed", "documents", "void",
                                       "corrected", "spot_penalties", "reinspections", "photos")}
    counts["major"] = major
    counts["states"] = dict(sorted(states.items()))
    return counts


__all__ = ["HISTORY_DAYS", "HISTORY_MIN_ENTERPRISES", "MAX_INSPECTIONS", "MIN_INSPECTIONS", "add_history", "default_inspections"]
