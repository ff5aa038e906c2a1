"""Import of the enterprise list the county hands out (.xlsx, .xls, .ods, WPS .et), in two phases.

:func:`read_workbook` parses every row and checks it against the registry, returning an
:class:`ImportPlan` the GUI previews (insert / update / error per row); nothing is written.
:func:`apply_plan` then writes all good rows in one transaction. :func:`write_error_report` lists
the bad rows in an .xlsx the officer can use to fix the county file.

County files differ in column names and order, so columns are mapped by their Chinese headers
with synonyms. The registry is preloaded into dicts: no per-row query, 20,000 rows in seconds.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..core import industry
from ..core import uscc as uscc_mod
from ..core.enterprise import (
    LABELS_ZH,
    RISK_TAGS,
    SAFETY_MANAGER_TYPES,
    SCALES,
    SECTORS,
    STANDARDISATION_GRADES,
    STATUSES,
    SUPERVISION_CLASSES,
    Enterprise,
    ValidationErrors,
    core_name,
    validate,
)
from ..core.ids import uuid7
from ..storage import enterprises as repo
from ..storage.db import Store
from ..storage.township import list_villages
from . import headers, readers
from .changes import diff as diff_rows

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 200
HEADER_SCAN_ROWS = 10
MIN_HEADERS = 3


class ImportFileError(ValueError):
    """The file cannot be imported at all; ``str(err)`` tells the officer what to do."""


class ImportApplyError(RuntimeError):
    """Writing the plan failed; the transaction was rolled back, nothing was written."""


# ---------------------------------------------------------------------------------------------
# Header mapping

IGNORED = "_ignored"      # known columns with nothing to import (序号)
LANDLORD = "landlord"     # the landlord's name or credit code
FACTORY = "factory_in_factory"  # the ledger's combined 是否厂中厂/出租方/承租方 column

# The synonyms are data (resources/import_headers.toml); the three keys above name its
# non-field entries.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = headers.synonyms()

# "电话" / "类型" mean the phone / type of the person column before them (the ledger layout
# 法定代表人 | 电话 | 主要负责人 | 电话 | 安全管理人员 | 类型 | 电话).
_CONTEXT_PHONE = {"电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"}
_CONTEXT_TYPE = {"类型", "类别"}
_PERSON_PHONE = {"legal_rep": "legal_rep_phone", "principal": "principal_phone",
                 "safety_manager": "safety_manager_phone"}


def _norm_header(value: Any) -> str:
    """Full-width → half-width (NFKC), no whitespace, no required-field marks or colons."""
    text = unicodedata.normalize("NFKC", str(value))
    return re.sub(r"[\s*※:]", "", text)


_HEADER_INDEX = {_norm_header(s): f for f, syns in HEADER_SYNONYMS.items() for s in syns}
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")


def _lookup_header(h: str) -> str | None:
    if h in _HEADER_INDEX:
        return _HEADER_INDEX[h]
    bare = _TRAILING_PAREN.sub("", h)  # "从业人数（人）", "企业名称（必填）"
    return _HEADER_INDEX.get(bare) if bare != h else None


@dataclass
class Column:
    index: int            # 0-based column index
    header: str           # header text as written
    field: str | None     # Enterprise field (or LANDLORD / FACTORY / IGNORED); None = unmapped


def _map_headers(values: tuple) -> list[Column]:
    cols: list[Column] = []
    taken: set[str] = set()
    last_person: str | None = None
    for i, raw in enumerate(values):
        if raw is None or str(raw).strip() == "":
            continue
        h = _norm_header(raw)
        f: str | None = None
        if h in _CONTEXT_PHONE and last_person and _PERSON_PHONE[last_person] not in taken:
            f = _PERSON_PHONE[last_person]
        elif h in _CONTEXT_TYPE and last_person == "safety_manager":
            f = "safety_manager_type"
        elif h in _CONTEXT_PHONE and not last_person and "principal_phone" not in taken:
            f = "principal_phone"
        else:
            f = _lookup_header(h)
        # Context lasts only across adjacent columns: "联系人 | 联系电话" is not the 法人's phone.
        if f in _PERSON_PHONE:
            last_person = f
        elif not (f == "safety_manager_type" and last_person == "safety_manager"):
            last_person = None
        if f is not None and f != IGNORED:
            if f in taken:
                f = None  # a second column for the same field: the first one wins
            else:
                taken.add(f)
        cols.append(Column(i, str(raw).strip(), f))
    return cols


def _recognised(cols: list[Column]) -> int:
    return sum(1 for c in cols if c.field and c.field != IGNORED)


# ---------------------------------------------------------------------------------------------
# Cell values

class _CellError(ValueError):
    pass


_EMPTY_MARKS = {"/", "-", "—", "——", "－", "无", "暂无", "\\"}


def _cell_text(v: Any) -> str:
    if type(v) is str:  # the common case first: this runs for every cell
        return v.replace("\u3000", " ").replace("\r", "").strip()
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, date):
        return v.isoformat()
    return str(v).replace("\u3000", " ").replace("\r", "").strip()


def _number_text(text: str, units: tuple[str, ...]) -> str:
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    for u in units:
        t = t.removesuffix(u)
    return t


def _parse_employees(v: Any) -> int:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if float(v).is_integer() and v >= 0:
            return int(v)
        raise _CellError(f"从业人数“{_cell_text(v)}”应为不小于0的整数。")
    t = _number_text(_cell_text(v), ("人",))
    if not t.isdigit():
        raise _CellError(f"从业人数“{_cell_text(v)}”不是有效的数字，请填写整数（如 25）。")
    return int(t)


def _parse_revenue(v: Any, divisor: float) -> float:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        value = float(v)
    else:
        t = _number_text(_cell_text(v), ("万元", "万", "元"))
        try:
            value = float(t)
        except ValueError:
            raise _CellError(f"年营业收入“{_cell_text(v)}”不是有效的数字（单位：万元）。") from None
    if value < 0:
        raise _CellError("年营业收入不能为负数。")
    return round(value / divisor, 4)


def _enum_parser(label: str, allowed: tuple[str, ...], synonyms: dict[str, str]):
    def parse(v: Any) -> str:
        t = unicodedata.normalize("NFKC", _cell_text(v)).replace(" ", "")
        if t in allowed:
            return t
        if t in synonyms:
            return synonyms[t]
        raise _CellError(f"{label}“{_cell_text(v)}”无法识别，应为：" + "、".join(allowed) + "。")
    return parse


_PARSE_SECTOR = _enum_parser("监管行业", SECTORS, {
    "危险化学品": "危化", "危化品": "危化", "化工": "危化", "冶金行业": "冶金", "机械行业": "机械",
    "轻工业": "轻工", "纺织业": "纺织", "商贸业": "商贸", "建材行业": "建材", "有色金属": "有色",
})
_PARSE_SCALE = _enum_parser("规模", SCALES, {
    "规模以上": "规上", "规上企业": "规上", "规模以上企业": "规上", "规模以下": "规下", "规下企业": "规下",
    "规模以下企业": "规下", "小微企业": "小微", "小型": "小微", "微型": "小微", "小型企业": "小微",
    "微型企业": "小微", "个体工商户": "个体", "个体户": "个体",
})
_PARSE_STATUS = _enum_parser("状态", STATUSES, {
    "存续": "在营", "在业": "在营", "开业": "在营", "正常": "在营", "营业": "在营", "生产": "在营",
    "正常生产": "在营", "在产": "在营", "停业": "停产", "歇业": "停产", "停产整顿": "停产", "半停产": "停产",
    "注销": "关闭", "吊销": "关闭", "关停": "关闭", "已关闭": "关闭", "已注销": "关闭", "迁出": "关闭",
})
_PARSE_SM_TYPE = _enum_parser("安全管理人员类型", SAFETY_MANAGER_TYPES, {
    "专职安全员": "专职", "兼职安全员": "兼职", "委托": "委托服务", "第三方": "委托服务",
    "第三方服务": "委托服务", "托管": "委托服务", "委托第三方": "委托服务",
})
_PARSE_GRADE = _enum_parser("标准化等级", STANDARDISATION_GRADES, {
    "一级达标": "一级", "二级达标": "二级", "三级达标": "三级", "小微企业达标": "小微达标",
    "小微": "小微达标", "未评级": "未定级", "未达标": "未定级", "无等级": "未定级", "否": "未定级",
})


def _parse_class(v: Any) -> str:
    t = unicodedata.normalize("NFKC", _cell_text(v)).replace(" ", "").upper()
    t = re.sub(r"[类级]$", "", t)
    if t in SUPERVISION_CLASSES:
        return t
    raise _CellError(f"监管分级“{_cell_text(v)}”无法识别，应为：" + "、".join(SUPERVISION_CLASSES) + "。")


_TAG_SPLIT = re.compile(r"[、，,;；/\s]+")


def _parse_tags(v: Any) -> list[str]:
    parts = [p for p in _TAG_SPLIT.split(_cell_text(v)) if p and p not in _EMPTY_MARKS]
    unknown = [p for p in parts if p not in RISK_TAGS]
    if unknown:
        raise _CellError("风险标签“" + "、".join(unknown) + "”无法识别，可用的标签：" + "、".join(RISK_TAGS) + "。")
    return list(dict.fromkeys(parts))


# GB/T 4754-2017 门类 and 大类 come from the one table in resources/ (core.industry).
def _gbt_sections() -> dict[str, str]:
    return dict(industry.sections())


def _gbt_divisions() -> dict[str, str]:
    return {code: name for code, name, _sec in industry.divisions()}


def section_of_division(code: str) -> str:
    """门类 letter of a two-digit 大类 code ("" if unknown)."""
    return industry.section_of(code)


def _parse_section(v: Any) -> str:
    t = unicodedata.normalize("NFKC", _cell_text(v)).replace(" ", "")
    m = re.match(r"^([A-Ta-t])(?![A-Za-z])", t)
    if m:
        return m.group(1).upper()
    by_name = {v: k for k, v in _gbt_sections().items()}
    if t in by_name:
        return by_name[t]
    raise _CellError(f"行业门类“{_cell_text(v)}”无法识别，请填写门类字母（如 C）或名称（如 制造业）。")


def _parse_division(v: Any) -> str:
    t = unicodedata.normalize("NFKC", _cell_text(v)).replace(" ", "")
    m = re.match(r"^[A-Ta-t]?(\d{2})\d*", t)  # "33", "3311", "C33", "33金属制品业"
    divisions = _gbt_divisions()
    if m and m.group(1) in divisions:
        return m.group(1)
    by_name = {v: k for k, v in divisions.items()}
    if t in by_name:
        return by_name[t]
    raise _CellError(f"行业大类“{_cell_text(v)}”无法识别，请填写两位大类代码（如 33）或名称（如 金属制品业）。")


_VILLAGE_SUFFIXES = ("社区居民委员会", "村民委员会", "居民委员会", "村委会", "居委会", "社区", "村")


def _village_base(name: str) -> str:
    n = re.sub(r"\s", "", unicodedata.normalize("NFKC", name))
    for s in _VILLAGE_SUFFIXES:
        if n.endswith(s) and len(n) > len(s):
            return n[: -len(s)]
    return n


_CODE_IN_TEXT = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")


def _landlord_from_factory(text: str) -> tuple[str | None, bool]:
    """Parse the ledger's 是否厂中厂 cell: ("ref", False) for a tenant, (None, True) for "否"."""
    t = text.strip()
    if t in ("否", "无", "不是"):
        return None, True
    m = re.search(r"出租方[:：]\s*(.+)$", t)
    if not m:
        return None, False  # "出租方（承租方3家）", "是": nothing to link
    return m.group(1).strip(), False


