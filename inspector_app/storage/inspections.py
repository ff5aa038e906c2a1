"""The on-site inspection: a draft saved as the officer works, then finalised into a signed record.

Life of an inspection:

* :func:`start_inspection` assembles the checklist for the enterprise (its derived obligations
  first, then every applicable form) and stores the whole checklist as a JSON snapshot in the
  row at once. A draft is therefore self-contained: editing ``forms/`` later never changes the
  questions of a running or finished inspection.
* :func:`record_answer` saves one answer per call in its own small transaction (autosave), so
  killing the app loses at most the keystroke being typed.
* :func:`finalise` validates the record, registers the findings and freezes the inspection in
  ONE transaction; schema triggers then refuse any change to it or to its answers.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, NamedTuple

from ..core.dates import parse_date, parse_datetime
from ..core.enterprise import Enterprise
from ..core.forms import CHOICES, ChecklistForm, Item, assemble, load_forms
from ..core.obligations import obligations_form
from ..core.officers import require_two_officers
from ..core.scope import FOCUSED, FULL, check_scope, focus
from . import audit
from . import findings as findings_store
from .db import Store, not_found, now_iso, require
from .photos import photos_for

KINDS = ("日常", "专项", "双随机", "四不两直", "举报核查", "复查")

# Columns update_header may change on a draft (the snapshot, status and enterprise never).
HEADER_FIELDS = (
    "place", "kind", "purpose", "started_at", "ended_at", "officer_ids", "onsite_person",
    "onsite_person_title", "onsite_person_phone", "witness", "witness_id_no", "refused_to_sign",
    "refusal_note", "summary",
)
# Keys of a finding dict that finalise() hands to findings.create_finding.
FINDING_FIELDS = (
    "item_key", "description", "category", "grade", "major_ref", "grade_override_reason",
    "legal_basis", "requirement", "deadline", "found_on", "location",
)

_ROW_COLUMNS = (
    "id", "enterprise_id", "kind", "place", "purpose", "started_at", "ended_at", "officer_ids",
    "status", "finalised_at", "checklist_snapshot", "onsite_person", "onsite_person_title",
    "onsite_person_phone", "refused_to_sign", "refusal_note", "witness", "witness_id_no",
    "summary", "created_at", "updated_at", "scope",
)


# --------------------------------------------------------------------------------------------
# Data


@dataclass
class Answer:
    answer: str | None = None  # 符合 / 不符合 / 不适用, None while unanswered
    value_num: float | None = None
    value_text: str = ""
    note: str = ""


class FailedItem(NamedTuple):
    key: str
    item: Item
    answer: Answer


@dataclass
class InspectionSession:
    """An inspection as the UI works with it: header, enterprise, frozen checklist, answers."""

    id: str
    enterprise_id: str
    kind: str
    place: str
    purpose: str
    started_at: str
    ended_at: str
    officer_ids: list[str]
    status: str
    finalised_at: str
    onsite_person: str
    onsite_person_title: str
    onsite_person_phone: str
    refused_to_sign: bool
    refusal_note: str
    witness: str
    witness_id_no: str
    summary: str
    created_at: str
    updated_at: str
    enterprise: Enterprise
    forms: list[ChecklistForm]
    assembled_at: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    photos: list[dict] = field(default_factory=list)
    scope: str = "full"  # core.scope: "focused" or "full" checklist

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def items(self) -> Iterator[Item]:
        for form in self.forms:
            yield from form.items()

    def item(self, key: str) -> Item:
        """The checklist item with this key ("<form_id>:<item_id>"); KeyError when absent."""
        form_id, _, item_id = key.partition(":")
        for form in self.forms:
            if form.id == form_id:
                return form.item(item_id)
        raise KeyError(key)

    def answer(self, key: str) -> Answer:
        return self.answers.get(key) or Answer()

    def unanswered(self) -> list[Item]:
        """Choice and number items with no answer yet (text items are optional)."""
        return [it for it in self.items() if it.kind != "text" and not _is_answered(self.answer(it.key))]

    def photos_of(self, key: str) -> list[dict]:
        return [p for p in self.photos if p["item_key"] == key]


def _is_answered(a: Answer) -> bool:
    return a.answer is not None or a.value_num is not None


# --------------------------------------------------------------------------------------------
# Helpers


def _dt_text(value: Any, what: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        parse_datetime(value, what)
        return value.strip()
    return parse_datetime(value, what).isoformat(timespec="seconds")


def _before(a: str, b: str) -> bool:
    """a < b for two ISO date-times that may or may not carry a zone."""
    da, db = parse_datetime(a, "时间"), parse_datetime(b, "时间")
    if (da.tzinfo is None) != (db.tzinfo is None):
        da, db = da.replace(tzinfo=None), db.replace(tzinfo=None)
    return da < db


INSPECTION_HINT = "请从检查列表重新打开。"


def _check_officers(store: Store, officer_ids: Iterable[str]) -> list[str]:
    ids = require_two_officers(officer_ids, what="执法检查")
    marks = ",".join("?" * len(ids))
    found = {r[0] for r in store.db.execute(
        f"SELECT id FROM officer WHERE id IN ({marks}) AND deleted = 0", ids).fetchall()}
    if len(found) != len(ids):
        raise not_found("所选执法人员", "请在“设置—执法人员”中核对后重新选择。")
    return ids


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError("检查类型无效，应为：" + "、".join(KINDS) + "。")
    return kind


# Loaded forms per directory, reused while no file in it changes (parsing all TOML files costs
# tens of milliseconds; starting an inspection should not).
_forms_cache: dict[Path, tuple[tuple, dict[str, ChecklistForm]]] = {}


def _forms_from_dir(directory: str | os.PathLike) -> dict[str, ChecklistForm]:
    directory = Path(directory).resolve()
    try:
        signature = tuple(sorted((p.name, st.st_mtime_ns, st.st_size)
                                 for p in directory.glob("*.toml") for st in [p.stat()]))
    except OSError:
        signature = None
    hit = _forms_cache.get(directory)
    if signature is not None and hit and hit[0] == signature:
        return hit[1]
    loaded = load_forms(directory)
    if signature is not None:
        _forms_cache[directory] = (signature, loaded)
    return loaded


def _resolve_forms(forms) -> list[ChecklistForm]:
    if forms is None:
        from ..paths import forms_dir

        return list(_forms_from_dir(forms_dir()).values())
    if isinstance(forms, (str, os.PathLike)):
        return list(_forms_from_dir(forms).values())
    if isinstance(forms, Mapping):
        return list(forms.values())
    return list(forms)


def _enterprise(store: Store, enterprise_id: str, *, live_only: bool) -> Enterprise | None:
    # A finished record must still open after its enterprise was tombstoned, hence live_only.
    sql = "SELECT * FROM enterprise WHERE id = ?" + (" AND deleted = 0" if live_only else "")
    cur = store.db.execute(sql, [enterprise_id])
    row = cur.fetchone()
    if row is None:
        return None
    return Enterprise.from_row(dict(zip([d[0] for d in cur.description], row)))


def _forms_from_snapshot(text: str) -> tuple[list[ChecklistForm], str]:
    data = json.loads(text or "{}")
    return [ChecklistForm.from_snapshot(f) for f in data.get("forms", [])], data.get("assembled_at", "")


# Item index per inspection for record_answer: the snapshot never changes after start, so it is
# parsed once rather than on every keystroke.
_ITEM_CACHE_SIZE = 8
_item_cache: OrderedDict[str, dict[str, Item]] = OrderedDict()


def _items_of(store: Store, inspection_id: str) -> dict[str, Item]:
    hit = _item_cache.get(inspection_id)
    if hit is not None:
        _item_cache.move_to_end(inspection_id)
        return hit
    snapshot, = require(store, "inspection", inspection_id, "该检查记录", columns="checklist_snapshot",
                        hint=INSPECTION_HINT)
    forms, _ = _forms_from_snapshot(snapshot)
    index = {it.key: it for f in forms for it in f.items()}
    _item_cache[inspection_id] = index
    while len(_item_cache) > _ITEM_CACHE_SIZE:
        _item_cache.popitem(last=False)
    return index


def _status(store: Store, inspection_id: str) -> str:
    return require(store, "inspection", inspection_id, "该检查记录", columns="status", hint=INSPECTION_HINT)[0]


def _stamp_sql(store: Store) -> tuple[str, list]:
    """SET fragment and params for the sync columns of an UPDATE."""
    s = store.stamp({}, new=False)
    return "hlc = ?, origin = ?, updated_at = ?", [s["hlc"], s["origin"], s["updated_at"]]


# --------------------------------------------------------------------------------------------
# Start, open, answer, header


def start_inspection(store: Store, *, enterprise_id: str, officer_ids: list[str], kind: str = "日常",
                     place: str = "", started_at=None, forms=None, purpose: str = "",
                     scope: str = FULL) -> str:
    """Create a draft inspection with its checklist frozen in; return its id.

    ``forms``: None for the shipped ``forms/``, a directory, or loaded forms (a mapping or list).
    ``place`` defaults to the enterprise's address. ``scope`` "focused" keeps the major-hazard
    items and those the enterprise's risk tags select (core/scope.py); "full" keeps all.
    """
    check_scope(scope)
    _check_kind(kind)
    ids = _check_officers(store, officer_ids)
    ent = _enterprise(store, enterprise_id, live_only=True)
    if ent is None:
        raise not_found("所选企业", "请重新选择被检查单位。")
    started = _dt_text(started_at, "检查开始时间") or now_iso()
    chosen = assemble(_resolve_forms(forms), ent)
    if scope == FOCUSED:
        chosen = focus(chosen, ent)
    duties = obligations_form(ent, today=parse_date(started))
    checklist = ([duties] if any(True for _ in duties.items()) else []) + chosen
    if not checklist:
        raise ValueError("没有适用于该企业的检查表，请检查 forms 目录中的检查表文件。")
    snapshot = {"forms": [f.to_snapshot() for f in checklist], "assembled_at": now_iso()}
    row = {
        "enterprise_id": enterprise_id,
        "kind": kind,
        "place": (place or "").strip() or ent.address,
        "purpose": (purpose or "").strip(),
        "started_at": started,
        "officer_ids": json.dumps(ids),
        "status": "draft",
        "checklist_snapshot": json.dumps(snapshot, ensure_ascii=False),
        "scope": scope,
    }
    with store.write():
        store.stamp(row, new=True)
        store.db["inspection"].insert(row)
    return row["id"]


def checklist_sizes(store: Store, enterprise_id: str, *, forms=None) -> dict[str, int]:
    """How many items a focused and a full inspection of the enterprise would have (the
    start dialog shows both; the derived obligations are in either)."""
    ent = _enterprise(store, enterprise_id, live_only=True)
    if ent is None:
        raise not_found("所选企业", "请重新选择被检查单位。")
    chosen = assemble(_resolve_forms(forms), ent)
    duties = sum(1 for _ in obligations_form(ent, today=parse_date(now_iso())).items())

    def count(fs) -> int:
        return duties + sum(1 for f in fs for it in f.items() if it.kind != "text")
    return {FOCUSED: count(focus(chosen, ent)), FULL: count(chosen)}


def open_inspection(store: Store, inspection_id: str) -> InspectionSession:
    """The inspection with its enterprise, checklist (from the snapshot), answers and photos."""
    cur = store.db.execute(
        f"SELECT {', '.join(_ROW_COLUMNS)} FROM inspection WHERE id = ? AND deleted = 0", [inspection_id])
    row = cur.fetchone()
    if row is None:
        raise not_found("该检查记录", INSPECTION_HINT)
    r = dict(zip(_ROW_COLUMNS, row))
    forms, assembled_at = _forms_from_snapshot(r.pop("checklist_snapshot"))
    ent = _enterprise(store, r["enterprise_id"], live_only=False)
    answers = {
        key: Answer(answer=a, value_num=v, value_text=t, note=n)
        for key, a, v, t, n in store.db.execute(
            "SELECT item_key, answer, value_num, value_text, note FROM inspection_answer "
            "WHERE inspection_id = ? AND deleted = 0", [inspection_id]).fetchall()
    }
    r["officer_ids"] = json.loads(r["officer_ids"] or "[]")
    r["refused_to_sign"] = bool(r["refused_to_sign"])
    return InspectionSession(**r, enterprise=ent, forms=forms, assembled_at=assembled_at,
                             answers=answers, photos=photos_for(store, inspection_id=inspection_id))


def _parse_number(value) -> float | None:
    """None → leave unchanged (caller handles), '' → clear, number or numeric text → float."""
    if isinstance(value, str):
        # Chinese IMEs often type full-width digits.
        text = value.strip().translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-"))
        if not text:
            return None
    else:
        text = value
    try:
        number = float(text) if not isinstance(text, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(f"“{value}”不是有效的数字，请填写实测数值。")
    return number


def record_answer(store: Store, inspection_id: str, item_key: str, *, answer: str | None = None,
                  value_num: float | str | None = None, value_text: str | None = None,
                  note: str | None = None) -> Answer:
    """Save one answer (autosave: its own transaction). Returns the answer as stored.

    An argument left as None keeps what is stored; ``""`` clears (``answer=""`` → unanswered,
    ``value_num=""`` → no reading). For "number" items the answer follows from the reading and
    the item's limits (符合/不符合); only 不适用 may be set by hand.
    """
    item = _items_of(store, inspection_id).get(item_key)
    if item is None:
        raise ValueError(f"检查项“{item_key}”不在本次检查的检查表中，请刷新后重试。")
    if answer is not None and answer != "" and answer not in CHOICES:
        raise ValueError("检查结果只能是：" + "、".join(CHOICES) + "。")
    if item.kind == "number" and answer in ("符合", "不符合"):
        raise ValueError("数值型检查项根据实测值自动判定，请填写实测值；不涉及的请选择“不适用”。")
    if item.kind == "text" and answer in ("符合", "不符合"):
        raise ValueError("文字记录型检查项无需判定符合与否；不涉及的可选择“不适用”。")
    if value_num is not None and item.kind != "number":
        raise ValueError("只有数值型检查项可以填写实测值。")
    number_given = value_num is not None
    number = _parse_number(value_num) if number_given else None

    with store.write():
        status = _status(store, inspection_id)
        if status == "final":
            raise ValueError("检查已定稿，不可修改检查结果。")
        old = store.db.execute(
            "SELECT id, answer, value_num, value_text, note FROM inspection_answer "
            "WHERE inspection_id = ? AND item_key = ?", [inspection_id, item_key]).fetchone()
        cur = Answer(*old[1:]) if old else Answer()
        new = Answer(cur.answer, cur.value_num, cur.value_text, cur.note)
        if answer is not None:
            new.answer = answer or None
        if number_given:
            new.value_num = number
        if value_text is not None:
            new.value_text = value_text
        if note is not None:
            new.note = note
        if item.kind == "number" and (number_given or answer == "") and answer != "不适用":
            new.answer = None if new.value_num is None else (
                "不符合" if item.fails(new.value_num) else "符合")
        if old:
            sets, params = _stamp_sql(store)
            store.db.execute(
                f"UPDATE inspection_answer SET answer = ?, value_num = ?, value_text = ?, note = ?, "
                f"deleted = 0, {sets} WHERE id = ?",
                [new.answer, new.value_num, new.value_text, new.note, *params, old[0]])
        else:
            row = store.stamp({
                "inspection_id": inspection_id, "item_key": item_key, "answer": new.answer,
                "value_num": new.value_num, "value_text": new.value_text, "note": new.note,
            }, new=True)
            cols = ", ".join(row)
            store.db.execute(
                f"INSERT INTO inspection_answer ({cols}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()))
    return new


def update_header(store: Store, inspection_id: str, **fields) -> None:
    """Change header fields of a draft (see HEADER_FIELDS)."""
    unknown = [k for k in fields if k not in HEADER_FIELDS]
    if unknown:
        raise ValueError(f"无法修改检查记录的字段：{'、'.join(unknown)}。")
    if not fields:
        return
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "kind":
            values[key] = _check_kind(value)
        elif key == "officer_ids":
            values[key] = json.dumps(_check_officers(store, value))
        elif key == "started_at":
            values[key] = _dt_text(value, "检查开始时间")
            if not values[key]:
                raise ValueError("请填写检查开始时间。")
        elif key == "ended_at":
            values[key] = _dt_text(value, "检查结束时间")
        elif key == "refused_to_sign":
            values[key] = int(bool(value))
        else:
            values[key] = "" if value is None else str(value)
    with store.write():
        row = store.db.execute(
            "SELECT status, started_at, ended_at FROM inspection WHERE id = ? AND deleted = 0",
            [inspection_id]).fetchone()
        if row is None:
            raise not_found("该检查记录", INSPECTION_HINT)
        if row[0] == "final":
            raise ValueError("检查已定稿，不可修改。")
        started = values.get("started_at", row[1])
        ended = values.get("ended_at", row[2])
        if ended and started and _before(ended, started):
            raise ValueError("检查结束时间不能早于开始时间。")
        sets, params = _stamp_sql(store)
        assignments = ", ".join(f"{k} = ?" for k in values)
        store.db.execute(f"UPDATE inspection SET {assignments}, {sets} WHERE id = ?",
                         [*values.values(), *params, inspection_id])


# --------------------------------------------------------------------------------------------
# Failed items and findings

# Hints for the officer inside a question, e.g. （无此类设备的选“不适用”）, are not part of a finding.
_HINT_RE = re.compile(r"（[^（）]*不适用[^（）]*）|\([^()]*不适用[^()]*\)")


def _clean_question(question: str) -> str:
    return _HINT_RE.sub("", question).strip().rstrip("。；;？?").strip()


def finding_sentence(item: Item, answer: Answer | None = None) -> str:
    """The item's failure as a sentence, e.g. 不符合“干式除尘系统采取……”的要求."""
    q = _clean_question(item.question)
    if item.kind == "number" and answer is not None and answer.value_num is not None:
        return f"{q}为{answer.value_num:g}{item.unit}，不符合要求（{item.limits_text()}）"
    return f"不符合“{q}”的要求"


