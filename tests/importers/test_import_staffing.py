"""Import of the staffing fields issue 9 added (安全生产法第二十四条、第二十七条), the 危险物品装卸 tag,
and 停产整改 that only a document may set (第六十五条第一款第（三）项)."""

from datetime import date

import pytest

from inspector_app.core import documents as docs
from inspector_app.core.enterprise import SUSPENDED, Enterprise
from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.storage import enterprises as repo
from inspector_app.storage import township
from tests.e2e.test_escalation import OFFICERS, s  # noqa: F401 (fixture: a township set up to issue)
from tests.fixtures.make_xlsx import code, write_xlsx

HEADERS = ["企业名称", "统一社会信用代码", "所在村（社区）", "从业人数", "专职安全管理人员（人）", "兼职安全员",
           "注册安全工程师人数", "是否任命安全总监", "安全总监姓名", "主营业务收入（元）", "标准化证书有效期至",
           "风险类别", "经营状态"]


@pytest.fixture
def store(s):  # noqa: F811
    return s


@pytest.fixture
def village(store):
    return township.save_village(store, township.Village(name="璜土村")).id


def _row(n, name, **kw):
    values = {"full": 2, "part": 1, "engineers": 0, "appointed": "是", "director": "王安全",
              "revenue": 52_000_000, "valid": "2027年6月30日", "tags": "危险物品装卸", "status": "在营"}
    values.update(kw)
    return [name, code(n), "璜土村", 320, values["full"], values["part"], values["engineers"], values["appointed"],
            values["director"], values["revenue"], values["valid"], values["tags"], values["status"]]


def _plan(store, tmp_path, rows):
    return imp.read_workbook(write_xlsx(tmp_path / "county.xlsx", HEADERS, rows), store)


def test_staffing_fields_of_article_24_and_27_are_imported(store, village, tmp_path):
    plan = _plan(store, tmp_path, [
        _row(1, "江阴危运装卸有限公司"),
        _row(2, "江阴兼职仓储有限公司", full="0人", part="1名", engineers="", appointed="无", director="",
             revenue="", valid="", tags="装卸危险物品、有限空间"),
    ])
    assert plan.mapping["专职安全管理人员（人）"] == "full_time_managers"
    assert plan.mapping["兼职安全员"] == "part_time_managers"
    assert plan.mapping["注册安全工程师人数"] == "registered_engineers"
    assert plan.mapping["是否任命安全总监"] == "safety_director_appointed"
    assert plan.mapping["安全总监姓名"] == "safety_director"
    assert plan.mapping["主营业务收入（元）"] == "main_revenue_wan"
    assert plan.mapping["标准化证书有效期至"] == "standardisation_valid_until"
    assert [r.action for r in plan.rows] == ["insert", "insert"], [r.errors for r in plan.rows]
    imp.apply_plan(store, plan)
    a = repo.get(store, repo.find_by_uscc(store, code(1))[0])
    assert (a.full_time_managers, a.part_time_managers, a.registered_engineers) == (2, 1, 0)
    assert a.safety_director_appointed is True and a.safety_director == "王安全"
    assert a.main_revenue_wan == 5200.0  # the column is in yuan
    assert a.standardisation_valid_until == "2027-06-30"
    assert a.risk_tags == ["危险物品装卸"]
    b = repo.get(store, repo.find_by_uscc(store, code(2))[0])
    assert (b.full_time_managers, b.part_time_managers) == (0, 1)
    # An empty cell is "not recorded" (the duty shows as unknown), never zero.
    assert b.registered_engineers is None and b.main_revenue_wan is None
    assert b.safety_director_appointed is False  # "无" answers the yes/no column
    assert b.risk_tags == ["危险物品装卸", "有限空间"]


def test_bad_staffing_cells_are_row_errors(store, village, tmp_path):
    plan = _plan(store, tmp_path, [
        _row(1, "江阴甲有限公司", full="两人"),
        _row(2, "江阴乙有限公司", appointed="待定"),
        _row(3, "江阴丙有限公司", engineers=-1),
        _row(4, "江阴丁有限公司", appointed="是", director=""),
        _row(5, "江阴戊有限公司", valid="明年"),
    ])
    rows = {r.row_number: r for r in plan.rows}
    assert all(r.action == "error" for r in plan.rows)
    assert any("专职安全管理人员人数" in e for e in rows[2].errors)
    assert any("是否任命安全总监" in e for e in rows[3].errors)
    assert any("注册安全工程师人数" in e for e in rows[4].errors)
    assert any("安全总监" in e for e in rows[5].errors)
    assert any("标准化" in e for e in rows[6].errors)


def test_import_refuses_to_set_suspension_article_65(store, village, tmp_path):
    plan = _plan(store, tmp_path, [_row(1, "江阴停产有限公司", status="停产整改")])
    (row,) = plan.rows
    assert row.action == "error"
    assert any("只能由现场处理措施决定书" in e for e in row.errors)
    # An existing enterprise in operation cannot be suspended by a file either.
    ent = repo.save(store, Enterprise(name="江阴在营有限公司", uscc=code(2), village_id=village, employees=10))
    plan = _plan(store, tmp_path, [_row(2, ent.name, status="停产整改")])
    assert plan.rows[0].action == "error"
    assert repo.get(store, ent.id).status == "在营"


def test_import_cannot_lift_a_suspension_without_the_resumption_review(store, village, tmp_path):
    from inspector_app.storage import documents as doc_store

    ent = repo.save(store, Enterprise(name="江阴被停产有限公司", uscc=code(3), village_id=village, employees=10))
    doc_store.issue_document(store, kind=docs.ONSITE_MEASURES, enterprise_id=ent.id, issued_at=date(2026, 3, 2), content={
        "officers": OFFICERS, "inspected_on": "2026-03-02", "dangers": ["除尘系统未设置泄爆装置"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "抛光车间"})
    assert repo.get(store, ent.id).status == SUSPENDED
    plan = _plan(store, tmp_path, [_row(3, ent.name, status="在营", full=3)])
    (row,) = plan.rows
    assert row.action == "update"
    assert any("复产审查" in w for w in row.warnings)
    imp.apply_plan(store, plan)
    after = repo.get(store, ent.id)
    assert after.status == SUSPENDED and after.full_time_managers == 3
    # The same file saying 停产整改 for the suspended enterprise is no error: nothing changes.
    plan = _plan(store, tmp_path, [_row(3, ent.name, status="停产整改", full=3)])
    assert plan.rows[0].action == "update" and not plan.rows[0].errors
