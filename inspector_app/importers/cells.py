"""Reading one cell of the county's list: text, numbers, the enum columns with their synonyms,
risk tags, GB/T 4754 codes, village names and the ledger's 厂中厂 cell. No storage, no openpyxl."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from ..core import industry
from ..core.enterprise import (
    RISK_TAGS,
    SAFETY_MANAGER_TYPES,
    SCALES,
    SECTORS,
    STANDARDISATION_GRADES,
    STATUSES,
    SUPERVISION_CLASSES,
)


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


def _parse_revenue(v: Any, divisor: float, label: str = "年营业收入") -> float:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        value = float(v)
    else:
        t = _number_text(_cell_text(v), ("万元", "万", "元"))
        try:
            value = float(t)
        except ValueError:
            raise _CellError(f"{label}“{_cell_text(v)}”不是有效的数字（单位：万元）。") from None
    if value < 0:
        raise _CellError(f"{label}不能为负数。")
    return round(value / divisor, 4)


def _count_parser(label: str):
    """A head count (安全管理人员、注册安全工程师): a whole number ≥ 0, "2人" accepted."""
    def parse(v: Any) -> int:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if float(v).is_integer() and v >= 0:
                return int(v)
        else:
            t = _number_text(_cell_text(v), ("人", "名"))
            if t.isdigit():
                return int(t)
        raise _CellError(f"{label}“{_cell_text(v)}”应为不小于0的整数（人数，如 2）；未掌握时请留空。")
    return parse


_CN_DATE = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")


def _parse_cell_date(label: str):
    """A date as county lists write it (2027-06-30, 2027年6月30日, 2027.6.30, 2027/6/30) → ISO."""
    def parse(v: Any) -> str:
        if isinstance(v, (date, datetime)):
            return _cell_text(v)
        m = _CN_DATE.match(unicodedata.normalize("NFKC", _cell_text(v)))
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
        raise _CellError(f"{label}“{_cell_text(v)}”不是有效的日期，请按“2027-06-30”或“2027年6月30日”的格式填写。")
    return parse


_YES = {"是", "有", "已任命", "已配备", "已设立", "任命", "配备", "Y", "YES", "√", "✓"}
_NO = {"否", "无", "未任命", "未配备", "未设立", "没有", "N", "NO", "×"}


def _parse_yes_no(label: str):
    def parse(v: Any) -> bool:
        t = unicodedata.normalize("NFKC", _cell_text(v)).replace(" ", "").upper()
        if t in _YES:
            return True
        if t in _NO:
            return False
        raise _CellError(f"{label}“{_cell_text(v)}”无法识别，应为“是”或“否”；未掌握时请留空。")
    return parse


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
# Wordings of the county lists for a tag (第二十四条: units that load or unload dangerous goods).
_TAG_SYNONYMS = {
    "装卸危险物品": "危险物品装卸", "危险品装卸": "危险物品装卸", "危险货物装卸": "危险物品装卸",
    "危化品装卸": "危险物品装卸", "危险化学品装卸": "危险物品装卸", "涉危装卸": "危险物品装卸",
}


def _parse_tags(v: Any) -> list[str]:
    parts = [_TAG_SYNONYMS.get(p, p) for p in _TAG_SPLIT.split(_cell_text(v)) if p and p not in _EMPTY_MARKS]
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
