"""Issuing enforcement documents: numbers, the frozen text, void/correction, service, and the
document register (执法文书登记簿). See docs/numbering.md for the numbering decision.

Numbers: one series per laptop (the ``device_code`` the county hands out at enrolment), a
serial per (series, kind, year) taken from ``doc_seq`` in the SAME transaction that inserts the
document row. Hence:

* never duplicated: another laptop has another series; ``UNIQUE(doc_no)`` and
  ``UNIQUE(series, kind, year, seq)`` back this up here and at the county;
* never skipped: a failed or rolled-back issue rolls the counter back with it; a voided
  document keeps its number and stays in the register;
* a restored old backup cannot re-issue numbers once the county's high-water mark has been
  applied (:func:`raise_high_water`).

An issued document is never edited: the schema's triggers reject any UPDATE of its number,
kind, date, party or content and any DELETE; this module offers no update either. A correction
is a new document whose ``supersedes_id`` names the old one (the old row is left untouched).
"""

from __future__ import annotations

import json
from dataclasses import fields as dc_fields
from datetime import date
from typing import NamedTuple

from ..core import clock
from ..core import documents as docs
from ..core import settings as S
from ..core.dates import as_date, check_iso
from ..core.officers import require_two_officers
from .db import Store, not_found, now_iso, require
from . import audit
from . import escalation
from . import findings as findings_store
from . import series as series_store
from . import settings
from .findings import _insert, _update_row

# Old names of the on-the-spot fine limits' defaults (declared in core.settings).
DEFAULT_MAX_FINE_INDIVIDUAL = S.MAX_FINE_INDIVIDUAL.default
DEFAULT_MAX_FINE_UNIT = S.MAX_FINE_UNIT.default


# ---------------------------------------------------------------------------------------------
# helpers

def _issued_at(value) -> str:
    if value is None:
        return now_iso()
    return check_iso(value, "出具日期")


def series_code(store: Store) -> str:
    """This laptop's number series: the device code the county assigned at enrolment."""
    code = settings.get(store, S.DEVICE_CODE)
    if not code:
        raise ValueError("本机尚未设置设备编号，无法为文书编号。请在“设置”中填写县局分配的设备编号（如“A1”）。")
    return S.DEVICE_CODE.check(code)


# core.documents.Authority field → the setting it is filled from.
AUTHORITY_FIELDS = {
    "name": S.AUTHORITY_NAME, "abbr": S.AUTHORITY_ABBR,
    "review_government": S.REVIEW_GOVERNMENT, "court": S.COURT,
    "bank": S.BANK_NAME, "account": S.BANK_ACCOUNT, "address": S.AUTHORITY_ADDRESS,
    "township": S.TOWNSHIP, "township_full_name": S.TOWNSHIP_GOVERNMENT,
    "identity_unit": S.IDENTITY_UNIT, "power": S.AUTHORITY_POWER,
}


def authority_from_settings(store: Store) -> dict:
    s = settings.get_many(store, AUTHORITY_FIELDS.values())
    return {field: s[option.key] for field, option in AUTHORITY_FIELDS.items()}


def _party_from_enterprise(store: Store, enterprise_id: str) -> dict:
    row = store.conn.execute(
        "SELECT name, address, legal_rep, legal_rep_phone, principal, principal_phone, uscc "
        "FROM enterprise WHERE id = ?", [enterprise_id],
    ).fetchone()
    name, address, legal_rep, legal_phone, principal, principal_phone, uscc = row
    return {"name": name, "address": address, "legal_rep": legal_rep or principal,
            "phone": legal_phone or principal_phone, "uscc": uscc or ""}


def _check_officers(content: docs.DocumentContent, kind: str) -> None:
    # The dataclass checks this too; repeated here so that no content type can slip through.
    if kind in docs.ENFORCEMENT_KINDS:
        require_two_officers([o for o in content.officers if o.cert_no.strip()], what="执法文书",
                             who="持证执法人员")


