"""A plain-text grid table for the long ledger PDFs: the same look as the reportlab ``Table`` the
ledgers used (grid, shaded header repeated on every page, a shaded totals row, cells wrapped and
vertically centred), drawn an order of magnitude faster.

Why: a 2,000-enterprise township's quarter is ~300 landscape pages and ~130,000 cells. reportlab's
``Table`` builds a text object per cell and re-encodes every string into the embedded font's
subsets; splitting a ``LongTable`` across pages re-creates the table each time. Here rows are
measured once, a page is one path of grid lines and one text object, and each distinct string is
encoded once per document (an enterprise's name repeats on every one of its people and devices).
The PDF operators are what reportlab's text object writes for a TrueType font; any other font
goes through ``drawString``.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

HEADER_FILL = colors.HexColor("#D9E1F2")
TOTAL_FILL = colors.HexColor("#F2F2F2")


class Measure:
    """String widths and CJK-aware line breaking for one font and size, cached per string."""

    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self._w: dict[str, float] = {}

    def width(self, text: str) -> float:
        w = self._w.get(text)
        if w is None:
            w = self._w[text] = stringWidth(text, self.font, self.size)
        return w

    def lines(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width``: anywhere between characters (the
        ledgers are Chinese), at its own newlines, never an empty table cell line."""
        if not text:
            return [""]
        out: list[str] = []
        for para in text.split("\n"):
            if self.width(para) <= width:
                out.append(para)
                continue
            line, w = "", 0.0
            for ch in para:
                cw = self.width(ch)
                if line and w + cw > width:
                    out.append(line)
                    line, w = "", 0.0
                line += ch
                w += cw
            out.append(line)
        return out


class _Encoder:
    """Each string's text-showing operators for a TrueType font, made once per document."""

    def __init__(self, canv, font_name: str, size: float):
        self.font = getFont(font_name)
        self.canv = canv
        self.size = size
        self.cache: dict[str, list[tuple[str, str]]] = {}

    def runs(self, text: str) -> list[tuple[str, str]]:
        r = self.cache.get(text)
        if r is None:
            doc, esc = self.canv._doc, self.canv._escape
            r = self.cache[text] = [(self.font.getSubsetInternalName(subset, doc), f"({esc(t)}) Tj")
                                    for subset, t in self.font.splitString(text, doc)]
        return r


def _encoder(canv, font: str, size: float):
    """The document's encoder (kept on the canvas: the subsets are the document's)."""
    cache = canv.__dict__.setdefault("_grid_encoders", {})
    enc = cache.get((font, size))
    if enc is None:
        enc = cache[(font, size)] = _Encoder(canv, font, size) if getattr(getFont(font), "_dynamicFont", False) else None
    return enc


