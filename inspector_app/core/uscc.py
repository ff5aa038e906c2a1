"""Unified social credit code (统一社会信用代码, GB 32100-2015).

Own implementation rather than python-stdnum: stdnum's ``cn.uscc`` requires the first eight
characters to be digits and so rejects valid codes of village collectives (``N2…``) and other
registration bodies whose first character is a letter.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, Z, S, V
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = [pow(3, i, 31) for i in range(17)]

# First two characters: registration body + organisation kind (GB 32100 appendix).
KINDS = {
    "11": "机关", "12": "事业单位", "13": "中央编办其他", "19": "其他",
    "21": "外国常驻新闻机构", "29": "其他",
    "31": "律师执业机构", "32": "外国律师事务所驻华代表机构", "33": "司法鉴定机构",
    "34": "仲裁委员会", "35": "公证处", "36": "基层法律服务所", "39": "其他",
    "41": "外国旅游部门常驻代表机构", "49": "其他",
    "51": "社会团体", "52": "民办非企业单位", "53": "基金会", "59": "其他",
    "61": "外国在华文化中心", "62": "外国政府旅游部门常驻代表机构", "69": "其他",
    "71": "宗教活动场所", "72": "宗教院校", "79": "其他",
    "81": "基层工会", "89": "其他",
    "91": "企业", "92": "个体工商户", "93": "农民专业合作社",
    "A1": "军队事业单位", "A9": "其他",
    "G1": "军队事业单位", "G9": "其他",
    "J1": "宗教活动场所", "J9": "其他",
    "N1": "组级集体经济组织", "N2": "村级集体经济组织", "N3": "乡镇级集体经济组织", "N9": "其他",
    "Y1": "其他",
}


class UsccError(ValueError):
    """A credit code that is not valid; ``str(err)`` is the officer-facing message."""


@dataclass(frozen=True)
class Uscc:
    code: str

    @property
    def kind(self) -> str:
        return KINDS.get(self.code[:2], "其他")

    @property
    def region(self) -> str:
        return self.code[2:8]


def compact(text: str) -> str:
    """Uppercase and strip spaces, hyphens and full-width characters officers paste."""
    table = str.maketrans("０１２３４５６７８９", "0123456789")
    out = []
    for ch in text.translate(table).upper():
        if "Ａ" <= ch <= "Ｚ":
            ch = chr(ord(ch) - 0xFEE0)
        if ch in " \t-－_·.":
            continue
        out.append(ch)
    return "".join(out)


def check_char(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def _org_check(body8: str) -> str:
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = 0
    for ch, w in zip(body8, weights):
        total += (int(ch) if ch.isdigit() else ord(ch) - 55) * w
    c = 11 - total % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def validate(text: str) -> Uscc:
    """Return the normalised code or raise :class:`UsccError` with a Chinese message."""
    code = compact(text)
    if len(code) != 18:
        raise UsccError(f"统一社会信用代码应为18位，当前为{len(code)}位，请核对营业执照。")
    bad = sorted({c for c in code if c not in _VALUE})
    if bad:
        raise UsccError(
            "统一社会信用代码含有不允许的字符：" + "、".join(bad) + "（代码中不使用 I、O、Z、S、V）。"
        )
    if not code[2:8].isdigit():
        raise UsccError("统一社会信用代码第3至8位应为行政区划码（6位数字）。")
    expected = check_char(code[:17])
    if code[17] != expected:
        raise UsccError("统一社会信用代码校验位不正确，请逐位核对营业执照上的代码。")
    return Uscc(code)


def is_valid(text: str) -> bool:
    try:
        validate(text)
    except UsccError:
        return False
    return True


def make(prefix: str, region: str, body9: str | None = None, *, body8: str | None = None) -> str:
    """Build a valid code (used by the demo generator and tests).

    ``body8`` gets its organisation-code check character computed; ``body9`` is used as is.
    """
    if body9 is None:
        if body8 is None:
            raise ValueError("body9 or body8 is required")
        body9 = body8 + _org_check(body8)
    first17 = prefix + region + body9
    if len(first17) != 17:
        raise ValueError("prefix(2) + region(6) + body(9) must be 17 characters")
    return first17 + check_char(first17)
