"""Today's document and draft sections show their dates and titles whole at 1366×768 (each kind of
section has its own column widths, not the findings' ones)."""

import pytest

from inspector_app.core import clock
from inspector_app.storage import documents, inspections, township
from inspector_app.ui.today.widget import TodayWidget

# Today's lists, deadlines and quarters move with the date: rerun on the pinned awkward days.
pytestmark = pytest.mark.calendar


def test_dates_and_titles_of_documents_and_drafts_are_not_cut(qtbot, demo_db):
    ent = demo_db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1").fetchone()[0]
    officers = township.list_officers(demo_db)[:2]
    documents.issue_document(  # issued, not served
        demo_db, kind="rectification_order", enterprise_id=ent, issued_at=clock.today().isoformat(),
        content={"officers": [{"name": o.name, "cert_no": o.cert_no} for o in officers],
                 "items": [{"description": "消防通道堵塞", "deadline": clock.today().isoformat(),
                            "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    inspections.start_inspection(demo_db, enterprise_id=ent, officer_ids=[o.id for o in officers])
    page = TodayWidget(demo_db)
    qtbot.addWidget(page)
    page.resize(1366 - 170, 768 - 60)  # the main window's content area at 1366×768
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    checked = 0
    for key in ("unserved_documents", "drafts"):
        view, model = page.views[key], page.models[key]
        assert model.rowCount() > 0, key
        metrics = view.fontMetrics()
        for row in range(model.rowCount()):
            for col in range(model.columnCount() - 1):  # the last column stretches
                text = model.index(row, col).data()
                need = metrics.horizontalAdvance(str(text)) + 8  # the cell's margins
                assert view.horizontalHeader().sectionSize(col) >= need, (key, col, text)
                checked += 1
    assert checked