class GridTable(Flowable):
    """``header``: the column headings; ``rows``: lists of cell text; ``widths`` in points.
    ``totals``: the last row is a 合计 row (shaded). ``span_first``: one row spanning every column
    (the "no records" line). Splits between rows, repeating the header."""

    def __init__(self, header: list[str], rows: list[list[str]], widths: list[float], *, font: str, size: float,
                 leading: float, pad_h: float, pad_v: float, totals: bool = False, span_first: bool = False,
                 _measured=None):
        super().__init__()
        self.header, self.rows, self.widths = header, rows, widths
        self.font, self.size, self.leading, self.pad_h, self.pad_v = font, size, leading, pad_h, pad_v
        self.totals, self.span_first = totals, span_first
        if _measured is None:
            m = Measure(font, size)
            avail = [w - 2 * pad_h for w in widths]
            head = [m.lines(t, a) for t, a in zip(header, avail)]
            if span_first:
                body = [[m.lines(r[0], sum(widths) - 2 * pad_h)] for r in rows]
            else:
                body = [[m.lines(t, a) for t, a in zip(r, avail)] for r in rows]
            _measured = (m, head, body, self._height(head), [self._height(b) for b in body])
        self.m, self.head_lines, self.body_lines, self.head_h, self.row_h = _measured
        self.width = sum(widths)
        self.height = self.head_h + sum(self.row_h)

    def _height(self, cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * self.leading + 2 * self.pad_v + 0.5

    # -- platypus --------------------------------------------------------------------------
    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def split(self, avail_width, avail_height):
        if self.height <= avail_height:
            return [self]
        room, n = avail_height - self.head_h, 0
        for h in self.row_h:
            if room < h:
                break
            room -= h
            n += 1
        if n == 0:
            return []
        return [self._part(0, n, totals=False), self._part(n, len(self.rows), totals=self.totals)]

    def _part(self, a: int, b: int, *, totals: bool) -> "GridTable":
        measured = (self.m, self.head_lines, self.body_lines[a:b], self.head_h, self.row_h[a:b])
        return GridTable(self.header, self.rows[a:b], self.widths, font=self.font, size=self.size,
                         leading=self.leading, pad_h=self.pad_h, pad_v=self.pad_v, totals=totals,
                         span_first=self.span_first and a == 0, _measured=measured)

    # -- drawing ---------------------------------------------------------------------------
    def draw(self):
        c = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        ys = [self.height, self.height - self.head_h]
        for h in self.row_h:
            ys.append(ys[-1] - h)
        c.saveState()
        c.setFillColor(HEADER_FILL)
        c.rect(0, ys[1], self.width, self.head_h, stroke=0, fill=1)
        if self.totals and self.row_h:
            c.setFillColor(TOTAL_FILL)
            c.rect(0, ys[-1], self.width, self.row_h[-1], stroke=0, fill=1)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.4)
        p = c.beginPath()
        for y in ys:
            p.moveTo(0, y)
            p.lineTo(self.width, y)
        spanned = self.span_first and bool(self.rows)  # the "no records" line: no inner lines
        for i, x in enumerate(xs):
            p.moveTo(x, ys[0])
            p.lineTo(x, ys[1] if spanned and 0 < i < len(xs) - 1 else ys[-1])
        c.drawPath(p, stroke=1, fill=0)
        c.setFillColor(colors.black)
        cells = []  # (x, baseline y, text)
        self._place(cells, self.head_lines, ys[0], self.head_h, xs, centred=True)
        for k, (lines, h) in enumerate(zip(self.body_lines, self.row_h)):
            if spanned and k == 0:
                self._place(cells, lines, ys[1], h, [0.0, self.width], centred=True)
            else:
                self._place(cells, lines, ys[1 + k], h, xs, centred=False)
        self._text(cells)
        c.restoreState()

    def _place(self, out: list, cells: list[list[str]], top: float, h: float, xs: list[float], *, centred: bool):
        ascent = self.size * 0.8
        for i, lines in enumerate(cells):
            block = len(lines) * self.leading
            y = top - (h - block) / 2 - (self.leading - self.size) / 2 - ascent
            for line in lines:
                if line:
                    if centred:
                        x = (xs[i] + xs[i + 1]) / 2 - self.m.width(line) / 2
                    else:
                        x = xs[i] + self.pad_h
                    out.append((x, y, line))
                y -= self.leading

    def _text(self, cells: list) -> None:
        c = self.canv
        enc = _encoder(c, self.font, self.size)
        if enc is None:  # not a TrueType font: the ordinary (slower) way
            c.setFont(self.font, self.size)
            for x, y, text in cells:
                c.drawString(x, y, text)
            return
        # One text object for the page: absolute positions (Tm) in the flowable's own
        # coordinates, which the canvas has translated to.
        size = f"{self.size:g}"
        code = ["BT"]
        current = None
        for x, y, text in cells:
            code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
            for name, op in enc.runs(text):
                if name != current:
                    code.append(f"{name} {size} Tf")
                    current = name
                code.append(op)
        code.append("ET")
        c._code.append("\n".join(code))


__all__ = ["GridTable", "Measure"]
