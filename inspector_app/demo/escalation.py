"""The demo's enforcement after a deadline passes (issue 9): referrals to the county bureau and
suspensions with their resumption review (复产审查), so those screens have content.

:func:`plan_escalation` turns a few of the plan's ordinary ("natural") visits into these roles
(the number of inspections stays what :mod:`.plan` decided) and schedules their steps;
:class:`EscalationSteps` carries them out for :mod:`.history` through the public storage API:

* ``referred``: an order whose deadline passed without rectification, referred to the bureau
  with the printed 案件移送书 — the bureau's outcome is still awaited (state 已移送县局);
* ``referred_returned``: referred, then returned by the bureau with a new deadline that is still
  running (the finding is under rectification again);
* ``suspended``: a major danger, a 现场处理措施决定书 ordering 责令暂时停产停业, an order, and a
  failed resumption review — the enterprise is still 停产整改 (Today lists it);
* ``resumed``: the same, then a passed review on the enterprise's evidence: back 在营, the
  finding re-inspected and closed.
"""

from __future__ import annotations

import heapq
from datetime import date, timedelta

from ..core import documents as docs
from ..storage import escalation
from .plan import MAJOR_PREFERENCE, Plan, Visit, _at, _wd_after
from .wording import ONSITE_BASIS

REFERRAL_ROLES = ("referred", "referred_returned")
SUSPENSION_ROLES = ("suspended", "resumed")
ROLES = SUSPENSION_ROLES + REFERRAL_ROLES  # suspensions first: they need an enterprise with a major item

REFERRAL_MATERIALS = "现场检查记录、责令限期整改指令书及送达回执、逾期未整改的现场照片"
BUREAU_RETURN = "经审查，该案情节较轻，退回镇继续督促整改，逾期仍未整改的再行移送"


def _drop_steps(plan: Plan, v: Visit) -> None:
    plan.queue = [q for q in plan.queue if q[3] is not v]
    heapq.heapify(plan.queue)


def plan_escalation(plan: Plan) -> list[Visit]:
    """Re-plan some natural visits as the roles above (those the township can hold); returns them.
    A suspension needs an enterprise with a major-danger item: when the natural visit's own has
    none, the visit goes to an enterprise not visited otherwise (so the count stays the same)."""
    natural = [v for v in plan.visits if v.role == "natural"]
    used = {q[3].ent["id"] for q in plan.queue} | {v.ent["id"] for v in plan.visits}
    spare = [e for e in plan.registry if e["status"] == "在营" and e["id"] not in used]
    plan.rng.shuffle(spare)
    chosen: list[Visit] = []
    for role in ROLES:
        free = [n for n in natural if n not in chosen]
        if not free:
            break
        v = free[0]
        if role in SUSPENSION_ROLES:
            ent, key = plan._major_candidate([n.ent for n in free], set(), MAJOR_PREFERENCE["major_onsite"])
            if ent is None:
                ent, key = plan._major_candidate(spare, set(), MAJOR_PREFERENCE["major_onsite"])
                if ent is None:
                    continue
                spare.remove(ent)
            else:
                v = next(n for n in free if n.ent is ent)
            v.ent, v.major_key, v.failures, v.must_fail = ent, key, 1, ()
        else:
            v.major_key, v.failures = "", plan.rng.randint(1, 2)
        _drop_steps(plan, v)
        v.role = role
        getattr(EscalationPlans, f"plan_{role}")(plan, v)
        chosen.append(v)
    return chosen


