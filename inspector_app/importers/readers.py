"""Read the rows of a spreadsheet, whatever the county saved it as: .xlsx, legacy .xls, .ods or
WPS .et (an OLE/BIFF file like .xls; python-calamine reads it as one).

The format is chosen by the file's content, not its name: counties rename files freely, and a
"county.xls" is often an .xlsx inside. :func:`open_book` returns a small workbook object with the
openpyxl-like surface the importer uses (``worksheets``, ``sheetnames``, ``ws.iter_rows``), so the
checks of every format are one code path. Cells come back as openpyxl gives them: ``None`` for an
empty cell, ``str``, ``int``/``float``, ``bool``, ``date``/``datetime``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

XLSX, XLS, ODS = "xlsx", "xls", "ods"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: What the file dialog offers (the reader decides by content, so these are only a filter).
EXTENSIONS = ("xlsx", "xlsm", "xls", "ods", "et")


class ReadError(ValueError):
    """The file cannot be read; ``str(err)`` tells the officer what to do."""


def kind_of(path: Path) -> str | None:
    """``xlsx`` / ``xls`` / ``ods`` by content; ``None`` for anything else. Raises OSError."""
    with Path(path).open("rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            return XLS
        if head[:4] != ZIP_MAGIC:
            return None
        fh.seek(0)
        try:
            with zipfile.ZipFile(fh) as zf:
                names = set(zf.namelist())
                if "xl/workbook.xml" in names:
                    return XLSX
                if "content.xml" in names and "mimetype" in names:
                    if zf.read("mimetype").strip().startswith(ODS_MIMETYPE):
                        return ODS
        except zipfile.BadZipFile:
            return None
    return None


@dataclass
class Sheet:
    title: str
    rows: list[tuple] = field(repr=False)

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def iter_rows(self, min_row: int = 1, values_only: bool = True) -> Iterator[tuple]:
        return iter(self.rows[min_row - 1:])


@dataclass
class Book:
    worksheets: list[Sheet]
    hidden: set[str] = field(default_factory=set)

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.worksheets]

    @property
    def active(self) -> Sheet | None:
        # Calamine does not tell which sheet was active: the first visible one stands in.
        for ws in self.worksheets:
            if ws.title not in self.hidden:
                return ws
        return self.worksheets[0] if self.worksheets else None

    def __getitem__(self, title: str) -> Sheet:
        for ws in self.worksheets:
            if ws.title == title:
                return ws
        raise KeyError(title)

    def close(self) -> None:
        pass


def _value(v: Any) -> Any:
    if v == "" and isinstance(v, str):
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        # Calamine gives every number as float, openpyxl whole numbers as int. Beyond 2**53 the
        # value stays float: an 18-digit credit code stored as a number has lost digits, and
        # the importer says so.
        return int(v)
    if isinstance(v, (time, timedelta)) and not isinstance(v, datetime):
        return str(v)
    return v


def open_book(path: str | Path) -> Book:
    """Every worksheet of ``path``, read whole (county lists are small: 20,000 rows at most).

    Raises :class:`ReadError` (Chinese message) when the file cannot be parsed.
    """
    import python_calamine as pc

    path = Path(path)
    try:
        with path.open("rb") as fh:
            wb = pc.CalamineWorkbook.from_filelike(fh)
            try:
                sheets, hidden = [], set()
                for meta in wb.sheets_metadata:
                    if meta.typ != pc.SheetTypeEnum.WorkSheet:
                        continue  # chart and macro sheets hold no rows
                    if meta.visible != pc.SheetVisibleEnum.Visible:
                        hidden.add(meta.name)
                    ws = wb.get_sheet_by_name(meta.name)
                    # skip_empty_area=False keeps the leading empty rows and columns, so row
                    # numbers are the ones the officer sees in Excel.
                    data = ws.to_python(skip_empty_area=False)
                    sheets.append(Sheet(meta.name, [tuple(_value(v) for v in row) for row in data]))
            finally:
                wb.close()
    except OSError as e:
        raise ReadError(f"无法读取文件“{path}”：{e.strerror or e}。请确认文件未被其他程序占用。") from e
    except pc.PasswordError as e:
        raise ReadError(f"“{path.name}”设置了打开密码，无法读取。请在Excel或WPS中输入密码打开，"
                        "取消密码后另存再导入。") from e
    except Exception as e:  # calamine raises several kinds for malformed files
        raise ReadError(f"无法打开“{path.name}”（{type(e).__name__}）。文件可能已损坏，"
                        "请用Excel或WPS打开后另存为.xlsx再导入。") from e
    # Visible sheets first: a hidden 数据源 sheet must not win over the list itself.
    sheets.sort(key=lambda ws: ws.title in hidden)
    return Book(sheets, hidden)


def read_rows(path: str | Path, sheet: str | int | None = None) -> Iterator[tuple]:
    """The rows of one sheet (the first visible one by default), each a tuple of cell values."""
    book = open_book(path)
    if sheet is None:
        ws = book.active
    elif isinstance(sheet, int):
        ws = book.worksheets[sheet] if 0 <= sheet < len(book.worksheets) else None
    else:
        ws = book[sheet] if sheet in book.sheetnames else None
    if ws is None:
        raise ReadError(f"工作簿中没有工作表“{sheet}”，现有工作表：" + "、".join(book.sheetnames) + "。")
    return ws.iter_rows()
