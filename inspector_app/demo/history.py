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
in date order, so document numbers rise with their dates as on a real laptop. Reads go through
the public API as well (``enterprises.list_all``, ``township.list_officers`` …): :mod:`.plan`
decides who is visited when, this module carries the steps out, :mod:`.wording` holds what the
officers write.

Deterministic for a given seed, ``today`` and stored township: ``random.Random(seed)`` picks the
enterprises, answers and dates. The storage API stamps the real time (not the story's date) on:
``inspection.finalised_at``, the ``at`` of 责令整改 and 五到位 finding events, ``voided_at`` of
the voided document, and the sync columns (``created_at``/``updated_at``).
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from ..core import clock
from ..core import documents as docs
from ..core.dates import as_datetime
from ..core.findings import REINSPECTION_STATES
from ..core.forms import Item, load_forms
from ..paths import forms_dir, photos_dir
from ..storage import documents, enterprises, findings, inspection_record, inspections, photos
from ..storage.db import Store
from ..storage.enterprises import SearchQuery
from . import pictures
from .escalation import EscalationSteps, plan_escalation
from .plan import HISTORY_DAYS, NEEDS_TAG, Plan, Visit
from .wording import LISTING_BODY, MAJOR_FIVE, MAJOR_NOTES, NOTES, ONSITE_BASIS, PURPOSES, TEXT_ANSWERS, opinion_text

# Demo townships this size and larger get a history by default (.loader); smaller ones are
# test fixtures whose tests expect to start with no inspections, findings or documents.
HISTORY_MIN_ENTERPRISES = 100
MIN_INSPECTIONS = 20  # the showcase roles below need about 16
MAX_INSPECTIONS = 60  # keeps creating even a 20,000-enterprise demo to a few seconds
INSPECTIONS_PER_ENTERPRISE = 0.06

_AUTO = object()


def default_inspections(n_enterprises: int) -> int:
    """How many inspections the history of a township this size gets."""
    return max(MIN_INSPECTIONS, min(MAX_INSPECTIONS, round(n_enterprises * INSPECTIONS_PER_ENTERPRISE)))


class _Run(EscalationSteps):
    """Carries out a :class:`.plan.Plan` step by step through the storage API, counting what it makes."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.store, self.rng, self.today = plan.store, plan.rng, plan.today
        self.forms, self.photos_root = plan.forms, plan.photos_root
        self.counts: Counter = Counter()

    def run(self) -> None:
        queue = self.plan.queue
        while queue:
            self._when, _seq, name, v, kw = heapq.heappop(queue)
            if name not in ("inspect", "draft") and not v.id:
                continue
            getattr(self, f"_do_{name}")(v, **kw)

    def _content_officers(self, v: Visit) -> list[dict]:
        return [{"name": o.name, "cert_no": o.cert_no} for o in v.officers]

    def _findings(self, v: Visit) -> list[dict]:
        return [findings.get_finding(self.store, fid) for fid in v.finding_ids]

    def _answer_all(self, v: Visit, session, failing: dict[str, tuple[str, str]], *, share: float = 1.0) -> None:
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
        tags = NEEDS_TAG.get(it.key)
        if tags is not None:
            return not set(tags) & set(ent["tags"])
        if "不适用" in it.question or "不涉及" in it.question:
            return self.rng.random() < 0.7
        return False

    def _pick_failures(self, v: Visit, session) -> dict[str, tuple[str, str]]:
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
                      and not (k in NEEDS_TAG and not set(NEEDS_TAG[k]) & set(v.ent["tags"]))
                      # no order yet: only items whose own deadline has not run out overnight
                      and not (v.role == "registered" and it.deadline_days < 7)]
        want = max(0, v.failures - len(chosen)) if not v.major_key else 0
        for key in rng.sample(candidates, min(want, len(candidates))):
            chosen[key] = rng.choice(NOTES[key])
        # checklist order, as the finalised record lists them
        return {k: chosen[k] for k in items if k in chosen}

    def _header(self, v: Visit) -> dict:
        e = v.ent
        if e["safety_manager"] and self.rng.random() < 0.4:
            person, title, phone = e["safety_manager"], "安全管理员", e["safety_manager_phone"]
        elif e["principal"]:
            person, title, phone = e["principal"], "负责人", e["principal_phone"]
        else:
            person, title, phone = e["legal_rep"], "法定代表人", e["legal_rep_phone"]
        return {"onsite_person": person, "onsite_person_title": title, "onsite_person_phone": phone or ""}

    def _purpose(self, v: Visit) -> str:
        if v.kind == "专项":
            tags = v.ent["tags"]
            for tag, topic in (("粉尘涉爆", "粉尘涉爆企业"), ("有限空间", "有限空间作业"),
                               ("危化品使用", "危险化学品使用"), ("危化品储存", "危险化学品储存"),
                               ("喷涂", "喷涂作业"), ("涉氨制冷", "涉氨制冷企业")):
                if tag in tags:
                    return f"开展{topic}安全专项检查。"
            return "开展消防安全和用电安全专项检查。"
        return PURPOSES.get(v.kind, "")

    def _do_inspect(self, v: Visit) -> None:
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
                # Taken during the visit (no rng draw: the rest of the demo stays as it was).
                self._add_photo(inspection_id=v.id, item_key=key, kind="问题", caption=f"{location}现场",
                                taken_at=v.start + timedelta(minutes=20))
        v.finding_ids = inspections.finalise(
            store, v.id, findings=[{"item_key": k, "location": loc} for k, (loc, _n) in failing.items()],
            ended_at=v.end)
        # per-item deadlines for the order (fewer findings than planned: the first offsets)
        offsets = v.offsets or [7]
        v.deadlines = [v.day + timedelta(days=offsets[i % len(offsets)]) for i in range(len(v.finding_ids))]
        record = inspection_record.issue_inspection_record(store, v.id)  # served on site with it
        v.record_no = record["doc_no"]
        self.counts["documents"] += 1
        self.counts["inspections"] += 1
        self.counts["findings"] += len(v.finding_ids)

    def _do_draft(self, v: Visit) -> None:
        store = self.store
        v.id = inspections.start_inspection(
            store, enterprise_id=v.ent["id"], officer_ids=[o.id for o in v.officers], kind=v.kind,
            started_at=v.start, forms=self.forms, purpose=self._purpose(v))
        inspections.update_header(store, v.id, **self._header(v))
        session = inspections.open_inspection(store, v.id)
        self._answer_all(v, session, {}, share=self.rng.uniform(0.4, 0.7))
        self.counts["drafts"] += 1

    def _order_content(self, v: Visit, *, flawed: bool = False) -> dict:
        items = []
        for f, deadline in zip(self._findings(v), v.deadlines):
            items.append({"description": f["description"], "deadline": deadline.isoformat(),
                          "legal_basis": f["legal_basis"]})
        if flawed:  # the first item's wording left out what to do; the correction restores it
            items[0]["description"] += "（整改要求未写明）"
        return {"officers": self._content_officers(v), "items": items, "inspected_on": v.day.isoformat()}

    def _issue(self, v: Visit, kind: str, content: dict, when: datetime, *, served: bool,
               enterprise_id: str | None = None, inspection: bool = True) -> dict:
        doc = documents.issue_document(
            self.store, kind=kind, content=content, enterprise_id=enterprise_id or v.ent["id"],
            inspection_id=v.id if inspection else None, issued_at=when,
            served={"served_at": when + timedelta(minutes=5), "served_how": "直接送达"} if served else None)
        self.counts["documents"] += 1
        return doc

    def _do_order(self, v: Visit, *, served: bool, flawed: bool = False) -> None:
        if not v.finding_ids:
            return
        v.order = self._issue(v, docs.RECTIFICATION_ORDER, self._order_content(v, flawed=flawed), self._when,
                              served=served)
        findings.order_rectification(self.store, v.finding_ids, document_id=v.order["id"],
                                     deadlines=dict(zip(v.finding_ids, v.deadlines)))

    def _do_serve(self, v: Visit, *, how: str) -> None:
        if v.order is None:
            return
        served_at = max(self._when, as_datetime(v.order["issued_at"]) + timedelta(hours=1))
        documents.record_service(self.store, v.order["id"], served_at=served_at, served_how=how)

    def _do_wrong_order(self, v: Visit) -> None:
        if not v.finding_ids:
            return
        # Another active enterprise of the same village (a slip of the pen), else any other one.
        skip = self.rng.randint(0, 5)
        registry = self.plan.registry
        same = [e for e in registry if e["village_id"] == v.ent["village_id"] and e["id"] != v.ent["id"]
                and e["status"] == "在营"]
        others = [e for e in registry if e["id"] != v.ent["id"]]
        wrong = same[skip] if skip < len(same) else others[0] if others else None
        if wrong is None:
            return
        doc = self._issue(v, docs.RECTIFICATION_ORDER, self._order_content(v), self._when, served=False,
                          enterprise_id=wrong["id"], inspection=False)
        documents.void_document(
            self.store, doc["id"],
            reason=f"误将被检查单位填写为“{wrong['name']}”（应为“{v.ent['name']}”），文书未送达，予以作废，已重新出具。")
        self.counts["void"] += 1

    def _do_correct(self, v: Visit) -> None:
        if v.order is None:
            return
        when = self._when
        new = documents.correct_document(self.store, v.order["id"], content=self._order_content(v), issued_at=when)
        v.order = documents.record_service(self.store, new["id"], served_at=when + timedelta(minutes=40),
                                           served_how="直接送达")
        self.counts["documents"] += 1
        self.counts["corrected"] += 1

    def _do_measures(self, v: Visit) -> None:
        if not v.finding_ids:
            return
        f = self._findings(v)[0]
        dust = v.major_key.startswith("dust_explosion")
        decisions = (["责令暂时停止使用相关设施、设备", "责令从危险区域内撤出作业人员"] if dust
                     else ["责令从危险区域内撤出作业人员", "责令暂时停产停业"])
        content = {"officers": self._content_officers(v), "inspected_on": v.day.isoformat(),
                   "dangers": [f["description"]], "legal_basis": ONSITE_BASIS, "decisions": decisions,
                   "suspension_scope": "除尘系统及其连接的生产设备" if dust else (f["location"] or "全厂")}
        self._issue(v, docs.ONSITE_MEASURES, content, self._when, served=True)

    def _do_penalty(self, v: Visit) -> None:
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

    def _do_report(self, v: Visit, *, note: str = "") -> None:
        when = self._when
        for f in self._findings(v):
            if f["state"] in ("registered", "ordered", "rectifying"):
                findings.mark_rectified(self.store, f["id"], on=when.date(),
                                        note=note or "企业书面报告已整改完毕，附整改前后照片")

    def _do_reinspect(self, v: Visit, *, fail=(), new_deadline: date | None = None, document: bool = True,
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
                "opinion": opinion_text(results, new_deadline),
                # A failed item gets a new deadline: the opinion then orders it (rights printed).
                "new_deadline": new_deadline.isoformat() if fail and new_deadline else None,
            }
            opinion = self._issue(v, docs.REINSPECTION_OPINION, content, when, served=True)
        for f, passed, result in results:
            note = ("现场复查，整改符合要求" if passed else "整改尚未全部完成" if result == "部分整改"
                    else "企业尚未落实整改措施")
            findings.record_reinspection(store, f["id"], passed=passed, on=when.date(), note=f"{result}。{note}",
                                         new_deadline=None if passed else new_deadline,
                                         document_id=opinion["id"] if opinion else None)
            if passed and photo:
                self._add_photo(finding_id=f["id"], kind="复查", caption="整改后现场", taken_at=self._when)
        self.counts["reinspections"] += 1

    def _do_close(self, v: Visit) -> None:
        for f in self._findings(v):
            if f["state"] == "passed" and not f["listed"]:
                findings.close_finding(self.store, f["id"], on=self._when.date(), note="复查合格，予以销号")

    def _do_five(self, v: Visit) -> None:
        f = self._findings(v)[0]
        measures = (MAJOR_FIVE.get(v.major_key) or f["requirement"] or "按整改指令逐项整改").strip()
        responsible = f"{v.ent['principal'] or v.ent['legal_rep']}（主要负责人）"
        findings.set_five(self.store, f["id"], measures=measures, responsible=responsible,
                          funds=self.rng.choice((8000, 12000, 18000, 25000, 36000)),
                          deadline=v.deadlines[0].isoformat(),
                          contingency="整改期间停止相关作业，设置警戒区域，落实专人监护，现场配备应急器材")

    def _do_list(self, v: Visit, *, listed_on: date, deadline: date) -> None:
        f = self._findings(v)[0]
        findings.list_for_supervision(self.store, f["id"], body=LISTING_BODY,
                                      doc_no=f"澄安委办〔{listed_on.year}〕{self.rng.randint(3, 40)}号",
                                      listed_on=listed_on, deadline=deadline)
        self.counts["listed"] += 1

    def _do_delist(self, v: Visit) -> None:
        f = self._findings(v)[0]
        if f["listed"] and f["state"] == "passed":
            findings.delist(self.store, f["id"], on=self._when.date(), note="复查合格，予以摘牌")

    # -- photos --------------------------------------------------------------------------------
    def _add_photo(self, *, kind: str, caption: str, taken_at, **where) -> None:
        if self.photos_root is None:
            return
        photos.add_photo(self.store, pictures.picture(self.rng, taken_at), kind=kind, caption=caption,
                         photos_root=self.photos_root, **where)
        self.counts["photos"] += 1


def add_history(store: Store, *, seed: int, today: date | None = None, inspections: int | None = None,
                photos_root=_AUTO) -> dict:
    """Add a recent history of inspections, findings and documents to a demo township, in one
    transaction, and return counts of what was made.

    ``today``: the day the history leads up to (default: ``clock.today()``); inspections fall in
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
    today = today or clock.today()
    if photos_root is _AUTO:
        photos_root = photos_dir(store.path) if store.path is not None else None
    photos_root = Path(photos_root) if photos_root is not None else None
    with store.write():
        if inspections is None:
            inspections = default_inspections(enterprises.count(store, SearchQuery(status="在营")))
        plan = Plan(store, rng=random.Random(f"demo-history:{seed}"), today=today,
                    forms=list(load_forms(forms_dir()).values()), photos_root=photos_root)
        plan.plan(int(inspections))
        plan_escalation(plan)  # referrals and suspensions (issue 9), in place of ordinary visits
        h = _Run(plan)
        h.run()
    ids = [fid for v in plan.visits for fid in v.finding_ids]
    states: Counter = Counter()
    major = 0
    for fid in ids:
        f = findings.get_finding(store, fid)
        states[f["state"]] += 1
        major += f["grade"] == "重大"
    counts = {k: h.counts[k] for k in ("inspections", "drafts", "findings", "listed", "documents", "void",
                                       "corrected", "spot_penalties", "reinspections", "photos",
                                       "referrals", "suspensions", "resumption_reviews")}
    counts["major"] = major
    counts["states"] = dict(sorted(states.items()))
    return counts


__all__ = ["HISTORY_DAYS", "HISTORY_MIN_ENTERPRISES", "MAX_INSPECTIONS", "MIN_INSPECTIONS", "add_history",
           "default_inspections"]
