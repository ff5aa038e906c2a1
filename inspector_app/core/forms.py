"""Declarative inspection checklists (``forms/*.toml``): loading, validation, selection.

A checklist file is data a county official can read and edit; this module is the only place
that decides whether such a file is well formed, so every mistake is caught on load with a
message naming the file, the item and the field. The format and the condition language of
``applies`` are documented in ``forms/README.md``.

A loaded form is immutable. ``to_snapshot()`` turns it into plain JSON-able data that is stored
with a finalised inspection: later edits to ``forms/`` never change a signed record, and
``ChecklistForm.from_snapshot()`` reads such a record back without re-validating it against
today's rules.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .enterprise import LABELS_ZH, RISK_TAGS, SAFETY_MANAGER_TYPES, SCALES, SECTORS, Enterprise

CATEGORIES = ("人", "物", "管理", "环境")
KINDS = ("choice", "number", "text")
# Answers of a "choice" item; only 不符合 is a failure.
CHOICES = ("符合", "不符合", "不适用")
SNAPSHOT_VERSION = 1

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_VERSION_RE = re.compile(r"^\d{4}\.\d+$")
_GBT_RE = re.compile(r"^(\d{2})(?:-(\d{2}))?$")

_FORM_KEYS = {
    "id", "version", "title", "description", "basis", "applies", "order",
    "deadline_days", "unverified", "sections",
}
_SECTION_KEYS = {"title", "items"}
_ITEM_KEYS = {
    "id", "question", "basis", "category", "kind", "on_fail", "major_ref", "deadline_days",
    "suggestion", "unverified", "applies", "limit_min", "limit_max", "unit",
}
_ON_FAIL_KEYS = {"require_description", "require_photo"}


class FormError(ValueError):
    """A checklist (or rules) file is malformed. The message is Chinese and names the place.

    ``file``, ``item`` and ``field`` are kept as attributes for callers that want to point at
    the spot (e.g. a forms editor); any of ``item``/``field`` may be None.
    """

    def __init__(self, file: str, problem: str, *, item: str | None = None,
                 field: str | None = None, section: str | None = None):
        self.file, self.item, self.field, self.section = file, item, field, section
        where = [file]
        if section:
            where.append(section)
        if item:
            where.append(f"检查项 {item}")
        if field:
            where.append(f"字段 '{field}'")
        super().__init__("：".join(where) + "：" + problem + "。请修改该文件后重试。")


# --------------------------------------------------------------------------------------------
# Condition language (``applies``)

_LIST_KEYS: dict[str, tuple[str, ...]] = {
    "sectors": SECTORS,
    "scales": SCALES,
    "any_tags": RISK_TAGS,
    "all_tags": RISK_TAGS,
    "safety_manager_types": SAFETY_MANAGER_TYPES,
}
_NUMBER_KEYS = ("min_employees", "max_employees", "min_revenue_wan", "max_revenue_wan",
                "min_main_revenue_wan")
# Registry fields a condition may ask to be still unrecorded (None), e.g. 主营业务收入.
_UNRECORDED_FIELDS = ("main_revenue_wan", "full_time_managers", "part_time_managers",
                      "registered_engineers", "safety_director_appointed")
CONDITION_KEYS = ("always", *_LIST_KEYS, *_NUMBER_KEYS, "unrecorded", "gbt_divisions", "all", "any",
                  "not")


def check_condition(raw: Any, fail: Callable[[str, str], None], path: str = "applies") -> dict:
    """Validate a condition table; ``fail(field_path, problem)`` must raise.

    Returns the condition unchanged (a plain dict, kept as data so snapshots stay JSON).
    """
    if not isinstance(raw, dict):
        fail(path, "应为条件表，如 { any_tags = [\"粉尘涉爆\"] }")
    if not raw:
        fail(path, "条件不能为空；适用于所有企业请写 { always = true }")
    for key, value in raw.items():
        here = f"{path}.{key}"
        if key not in CONDITION_KEYS:
            fail(here, "未知的条件键，可用：" + "、".join(CONDITION_KEYS))
        if key == "always":
            if not isinstance(value, bool):
                fail(here, "应为 true 或 false")
        elif key in _LIST_KEYS:
            allowed = _LIST_KEYS[key]
            if not isinstance(value, list) or not value:
                fail(here, "应为非空列表")
            bad = [v for v in value if v not in allowed]
            if bad:
                fail(here, f"取值 {'、'.join(map(str, bad))} 无效，应为：" + "、".join(allowed))
        elif key in _NUMBER_KEYS:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                fail(here, "应为不小于0的数字")
        elif key == "unrecorded":
            if not isinstance(value, list) or not value or any(v not in _UNRECORDED_FIELDS for v in value):
                fail(here, "应为非空列表，取值只能是：" + "、".join(_UNRECORDED_FIELDS))
        elif key == "gbt_divisions":
            if not isinstance(value, list) or not value:
                fail(here, "应为非空列表，如 [\"47-50\", \"33\"]")
            for v in value:
                m = _GBT_RE.match(v) if isinstance(v, str) else None
                if not m or (m.group(2) and m.group(2) < m.group(1)):
                    fail(here, f"“{v}”不是两位行业大类代码或代码区间（如 \"47-50\"）")
        elif key in ("all", "any"):
            if not isinstance(value, list) or not value:
                fail(here, "应为非空的条件列表")
            for i, sub in enumerate(value):
                check_condition(sub, fail, f"{here}[{i}]")
        else:  # not
            check_condition(value, fail, here)
    return raw


def _division(ent: Enterprise) -> int | None:
    code = (ent.gbt_division or "").strip()[:2]
    return int(code) if len(code) == 2 and code.isdigit() else None


def condition_holds(cond: Mapping[str, Any], ent: Enterprise) -> bool:
    """True when every key of ``cond`` holds for the enterprise (keys combine with AND)."""
    for key, value in cond.items():
        if key == "always":
            ok = value
        elif key == "sectors":
            ok = ent.sector in value
        elif key == "scales":
            ok = ent.scale in value
        elif key == "safety_manager_types":
            ok = ent.safety_manager_type in value
        elif key == "any_tags":
            ok = any(t in ent.risk_tags for t in value)
        elif key == "all_tags":
            ok = all(t in ent.risk_tags for t in value)
        elif key == "min_employees":
            ok = (ent.employees or 0) >= value
        elif key == "max_employees":
            ok = (ent.employees or 0) <= value
        elif key == "min_revenue_wan":
            ok = (ent.revenue_wan or 0) >= value
        elif key == "max_revenue_wan":
            ok = (ent.revenue_wan or 0) <= value
        elif key == "min_main_revenue_wan":  # unrecorded never counts as reaching a threshold
            ok = ent.main_revenue_wan is not None and ent.main_revenue_wan >= value
        elif key == "unrecorded":
            ok = all(getattr(ent, f) is None for f in value)
        elif key == "gbt_divisions":
            div = _division(ent)
            ok = div is not None and any(_in_range(div, spec) for spec in value)
        elif key == "all":
            ok = all(condition_holds(c, ent) for c in value)
        elif key == "any":
            ok = any(condition_holds(c, ent) for c in value)
        elif key == "not":
            ok = not condition_holds(value, ent)
        else:  # validated on load; a snapshot from a newer version must not match silently
            raise ValueError(f"未知的适用条件键：{key}")
        if not ok:
            return False
    return True


def _in_range(div: int, spec: str) -> bool:
    lo, _, hi = spec.partition("-")
    return int(lo) <= div <= int(hi or lo)


def describe_condition(cond: Mapping[str, Any]) -> str:
    """The condition in plain Chinese, e.g. "风险标签含粉尘涉爆" (for the UI and obligations)."""
    parts = []
    for key, value in cond.items():
        if key == "always":
            parts.append("所有企业" if value else "不适用于任何企业（已停用）")
        elif key == "sectors":
            parts.append("监管行业为" + "、".join(value))
        elif key == "scales":
            parts.append("企业规模为" + "、".join(value))
        elif key == "safety_manager_types":
            parts.append("安全管理人员类型为" + "、".join(value))
        elif key == "any_tags":
            parts.append("风险标签含" + "或".join(value))
        elif key == "all_tags":
            parts.append("风险标签同时含" + "和".join(value))
        elif key == "min_employees":
            parts.append(f"从业人员不少于{value:g}人")
        elif key == "max_employees":
            parts.append(f"从业人员不超过{value:g}人")
        elif key == "min_revenue_wan":
            parts.append(f"年营业收入不低于{value:g}万元")
        elif key == "max_revenue_wan":
            parts.append(f"年营业收入不超过{value:g}万元")
        elif key == "min_main_revenue_wan":
            parts.append(f"主营业务收入不低于{value:g}万元")
        elif key == "unrecorded":
            parts.append("档案未登记" + "、".join(LABELS_ZH.get(v, v) for v in value))
        elif key == "gbt_divisions":
            parts.append("国民经济行业大类为" + "、".join(v.replace("-", "–") for v in value))
        elif key in ("all", "any"):
            joined = ("且" if key == "all" else "或").join(f"（{describe_condition(c)}）" for c in value)
            parts.append(joined)
        elif key == "not":
            parts.append(f"不属于（{describe_condition(value)}）")
    return "，且".join(parts)


# --------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class OnFail:
    """What the officer must record when the item fails."""

    require_description: bool = True
    require_photo: bool = False


@dataclass(frozen=True)
class Item:
    """One checklist question. ``key`` ("<form_id>:<item_id>") identifies it across the app."""

    form_id: str
    id: str
    question: str
    basis: str
    category: str
    kind: str
    deadline_days: int
    suggestion: str = ""
    on_fail: OnFail = field(default_factory=OnFail)
    major_ref: str | None = None
    limit_min: float | None = None
    limit_max: float | None = None
    unit: str = ""
    unverified: bool = False
    applies: dict | None = None

    @property
    def key(self) -> str:
        return f"{self.form_id}:{self.id}"

    def __hash__(self) -> int:  # the generated hash would choke on the ``applies`` dict
        return hash(self.key)

    @property
    def is_major(self) -> bool:
        """A failure of this item is a 重大事故隐患 (the officer may override with a reason)."""
        return bool(self.major_ref)

    def fails(self, answer: Any) -> bool:
        """Whether ``answer`` is a failure: 不符合 for choices, outside the limits for numbers.

        Unanswered (None), 不适用 and text answers never fail.
        """
        if self.kind == "choice":
            return answer == "不符合"
        if self.kind == "number":
            if isinstance(answer, bool) or not isinstance(answer, (int, float)):
                return False
            return ((self.limit_min is not None and answer < self.limit_min)
                    or (self.limit_max is not None and answer > self.limit_max))
        return False

    def limits_text(self) -> str:
        """The acceptable range in Chinese, e.g. "不超过9人" ("" for non-number items)."""
        if self.kind != "number":
            return ""
        lo, hi, u = self.limit_min, self.limit_max, self.unit
        if lo is not None and hi is not None:
            return f"{lo:g}～{hi:g}{u}"
        return f"不少于{lo:g}{u}" if lo is not None else f"不超过{hi:g}{u}"


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ChecklistForm:
    id: str
    version: int | str
    title: str
    description: str
    basis: str
    applies: dict
    sections: tuple[Section, ...]
    order: int = 100
    source: str = ""  # file name it was loaded from ("" for synthetic forms)

    def __hash__(self) -> int:  # the generated hash would choke on the ``applies`` dict
        return hash((self.id, self.version))

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> Item:
        """Item by its id or its full key; KeyError when absent."""
        local = item_id.split(":", 1)[1] if item_id.startswith(self.id + ":") else item_id
        for it in self.items():
            if it.id == local:
                return it
        raise KeyError(item_id)

    def major_items(self) -> list[Item]:
        return [it for it in self.items() if it.is_major]

    def to_snapshot(self) -> dict:
        """Plain JSON-serialisable data; stored with a finalised inspection."""
        return {
            "snapshot_version": SNAPSHOT_VERSION,
            "id": self.id, "version": self.version, "title": self.title,
            "description": self.description, "basis": self.basis, "applies": self.applies,
            "order": self.order, "source": self.source,
            "sections": [
                {"title": s.title, "items": [_item_snapshot(it) for it in s.items]}
                for s in self.sections
            ],
        }

    @classmethod
    def from_snapshot(cls, d: Mapping[str, Any]) -> ChecklistForm:
        """Rebuild a form from :meth:`to_snapshot` data, exactly as it was stored.

        No re-validation against today's enums: a signed record must open even after the
        forms or the tag list changed.
        """
        version = d.get("snapshot_version")
        if version != SNAPSHOT_VERSION:
            raise ValueError(f"检查表快照版本 {version!r} 不受支持，请升级本软件后再打开该检查记录。")
        sections = tuple(
            Section(s["title"], tuple(_item_from_snapshot(d["id"], it) for it in s["items"]))
            for s in d["sections"]
        )
        return cls(id=d["id"], version=d["version"], title=d["title"],
                   description=d.get("description", ""), basis=d.get("basis", ""),
                   applies=d.get("applies") or {"always": True}, sections=sections,
                   order=d.get("order", 100), source=d.get("source", ""))


def _item_snapshot(it: Item) -> dict:
    return {
        "id": it.id, "question": it.question, "basis": it.basis, "category": it.category,
        "kind": it.kind, "deadline_days": it.deadline_days, "suggestion": it.suggestion,
        "on_fail": {"require_description": it.on_fail.require_description,
                    "require_photo": it.on_fail.require_photo},
        "major_ref": it.major_ref, "limit_min": it.limit_min, "limit_max": it.limit_max,
        "unit": it.unit, "unverified": it.unverified, "applies": it.applies,
    }


def _item_from_snapshot(form_id: str, d: Mapping[str, Any]) -> Item:
    on_fail = d.get("on_fail") or {}
    return Item(
        form_id=form_id, id=d["id"], question=d["question"], basis=d["basis"],
        category=d["category"], kind=d["kind"], deadline_days=d["deadline_days"],
        suggestion=d.get("suggestion", ""),
        on_fail=OnFail(bool(on_fail.get("require_description", True)),
                       bool(on_fail.get("require_photo", False))),
        major_ref=d.get("major_ref"), limit_min=d.get("limit_min"), limit_max=d.get("limit_max"),
        unit=d.get("unit", ""), unverified=bool(d.get("unverified", False)),
        applies=d.get("applies"),
    )


# --------------------------------------------------------------------------------------------
# Loading and validation


def read_toml(path: Path) -> dict:
    """Parse a TOML data file; any failure is a :class:`FormError` naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise FormError(path.name, f"无法读取文件（{e.strerror or e}）") from e
    except UnicodeDecodeError as e:
        raise FormError(path.name, "文件不是 UTF-8 编码，请用 UTF-8 另存") from e
    except tomllib.TOMLDecodeError as e:
        raise FormError(path.name, f"不是有效的 TOML 格式（{e}）") from e


