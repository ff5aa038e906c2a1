"""Data in exported workbooks stays data: no formula or error value from a name, no export
aborted by a control character. Read back with openpyxl, and through LibreOffice when installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as OPENPYXL_ILLEGAL
from openpyxl.styles import Font, NamedStyle

from inspector_app.core.enterprise import Enterprise
from inspector_app.reports import xlsx_safe
from inspector_app.reports.quarter_listing_xlsx import QUARTER_COLUMNS, write_quarter_listing_xlsx
from inspector_app.reports.registry_xlsx import HEADER_ROW, export_registry
from inspector_app.storage import enterprises as repo
from tests.fixtures.make_xlsx import code

ROOT = Path(__file__).resolve().parent.parent.parent

HOSTILE = [
    '=HYPERLINK("http://evil.example/","点我领补贴")',
    "=1+1",
    "+86 139 0000 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "#N/A",
    "#REF!",
]
CONTROL = "江阴\x00市\x07控制\x1b字符\x1f机械厂\ufffe"
CONTROL_CLEAN = "江阴市控制字符机械厂"


def test_our_illegal_characters_cover_openpyxls():
    for i in range(0x10000):
        ch = chr(i)
        if OPENPYXL_ILLEGAL.match(ch):
            assert xlsx_safe.ILLEGAL_CHARACTERS_RE.match(ch), hex(i)
    for ok in ("\t", "\n", "\r", "中", "é", " "):
        assert not xlsx_safe.ILLEGAL_CHARACTERS_RE.match(ok)


@pytest.mark.parametrize("write_only", [False, True])
def test_put_keeps_text_literal_in_both_workbook_modes(tmp_path, write_only):
    values = HOSTILE + [CONTROL, "plain text", 42, 3.5, None]
    path = tmp_path / "cells.xlsx"
    wb = Workbook(write_only=write_only)
    if write_only:
        ws = wb.create_sheet("s")
        wb.add_named_style(NamedStyle("body", font=Font(name="宋体")))
        cell = WriteOnlyCell(ws)
        cell.style = "body"
        for v in values:  # one reused cell, as the ledger export does
            xlsx_safe.put(cell, v)
            ws.append([cell])
    else:
        ws = wb.active
        for i, v in enumerate(values, 1):
            xlsx_safe.put(ws.cell(i, 1), v)
    wb.save(path)

    cells = [row[0] for row in load_workbook(path).active.iter_rows()]
    expect = [v for v in values if v is not None]
    got = [c.value for c in cells if c.value is not None]
    assert got == [CONTROL_CLEAN if v == CONTROL else v for v in expect]
    for c in cells:
        if isinstance(c.value, str):
            assert c.data_type == "s"  # never "f" (formula) nor "e" (error)
            assert c.quotePrefix == c.value.startswith(("=", "+", "-", "@"))
    assert not cells[HOSTILE.index("#N/A") + 1].quotePrefix  # the reused cell's prefix was cleared


def _hostile_registry(store):
    store.set_setting("township", "=璜土镇")
    names = HOSTILE + [CONTROL]
    for i, name in enumerate(names):
        repo.save(store, Enterprise(name=name, uscc=code(i + 1), address="=A1\x0b路", notes="@备注\x01"))
    return names


@pytest.mark.calendar
def test_registry_export_writes_hostile_names_as_text(store, tmp_path):
    names = _hostile_registry(store)
    out = tmp_path / "ledger.xlsx"
    assert export_registry(store, out) == len(names)  # the control characters abort nothing
    ws = load_workbook(out).active
    assert ws["A1"].value == "=璜土镇辖区企业基本情况台账" and ws["A1"].data_type == "s"
    got = {}
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for c in row:
            assert c.data_type != "f", (c.coordinate, c.value)
        got[row[1].value] = (row[3].value, row[24].value)
    expected = {CONTROL_CLEAN if n == CONTROL else n for n in names}
    assert set(got) == expected
    assert set(got.values()) == {("=A1路", "@备注")}
    assert all(c.quotePrefix for c in ws["B"][HEADER_ROW:] if c.value.startswith(("=", "+", "-", "@")))


@pytest.mark.calendar
def test_quarter_listing_writes_hostile_values_as_text(tmp_path):
    rows = [{key: HOSTILE[i % len(HOSTILE)] for i, (key, _t, _w) in enumerate(QUARTER_COLUMNS)}]
    rows.append({"enterprise_name": CONTROL, "description": "=cmd|' /C calc'!A0"})
    out = tmp_path / "quarter.xlsx"
    assert write_quarter_listing_xlsx(rows, out, title="=季度清单\x07") == 2
    ws = load_workbook(out).active
    assert ws["A1"].value == "=季度清单"
    values = [c for row in ws.iter_rows(min_row=3) for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in values)
    assert {c.value for c in values} >= {CONTROL_CLEAN, "=cmd|' /C calc'!A0", *HOSTILE}


def test_every_xlsx_writer_goes_through_xlsx_safe():
    """A new writer (reports or importers) that builds a Workbook must put data through put()."""
    writers = []
    for folder in ("reports", "importers"):
        for path in sorted((ROOT / "inspector_app" / folder).glob("*.py")):
            text = path.read_text(encoding="utf-8")
            if re.search(r"\bWorkbook\(", text):
                writers.append(path.name)
                assert "xlsx_safe" in text, f"{folder}/{path.name} writes cells without reports.xlsx_safe"
    assert {"registry_xlsx.py", "quarter_listing_xlsx.py", "error_report.py"} <= set(writers)


@pytest.mark.calendar
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_the_names_as_text(store, tmp_path):
    names = _hostile_registry(store)
    out = tmp_path / "ledger.xlsx"
    export_registry(store, out)
    profile = tmp_path / "lo-profile"
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180)
    csv_text = (tmp_path / "ledger.csv").read_text(encoding="utf-8")
    assert run.returncode == 0, run.stderr
    for name in names:
        shown = CONTROL_CLEAN if name == CONTROL else name
        assert shown.replace('"', '""') in csv_text  # as typed, not evaluated ("=1+1", not "2")
    assert ",2," not in csv_text
