"""Page set-up and building blocks shared by the printed enforcement documents.

A4 with GB/T 9704-like margins; the footer ``共 N 页 第 M 页`` is numbered per document, also when
several documents are printed into one PDF (a day's batch). The total is known only after layout,
so a canvas subclass keeps every page's state and draws the footers in ``save()``.

Forms have one or more item lists ("…（此栏不够，可另附页）"). :func:`compose` keeps the whole form
on its first page and moves the items that do not fit to 附页 pages, as officers do on paper.

Chinese line breaking (禁则): reportlab's CJK wrap hangs one closing mark into the margin and
knows neither the full-width ，；：！？ nor opening marks. :class:`Paragraph` breaks lines itself:
no line starts with a closing mark and none ends with an opening one — the character before is
pulled down to the next line instead (hanging would run into a table cell's border) — and a
number or Latin word is not split when it can move whole.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, PageBreakIfNotEmpty, PageTemplate, Spacer, Table, TableStyle,
)
from reportlab.platypus import Paragraph as _RLParagraph
from reportlab.platypus.paragraph import ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine

from .fonts import body_font

PAGE_W, PAGE_H = A4
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
FRAME_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_Y = 22 * mm

BODY_SIZE = 12          # 小四
BODY_LEADING = 18
SMALL_SIZE = 10.5       # 五号
TITLE_SIZE = 22         # 二号
BANNER_SIZE = 14        # 四号
NBSP = "\u00a0"


# --- styles --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Styles:
    font: str
    body: ParagraphStyle          # indented paragraph
    plain: ParagraphStyle         # no indent
    item: ParagraphStyle          # numbered item, hanging indent
    cell: ParagraphStyle          # table cell text
    right: ParagraphStyle         # authority / date lines
    small: ParagraphStyle
    center: ParagraphStyle


@lru_cache(maxsize=4)
def styles(font: str | None = None) -> Styles:
    font = font or body_font()
    base = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=BODY_LEADING,
                          wordWrap="CJK", alignment=TA_LEFT, firstLineIndent=2 * BODY_SIZE)
    return Styles(
        font=font,
        body=base,
        plain=ParagraphStyle("plain", parent=base, firstLineIndent=0),
        item=ParagraphStyle("item", parent=base, firstLineIndent=-1.5 * BODY_SIZE,
                            leftIndent=3.5 * BODY_SIZE),
        cell=ParagraphStyle("cell", parent=base, firstLineIndent=0, fontSize=SMALL_SIZE,
                            leading=SMALL_SIZE * 1.45),
        right=ParagraphStyle("right", parent=base, firstLineIndent=0, alignment=TA_RIGHT,
                             rightIndent=2 * BODY_SIZE),
        small=ParagraphStyle("small", parent=base, firstLineIndent=0, fontSize=SMALL_SIZE,
                             leading=SMALL_SIZE * 1.6),
        center=ParagraphStyle("center", parent=base, firstLineIndent=0, alignment=TA_CENTER),
    )


_NBSP_RUN = re.compile(NBSP + "+")


def esc(text: str) -> str:
    """Text → Paragraph markup (escape, keep line breaks).

    Runs of no-break spaces (used for underlined blanks) are set in Helvetica: the CID fallback
    font has no glyph for U+00A0 and would print boxes, and ordinary spaces are collapsed.
    """
    out = escape(str(text)).replace("\n", "<br/>")
    if NBSP in out:
        out = _NBSP_RUN.sub(lambda m: f'<font face="Helvetica">{m.group(0)}</font>', out)
    return out


def u(value: str, *, min_chars: int = 0, pad: int = 2) -> str:
    """An underlined fill-in. Values are padded so a short value still shows a visible blank;
    ``pad=1`` for lines with many small fill-ins (dates and times) that must fit one line."""
    n = len(str(value))
    pad = NBSP * (pad + (max(0, min_chars - n) * 2 if min_chars else 0))
    return f"<u>{esc(pad + str(value) + pad)}</u>"


def blank(chars: int = 6) -> str:
    """An empty underlined blank (about ``chars`` CJK characters wide) to fill in by hand."""
    return "<u>" + esc(NBSP * (chars * 4)) + "</u>"


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup, style)


# --- line breaking (禁则) ------------------------------------------------------------------

#: Marks that never start a line (GB/T 15834 closing and pause marks, and their ASCII forms).
CANNOT_START = frozenset("，。、；：？！）」』》〉】〕］｝”’…—·％‰℃,.;:?!)]}%")
#: Marks that never end a line (opening marks).
CANNOT_END = frozenset("（「『《〈【〔［｛“‘([{")
_FUZZ = 1e-6
_BLANKS = frozenset(" \u00a0\u3000")


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-/._@")


def _width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def break_index(chars: Sequence[str], start: int, j: int) -> int:
    """Where to end the line ``chars[start:j]`` (``chars[j]`` did not fit): ``j`` or earlier.

    Moves back while the next line would start with a closing mark or this one end with an
    opening mark — looking past blanks, so the padding of an underlined fill-in does not hide
    the mark after it — then, if it costs at most half the line, keeps a number or Latin word
    whole. A line keeps at least one character, so a break is always found.
    """
    n = len(chars)

    def bad(k: int) -> bool:
        after = k
        while after < n and chars[after] in _BLANKS:
            after += 1
        before = k - 1
        while before > start and chars[before] in _BLANKS:
            before -= 1
        return (after < n and chars[after] in CANNOT_START) or chars[before] in CANNOT_END

    k = j
    while k > start + 1 and bad(k):
        k -= 1
    if k == start + 1 and bad(k):
        k = j  # a line of nothing but marks: nothing better exists
    w = k
    while w > start + 1 and _wordish(chars[w - 1]) and _wordish(chars[w]):
        w -= 1
    if w != k and (k - w) * 2 <= k - start and not bad(w):
        k = w
    return k


def kinsoku_split(frags, max_widths, calc_bounds: bool) -> ParaLines:
    """reportlab's ``cjkFragSplit`` with the 禁则 of :func:`break_index`."""
    chars = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        chars.extend([cjkU(t, f, "utf8") for t in text] if text else [cjkU(text, f, "utf8")])
    lines = []
    i = start = 0
    used = 0.0
    max_w = max_widths[0]
    n = len(chars)

    def close(end: int, width_used: float, line_break: bool) -> None:
        nonlocal max_w
        lines.append(makeCJKParaLine(chars[start:end], max_w, width_used, max_w - width_used, line_break,
                                     calc_bounds))
        max_w = max_widths[min(len(lines), len(max_widths) - 1)]

    while i < n:
        u = chars[i]
        used += _width(u, max_w)
        i += 1
        if hasattr(u.frag, "lineBreak"):
            close(i, used, True)
            start, used = i, 0.0
        elif used > max_w + _FUZZ and i - 1 > start:
            end = break_index(chars, start, i - 1)
            close(end, sum(_width(chars[x], max_w) for x in range(start, end)), False)
            start = i = end
            used = 0.0
    if start < n and used > 0:
        close(n, used, False)
    return ParaLines(kind=1, lines=lines)


