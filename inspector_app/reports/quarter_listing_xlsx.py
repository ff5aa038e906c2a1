"""The quarter's listed major hidden dangers (挂牌督办重大事故隐患清单) as an .xlsx workbook. No Qt."""

from __future__ import annotations

from ..core import clock

QUARTER_COLUMNS = (
    ("enterprise_name", "企业名称", 30),
    ("village_name", "村（社区）", 12),
    ("description", "隐患描述", 46),
    ("major_ref", "判定依据", 30),
    ("found_on", "发现日期", 12),
    ("listing_body", "督办单位", 16),
    ("listing_doc_no", "督办文号", 20),
    ("listed_on", "挂牌日期", 12),
    ("listing_deadline", "督办期限", 12),
    ("five_measures", "整改措施", 30),
    ("five_responsible", "责任单位/责任人", 18),
    ("five_funds", "整改资金（元）", 12),
    ("five_deadline", "完成时限", 12),
    ("five_contingency", "应急预案/安全防范措施", 26),
    ("state", "治理状态", 12),
    ("delisted_on", "摘牌日期", 12),
    ("closed_on", "销号日期", 12),
)


def quarter_title(township_name: str, year: int, quarter: int) -> str:
    return f"{township_name}{year}年第{quarter}季度挂牌督办重大事故隐患清单"


def write_quarter_listing_xlsx(rows: list[dict], path, *, title: str, progress=None) -> int:
    """Write the quarter's listed major findings to ``path`` (.xlsx); returns the row count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from ..core.findings import STATE_LABELS
    from .registry_xlsx import save_workbook_atomic
    from .xlsx_safe import put

    wb = Workbook()
    ws = wb.active
    ws.title = "挂牌督办"
    ncols = len(QUARTER_COLUMNS) + 1
    put(ws.cell(1, 1), title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header = ["序号"] + [c[1] for c in QUARTER_COLUMNS]
    for col, text in enumerate(header, 1):
        cell = ws.cell(2, col, text)
        cell.font = Font(bold=True)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.column_dimensions["A"].width = 6
    for col, (_k, _t, width) in enumerate(QUARTER_COLUMNS, 2):
        ws.column_dimensions[get_column_letter(col)].width = width
    total = len(rows)
    for i, r in enumerate(rows, 1):
        values = [i]
        for key, _t, _w in QUARTER_COLUMNS:
            v = r.get(key)
            if key == "state":
                v = STATE_LABELS.get(v, v)
            values.append("" if v is None else v)
        for col, v in enumerate(values, 1):
            cell = put(ws.cell(i + 2, col), v)  # data as literal text, never a formula
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        if progress and i % 50 == 0:
            progress(i, total)
    ws.freeze_panes = "B3"
    ws.cell(total + 4, 1, f"制表日期：{clock.today().isoformat()}")
    save_workbook_atomic(wb, path)
    if progress:
        progress(total, total)
    return total


def export_quarter_listing(store, year: int, quarter: int, path, *, progress=None) -> int:
    from ..core import settings as S
    from ..storage import findings, settings

    rows = findings.listed_major_for_quarter(store, int(year), int(quarter))
    title = quarter_title(settings.get(store, S.TOWNSHIP), int(year), int(quarter))
    return write_quarter_listing_xlsx(rows, path, title=title, progress=progress)
