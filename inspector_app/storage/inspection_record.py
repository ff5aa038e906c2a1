"""The 现场检查记录 of a finalised inspection: its content built from the frozen session, and
issuing it once as an enforcement document.

Everything printed comes from the finalised inspection (its checklist snapshot, answers, findings
and photos), the enterprise and the officers, so issuing is a pure function of stored data. The
record is issued at most once per inspection: a second call returns the document already issued
(a voided record is replaced by a new one; a corrected one resolves to the correction).
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from ..core import documents as docs
from ..core.dates import local_naive
from .db import Store
from .documents import authority_from_settings, documents_for_inspection, issue_document
from .findings import findings_for_inspection
from .inspections import InspectionSession, _clean_question, open_inspection
from .photos import relative_path
from .township import get_officers

# Photos of these kinds go to the annex even when not attached to a failed item.
ANNEX_PHOTO_KINDS = ("问题",)
OFF_CHECKLIST_ITEM = "检查表外发现的问题"
MAX_TITLES = 2


def _local_naive(text: str) -> datetime:
    """An ISO date-time as local wall-clock time without zone (the printed form)."""
    return local_naive(text).replace(second=0, microsecond=0)


def _short(question: str, limit: int = 80) -> str:
    q = _clean_question(question)
    return q if len(q) <= limit else q[: limit - 1] + "…"


def _situation(session: InspectionSession, *, failed_keys: list[str], rows: int, major: int) -> str:
    checked = [it for it in session.items() if it.kind != "text"]
    answers = [session.answer(it.key).answer for it in checked]
    passed = sum(1 for a in answers if a == "符合")
    na = sum(1 for a in answers if a == "不适用")
    # Name the checklists where problems were found first; a long list of titles would push
    # the findings table off the first page.
    failed_forms = {k.partition(":")[0] for k in failed_keys}
    forms = sorted(session.forms, key=lambda f: f.id not in failed_forms)
    titles = "".join(f"《{f.title}》" for f in forms[:MAX_TITLES])
    if len(forms) > MAX_TITLES:
        titles += f"等{len(forms)}张检查表"
    head = (f"检查人员对照{titles}对该单位进行了现场检查，共检查{len(checked)}项：符合{passed}项，"
            f"不符合{len(failed_keys)}项")
    head += f"，不适用{na}项" if na else ""
    if rows:
        head += f"；发现问题{rows}项" + (f"，其中重大事故隐患{major}项。" if major else "。")
    else:
        head += "；未发现安全生产违法违规行为和事故隐患。"
    paragraphs = [head]
    if session.summary.strip():
        paragraphs.append(session.summary.strip())
    for it in session.items():
        text = session.answer(it.key).value_text.strip()
        if it.kind == "text" and text:
            paragraphs.append(f"{_clean_question(it.question)}：{text}")
    return "\n".join(paragraphs)


_SECTION_NO_RE = re.compile(r"^[一二三四五六七八九十]+、|（\d+[项本]）$")


def _item_label(session: InspectionSession, key: str) -> str:
    """The 检查项 column: the item's section title (the finding text carries the wording)."""
    form_id = key.partition(":")[0]
    for form in session.forms:
        if form.id != form_id:
            continue
        for section in form.sections:
            if any(it.key == key for it in section.items):
                label = _SECTION_NO_RE.sub("", section.title).strip()
                return label or form.title
    return _short(session.item(key).question, 30)


def _finding_text(f: dict) -> str:
    text = (f["description"] or "").strip()
    if f["grade"] == "重大":
        ref = (f.get("major_ref") or "").strip()
        text += f"（重大事故隐患，判定依据：{ref}）" if ref else "（重大事故隐患）"
    return text


def _annex_photos(store: Store, session: InspectionSession, failed_keys: list[str]) -> list[docs.Photo]:
    order = {k: i for i, k in enumerate(failed_keys)}
    chosen = [p for p in session.photos
              if p["item_key"] in order or p["kind"] in ANNEX_PHOTO_KINDS]
    # Checklist order first (photos of the same item in the order taken), then the rest.
    chosen.sort(key=lambda p: (order.get(p["item_key"], len(order)), p["created_at"], p["id"]))
    out, seen = [], set()
    for p in chosen:
        if p["sha256"] in seen:
            continue
        seen.add(p["sha256"])
        caption = (p.get("caption") or "").strip()
        if not caption and p["item_key"]:
            try:
                caption = _short(session.item(p["item_key"]).question, 60)
            except KeyError:  # an item key not in the snapshot: keep the photo, no caption
                caption = ""
        # Frozen relative to the photos folder, with the hash the renderer checks.
        out.append(docs.Photo(path=relative_path(p["sha256"]), caption=caption, sha256=p["sha256"]))
    return out