# ---------------------------------------------------------------------------------------------
# The plan

@dataclass
class RowResult:
    row_number: int                    # the Excel row number, as the officer sees it
    action: str                        # "insert" | "update" | "error"
    enterprise: Enterprise | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    name: str = ""                     # the name cell as written (also for error rows)
    changed: bool = True               # False: an update that changes nothing
    cells: tuple = ()                  # the raw row, for the error report
    changes: list = field(default_factory=list)  # update rows: changes.Change, old → new
    _landlord_ref: str | None = field(default=None, repr=False)
    _before: dict | None = field(default=None, repr=False)


@dataclass
class ImportPlan:
    path: str
    sheet: str
    header_row: int
    columns: list[Column]
    mapping: dict[str, str]            # header (as written) → field
    unmapped: list[str]                # headers that are not imported
    rows: list[RowResult]
    applied: bool = False

    @property
    def headers(self) -> list[str]:
        width = max((c.index for c in self.columns), default=-1) + 1
        out = [""] * width
        for c in self.columns:
            out[c.index] = c.header
        return out

    @property
    def inserts(self) -> int:
        return sum(1 for r in self.rows if r.action == "insert")

    @property
    def updates(self) -> int:
        return sum(1 for r in self.rows if r.action == "update" and r.changed)

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.rows if r.action == "update" and not r.changed)

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "error"]