class Paragraph(_RLParagraph):
    """A Paragraph whose CJK wrap keeps the 禁则 (see the module docstring)."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802,N803 - reportlab API
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return kinsoku_split(self.frags, maxWidths, auto not in ("", "off"))


# --- special flowables ---------------------------------------------------------------------

class BoldTitle(Flowable):
    """Centred title in fake bold (fill + stroke): CJK fonts here ship without a bold face."""

    def __init__(self, text: str, font: str, size: float = TITLE_SIZE, space_after: float = 4):
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.spaceAfter = space_after

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        self.height = self.size * 1.45
        # Very long titles shrink to the frame width rather than being clipped.
        self._size = self.size
        w = stringWidth(self.text, self.font, self.size)
        if w > avail_w:
            self._size = self.size * avail_w / w
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        t = c.beginText()
        t.setFont(self.font, self._size)
        t.setTextRenderMode(2)
        c.setLineWidth(self._size * 0.035)
        w = stringWidth(self.text, self.font, self._size)
        t.setTextOrigin((self.width - w) / 2, self.size * 0.35)
        t.textOut(self.text)
        c.drawText(t)
        c.restoreState()


class DocMark(Flowable):
    """Zero-size marker: tells the canvas which document the current page belongs to."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.doc_index = self.index
        self.canv.running_title = None