def _describe(item: Item, answer: Answer) -> str:
    sentence = finding_sentence(item, answer)
    note = (answer.note or "").strip().rstrip("。")
    return f"{sentence}。现场情况：{note}。" if note else f"{sentence}。"


def failed_items(session: InspectionSession) -> list[FailedItem]:
    """Items answered 不符合, in checklist order."""
    return [FailedItem(it.key, it, session.answers[it.key]) for it in session.items()
            if it.key in session.answers and session.answers[it.key].answer == "不符合"]


def proposed_findings(session: InspectionSession, today) -> list[dict]:
    """One prefilled finding per failed item, for the officer to review before finalising.

    Keys are those of findings.create_finding (minus store/enterprise/inspection) plus
    ``question`` (for display; finalise ignores it).
    """
    day = parse_date(today)
    out = []
    for key, item, ans in failed_items(session):
        out.append({
            "item_key": key,
            "question": item.question,
            "description": _describe(item, ans),
            "category": item.category,
            "grade": "重大" if item.major_ref else "一般",
            "major_ref": item.major_ref or "",
            "grade_override_reason": "",
            "legal_basis": item.basis,
            "requirement": item.suggestion,
            "deadline": (day + timedelta(days=item.deadline_days)).isoformat(),
            "found_on": day.isoformat(),
            "location": "",
        })
    return out


