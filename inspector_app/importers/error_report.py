"""The rejected rows of an import as an .xlsx the officer can use to fix the county file.

The rows are written back as they were read, through ``reports.xlsx_safe``: a cell that held
"=…" text or a control character in the county file is listed as plain text, never as a formula,
and never aborts the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_error_report(report_or_plan, path: str | Path) -> int:
    """Write the bad rows (Excel row number, reasons, then the row as it was) to an .xlsx.

    ``report_or_plan`` is an ``ImportReport`` or an ``ImportPlan``. Returns the number of rows
    listed. Raises ``reports.registry_xlsx.ExportError`` (Chinese message) if the file cannot be
    written; no half-written file is left behind.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ..reports.registry_xlsx import FONT_NAME, save_workbook_atomic
    from ..reports.xlsx_safe import put
    from .enterprise_xlsx import ImportPlan

    plan = report_or_plan if isinstance(report_or_plan, ImportPlan) else report_or_plan.plan
    if plan is not None:
        bad = [(r.row_number, r.name, r.errors, r.cells) for r in plan.error_rows]
        headers = plan.headers
    else:
        bad = [(n, name, reasons, ()) for n, name, reasons in report_or_plan.errors]
        headers = []
    wb = Workbook()
    ws = wb.active
    ws.title = "错误行"
    head_font = Font(name=FONT_NAME, bold=True)
    body_font = Font(name=FONT_NAME)
    wrap = Alignment(wrap_text=True, vertical="top")
    titles = ["原表行号", "企业名称", "错误原因"] + [h or f"第{i + 1}列" for i, h in enumerate(headers)]
    head_fill = PatternFill("solid", fgColor="FFF2CC")
    for col, title in enumerate(titles, 1):
        cell = put(ws.cell(1, col), title)
        cell.font = head_font
        cell.fill = head_fill
    for row, (number, name, reasons, cells) in enumerate(bad, 2):
        values = [number, name, "\n".join(f"{i}. {r}" for i, r in enumerate(reasons, 1))]
        values += [_report_value(v) for v in cells]
        for col, v in enumerate(values, 1):
            if v is None:
                continue
            cell = ws.cell(row, col)
            cell.font = body_font
            cell.alignment = wrap
            put(cell, v)
            if isinstance(cell.value, str):
                cell.number_format = "@"
    widths = [9, 30, 60] + [14] * len(headers)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"
    save_workbook_atomic(wb, path)
    return len(bad)


def _report_value(v: Any) -> Any:
    from .cells import _cell_text

    # Long numbers (codes, phones) as text so Excel shows every digit.
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10 ** 11:
        return str(v)
    if isinstance(v, float) and abs(v) >= 1e11:
        return _cell_text(v)
    return v
