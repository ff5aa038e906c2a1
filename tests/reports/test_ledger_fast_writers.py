"""The fast paths of the quarter's export: the workbook's data rows written into the sheet XML
keep openpyxl's cell styles (dates formatted, formula-like text quote-prefixed, the totals row
right after the data), and the PDF's grid table wraps Chinese text and splits between rows with
its header on every part."""

import io
from datetime import datetime

from openpyxl import load_workbook

from inspector_app.core.ledgers.ledgers import spec
from inspector_app.reports import ledgers_xlsx
from inspector_app.reports.fonts import body_font
from inspector_app.reports.pdf_grid import GridTable, Measure


def snapshot(rows):
    return {"township": "璜土镇", "label": "2026年第四季度", "previous_label": "2026年第三季度",
            "last_year_label": "2025年第四季度", "as_of": "2026-12-31", "status": "open",
            "made_at": "2027-01-20T09:00:00", "figures": {"by_village": []},
            "comparison": {"previous": {}, "last_year": {}}, "ledgers": {"activities": rows}}


def test_activity_rows_styles_and_totals():
    rows = [{"no": i, "date": f"2026-11-{i:02d}", "kind": "其他", "title": t, "audience": " 企业 ",
             "participants": i * 10, "hours": 1.5, "content": "A & B <c>", "place": "", "organiser": "镇安监办",
             "photos": 0} for i, t in enumerate(["=SUM(A1)", "普通标题", "+86 电话"], 1)]
    data = ledgers_xlsx.workbook_bytes(snapshot(rows), ledgers=(spec("activities"),))
    ws = load_workbook(io.BytesIO(data))[ledgers_xlsx.sheet_name(spec("activities"))]
    body = list(ws.iter_rows(min_row=4, max_row=6))
    assert [r[3].value for r in body] == ["=SUM(A1)", "普通标题", "+86 电话"]
    assert [r[3].quotePrefix for r in body] == [True, False, True]
    assert all(r[3].data_type == "s" for r in body)
    assert body[0][1].value == datetime(2026, 11, 1) and body[0][1].number_format == "yyyy-mm-dd"
    assert body[0][4].value == " 企业 " and body[0][7].value == "A & B <c>" and body[0][8].value is None
    assert body[2][5].value == 30 and body[2][6].value == 1.5
    assert body[0][1].border.left.style == "thin"
    total = [c.value for c in ws[7]]
    assert total[0] == "合计" and total[5] == 60 and total[6] == 4.5
    assert ws.max_row == 7


def test_the_empty_ledger_keeps_its_totals_row_under_the_header():
    data = ledgers_xlsx.workbook_bytes(snapshot([]), ledgers=(spec("activities"),))
    ws = load_workbook(io.BytesIO(data))[ledgers_xlsx.sheet_name(spec("activities"))]
    assert ws.max_row == 4 and ws.cell(4, 1).value == "合计"


def test_grid_wraps_and_splits_with_the_header_each_time():
    font = body_font()
    m = Measure(font, 7.5)
    long = "江阴市璜土镇" * 12
    lines = m.lines(long, 60)
    assert "".join(lines) == long and len(lines) > 3 and all(m.width(x) <= 60 for x in lines)
    rows = [[str(i), long if i % 7 == 0 else "短"] for i in range(200)]
    table = GridTable(["序号", "单位名称"], rows, [40, 80], font=font, size=7.5, leading=9.4, pad_h=2, pad_v=1.5,
                      totals=True)
    parts, rest = [], table
    while True:
        got = rest.split(120, 300)
        if len(got) == 1:
            parts.append(got[0])
            break
        first, rest = got
        assert first.height <= 300 and not first.totals
        parts.append(first)
    assert sum(len(p.rows) for p in parts) == 200 and parts[-1].totals
    assert all(p.header == ["序号", "单位名称"] and p.head_h == table.head_h for p in parts)
