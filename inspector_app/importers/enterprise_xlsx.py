"""Import of the enterprise list the county hands out (.xlsx, .xls, .ods, WPS .et), in two phases.

:func:`read_workbook` parses every row and checks it against the registry, returning an
:class:`ImportPlan` the GUI previews (insert / update / error per row); nothing is written.
:func:`apply_plan` then writes all good rows in one transaction. :func:`write_error_report` lists
the bad rows in an .xlsx the officer can use to fix the county file.

County files differ in column names and order, so columns are mapped by their Chinese headers
with synonyms. The registry is preloaded into dicts: no per-row query, 20,000 rows in seconds.

Beside this module: ``workbook`` opens the file safely within ``limits`` (checked on the zip
before openpyxl parses it, docs/hostile-input.md), ``cells`` reads one cell, ``error_report``
writes the rejected rows.
"""

from __future__ import annotations

from ..storage import sqlite as sqlite3  # both drivers' error classes

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core import uscc as uscc_mod
from ..core.enterprise import (
    LABELS_ZH,
    SUSPENDED,
    Enterprise,
    ValidationErrors,
    core_name,
    validate,
)
from ..core.ids import uuid7
from ..storage import enterprises as repo
from ..storage.db import Store, StorageError
from ..storage.township import list_villages
from . import headers
from .changes import diff as diff_rows
from .cells import (  # noqa: F401 — section_of_division is part of this module's API
    _CODE_IN_TEXT,
    _CellError,
    _EMPTY_MARKS,
    _PARSE_GRADE,
    _PARSE_SCALE,
    _PARSE_SECTOR,
    _PARSE_SM_TYPE,
    _PARSE_STATUS,
    _cell_text,
    _count_parser,
    _parse_cell_date,
    _landlord_from_factory,
    _parse_class,
    _parse_division,
    _parse_employees,
    _parse_revenue,
    _parse_section,
    _parse_tags,
    _parse_yes_no,
    _village_base,
    section_of_division,
)
from .error_report import write_error_report  # noqa: F401 — part of this module's API
from .workbook import ImportFileError, candidate_sheets, open_workbook, sheet_rows

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 200
HEADER_SCAN_ROWS = 10
MIN_HEADERS = 3


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


def read_workbook(path: str | Path, store: Store, *, sheet: str | int | None = None,
                  progress: Progress | None = None) -> ImportPlan:
    """Parse the county's enterprise list and decide, per row, insert / update / error.

    Raises :class:`ImportFileError` for a file that is not a spreadsheet, is password protected
    or has no recognisable header row. Writes nothing.
    """
    path = Path(path)
    # .xlsx through openpyxl; .xls, .et and .ods through python-calamine (importers/readers.py):
    # chosen by content, every one behind the same limits (importers/workbook.py).
    with open_workbook(path) as wb:
        return _read(wb, path, store, sheet, progress)


def _read(wb, path: Path, store: Store, sheet, progress) -> ImportPlan:
    for ws in candidate_sheets(wb, sheet, path):
        rows = sheet_rows(ws, path)
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
    revenue_divisor = {"revenue_wan": 1.0, "main_revenue_wan": 1.0}
    for c in active:
        h = _norm_header(c.header)
        if c.field in revenue_divisor and "元" in h and "万元" not in h:
            revenue_divisor[c.field] = 10000.0  # the column is in yuan, the registry in 10k yuan

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
                          "safety_manager", "safety_manager_phone", "grid_officer", "notes", "safety_director"))
_PARSERS = {
    "employees": _parse_employees, "gbt_section": _parse_section, "gbt_division": _parse_division,
    "sector": _PARSE_SECTOR, "scale": _PARSE_SCALE, "status": _PARSE_STATUS,
    "safety_manager_type": _PARSE_SM_TYPE, "standardisation_grade": _PARSE_GRADE,
    "supervision_class": _parse_class, "risk_tags": _parse_tags,
    "full_time_managers": _count_parser("专职安全管理人员人数"),
    "part_time_managers": _count_parser("兼职安全管理人员人数"),
    "registered_engineers": _count_parser("注册安全工程师人数"),
    "safety_director_appointed": _parse_yes_no("是否任命安全总监"),
    "standardisation_valid_until": _parse_cell_date("标准化有效期至"),
}
# 停产整改 is opened only by a 现场处理措施决定书 and lifted only by a passed 复产审查
# (storage.escalation); a county list can neither set nor lift it.
SUSPENSION_FROM_FILE = ("“停产整改”状态只能由现场处理措施决定书（责令暂时停产停业）产生，不能通过导入设定；"
                        "请将该单元格改为企业的登记状态，或出具现场处理措施决定书。")