@dataclass
class ImportReport:
    inserted: int
    updated: int
    unchanged: int
    errors: list[tuple[int, str, list[str]]]  # (Excel row, name, reasons)
    plan: ImportPlan | None = None


# ---------------------------------------------------------------------------------------------
# Reading

def _sniff(path: Path) -> None:
    """Refuse what the reader cannot read with a message that says what to do."""
    if not path.is_file():
        raise ImportFileError(f"找不到文件“{path}”，请重新选择。")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head[:4] == b"PK\x03\x04":
                fh.seek(0)
                try:
                    with zipfile.ZipFile(fh) as zf:
                        names = set(zf.namelist())
                except zipfile.BadZipFile:
                    raise ImportFileError(
                        f"文件“{path.name}”已损坏，无法打开。请向县局重新索取文件，或用Excel/WPS打开后另存为.xlsx再导入。"
                    ) from None
                if "xl/workbook.xml" not in names and readers.kind_of(path) != readers.ODS:
                    raise ImportFileError(
                        f"“{path.name}”不是Excel工作簿（可能是Word文档或压缩包）。请选择.xlsx、.xls或.ods格式的企业名单。")
                return
            if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                # An OLE container: an encrypted .xlsx keeps an "EncryptionInfo" stream.
                fh.seek(0)
                data = fh.read()
                if "EncryptionInfo".encode("utf-16-le") in data:
                    raise ImportFileError(
                        f"“{path.name}”设置了打开密码，无法读取。请在Excel或WPS中输入密码打开，"
                        "取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为.xlsx再导入。")
                return  # legacy .xls or WPS .et: the reader tells a damaged one
    except OSError as e:
        raise ImportFileError(f"无法读取文件“{path}”：{e.strerror or e}。请确认文件未被其他程序占用。") from e
    raise ImportFileError(
        f"“{path.name}”不是Excel表格（.xlsx、.xls、.ods或WPS .et）。如是CSV或其他格式，请用Excel或WPS打开后另存为.xlsx再导入。")