def _build_content(store: Store, kind: str, content: dict, *, enterprise_id: str | None,
                   issued_on: date) -> docs.DocumentContent:
    if kind not in docs.CONTENT_TYPES:
        raise ValueError(f"未知的文书类型：{kind}")
    data = dict(content or {})
    data.pop("doc_no", None)  # the number is ours to give
    if data.get("issued_on") not in (None, ""):
        given = as_date(data["issued_on"], "文书落款日期")
        if given != issued_on:
            raise ValueError("文书落款日期与出具日期不一致，请核对。")
    data["issued_on"] = issued_on
    if not data.get("authority"):
        data["authority"] = authority_from_settings(store)
    cls = docs.CONTENT_TYPES[kind]
    has_party = any(f.name == "party" for f in dc_fields(cls))
    if has_party and data.get("party") is None and enterprise_id and data.get("variant", "unit") == "unit":
        data["party"] = _party_from_enterprise(store, enterprise_id)
    obj = docs.content_from_dict(kind, data)
    obj.validate(
        max_fine_individual=settings.get(store, S.MAX_FINE_INDIVIDUAL),
        max_fine_unit=settings.get(store, S.MAX_FINE_UNIT),
        # The power as set NOW (not as frozen in a correction's old authority): 查封、扣押 only
        # when the authority holds it in its own name.
        power=settings.get(store, S.AUTHORITY_POWER),
    )
    _check_officers(obj, kind)
    return obj


def _next_seq(store: Store, series: str, kind: str, year: int) -> int:
    # Runs inside the caller's write transaction: a rollback un-allocates the number.
    return store.conn.execute(
        "INSERT INTO doc_seq (series, kind, year, last) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (series, kind, year) DO UPDATE SET last = last + 1 RETURNING last",
        [series, kind, year],
    ).fetchall()[0][0]  # fetchall: step the RETURNING statement to its end before COMMIT


def _number(store: Store, authority: docs.Authority, kind: str, year: int, seq: int, series: str) -> str:
    overrides = settings.get(store, S.DOC_CODES) or None
    if kind in docs.TOWNSHIP_KINDS:
        # Issued in the township's own name, not the entrusting authority's.
        abbr = authority.township_short
    else:
        abbr = settings.get(store, S.AUTHORITY_ABBR)
        if not abbr:
            raise ValueError("请在“设置”中填写文号使用的机关简称（如“澄”）。")
    return docs.format_doc_no(abbr, docs.doc_code(kind, overrides), year, seq, series_prefix=f"{series}-")


def _service_columns(served, issued_at: str) -> dict:
    service = served if isinstance(served, docs.Service) else docs.Service(**dict(served))
    cols = service.to_columns()
    if cols["served_at"][:10] < issued_at[:10]:
        raise ValueError("送达日期不能早于文书出具日期。")
    return cols


# ---------------------------------------------------------------------------------------------
# issuing

def issue_document(store: Store, *, kind: str, content: dict, enterprise_id: str | None,
                   inspection_id: str | None = None, issued_at=None, supersedes_id: str | None = None,
                   served=None) -> dict:
    """Validate, number and store a document; return its row (see :func:`get_document`).

    ``content`` is the dict form of the ``core.documents`` dataclass of ``kind``; ``authority``
    defaults to the settings and ``party`` to the enterprise. The stored JSON has ``doc_no`` and
    ``issued_on`` frozen inside. ``served`` (a ``core.documents.Service`` or its kwargs) records
    service at issue, e.g. handed over on the spot.
    """
    issued = _issued_at(issued_at)
    issued_on = as_date(issued)
    if enterprise_id:
        require(store, "enterprise", enterprise_id, "所选企业", hint="请重新选择企业。")
    if inspection_id:
        ins = require(store, "inspection", inspection_id, "对应的检查记录", columns="enterprise_id",
                      live=False, hint="请先保存检查。")
        if enterprise_id and ins[0] != enterprise_id:
            raise ValueError("文书的被检查单位与检查对象不一致，请核对。")
    obj = _build_content(store, kind, content, enterprise_id=enterprise_id, issued_on=issued_on)
    service = _service_columns(served, issued) if served else {}
    with store.write():
        if supersedes_id:
            old = require(store, "document", supersedes_id, "要更正的原文书",
                          columns=("kind", "status", "enterprise_id", "doc_no"), hint="请刷新后重试。")
            if old[0] != kind:
                raise ValueError("更正文书须与原文书种类相同。")
            if old[1] == "void":
                raise ValueError(f"原文书{old[3]}已作废，不能更正。")
            if (old[2] or None) != (enterprise_id or None):
                raise ValueError("更正文书的被检查单位须与原文书一致；对象不同请出具新文书。")
            later = store.conn.execute(
                "SELECT doc_no FROM document WHERE supersedes_id = ? AND deleted = 0", [supersedes_id]
            ).fetchone()
            if later:
                raise ValueError(f"原文书已被{later[0]}更正，请对最新的文书进行更正。")
        series = series_code(store)
        year = issued_on.year
        series_store.check_can_issue(store, series, kind, year)  # blocked after a restore
        seq = _next_seq(store, series, kind, year)
        doc_no = _number(store, obj.authority, kind, year, seq, series)
        stored = obj.to_dict()
        stored["doc_no"] = doc_no
        row = {
            "kind": kind, "doc_no": doc_no, "series": series, "year": year, "seq": seq,
            "enterprise_id": enterprise_id or None, "inspection_id": inspection_id or None,
            "issued_at": issued, "content": json.dumps(stored, ensure_ascii=False, sort_keys=True),
            "status": "issued", "supersedes_id": supersedes_id or None, **service,
        }
        store.stamp(row, new=True)
        _insert(store, "document", row)
        audit.record(store, "correct" if supersedes_id else "issue", "document", row["id"])
        escalation.suspend_from_document(store, row["id"], obj, enterprise_id=enterprise_id)
    return get_document(store, row["id"])


