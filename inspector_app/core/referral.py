"""案件移送书: the letter that refers a case to the bureau after a rectification deadline passed."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date

from .dates import parse_date
from .documents import CASE_REFERRAL, DocumentContent, OrderItem, Party, _check_party, _require, cn_date


@dataclass(frozen=True, kw_only=True)
class CaseReferral(DocumentContent):
    """案件移送书: the township hands a case it cannot finish by the simple procedure to the
    bureau (general procedure). An internal letter in the township's name; the body is the
    wording setting (``referral_wording``, [K]) filled in at issue and frozen here."""

    KIND: typing.ClassVar[str] = CASE_REFERRAL
    party: Party
    recipient: str
    items: tuple[OrderItem, ...]
    body: str
    order_doc_no: str = ""
    ordered_on: date | None = None
    materials: str = ""

    def validate(self, **_settings):
        _check_party(self.party)
        _require(self.recipient, "请填写案件移送的接收机关。")
        _require(self.authority.township_issuer, "请在设置中填写所在镇（街道）名称。")
        if not self.items:
            raise ValueError("请至少列出一项移送的违法行为或事故隐患。")
        _require(self.body, "案件移送书正文为空，请在“设置”中填写案件移送函正文。")
        return self


def referral_body(wording: str, *, party: str, items, order_no: str = "", ordered_on=None,
                  materials: str = "") -> str:
    """The referral wording setting with its placeholders filled in (unknown ones refused)."""
    listed = "\n".join(f"{i}. {it.description}（整改期限：{cn_date(it.deadline)}；依据：{it.legal_basis or '—'}）"
                        for i, it in enumerate(items, 1))
    deadlines = sorted({it.deadline for it in items})
    values = {
        "party": party, "items": listed, "order_no": order_no or "—",
        "ordered_on": cn_date(parse_date(ordered_on)) if ordered_on else "—",
        "deadline": "、".join(cn_date(d) for d in deadlines) or "—",
        "materials": materials or "现场检查记录、责令限期整改指令书、整改复查意见书及送达回执（复印件）",
    }
    try:
        return wording.format_map(values)
    except (KeyError, IndexError, ValueError) as e:
        raise ValueError(f"案件移送函正文中的占位符有误（{e}），可用：" + "、".join("{" + k + "}" for k in values)) from None
