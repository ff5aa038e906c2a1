"""The quarter's ledgers as one .xlsx workbook: a summary sheet (the figures against the previous
quarter and the same quarter last year, and by village) and one sheet per ledger. No Qt.

Built only from a snapshot (``storage.ledgers.export_snapshot``), so a closed quarter's workbook
is the same file byte for byte whenever it is exported: the document properties and every zip
entry carry the snapshot's own timestamp, never the time of export.

Each sheet: Chinese headers, frozen header row, column widths, real dates with a date format,
codes (credit codes, document numbers, phones) as text, a 合计 row where counts make sense, and
print setup (landscape A4, header row repeated, fit to width, page numbers). A cell's text that
starts with = is stored as text, never as a formula. Written through ``.part`` + ``os.replace``
(``registry_xlsx.save_workbook_atomic``'s rule), so a failed export leaves no half file.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ..core.dates import as_date, parse_datetime
from ..core.ledgers.ledgers import LEDGERS, LedgerSpec
from ..core.ledgers.rules import mask_id
from ..storage.ledgers.figures import FIGURES, VILLAGE_FIGURES, change_text
from .xlsx_safe import clean_text, ledger_sheet_setup, needs_quote_prefix, put
from .registry_xlsx import ExportError, _os_message, _part, check_writable

FONT_NAME = "宋体"
HEADER_ROW = 3
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_BAD_SHEET_CHARS = str.maketrans({c: "" for c in "[]:*?/\\"})


def sheet_name(spec: LedgerSpec) -> str:
    name = (f"{spec.number}、" if spec.number else "") + spec.title
    return name.translate(_BAD_SHEET_CHARS)[:31]


def snapshot_moment(snapshot: dict) -> datetime:
    """The one timestamp written into the file: when the quarter was closed (or the snapshot made)."""
    text = snapshot.get("closed_at") or snapshot.get("made_at") or "2000-01-01T00:00:00"
    t = parse_datetime(text)
    return t.replace(tzinfo=None, microsecond=0)


def status_line(snapshot: dict) -> str:
    if snapshot.get("status") == "closed":
        by = f"，结账人：{snapshot['closed_by']}" if snapshot.get("closed_by") else ""
        return f"已于{snapshot['closed_at'][:16].replace('T', ' ')}结账{by}"
    return f"未结账（数据截至{snapshot['made_at'][:16].replace('T', ' ')}）"


def cell_value(kind: str, value, *, unmask: bool = False):
    """A row value as written: dates as dates, booleans as 是/否, ID numbers masked, codes text."""
    if value is None or value == "":
        return None
    if kind == "date":
        return as_date(value)
    if kind == "datetime":
        return parse_datetime(value).replace(tzinfo=None)
    if kind == "bool":
        return "是" if value else "否"
    if kind == "id_no":
        return str(value) if unmask else mask_id(str(value))
    if kind in ("int", "float"):
        return value
    return str(value)


def totals(spec: LedgerSpec, rows: list[dict]) -> dict:
    """Column key → total for the 合计 row (sums; booleans counted as the number of 是)."""
    out = {}
    for c in spec.columns:
        if c.total:
            values = [r.get(c.key) for r in rows]
            if c.kind == "bool":
                out[c.key] = sum(1 for v in values if v)
            else:
                s = sum(v or 0 for v in values)
                out[c.key] = round(s, 2) if isinstance(s, float) else s
    return out


class _FixedZip(zipfile.ZipFile):
    """Every entry stamped with one given moment, so equal content gives equal bytes."""

    def __init__(self, *args, moment: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._moment = (max(moment.year, 1980),) + tuple(moment.timetuple())[1:6]

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._moment)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        return super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as fh:
            return self.writestr(arcname or os.path.basename(filename), fh.read())


class _Book:
    """The workbook and the named styles every sheet shares (one lookup per cell)."""

    def __init__(self, moment: datetime):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

        self.wb = Workbook(write_only=True)
        self.wb.properties.creator = "inspector-app"
        self.wb.properties.created = moment
        self.wb.properties.modified = moment
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        font = Font(name=FONT_NAME, size=10)
        wrap = Alignment(vertical="center", wrap_text=True)
        self.styles = {
            "text": NamedStyle("台账正文", font=font, border=border, alignment=wrap),
            "code": NamedStyle("台账文本", font=font, border=border, alignment=wrap, number_format="@"),
            "int": NamedStyle("台账整数", font=font, border=border, number_format="0",
                              alignment=Alignment(horizontal="right", vertical="center")),
            "float": NamedStyle("台账数字", font=font, border=border, number_format="0.00",
                                alignment=Alignment(horizontal="right", vertical="center")),
            "date": NamedStyle("台账日期", font=font, border=border, number_format=DATE_FORMAT,
                               alignment=Alignment(horizontal="center", vertical="center")),
            "datetime": NamedStyle("台账时间", font=font, border=border, number_format=DATETIME_FORMAT,
                                   alignment=Alignment(horizontal="center", vertical="center")),
            "total": NamedStyle("台账合计", font=Font(name=FONT_NAME, size=10, bold=True), border=border,
                                alignment=Alignment(horizontal="center", vertical="center"),
                                fill=PatternFill("solid", fgColor="F2F2F2")),
        }
        self.styles["bool"] = self.styles["text"]
        self.styles["id_no"] = self.styles["code"]
        for st in self.styles.values():
            if st.name not in self.wb.named_styles:
                self.wb.add_named_style(st)
        self.head = (Font(name=FONT_NAME, size=10, bold=True), border, PatternFill("solid", fgColor="D9E1F2"),
                     Alignment(horizontal="center", vertical="center", wrap_text=True))

    def sheet(self, title: str, widths: list[float], header_row: int = HEADER_ROW):
        ws = self.wb.create_sheet(title)
        ledger_sheet_setup(ws, widths, header_row=header_row)
        return ws

    def cell(self, ws, value, style: str | None = None):
        from openpyxl.cell import WriteOnlyCell

        c = WriteOnlyCell(ws)
        if style:
            c.style = self.styles[style].name
        return put(c, value)  # the officer's text as text: never a formula, no illegal characters

    def title_rows(self, ws, title: str, subtitle: str) -> None:
        from openpyxl.styles import Alignment, Font

        t = self.cell(ws, title)
        t.font = Font(name=FONT_NAME, size=16, bold=True)
        t.alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[1].height = 30
        ws.append([t])
        s = self.cell(ws, subtitle)
        s.font = Font(name=FONT_NAME, size=10)
        s.alignment = Alignment(horizontal="left", vertical="center")
        ws.append([s])

    def header(self, ws, headers: list[str]) -> None:
        font, border, fill, align = self.head
        cells = []
        for h in headers:
            c = self.cell(ws, h)
            c.font, c.border, c.fill, c.alignment = font, border, fill, align
            cells.append(c)
        ws.append(cells)


def _summary(book: _Book, snap: dict) -> None:
    figs = snap["figures"]
    prev = snap["comparison"]["previous"]
    ly = snap["comparison"]["last_year"]
    ws = book.sheet("汇总", [30, 12, 12, 10, 12, 10, 12])
    book.title_rows(ws, f"{snap['township']}{snap['label']}安全生产工作情况汇总",
                    f"统计截至{snap['as_of']}　{status_line(snap)}")
    book.header(ws, ["指标", snap["label"], snap["previous_label"], "环比", snap["last_year_label"], "同比"])
    for key, label, kind in FIGURES:
        style = "float" if kind in ("float", "pct") else "int"
        now, before, year_ago = figs.get(key), prev.get(key), ly.get(key)
        ws.append([book.cell(ws, label, "text"), book.cell(ws, now, style), book.cell(ws, before, style),
                   book.cell(ws, change_text(now, before), "text"), book.cell(ws, year_ago, style),
                   book.cell(ws, change_text(now, year_ago), "text")])
    ws.append([])
    ws.append([book.cell(ws, "按村（社区）统计")])
    book.header(ws, ["村（社区）"] + [label for _, label in VILLAGE_FIGURES])
    villages = figs.get("by_village") or []
    for v in villages:
        ws.append([book.cell(ws, v["village"], "text")] +
                  [book.cell(ws, v[k], "float" if k == "rate" else "int") for k, _ in VILLAGE_FIGURES])
    total = {k: sum(v[k] for v in villages) for k, _ in VILLAGE_FIGURES if k != "rate"}
    found = total.get("general", 0) + total.get("major", 0)
    total["rate"] = round(100.0 * total.get("rectified", 0) / found, 1) if found else 0.0
    ws.append([book.cell(ws, "合计", "total")] + [book.cell(ws, total[k], "total") for k, _ in VILLAGE_FIGURES])


def _ledger_sheet(book: _Book, spec: LedgerSpec, rows: list[dict], snap: dict, *, unmask: bool) -> int:
    """The sheet's title, header, two template rows and the totals row through openpyxl; the data
    rows replace the template rows in the saved XML (:func:`_data_rows`)."""
    cols = spec.columns
    ws = book.sheet(sheet_name(spec), [c.width for c in cols])
    book.title_rows(ws, f"{snap['township']}{spec.title}",
                    f"{snap['label']}　统计截至{snap['as_of']}　共{len(rows)}条　{status_line(snap)}")
    book.header(ws, [c.header for c in cols])
    # Template rows: each column's style, plain and quote-prefixed (text that looks like a formula).
    ws.append([book.cell(ws, None, c.kind) for c in cols])
    ws.append([book.cell(ws, "=" if c.kind in _TEXT_KINDS else None, c.kind) for c in cols])
    if spec.has_totals:
        t = totals(spec, rows)
        line = []
        for i, c in enumerate(cols):
            if i == 0:
                line.append(book.cell(ws, "合计", "total"))
            else:
                line.append(book.cell(ws, t.get(c.key), "total"))
        ws.append(line)
    return len(rows)


_TEXT_KINDS = ("text", "code", "id_no", "bool")
_FIRST_DATA = HEADER_ROW + 1
_EPOCH = datetime(1899, 12, 30)
_ROW_RE = re.compile(r'<row r="(\d+)"[^>]*>.*?</row>', re.S)
_STYLE_RE = re.compile(r'<c r="[A-Z]+\d+" s="(\d+)"')


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _data_rows(spec: LedgerSpec, rows: list[dict], plain: list[str], quoted: list[str], *, unmask: bool) -> str:
    """The data rows' XML, written directly (openpyxl's per-cell writer was most of the export's
    time on a 2,000-enterprise township): the same cells openpyxl writes — numbers, date serials,
    inline strings cleaned of illegal characters, formula-like text quote-prefixed."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(spec.columns) + 1)]
    cols = [(c.key, c.kind) for c in spec.columns]
    out = []
    text_of: dict[str, tuple[bool, str]] = {}  # a ledger repeats its texts (names, statuses, dates)
    for n, row in enumerate(rows, _FIRST_DATA):
        cells = []
        for i, (key, kind) in enumerate(cols):
            ref = f"{letters[i]}{n}"
            v = cell_value(kind, row.get(key), unmask=unmask)
            if v is None:
                cells.append(f'<c r="{ref}" s="{plain[i]}" t="n"></c>')
            elif isinstance(v, str):
                known = text_of.get(v)
                if known is None:
                    clean = clean_text(v)
                    space = ' xml:space="preserve"' if clean[:1].isspace() or clean[-1:].isspace() else ""
                    known = text_of[v] = (needs_quote_prefix(clean), f"<is><t{space}>{_xml_text(clean)}</t></is>")
                style = quoted[i] if known[0] else plain[i]
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr">{known[1]}</c>')
            elif isinstance(v, datetime):
                cells.append(f'<c r="{ref}" s="{plain[i]}" t="n"><v>{(v - _EPOCH).total_seconds() / 86400!r}</v></c>')
            elif isinstance(v, date):
                cells.append(f'<c r="{ref}" s="{plain[i]}" t="n"><v>{(v - _EPOCH.date()).days}</v></c>')
            elif isinstance(v, bool):
                cells.append(f'<c r="{ref}" s="{plain[i]}" t="b"><v>{int(v)}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{plain[i]}" t="n"><v>{v!r}</v></c>')
        out.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    return "".join(out)