def load_form(path: str | Path) -> ChecklistForm:
    """Load and validate one checklist file; raise :class:`FormError` on any mistake."""
    path = Path(path)
    return parse_form(read_toml(path), source=path.name, expected_id=path.stem)


def parse_form(data: Mapping[str, Any], *, source: str, expected_id: str | None = None
               ) -> ChecklistForm:
    """Validate already-parsed TOML data (``source`` names it in error messages)."""

    def fail(fld: str, problem: str, item: str | None = None, section: str | None = None):
        raise FormError(source, problem, item=item, field=fld, section=section)

    _reject_unknown(data, _FORM_KEYS, lambda k: fail(k, "未知字段（可能是拼写错误），允许的字段："
                                                     + "、".join(sorted(_FORM_KEYS))))
    form_id = _required_str(data, "id", fail)
    if not _ID_RE.match(form_id):
        fail("id", "只能由小写英文字母、数字和下划线组成，且以字母开头")
    if expected_id is not None and form_id != expected_id:
        fail("id", f"应与文件名一致（{expected_id}）")
    version = data.get("version")
    if version is None:
        fail("version", "缺少此字段")
    if isinstance(version, bool) or not (
            (isinstance(version, int) and version > 0)
            or (isinstance(version, str) and _VERSION_RE.match(version))):
        fail("version", "应为正整数或 \"YYYY.N\" 形式的字符串（如 \"2025.1\"）")
    title = _required_str(data, "title", fail)
    description = _required_str(data, "description", fail)
    basis = _required_str(data, "basis", fail)
    if "applies" not in data:
        fail("applies", "缺少此字段；适用于所有企业请写 applies = { always = true }")
    applies = check_condition(data["applies"], lambda f, p: fail(f, p))
    order = data.get("order", 100)
    if isinstance(order, bool) or not isinstance(order, int):
        fail("order", "应为整数")
    default_deadline = data.get("deadline_days")
    if default_deadline is not None:
        _check_deadline(default_deadline, lambda p: fail("deadline_days", p))
    form_unverified = data.get("unverified", False)
    if not isinstance(form_unverified, bool):
        fail("unverified", "应为 true 或 false")

    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        fail("sections", "至少需要一个 [[sections]] 小节")
    seen: set[str] = set()
    sections = []
    for s_no, raw_s in enumerate(raw_sections, 1):
        where = f"第{s_no}节"
        if not isinstance(raw_s, dict):
            fail("sections", "应为 [[sections]] 表", section=where)
        _reject_unknown(raw_s, _SECTION_KEYS,
                        lambda k, w=where: fail(k, "未知字段（小节只允许 title 和 items）", section=w))
        s_title = _required_str(raw_s, "title", lambda f, p, w=where: fail(f, p, section=w))
        raw_items = raw_s.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            fail("items", "每节至少需要一个 [[sections.items]] 检查项", section=f"{where}（{s_title}）")
        items = []
        for i_no, raw_i in enumerate(raw_items, 1):
            it = _parse_item(raw_i, form_id=form_id, default_deadline=default_deadline,
                             form_unverified=form_unverified, fail=fail,
                             fallback=f"{where}第{i_no}项")
            if it.id in seen:
                fail("id", "检查项编号重复，同一检查表内编号必须唯一", item=it.id)
            seen.add(it.id)
            items.append(it)
        sections.append(Section(s_title, tuple(items)))

    return ChecklistForm(id=form_id, version=version, title=title, description=description,
                         basis=basis, applies=applies, sections=tuple(sections), order=order,
                         source=source)


