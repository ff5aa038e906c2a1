"""Import of the county's enterprise list (.xlsx): mapping, row checks, insert/update, atomicity."""

import zipfile

import pytest
from openpyxl import load_workbook

from inspector_app.core.enterprise import Enterprise
from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.storage import enterprises as repo
from inspector_app.storage import township
from tests.fixtures.make_xlsx import (
    COUNTY_HEADERS,
    bad_check_digit,
    code,
    county_row,
    write_xlsx,
)


@pytest.fixture
def villages(store):
    return {name: township.save_village(store, township.Village(name=name)).id
            for name in ("璜土村", "石庄村", "新桥社区")}


def read(store, path, **kw):
    return imp.read_workbook(path, store, **kw)


def by_row(plan):
    return {r.row_number: r for r in plan.rows}


def test_good_rows_land(store, villages, tmp_path):
    path = write_xlsx(tmp_path / "county.xlsx", COUNTY_HEADERS, [
        county_row(1, "江阴市华宏机械有限公司", "璜土村", employees=35),
        county_row(2, "江阴永盛纺织厂", "石庄", employees="120人", 监管行业="纺织", 规模="规上"),
        county_row(3, "江阴新桥喷涂有限公司", "新桥", 风险类别="喷涂；有限空间 粉尘涉爆"),
        [None] * len(COUNTY_HEADERS),
        [None, "合计", None, None, None, None, None, None, None, 175],
        [None, "注：本表由县应急管理局提供。"],
    ], preamble=[["璜土镇重点企业名单"], [None]])
    plan = read(store, path)
    assert plan.header_row == 3
    assert [r.action for r in plan.rows] == ["insert"] * 3
    assert [r.row_number for r in plan.rows] == [4, 5, 6]
    assert plan.mapping["经营地址"] == "address" and plan.mapping["风险类别"] == "risk_tags"
    assert "序号" not in plan.unmapped
    assert repo.count(store) == 0  # reading writes nothing

    report = imp.apply_plan(store, plan)
    assert (report.inserted, report.updated, report.unchanged, report.errors) == (3, 0, 0, [])
    hit = repo.find_by_uscc(store, code(2))
    ent = repo.get(store, hit[0])
    assert ent.name == "江阴永盛纺织厂" and ent.village_id == villages["石庄村"]
    assert (ent.employees, ent.sector, ent.scale) == (120, "纺织", "规上")
    assert ent.legal_rep_phone == "13912340002" and ent.principal_phone == "0510-86800002"
    third = repo.get(store, repo.find_by_uscc(store, code(3))[0])
    assert third.village_id == villages["新桥社区"]
    assert third.risk_tags == ["喷涂", "有限空间", "粉尘涉爆"]
    # Pinyin keys were computed: search by initials finds the enterprise.
    assert repo.search_ids(store, repo.SearchQuery(text="jyys")) == [ent.id]


def test_bad_rows_are_reported_with_reasons(store, villages, tmp_path):
    path = write_xlsx(tmp_path / "county.xlsx", COUNTY_HEADERS, [
        county_row(1, "江阴好企业有限公司", "璜土村"),
        county_row(2, "江阴坏码有限公司", "璜土村", code_value=bad_check_digit(2)),
        county_row(3, "", "璜土村"),
        county_row(4, "江阴外村有限公司", "月城村"),
        county_row(5, "江阴人数有限公司", "璜土村", employees="约三十"),
        county_row(6, "江阴重码有限公司", "璜土村", code_value=code(1)),
        county_row(7, "江阴错标签有限公司", "璜土村", 风险类别="涉氨制冷、飞行", 规模="巨型"),
    ])
    plan = read(store, path)
    rows = by_row(plan)
    assert rows[2].action == "insert"
    assert rows[3].action == "error" and any("校验位不正确" in e for e in rows[3].errors)
    assert rows[4].action == "error" and any("企业名称不能为空" in e for e in rows[4].errors)
    village_msg = " ".join(rows[5].errors)
    assert rows[5].action == "error" and "月城村" in village_msg and "设置" in village_msg
    assert rows[6].action == "error" and any("从业人数" in e and "约三十" in e for e in rows[6].errors)
    assert rows[7].action == "error" and any("第2行" in e and "重复" in e for e in rows[7].errors)
    reasons = " ".join(rows[8].errors)
    assert "飞行" in reasons and "巨型" in reasons
    assert (plan.inserts, len(plan.error_rows)) == (1, 6)

    report = imp.apply_plan(store, plan)
    assert report.inserted == 1 and repo.count(store) == 1
    assert [e[0] for e in report.errors] == [3, 4, 5, 6, 7, 8]

    out = tmp_path / "错误行.xlsx"
    assert imp.write_error_report(report, out) == 6
    ws = load_workbook(out).active
    listed = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True)}
    assert set(listed) == {3, 4, 5, 6, 7, 8}
    assert "校验位" in listed[3][2] and listed[3][1] == "江阴坏码有限公司"
    assert listed[3][3 + COUNTY_HEADERS.index("统一社会信用代码")] == bad_check_digit(2)
    assert not (tmp_path / "错误行.xlsx.part").exists()
    assert imp.write_error_report(plan, tmp_path / "from_plan.xlsx") == 6


