"""Opening a workbook the officer chose, safely: what it is, what it may cost, and every way
openpyxl can fail turned into one Chinese :class:`ImportFileError` that names the file.

:func:`open_workbook` sniffs the file (an old .xls, a password-protected or a Word file are told
apart), checks the zip against :mod:`.limits` before openpyxl sees it, and opens it read-only.
:func:`sheet_rows` then streams a sheet's rows, at most ``MAX_COLUMNS`` wide and ``MAX_ROWS`` long,
catching the parse errors a half-written or corrupted sheet raises mid-way (openpyxl parses
lazily, so those come from the iteration, not from the open).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import limits


class ImportFileError(ValueError):
    """The file cannot be imported at all; ``str(err)`` tells the officer what to do."""


_RESAVE = "用Excel或WPS打开后另存为.xlsx再导入。"


def _damaged(path: Path, detail: str = "") -> ImportFileError:
    what = f"（{detail}）" if detail else ""
    return ImportFileError(
        f"文件“{path.name}”已损坏或不完整{what}，无法导入，未导入任何数据。请向县局重新索取文件，或{_RESAVE}")


def sniff(path: Path) -> None:
    """Refuse what openpyxl cannot read with a message that says what to do."""
    if not path.is_file():
        raise ImportFileError(f"找不到文件“{path}”，请重新选择。")
    try:
        limits.check_file_size(path)
        with path.open("rb") as fh:
            head = fh.read(8)
            if head[:4] == b"PK\x03\x04":
                return
            if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                # An OLE container: an encrypted .xlsx keeps an "EncryptionInfo" stream (in the
                # directory near the start; the file is at most MAX_FILE_BYTES, checked above).
                fh.seek(0)
                data = fh.read()
                if "EncryptionInfo".encode("utf-16-le") in data:
                    raise ImportFileError(
                        f"“{path.name}”设置了打开密码，无法读取。请在Excel或WPS中输入密码打开，"
                        "取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为.xlsx再导入。")
                raise ImportFileError(
                    f"“{path.name}”是旧版Excel（.xls）或WPS表格（.et）文件。请用Excel或WPS打开，"
                    "“另存为”Excel工作簿（.xlsx）后再导入。")
    except limits.LimitError as e:
        raise ImportFileError(str(e)) from e
    except OSError as e:
        raise ImportFileError(f"无法读取文件“{path}”：{e.strerror or e}。请确认文件未被其他程序占用。") from e
    raise ImportFileError(
        f"“{path.name}”不是Excel（.xlsx）文件。如是CSV或其他格式，请{_RESAVE}")


@contextmanager
def open_workbook(path: str | Path):
    """The workbook at ``path``, opened read-only after every pre-parse check; closed on exit."""
    from openpyxl import load_workbook

    path = Path(path)
    sniff(path)
    try:
        fh = path.open("rb")
    except OSError as e:
        raise ImportFileError(f"无法读取文件“{path}”：{e.strerror or e}。") from e
    with fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as e:
            raise _damaged(path) from e
        with zf:
            if "xl/workbook.xml" not in set(zf.namelist()):
                raise ImportFileError(
                    f"“{path.name}”不是Excel工作簿（可能是Word文档或压缩包）。请选择.xlsx格式的企业名单。")
            try:
                limits.check_archive(path, zf)
            except limits.LimitError as e:
                raise ImportFileError(str(e)) from e
        fh.seek(0)
        try:
            # A file object, not the name: openpyxl refuses names not ending in .xlsx/.xlsm.
            # External links are never followed or kept.
            wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as e:  # noqa: BLE001 — openpyxl raises many kinds for malformed parts
            raise _damaged(path, type(e).__name__) from e
        try:
            yield wb
        finally:
            wb.close()


def candidate_sheets(wb, sheet, path: Path) -> list:
    """The sheets to look for a header in: the one asked for, or the active one first."""
    if sheet is None:
        candidates = [wb.active] + [ws for ws in wb.worksheets if ws is not wb.active]
        return [ws for ws in candidates if ws is not None and hasattr(ws, "iter_rows")]
    if isinstance(sheet, int):
        if 0 <= sheet < len(wb.worksheets):
            return [wb.worksheets[sheet]]
    elif sheet in wb.sheetnames:
        return [wb[sheet]]
    raise ImportFileError(f"工作簿中没有工作表“{sheet}”，现有工作表：" + "、".join(wb.sheetnames) + "。")


def sheet_rows(ws, path: Path) -> Iterator[tuple]:
    """The sheet's rows as value tuples, streamed within the row and column limits.

    The declared dimension is checked before the first row is parsed; the rows are counted as
    they come too, since the dimension may be absent or wrong. Any error from the parser (a
    truncated or corrupted part, a shared string that is not there) becomes an
    :class:`ImportFileError` naming the row it stopped at.
    """
    declared = (ws.max_row or 0) - (ws.min_row or 1) + 1
    if declared > limits.MAX_ROWS + 10:
        raise ImportFileError(str(limits.rows_limit_error(path.name, ws.title, declared)))
    width = min(ws.max_column or limits.MAX_COLUMNS, limits.MAX_COLUMNS)
    try:
        it = ws.iter_rows(min_row=1, max_col=width, values_only=True)
    except Exception as e:  # noqa: BLE001
        raise _damaged(path, type(e).__name__) from e
    n = 0
    filled = 0
    while True:
        try:
            values = next(it)
        except StopIteration:
            return
        except Exception as e:  # noqa: BLE001 — a parse error mid-sheet: the file is damaged
            raise ImportFileError(
                f"文件“{path.name}”的工作表“{ws.title}”在第{n + 1}行附近已损坏或不完整（{type(e).__name__}），"
                f"无法导入，未导入任何数据。请向县局重新索取文件，或{_RESAVE}") from e
        n += 1
        if any(v is not None for v in values):
            filled += 1
            if filled > limits.MAX_ROWS + 10:  # + the header and the title rows above it
                raise ImportFileError(str(limits.rows_limit_error(path.name, ws.title, filled)))
        yield values