class _Registry:
    """The registry preloaded into dicts, so rows are matched without queries."""

    def __init__(self, store: Store):
        cols = Enterprise.field_names()
        sql = f"SELECT {', '.join(cols)} FROM enterprise WHERE deleted = 0"
        self.by_id: dict[str, Enterprise] = {}
        self.by_code: dict[str, str] = {}
        self.by_reg: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_core: dict[str, list[str]] = {}
        for row in store.db.execute(sql).fetchall():
            ent = Enterprise.from_row(dict(zip(cols, row)))
            self.by_id[ent.id] = ent
            if ent.uscc:
                self.by_code[ent.uscc] = ent.id
            if ent.legacy_reg_no:
                self.by_reg.setdefault(ent.legacy_reg_no, ent.id)
            self.by_name.setdefault(ent.name, []).append(ent.id)
        self.villages = list_villages(store)
        self.village_exact = {v.name: v.id for v in self.villages}
        self.village_base: dict[str, list] = {}
        for v in self.villages:
            self.village_base.setdefault(_village_base(v.name), []).append(v)

    def similar(self, name: str) -> list[str]:
        if not self.by_core and self.by_id:
            for ent in self.by_id.values():
                self.by_core.setdefault(core_name(ent.name), []).append(ent.name)
        key = core_name(name)
        return [n for n in self.by_core.get(key, []) if n != name] if key else []

    def village(self, text: str) -> str:
        if text in self.village_exact:
            return self.village_exact[text]
        hits = self.village_base.get(_village_base(text), [])
        if len(hits) == 1:
            return hits[0].id
        if len(hits) > 1:
            raise _CellError(f"村（社区）“{text}”同时对应" + "、".join(v.name for v in hits) + "，请填写全称。")
        near = _near_villages(text, [v.name for v in self.villages])
        hint = f"相近的有：{'、'.join(near)}。" if near else ""
        raise _CellError(f"村（社区）“{text}”不在本镇的村（社区）名单中。{hint}请改正该单元格后重新导入，"
                         "或先在“设置—村（社区）”中添加该村。")


def _near_villages(text: str, names: list[str]) -> list[str]:
    """Up to three village names close to ``text`` (a typo, a merged or renamed village)."""
    import difflib

    base = _village_base(text)
    by_base = {_village_base(n): n for n in names}
    hits = difflib.get_close_matches(base, list(by_base), n=3, cutoff=0.5)
    hits = [by_base[h] for h in hits]
    # A shared two-character stem (璜土 in 璜土新村) counts even when the ratio is low.
    hits += [n for n in names if n not in hits and len(base) >= 2 and
             any(base[i:i + 2] in n for i in range(len(base) - 1))]
    return hits[:3]


