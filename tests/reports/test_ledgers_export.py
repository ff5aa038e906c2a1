"""The quarter's export on a demo quarter: the workbook read back with openpyxl matches the
ledgers, the PDFs' text is extracted and checked, both are byte-for-byte reproducible, and
LibreOffice converts the workbook where it is installed."""

import io
import shutil
import subprocess
from datetime import date, datetime

import pytest

from inspector_app.core import clock
from inspector_app.core.ledgers.ledgers import LEDGERS
from inspector_app.core.ledgers.rules import mask_id
from inspector_app.demo import generate, load_demo
from inspector_app.reports import ledgers_pdf, ledgers_xlsx
from inspector_app.storage import ledgers as L
from inspector_app.storage import open_memory

TODAY = date(2027, 1, 20)
Q = "2026Q4"


@pytest.fixture(scope="module")
def demo():
    store = open_memory()
    with clock.pinned(TODAY):
        load_demo(store, generate(seed=11, enterprises=200), history=True, ledgers=True)
        # an officer's text that looks like a formula must stay text
        L.save(store, L.Activity(on_date="2026-11-11", kind="其他", title="=HYPERLINK(\"http://x\",\"点我\")",
                                 participants=3, content="+1 -2 @3"))
        snap = L.export_snapshot(store, Q)
    yield store, snap
    store.close()


@pytest.fixture(scope="module")
def workbook(demo):
    from openpyxl import load_workbook

    _store, snap = demo
    data = ledgers_xlsx.workbook_bytes(snap)
    return data, load_workbook(io.BytesIO(data))


def expected(kind, value, *, unmask=False):
    v = ledgers_xlsx.cell_value(kind, value, unmask=unmask)
    if isinstance(v, date) and not isinstance(v, datetime):
        return datetime.combine(v, datetime.min.time())   # openpyxl reads dates back as datetimes
    return v


def test_every_ledger_has_content_in_the_demo(demo):
    _store, snap = demo
    empty = [spec.key for spec in LEDGERS if not snap["ledgers"][spec.key]]
    assert empty == []


def test_one_sheet_per_ledger_plus_the_summary(workbook):
    _data, wb = workbook
    assert wb.sheetnames == ["汇总"] + [ledgers_xlsx.sheet_name(s) for s in LEDGERS]


@pytest.mark.parametrize("spec", LEDGERS, ids=lambda s: s.key)
def test_sheet_rows_match_the_ledger(workbook, demo, spec):
    _data, wb = workbook
    _store, snap = demo
    rows = snap["ledgers"][spec.key]
    ws = wb[ledgers_xlsx.sheet_name(spec)]
    assert snap["township"] in ws["A1"].value and spec.title in ws["A1"].value
    assert [c.value for c in ws[3]] == [c.header for c in spec.columns]
    body = list(ws.iter_rows(min_row=4, max_row=3 + len(rows)))
    assert len(body) == len(rows)
    for cells, row in zip(body, rows):
        for cell, col in zip(cells, spec.columns):
            assert cell.value == expected(col.kind, row.get(col.key)), (spec.key, col.key)
            if col.kind == "date" and cell.value is not None:
                assert cell.number_format == "yyyy-mm-dd"
            if col.kind in ("code", "id_no") and cell.value is not None:
                assert cell.number_format == "@" and isinstance(cell.value, str)
    if spec.has_totals:
        last = [c.value for c in ws[4 + len(rows)]]
        assert last[0] == "合计"
        totals = ledgers_xlsx.totals(spec, rows)
        for col, value in zip(spec.columns, last):
            if col.key in totals:
                assert value == totals[col.key], col.key
        assert ws.max_row == 4 + len(rows)
    else:
        assert ws.max_row == 3 + len(rows)


def test_print_setup_and_frozen_header(workbook):
    _data, wb = workbook
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A4"
        assert ws.print_title_rows == "$3:$3"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text
        assert ws.column_dimensions["B"].width > 5


def test_summary_sheet_holds_the_figures_and_comparisons(workbook, demo):
    _data, wb = workbook
    _store, snap = demo
    ws = wb["汇总"]
    assert [c.value for c in ws[3]][:6] == ["指标", "2026年第四季度", "2026年第三季度", "环比", "2025年第四季度", "同比"]
    by_label = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True) if r and r[0]}
    for key, label, _kind in L.FIGURES:
        row = by_label[label]
        assert row[1] == snap["figures"][key]
        assert row[2] == snap["comparison"]["previous"][key]
        assert row[3] == L.change_text(snap["figures"][key], snap["comparison"]["previous"][key])
    assert by_label["合计"][1] == sum(v["enterprises"] for v in snap["figures"]["by_village"])


