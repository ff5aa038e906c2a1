"""The plan of the demo history: which enterprises are visited when, in which role, and every
later step (order, service, report, re-inspection, 销号, listing…) scheduled on its date.

:class:`Plan` only reads the stored township (officers, enterprises, checklists) and draws from
the history's random generator; :mod:`.history` then carries the steps out in date order.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..core.enterprise import Enterprise
from ..core.findings import quarter_of, quarter_range
from ..core.forms import ChecklistForm, assemble
from ..storage import enterprises, township
from ..storage.db import Store

HISTORY_DAYS = 120

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
NEEDS_TAG = {
    "gongmao_major_general:g01": ("出租厂房",),
    "main_responsibility:c01": ("出租厂房", "外包作业"),
    "main_responsibility:c02": ("出租厂房", "外包作业"),
    "confined_space:cs13": ("外包作业",),
    "main_responsibility:led11": ("特种设备",),
}
KIND_WEIGHTS = (("日常", 45), ("专项", 20), ("双随机", 15), ("四不两直", 12), ("举报核查", 8))

# Showcase roles: each guarantees a state or a document the demo must show.
ROLES = ("registered", "mailed", "due_week", "overdue", "overdue_late", "awaiting", "failed", "passed",
         "closed", "on_the_spot", "spot_penalty", "voided", "corrected", "major_onsite", "major_listed")
MAJOR_CLOSED_FROM = 24  # a third major (listed, passed, de-listed, closed) from this many inspections


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
class Visit:
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


def _as_row(ent: Enterprise) -> dict:
    """The fields of an enterprise the history uses, with its risk tags as ``tags``."""
    return {"id": ent.id, "name": ent.name, "village_id": ent.village_id, "status": ent.status,
            "tags": list(ent.risk_tags or ()), "sector": ent.sector, "scale": ent.scale, "address": ent.address,
            "legal_rep": ent.legal_rep, "legal_rep_phone": ent.legal_rep_phone, "principal": ent.principal,
            "principal_phone": ent.principal_phone, "safety_manager": ent.safety_manager,
            "safety_manager_phone": ent.safety_manager_phone}


class Plan:
    """The visits of the history and a queue of dated steps, ``(when, seq, step, visit, kwargs)``."""

    def __init__(self, store: Store, *, rng: random.Random, today: date, forms: list[ChecklistForm],
                 photos_root: Path | None):
        self.store, self.rng, self.today, self.forms, self.photos_root = store, rng, today, forms, photos_root
        self.queue: list = []
        self.seq = 0
        self.visits: list[Visit] = []
        self.registry: list[dict] = []

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
                v = Visit(role, ent, rng.sample(officers, 2), major_key=key, failures=1,
                           kind=rng.choice(("专项", "四不两直")))
            else:
                pred = {"spot_penalty": lambda e: e["scale"] != "个体",
                        "voided": lambda e: e["scale"] != "个体"}.get(role, lambda e: True)
                ent = take(pred) or take()
                if ent is None:
                    break
                v = Visit(role, ent, rng.sample(officers, 2), kind=self._kind())
                v.failures = {"registered": 2, "on_the_spot": rng.randint(1, 2)}.get(role, rng.randint(1, 3))
                if role == "spot_penalty":
                    v.must_fail = ("main_responsibility:s03",)
            visits.append(v)
        for _ in range(max(0, total - len(visits))):
            ent = take()
            if ent is None:
                break
            v = Visit("natural", ent, rng.sample(officers, 2), kind=self._kind())
            r = rng.random()
            v.failures = 0 if r < 0.4 else 1 if r < 0.65 else 2 if r < 0.87 else 3 if r < 0.97 else 4
            visits.append(v)
        draft_ent = take()

        for v in visits:
            getattr(self, f"_plan_{v.role}")(v)
            self.visits.append(v)
        if draft_ent is not None:
            d = _wd_before(T - timedelta(days=1))
            v = Visit("draft", draft_ent, rng.sample(officers, 2), day=d, kind=self._kind())
            v.start = _at(d, 14, rng.choice((0, 10, 20, 30, 40)))
            self._step(v.start, "draft", v, keep=True)

    def _enterprise_pool(self) -> list[dict]:
        """Active enterprises, in a seeded order that puts those with risk tags (and bigger
        firms) first more often: Efraimidis–Spirakis weighted shuffle. Also keeps the whole
        registry (``self.registry``, name order) for the order sent to the wrong enterprise."""
        self.registry = [_as_row(e) for e in enterprises.list_all(self.store)]
        pool = []
        for e in self.registry:
            if e["status"] != "在营":
                continue
            weight = 1 + 3 * bool(e["tags"]) + (e["scale"] in ("规上", "规下"))
            pool.append((self.rng.random() ** (1 / weight), e))
        pool.sort(key=lambda p: -p[0])
        return [e for _, e in pool]

    def _checklist_keys(self, ent_id: str) -> set[str]:
        ent = enterprises.get(self.store, ent_id)
        return {it.key for form in assemble(self.forms, ent) for it in form.items()}

    def _major_candidate(self, pool, used, preference):
        items = {it.key: it for form in self.forms for it in form.items()}
        for key in preference:
            item = items.get(key)
            if item is None or (item.on_fail.require_photo and self.photos_root is None):
                continue
            hint = _FORM_HINT.get(key.partition(":")[0], lambda e: True)
            tags = NEEDS_TAG.get(key)
            for e in pool:
                if e["id"] in used or not hint(e) or (tags and not set(tags) & set(e["tags"])):
                    continue
                if key in self._checklist_keys(e["id"]):
                    return e, key
        return None, ""

    def _kind(self) -> str:
        kinds, weights = zip(*KIND_WEIGHTS)
        return self.rng.choices(kinds, weights)[0]

    def _step(self, when: datetime, name: str, v: Visit, *, keep: bool = False, **kw) -> bool:
        """Schedule a step; a step dated today or later has not happened yet and is left out
        (``keep``: it may fall on today)."""
        if when.date() > self.today or (when.date() == self.today and not keep):
            return False
        self.seq += 1
        heapq.heappush(self.queue, (when, self.seq, name, v, kw))
        return True

    def _visit_day(self, v: Visit, ago_lo: int, ago_hi: int) -> None:
        rng = self.rng
        v.day = _wd_before(self.today - timedelta(days=rng.randint(ago_lo, ago_hi)))
        v.start = _at(v.day, rng.randint(8, 14), rng.choice((0, 10, 20, 30, 40, 50)))
        v.end = v.start + timedelta(minutes=rng.randint(6, 15) * 10)
        # run at the end: the record is dated then, so records are numbered in that order
        self._step(v.end, "inspect", v)

    def _days(self, d: date, n: int) -> date:
        return d + timedelta(days=n)

    def _offsets(self, v: Visit, lo: int, hi: int, first: int | None = None) -> None:
        """Per-item deadlines between ``lo`` and ``hi`` days (7–30), the earliest ``first``."""
        rng = self.rng
        lo, hi = max(7, lo), min(30, max(hi, lo))
        n = max(1, v.failures)
        v.offsets = [rng.randint(lo, hi) for _ in range(n)]
        if first is not None:
            v.offsets = [first] + [rng.randint(max(first, lo), max(first, hi)) for _ in range(n - 1)]
            rng.shuffle(v.offsets)

    def _first_deadline(self, v: Visit) -> date:
        return self._days(v.day, min(v.offsets))

    def _order_now(self, v: Visit, **kw) -> None:
        self._step(v.end + timedelta(minutes=15), "order", v, served=True, **kw)

    def _reinspect_and_close(self, v: Visit, report: date | None, *, check_after=(1, 6),
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
    def _plan_natural(self, v: Visit) -> None:
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

    def _plan_registered(self, v: Visit) -> None:
        # Found on the last working day: the 责令整改 is still to be written.
        self._visit_day(v, 1, 1)

    def _plan_mailed(self, v: Visit) -> None:
        # The order went out by post and has not reached the enterprise yet: "ordered".
        self._visit_day(v, 2, 3)
        self._offsets(v, 10, 30)
        issued = _wd_after(self._days(v.day, 1))
        when = _at(issued, 9, 30) if issued < self.today else v.end + timedelta(minutes=15)
        self._step(when, "order", v, served=False)

    def _plan_due_week(self, v: Visit) -> None:
        self._visit_day(v, 8, 16)
        due = self._days(self.today, self.rng.randint(1, 5))
        self._offsets(v, 7, 30, first=(due - v.day).days)
        self._order_now(v)

    def _plan_overdue(self, v: Visit) -> None:
        # Deadline passed a few days ago, nothing reported: overdue for rectification.
        self._visit_day(v, 25, 35)
        target = self._days(self.today, -self.rng.randint(2, 7))
        first = min(30, max(7, (target - v.day).days))
        self._offsets(v, first, 30, first=first)
        self._order_now(v)

    def _plan_overdue_late(self, v: Visit) -> None:
        # Long overdue: the re-inspection window has run out as well.
        self._visit_day(v, 40, 55)
        first = self.rng.randint(10, 20)
        self._offsets(v, first, 30, first=first)
        self._order_now(v)

    def _plan_awaiting(self, v: Visit) -> None:
        # Reported rectified a few days ago, deadline still ahead: the re-inspection is due.
        self._visit_day(v, 12, 20)
        lo = (self._days(self.today, 2) - v.day).days
        self._offsets(v, lo, 30, first=self.rng.randint(max(7, lo), 30))
        self._order_now(v)
        report = max(self._days(v.day, 1), self._days(self.today, -self.rng.randint(1, 4)))
        self._step(_at(report, 16), "report", v)

    def _plan_failed(self, v: Visit) -> None:
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

    def _plan_passed(self, v: Visit) -> None:
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

    def _plan_closed(self, v: Visit) -> None:
        self._visit_day(v, 60, 100)
        self._offsets(v, 7, 20)
        self._order_now(v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(v.day, 2), self._days(first, -self.rng.randint(0, 4))),
                                  close_same_day=1)

    def _plan_on_the_spot(self, v: Visit) -> None:
        # 一般隐患 removed while the officers were there: accepted and closed without an order.
        self._visit_day(v, 20, 90)
        self._step(v.end + timedelta(minutes=20), "report", v, note="现场立即整改完毕")
        self._step(v.end + timedelta(minutes=40), "reinspect", v, fail=(), document=False)
        self._step(v.end + timedelta(minutes=45), "close", v)

    def _order_then_close(self, v: Visit) -> None:
        """Order now; the enterprise rectifies a little before the first deadline; re-inspect, close."""
        self._order_now(v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(v.day, 2), self._days(first, -self.rng.randint(0, 3))))

    def _plan_spot_penalty(self, v: Visit) -> None:
        self._visit_day(v, 30, 80)
        self._offsets(v, 7, 15)
        self._step(v.end + timedelta(minutes=10), "penalty", v)
        self._order_then_close(v)

    def _plan_voided(self, v: Visit) -> None:
        # The first order named the wrong enterprise: voided unserved, the right one issued.
        self._visit_day(v, 40, 100)
        self._offsets(v, 7, 20)
        self._step(v.end + timedelta(minutes=10), "wrong_order", v)
        self._order_then_close(v)

    def _plan_corrected(self, v: Visit) -> None:
        # The order's first item was badly worded: corrected by a new document the next working day.
        self._visit_day(v, 40, 100)
        self._offsets(v, 10, 20)
        self._order_now(v, flawed=True)
        fix = _wd_after(self._days(v.day, 1))
        self._step(_at(fix, 9), "correct", v)
        first = self._first_deadline(v)
        self._reinspect_and_close(v, max(self._days(fix, 1), self._days(first, -self.rng.randint(0, 3))))

    def _listing_day(self, v: Visit, after: int) -> date:
        # Listed in the current quarter (the quarterly report shows it), never before it is found.
        q_first, _ = quarter_range(*quarter_of(self.today))
        return min(self.today, max(self._days(v.day, after), q_first))

    def _plan_major_onsite(self, v: Visit) -> None:
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

    def _plan_major_listed(self, v: Visit) -> None:
        # Listed with a 督办期限 a few days ahead: shows in Today's expiring listings.
        rng = self.rng
        self._visit_day(v, 12, 20)
        v.offsets = [30]
        self._order_now(v)
        listed = self._listing_day(v, 1)
        self._step(_at(listed, 14), "list", v, keep=True, listed_on=listed,
                   deadline=self._days(self.today, rng.randint(4, 6)))
        self._step(_at(self._days(v.day, 2), 11), "five", v)

    def _plan_major_closed(self, v: Visit) -> None:
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