def _open_sheet(wb, sheet) -> list:
    if sheet is None:
        candidates = [wb.active] + [ws for ws in wb.worksheets if ws is not wb.active]
        return [ws for ws in candidates if ws is not None and hasattr(ws, "iter_rows")]
    if isinstance(sheet, int):
        if 0 <= sheet < len(wb.worksheets):
            return [wb.worksheets[sheet]]
    elif sheet in wb.sheetnames:
        return [wb[sheet]]
    raise ImportFileError(f"工作簿中没有工作表“{sheet}”，现有工作表：" + "、".join(wb.sheetnames) + "。")


def read_workbook(path: str | Path, store: Store, *, sheet: str | int | None = None,
                  progress: Progress | None = None) -> ImportPlan:
    """Parse the county's enterprise list and decide, per row, insert / update / error.

    Raises :class:`ImportFileError` for a file that is not a spreadsheet, is password protected
    or has no recognisable header row. Writes nothing.
    """
    path = Path(path)
    _sniff(path)
    try:
        # One reader for .xlsx, .xls, .ods and .et, chosen by content (importers/readers.py).
        wb = readers.open_book(path)
    except readers.ReadError as e:
        raise ImportFileError(str(e)) from e
    try:
        return _read(wb, path, store, sheet, progress)
    finally:
        wb.close()


def _read(wb, path: Path, store: Store, sheet, progress) -> ImportPlan:
    for ws in _open_sheet(wb, sheet):
        rows = ws.iter_rows(min_row=1, values_only=True)
        head: list[tuple] = []
        for values in rows:
            head.append(values)
            cols = _map_headers(values)
            if _recognised(cols) >= MIN_HEADERS:
                break
            if len(head) >= HEADER_SCAN_ROWS:
                break
        else:
            cols = []
        if _recognised(cols) < MIN_HEADERS:
            continue
        if not any(c.field == "name" for c in cols):
            raise ImportFileError(f"工作表“{ws.title}”中没有“企业名称”列，请在表头中注明“企业名称”后再导入。")
        header_row = len(head)
        total = getattr(ws, "max_row", None) or 0  # from the sheet's dimension; may be absent
        return _plan(path, ws.title, header_row, cols, rows, store, progress, total)
    raise ImportFileError(
        "未找到表头：前10行中没有可识别的列名。请确认表头含“企业名称”“统一社会信用代码”“地址”“所在村（社区）”等列，"
        "或从县局下发的原始名单导入。")


def _headers_mapping(cols: list[Column]) -> tuple[dict[str, str], list[str]]:
    mapping: dict[str, str] = {}
    unmapped: list[str] = []
    counts: dict[str, int] = {}
    for c in cols:
        counts[c.header] = counts.get(c.header, 0) + 1
    from openpyxl.utils import get_column_letter

    for c in cols:
        key = c.header if counts[c.header] == 1 else f"{c.header}（{get_column_letter(c.index + 1)}列）"
        if c.field == IGNORED:
            continue
        if c.field:
            mapping[key] = c.field
        else:
            unmapped.append(key)
    return mapping, unmapped


_FOOTER = re.compile(r"^(合\s*计|总\s*计|小\s*计)$|^(注|备注|说明|填表人|制表人|审核人|联系人)\s*[:：]")


def _plan(path, sheet_title, header_row, cols, rows, store, progress, total) -> ImportPlan:
    reg = _Registry(store)
    mapping, unmapped = _headers_mapping(cols)
    active = [c for c in cols if c.field and c.field != IGNORED]
    revenue_divisor = 1.0
    for c in active:
        h = _norm_header(c.header)
        if c.field == "revenue_wan" and "元" in h and "万元" not in h:
            revenue_divisor = 10000.0  # the column is in yuan, the registry in 10k yuan

    results: list[RowResult] = []
    first_by_key: dict[tuple[str, str], int] = {}   # ("code"|"reg"|"name", value) → Excel row
    first_by_target: dict[str, int] = {}            # existing id → Excel row
    row_number = header_row
    for values in rows:
        row_number += 1
        if progress and row_number % PROGRESS_EVERY == 0:
            progress(row_number, max(total, row_number))
        cells = {}
        n = len(values)
        for c in active:
            v = values[c.index] if c.index < n else None
            if v is not None and not (isinstance(v, str) and not v.strip()):
                cells[c.field] = v
        if not cells or _FOOTER.match(_cell_text(cells.get("name"))):
            continue  # blank row (or only 序号), 合计 row, or a note under the table
        results.append(_row(row_number, values, cells, reg, revenue_divisor, first_by_key, first_by_target))

    _resolve_landlords(results, reg)
    names = _names_of(reg, results)
    for r in results:
        if r.action == "update":
            after = r.enterprise.to_row()
            r.changed = after != r._before
            r.changes = diff_rows(r._before, after, names) if r.changed else []
        r._before = None
    if progress:
        progress(max(total, row_number), max(total, row_number))
    return ImportPlan(path=str(path), sheet=sheet_title, header_row=header_row, columns=cols,
                      mapping=mapping, unmapped=unmapped, rows=results)