def build_record_content(store: Store, inspection_id: str) -> dict:
    """The ``InspectionRecord`` content (``to_dict()`` form) of a finalised inspection.

    Authority from the settings, the officers with their certificate numbers, the party from
    the enterprise, place and times, the 检查情况 summary, one table row per finding (checklist
    order, then findings not on the checklist), the passed-items summary, the problem photos
    for the annex, the on-site person, refusal to sign and witness.
    """
    session = open_inspection(store, inspection_id)
    if not session.is_final:
        raise ValueError("检查尚未定稿，不能生成现场检查记录。请先在检查界面完成“定稿”。")
    ent = session.enterprise
    officers = [docs.Officer(name=o.name, cert_no=o.cert_no)
                for o in get_officers(store, session.officer_ids)]
    started = _local_naive(session.started_at)
    ended = _local_naive(session.ended_at or session.finalised_at)

    findings = findings_for_inspection(store, inspection_id)
    by_key = {f["item_key"]: f for f in findings if f["item_key"]}
    failed_keys = [it.key for it in session.items() if it.key in by_key]
    rows: list[docs.CheckItem] = []
    for key in failed_keys:
        rows.append(docs.CheckItem(item=_item_label(session, key), finding=_finding_text(by_key[key])))
    for f in findings:
        if not f["item_key"] or f["item_key"] not in failed_keys:
            rows.append(docs.CheckItem(item=OFF_CHECKLIST_ITEM, finding=_finding_text(f)))
    major = sum(1 for f in findings if f["grade"] == "重大")

    checked = [it for it in session.items() if it.kind != "text"]
    passed = sum(1 for it in checked if session.answer(it.key).answer == "符合")
    na = sum(1 for it in checked if session.answer(it.key).answer == "不适用")
    passed_summary = f"其余{passed}项检查内容未发现问题" if rows else f"{passed}项检查内容均未发现问题"
    passed_summary += f"，{na}项不适用。" if na else "。"

    witness = None
    if session.witness.strip():
        witness = docs.Witness(name=session.witness.strip(), id_no=session.witness_id_no.strip())
    record = docs.InspectionRecord(
        authority=docs.Authority.from_dict(authority_from_settings(store)),
        officers=tuple(officers),
        issued_on=ended.date(),
        party=docs.Party(
            name=ent.name, address=ent.address, legal_rep=ent.legal_rep or ent.principal,
            phone=ent.legal_rep_phone or ent.principal_phone, uscc=ent.uscc or ""),
        place=session.place or ent.address,
        started_at=started,
        ended_at=ended,
        purpose=session.purpose.strip() or docs.DEFAULT_PURPOSE,
        situation=_situation(session, failed_keys=failed_keys, rows=len(rows), major=major),
        failed_items=tuple(rows),
        passed_summary=passed_summary,
        photos=tuple(_annex_photos(store, session, failed_keys)),
        onsite_person=session.onsite_person.strip(),
        onsite_person_title=session.onsite_person_title.strip(),
        onsite_person_phone=session.onsite_person_phone.strip(),
        refused_to_sign=session.refused_to_sign,
        refusal_note=session.refusal_note.strip(),
        witness=witness,
    )
    return record.to_dict()


def current_record(store: Store, inspection_id: str) -> dict | None:
    """The valid 现场检查记录 of the inspection (the latest correction), or None."""
    records = [d for d in documents_for_inspection(store, inspection_id)
               if d["kind"] == docs.INSPECTION_RECORD and d["register_status"] == "issued"]
    return records[-1] if records else None


def issue_inspection_record(store: Store, inspection_id: str) -> dict:
    """Issue the 现场检查记录 of a finalised inspection once; return its document row.

    Idempotent: when a valid record exists it is returned unchanged (no new number).
    The record is dated the day the inspection ended, and its service is recorded as what
    happened on site: handed to the enterprise's person when the inspection ended (直接送达), or,
    when that person refused to sign, left with the refusal noted (留置送达, 安全生产法第66条).
    """
    with store.write():
        existing = current_record(store, inspection_id)
        if existing is not None:
            return existing
        content = build_record_content(store, inspection_id)
        ent_id, ended_at, finalised_at, refused, note, witness, witness_id = store.conn.execute(
            "SELECT enterprise_id, ended_at, finalised_at, refused_to_sign, refusal_note, witness, "
            "witness_id_no FROM inspection WHERE id = ?", [inspection_id]).fetchone()
        when = _local_naive(ended_at or finalised_at)
        issued_at = when.isoformat(timespec="minutes")
        if refused:
            served = docs.Service(
                served_at=when, served_how="留置送达", refused=True,
                note=note.strip() or "被检查单位负责人拒绝签字，检查人员已记录在案。",
                witness=docs.Witness(name=witness.strip(), id_no=witness_id.strip()) if witness.strip() else None)
        else:
            served = docs.Service(served_at=when, served_how="直接送达")
        return issue_document(store, kind=docs.INSPECTION_RECORD, content=content, enterprise_id=ent_id,
                              inspection_id=inspection_id, issued_at=issued_at, served=served)


def recent_inspections(store: Store, *, limit: int = 100) -> list[dict]:
    """Finalised inspections of every enterprise, newest first, with the same counts as
    ``inspections.history`` plus ``enterprise_name`` and ``officer_names``."""
    cur = store.conn.execute(
        """
        SELECT i.id, i.enterprise_id, e.name AS enterprise_name, i.kind, i.place, i.started_at,
               i.ended_at, i.status, i.finalised_at, i.officer_ids,
               (SELECT count(*) FROM inspection_answer a
                 WHERE a.inspection_id = i.id AND a.deleted = 0 AND a.answer = '不符合') AS failed_count,
               (SELECT count(*) FROM finding f
                 WHERE f.inspection_id = i.id AND f.deleted = 0) AS finding_count,
               (SELECT count(*) FROM finding f
                 WHERE f.inspection_id = i.id AND f.deleted = 0 AND f.grade = '重大') AS major_count
        FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id
        WHERE i.deleted = 0 AND i.status = 'final'
        ORDER BY i.started_at DESC, i.id DESC
        LIMIT ?
        """, [int(limit)])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    officers = {o.id: o.name for o in get_officers(
        store, list({i for r in rows for i in json.loads(r["officer_ids"] or "[]")}))}
    for r in rows:
        r["officer_ids"] = json.loads(r["officer_ids"] or "[]")
        r["officer_names"] = [officers.get(i, "") for i in r["officer_ids"]]
    return rows


__all__ = ["build_record_content", "current_record", "issue_inspection_record", "recent_inspections"]