class FinaliseError(ValueError):
    """Why an inspection cannot be finalised yet. The message lists every problem in Chinese;
    the attributes hold the item keys so the UI can jump to them."""

    def __init__(self, problems: list[str], *, unanswered=(), missing_description=(),
                 missing_photo=(), missing_finding=()):
        super().__init__("检查尚不能定稿：\n" + "\n".join(f"{i}. {p}" for i, p in enumerate(problems, 1)))
        self.problems = problems
        self.unanswered = list(unanswered)
        self.missing_description = list(missing_description)
        self.missing_photo = list(missing_photo)
        self.missing_finding = list(missing_finding)


def _list_questions(items: list[Item], limit: int = 8) -> str:
    shown = "；".join(f"“{_clean_question(it.question)[:40]}”" for it in items[:limit])
    return shown + (f"等共{len(items)}项" if len(items) > limit else "")


def finalise(store: Store, inspection_id: str, *, findings: list[dict], ended_at=None) -> list[str]:
    """Validate, register the findings and freeze the inspection, all in one transaction.

    ``findings``: one dict per failed item (``item_key`` required; any other key of
    :func:`proposed_findings` overrides the prefilled value, e.g. ``grade`` with
    ``grade_override_reason``), plus optional free-standing findings with ``item_key=""``.
    Returns the new finding ids in the order given.
    """
    with store.write():
        session = open_inspection(store, inspection_id)
        if session.is_final:
            raise ValueError("该检查已定稿，不能重复定稿。")
        found_on = parse_date(session.started_at)
        proposed = {p["item_key"]: p for p in proposed_findings(session, found_on)}
        failed = {f.key: f for f in failed_items(session)}

        problems: list[str] = []
        unanswered = session.unanswered()
        if unanswered:
            problems.append(f"以下检查项尚未作答（不涉及的请选择“不适用”）：{_list_questions(unanswered)}。")

        merged: list[dict] = []
        given: set[str] = set()
        for raw in findings or []:
            key = (raw.get("item_key") or "").strip()
            if key:
                if key not in failed:
                    problems.append(f"隐患对应的检查项“{key}”在本次检查中不是“不符合”，请核对。")
                    continue
                if key in given:
                    problems.append(f"检查项“{_clean_question(failed[key].item.question)[:40]}”登记了两条隐患，请合并。")
                    continue
                given.add(key)
                base = dict(proposed[key])
            else:
                base = {"item_key": "", "category": "物", "grade": "一般", "major_ref": "",
                        "grade_override_reason": "", "legal_basis": "", "requirement": "",
                        "location": "", "description": "", "deadline": found_on.isoformat()}
            base.update({k: v for k, v in raw.items() if k in FINDING_FIELDS and k != "item_key"})
            if key:  # the item's legal classification is not the officer's to edit
                base["major_ref"] = proposed[key]["major_ref"]
            base["found_on"] = found_on.isoformat()
            merged.append(base)

        missing_finding = [k for k in failed if k not in given]
        if missing_finding:
            problems.append("以下不符合项尚未登记隐患：" + _list_questions([failed[k].item for k in missing_finding]) + "。")

        by_key = {m["item_key"]: m for m in merged if m["item_key"]}
        missing_desc, missing_photo = [], []
        for key, f in failed.items():
            if f.item.on_fail.require_description and not (f.answer.note or "").strip():
                edited = (by_key.get(key, {}).get("description") or "").strip()
                if not edited or edited == _describe(f.item, Answer(f.answer.answer, f.answer.value_num)):
                    missing_desc.append(key)
            if f.item.on_fail.require_photo and not session.photos_of(key):
                missing_photo.append(key)
        if missing_desc:
            problems.append("以下不符合项须填写现场问题描述：" + _list_questions([failed[k].item for k in missing_desc]) + "。")
        if missing_photo:
            problems.append("以下不符合项须拍摄现场照片：" + _list_questions([failed[k].item for k in missing_photo]) + "。")

        if session.refused_to_sign and not session.refusal_note.strip():
            problems.append("现场负责人拒绝签字的，应将拒签情况记录在案（安全生产法第六十八条），请填写拒签情况。")
        end = _dt_text(ended_at, "检查结束时间") or session.ended_at or now_iso()
        if _before(end, session.started_at):
            problems.append("检查结束时间不能早于开始时间。")
        if problems:
            raise FinaliseError(problems, unanswered=[it.key for it in unanswered],
                                missing_description=missing_desc, missing_photo=missing_photo,
                                missing_finding=missing_finding)

        ids = []
        for m in merged:
            fid = findings_store.create_finding(
                store, enterprise_id=session.enterprise_id, inspection_id=inspection_id,
                **{k: m.get(k, "") for k in FINDING_FIELDS})
            ids.append(fid)
            if m["item_key"]:
                # The item's photos become the finding's 整改前 evidence.
                sets, params = _stamp_sql(store)
                store.db.execute(
                    f"UPDATE photo SET finding_id = ?, {sets} WHERE inspection_id = ? AND item_key = ? "
                    "AND deleted = 0 AND finding_id IS NULL",
                    [fid, *params, inspection_id, m["item_key"]])
        sets, params = _stamp_sql(store)
        store.db.execute(
            f"UPDATE inspection SET status = 'final', finalised_at = ?, ended_at = ?, {sets} WHERE id = ?",
            [now_iso(), end, *params, inspection_id])
        audit.record(store, "finalise", "inspection", inspection_id)
    _item_cache.pop(inspection_id, None)
    return ids


