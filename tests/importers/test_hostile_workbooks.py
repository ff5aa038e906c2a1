"""Hostile and broken workbooks are refused with a Chinese message naming the file, before
openpyxl parses them where a limit applies, in bounded memory (tracemalloc), writing nothing."""

from __future__ import annotations

import tracemalloc
import zipfile

import openpyxl
import pytest

from inspector_app.importers import enterprise_xlsx as imp
from inspector_app.importers import limits
from inspector_app.storage import enterprises as repo
from inspector_app.storage import township
from tests.importers import hostile_xlsx as hx

MB = 1024 * 1024


@pytest.fixture
def villages(store):
    return township.save_village(store, township.Village(name="璜土村")).id


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fails the test if openpyxl is asked to open the workbook: the refusal must come first."""
    calls = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: calls.append(a) or pytest.fail("parsed"))
    return calls


def refused(store, path, match: str, *, budget_mb: float) -> str:
    """Import ``path``; it must raise ImportFileError matching ``match`` within ``budget_mb`` of
    Python memory and with nothing written. Returns the message."""
    changes = store.conn.total_changes
    tracemalloc.start()
    try:
        with pytest.raises(imp.ImportFileError, match=match) as err:
            imp.read_workbook(path, store)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < budget_mb * MB, f"peak {peak / MB:.1f} MB"
    assert store.conn.total_changes == changes
    assert repo.search_ids(store) == []
    message = str(err.value)
    assert path.name in message
    return message


def test_a_minimal_generated_workbook_imports(store, villages, tmp_path):
    plan = imp.read_workbook(hx.workbook(tmp_path / "ok.xlsx"), store)  # the helpers are sound
    assert [r.action for r in plan.rows] == ["insert"] * 3


# -- shared strings ------------------------------------------------------------------------------

def test_shared_strings_bomb_is_refused_before_parsing(store, tmp_path, no_openpyxl):
    # Ten million identical entries: 170 MB of XML in a zip of a few hundred KB.
    path = hx.workbook(tmp_path / "bomb.xlsx", shared=hx.shared_strings_stream(10_000_000))
    assert path.stat().st_size < 2 * MB
    message = refused(store, path, "超出导入上限|压缩", budget_mb=8)
    assert "未导入任何数据" in message


def test_declared_shared_string_count_past_the_limit_is_refused_at_once(store, tmp_path, no_openpyxl):
    shared = hx.shared_strings_xml(["a", "b"], count=limits.MAX_SHARED_STRINGS * 20)
    refused(store, hx.workbook(tmp_path / "claims.xlsx", shared=shared), "共享字符串表", budget_mb=4)


def test_a_lying_count_is_caught_by_counting(store, tmp_path, no_openpyxl, monkeypatch):
    # Distinct strings (so the zip ratio is ordinary) declared as one: the streaming count stops
    # just past the limit without building the strings openpyxl would keep in memory. (A lower
    # limit keeps the test quick; the count is the same code at any limit.)
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 60_000)
    n = limits.MAX_SHARED_STRINGS + 40_000
    path = hx.workbook(tmp_path / "lying.xlsx", shared=hx.shared_strings_stream(n, count=1, distinct=True))
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/sharedStrings.xml")
        assert info.file_size < limits.MAX_SHARED_STRINGS_BYTES
        assert info.file_size < limits.MAX_RATIO * info.compress_size
    refused(store, path, "上限60000条", budget_mb=4)


def test_a_shared_string_table_that_is_not_xml_is_refused(store, tmp_path, no_openpyxl):
    path = hx.workbook(tmp_path / "junk.xlsx", shared=b"<sst><si><t>unclosed")
    refused(store, path, "共享字符串表已损坏", budget_mb=4)


# -- zip bombs and sizes ---------------------------------------------------------------------

def test_a_sheet_that_inflates_past_the_part_limit_is_refused(store, tmp_path, no_openpyxl):
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>0</t></is></c></row>'
    size = limits.MAX_MEMBER_BYTES + 8 * MB
    sheet = hx.repeated(hx.SHEET_HEAD + b"<sheetData>", row, size, b"</sheetData></worksheet>")
    path = hx.workbook(tmp_path / "zipbomb.xlsx", sheet=sheet, level=1)
    assert path.stat().st_size < limits.MAX_FILE_BYTES
    refused(store, path, "超出导入上限|压缩比异常", budget_mb=4)


def test_a_sheet_with_a_bomb_ratio_is_refused(store, tmp_path, no_openpyxl):
    sheet = hx.repeated(hx.SHEET_HEAD + b"<sheetData>", b"<row/>", 40 * MB, b"</sheetData></worksheet>")
    path = hx.workbook(tmp_path / "ratio.xlsx", sheet=sheet)
    refused(store, path, "压缩比异常", budget_mb=4)


def test_a_file_past_the_size_limit_is_not_read(store, tmp_path, no_openpyxl):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: big on paper, nothing to read
    refused(store, path, "超出导入上限", budget_mb=2)


def test_too_many_parts_are_refused(store, tmp_path, no_openpyxl, monkeypatch):
    monkeypatch.setattr(limits, "MAX_MEMBERS", 10)
    parts = {f"xl/media/image{i}.png": b"x" for i in range(20)}
    path = hx.write_parts(tmp_path / "parts.xlsx", {"xl/workbook.xml": hx.WORKBOOK, **parts})
    refused(store, path, "部件", budget_mb=2)


# -- broken parts, caught mid-parse ------------------------------------------------------------

def test_a_truncated_sheet_xml_is_a_chinese_error_not_a_traceback(store, villages, tmp_path):
    whole = hx.good_sheet(300)
    path = hx.workbook(tmp_path / "half.xlsx", sheet=whole[: len(whole) // 2])
    refused(store, path, "已损坏或不完整", budget_mb=16)


def test_a_sheet_cut_after_its_dimension_fails_at_the_row_it_reached(store, villages, tmp_path):
    # With a dimension openpyxl opens the sheet without reading it: the error comes mid-iteration.
    whole = hx.sheet_xml([hx.inline_row(1, hx.HEADERS)] + [hx.enterprise_row(i) for i in range(300)],
                         dimension="A1:D301")
    path = hx.workbook(tmp_path / "half.xlsx", sheet=whole[: len(whole) // 2])
    message = refused(store, path, "已损坏或不完整", budget_mb=16)
    assert "行附近" in message


def test_a_cut_off_download_is_refused(store, tmp_path):
    good = hx.workbook(tmp_path / "good.xlsx", sheet=hx.good_sheet(500))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(store, cut, "已损坏", budget_mb=4)


def test_corrupted_compressed_data_is_refused(store, villages, tmp_path):
    src = hx.workbook(tmp_path / "src.xlsx", sheet=hx.good_sheet(2000))
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + info.compress_size // 2, start + info.compress_size // 2 + 64):
        data[i] ^= 0x5A  # flip bytes in the middle of the deflate stream
    bad = tmp_path / "flipped.xlsx"
    bad.write_bytes(bytes(data))
    refused(store, bad, "已损坏", budget_mb=16)


def test_a_missing_shared_string_is_refused(store, villages, tmp_path):
    sheet = hx.sheet_xml([hx.inline_row(1, hx.HEADERS),
                          b'<row r="2"><c r="A2" t="s"><v>999999</v></c></row>'])
    refused(store, hx.workbook(tmp_path / "dangling.xlsx", sheet=sheet), "已损坏", budget_mb=4)


def test_an_entity_expansion_sheet_is_refused(store, villages, tmp_path):
    lol = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)) + b"]>"
    sheet = (b'<?xml version="1.0"?>' + lol + b'<worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t>'
             b"</is></c></row></sheetData></worksheet>")
    # expat stops the expansion (its amplification limit engages after 8 MB): bounded, refused.
    refused(store, hx.workbook(tmp_path / "laughs.xlsx", sheet=sheet), "已损坏", budget_mb=64)


def test_a_broken_workbook_part_is_refused(store, tmp_path):
    src = hx.workbook(tmp_path / "src.xlsx")
    bad = hx.replace_member(src, tmp_path / "nowb.xlsx", "xl/workbook.xml", b"<workbook><sheets>")
    refused(store, bad, "已损坏", budget_mb=4)


# -- rows and columns ----------------------------------------------------------------------

def test_a_declared_dimension_past_the_row_limit_is_refused_before_rows_are_read(store, tmp_path):
    rows = [hx.inline_row(1, hx.HEADERS)]
    sheet = hx.sheet_xml(rows, dimension=f"A1:D{limits.MAX_ROWS * 4}")
    refused(store, hx.workbook(tmp_path / "tall.xlsx", sheet=sheet), f"上限{limits.MAX_ROWS}行", budget_mb=4)


def test_rows_are_counted_when_the_dimension_is_absent(store, villages, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    refused(store, hx.workbook(tmp_path / "long.xlsx", sheet=hx.good_sheet(300)), "上限100行", budget_mb=16)


def test_a_cell_at_the_last_column_does_not_widen_every_row(store, villages, tmp_path):
    far = b'<c r="XFD%d" t="inlineStr"><is><t>far</t></is></c>'
    rows = [hx.inline_row(1, hx.HEADERS)]
    for i in range(50):
        r = i + 2
        rows.append(hx.enterprise_row(i)[:-6] + far % r + b"</row>")
    plan = imp.read_workbook(hx.workbook(tmp_path / "wide.xlsx", sheet=hx.sheet_xml(rows)), store)
    assert len(plan.rows) == 50 and all(r.action == "insert" for r in plan.rows)
    assert max(len(r.cells) for r in plan.rows) <= limits.MAX_COLUMNS


# -- the real thing stays well inside -------------------------------------------------------

def test_an_ordinary_county_list_is_far_from_every_limit(store, villages, tmp_path):
    path = hx.workbook(tmp_path / "county.xlsx", sheet=hx.good_sheet(2000),
                       shared=hx.shared_strings_xml([f"s{i}" for i in range(5000)]))
    with zipfile.ZipFile(path) as zf:
        facts = limits.check_archive(path, zf)
    assert facts.shared_strings == 5000
    assert facts.uncompressed < limits.MAX_UNCOMPRESSED_BYTES / 100
    assert len(imp.read_workbook(path, store).rows) == 2000
