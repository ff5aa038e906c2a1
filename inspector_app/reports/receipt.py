"""The 文书送达回执 (service receipt) printed for every document served on a party.

One page per document: the document's title and number, the party, the place and manner of
service (直接/留置/邮寄/委托 as tick boxes), the recipient's signature line with the date, the
officers who serve it, and for 留置送达 the witness and the circumstances. Printed blank (to be
filled in by hand when the document is handed over) or, once service is recorded, with what the
officer recorded from the signed receipt. Signatures always stay blank (签名应当手写).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.lib import colors

from ..core import documents as d
from ..storage.db import Store
from ..storage.documents import get_document
from .pdf_base import FRAME_W, NBSP, Styles, build, esc, seal_block, styles, title_block

TITLE = "文书送达回执"
BANNER = "安全生产行政执法文书"
DATE_BLANK = f"{NBSP * 10}年{NBSP * 6}月{NBSP * 6}日{NBSP * 6}时{NBSP * 6}分"


def _manner(recorded: str) -> str:
    boxes = [("■" if m == recorded else "□") + m for m in d.RECEIPT_METHODS]  # GBK glyphs: every font has them
    if recorded and recorded not in d.RECEIPT_METHODS:
        boxes.append("■" + recorded)
    return "　".join(boxes)


def receipt_story(row: dict, st: Styles | None = None) -> list[Flowable]:
    """The receipt of one document row (as :func:`storage.documents.get_document` returns it)."""
    st = st or styles()
    if row["kind"] not in d.SERVED_KINDS:
        raise ValueError(f"{row['title']}不向当事人送达，没有送达回执。")
    content = row["content"]
    authority = content.get("authority") or {}
    issuer = authority.get("township_full_name") or authority.get("township") \
        if row["kind"] == d.HAZARD_NOTICE else authority.get("name", "")
    officers = "、".join(f"{o['name']}（证号：{o['cert_no']}）" if o["cert_no"] else o["name"]
                        for o in row["officers"] if o["name"])
    served = bool(row.get("served_at"))
    when = d.cn_datetime(d._parse_datetime(row["served_at"])) if served else DATE_BLANK
    note = row.get("service_note") or ""
    if row.get("service_refused"):
        note = "受送达人拒绝签收。" + note
    cells = [
        ("送达文书名称", row["title"]),
        ("文书编号", row["doc_no"]),
        ("受送达人", row["party"] + (f"（签收人：{row['served_to']}）" if row.get("served_to") else "")),
        ("送达地点", row.get("served_place") or ""),
        ("送达方式", _manner(row.get("served_how") or "")),
        # Signature cells stay blank for handwriting; names only in brackets beside them.
        ("受送达人（签名或盖章）", f"\n\n{NBSP * 40}{DATE_BLANK}"),
        ("代收人及代收理由", ""),
        ("见证人（留置送达时签名）", ""),
        ("送达人（签名）", f"\n\n{NBSP * 30}（{row.get('served_by') or officers}）"),
        ("送达时间", when),
        ("备注（拒收、留置的情况）", note),
    ]
    label_w = 42 * mm
    data = [[Paragraph(esc(k), st.cell), Paragraph(esc(v).replace("\n", "<br/>"), st.cell)] for k, v in cells]
    table = Table(data, colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return [
        *title_block(BANNER if row["kind"] in d.ENFORCEMENT_KINDS else issuer, TITLE, row["doc_no"], st),
        Spacer(1, 4),
        table,
        Spacer(1, 6),
        Paragraph(esc("说明：受送达人拒绝签收的，送达人应当在备注栏注明拒收事由和日期，由送达人、见证人签名，"
                      "把文书留在受送达人的住所，即视为送达（留置送达）；也可以采用拍照、录像等方式记录送达过程。"),
                  st.small),
        *seal_block(issuer, "", st),
    ]


def render_receipt(store: Store, document_id: str) -> bytes:
    """The 送达回执 of one issued document as PDF bytes."""
    row = get_document(store, document_id)
    if row is None:
        raise ValueError("找不到该文书，请刷新后重试。")
    return build([receipt_story(row)], title=f"{TITLE} {row['doc_no']}", author=row["content"]
                 .get("authority", {}).get("name", ""))


def render_receipts(store: Store, document_ids) -> bytes:
    rows = [get_document(store, i) for i in document_ids]
    stories = [receipt_story(r) for r in rows if r is not None]
    if not stories:
        raise ValueError("没有需要打印送达回执的文书。")
    return build(stories, title=TITLE)


__all__ = ["render_receipt", "render_receipts", "receipt_story", "TITLE"]