_IDENTITY = frozenset(("name", "uscc", "legacy_reg_no"))
_SIMPLE_TEXT = frozenset(("address", "legal_rep", "legal_rep_phone", "principal", "principal_phone",
                          "safety_manager", "safety_manager_phone", "grid_officer", "notes"))
_PARSERS = {
    "employees": _parse_employees, "gbt_section": _parse_section, "gbt_division": _parse_division,
    "sector": _PARSE_SECTOR, "scale": _PARSE_SCALE, "status": _PARSE_STATUS,
    "safety_manager_type": _PARSE_SM_TYPE, "standardisation_grade": _PARSE_GRADE,
    "supervision_class": _parse_class, "risk_tags": _parse_tags,
}


def _names_of(reg: _Registry, results: list[RowResult]):
    villages = {v.id: v.name for v in reg.villages}
    in_file = {r.enterprise.id: r.name for r in results if r.enterprise is not None}

    def name_of(field: str, value: str) -> str:
        if field == "village_id":
            return villages.get(value, "")
        ent = reg.by_id.get(value)
        return ent.name if ent else in_file.get(value, "")
    return name_of


def _row(row_number, values, cells, reg: _Registry, revenue_divisor, first_by_key, first_by_target):
    errors: dict[str, str] = {}
    warnings: list[str] = []
    parsed: dict[str, Any] = {}
    landlord_ref: str | None = None
    landlord_clear = False

    name = _cell_text(cells.get("name")).replace("\n", "")
    code: str | None = None
    reg_no: str | None = None
    if "uscc" in cells:
        raw = cells["uscc"]
        if isinstance(raw, float):
            errors["uscc"] = ("统一社会信用代码被Excel存成了数字（科学计数法），后几位已丢失。请把该列设置为“文本”格式，"
                              "再按营业执照重新填写。")
        else:
            text = unicodedata.normalize("NFKC", _cell_text(raw))
            m = re.match(r"^(?:原?注册号)[:：]?\s*(.+)$", text)
            compact = uscc_mod.compact(m.group(1) if m else text)
            if m or (len(compact) == 15 and compact.isdigit()):
                reg_no = compact  # an old 15-digit 注册号 in the code column (个体工商户)
            elif compact and compact not in _EMPTY_MARKS:
                code = compact
    if "legacy_reg_no" in cells and not reg_no:
        reg_no = uscc_mod.compact(_cell_text(cells["legacy_reg_no"])) or None
        if reg_no in _EMPTY_MARKS:
            reg_no = None

    for f, v in cells.items():
        if f in _IDENTITY:
            continue
        text = _cell_text(v)
        if f == LANDLORD:
            if text in _EMPTY_MARKS or text in ("否",):
                landlord_clear = True
            else:
                landlord_ref = text
            continue
        if f == FACTORY:
            ref, clear = _landlord_from_factory(text)
            landlord_ref = landlord_ref or ref
            landlord_clear = landlord_clear or clear
            continue
        if text in _EMPTY_MARKS:
            if f == "risk_tags":
                parsed[f] = []
            continue  # "/" or "无": nothing to record
        if f in _SIMPLE_TEXT:
            parsed[f] = text.replace("\n", " ")
            continue
        try:
            if f == "village_id":
                parsed[f] = reg.village(re.sub(r"\s", "", text))
            elif f == "revenue_wan":
                parsed[f] = _parse_revenue(v, revenue_divisor)
            else:
                parsed[f] = _PARSERS[f](v)
        except _CellError as e:
            errors[f] = str(e)

    # Which registry entry is this row? Credit code first, then 注册号, then exact name.
    existing_id: str | None = None
    if code:
        existing_id = reg.by_code.get(code)
        if existing_id is None and name:
            no_code = [i for i in reg.by_name.get(name, []) if not reg.by_id[i].uscc]
            if len(no_code) == 1:
                existing_id = no_code[0]
    elif "uscc" not in errors:
        if reg_no and reg_no in reg.by_reg:
            existing_id = reg.by_reg[reg_no]
        elif name:
            same = reg.by_name.get(name, [])
            if len(same) == 1:
                existing_id = same[0]
            elif len(same) > 1:
                errors.setdefault("name", f"登记库中有{len(same)}家企业名为“{name}”，请填写统一社会信用代码以区分。")

    if existing_id:
        before = reg.by_id[existing_id]
        ent = replace(before, risk_tags=list(before.risk_tags))
    else:
        ent = Enterprise()
    ent.name = name
    if code:
        ent.uscc = code
    if reg_no:
        ent.legacy_reg_no = reg_no
    for f, v in parsed.items():
        setattr(ent, f, v)
    if "gbt_division" in parsed and not ent.gbt_section:
        ent.gbt_section = section_of_division(ent.gbt_division)
    if landlord_clear and not landlord_ref:
        ent.landlord_id = None

    try:
        validate(ent)
    except ValidationErrors as e:
        for f, msg in e.errors.items():
            label = LABELS_ZH.get(f, "")
            errors.setdefault(f, msg if not label or msg.startswith(label) else f"{label}：{msg}")

    # Duplicates inside the file: the second occurrence is the error.
    key = ("code", code) if code else ("reg", reg_no) if reg_no else ("name", name) if name else None
    if key and key in first_by_key:
        what = {"code": "统一社会信用代码", "reg": "注册号", "name": "企业名称（无信用代码）"}[key[0]]
        errors.setdefault("_dup", f"与第{first_by_key[key]}行的{what}重复，同一企业只能出现一次。")
    elif key:
        first_by_key[key] = row_number
    if existing_id and "_dup" not in errors:
        if existing_id in first_by_target:
            errors["_dup"] = f"与第{first_by_target[existing_id]}行对应登记库中的同一家企业，请合并为一行。"
        else:
            first_by_target[existing_id] = row_number

    result = RowResult(row_number=row_number, action="update" if existing_id else "insert",
                       enterprise=ent, name=name, cells=values, warnings=warnings)
    result._landlord_ref = landlord_ref
    if existing_id:
        result._before = reg.by_id[existing_id].to_row()
    else:
        ent.id = uuid7()  # assigned now so tenants in the same file can point at it
        similar = reg.similar(name) if name else []
        if similar:
            warnings.append("登记库中已有名称相近的企业：" + "、".join(similar[:3]) + "，请确认不是同一家。")
    if errors:
        _fail(result, errors)
    return result


