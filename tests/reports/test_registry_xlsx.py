"""The township ledger export (辖区企业基本情况台账): layout, text codes, filters, atomic write,
and the round trip through the importer."""

import errno
from dataclasses import asdict

import pytest
from openpyxl import load_workbook

from inspector_app.core import settings as S
from inspector_app.core.enterprise import Enterprise
from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.reports import registry_xlsx as reg
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_memory, settings, township
from tests.fixtures.make_xlsx import code

VILLAGES = ("璜土村", "石庄村", "新桥社区")


def digits_only_code() -> str:
    """A valid code made of digits only: Excel would turn it into 9.13E+17 if written as a number."""
    return next(c for c in (code(n) for n in range(10, 300)) if c.isdigit())


def populate(store) -> dict[str, Enterprise]:
    settings.put(store, S.TOWNSHIP, "璜土镇")
    v = {name: township.save_village(store, township.Village(name=name, sort=i)).id
         for i, name in enumerate(VILLAGES)}
    landlord = repo.save(store, Enterprise(
        name="江阴房东实业有限公司", uscc=code(1), address="璜土镇工业园1号", village_id=v["璜土村"],
        legal_rep="周一", legal_rep_phone="13900000001", principal="周二", principal_phone="0510-86801234",
        safety_manager="周三", safety_manager_type="专职", safety_manager_phone="13900000003",
        employees=120, revenue_wan=3500.5, gbt_section="C", gbt_division="33", sector="机械",
        scale="规上", risk_tags=["有限空间", "喷涂"], standardisation_grade="三级",
        supervision_class="B", grid_officer="网格甲", notes="重点企业"))
    tenant = repo.save(store, Enterprise(
        name="江阴租户机械有限公司", uscc=digits_only_code(), village_id=v["石庄村"], employees=8,
        sector="机械", scale="小微", landlord_id=landlord.id, risk_tags=["粉尘涉爆"]))
    shop = repo.save(store, Enterprise(
        name="江阴老字号五金店", legacy_reg_no="320281000012345", scale="个体", sector="商贸",
        village_id=v["新桥社区"], status="停产"))
    textile = repo.save(store, Enterprise(name="江阴纺织有限公司", uscc=code(3), sector="纺织",
                                          village_id=v["璜土村"], employees=300))
    gone = repo.save(store, Enterprise(name="江阴已删除有限公司", uscc=code(4)))
    repo.delete(store, gone.id)
    return {"landlord": landlord, "tenant": tenant, "shop": shop, "textile": textile, "gone": gone}


def sheet_rows(path):
    ws = load_workbook(path).active
    return ws, list(ws.iter_rows(min_row=reg.HEADER_ROW + 1, values_only=True))


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_export_layout_and_codes_are_text(store, tmp_path):
    ents = populate(store)
    out = tmp_path / "台账.xlsx"
    calls = []
    assert reg.export_registry(store, out, progress=lambda d, t: calls.append((d, t))) == 4
    assert calls[-1] == (4, 4)
    assert not (tmp_path / "台账.xlsx.part").exists()

    ws, rows = sheet_rows(out)
    assert ws["A1"].value == "璜土镇辖区企业基本情况台账"
    assert "A1:Y1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value.startswith("导出日期：") and "共 4 家" in ws["A2"].value
    assert [c.value for c in ws[reg.HEADER_ROW]] == [h for h, _ in reg.COLUMNS]
    assert ws.freeze_panes == "C4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.column_dimensions["B"].width == 30
    assert ws["B4"].font.name == reg.FONT_NAME and ws["B3"].font.name == reg.FONT_NAME

    names = [r[1] for r in rows]
    assert "江阴已删除有限公司" not in names and len(rows) == 4
    tenant_row = rows[names.index("江阴租户机械有限公司")]
    code_cell = ws.cell(row=reg.HEADER_ROW + 1 + names.index("江阴租户机械有限公司"), column=3)
    assert code_cell.value == ents["tenant"].uscc and code_cell.data_type == "s"
    assert code_cell.number_format == "@"
    assert tenant_row[19] == f"承租方，出租方：江阴房东实业有限公司（{code(1)}）"
    landlord_row = rows[names.index("江阴房东实业有限公司")]
    assert landlord_row[6] == "13900000001" and landlord_row[8] == "0510-86801234"
    assert landlord_row[10] == "专职" and landlord_row[13] == 3500.5
    assert landlord_row[14] == "C 制造业" and landlord_row[15] == "33 金属制品业"
    assert landlord_row[18] == "有限空间、喷涂" and landlord_row[19] == "出租方（承租方1家）"
    shop_row = rows[names.index("江阴老字号五金店")]
    assert shop_row[2] == "注册号：320281000012345" and shop_row[23] == "停产"


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_filter_query_is_honoured(store, tmp_path):
    populate(store)
    out = tmp_path / "纺织.xlsx"
    assert reg.export_registry(store, out, query=repo.SearchQuery(sector="纺织")) == 1
    _, rows = sheet_rows(out)
    assert [r[1] for r in rows] == ["江阴纺织有限公司"]


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_round_trip_into_the_same_registry_changes_nothing(store, tmp_path):
    populate(store)
    out = tmp_path / "台账.xlsx"
    reg.export_registry(store, out)
    plan = imp.read_workbook(out, store)
    assert [r.errors for r in plan.rows if r.errors] == []
    assert (plan.inserts, plan.updates, plan.unchanged) == (0, 0, 4)


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_round_trip_into_an_empty_registry_recreates_every_field(store, tmp_path):
    ents = populate(store)
    out = tmp_path / "台账.xlsx"
    reg.export_registry(store, out)

    other = open_memory(device="T2")
    for i, name in enumerate(VILLAGES):
        township.save_village(other, township.Village(name=name, sort=i))
    plan = imp.read_workbook(out, other)
    assert [r.errors for r in plan.rows if r.errors] == []
    report = imp.apply_plan(other, plan)
    assert report.inserted == 4

    village_names = lambda s: {v.id: v.name for v in township.list_villages(s)}
    src_v, dst_v = village_names(store), village_names(other)
    for key in ("landlord", "tenant", "shop", "textile"):
        src = repo.get(store, ents[key].id)
        hits = repo.search_ids(other, repo.SearchQuery(text=src.name))
        dst = repo.get(other, hits[0])
        a, b = asdict(src), asdict(dst)
        for f in ("id", "village_id", "landlord_id"):
            a.pop(f), b.pop(f)
        assert a == b, key
        assert src_v.get(src.village_id) == dst_v.get(dst.village_id)
        assert repo.name_of(store, src.landlord_id) == repo.name_of(other, dst.landlord_id)
    other.close()


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_full_disk_leaves_no_half_file(store, tmp_path, monkeypatch):
    populate(store)
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"previous ledger")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reg.os, "fsync", no_space)
    with pytest.raises(reg.ExportError) as err:
        reg.export_registry(store, out)
    assert "磁盘空间不足" in str(err.value)
    assert out.read_bytes() == b"previous ledger"
    assert not (tmp_path / "台账.xlsx.part").exists()


def test_missing_folder_is_explained(store, tmp_path):
    populate(store)
    with pytest.raises(reg.ExportError) as err:
        reg.export_registry(store, tmp_path / "没有这个文件夹" / "台账.xlsx")
    assert "不存在" in str(err.value)
