import json

import pytest

from inspector_app.core import industry
from inspector_app.core.enterprise import SECTORS

SECTION_NAMES = [
    ("A", "农、林、牧、渔业"), ("B", "采矿业"), ("C", "制造业"),
    ("D", "电力、热力、燃气及水生产和供应业"), ("E", "建筑业"), ("F", "批发和零售业"),
    ("G", "交通运输、仓储和邮政业"), ("H", "住宿和餐饮业"), ("I", "信息传输、软件和信息技术服务业"),
    ("J", "金融业"), ("K", "房地产业"), ("L", "租赁和商务服务业"), ("M", "科学研究和技术服务业"),
    ("N", "水利、环境和公共设施管理业"), ("O", "居民服务、修理和其他服务业"), ("P", "教育"),
    ("Q", "卫生和社会工作"), ("R", "文化、体育和娱乐业"), ("S", "公共管理、社会保障和社会组织"),
    ("T", "国际组织"),
]

# First and last division of each section (GB/T 4754-2017).
SECTION_RANGES = {
    "A": (1, 5), "B": (6, 12), "C": (13, 43), "D": (44, 46), "E": (47, 50), "F": (51, 52),
    "G": (53, 60), "H": (61, 62), "I": (63, 65), "J": (66, 69), "K": (70, 70), "L": (71, 72),
    "M": (73, 75), "N": (76, 79), "O": (80, 82), "P": (83, 83), "Q": (84, 85), "R": (86, 90),
    "S": (91, 96), "T": (97, 97),
}


def test_sections_exact():
    assert industry.sections() == SECTION_NAMES


def test_divisions_cover_01_to_97_in_their_sections():
    divs = industry.divisions()
    assert [d[0] for d in divs] == [f"{i:02d}" for i in range(1, 98)]
    for code, name, section in divs:
        lo, hi = SECTION_RANGES[section]
        assert lo <= int(code) <= hi, (code, section)
        assert name and "[" not in name
    assert [d[0] for d in industry.divisions("c")] == [f"{i:02d}" for i in range(13, 44)]
    assert industry.divisions("Z") == []


@pytest.mark.parametrize("code,name", [
    ("01", "农业"), ("13", "农副食品加工业"), ("17", "纺织业"), ("18", "纺织服装、服饰业"),
    ("26", "化学原料和化学制品制造业"), ("29", "橡胶和塑料制品业"), ("30", "非金属矿物制品业"),
    ("31", "黑色金属冶炼和压延加工业"), ("32", "有色金属冶炼和压延加工业"), ("33", "金属制品业"),
    ("34", "通用设备制造业"), ("35", "专用设备制造业"), ("43", "金属制品、机械和设备修理业"),
    ("51", "批发业"), ("52", "零售业"), ("59", "装卸搬运和仓储业"), ("62", "餐饮业"),
    ("96", "基层群众自治组织及其他组织"), ("97", "国际组织"),
])
def test_division_names(code, name):
    assert industry.division_name(code) == name


def test_code_forms_and_unknown_codes():
    assert industry.division_name("3311") == "金属制品业"
    assert industry.division_name("C3311") == "金属制品业"
    assert industry.division_name(" 33 ") == "金属制品业"
    assert industry.section_of("59") == "G"
    assert industry.section_of("c33") == "C"
    for bad in ("", None, "00", "98", "A33", "3", "abc", "33111"):
        assert industry.division_name(bad) == ""
        assert industry.section_of(bad) == ""
        assert not industry.is_division(bad)
    assert industry.section_name("c") == "制造业"
    assert industry.section_name("Z") == ""


def test_default_sector():
    expect = {"31": "冶金", "32": "有色", "30": "建材", "33": "机械", "40": "机械", "13": "轻工",
              "29": "轻工", "41": "轻工", "17": "纺织", "18": "纺织", "26": "危化", "51": "商贸",
              "52": "商贸", "59": "商贸", "62": "其他", "01": "其他", "": "其他"}
    for div, sector in expect.items():
        assert industry.default_sector(div) == sector, div
    assert {industry.default_sector(d[0]) for d in industry.divisions()} <= set(SECTORS)


def test_loaded_once():
    assert industry.table() is industry.table()


def _write(tmp_path, data):
    p = tmp_path / "gbt4754.json"
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


@pytest.mark.parametrize("data", [
    "{not json",
    [],
    {"sections": []},
    {"sections": [{"code": "A", "name": "农业"}], "divisions": [{"code": "01", "name": "农业", "section": "B"}]},
    {"sections": [{"code": "A", "name": "农业"}], "divisions": [{"code": "1", "name": "农业", "section": "A"}]},
    {"sections": [{"code": "A", "name": "农业"}], "divisions": [{"code": "01", "section": "A"}]},
    {"sections": [{"code": "A", "name": "农业"}, {"code": "A", "name": "又一个"}], "divisions": []},
    {"sections": [{"code": "A", "name": "农业"}],
     "divisions": [{"code": "01", "name": "农业", "section": "A"}, {"code": "01", "name": "林业", "section": "A"}]},
    {"sections": [], "divisions": []},
])
def test_malformed_resource_raises_clear_error(tmp_path, data):
    p = _write(tmp_path, data)
    with pytest.raises(industry.IndustryDataError) as err:
        industry.load(p)
    assert str(p) in str(err.value) and "重新安装" in str(err.value)


def test_missing_resource(tmp_path):
    with pytest.raises(industry.IndustryDataError, match="不存在"):
        industry.load(tmp_path / "nope.json")


def test_minimal_valid_resource(tmp_path):
    p = _write(tmp_path, {"sections": [{"code": "A", "name": "农业"}],
                          "divisions": [{"code": "01", "name": "农业", "section": "A"}]})
    t = industry.load(p)
    assert t.sections == (("A", "农业"),)
    assert t.division_by_code["01"] == ("01", "农业", "A")
