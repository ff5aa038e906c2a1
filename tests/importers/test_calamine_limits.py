"""The .xls / .et / .ods read through python-calamine sit behind the same limits as an .xlsx:
the file size before calamine opens it, the zip of an .ods before it is parsed, and the row and
column limits on the rows it gives (importers/workbook.py, importers/readers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.importers import limits, readers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "county"


@pytest.fixture
def no_calamine(monkeypatch):
    monkeypatch.setattr(readers, "open_book", lambda *a, **k: pytest.fail("calamine opened the file"))


@pytest.mark.parametrize("name", ["county_list.xls", "county_list.ods"])
def test_a_file_past_the_size_limit_never_reaches_calamine(store, tmp_path, monkeypatch, no_calamine, name):
    path = Path(shutil.copy(FIXTURES / name, tmp_path / name))
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(imp.ImportFileError, match="上限") as err:
        imp.read_workbook(path, store)
    assert name in str(err.value)


def test_an_ods_zip_is_checked_before_calamine_parses_it(store, tmp_path, monkeypatch, no_calamine):
    path = Path(shutil.copy(FIXTURES / "county_list.ods", tmp_path / "c.ods"))
    monkeypatch.setattr(limits, "MAX_MEMBERS", 1)
    with pytest.raises(imp.ImportFileError, match="部件"):
        imp.read_workbook(path, store)


@pytest.mark.parametrize("name", ["county_list.xls", "county_list.ods"])
def test_the_row_limit_holds_for_calamine_rows(store, monkeypatch, name):
    # The fixture has 7 rows (title, blank, header, 4 firms); the limit allows MAX_ROWS + 10.
    monkeypatch.setattr(limits, "MAX_ROWS", -4)
    with pytest.raises(imp.ImportFileError, match="行以上"):
        imp.read_workbook(FIXTURES / name, store)


@pytest.mark.parametrize("name", ["county_list.xls", "county_list.ods"])
def test_the_column_limit_holds_for_calamine_rows(store, monkeypatch, name):
    monkeypatch.setattr(limits, "MAX_COLUMNS", 4)  # 序号, 企业名称, 统一社会信用代码, 地址
    plan = imp.read_workbook(FIXTURES / name, store)
    assert set(plan.mapping.values()) == {"name", "uscc", "address"}  # 村/社区 and the rest are cut
    assert all(len(r.cells) <= 4 for r in plan.rows)
