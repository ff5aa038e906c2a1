"""国民经济行业分类 GB/T 4754-2017: sections (门类 A–T) and divisions (大类 01–97).

The table is data (``resources/gbt4754.json``), loaded once. Codes are accepted as officers and
imported spreadsheets write them: ``"33"``, ``"3311"`` (a 小类 reduces to its 大类) or ``"C3311"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import paths

RESOURCE = "gbt4754.json"

_CODE_RE = re.compile(r"^([A-Ta-t])?\s*(\d{2})(\d{1,2})?$")

# Default supervision sector (监管行业, see enterprise.SECTORS) per division: the 工贸 sector
# scopes of 应急管理部令第10号 [K]. Divisions not listed fall in 其他. Individual enterprises
# may differ (a 51 wholesaler of hazardous chemicals is 危化, a 26 daily-chemicals maker 轻工),
# so this only pre-fills the form.
_DEFAULT_SECTOR = {
    "31": "冶金", "32": "有色", "30": "建材", "16": "烟草", "17": "纺织", "18": "纺织",
    **{d: "机械" for d in ("33", "34", "35", "36", "37", "38", "39", "40", "43")},
    **{d: "轻工" for d in ("13", "14", "15", "19", "20", "21", "22", "23", "24", "29", "41")},
    # 化纤 is handled with textiles in Jiangyin practice [K]; chemicals and fuels are 危化. Pharma
    # (27) is not: a 医药 division does not by itself make a firm a hazardous-chemicals unit
    # (安全生产法第二十四、二十七条 turn on 危险物品 being produced, stored or handled).
    "28": "纺织", "25": "危化", "26": "危化",
    "51": "商贸", "52": "商贸", "59": "商贸",
}


class IndustryDataError(RuntimeError):
    """The shipped classification file is missing or malformed (a broken installation)."""


@dataclass(frozen=True)
class Table:
    sections: tuple[tuple[str, str], ...]
    divisions: tuple[tuple[str, str, str], ...]
    division_by_code: dict
    section_names: dict


def load(path: str | Path) -> Table:
    """Read and check a classification file; raise :class:`IndustryDataError` if malformed."""
    path = Path(path)

    def broken(why: str) -> IndustryDataError:
        return IndustryDataError(
            f"行业分类数据文件“{path}”{why}，请重新安装本软件或联系技术支持。"
        )

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise broken("不存在") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise broken(f"无法读取（{e}）") from e
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list) \
            or not isinstance(data.get("divisions"), list):
        raise broken("格式不正确（缺少门类或大类列表）")
    sections: list[tuple[str, str]] = []
    for item in data["sections"]:
        code, name = _fields(item, ("code", "name"), broken)
        if not re.fullmatch(r"[A-Z]", code):
            raise broken(f"含有无效的门类代码“{code}”")
        sections.append((code, name))
    section_names = dict(sections)
    if len(section_names) != len(sections):
        raise broken("门类代码重复")
    divisions: list[tuple[str, str, str]] = []
    for item in data["divisions"]:
        code, name, section = _fields(item, ("code", "name", "section"), broken)
        if not re.fullmatch(r"\d{2}", code):
            raise broken(f"含有无效的大类代码“{code}”")
        if section not in section_names:
            raise broken(f"大类{code}所属门类“{section}”不存在")
        divisions.append((code, name, section))
    by_code = {d[0]: d for d in divisions}
    if len(by_code) != len(divisions):
        raise broken("大类代码重复")
    if not sections or not divisions:
        raise broken("内容为空")
    return Table(tuple(sections), tuple(divisions), by_code, section_names)


def _fields(item, keys, broken) -> tuple[str, ...]:
    if not isinstance(item, dict):
        raise broken("格式不正确（条目不是对象）")
    out = []
    for key in keys:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise broken(f"格式不正确（条目缺少“{key}”）")
        out.append(value.strip())
    return tuple(out)


@lru_cache(maxsize=1)
def table() -> Table:
    return load(paths.resources_dir() / RESOURCE)


def normalise_division(code: str | None) -> str:
    """``"C3311"``/``"3311"``/``" 33 "`` → ``"33"``; ``""`` when not a known division."""
    m = _CODE_RE.match((code or "").strip())
    if not m:
        return ""
    division = m.group(2)
    if division not in table().division_by_code:
        return ""
    letter = (m.group(1) or "").upper()
    if letter and table().division_by_code[division][2] != letter:
        return ""
    return division


def sections() -> list[tuple[str, str]]:
    """``[(code, name), …]`` in code order, A–T."""
    return list(table().sections)


def divisions(section: str | None = None) -> list[tuple[str, str, str]]:
    """``[(code, name, section), …]``, all or those of one section (e.g. ``"C"``)."""
    rows = table().divisions
    if section is None:
        return list(rows)
    section = section.strip().upper()
    return [d for d in rows if d[2] == section]


def division_name(code: str | None) -> str:
    """Name of a division (``"33"`` → ``"金属制品业"``); ``""`` for an unknown or blank code."""
    division = normalise_division(code)
    return table().division_by_code[division][1] if division else ""


def section_of(division: str | None) -> str:
    """Section letter of a division (``"33"`` → ``"C"``); ``""`` for an unknown or blank code."""
    division = normalise_division(division)
    return table().division_by_code[division][2] if division else ""


def section_name(code: str | None) -> str:
    return table().section_names.get((code or "").strip().upper(), "")


def is_division(code: str | None) -> bool:
    return bool(normalise_division(code))


def default_sector(division: str | None) -> str:
    """The usual supervision sector for a division, to pre-fill the enterprise form."""
    return _DEFAULT_SECTOR.get(normalise_division(division), "其他")