class EscalationPlans:
    """The dated steps of each role (on the plan's calendar; steps after today are left out)."""

    @staticmethod
    def plan_referred(plan: Plan, v: Visit) -> None:
        plan._visit_day(v, 38, 48)
        plan._offsets(v, 10, 20)
        plan._order_now(v)
        last = plan._days(v.day, max(v.offsets))
        plan._step(_at(_wd_after(plan._days(last, plan.rng.randint(3, 6))), 10), "refer", v)

    @staticmethod
    def plan_referred_returned(plan: Plan, v: Visit) -> None:
        plan._visit_day(v, 60, 75)
        plan._offsets(v, 10, 15)
        plan._order_now(v)
        referred = _wd_after(plan._days(v.day, max(v.offsets) + plan.rng.randint(2, 4)))
        plan._step(_at(referred, 10), "refer", v)
        returned = _wd_after(plan._days(referred, plan.rng.randint(7, 12)))
        plan._step(_at(returned, 15), "bureau_return", v,
                   new_deadline=plan._days(plan.today, plan.rng.randint(6, 14)))

    @staticmethod
    def _suspension(plan: Plan, v: Visit, ago: tuple[int, int]) -> None:
        plan._visit_day(v, *ago)
        v.offsets = [14]
        plan._step(v.end + timedelta(minutes=10), "suspend", v)
        plan._order_now(v)
        plan._step(_at(plan._days(v.day, 2), 11), "five", v)  # 五到位 of the major danger

    @staticmethod
    def plan_suspended(plan: Plan, v: Visit) -> None:
        EscalationPlans._suspension(plan, v, (18, 26))
        plan._step(_at(plan._days(v.day, 8), 16), "report", v, note="企业报告已落实部分整改措施，申请复产")
        plan._step(_at(_wd_after(plan._days(v.day, 10)), 10), "review", v, passed=False)

    @staticmethod
    def plan_resumed(plan: Plan, v: Visit) -> None:
        EscalationPlans._suspension(plan, v, (45, 60))
        plan._step(_at(_wd_after(plan._days(v.day, 7)), 10), "review", v, passed=False)
        plan._step(_at(plan._days(v.day, 12), 16), "report", v,
                   note="企业书面报告已整改完毕，附第三方评估意见和整改后照片，申请复产")
        x = _wd_after(plan._days(v.day, 15))
        plan._step(_at(x, 10), "review", v, passed=True)
        plan._step(_at(x, 11), "reinspect", v, fail=())
        plan._step(_at(x, 15, 30), "close", v)


class EscalationSteps:
    """Mixin of :class:`.history._Run`: the steps :class:`EscalationPlans` schedules."""

    def _do_refer(self, v: Visit) -> None:
        ids = [f["id"] for f in self._findings(v) if f["state"] in ("ordered", "rectifying", "awaiting_reinspection")]
        if not ids or v.order is None:
            return
        escalation.refer_case(self.store, ids, on=self._when.date(), officers=self._content_officers(v),
                              materials=REFERRAL_MATERIALS)
        self.counts["documents"] += 1
        self.counts["referrals"] += 1

    def _do_bureau_return(self, v: Visit, *, new_deadline: date) -> None:
        for f in self._findings(v):
            if f["state"] == "referred":
                escalation.record_bureau_outcome(self.store, f["id"], on=self._when.date(), resolved=False,
                                                 outcome=BUREAU_RETURN, new_deadline=new_deadline)

    def _do_suspend(self, v: Visit) -> None:
        if not v.finding_ids:
            return
        f = self._findings(v)[0]
        content = {"officers": self._content_officers(v), "inspected_on": v.day.isoformat(),
                   "dangers": [f["description"]], "legal_basis": ONSITE_BASIS,
                   "decisions": ["责令从危险区域内撤出作业人员", "责令暂时停产停业"],
                   "suspension_scope": f"{f['location']}及相关生产设施" if f["location"] else "全厂"}
        self._issue(v, docs.ONSITE_MEASURES, content, self._when, served=True)
        self.counts["suspensions"] += 1

    def _do_review(self, v: Visit, *, passed: bool) -> None:
        open_ = escalation.suspensions(self.store, enterprise_id=v.ent["id"], open_only=True)
        if not open_:
            return
        names = "、".join(o.name for o in v.officers)
        if passed:
            evidence = "企业整改报告、第三方安全评估意见、整改后现场照片6张、从业人员安全培训记录"
            note = "经现场审查，重大事故隐患已排除，安全防护设施运行正常，同意恢复生产经营。"
        else:
            evidence = "企业整改报告（未附整改后照片及检测报告）"
            note = "经现场审查，整改措施尚未全部落实，不具备安全生产条件，继续停产整改。"
        escalation.record_resumption_review(self.store, open_[0]["id"], on=self._when.date(), passed=passed,
                                            note=note, officers=names, evidence=evidence)
        self.counts["resumption_reviews"] += 1


__all__ = ["EscalationSteps", "ROLES", "plan_escalation"]
