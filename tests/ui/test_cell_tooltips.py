"""Cut-off cells show their whole text on hover (issue 10): the list models answer ToolTipRole
with the full text in the registry, the findings list, Today and the document register."""

import pytest
from PySide6.QtCore import Qt

from inspector_app.storage import documents
from inspector_app.ui.documents.list_model import DocumentListModel
from inspector_app.ui.findings.list_widget import FindingsWidget
from inspector_app.ui.registry import RegistryWidget

TIP, SHOW = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole


def cells_with_text(model, rows=20):
    for r in range(min(model.rowCount(), rows)):
        for c in range(model.columnCount()):
            idx = model.index(r, c)
            text = model.data(idx, SHOW)
            if text not in (None, ""):
                yield idx, str(text)


@pytest.mark.calendar
def test_registry_cells_including_risk_tags(qtbot, demo_db):
    w = RegistryWidget(demo_db)
    qtbot.addWidget(w)
    seen = list(cells_with_text(w.model))
    assert seen
    for idx, text in seen:
        assert str(w.model.data(idx, TIP)) == text
    tags = [c for c in range(w.model.columnCount())
            if "risk" in str(w.model.headerData(c, Qt.Orientation.Horizontal, SHOW)).lower()]
    assert tags and any(w.model.data(w.model.index(r, tags[0]), TIP) for r in range(w.model.rowCount()))


LONG = "配电箱未设置漏电保护装置且箱门无锁，箱内线路凌乱、裸露接头多处，距可燃物不足一米，存在触电和火灾危险"


def add_finding_and_order(db):
    from inspector_app.core import clock
    from inspector_app.storage import findings, township

    e = db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1").fetchone()[0]
    today = clock.today().isoformat()
    fid = findings.create_finding(db, enterprise_id=e, inspection_id=None, item_key="", description=LONG,
                                  category="物", grade="一般", deadline=today, found_on=today)
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(db)][:2]
    documents.issue_document(db, kind="rectification_order", enterprise_id=e, issued_at=today,
                             content={"officers": officers, "items": [{"description": LONG, "deadline": today,
                                                                          "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    return fid


@pytest.mark.calendar
def test_findings_cells(qtbot, demo_db):
    add_finding_and_order(demo_db)
    w = FindingsWidget(demo_db)
    qtbot.addWidget(w)
    seen = list(cells_with_text(w.model))
    assert seen
    for idx, text in seen:
        tip = w.model.data(idx, TIP)
        assert tip and text in tip  # the description's tooltip adds the location


@pytest.mark.calendar
def test_document_register_cells(demo_db):
    add_finding_and_order(demo_db)
    model = DocumentListModel()
    model.set_entries(documents.register(demo_db))
    seen = list(cells_with_text(model))
    assert seen
    for idx, text in seen:
        if text != "未送达":
            assert text in model.data(idx, TIP)
