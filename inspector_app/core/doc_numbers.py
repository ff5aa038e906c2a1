"""Document numbers: ``（澄）应急责改〔2026〕A1-7号`` (see docs/numbering.md)."""

from __future__ import annotations

import re
from typing import NamedTuple


def _codes() -> dict[str, str]:
    from .documents import DOC_CODES  # the table lives with the kinds it names
    return DOC_CODES


class DocNo(NamedTuple):
    abbr: str
    code: str
    year: int
    seq: int
    series_prefix: str = ""


def doc_code(kind: str, overrides: dict[str, str] | None = None) -> str:
    """The 代字 of ``kind``; ``overrides`` (from settings) win over :data:`DOC_CODES`."""
    if overrides and overrides.get(kind):
        return overrides[kind]
    try:
        return _codes()[kind]
    except KeyError:
        raise ValueError(f"未知的文书类型：{kind}") from None


def format_doc_no(abbr: str, code: str, year: int, seq: int, *, series_prefix: str = "") -> str:
    """``（澄）应急责改〔2026〕7号``; with ``series_prefix="A1-"``: ``（澄）应急责改〔2026〕A1-7号``."""
    if not code or re.search(r"[（）()〔〕\[\]\d]", code):
        raise ValueError(f"文书代字不正确：{code!r}（不能为空，不能含括号或数字）。")
    if re.search(r"[（）()〔〕\[\]]", abbr):
        raise ValueError(f"机关简称不能含括号：{abbr!r}")
    if not (1000 <= int(year) <= 9999):
        raise ValueError(f"年份不正确：{year}")
    if int(seq) < 1:
        raise ValueError("文书序号应从1开始。")
    if series_prefix and (series_prefix[-1].isdigit() or re.search(r"[〔〕\[\]号]", series_prefix)):
        # A trailing digit would merge with the serial and make the number ambiguous.
        raise ValueError(f"编号前缀不能以数字结尾（例如用“A1-”）：{series_prefix!r}")
    head = f"（{abbr}）" if abbr else ""
    return f"{head}{code}〔{int(year)}〕{series_prefix}{int(seq)}号"


_DOC_NO_RE = re.compile(
    r"^(?:[（(](?P<abbr>[^）)]*)[）)])?(?P<code>[^〔\[【（()）\d]+)"
    r"[〔\[【](?P<year>\d{4})[〕\]】](?P<series>.*?)[（(]?(?P<seq>\d+)[）)]?号$"
)


def parse_doc_no(s: str) -> DocNo:
    """Inverse of :func:`format_doc_no`; also reads ``[2019]`` and ``(15)号`` variants."""
    m = _DOC_NO_RE.match(re.sub(r"\s+", "", s or ""))
    if not m:
        raise ValueError(f"无法识别的文书编号：{s!r}（格式如：（澄）应急责改〔2026〕7号）")
    return DocNo(m["abbr"] or "", m["code"], int(m["year"]), int(m["seq"]), m["series"])


def kind_for_code(code: str, overrides: dict[str, str] | None = None) -> str | None:
    codes = {**_codes(), **(overrides or {})}
    for kind, c in codes.items():
        if c == code:
            return kind
    return None