def test_formula_like_text_is_stored_as_text(workbook):
    _data, wb = workbook
    ws = wb[ledgers_xlsx.sheet_name(next(s for s in LEDGERS if s.key == "activities"))]
    cells = [c for row in ws.iter_rows(min_row=4) for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert cells and all(c.data_type == "s" for c in cells)
    assert any(c.value.startswith("=HYPERLINK") for c in cells)


def test_id_numbers_masked_unless_asked(demo):
    from openpyxl import load_workbook

    _store, snap = demo
    person = next(r for r in snap["ledgers"]["people"] if r["id_no"])
    people = next(s for s in LEDGERS if s.key == "people")
    col = [c.key for c in people.columns].index("id_no") + 1
    masked = load_workbook(io.BytesIO(ledgers_xlsx.workbook_bytes(snap)))[ledgers_xlsx.sheet_name(people)]
    full = load_workbook(io.BytesIO(ledgers_xlsx.workbook_bytes(snap, unmask=True)))[ledgers_xlsx.sheet_name(people)]
    values = {masked.cell(r, col).value for r in range(4, masked.max_row + 1)}
    assert mask_id(person["id_no"]) in values and person["id_no"] not in values
    assert person["id_no"] in {full.cell(r, col).value for r in range(4, full.max_row + 1)}
    text = _pdf_text(ledgers_pdf.ledgers_pdf_bytes(snap))
    assert person["id_no"] not in text and mask_id(person["id_no"]) in text


def test_workbook_and_pdf_are_reproducible(demo, workbook):
    _store, snap = demo
    data, _wb = workbook
    assert ledgers_xlsx.workbook_bytes(snap) == data
    assert ledgers_pdf.ledgers_pdf_bytes(snap) == ledgers_pdf.ledgers_pdf_bytes(snap)
    assert ledgers_pdf.figures_pdf_bytes(snap) == ledgers_pdf.figures_pdf_bytes(snap)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _pages(data: bytes):
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_ledgers_pdf_text(demo):
    _store, snap = demo
    data = ledgers_pdf.ledgers_pdf_bytes(snap)
    pages = _pages(data)
    n = len(pages)
    assert n > 5
    assert "璜土镇2026年第四季度安全生产基本工作台账" in pages[0].replace(" ", "")
    for i, text in enumerate(pages, 1):
        flat = text.replace(" ", "")
        assert f"第{i}页共{n}页" in flat
        assert "璜土镇2026年第四季度" in flat   # the running header
    whole = "\n".join(pages).replace(" ", "")
    for spec in LEDGERS:
        assert spec.title in whole
    # the enterprise ledger spans pages: its header row is repeated on each of them
    codes = [r["uscc"] for r in snap["ledgers"]["enterprises"] if r["uscc"]]
    ent_pages = [p for p in pages if any(c in p for c in codes)]
    assert len(ent_pages) > 2 and all("统一社会信用代码" in p for p in ent_pages)
    assert "负责人（签字）" in pages[-1].replace(" ", "")
    rec_no = snap["ledgers"]["inspections"][0]["record_no"]
    assert rec_no.replace(" ", "") in whole


def test_figures_pdf_is_one_page_with_the_figures(demo):
    _store, snap = demo
    data = ledgers_pdf.figures_pdf_bytes(snap)
    pages = _pages(data)
    assert len(pages) == 1
    flat = pages[0].replace(" ", "").replace("\n", "")
    assert "璜土镇2026年第四季度安全生产工作统计" in flat
    assert "主要指标对比" in flat and "各村（社区）隐患情况" in flat
    assert f"检查次数（次）{snap['figures']['inspections']}" in flat


def test_atomic_write_leaves_no_part_file(demo, tmp_path):
    _store, snap = demo
    out = tmp_path / "q.xlsx"
    ledgers_xlsx.write_ledgers_xlsx(snap, out)
    ledgers_pdf.write_ledgers_pdf(snap, tmp_path / "q.pdf")
    assert out.stat().st_size > 0 and sorted(p.name for p in tmp_path.iterdir()) == ["q.pdf", "q.xlsx"]
    with pytest.raises(ledgers_xlsx.ExportError, match="不存在"):
        ledgers_xlsx.write_ledgers_xlsx(snap, tmp_path / "missing" / "q.xlsx")


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui")
def test_libreoffice_converts_the_workbook(demo, tmp_path):
    _store, snap = demo
    src = tmp_path / "ledgers.xlsx"
    ledgers_xlsx.write_ledgers_xlsx(snap, src)
    run = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                          "pdf", "--outdir", str(tmp_path), str(src)], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / "ledgers.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert "璜土镇" in _pdf_text(pdf.read_bytes()).replace(" ", "")