def _parse_item(raw: Any, *, form_id: str, default_deadline: int | None, form_unverified: bool,
                fail, fallback: str) -> Item:
    if not isinstance(raw, dict):
        fail("items", "检查项应为 [[sections.items]] 表", item=fallback)
    raw_id = raw.get("id")
    label = raw_id if isinstance(raw_id, str) and raw_id else fallback

    def ifail(fld: str, problem: str):
        fail(fld, problem, item=label)

    _reject_unknown(raw, _ITEM_KEYS, lambda k: ifail(k, "未知字段（可能是拼写错误），允许的字段："
                                                    + "、".join(sorted(_ITEM_KEYS))))
    item_id = _required_str(raw, "id", ifail)
    if not _ITEM_ID_RE.match(item_id):
        ifail("id", "只能由英文字母、数字、下划线和连字符组成")
    question = _required_str(raw, "question", ifail)
    basis = _required_str(raw, "basis", ifail)
    category = raw.get("category")
    if category not in CATEGORIES:
        ifail("category", "应为 " + "/".join(CATEGORIES) + " 之一")
    kind = raw.get("kind")
    if kind not in KINDS:
        ifail("kind", "应为 " + "/".join(KINDS) + " 之一（choice=符合/不符合/不适用，number=数值，text=文字）")

    limit_min, limit_max, unit = raw.get("limit_min"), raw.get("limit_max"), raw.get("unit", "")
    if kind == "number":
        for fld, v in (("limit_min", limit_min), ("limit_max", limit_max)):
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                ifail(fld, "应为数字")
        if limit_min is None and limit_max is None:
            ifail("limit_min", "数值型检查项至少需要 limit_min 或 limit_max 之一")
        if limit_min is not None and limit_max is not None and limit_min > limit_max:
            ifail("limit_max", "不能小于 limit_min")
        if not isinstance(unit, str) or not unit.strip():
            ifail("unit", "数值型检查项需要填写单位（如 \"人\"、\"次\"）")
    else:
        for fld in ("limit_min", "limit_max", "unit"):
            if fld in raw:
                ifail(fld, "只有 kind = \"number\" 的检查项才能填写此字段")

    major_ref = raw.get("major_ref")
    if major_ref is not None:
        if not isinstance(major_ref, str) or not major_ref.strip():
            ifail("major_ref", "应为非空文字（重大事故隐患判定依据）")
        if kind == "text":
            ifail("major_ref", "文字型检查项不会判定不合格，不能设置重大隐患依据")

    suggestion = raw.get("suggestion", "")
    if not isinstance(suggestion, str):
        ifail("suggestion", "应为文字")
    if kind != "text" and not suggestion.strip():
        ifail("suggestion", "缺少此字段（不合格时的整改建议）")

    on_fail = OnFail()
    if "on_fail" in raw:
        of = raw["on_fail"]
        if not isinstance(of, dict):
            ifail("on_fail", "应为 { require_description = true, require_photo = false } 形式")
        _reject_unknown(of, _ON_FAIL_KEYS,
                        lambda k: ifail(f"on_fail.{k}", "未知字段，只允许 require_description、require_photo"))
        for k, v in of.items():
            if not isinstance(v, bool):
                ifail(f"on_fail.{k}", "应为 true 或 false")
        on_fail = OnFail(of.get("require_description", True), of.get("require_photo", False))

    deadline = raw.get("deadline_days", default_deadline)
    if deadline is None:
        ifail("deadline_days", "缺少此字段（可在检查项中填写，或在文件顶部统一填写）")
    _check_deadline(deadline, lambda p: ifail("deadline_days", p))

    unverified = raw.get("unverified", form_unverified)
    if not isinstance(unverified, bool):
        ifail("unverified", "应为 true 或 false")
    applies = None
    if "applies" in raw:
        applies = check_condition(raw["applies"], ifail)

    return Item(form_id=form_id, id=item_id, question=question.strip(), basis=basis.strip(),
                category=category, kind=kind, deadline_days=deadline,
                suggestion=suggestion.strip(), on_fail=on_fail,
                major_ref=major_ref.strip() if major_ref else None,
                limit_min=limit_min, limit_max=limit_max, unit=unit.strip() if unit else "",
                unverified=unverified, applies=applies)