class RunningTitle(Flowable):
    """Zero-size marker placed with a page's own heading: the page is titled, and the pages
    that follow it in the same document (a long 附页) carry ``text`` at their top."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.running_title = self.text
        self.canv.page_titled = True


RUNNING_TITLE_Y = PAGE_H - 22 * mm


class _NumberedCanvas(Canvas):
    """Defers page output to ``save()`` to print ``共 N 页 第 M 页`` per document, and the
    document's title and number on every later page that has no heading of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.doc_index = 0
        self.running_title = None
        self.page_titled = False
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self.page_titled = False
        self._startPage()

    def save(self):
        totals: dict[int, int] = {}
        for st in self._pages:
            totals[st["doc_index"]] = totals.get(st["doc_index"], 0) + 1
        seen: dict[int, int] = {}
        font = body_font()
        for st in self._pages:
            self.__dict__.update(st)
            idx = st["doc_index"]
            seen[idx] = seen.get(idx, 0) + 1
            self.setFont(font, SMALL_SIZE)
            self.drawCentredString(PAGE_W / 2, FOOTER_Y, f"共 {totals[idx]} 页 第 {seen[idx]} 页")
            if seen[idx] > 1 and st.get("running_title") and not st.get("page_titled"):
                self.drawCentredString(PAGE_W / 2, RUNNING_TITLE_Y, st["running_title"])
            super().showPage()
        super().save()


# --- form pieces ---------------------------------------------------------------------------

def title_block(banner: str, title: str, doc_no: str, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if banner:
        bs = ParagraphStyle("banner", parent=st.center, fontSize=BANNER_SIZE, leading=BANNER_SIZE * 1.6)
        out.append(Paragraph(esc(banner), bs))
    out.append(BoldTitle(title, st.font))
    out.append(RunningTitle(f"{title}　{doc_no}" if doc_no else title))
    if doc_no:
        out.append(Paragraph(esc(doc_no), st.center))
    out.append(Spacer(1, 6))
    return out


def _value_widths(values: Sequence[tuple[str, float]], free: float, total_weight: float,
                  font: str, size: float) -> list[float]:
    """Widths of the value cells: by weight, except that a value which would wrap gets its
    natural width when the other values still fit in what is left (a date must not break
    across lines while the next blank has room to spare)."""
    shares = [free * w / total_weight for _, w in values]
    natural = [stringWidth(v, font, size) + 8 for v, _ in values]  # + cell padding
    widen = [i for i, (n, sh) in enumerate(zip(natural, shares)) if n > sh]
    if not widen:
        return shares
    rest = free - sum(natural[i] for i in widen)
    others = [i for i in range(len(values)) if i not in widen]
    weight_rest = sum(values[i][1] for i in others) or 1
    widths = list(natural)
    for i in others:
        widths[i] = rest * values[i][1] / weight_rest
        if widths[i] < natural[i]:
            return shares  # no room to keep everything on one line: fall back to the weights
    if not others and rest > 0:
        widths[widen[-1]] += rest
    return widths


def field_row(pairs: Sequence[tuple[str, str, float]], st: Styles) -> Table:
    """One form line of ``label ____value____`` pairs; floats weight the value widths."""
    font, size = st.font, BODY_SIZE
    label_ws = [stringWidth(lbl, font, size) + 6 if lbl else 0 for lbl, _, _ in pairs]
    free = FRAME_W - sum(label_ws)
    total_weight = sum(w for _, _, w in pairs) or 1
    cells, widths, style = [], [], [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a value that must wrap starts level with its label
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    vstyle = ParagraphStyle("fv", parent=st.plain, alignment=TA_LEFT, leading=BODY_SIZE * 1.4)
    value_ws = _value_widths([(str(v or ""), w) for _, v, w in pairs], free, total_weight, font, size)
    for (lbl, value, weight), lw, vw in zip(pairs, label_ws, value_ws):
        if lbl:
            cells.append(Paragraph(esc(lbl), vstyle))  # same style as the value: same baseline
            widths.append(lw)
        col = len(cells)
        cells.append(Paragraph(esc(value or NBSP), vstyle))
        widths.append(vw)
        style.append(("LINEBELOW", (col, 0), (col, 0), 0.6, colors.black))
        style.append(("LEFTPADDING", (col, 0), (col, 0), 4))
    t = Table([cells], colWidths=widths, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    t.spaceAfter = 2
    return t


def signature_rows(rows: Sequence[tuple[str, str]], st: Styles, *, sign_w: float = 44 * mm) -> list[Table]:
    """``label（签名）：________  note`` rows; the blank is for a handwritten signature only.

    Rows with an empty label continue the group above (second officer) and share its columns;
    each group is its own table so a long label does not squeeze the others' notes.
    """
    groups: list[list[tuple[str, str]]] = []
    for lbl, note in rows:
        if lbl or not groups:
            groups.append([])
        groups[-1].append((lbl, note))
    font = st.font
    nstyle = ParagraphStyle("sn", parent=st.plain, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.3)
    lstyle = ParagraphStyle("sl", parent=st.plain, leading=BODY_SIZE * 1.3)
    out = []
    for group in groups:
        label_w = max(stringWidth(lbl, font, BODY_SIZE) for lbl, _ in group) + 4
        note_w = FRAME_W - label_w - sign_w
        data = [[Paragraph(esc(lbl), lstyle) if lbl else "", "", Paragraph(esc(note), nstyle) if note else ""]
                for lbl, note in group]
        t = Table(data, colWidths=[label_w, sign_w, note_w], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), font, BODY_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (2, 0), (2, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ]))
        t.spaceBefore = 2
        out.append(t)
    return out


def seal_block(issuer: str, date_text: str, st: Styles) -> list[Flowable]:
    return [
        Spacer(1, 4),
        Paragraph(esc(issuer) + "（印章）", st.right),
        Paragraph(esc(date_text), st.right),
        Spacer(1, 2),
    ]


def grid_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               st: Styles) -> Table:
    cells = [[Paragraph(esc(h), st.cell) for h in header]]
    cells += [[Paragraph(esc(c), st.cell) for c in r] for r in rows]
    t = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    t.spaceBefore = 3
    t.spaceAfter = 4
    return t