def discard_draft(store: Store, inspection_id: str) -> None:
    """Tombstone a draft started by mistake (with its photos). A final record cannot be discarded."""
    with store.write():
        if _status(store, inspection_id) == "final":
            raise ValueError("检查已定稿，不可删除。")
        sets, params = _stamp_sql(store)
        store.db.execute(f"UPDATE inspection SET deleted = 1, {sets} WHERE id = ?", [*params, inspection_id])
        sets, params = _stamp_sql(store)
        store.db.execute(f"UPDATE photo SET deleted = 1, {sets} WHERE inspection_id = ? AND deleted = 0",
                         [*params, inspection_id])
    _item_cache.pop(inspection_id, None)


# --------------------------------------------------------------------------------------------
# Lists


def _officer_names(store: Store, ids: list[str], cache: dict[str, str]) -> list[str]:
    missing = [i for i in ids if i not in cache]
    if missing:
        marks = ",".join("?" * len(missing))
        for oid, name in store.db.execute(f"SELECT id, name FROM officer WHERE id IN ({marks})", missing):
            cache[oid] = name
    return [cache.get(i, "") for i in ids]


def history(store: Store, enterprise_id: str) -> list[dict]:
    """Inspections of an enterprise, newest first, with counts of failed items and findings."""
    cur = store.db.execute(
        """
        SELECT i.id, i.kind, i.place, i.started_at, i.ended_at, i.status, i.finalised_at,
               i.officer_ids,
               (SELECT count(*) FROM inspection_answer a
                 WHERE a.inspection_id = i.id AND a.deleted = 0 AND a.answer = '不符合') AS failed_count,
               (SELECT count(*) FROM finding f
                 WHERE f.inspection_id = i.id AND f.deleted = 0) AS finding_count,
               (SELECT count(*) FROM finding f
                 WHERE f.inspection_id = i.id AND f.deleted = 0 AND f.grade = '重大') AS major_count
        FROM inspection i
        WHERE i.enterprise_id = ? AND i.deleted = 0
        ORDER BY i.started_at DESC, i.id DESC
        """, [enterprise_id])
    names = [d[0] for d in cur.description]
    out, cache = [], {}
    for row in cur.fetchall():
        d = dict(zip(names, row))
        d["officer_ids"] = json.loads(d["officer_ids"] or "[]")
        d["officer_names"] = _officer_names(store, d["officer_ids"], cache)
        out.append(d)
    return out


