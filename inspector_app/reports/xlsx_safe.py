"""Cells whose text comes from data, written as the text they are. No Qt.

openpyxl turns any string that starts with "=" into a formula (an enterprise called
"=HYPERLINK(…)" would become a live link in the exported ledger) and any "#N/A"-like string into
an error value, and it refuses a string holding an XML-illegal control character (one pasted
name would abort a 20,000-row export). Every xlsx writer puts data into cells through
:func:`put`, which

- removes the characters XML 1.0 cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE`` plus U+FFFE/
  U+FFFF): they are invisible in Excel anyway, and the rest of the text survives;
- keeps a string a string (``data_type = "s"``), so it is written as an inline string, never as
  ``<f>``; and
- for text that begins with = + - @ (what a spreadsheet reads as the start of a formula when the
  cell is edited or the file goes through CSV), sets the cell's quote-prefix style: Excel, WPS and
  LibreOffice show the plain text, with no apostrophe, and keep it text after an edit.

An apostrophe typed into the text instead would be shown as part of the name by all three.
"""

from __future__ import annotations

import re
from copy import copy
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@")

# openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE, plus the two non-characters XML 1.0 forbids and lone
# surrogates (which cannot be encoded as UTF-8 at all). Declared here so this module stays cheap to
# import; a test holds it to openpyxl's.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010\013\014\016-\037\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without the characters an .xlsx cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def literal(value: Any) -> Any:
    """The value to write for ``value``: text cleaned of illegal characters, anything else as is."""
    return clean_text(value) if isinstance(value, str) else value


def needs_quote_prefix(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def put(cell, value: Any):
    """Set ``cell`` (a worksheet or write-only cell) to ``value`` as literal data; returns the cell.

    A reused write-only cell is fine: the quote prefix is set or cleared on every call, on a copy
    of the cell's style (the workbook's style table may hold the previous one)."""
    value = literal(value)
    cell.value = value
    if isinstance(value, str) and value:
        cell.data_type = "s"  # never "f" (formula) nor "e" (error value)
    quote = isinstance(value, str) and needs_quote_prefix(value)
    if quote != cell.quotePrefix:
        if cell._style is not None:
            cell._style = copy(cell._style)
        cell.quotePrefix = quote
    return cell



def ledger_sheet_setup(ws, widths, *, header_row: int, freeze_column: str = "A") -> str:
    """The layout every township ledger sheet shares: column widths, the header row frozen and
    repeated on each printed page, landscape A4 fitted to the width, centred, page numbers in the
    footer, and rows 1–2 (title, subtitle) merged across. Returns the last column's letter."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"{freeze_column}{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.HeaderFooter.oddFooter.center.text = "第 &P 页，共 &N 页"
    last = get_column_letter(max(1, len(widths)))
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")
    return last