SUSPENSION_KEPT = ("该企业已被责令暂时停产停业，须经复产审查合格后方可恢复生产经营；"
                   "状态保持“停产整改”，未按文件中的“{status}”导入。")


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
        if f == "safety_director_appointed" and text in ("无", "否"):
            parsed[f] = False  # "无" here is an answer, not an empty cell
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
            elif f in ("revenue_wan", "main_revenue_wan"):
                parsed[f] = _parse_revenue(v, revenue_divisor[f], "主营业务收入" if f == "main_revenue_wan" else
                                           "年营业收入")
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
    was_suspended = bool(existing_id) and reg.by_id[existing_id].status == SUSPENDED
    if parsed.get("status") == SUSPENDED and not was_suspended:
        errors["status"] = SUSPENSION_FROM_FILE
        del parsed["status"]
    elif was_suspended and parsed.get("status", SUSPENDED) != SUSPENDED:
        warnings.append(SUSPENSION_KEPT.format(status=parsed.pop("status")))
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

    def prepare(results: list[RowResult], *, new: bool) -> list[dict]:
        # Pinyin and search keys (the slow part) are worked out before the write lock is taken.
        nonlocal done
        out = []
        for r in results:
            out.append(store.stamp(repo.derive_keys(r.enterprise.to_row()), new=new))
            done += 1
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, total)
        return out

    new_rows = prepare(inserts, new=True)
    changed_rows = prepare(updates, new=False)  # changed rows only
    try:
        # One short transaction holding only the statements: all or nothing, and another writer
        # (the inspection window's autosave, the CLI) waits for it within its busy timeout.
        with store.write():
            # Tenants may come before their landlord in the file: check references at commit.
            store.db.execute("PRAGMA defer_foreign_keys = ON")
            if new_rows:
                keys = list(new_rows[0])
                store.db.conn.executemany(
                    f"INSERT INTO enterprise ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                    [[row[k] for k in keys] for row in new_rows])
            if changed_rows:
                keys = [k for k in changed_rows[0] if k not in ("id", "created_at", "deleted")]
                cur = store.db.conn.executemany(
                    f"UPDATE enterprise SET {', '.join(k + ' = ?' for k in keys)} WHERE id = ? AND deleted = 0",
                    [[row[k] for k in keys] + [row["id"]] for row in changed_rows])
                if cur.rowcount != len(changed_rows):
                    raise ImportApplyError(
                        "导入失败，未写入任何数据：预览之后登记库中有企业被删除或修改。请重新选择文件再导入。")
    except ImportApplyError:
        raise
    except StorageError as e:  # disk full, read-only, another writer too long: already named
        raise ImportApplyError(f"导入失败，未写入任何数据：{e}") from e
    except sqlite3.IntegrityError as e:
        raise ImportApplyError(
            f"导入失败，未写入任何数据：数据与登记库冲突（{e}），可能是预览后又录入了相同信用代码的企业。"
            "请重新选择文件再导入。") from e
    except (*sqlite3.Error, OSError) as e:  # Error: a tuple of both drivers' classes
        raise ImportApplyError(
            f"导入失败，未写入任何数据：{e}。请确认磁盘空间充足后重试；如仍失败，请备份数据后联系技术支持。") from e
    plan.applied = True
    if progress:
        progress(total, total)
    return ImportReport(
        inserted=len(inserts), updated=len(updates), unchanged=plan.unchanged,
        errors=[(r.row_number, r.name, list(r.errors)) for r in plan.error_rows], plan=plan)
