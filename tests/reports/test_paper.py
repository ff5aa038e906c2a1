"""Paper: Chinese line breaking (禁则) in every document kind, the one 此栏不够 note on page 1,
the 附页 only when page 1 is really full, and the title and number on every continuation page.

Lines are read back from the PDF (pypdf's layout extraction), as an officer would read them."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from inspector_app.core import documents as d
from inspector_app.reports import pdf_base, pdf_documents
from inspector_app.reports.pdf_documents import render
from tests.reports.test_pdf_documents import NOS, sample

# Written out here, not imported: the test holds the rule, the code may not weaken it.
CLOSING = set("，。、；：？！）」』》〉】〕”’")
OPENING = set("（「『《〈【〔“‘")

_PIECES = ["现场检查发现", "除尘系统", "未按规定设置泄爆装置", "作业区域积尘严重", "有限空间入口", "未设置明显的安全警示标志",
           "从业人员", "未经安全生产教育和培训合格即上岗作业", "配电箱前堆放杂物", "消防通道被占用", "应急预案",
           "未组织演练"]
_MARKS = ["，", "。", "；", "、", "：", "（见照片）", "《安全生产法》", "“三同时”", "！", "？"]


def long_text(seed: int, n: int = 40) -> str:
    """Prose whose punctuation falls on every column as ``seed`` shifts it."""
    out = ["检" * (seed % 7)]
    for i in range(n):
        out.append(_PIECES[(i * 5 + seed) % len(_PIECES)])
        out.append(_MARKS[(i * 3 + seed) % len(_MARKS)])
    return "".join(out) + "。"


def long_sample(kind: str, seed: int) -> d.DocumentContent:
    doc = sample(kind, items=4)
    t = lambda k=0, n=40: long_text(seed + k, n)  # noqa: E731
    if kind == d.INSPECTION_RECORD:
        return dataclasses.replace(
            doc, situation=t(1) + "\n" + t(2), passed_summary=t(3, 12), refusal_note=t(4, 8),
            failed_items=tuple(d.CheckItem(item=t(i, 2), finding=t(i + 5, 6)) for i in range(4)))
    if kind in (d.RECTIFICATION_ORDER, d.HAZARD_NOTICE):
        return dataclasses.replace(doc, items=tuple(
            d.OrderItem(description=t(i, 5), deadline=date(2026, 3, 20), legal_basis=t(i + 1, 1))
            for i in range(4)))
    if kind == d.ONSITE_MEASURES:
        return dataclasses.replace(doc, dangers=(t(1, 12), t(2, 9)), decisions=(t(3, 6), t(4, 5)))
    if kind == d.REINSPECTION_OPINION:
        return dataclasses.replace(doc, opinion=t(1, 30), items=tuple(
            d.ReviewItem(description=t(i, 4), result="已整改") for i in range(3)))
    if kind == d.SPOT_PENALTY:
        return dataclasses.replace(doc, facts=t(1, 30), statement=t(2, 10))
    if kind == d.CASE_REFERRAL:
        return dataclasses.replace(doc, body="\n".join(t(i, 40) for i in range(12)), items=tuple(
            d.OrderItem(description=t(i, 8), deadline=date(2026, 3, 20), legal_basis=t(i + 1, 1)) for i in range(30)))
    raise AssertionError(kind)


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text(extraction_mode="layout") for p in PdfReader(io.BytesIO(pdf)).pages]


def _segments(page: str):
    """Each printed line: a layout line split where columns are apart (4+ spaces)."""
    for line in page.splitlines():
        for seg in re.split(r" {4,}", line):
            seg = seg.strip()
            if seg:
                yield seg


def bad_breaks(pdf: bytes) -> list[str]:
    bad = []
    for page in _pages(pdf):
        for seg in _segments(page):
            if seg[0] in CLOSING or seg[-1] in OPENING:
                bad.append(seg)
    return bad


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("kind", d.KINDS)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(kind, seed):
    doc = long_sample(kind, seed)
    pdf = render(kind, doc.to_dict(), doc_no=NOS[kind])
    assert bad_breaks(pdf) == []
    assert len(_pages(pdf)) >= 1


def test_the_scan_finds_what_reportlabs_own_wrap_gets_wrong(monkeypatch):
    # Without our breaker the same documents do break badly: the scan above can fail.
    monkeypatch.setattr(pdf_base.Paragraph, "breakLinesCJK", pdf_base._RLParagraph.breakLinesCJK)
    found = []
    for kind in d.KINDS:
        for seed in range(3):
            found += bad_breaks(render(kind, long_sample(kind, seed).to_dict(), doc_no=NOS[kind]))
    assert found


@pytest.mark.parametrize("chars, start, j, expected", [
    ("一二三四，五", 0, 4, 3),        # "，" would start the next line: 四 comes down with it
    ("一二三四。」五", 0, 4, 3),      # two closing marks: both stay with 四
    ("一二三（四五", 0, 4, 3),        # "（" would end the line: it goes down
    ("一二三ABC12", 0, 5, 3),        # a Latin word moves whole when it can
    ("，，，，，", 0, 3, 3),          # nothing better exists: break where it overflowed
    ("一" * 8 + "3202810012010000123456", 0, 20, 20),  # more than half the line: split
    ("一二三四　，五", 0, 5, 3),      # a blank does not hide the mark after it
])
def test_break_index(chars, start, j, expected):
    assert pdf_base.break_index(chars, start, j) == expected


# --- 此栏不够 and the 附页 ---------------------------------------------------------------------

def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


# The 案件移送书 is left out of the continuation tests for now: its body is the bureau's wording
# (a setting) and its sample does not reach a 附页 yet — it still takes the line-breaking scan.
# TODO: a long referral sample that continues, then drop this.
CONTINUING_KINDS = tuple(k for k in d.KINDS if k != d.CASE_REFERRAL)


@pytest.mark.parametrize("kind, size", [(k, "short") for k in d.KINDS] + [(k, "long") for k in CONTINUING_KINDS])
def test_page_one_carries_exactly_one_note(kind, size):
    doc = sample(kind) if size == "short" else _overflowing(kind)
    pages = [_flat(p) for p in _pages(render(kind, doc.to_dict(), doc_no=NOS[kind]))]
    assert pages[0].count("此栏不够") == 1, pages[0]
    assert all("此栏不够" not in p for p in pages[1:])
    if size == "long":
        assert "见附页" in pages[0] and len(pages) > 1


def _overflowing(kind: str) -> d.DocumentContent:
    doc = sample(kind, items=40)
    many = tuple(long_text(i, 6) for i in range(30))
    if kind == d.ONSITE_MEASURES:
        return dataclasses.replace(doc, dangers=many, decisions=many)
    if kind == d.INSPECTION_RECORD:
        return dataclasses.replace(doc, situation="\n".join(many), failed_items=tuple(
            d.CheckItem(item=f"检查项{i}", finding=long_text(i, 3)) for i in range(40)))
    if kind == d.REINSPECTION_OPINION:
        return dataclasses.replace(doc, opinion="\n".join(many), items=tuple(
            d.ReviewItem(description=long_text(i, 3), result="已整改") for i in range(40)))
    if kind == d.SPOT_PENALTY:
        return dataclasses.replace(doc, facts="\n".join(many))
    if kind == d.HAZARD_NOTICE:
        return dataclasses.replace(doc, items=sample(d.RECTIFICATION_ORDER, items=40).items)
    return doc


def test_two_lists_continuing_share_one_note():
    doc = _overflowing(d.ONSITE_MEASURES)
    first = _flat(_pages(render(d.ONSITE_MEASURES, doc.to_dict(), doc_no=NOS[d.ONSITE_MEASURES]))[0])
    note = re.search(r"（此栏不够，[^）]*见附页）", first).group(0)
    assert "违法违规行为和事故隐患" in note and "现场处理决定" in note


@pytest.mark.parametrize("kind", CONTINUING_KINDS)
def test_every_continuation_page_carries_title_and_number(kind):
    doc = _overflowing(kind)
    pages = [_flat(p) for p in _pages(render(kind, doc.to_dict(), doc_no=NOS[kind]))]
    assert len(pages) >= 3, "the test needs a 附页 of more than one page"
    for n, page in enumerate(pages[1:], 2):
        assert _flat(doc.title) in page and _flat(NOS[kind]) in page, n


def _natural_pages(kind, doc) -> int:
    """Pages the form takes with every item on page 1 and no 附页 (platypus decides)."""
    original = pdf_base.compose

    def natural(story, *, annex_header, annex_footer, st):
        full = {i: len(p.units) for i, p in enumerate(story) if isinstance(p, pdf_base.Section)}
        return pdf_base._flatten(story, full, st)

    pdf_documents.compose = natural
    try:
        return len(_pages(render(kind, doc.to_dict(), doc_no=NOS[kind])))
    finally:
        pdf_documents.compose = original


@pytest.mark.parametrize("kind", [d.RECTIFICATION_ORDER, d.HAZARD_NOTICE])
def test_the_annex_is_used_only_when_page_one_is_really_full(kind):
    decided = []
    for n in range(1, 14):
        doc = dataclasses.replace(sample(kind), items=sample(d.RECTIFICATION_ORDER, items=n).items)
        pages = len(_pages(render(kind, doc.to_dict(), doc_no=NOS[kind])))
        fits = _natural_pages(kind, doc) == 1
        assert (pages == 1) == fits, n
        decided.append(pages)
    assert decided[0] == 1 and decided[-1] > 1  # both sides of the edge were seen