def _reject_unknown(d: Mapping, allowed: set[str], fail: Callable[[str], None]) -> None:
    for k in d:
        if k not in allowed:
            fail(k)


def _required_str(d: Mapping, key: str, fail) -> str:
    v = d.get(key)
    if v is None:
        fail(key, "缺少此字段")
    if not isinstance(v, str) or not v.strip():
        fail(key, "应为非空文字")
    return v.strip()


def _check_deadline(v: Any, fail: Callable[[str], None]) -> None:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        fail("应为不小于0的整数天数（0 表示立即整改）")


def load_forms(directory: str | Path) -> dict[str, ChecklistForm]:
    """Every ``*.toml`` in ``directory`` keyed by form id, ordered by (order, id)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FormError(str(directory), "检查表目录不存在")
    forms = [load_form(p) for p in sorted(directory.glob("*.toml"))]
    forms.sort(key=lambda f: (f.order, f.id))
    return {f.id: f for f in forms}


def default_forms_dir() -> Path:
    """The shipped ``forms/`` directory (frozen bundle or source checkout)."""
    from inspector_app.paths import (
        forms_dir,  # lazy: keeps this module free of app wiring
    )

    return forms_dir()


def default_forms() -> dict[str, ChecklistForm]:
    return load_forms(default_forms_dir())


# --------------------------------------------------------------------------------------------
# Selection for an enterprise


def applies(form: ChecklistForm, enterprise: Enterprise) -> bool:
    return condition_holds(form.applies, enterprise)


def assemble(forms: Iterable[ChecklistForm] | Mapping[str, ChecklistForm],
             enterprise: Enterprise) -> list[ChecklistForm]:
    """The checklists for this enterprise, with items whose own ``applies`` fails left out.

    Sections (and forms) left without items are dropped. Order: (order, id).
    """
    if isinstance(forms, Mapping):
        forms = forms.values()
    result = []
    for form in forms:
        if not applies(form, enterprise):
            continue
        sections = []
        for s in form.sections:
            kept = tuple(it for it in s.items
                         if it.applies is None or condition_holds(it.applies, enterprise))
            if kept:
                sections.append(Section(s.title, kept))
        if sections:
            result.append(replace(form, sections=tuple(sections)))
    result.sort(key=lambda f: (f.order, f.id))
    return result

