"""The county list in every format counties send (.xlsx, .xls, .ods, .et), header synonyms,
villages outside the township, and what an update row changes."""

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.core.enterprise import Enterprise
from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.importers import headers, readers
from inspector_app.storage import enterprises as repo
from inspector_app.storage import township
from tests.fixtures.make_xlsx import code, write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "county"


@pytest.fixture
def villages(store):
    return {name: township.save_village(store, township.Village(name=name)).id
            for name in ("璜土村", "石庄村", "新桥社区")}


@pytest.fixture
def old_firm(store, villages):
    return repo.save(store, Enterprise(name="江阴老厂五金有限公司", uscc=code(4), legal_rep="赵四", employees=40,
                                       village_id=villages["新桥社区"], sector="机械", risk_tags=["喷涂"]))


def _county_file(kind: str, tmp_path: Path) -> Path:
    if kind == "xls":
        return FIXTURES / "county_list.xls"
    if kind == "ods":
        return FIXTURES / "county_list.ods"
    if kind == "et":  # WPS saves .et as BIFF8 like .xls; the reader goes by content
        return Path(shutil.copy(FIXTURES / "county_list.xls", tmp_path / "县局名单.et"))
    if kind == "ods_named_xls":  # a renamed file: the content decides, not the extension
        return Path(shutil.copy(FIXTURES / "county_list.ods", tmp_path / "county_list.xls"))
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["xls", "ods", "et", "ods_named_xls"])
def test_every_format_reads_with_the_same_checks(store, villages, old_firm, tmp_path, kind):
    path = _county_file(kind, tmp_path)
    assert readers.kind_of(path) == ("ods" if "ods" in kind else "xls")
    plan = imp.read_workbook(path, store)
    assert plan.sheet == "企业名单" and plan.header_row == 3
    assert plan.mapping["村/社区"] == "village_id"
    rows = {r.row_number: r for r in plan.rows}
    assert [rows[n].action for n in (4, 5, 6, 7)] == ["insert", "insert", "error", "update"]
    # Numbers read as the officer typed them: 35 people, not 35.0; phones as text.
    assert rows[4].enterprise.employees == 35 and rows[4].enterprise.legal_rep_phone == "13912340001"
    assert rows[5].enterprise.village_id == villages["石庄村"]  # "石庄" without 村
    assert rows[5].enterprise.risk_tags == ["粉尘涉爆", "喷涂"]
    # A village that is not the township's is an error naming the near matches, never dropped.
    reason = " ".join(rows[6].errors)
    assert "璜土新村" in reason and "相近的有：璜土村" in reason
    # The update says what it changes, old → new, in the officer's words.
    changes = {c.label: (c.old, c.new) for c in rows[7].changes}
    assert changes == {"法定代表人": ("赵四", "赵四（新）"), "从业人数": ("40", "48"), "地址": ("（空）", "新桥路9号"),
                       "法定代表人电话": ("（空）", "13912340004")}
    assert str(rows[7].changes[0]).count("→") == 1

    report = imp.apply_plan(store, plan)
    assert (report.inserted, report.updated) == (2, 1)
    assert repo.get(store, old_firm.id).employees == 48
    out = tmp_path / "错误行.xlsx"
    assert imp.write_error_report(report, out) == 1
    listed = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert listed[0][0] == 6 and "璜土新村" in listed[0][2]


def test_an_unchanged_update_lists_no_changes(store, villages, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", ["企业名称", "统一社会信用代码", "所属村", "从业人数"],
                      [["江阴甲有限公司", code(1), "璜土村", 5]])
    imp.apply_plan(store, imp.read_workbook(path, store))
    again = imp.read_workbook(path, store).rows[0]
    assert again.action == "update" and not again.changed and again.changes == []
    path2 = write_xlsx(tmp_path / "c2.xlsx", ["企业名称", "统一社会信用代码", "所属村", "从业人数"],
                       [["江阴甲有限公司", code(1), "石庄村", 5]])
    row = imp.read_workbook(path2, store).rows[0]
    assert [(c.label, c.old, c.new) for c in row.changes] == [("所在村（社区）", "璜土村", "石庄村")]


@pytest.mark.parametrize("header", ["村/社区", "村／社区", "所在村（社区）", "所在村(社区)", "村居", "所属村", "所属村（居）",
                                    "所在社区", "村（居）委会", "*所属村/社区"])
def test_village_header_variants_map(store, villages, tmp_path, header):
    path = write_xlsx(tmp_path / "c.xlsx", ["企业名称", "统一社会信用代码", header], [["江阴乙有限公司", code(2), "石庄村"]])
    plan = imp.read_workbook(path, store)
    assert plan.mapping[header] == "village_id"
    assert plan.rows[0].enterprise.village_id == villages["石庄村"]


def test_header_table_is_unambiguous():
    seen: dict[str, str] = {}
    for field, names in headers.synonyms().items():
        assert field in imp.HEADER_SYNONYMS
        for n in names:
            key = imp._norm_header(n)
            assert seen.setdefault(key, field) == field, f"{n} names {seen[key]} and {field}"
    known = set(Enterprise.field_names()) | {imp.IGNORED, imp.LANDLORD, imp.FACTORY}
    assert set(headers.synonyms()) <= known


def test_unknown_village_with_nothing_close_says_so(store, villages, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", ["企业名称", "统一社会信用代码", "村/社区"], [["江阴丙有限公司", code(3), "长泾村"]])
    row = imp.read_workbook(path, store).rows[0]
    assert row.action == "error"
    assert "长泾村" in row.errors[0] and "相近" not in row.errors[0] and "设置" in row.errors[0]


def test_read_rows_gives_openpyxl_shaped_values(tmp_path):
    rows = list(readers.read_rows(FIXTURES / "county_list.ods"))
    assert rows[0][0] == "璜土镇企业名单（县局下发）"
    assert rows[2][4] == "村/社区"
    assert rows[3][0] == 1 and isinstance(rows[3][0], int)
    assert rows[1][0] is None  # empty cells are None, as openpyxl gives them
    with pytest.raises(readers.ReadError):
        readers.read_rows(FIXTURES / "county_list.xls", sheet="没有这张表")


def test_a_damaged_legacy_file_is_explained(store, tmp_path):
    path = tmp_path / "county.xls"
    path.write_bytes((FIXTURES / "county_list.xls").read_bytes()[:1500])
    with pytest.raises(imp.ImportFileError) as err:
        imp.read_workbook(path, store)
    assert "已损坏" in str(err.value) and "county.xls" in str(err.value)