def peek_doc_no(store: Store, kind: str, *, year: int | None = None) -> str:
    """The number the next issue of ``kind`` would get (for display; nothing is reserved)."""
    series = series_code(store)
    year = year or clock.today().year
    row = store.conn.execute(
        "SELECT last FROM doc_seq WHERE series = ? AND kind = ? AND year = ?", [series, kind, year]
    ).fetchone()
    authority = docs.Authority.from_dict(authority_from_settings(store))
    return _number(store, authority, kind, year, (row[0] if row else 0) + 1, series)


def raise_high_water(store: Store, series: str, kind: str, year: int, last: int, *,
                     source: str = "county") -> int:
    """Apply the county's high-water mark: ``last = max(local, county)``; returns the result.

    Defence against a laptop restored from an old backup re-issuing numbers already used: it
    also confirms the series if a restore blocked it (``storage.series``).
    """
    if int(last) < 0:
        raise ValueError("编号上限不能为负数。")
    with store.write():
        result = store.conn.execute(
            "INSERT INTO doc_seq (series, kind, year, last) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (series, kind, year) DO UPDATE SET last = max(last, excluded.last) RETURNING last",
            [series, kind, int(year), int(last)],
        ).fetchall()[0][0]
        series_store.mark_confirmed(store.conn, series, kind, int(year), result, at=now_iso(), source=source)
        return result


def void_document(store: Store, document_id: str, *, reason: str) -> dict:
    """作废: the number stays, the text stays; the register shows it void with the reason."""
    if not (reason or "").strip():
        raise ValueError("请填写作废原因。")
    with store.write():
        row = _raw(store, document_id)
        if row["status"] == "void":
            raise ValueError(f"文书{row['doc_no']}已作废。")
        change = {"status": "void", "void_reason": reason.strip(), "voided_at": now_iso()}
        store.stamp(change, new=False)
        _update_row(store, "document", document_id, change)
        audit.record(store, "void", "document", document_id)
        if row["kind"] in findings_store.ORDER_DOCUMENT_KINDS:
            findings_store.release_order(store, document_id, reason=f"{row['doc_no']}作废：{reason.strip()}")
        escalation.release_for_void(store, document_id, reason=reason.strip())
    return get_document(store, document_id)


def correct_document(store: Store, document_id: str, *, content: dict, issued_at=None,
                     deadlines: dict | None = None) -> dict:
    """更正: a NEW document (new number) that supersedes the old one; the old row is unchanged.

    For an order, the findings it ordered follow the correction, with ``deadlines`` (finding id →
    date) where the corrected items changed them.
    """
    old = _raw(store, document_id)
    with store.write():
        new = issue_document(
            store, kind=old["kind"], content=content, enterprise_id=old["enterprise_id"],
            inspection_id=old["inspection_id"], issued_at=issued_at, supersedes_id=document_id,
        )
        if old["kind"] in findings_store.ORDER_DOCUMENT_KINDS:
            findings_store.transfer_order(store, document_id, new["id"], deadlines=deadlines)
    return new