def test_reimport_updates_and_never_duplicates(store, villages, tmp_path):
    rows = [county_row(i, f"江阴第{i}机械有限公司", "璜土村") for i in range(1, 6)]
    path = write_xlsx(tmp_path / "county.xlsx", COUNTY_HEADERS, rows)
    assert imp.apply_plan(store, read(store, path)).inserted == 5
    # The officer adds something the county file does not have.
    ent = repo.get(store, repo.find_by_uscc(store, code(3))[0])
    ent.grid_officer = "王网格"
    ent.supervision_class = "A"
    repo.save(store, ent)

    again = read(store, path)
    assert (again.inserts, again.updates, again.unchanged) == (0, 0, 5)
    report = imp.apply_plan(store, again)
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 5)

    rows[2] = county_row(3, "江阴第3机械有限公司", "石庄村", employees=99)
    path2 = write_xlsx(tmp_path / "county2.xlsx", COUNTY_HEADERS, rows)
    report = imp.apply_plan(store, read(store, path2))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 4)
    assert repo.count(store) == 5
    ent = repo.get(store, ent.id)
    assert (ent.employees, ent.village_id) == (99, villages["石庄村"])
    assert (ent.grid_officer, ent.supervision_class) == ("王网格", "A")  # not in the sheet: kept


def test_rows_without_code_match_by_name_or_registration_number(store, villages, tmp_path):
    old = repo.save(store, Enterprise(name="江阴老字号五金厂", legacy_reg_no="320281000012345", scale="个体"))
    named = repo.save(store, Enterprise(name="江阴无码商行", scale="个体"))
    headers = ["企业名称", "统一社会信用代码", "注册号", "所在村（社区）", "从业人数"]
    path = write_xlsx(tmp_path / "c.xlsx", headers, [
        ["江阴老字号五金厂（更名）", None, 320281000012345, "璜土村", 3],
        ["江阴无码商行", code(9), None, "璜土村", 2],   # gains its credit code
        ["江阴另一家", "注册号：320281000099999", None, "璜土村", 1],
    ])
    plan = read(store, path)
    actions = [(r.action, r.enterprise.id) for r in plan.rows]
    assert actions[0] == ("update", old.id) and actions[1] == ("update", named.id)
    third = plan.rows[2]  # "注册号：…" written in the code column
    assert third.action == "insert" and third.enterprise.legacy_reg_no == "320281000099999"
    assert third.enterprise.uscc is None
    imp.apply_plan(store, plan)
    assert repo.get(store, old.id).name == "江阴老字号五金厂（更名）"
    assert repo.get(store, named.id).uscc == code(9)


def test_headers_with_synonyms_and_full_width_brackets_map(store, villages, tmp_path):
    headers = ["序 号", "＊单位名称", "统一社会\n信用代码", "村居", "法人", "联系电话", "职工人数（人）",
               "行业类别", "企业规模", "风险标签", "年营业收入(元)", "所在村(社区)", "统计员", "安全员",
               "手机", "安管类型", "行业代码", "经营状态", "出租方"]
    path = write_xlsx(tmp_path / "c.xlsx", headers, [
        [1, "江阴甲有限公司", code(1), "璜土", "张三", "13900000001", 10, "机械", "规模以下", "喷涂",
         2500000, None, "李四", "赵安", "13900000002", "专职", "3311", "存续", None],
        [2, "江阴乙有限公司", code(2), "石庄村", "钱五", None, 5, "轻工", "小微企业", None,
         None, None, None, None, None, None, "金属制品业", "停业", "江阴甲有限公司"],
    ], preamble=[["附件1"], ["璜土镇企业名单（2024年）"]],
        extra_sheets={"填表说明": [["请按要求填写"], ["不要修改表头"]]})
    plan = read(store, path)
    assert plan.sheet == "企业名单" and plan.header_row == 3
    m = plan.mapping
    assert m["＊单位名称"] == "name" and m["统一社会\n信用代码"] == "uscc" and m["村居"] == "village_id"
    assert m["法人"] == "legal_rep" and m["联系电话"] == "legal_rep_phone"  # phone after its person
    assert m["职工人数（人）"] == "employees" and m["行业类别"] == "sector" and m["企业规模"] == "scale"
    assert m["安全员"] == "safety_manager" and m["手机"] == "safety_manager_phone"
    assert m["安管类型"] == "safety_manager_type" and m["行业代码"] == "gbt_division"
    assert m["出租方"] == "landlord" and m["经营状态"] == "status"
    assert "统计员" in plan.unmapped and "所在村(社区)" in plan.unmapped  # second village column
    assert [r.action for r in plan.rows] == ["insert", "insert"], [r.errors for r in plan.rows]
    imp.apply_plan(store, plan)
    a = repo.get(store, repo.find_by_uscc(store, code(1))[0])
    b = repo.get(store, repo.find_by_uscc(store, code(2))[0])
    assert (a.scale, a.revenue_wan, a.gbt_division, a.gbt_section) == ("规下", 250.0, "33", "C")
    assert (a.safety_manager, a.safety_manager_type, a.safety_manager_phone) == ("赵安", "专职", "13900000002")
    assert (b.status, b.gbt_division, b.landlord_id) == ("停产", "33", a.id)