def _fail(result: RowResult, errors: dict[str, str]) -> None:
    result.action = "error"
    result.errors.extend(errors.values())


def _resolve_landlords(results: list[RowResult], reg: _Registry) -> None:
    by_code: dict[str, RowResult] = {}
    by_name: dict[str, RowResult] = {}
    for r in results:
        if r.enterprise is not None:
            if r.enterprise.uscc:
                by_code.setdefault(r.enterprise.uscc, r)
            by_name.setdefault(r.name, r)
    links: list[tuple[RowResult, RowResult]] = []  # (tenant, landlord row in this file)
    for r in results:
        ref = r._landlord_ref
        if not ref:
            continue
        found = _CODE_IN_TEXT.search(uscc_mod.compact(ref))
        target_row: RowResult | None = None
        target_id: str | None = None
        if found:
            c = found.group(0)
            target_row = by_code.get(c)
            target_id = None if target_row else reg.by_code.get(c)
        if target_row is None and target_id is None:
            name = re.sub(r"[（(][0-9A-Z]{18}[）)]$", "", ref).strip()
            target_row = by_name.get(name)
            if target_row is None:
                ids = reg.by_name.get(name, [])
                if len(ids) > 1:
                    _fail(r, {LANDLORD: f"出租方“{ref}”在登记库中有{len(ids)}家同名企业，请改填出租方的统一社会信用代码。"})
                    continue
                target_id = ids[0] if ids else None
        if target_row is not None and target_row.action != "error":
            target_id = target_row.enterprise.id
        if target_row is r or (target_id and target_id == r.enterprise.id):
            _fail(r, {LANDLORD: "出租方不能是企业自身。"})
        elif target_row is not None and target_row.action == "error":
            _fail(r, {LANDLORD: f"出租方“{ref}”（第{target_row.row_number}行）本身有错误，请先改正该行。"})
        elif target_id is None:
            _fail(r, {LANDLORD: f"出租方“{ref}”在登记库和本文件中都找不到。请先登记出租方企业，"
                                "或填写其准确的企业名称或统一社会信用代码。"})
        else:
            r.enterprise.landlord_id = target_id
            if target_row is not None:
                links.append((r, target_row))
    # A landlord row that failed makes its tenants fail too (they would point at nothing).
    changed = True
    while changed:
        changed = False
        for tenant, landlord in links:
            if landlord.action == "error" and tenant.action != "error":
                _fail(tenant, {LANDLORD: f"出租方（第{landlord.row_number}行）本身有错误，请先改正该行。"})
                changed = True