def drafts(store: Store) -> list[dict]:
    """Unfinished inspections (to resume, e.g. after a crash), most recently edited first."""
    # The raw connection: Today (the start page) lists drafts, and store.db loads sqlite-utils.
    cur = store.conn.execute(
        """
        SELECT i.id, i.enterprise_id, e.name AS enterprise_name, i.kind, i.place, i.started_at,
               (SELECT count(*) FROM inspection_answer a
                 WHERE a.inspection_id = i.id AND a.deleted = 0
                   AND (a.answer IS NOT NULL OR a.value_num IS NOT NULL)) AS answered_count,
               max(i.updated_at, coalesce((SELECT max(a.updated_at) FROM inspection_answer a
                                           WHERE a.inspection_id = i.id), '')) AS last_saved
        FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id
        WHERE i.status = 'draft' AND i.deleted = 0
        ORDER BY last_saved DESC, i.id DESC
        """)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


__all__ = [
    "HEADER_FIELDS",
    "KINDS",
    "Answer",
    "FailedItem",
    "FinaliseError",
    "InspectionSession",
    "discard_draft",
    "drafts",
    "failed_items",
    "finalise",
    "finding_sentence",
    "history",
    "open_inspection",
    "proposed_findings",
    "record_answer",
    "start_inspection",
    "update_header",
]