def _fill_sheet(xml: str, spec: LedgerSpec, rows: list[dict], *, unmask: bool) -> str:
    """Replace the two template rows of a ledger sheet's XML by its data rows and renumber the
    totals row after them."""
    found = {int(m.group(1)): m for m in _ROW_RE.finditer(xml)}
    t1, t2 = found[_FIRST_DATA], found[_FIRST_DATA + 1]
    plain, quoted = _STYLE_RE.findall(t1.group(0)), _STYLE_RE.findall(t2.group(0))
    after = xml[t2.end():]
    total = found.get(_FIRST_DATA + 2)
    if total is not None:
        last = _FIRST_DATA + len(rows)
        old = str(_FIRST_DATA + 2)
        moved = re.sub(r'(r="[A-Z]*)' + old + '"', lambda m: f'{m.group(1)}{last}"', total.group(0))
        after = moved + xml[total.end():]
    return xml[:t1.start()] + _data_rows(spec, rows, plain, quoted, unmask=unmask) + after


def workbook_bytes(snapshot: dict, *, unmask: bool = False, ledgers: tuple[LedgerSpec, ...] = LEDGERS,
                   progress: Callable[[int, int], None] | None = None) -> bytes:
    """The workbook of ``snapshot`` as bytes (deterministic for a given snapshot)."""
    from openpyxl.writer.excel import ExcelWriter

    moment = snapshot_moment(snapshot)
    book = _Book(moment)
    _summary(book, snapshot)
    total = len(ledgers)
    filled: dict[str, tuple[LedgerSpec, list[dict]]] = {}
    for i, spec in enumerate(ledgers, 1):
        rows = snapshot["ledgers"].get(spec.key, [])
        _ledger_sheet(book, spec, rows, snapshot, unmask=unmask)
        filled[f"xl/worksheets/sheet{i + 1}.xml"] = (spec, rows)  # sheet1 is the summary
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(book.wb, archive).save()
    buf = io.BytesIO()
    done = 0
    with zipfile.ZipFile(raw) as src, \
            _FixedZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True, moment=moment) as archive:
        for name in src.namelist():
            data = src.read(name)
            if name in filled:
                spec, rows = filled[name]
                data = _fill_sheet(data.decode("utf-8"), spec, rows, unmask=unmask).encode("utf-8")
                done += 1
                if progress:
                    progress(done, total)
            archive.writestr(name, data)
    return buf.getvalue()


def write_bytes_atomic(data: bytes, path: str | Path) -> None:
    """Write ``data`` to ``path`` via ``path.part`` and ``os.replace``; ExportError (Chinese) on failure."""
    path = Path(path)
    part = _part(path)
    try:
        with open(part, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    except OSError as e:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
        raise ExportError(_os_message(e, path)) from e


def write_ledgers_xlsx(snapshot: dict, path: str | Path, *, unmask: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the quarter's workbook to ``path``; returns the path. ID numbers are masked unless
    ``unmask`` (the officer asked, PIPL)."""
    check_writable(path)
    write_bytes_atomic(workbook_bytes(snapshot, unmask=unmask, progress=progress), path)
    return Path(path)


__all__ = ["cell_value", "sheet_name", "snapshot_moment", "status_line", "totals", "workbook_bytes",
           "write_bytes_atomic", "write_ledgers_xlsx"]