# --- overflow into 附页 --------------------------------------------------------------------

COMPLETE_NOTE = "（此栏不够，可另附页）"


@dataclass
class Section:
    """An item list of a form that may continue on 附页 pages.

    ``render(units, start)`` builds the flowables for ``units`` numbered from ``start`` (0-based).
    ``label`` names the list in the one 此栏不够 note when several lists continue.
    """

    units: Sequence
    render: Callable[[Sequence, int], list[Flowable]]
    annex_heading: str
    unit_word: str = "项"
    min_units: int = 1
    label: str = ""

    def main(self, k: int, st: Styles) -> list[Flowable]:
        return list(self.render(self.units[:k], 0)) if k else []

    def annex(self, k: int, st: Styles) -> list[Flowable]:
        if k >= len(self.units):
            return []
        return [Paragraph(esc(self.annex_heading), st.plain), *self.render(self.units[k:], k)]

    def rest(self, k: int) -> str:
        """What of this list is on the 附页: "第3—10项", "第10项" or "" (all of it)."""
        n = len(self.units)
        if not k:
            return ""
        return f"第{k + 1}—{n}{self.unit_word}" if k + 1 < n else f"第{n}{self.unit_word}"


@dataclass
class NoteSlot:
    """Where the form prints its one "此栏不够" note, after ``prefix`` (markup) when given.

    Without a slot the note follows the story's last section.
    """

    prefix: str = ""
    style: str = ""   # "body" or "right"; "" = right when complete, body when continued


Story = list  # of Flowable | Section | NoteSlot


