"""Checklist files: every shipped form validates, bad files are rejected with a precise message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.core.enterprise import Enterprise
from inspector_app.core.forms import (
    CATEGORIES,
    ChecklistForm,
    FormError,
    applies,
    assemble,
    condition_holds,
    default_forms,
    default_forms_dir,
    describe_condition,
    load_form,
    load_forms,
)

FORMS_DIR = default_forms_dir()
FORM_FILES = sorted(FORMS_DIR.glob("*.toml"))
CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


@pytest.fixture(scope="module")
def forms():
    return load_forms(FORMS_DIR)


def test_forms_are_shipped():
    assert len(FORM_FILES) >= 13


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda p: p.name)
def test_every_shipped_form_loads(path: Path):
    form = load_form(path)
    assert form.id == path.stem
    items = list(form.items())
    assert items
    assert len({it.key for it in items}) == len(items)
    for it in items:
        assert it.key == f"{form.id}:{it.id}"
        assert it.category in CATEGORIES
        assert it.question and it.basis
        if it.kind != "text":
            assert it.suggestion
        if it.major_ref:
            # The cited rule must also be in the item's basis, so a printed finding names it.
            assert it.major_ref.split(" ")[0] in it.basis


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda p: p.name)
def test_readme_documents_every_form(path: Path):
    assert f"`{path.name}`" in (FORMS_DIR / "README.md").read_text(encoding="utf-8")


def test_main_responsibility_has_the_18_systems_and_12_ledgers(forms):
    form = forms["main_responsibility"]
    ids = [it.id for it in form.items()]
    assert [i for i in ids if i.startswith("sys")] == [f"sys{n:02d}" for n in range(1, 19)]
    assert [i for i in ids if i.startswith("led")] == [f"led{n:02d}" for n in range(1, 13)]
    assert form.item("sys16").question == "制定外包（出租）安全管理制度"
    assert "重大危险源" in form.item("led10").question
    assert form.applies == {"always": True}


def test_dust_form_covers_article_11_items_one_to_ten(forms):
    refs = [it.major_ref for it in forms["dust_explosion"].items()]
    for n in CN_NUM:
        assert f"应急管理部令第10号 第十一条第（{n}）项" in refs
    assert "应急管理部令第10号 第十四条" in refs


def test_hazardous_chemicals_has_the_20_items(forms):
    items = list(forms["hazardous_chemicals"].items())
    assert sorted(it.id for it in items) == [f"h{n:02d}" for n in range(1, 21)]
    assert all(it.is_major for it in items)


def test_unverified_items_are_flagged(forms):
    # REFERENCE marks the 第七条 wording [K] and the 第三条 wording [S].
    assert all(it.unverified for it in forms["gongmao_machinery"].items())
    assert not any(it.unverified for it in forms["gongmao_major_general"].items())


def test_default_forms_is_the_shipped_directory(forms):
    assert list(default_forms()) == list(forms)
    assert next(iter(forms)) == "main_responsibility"  # ordered by `order`


# --------------------------------------------------------------------------------------------
# Malformed files

VALID = '''
id = "sample"
version = "2025.1"
title = "示例检查表"
description = "用于测试"
basis = "应急管理部令第10号"
applies = { any_tags = ["粉尘涉爆"] }
deadline_days = 30

[[sections]]
title = "一节"

[[sections.items]]
id = "d01"
question = "第一项"
basis = "依据一"
category = "物"
kind = "choice"
suggestion = "整改一"

[[sections.items]]
id = "d03"
question = "人数"
basis = "依据三"
category = "人"
kind = "number"
limit_max = 9
unit = "人"
suggestion = "整改三"
'''


def write(tmp_path: Path, text: str, name: str = "sample.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_valid_sample_loads(tmp_path):
    form = load_form(write(tmp_path, VALID))
    assert [it.key for it in form.items()] == ["sample:d01", "sample:d03"]
    assert form.item("d03").deadline_days == 30  # inherited from the top of the file


BAD = [
    # (replace this, with this, item expected in message, field expected)
    ('category = "物"', 'category = "设备"', "d01", "category"),
    ('suggestion = "整改一"', 'sugestion = "整改一"', "d01", "sugestion"),
    ('id = "d03"', 'id = "d01"', "d01", "id"),
    ('kind = "choice"', 'kind = "yesno"', "d01", "kind"),
    ('unit = "人"\n', "", "d03", "unit"),
    ("limit_max = 9", "limit_max = 9\nlimit_min = 10", "d03", "limit_max"),
    ("limit_max = 9", 'limit_max = "9"', "d03", "limit_max"),
    ('suggestion = "整改一"', 'suggestion = "整改一"\nlimit_max = 3', "d01", "limit_max"),
    ('question = "第一项"\n', "", "d01", "question"),
    ('suggestion = "整改一"', 'suggestion = "整改一"\non_fail = { require_foto = true }', "d01", "on_fail.require_foto"),
    ('suggestion = "整改一"', 'suggestion = "整改一"\ndeadline_days = -1', "d01", "deadline_days"),
    ('suggestion = "整改一"', 'suggestion = "整改一"\napplies = { sectors = ["制造"] }', "d01", "applies.sectors"),
    ('suggestion = "整改一"', 'suggestion = "整改一"\nunverified = "yes"', "d01", "unverified"),
]


@pytest.mark.parametrize("old,new,item,field", BAD, ids=[b[3] + ":" + b[1][:12] for b in BAD])
def test_malformed_item_names_file_item_and_field(tmp_path, old, new, item, field):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(FormError) as exc:
        load_form(path)
    msg = str(exc.value)
    assert "sample.toml" in msg and f"检查项 {item}" in msg and f"'{field}'" in msg
    assert (exc.value.file, exc.value.item, exc.value.field) == ("sample.toml", item, field)


def test_category_message_lists_the_allowed_values(tmp_path):
    path = write(tmp_path, VALID.replace('category = "物"', 'category = "设备"'))
    with pytest.raises(FormError, match="人/物/管理/环境"):
        load_form(path)


BAD_TOP = [
    ('applies = { any_tags = ["粉尘涉爆"] }', 'applies = { any_tag = ["粉尘涉爆"] }', "applies.any_tag"),
    ('applies = { any_tags = ["粉尘涉爆"] }', 'applies = { any_tags = ["粉尘"] }', "applies.any_tags"),
    ('applies = { any_tags = ["粉尘涉爆"] }', "applies = {}", "applies"),
    ('applies = { any_tags = ["粉尘涉爆"] }', 'applies = { any = [ { min_employees = "50" } ] }', "applies.any[0].min_employees"),
    ('applies = { any_tags = ["粉尘涉爆"] }', 'applies = { gbt_divisions = ["50-47"] }', "applies.gbt_divisions"),
    ('applies = { any_tags = ["粉尘涉爆"] }', 'applies = { not = { scales = ["大型"] } }', "applies.not.scales"),
    ('applies = { any_tags = ["粉尘涉爆"] }\n', "", "applies"),
    ('version = "2025.1"', 'version = "v2"', "version"),
    ('id = "sample"', 'id = "other"', "id"),
    ('title = "示例检查表"', 'title = "示例检查表"\nauthor = "x"', "author"),
    ('title = "一节"', 'title = "一节"\nnote = "x"', "note"),
]


@pytest.mark.parametrize("old,new,field", BAD_TOP, ids=[b[2] for b in BAD_TOP])
def test_malformed_form_fields_name_file_and_field(tmp_path, old, new, field):
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(FormError) as exc:
        load_form(path)
    assert "sample.toml" in str(exc.value) and f"'{field}'" in str(exc.value)
    assert exc.value.field == field


def test_missing_deadline_without_default(tmp_path):
    path = write(tmp_path, VALID.replace("deadline_days = 30\n", ""))
    with pytest.raises(FormError) as exc:
        load_form(path)
    assert (exc.value.item, exc.value.field) == ("d01", "deadline_days")


def test_major_ref_on_text_item_is_rejected(tmp_path):
    text = VALID.replace('kind = "choice"', 'kind = "text"\nmajor_ref = "第十一条"')
    with pytest.raises(FormError) as exc:
        load_form(write(tmp_path, text))
    assert exc.value.field == "major_ref"


def test_toml_syntax_error_names_the_file(tmp_path):
    with pytest.raises(FormError, match="bad.toml.*TOML"):
        load_form(write(tmp_path, 'id = "bad\n', "bad.toml"))


def test_load_forms_reports_missing_directory(tmp_path):
    with pytest.raises(FormError, match="目录不存在"):
        load_forms(tmp_path / "nope")


def test_load_forms_stops_at_the_first_bad_file(tmp_path):
    write(tmp_path, VALID)
    write(tmp_path, VALID.replace('id = "sample"', 'id = "zz"').replace('kind = "choice"', 'kind = "x"'), "zz.toml")
    with pytest.raises(FormError, match="zz.toml"):
        load_forms(tmp_path)


# --------------------------------------------------------------------------------------------
# Conditions and assembly


def ent(**kw) -> Enterprise:
    return Enterprise(name="测试企业", **kw)


@pytest.mark.parametrize("cond,profile,expected", [
    ({"always": True}, {}, True),
    ({"always": False}, {}, False),
    ({"sectors": ["机械", "轻工"]}, {"sector": "轻工"}, True),
    ({"sectors": ["机械"]}, {"sector": "轻工"}, False),
    ({"any_tags": ["粉尘涉爆", "喷涂"]}, {"risk_tags": ["喷涂"]}, True),
    ({"all_tags": ["粉尘涉爆", "喷涂"]}, {"risk_tags": ["喷涂"]}, False),
    ({"min_employees": 51}, {"employees": 51}, True),
    ({"min_employees": 51}, {"employees": 50}, False),
    ({"max_employees": 50}, {"employees": 50}, True),
    ({"min_revenue_wan": 2000}, {"revenue_wan": 1999.9}, False),
    ({"gbt_divisions": ["47-50"]}, {"gbt_division": "48"}, True),
    ({"gbt_divisions": ["47-50"]}, {"gbt_division": "51"}, False),
    ({"gbt_divisions": ["33"]}, {"gbt_division": ""}, False),
    ({"scales": ["小微", "个体"]}, {"scale": "个体"}, True),
    ({"sectors": ["机械"], "min_employees": 100}, {"sector": "机械", "employees": 99}, False),
    ({"any": [{"sectors": ["危化"]}, {"any_tags": ["危化品储存"]}]}, {"risk_tags": ["危化品储存"]}, True),
    ({"all": [{"any_tags": ["喷涂"]}, {"not": {"sectors": ["机械"]}}]},
     {"sector": "机械", "risk_tags": ["喷涂"]}, False),
])
def test_condition_holds(cond, profile, expected):
    assert condition_holds(cond, ent(**profile)) is expected


def test_describe_condition_in_chinese():
    assert describe_condition({"any_tags": ["粉尘涉爆"]}) == "风险标签含粉尘涉爆"
    assert describe_condition({"sectors": ["机械"], "min_employees": 51}) == "监管行业为机械，且从业人员不少于51人"
    assert describe_condition({"not": {"sectors": ["机械"]}}) == "不属于（监管行业为机械）"


def test_assemble_filters_items_by_their_own_condition(forms):
    user = ent(sector="机械", risk_tags=["危化品使用", "喷涂"], scale="小微")
    warehouse = ent(sector="危化", risk_tags=["危化品储存"])
    by_id = {f.id: f for f in assemble(forms, user)}
    hc_user = {it.id for it in by_id["hazardous_chemicals"].items()}
    assert {"h11", "h12", "h15", "h20"} <= hc_user
    assert not {"h01", "h04", "h05", "h10", "h14", "h19"} & hc_user  # production / 危化 firms only
    # Machinery firms meet the spray-booth alarm as a major item of 第七条, not twice.
    assert "sw52" not in {it.id for it in by_id["small_workshop"].items()}
    assert "mc07" in {it.id for it in by_id["gongmao_machinery"].items()}
    hc_warehouse = {f.id: f for f in assemble(forms, warehouse)}["hazardous_chemicals"]
    assert len(list(hc_warehouse.items())) == 20
    # The registry itself is untouched by assembly.
    assert len(list(forms["hazardous_chemicals"].items())) == 20


def test_assemble_drops_forms_that_do_not_apply(forms):
    office = ent(sector="其他", scale="规下")
    assert [f.id for f in assemble(forms, office)] == ["main_responsibility"]
    assert not applies(forms["dust_explosion"], office)


# --------------------------------------------------------------------------------------------
# Items and snapshots


def test_item_fails(forms):
    choice = forms["dust_explosion"].item("d03")
    assert choice.fails("不符合") and not choice.fails("符合") and not choice.fails("不适用")
    count = forms["ammonia_refrigeration"].item("ammonia_refrigeration:a03")
    assert count.is_major and count.limits_text() == "不超过9人"
    assert count.fails(10) and not count.fails(9) and not count.fails(None) and not count.fails(True)
    drills = forms["main_responsibility"].item("em02")
    assert drills.fails(0) and not drills.fails(1)
    assert not forms["ammonia_refrigeration"].item("a11").fails("12吨")


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda p: p.name)
def test_snapshot_round_trip(path: Path):
    form = load_form(path)
    stored = json.loads(json.dumps(form.to_snapshot(), ensure_ascii=False))
    assert ChecklistForm.from_snapshot(stored) == form


def test_snapshot_survives_later_edits_to_the_file(tmp_path):
    path = write(tmp_path, VALID)
    snap = json.dumps(load_form(path).to_snapshot(), ensure_ascii=False)
    path.write_text(VALID.replace("第一项", "改过的第一项"), encoding="utf-8")
    assert ChecklistForm.from_snapshot(json.loads(snap)).item("d01").question == "第一项"


def test_snapshot_from_an_unknown_version_is_refused(forms):
    snap = forms["dust_explosion"].to_snapshot() | {"snapshot_version": 99}
    with pytest.raises(ValueError, match="升级"):
        ChecklistForm.from_snapshot(snap)
