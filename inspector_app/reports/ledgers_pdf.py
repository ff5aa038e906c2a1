"""The quarter's ledgers as a printable PDF (landscape A4), and the one-page figures summary with
charts (reportlab.graphics). No Qt.

Like the workbook, both are built only from a snapshot, with reportlab's invariant mode and the
snapshot's timestamp, so a closed quarter prints the same file every time.

Ledgers PDF: the township and the quarter in the title, the summary figures, then every ledger
as a table whose header row repeats on every page, ``第 M 页 共 N 页`` on every page, and a
signature block for the head of the office at the end.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table,
    TableStyle,
)

from ..core.ledgers.ledgers import LEDGERS, LedgerSpec
from ..storage.ledgers.figures import FIGURES, FIGURE_LABELS, change_text
from .fonts import body_font
from .pdf_grid import GridTable
from .ledgers_xlsx import check_writable, status_line, totals, write_bytes_atomic

PAGE = landscape(A4)
MARGIN = 12 * mm
FRAME_W = PAGE[0] - 2 * MARGIN
CELL_SIZE = 7.5
CELL_PAD = 2


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("lt", fontName=font, fontSize=18, leading=26, alignment=TA_CENTER),
        "sub": ParagraphStyle("ls", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER),
        "h": ParagraphStyle("lh", fontName=font, fontSize=12, leading=18, spaceBefore=4, spaceAfter=3),
        "cell": ParagraphStyle("lc", fontName=font, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3, wordWrap="CJK"),
        "body": ParagraphStyle("lb", fontName=font, fontSize=11, leading=20),
    }


class _NumberedCanvas(Canvas):
    """Defers pages to ``save()`` so each can say ``第 M 页 共 N 页``."""

    header_text = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        font = body_font()
        for i, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self.setFont(font, 8)
            w, h = self._pagesize
            self.drawCentredString(w / 2, 6 * mm, f"第 {i} 页 共 {total} 页")
            if self.header_text:
                self.drawString(MARGIN, h - 8 * mm, self.header_text)
            super().showPage()
        super().save()


def _canvas_with(header: str):
    class C(_NumberedCanvas):
        header_text = header
    return C


def _doc(buf, *, title: str, pagesize=PAGE) -> BaseDocTemplate:
    doc = BaseDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 2 * mm,
                          bottomMargin=MARGIN, title=title, author="inspector-app", creator="inspector-app",
                          invariant=1)
    frame = Frame(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN - 2 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def _text(kind: str, value, *, unmask: bool) -> str:
    from .ledgers_xlsx import cell_value

    v = cell_value(kind, value, unmask=unmask)
    if v is None:
        return ""
    if kind == "date":
        return v.isoformat()
    if kind == "datetime":
        return v.strftime("%Y-%m-%d %H:%M")
    if kind == "float":
        return f"{v:.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
    return str(v)


def _table_style(font: str, *, totals_row: bool) -> TableStyle:
    cmds = [
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE, LINE),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_V), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
    ]
    if totals_row:
        cmds.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2")))
    return TableStyle(cmds)


# The widest a column may ask for before its text wraps (points), by kind.
_MAX_NATURAL = {"text": 150.0, "code": 120.0, "id_no": 95.0}
_MIN_WIDTH = 22.0


def column_widths(cols, texts: list[list[str]], font: str) -> list[float]:
    """Widths that fit the frame: each column asks for its widest text (a sample of rows; codes
    and dates whole, long text capped), then free text columns give way or the spare is shared."""
    sample = texts[:300]
    natural = []
    for i, c in enumerate(cols):
        longest = max((stringWidth(line[i], font, CELL_SIZE) for line in sample), default=0.0)
        # a header may wrap onto two or three lines; the content decides the width
        head = min(stringWidth(c.header, font, CELL_SIZE) / (1 if len(c.header) <= 4 else 2.5), 40.0)
        cap = _MAX_NATURAL.get(c.kind, 80.0)
        natural.append(max(_MIN_WIDTH, head, min(longest, cap)) + 2 * CELL_PAD + 1)
    total = sum(natural)
    if total <= FRAME_W:
        return [w * FRAME_W / total for w in natural]
    flexible = [i for i, c in enumerate(cols) if c.kind == "text" and natural[i] > 50]
    fixed = sum(w for i, w in enumerate(natural) if i not in flexible)
    room = FRAME_W - fixed
    flex_total = sum(natural[i] for i in flexible)
    if not flexible or room <= len(flexible) * _MIN_WIDTH:
        return [w * FRAME_W / total for w in natural]
    return [natural[i] * room / flex_total if i in flexible else natural[i] for i in range(len(cols))]


LINE = CELL_SIZE * 1.25
PAD_V = 1.5


def ledger_table(spec: LedgerSpec, rows: list[dict], *, font: str, st: dict, unmask: bool = False) -> GridTable:
    keys = spec.pdf_columns or tuple(c.key for c in spec.columns)
    cols = [spec.column(k) for k in keys]
    texts = [[_text(c.kind, row.get(c.key), unmask=unmask) for c in cols] for row in rows]
    widths = column_widths(cols, texts, font)
    has_totals = spec.has_totals and any(c.total for c in cols)
    if has_totals:
        t = totals(spec, rows)
        texts.append(["合计"] + [_text("float" if c.kind == "float" else "int", t[c.key], unmask=False)
                               if c.key in t else "" for c in cols[1:]])
    empty = not texts
    if empty:
        texts = [["（本季度无记录）"] + [""] * (len(cols) - 1)]
    # Plain-text grid (reports/pdf_grid.py): the 300-page ledgers of a big township in a second
    # or two instead of reportlab's per-cell tables.
    return GridTable([c.header for c in cols], texts, widths, font=font, size=CELL_SIZE, leading=LINE,
                     pad_h=CELL_PAD, pad_v=PAD_V, totals=has_totals, span_first=empty)


def _figures_table(snap: dict, font: str, st: dict) -> Table:
    figs, prev, ly = snap["figures"], snap["comparison"]["previous"], snap["comparison"]["last_year"]
    half = (len(FIGURES) + 1) // 2
    rows = [["指标", "本季度", "上季度", "环比", "去年同期", "同比"] * 2]
    pairs = list(FIGURES)
    for i in range(half):
        line = []
        for key, label, _kind in (pairs[i], pairs[i + half] if i + half < len(pairs) else (None, "", "")):
            if key is None:
                line += [""] * 6
                continue
            now, before, year_ago = figs.get(key), prev.get(key), ly.get(key)
            line += [label, _num(now), _num(before), change_text(now, before), _num(year_ago), change_text(now, year_ago)]
        rows.append(line)
    w = FRAME_W / 2
    widths = [w * 0.40, w * 0.12, w * 0.12, w * 0.12, w * 0.12, w * 0.12] * 2
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(_table_style(font, totals_row=False))
    return t


def _num(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return str(v)


def signature_block(snap: dict, st: dict) -> list:
    closed = snap.get("closed_at", "")[:10] or snap.get("made_at", "")[:10]
    y, m, d = (closed.split("-") + ["", "", ""])[:3] if closed else ("", "", "")
    line = (f"{escape(snap['township'])}安全生产监督管理办公室负责人（签字）：＿＿＿＿＿＿＿＿　　"
            f"填报人（签字）：＿＿＿＿＿＿＿＿　　（盖章）　　{y}年{int(m) if m else ''}月{int(d) if d else ''}日")
    return [Spacer(1, 8 * mm), KeepTogether([Paragraph("审核意见：", st["body"]), Spacer(1, 10 * mm),
                                             Paragraph(line, st["body"])])]


def ledgers_pdf_bytes(snapshot: dict, *, unmask: bool = False, ledgers: tuple[LedgerSpec, ...] = LEDGERS,
                      progress: Callable[[int, int], None] | None = None) -> bytes:
    font = body_font()
    st = _styles(font)
    title = f"{snapshot['township']}{snapshot['label']}安全生产基本工作台账"
    story: list = [Paragraph(escape(title), st["title"]),
                   Paragraph(escape(f"统计截至{snapshot['as_of']}　{status_line(snapshot)}"), st["sub"]),
                   Spacer(1, 4 * mm), Paragraph("工作情况汇总", st["h"]), _figures_table(snapshot, font, st)]
    total = len(ledgers)
    for i, spec in enumerate(ledgers, 1):
        rows = snapshot["ledgers"].get(spec.key, [])
        head = (f"{spec.number}、" if spec.number else "") + f"{spec.title}（共{len(rows)}条）"
        story += [CondPageBreak(40 * mm), Paragraph(escape(head), st["h"]),
                  ledger_table(spec, rows, font=font, st=st, unmask=unmask)]
        if progress:
            progress(i, total)
    story += signature_block(snapshot, st)
    buf = io.BytesIO()
    doc = _doc(buf, title=title)
    canvas = _canvas_with(f"{snapshot['township']} {snapshot['label']} 安全生产基本工作台账")
    _build(doc, story, canvas, snapshot)
    return buf.getvalue()


def _build(doc: BaseDocTemplate, story: list, canvasmaker, snapshot: dict) -> None:
    # invariant=1 (in _doc) fixes the document id and dates: equal snapshots give equal bytes.
    doc.build(story, canvasmaker=canvasmaker)


def write_ledgers_pdf(snapshot: dict, path: str | Path, *, unmask: bool = False, progress=None) -> Path:
    check_writable(path)
    write_bytes_atomic(ledgers_pdf_bytes(snapshot, unmask=unmask, progress=progress), path)
    return Path(path)


# --------------------------------------------------------------------------------------------
# the one-page figures summary with charts

CHART_KEYS = ("inspections", "enterprises_inspected", "findings_general", "findings_major", "findings_rectified",
              "overdue")


def _bar_comparison(snap: dict, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String

    figs, prev, ly = snap["figures"], snap["comparison"]["previous"], snap["comparison"]["last_year"]
    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, "主要指标对比", fontName=font, fontSize=10, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 40, width - 50, height - 75
    chart.data = [[ly.get(k) or 0 for k in CHART_KEYS], [prev.get(k) or 0 for k in CHART_KEYS],
                  [figs.get(k) or 0 for k in CHART_KEYS]]
    chart.categoryAxis.categoryNames = ["检查次数", "检查企业", "一般隐患", "重大隐患", "已整改", "逾期未改"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = (colors.HexColor("#BFBFBF"), colors.HexColor("#8EA9DB"), colors.HexColor("#2F5597"))
    for i, c in enumerate(palette):
        chart.bars[i].fillColor = c
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7
    legend.x, legend.y = 30, 14
    legend.columnMaximum, legend.deltax, legend.alignment = 1, 90, "right"
    legend.colorNamePairs = list(zip(palette, (snap["last_year_label"], snap["previous_label"], snap["label"])))
    d.add(legend)
    return d


def _bar_villages(snap: dict, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String

    villages = snap["figures"].get("by_village") or []
    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, "各村（社区）隐患情况", fontName=font, fontSize=10, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 55, width - 45, height - 90
    chart.data = [[v["general"] for v in villages] or [0], [v["major"] for v in villages] or [0],
                  [v["rectified"] for v in villages] or [0]]
    chart.categoryAxis.categoryNames = [v["village"] for v in villages] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = (colors.HexColor("#F4B183"), colors.HexColor("#C00000"), colors.HexColor("#70AD47"))
    for i, c in enumerate(palette):
        chart.bars[i].fillColor = c
    d.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = font, 7
    legend.x, legend.y = 30, 8
    legend.columnMaximum, legend.deltax, legend.alignment = 1, 70, "right"
    legend.colorNamePairs = list(zip(palette, ("一般隐患", "重大隐患", "已整改")))
    d.add(legend)
    return d


def _pie_documents(snap: dict, font: str, width: float, height: float):
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing, String

    figs = snap["figures"]
    keys = [k for k, _, _ in FIGURES if k.startswith("doc_")]
    pairs = [(FIGURE_LABELS[k].replace("（份）", ""), figs.get(k) or 0) for k in keys]
    pairs = [(label, n) for label, n in pairs if n]
    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, "执法文书（份）", fontName=font, fontSize=10, textAnchor="middle"))
    if not pairs:
        d.add(String(width / 2, height / 2, "本季度未出具文书", fontName=font, fontSize=9, textAnchor="middle"))
        return d
    pie = Pie()
    size = min(width * 0.45, height - 50)
    pie.x, pie.y, pie.width, pie.height = 20, (height - size) / 2 - 8, size, size
    pie.data = [n for _, n in pairs]
    pie.labels = [str(n) for _, n in pairs]
    pie.slices.fontName = font
    pie.slices.fontSize = 7
    palette = ("#2F5597", "#8EA9DB", "#F4B183", "#70AD47", "#C00000", "#FFD966")
    for i in range(len(pairs)):
        pie.slices[i].fillColor = colors.HexColor(palette[i % len(palette)])
    d.add(pie)
    y = height - 35
    for i, (label, n) in enumerate(pairs):
        from reportlab.graphics.shapes import Rect

        d.add(Rect(size + 35, y - 2, 7, 7, fillColor=colors.HexColor(palette[i % len(palette)]), strokeColor=None))
        d.add(String(size + 46, y, f"{label} {n}", fontName=font, fontSize=7))
        y -= 12
    return d


SUMMARY_KEYS = (
    "enterprises_registered", "enterprises_inspected", "never_inspected_year", "inspections", "officer_visits",
    "findings_general", "findings_major", "findings_rectified", "rectification_rate", "overdue", "majors_listed",
    "majors_delisted", "fines_yuan", "suspensions", "referrals", "certificates_expiring", "equipment_overdue",
    "accidents", "accident_deaths", "drills_year", "joint_actions", "reports_expected", "reports_received",
)


def figures_pdf_bytes(snapshot: dict) -> bytes:
    """One A4 page: the key figures against the previous quarter and last year, and three charts."""
    from reportlab.platypus import Table as T

    font = body_font()
    st = _styles(font)
    page = A4
    width = page[0] - 2 * MARGIN
    figs, prev, ly = snapshot["figures"], snapshot["comparison"]["previous"], snapshot["comparison"]["last_year"]
    title = f"{snapshot['township']}{snapshot['label']}安全生产工作统计"
    rows = [["指标", "本季度", "上季度", "环比", "去年同期", "同比"]]
    for key in SUMMARY_KEYS:
        now, before, year_ago = figs.get(key), prev.get(key), ly.get(key)
        rows.append([FIGURE_LABELS[key], _num(now), _num(before), change_text(now, before), _num(year_ago),
                     change_text(now, year_ago)])
    table = T(rows, colWidths=[width * 0.36] + [width * 0.128] * 5)
    table.setStyle(_table_style(font, totals_row=False))
    chart_h = 62 * mm
    charts = T([[_bar_comparison(snapshot, font, width / 2 - 2, chart_h), _pie_documents(snapshot, font, width / 2 - 2, chart_h)]],
               colWidths=[width / 2, width / 2])
    charts.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story = [Paragraph(escape(title), st["title"]),
             Paragraph(escape(f"统计截至{snapshot['as_of']}　{status_line(snapshot)}"), st["sub"]),
             Spacer(1, 3 * mm), table, Spacer(1, 3 * mm), charts,
             _bar_villages(snapshot, font, width, 58 * mm)]
    buf = io.BytesIO()
    doc = _doc(buf, title=title, pagesize=page)
    _build(doc, story, _canvas_with(""), snapshot)
    return buf.getvalue()


def write_figures_pdf(snapshot: dict, path: str | Path) -> Path:
    check_writable(path)
    write_bytes_atomic(figures_pdf_bytes(snapshot), path)
    return Path(path)


__all__ = ["figures_pdf_bytes", "ledger_table", "ledgers_pdf_bytes", "signature_block", "write_figures_pdf",
           "write_ledgers_pdf"]