def note_text(sections: Sequence[Section], ks: Sequence[int]) -> str:
    """The one 此栏不够 note of page 1: where each list continues, or that one may be added."""
    over = [(s, k) for s, k in zip(sections, ks) if k < len(s.units)]
    if not over:
        return COMPLETE_NOTE
    if len(over) == 1:
        s, k = over[0]
        return f"（此栏不够，{s.rest(k)}见附页）" if k else "（此栏不够，内容见附页）"
    parts = [f"{s.label}{s.rest(k)}" if k else (s.label or "其余内容") for s, k in over]
    return "（此栏不够，" + "、".join(parts) + "见附页）"


def _height(flowables: Sequence[Flowable]) -> float:
    h = 0.0
    prev_after = 0.0
    for i, f in enumerate(flowables):
        _, fh = f.wrap(FRAME_W, FRAME_H * 4)
        before = f.getSpaceBefore() if i else 0
        h += max(before, prev_after) if i else 0  # platypus collapses adjacent spaces
        h += fh
        prev_after = f.getSpaceAfter()
    return h


def _flatten(story: Story, ks: dict[int, int], st: Styles) -> list[Flowable]:
    sections = [(i, p) for i, p in enumerate(story) if isinstance(p, Section)]
    note = note_text([p for _, p in sections], [ks[i] for i, _ in sections])
    complete = note == COMPLETE_NOTE
    slot_at = next((i for i, p in enumerate(story) if isinstance(p, NoteSlot)), None)
    if slot_at is None:
        slot_at = sections[-1][0] if sections else None
    out: list[Flowable] = []
    for i, part in enumerate(story):
        if isinstance(part, Section):
            out.extend(part.main(ks[i], st))
        elif not isinstance(part, NoteSlot):
            out.append(part)
        if i == slot_at:
            slot = part if isinstance(part, NoteSlot) else NoteSlot()
            style = {"body": st.body, "right": st.right}.get(slot.style) or (st.right if complete else st.body)
            out.append(Paragraph(slot.prefix + esc(note), style))
    return out


def compose(story: Story, *, annex_header: list[Flowable], annex_footer: list[Flowable],
            st: Styles) -> list[Flowable]:
    """Fit ``story`` on its first page, moving the overflow of its sections to 附页 pages.

    Page 1 carries exactly one 此栏不够 note (at the story's :class:`NoteSlot`). The 附页 is
    used only when the whole form with every item does not fit on page 1. Falls back to natural
    page flow when even the fixed text does not fit on one page. Flowables are measured by
    wrapping; a page holds ``FRAME_H`` minus a little slack.
    """
    budget = FRAME_H - 0.5  # what the frame holds (platypus adds 1e-6 fuzz): "really full"
    sections = {i: p for i, p in enumerate(story) if isinstance(p, Section)}
    full = {i: len(s.units) for i, s in sections.items()}

    def fits(ks: dict[int, int]) -> bool:
        # Fresh flowables each time: a wrapped Paragraph caches its layout for one width only.
        return _height(_flatten(story, ks, st)) <= budget

    if not sections or fits(full):
        return _flatten(story, full, st)
    ks = {i: min(s.min_units, len(s.units)) for i, s in sections.items()}
    if not fits(ks):
        ks = {i: 0 for i in sections}  # every list to the 附页, the form itself on page 1
        if not fits(ks):
            return _flatten(story, full, st)
    for i, s in sections.items():
        lo, hi = ks[i], len(s.units)
        while lo < hi:  # largest k that still fits, others fixed
            mid = (lo + hi + 1) // 2
            if fits({**ks, i: mid}):
                lo = mid
            else:
                hi = mid - 1
        ks[i] = lo
    main = _flatten(story, ks, st)
    annex: list[Flowable] = [PageBreakIfNotEmpty(), *annex_header]
    for i, s in sections.items():
        annex.extend(s.annex(ks[i], st))
    annex.extend(annex_footer)
    return main + annex


# --- building ------------------------------------------------------------------------------

def build(documents: Sequence[list[Flowable]], *, title: str = "", author: str = "") -> bytes:
    """Lay out documents one after the other, each starting on a new page; return PDF bytes."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
        creator="inspector-app", invariant=1,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame])])
    story: list[Flowable] = []
    for i, flowables in enumerate(documents):
        if i:
            story.append(PageBreakIfNotEmpty())
        story.append(DocMark(i))
        story.extend(flowables)
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buf.getvalue()