# ---------------------------------------------------------------------------------------------
# Writing

def apply_plan(store: Store, plan: ImportPlan, *, progress: Progress | None = None) -> ImportReport:
    """Write every good row of ``plan`` in one transaction; nothing at all if anything fails."""
    if plan.applied:
        raise ImportApplyError("这份导入预览已经导入过了。如需再次导入，请重新选择文件。")
    inserts = [r for r in plan.rows if r.action == "insert"]
    updates = [r for r in plan.rows if r.action == "update" and r.changed]
    total = len(inserts) + len(updates)
    done = 0
    try:
        with store.write():
            # Tenants may come before their landlord in the file: check references at commit.
            store.db.execute("PRAGMA defer_foreign_keys = ON")
            for start in range(0, len(inserts), PROGRESS_EVERY):
                rows = []
                for r in inserts[start:start + PROGRESS_EVERY]:
                    row = repo.derive_keys(r.enterprise.to_row())  # pinyin + search key
                    rows.append(store.stamp(row, new=True))
                keys = list(rows[0])
                store.db.conn.executemany(
                    f"INSERT INTO enterprise ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                    [[row[k] for k in keys] for row in rows])
                done += len(rows)
                if progress:
                    progress(done, total)
            for start in range(0, len(updates), PROGRESS_EVERY):
                rows = []
                for r in updates[start:start + PROGRESS_EVERY]:  # changed rows only
                    row = repo.derive_keys(r.enterprise.to_row())
                    rows.append(store.stamp(row, new=False))
                keys = [k for k in rows[0] if k not in ("id", "created_at", "deleted")]
                cur = store.db.conn.executemany(
                    f"UPDATE enterprise SET {', '.join(k + ' = ?' for k in keys)} WHERE id = ? AND deleted = 0",
                    [[row[k] for k in keys] + [row["id"]] for row in rows])
                if cur.rowcount != len(rows):
                    raise ImportApplyError(
                        "导入失败，未写入任何数据：预览之后登记库中有企业被删除或修改。请重新选择文件再导入。")
                done += len(rows)
                if progress:
                    progress(done, total)
    except ImportApplyError:
        raise
    except sqlite3.IntegrityError as e:
        raise ImportApplyError(
            f"导入失败，未写入任何数据：数据与登记库冲突（{e}），可能是预览后又录入了相同信用代码的企业。"
            "请重新选择文件再导入。") from e
    except (sqlite3.Error, OSError) as e:
        raise ImportApplyError(
            f"导入失败，未写入任何数据：{e}。请确认磁盘空间充足后重试；如仍失败，请备份数据后联系技术支持。") from e
    plan.applied = True
    if progress:
        progress(total, total)
    return ImportReport(
        inserted=len(inserts), updated=len(updates), unchanged=plan.unchanged,
        errors=[(r.row_number, r.name, list(r.errors)) for r in plan.error_rows], plan=plan)



# ---------------------------------------------------------------------------------------------
# Error report

def write_error_report(report_or_plan: ImportReport | ImportPlan, path: str | Path) -> int:
    """Write the bad rows (Excel row number, reasons, then the row as it was) to an .xlsx.

    Returns the number of rows listed. Raises ``reports.registry_xlsx.ExportError`` (Chinese
    message) if the file cannot be written; no half-written file is left behind.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ..reports.registry_xlsx import FONT_NAME, save_workbook_atomic

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
    ws.append(titles)
    for cell in ws[1]:
        cell.font = head_font
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
    for number, name, reasons, cells in bad:
        raw = [_report_value(v) for v in cells]
        ws.append([number, name, "\n".join(f"{i}. {r}" for i, r in enumerate(reasons, 1))] + raw)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.font = body_font
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.number_format = "@"
    widths = [9, 30, 60] + [14] * len(headers)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"
    save_workbook_atomic(wb, path)
    return len(bad)


def _report_value(v: Any) -> Any:
    # Long numbers (codes, phones) as text so Excel shows every digit.
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10 ** 11:
        return str(v)
    if isinstance(v, float) and abs(v) >= 1e11:
        return _cell_text(v)
    return v
