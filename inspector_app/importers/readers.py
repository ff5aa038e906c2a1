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


class Sheet:
    """One worksheet, with the openpyxl read-only surface :func:`.workbook.sheet_rows` uses.

    ``max_row`` / ``max_column`` come from the sheet's used range before a cell is converted, so
    the row and column limits (:mod:`.limits`) are checked first; rows are converted lazily, one
    at a time, and cut at ``max_col``. Row and column numbers are the ones the officer sees in
    Excel (the empty area before the used range is padded with ``None``).
    """

    min_row = 1

    def __init__(self, title: str, load):
        self.title = title
        self._load = load      # () → CalamineSheet (calamine parses a sheet when it is asked for)
        self._ws = None

    def _sheet(self):
        if self._ws is None:
            self._ws = self._load()
        return self._ws

    def _end(self) -> tuple[int, int]:
        # Calamine's ``end`` is the used range's last (row, column), 0-based; None when empty.
        end = self._sheet().end
        return (end[0] + 1, end[1] + 1) if end else (0, 0)

    @property
    def max_row(self) -> int:
        return self._end()[0]

    @property
    def max_column(self) -> int:
        return self._end()[1]

    def iter_rows(self, min_row: int = 1, max_col: int | None = None, values_only: bool = True) -> Iterator[tuple]:
        ws = self._sheet()
        r0, c0 = ws.start or (0, 0)
        total = self.max_column
        width = total if max_col is None else min(max_col, total)
        pad = (None,) * min(c0, width)
        keep = max(width - c0, 0)
        # The used range only (calamine's iter_rows pads rows but not columns); padded here so
        # row and column numbers are Excel's. Called after sheet_rows checked max_row.
        data = ws.to_python(skip_empty_area=True) if ws.start else []
        n = 0
        for _ in range(r0):
            n += 1
            if n >= min_row:
                yield (None,) * width
        for row in data:
            n += 1
            if n >= min_row:
                yield pad + tuple(_value(v) for v in row[:keep])


class Book:
    def __init__(self, worksheets: list[Sheet], hidden: set[str], close=lambda: None):
        self.worksheets = worksheets
        self.hidden = hidden
        self._close = close

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
        self._close()


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


def _damaged(path: Path, e: BaseException) -> ReadError:
    return ReadError(f"无法打开“{path.name}”（{type(e).__name__}）。文件可能已损坏，"
                     "请用Excel或WPS打开后另存为.xlsx再导入。")


def open_book(path: str | Path) -> Book:
    """The worksheets of ``path`` (.xls, .et, .ods; .xlsx too), each parsed when first read.

    The caller checks the file against :mod:`.limits` first (:func:`.workbook.open_workbook`).
    Raises :class:`ReadError` (Chinese message) when the file cannot be parsed; a sheet that
    fails later raises it from its first row.
    """
    import python_calamine as pc

    path = Path(path)
    try:
        # From the bytes, not the name: calamine would pick the format by the extension, and a
        # renamed file (an .ods saved as "county.xls") is common. The size is checked before.
        with path.open("rb") as fh:
            wb = pc.CalamineWorkbook.from_filelike(fh)
        metas = [m for m in wb.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]  # no chart sheets
    except OSError as e:
        raise ReadError(f"无法读取文件“{path}”：{e.strerror or e}。请确认文件未被其他程序占用。") from e
    except pc.PasswordError as e:
        raise ReadError(f"“{path.name}”设置了打开密码，无法读取。请在Excel或WPS中输入密码打开，"
                        "取消密码后另存再导入。") from e
    except Exception as e:  # noqa: BLE001 — calamine raises several kinds for malformed files
        raise _damaged(path, e) from e

    def loader(name: str):
        def load():
            try:
                return wb.get_sheet_by_name(name)
            except Exception as e:  # noqa: BLE001
                raise _damaged(path, e) from e
        return load

    hidden = {m.name for m in metas if m.visible != pc.SheetVisibleEnum.Visible}
    sheets = [Sheet(m.name, loader(m.name)) for m in metas]
    # Visible sheets first: a hidden 数据源 sheet must not win over the list itself.
    sheets.sort(key=lambda ws: ws.title in hidden)
    return Book(sheets, hidden, wb.close)


def read_rows(path: str | Path, sheet: str | int | None = None) -> Iterator[tuple]:
    """The rows of one sheet (the first visible one by default), each a tuple of cell values,
    within the file-size, row and column limits of :mod:`.limits`."""
    from . import limits

    path = Path(path)
    try:
        limits.check_file_size(path)
    except OSError as e:
        raise ReadError(f"无法读取文件“{path}”：{e.strerror or e}。") from e
    except limits.LimitError as e:
        raise ReadError(str(e)) from e
    book = open_book(path)
    try:
        if sheet is None:
            ws = book.active
        elif isinstance(sheet, int):
            ws = book.worksheets[sheet] if 0 <= sheet < len(book.worksheets) else None
        else:
            ws = book[sheet] if sheet in book.sheetnames else None
        if ws is None:
            raise ReadError(f"工作簿中没有工作表“{sheet}”，现有工作表：" + "、".join(book.sheetnames) + "。")
        if ws.max_row > limits.MAX_ROWS + 10:
            raise ReadError(str(limits.rows_limit_error(path.name, ws.title, ws.max_row)))
        rows = list(ws.iter_rows(max_col=limits.MAX_COLUMNS))
    finally:
        book.close()
    return iter(rows)