def test_landlords_resolve_within_the_file_and_registry(store, villages, tmp_path):
    landlord = repo.save(store, Enterprise(name="江阴房东实业有限公司", uscc=code(50)))
    headers = ["企业名称", "统一社会信用代码", "所在村（社区）", "出租方"]
    path = write_xlsx(tmp_path / "c.xlsx", headers, [
        ["江阴租户一有限公司", code(1), "璜土村", "江阴新房东有限公司"],   # landlord further down
        ["江阴租户二有限公司", code(2), "璜土村", code(50)],               # by code, in the registry
        ["江阴租户三有限公司", code(3), "璜土村", "查无此企业"],
        ["江阴新房东有限公司", code(4), "璜土村", None],
        ["江阴自租有限公司", code(5), "璜土村", "江阴自租有限公司"],
    ])
    plan = read(store, path)
    rows = by_row(plan)
    assert rows[2].action == "insert" and rows[2].enterprise.landlord_id == rows[5].enterprise.id
    assert rows[3].enterprise.landlord_id == landlord.id
    assert rows[4].action == "error" and any("查无此企业" in e for e in rows[4].errors)
    assert rows[6].action == "error" and any("自身" in e for e in rows[6].errors)
    imp.apply_plan(store, plan)  # tenant inserted before its landlord: FK checked at commit
    tenant = repo.get(store, repo.find_by_uscc(store, code(1))[0])
    assert repo.name_of(store, tenant.landlord_id) == "江阴新房东有限公司"


def test_credit_code_stored_as_a_number_is_explained(store, villages, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", ["企业名称", "统一社会信用代码", "所在村（社区）"], [
        ["江阴数字有限公司", 9.13202810000001e17, "璜土村"],
    ])
    row = read(store, path).rows[0]
    assert row.action == "error" and "科学计数法" in row.errors[0] and "文本" in row.errors[0]


@pytest.mark.parametrize("kind", ["csv", "xls", "encrypted", "zip", "no_header", "missing"])
def test_unreadable_files_raise_a_clear_error(store, tmp_path, kind):
    path = tmp_path / "county.xlsx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    if kind == "csv":
        path.write_text("企业名称,统一社会信用代码\n江阴甲,913202810000000019\n", encoding="utf-8")
        expected = "另存为"
    elif kind == "xls":  # an OLE file that is no readable .xls/.et workbook
        path.write_bytes(ole + "Workbook".encode("utf-16-le") + b"\0" * 512)
        expected = "已损坏"
    elif kind == "encrypted":  # what Excel writes for 用密码进行加密: an OLE file with EncryptionInfo
        path.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 512)
        expected = "密码"
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("word/document.xml", "<w:document/>")
        expected = "不是Excel"
    elif kind == "no_header":
        write_xlsx(path, ["甲", "乙", "丙"], [[1, 2, 3]])
        expected = "表头"
    else:
        path = tmp_path / "nope.xlsx"
        expected = "找不到"
    with pytest.raises(imp.ImportFileError) as err:
        read(store, path)
    assert expected in str(err.value)


def test_apply_is_all_or_nothing(store, villages, tmp_path):
    rows = [county_row(i, f"江阴第{i}机械有限公司", "璜土村") for i in range(1, 301)]
    plan = read(store, write_xlsx(tmp_path / "c.xlsx", COUNTY_HEADERS, rows))
    assert plan.inserts == 300
    # Someone registers one of the codes between preview and import: the insert conflicts late.
    repo.save(store, Enterprise(name="抢先录入有限公司", uscc=code(280)))
    with pytest.raises(imp.ImportApplyError) as err:
        imp.apply_plan(store, plan)
    assert "未写入任何数据" in str(err.value)
    assert repo.count(store) == 1
    with pytest.raises(imp.ImportApplyError):  # a plan is applied at most once
        plan.applied = True
        imp.apply_plan(store, plan)


def test_progress_is_reported_in_steps(store, villages, tmp_path):
    rows = [county_row(i, f"江阴第{i}机械有限公司", "璜土村") for i in range(1, 451)]
    plan = read(store, write_xlsx(tmp_path / "c.xlsx", COUNTY_HEADERS, rows))
    calls = []
    imp.apply_plan(store, plan, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (450, 450)
    assert len(calls) <= 450 // imp.PROGRESS_EVERY + 3
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_similar_name_in_registry_is_a_warning_not_an_error(store, villages, tmp_path):
    repo.save(store, Enterprise(name="江阴市华宏机械有限公司", uscc=code(70)))
    path = write_xlsx(tmp_path / "c.xlsx", COUNTY_HEADERS, [county_row(1, "华宏机械厂", "璜土村")])
    row = read(store, path).rows[0]
    assert row.action == "insert" and row.errors == []
    assert any("江阴市华宏机械有限公司" in w for w in row.warnings)