def record_service(store: Store, document_id: str, *, served_at, served_how: str, refused: bool = False,
                   note: str = "", witness=None, place: str = "", recipient: str = "",
                   served_by: str = "") -> dict:
    """送达: recorded once, after issue, from the signed 送达回执 (place, recipient, the officers
    who served it). Serving a document that ordered findings starts their rectification period
    (ordered → rectifying)."""
    with store.write():
        row = _raw(store, document_id)
        if row["status"] == "void":
            raise ValueError(f"文书{row['doc_no']}已作废，无需送达。")
        if row["served_at"]:
            raise ValueError(f"文书{row['doc_no']}已登记送达（{row['served_at']}）。")
        cols = _service_columns(
            docs.Service(served_at=served_at, served_how=served_how, refused=refused, note=note,
                         witness=witness, place=place, recipient=recipient, served_by=served_by),
            row["issued_at"])
        if row["kind"] == docs.CASE_REFERRAL:
            raise ValueError("案件移送书是内部移送文书，不向当事人送达。")
        store.stamp(cols, new=False)
        _update_row(store, "document", document_id, cols)
        audit.record(store, "serve", "document", document_id)
        findings_store.serve_orders(store, document_id, on=cols["served_at"][:10])
    return get_document(store, document_id)


# ---------------------------------------------------------------------------------------------
# reading

_SELECT = """
    SELECT d.*, e.name AS enterprise_name,
        (SELECT o.doc_no FROM document o WHERE o.id = d.supersedes_id) AS supersedes_doc_no,
        (SELECT n.id FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0
         ORDER BY n.issued_at, n.id LIMIT 1) AS superseded_by_id,
        (SELECT n.doc_no FROM document n WHERE n.supersedes_id = d.id AND n.deleted = 0
         ORDER BY n.issued_at, n.id LIMIT 1) AS superseded_by_doc_no
    FROM document d LEFT JOIN enterprise e ON e.id = d.enterprise_id
"""


def _raw(store: Store, document_id: str) -> dict:
    cur = store.conn.execute("SELECT * FROM document WHERE id = ? AND deleted = 0", [document_id])
    row = cur.fetchone()
    if row is None:
        raise not_found("该文书", "请刷新后重试。")
    return dict(zip([d[0] for d in cur.description], row))


def _decorate(row: dict) -> dict:
    content = json.loads(row["content"])
    row["content"] = content
    row["title"] = docs.TITLES.get(row["kind"], row["kind"])
    if row["status"] == "void":
        row["register_status"] = "void"
    elif row.get("superseded_by_id"):
        row["register_status"] = "superseded"
    else:
        row["register_status"] = "issued"
    party = content.get("party") or content.get("person") or {}
    row["party"] = party.get("name", "") if isinstance(party, dict) else ""
    if not row["party"]:
        row["party"] = row.get("enterprise_name") or ""
    officers = content.get("officers") or []
    row["officers"] = [
        {"name": o.get("name", ""), "cert_no": o.get("cert_no", "")} if isinstance(o, dict)
        else {"name": o[0], "cert_no": o[1] if len(o) > 1 else ""}
        for o in officers
    ]
    row["issued_on"] = row["issued_at"][:10]
    return row


def _query(store: Store, where: str, params, order: str = "d.issued_at, d.series, d.seq") -> list[dict]:
    cur = store.conn.execute(f"{_SELECT} WHERE {where} ORDER BY {order}", params)
    names = [d[0] for d in cur.description]
    return [_decorate(dict(zip(names, r))) for r in cur.fetchall()]


def get_document(store: Store, document_id: str) -> dict | None:
    """The document row with ``content`` parsed, plus ``title``, ``party``, ``officers``,
    ``register_status`` (issued / void / superseded), ``supersedes_doc_no``,
    ``superseded_by_id`` and ``superseded_by_doc_no``."""
    rows = _query(store, "d.id = ? AND d.deleted = 0", [document_id])
    return rows[0] if rows else None


def require_document(store: Store, document_id: str, what: str = "该文书") -> dict:
    """:func:`get_document`, or the one not-found message (``what`` names the document)."""
    row = get_document(store, document_id)
    if row is None:
        raise not_found(what, "请刷新后重试。")
    return row


def content_of(store: Store, document_id: str) -> docs.DocumentContent:
    """The frozen content as its ``core.documents`` dataclass."""
    row = _raw(store, document_id)
    return docs.content_from_dict(row["kind"], json.loads(row["content"]))


STATUS_LABELS = {"issued": "有效", "void": "作废", "superseded": "已更正"}


