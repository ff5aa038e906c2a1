"""The township's enterprise ledger (辖区企业基本情况台账, REFERENCE §5.2) as an .xlsx file.

Streamed with openpyxl's write-only mode (a county-sized registry stays in little memory), printed
A4 landscape with the header row repeated, and written through ``.part`` + ``os.replace`` so a full
disk never leaves a half file where the officer expects the ledger. The columns are the ones the
importer (``importers.enterprise_xlsx``) recognises, so an exported ledger re-imports cleanly.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from ..core import clock
from ..core import settings as S
from ..storage import settings
from ..storage.db import Store
from ..storage.enterprises import SearchQuery, search_ids
from .xlsx_safe import ledger_sheet_setup, put

FONT_NAME = "宋体"  # Excel and WPS on Chinese Windows have it; LibreOffice substitutes a CJK face
PROGRESS_EVERY = 200

# (header, width in characters). "电话" after a person and "类型" after 安全管理人员 are
# positional, as in the paper ledgers.
COLUMNS: list[tuple[str, float]] = [
    ("序号", 6), ("企业名称", 30), ("统一社会信用代码", 21), ("地址", 30), ("所在村（社区）", 12),
    ("法定代表人", 10), ("电话", 14), ("主要负责人", 10), ("电话", 14), ("安全管理人员", 10),
    ("类型", 8), ("电话", 14), ("从业人数", 8), ("年营业收入（万元）", 12), ("行业门类", 14),
    ("行业大类", 18), ("监管行业", 8), ("规模", 6), ("风险标签", 20),
    ("是否厂中厂/出租方/承租方", 26), ("标准化等级", 9), ("监管分级", 8), ("网格员", 9),
    ("状态", 6), ("备注", 24),
]
HEADER_ROW = 3  # title, export date, header


class ExportError(RuntimeError):
    """The ledger could not be written; ``str(err)`` tells the officer what to do."""


def _os_message(e: OSError, path: Path) -> str:
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"磁盘空间不足，文件未能保存到“{path}”。请清理磁盘或另选保存位置（如U盘）后重试。"
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"无法写入“{path}”：没有写入权限，或该文件正在Excel/WPS中打开。"
                "请关闭该文件或另选保存位置后重试。")
    if isinstance(e, FileNotFoundError):
        return f"保存位置“{path.parent}”不存在，请另选保存位置。"
    return f"保存“{path}”失败：{e.strerror or e}。请另选保存位置后重试。"


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def check_writable(path: str | Path) -> None:
    """Fail early (before minutes of work) if ``path`` cannot be written: missing folder, no rights."""
    path = Path(path)
    try:
        with open(_part(path), "wb"):
            pass
        _part(path).unlink()
    except OSError as e:
        raise ExportError(_os_message(e, path)) from e


def _discard(wb) -> None:
    """Finish write-only sheets that will never be saved, so their temp files close quietly."""
    for ws in getattr(wb, "worksheets", []):
        if getattr(ws, "closed", True) is False:
            # Best effort while another error propagates; that error is the one to report.
            with contextlib.suppress(OSError, ValueError, TypeError):
                ws.close()


def save_workbook_atomic(wb, path: str | Path) -> None:
    """Save an openpyxl workbook to ``path`` via ``path.part``; on failure no file is left and
    a previous file at ``path`` is untouched. Raises :class:`ExportError` for OS errors."""
    path = Path(path)
    part = _part(path)
    try:
        with open(part, "wb") as fh:
            wb.save(fh)
            fh.flush()
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them
        os.replace(part, path)
    except BaseException as e:
        _discard(wb)
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise ExportError(_os_message(e, path)) from e
        raise


def gbt_section_text(code: str) -> str:
    from ..core import industry

    name = industry.section_name(code)
    return f"{code} {name}" if name else code


def gbt_division_text(code: str) -> str:
    from ..core import industry

    name = industry.division_name(code)
    return f"{code} {name}" if name else code


def factory_text(row: dict, landlords: dict[str, tuple[str, str | None]], tenants: dict[str, int]) -> str:
    """The 是否厂中厂/出租方/承租方 cell; the importer reads the landlord back from it."""
    if row["landlord_id"]:
        name, code = landlords.get(row["landlord_id"], ("", None))
        return f"承租方，出租方：{name}" + (f"（{code}）" if code else "")
    if tenants.get(row["id"]):
        return f"出租方（承租方{tenants[row['id']]}家）"
    return "否"


_ROW_COLUMNS = (
    "e.id", "e.name", "e.uscc", "e.legacy_reg_no", "e.address", "v.name AS village", "e.legal_rep",
    "e.legal_rep_phone", "e.principal", "e.principal_phone", "e.safety_manager",
    "e.safety_manager_type", "e.safety_manager_phone", "e.employees", "e.revenue_wan",
    "e.gbt_section", "e.gbt_division", "e.sector", "e.scale", "e.risk_tags", "e.landlord_id",
    "e.standardisation_grade", "e.supervision_class", "e.grid_officer", "e.status", "e.notes",
)


def _fetch(store: Store, ids: list[str]):
    """Full rows in the order of ``ids``, 500 at a time (the SQLite variable limit)."""
    cols = ", ".join(_ROW_COLUMNS)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur = store.db.execute(
            f"SELECT {cols} FROM enterprise e LEFT JOIN village v ON v.id = e.village_id "
            f"WHERE e.id IN ({','.join('?' * len(chunk))})", chunk)
        names = [d[0] for d in cur.description]
        by_id = {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
        for i in chunk:
            if i in by_id:
                yield by_id[i]


def _values(n: int, r: dict, landlords, tenants) -> list:
    code = r["uscc"] or (f"注册号：{r['legacy_reg_no']}" if r["legacy_reg_no"] else "")
    revenue = r["revenue_wan"] or 0
    tags = [t for t in (r["risk_tags"] or "").split("|") if t]
    return [
        n, r["name"], code, r["address"], r["village"] or "", r["legal_rep"], r["legal_rep_phone"],
        r["principal"], r["principal_phone"], r["safety_manager"],
        r["safety_manager_type"] if r["safety_manager"] else "", r["safety_manager_phone"],
        r["employees"], int(revenue) if float(revenue).is_integer() else revenue,
        gbt_section_text(r["gbt_section"]), gbt_division_text(r["gbt_division"]), r["sector"],
        r["scale"], "、".join(tags), factory_text(r, landlords, tenants),
        r["standardisation_grade"], r["supervision_class"], r["grid_officer"], r["status"], r["notes"],
    ]


def export_registry(store: Store, path: str | Path, *, query: SearchQuery | None = None,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Write the ledger of the enterprises ``query`` selects (None: all not deleted) to ``path``.

    Returns the number of enterprises written. Raises :class:`ExportError` if the file cannot be
    written; the previous file at ``path`` (if any) is then left untouched.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter

    check_writable(path)
    ids = search_ids(store, query or SearchQuery())
    total = len(ids)
    landlords = {r[0]: (r[1], r[2]) for r in store.db.execute("SELECT id, name, uscc FROM enterprise")}
    tenants = dict(store.db.execute(
        "SELECT landlord_id, count(*) FROM enterprise WHERE deleted = 0 AND landlord_id IS NOT NULL "
        "GROUP BY landlord_id").fetchall())
    township = settings.get(store, S.TOWNSHIP)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("企业基本情况台账")
    last_col = get_column_letter(len(COLUMNS))

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    # Named styles: one lookup per cell instead of building font/border objects 500,000 times.
    body = NamedStyle("台账正文", font=Font(name=FONT_NAME, size=10), border=border,
                      alignment=Alignment(vertical="center", wrap_text=True))
    text = NamedStyle("台账文本", font=Font(name=FONT_NAME, size=10), border=border,
                      alignment=Alignment(vertical="center", wrap_text=True), number_format="@")
    number = NamedStyle("台账数字", font=Font(name=FONT_NAME, size=10), border=border,
                        alignment=Alignment(horizontal="right", vertical="center"))
    for style in (body, text, number):
        wb.add_named_style(style)
    # Text format ("@") for columns whose digits must stay digits: credit code and phones.
    text_cols = {2, 6, 8, 11}
    number_cols = {0, 12, 13}

    ledger_sheet_setup(ws, [width for _, width in COLUMNS], header_row=HEADER_ROW, freeze_column="C")
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(total, 1)}"

    title = put(WriteOnlyCell(ws), f"{township}辖区企业基本情况台账")
    title.font = Font(name=FONT_NAME, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.append([title])
    today = clock.today()
    stamp = WriteOnlyCell(ws, f"导出日期：{today.year}年{today.month}月{today.day}日　　共 {total} 家")
    stamp.font = Font(name=FONT_NAME, size=10)
    stamp.alignment = Alignment(horizontal="right")
    ws.append([stamp])
    head_font = Font(name=FONT_NAME, size=10, bold=True)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for h, _ in COLUMNS:
        c = WriteOnlyCell(ws, h)
        c.font, c.border, c.fill, c.alignment = head_font, border, head_fill, head_align
        header.append(c)
    ws.append(header)

    # One styled cell per column, reused for every row: append() serialises the row at once,
    # and styling 500,000 fresh cells would double the export time of a county-sized registry.
    row_cells = []
    for i in range(len(COLUMNS)):
        c = WriteOnlyCell(ws)
        c.style = "台账文本" if i in text_cols else "台账数字" if i in number_cols else "台账正文"
        row_cells.append(c)
    done = 0
    try:
        for r in _fetch(store, ids):
            done += 1
            for c, v in zip(row_cells, _values(done, r, landlords, tenants)):
                # Data as literal text ("=…" never a formula, control characters dropped); a
                # styled empty cell keeps the border.
                put(c, None if v == "" else v)
            ws.append(row_cells)
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, total)
    except BaseException:
        _discard(wb)
        raise
    save_workbook_atomic(wb, path)
    if progress:
        progress(total, total)
    return done
