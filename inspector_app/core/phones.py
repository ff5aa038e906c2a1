"""Phone numbers as officers write them: a mainland mobile (1[3-9] + 9 digits) or a landline
with its area code (0510-8686xxxx for Jiangyin; 3- or 4-digit area codes, 7- or 8-digit numbers,
an optional extension). Spaces and hyphens between groups are accepted and kept as written."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}[- ]?\d{7,8}(?:[-转]\d{1,6})?$")

PHONE_RULE = "手机号为以1开头的11位数字（如13812345678），固定电话请带区号（如0510-86861234）。"


def normalise(text: str) -> str:
    """Full-width digits and hyphens to ASCII, spaces inside mobiles removed."""
    text = (text or "").strip().translate(str.maketrans("０１２３４５６７８９－—　", "0123456789-- "))
    if re.fullmatch(r"[\d ]+", text) and text.replace(" ", "").startswith("1"):
        text = text.replace(" ", "")
    return text


def phone_problem(text: str, *, what: str = "电话") -> str | None:
    """None when ``text`` is empty or a valid number; otherwise the officer's message."""
    value = normalise(text)
    if not value:
        return None
    if _MOBILE.match(value) or _LANDLINE.match(value):
        return None
    if re.fullmatch(r"\d{7,8}", value):
        return f"{what}“{text.strip()}”缺少区号：固定电话请写成“0510-{value}”。"
    return f"{what}“{text.strip()}”不是有效的电话号码：{PHONE_RULE}"