def register(store: Store, *, year: int | None = None, kind: str | None = None) -> list[dict]:
    """执法文书登记簿: every number (valid, void or corrected) of the year/kind, in number order.

    Each entry: kind, title, doc_no, series, seq, issued_on, status (issued/void/superseded)
    and its Chinese ``status_label``, void_reason, party, officers (names with 证号), service
    (served_at, served_how, service_refused, service_note), supersedes / superseded_by numbers.
    """
    where, params = ["d.deleted = 0"], []
    if year is not None:
        where.append("d.year = ?")
        params.append(int(year))
    if kind is not None:
        where.append("d.kind = ?")
        params.append(kind)
    out = []
    for row in _query(store, " AND ".join(where), params, order="d.year, d.kind, d.series, d.seq"):
        out.append({
            "id": row["id"], "kind": row["kind"], "title": row["title"], "doc_no": row["doc_no"],
            "series": row["series"], "year": row["year"], "seq": row["seq"],
            "issued_at": row["issued_at"], "issued_on": row["issued_on"],
            "status": row["register_status"], "status_label": STATUS_LABELS[row["register_status"]],
            "void_reason": row["void_reason"], "voided_at": row["voided_at"],
            "enterprise_id": row["enterprise_id"], "party": row["party"],
            "officers": "、".join(
                f"{o['name']}（{o['cert_no']}）" if o["cert_no"] else o["name"] for o in row["officers"]),
            "served_at": row["served_at"], "served_how": row["served_how"],
            "service_refused": bool(row["service_refused"]), "service_note": row["service_note"],
            "served_place": row["served_place"], "served_to": row["served_to"], "served_by": row["served_by"],
            "supersedes_id": row["supersedes_id"], "supersedes_doc_no": row["supersedes_doc_no"] or "",
            "superseded_by_id": row["superseded_by_id"], "superseded_by_doc_no": row["superseded_by_doc_no"] or "",
        })
    return out


def numbering_gaps(store: Store) -> list[str]:
    """Problems in this laptop's own series: any serial between 1 and the counter with no
    document (should never happen; the register check in the UI shows this list)."""
    problems = []
    for series, kind, year, last in store.conn.execute(
            "SELECT series, kind, year, last FROM doc_seq ORDER BY series, kind, year").fetchall():
        have = {r[0] for r in store.conn.execute(
            "SELECT seq FROM document WHERE series = ? AND kind = ? AND year = ?", [series, kind, year])}
        missing = [n for n in range(1, last + 1) if n not in have]
        if missing and series == settings.get(store, S.DEVICE_CODE):
            title = docs.TITLES.get(kind, kind)
            problems.append(f"{title} {year}年 {series} 序列缺少编号：" + "、".join(map(str, missing[:20])))
    return problems


def unserved_documents(store: Store) -> list[dict]:
    """Documents issued to a party and not yet served (送达): valid, not void, not superseded by
    a correction, no service recorded. Oldest first: the longest waiting is the most pressing.
    The 案件移送书 goes to the bureau, not to the party: it is never waiting for service."""
    return _query(store, "d.deleted = 0 AND d.status = 'issued' AND d.served_at = '' AND d.kind <> ? "
                         "AND d.enterprise_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document n "
                         "WHERE n.supersedes_id = d.id AND n.deleted = 0)", [docs.CASE_REFERRAL])


def documents_for_inspection(store: Store, inspection_id: str) -> list[dict]:
    return _query(store, "d.inspection_id = ? AND d.deleted = 0", [inspection_id])


def documents_for_finding(store: Store, finding_id: str) -> list[dict]:
    """Documents cited in the finding's history, and any corrections of them."""
    return _query(
        store,
        """d.deleted = 0 AND d.id IN (
            WITH RECURSIVE linked(id) AS (
                SELECT document_id FROM finding_event
                WHERE finding_id = ? AND document_id IS NOT NULL AND deleted = 0
                UNION SELECT n.id FROM document n JOIN linked l ON n.supersedes_id = l.id
            ) SELECT id FROM linked)""",
        [finding_id],
    )


class FrozenDocument(NamedTuple):
    """An issued document as printed: its kind, its content as frozen at issue (the
    ``core.documents`` dict form, ``doc_no`` inside) and its number. Unpacks as the
    ``(kind, content, doc_no)`` that ``reports.pdf_documents.render_many`` takes."""

    kind: str
    content: dict
    doc_no: str


def frozen_document(store: Store, document_id: str) -> FrozenDocument:
    """What a renderer needs to reprint the document exactly as issued (never current
    settings). Rendering is the caller's: ``reports.pdf_documents.render_document``."""
    row = _raw(store, document_id)
    return FrozenDocument(row["kind"], json.loads(row["content"]), row["doc_no"])


__all__ = [
    "issue_document", "peek_doc_no", "raise_high_water", "void_document", "correct_document",
    "record_service", "get_document", "content_of", "register", "numbering_gaps",
    "documents_for_inspection", "documents_for_finding", "FrozenDocument", "frozen_document", "series_code",
    "authority_from_settings", "STATUS_LABELS",
]
