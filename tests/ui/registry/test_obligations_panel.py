"""The obligations page: each duty with its clause and status, the applicable checklists."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from inspector_app.core.obligations import derive_obligations
from inspector_app.storage import enterprises
from inspector_app.ui.operations import Change, changes
from inspector_app.ui.registry.obligations_panel import ObligationsModel, ObligationsPage

LEFT = Qt.MouseButton.LeftButton  # tests click the real buttons, as an officer would


@pytest.fixture
def store(demo_db):
    return demo_db


def _enterprise_with(store, predicate):
    for (eid,) in store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name"):
        ent = enterprises.get(store, eid)
        if predicate(ent, derive_obligations(ent)):
            return ent
    # The demo township is generated from a fixed seed: a missing kind is a broken fixture, not a skip.
    pytest.fail("no demo enterprise of that kind")


def _column(model, col, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


@pytest.mark.calendar
def test_page_lists_each_obligation_with_its_clause(qtbot, qtmodeltester, store):
    ent = _enterprise_with(store, lambda e, obs: "粉尘涉爆" in e.risk_tags)
    page = ObligationsPage(store, ent.id)
    qtbot.addWidget(page)
    obligations = derive_obligations(ent)
    duties = [o for o in obligations if o.form_id is None]
    checklists = [o for o in obligations if o.form_id is not None]
    qtmodeltester.check(page.duties)
    qtmodeltester.check(page.checklists)

    assert page.duties.rowCount() == len(duties) > 0
    assert _column(page.duties, 1) == [o.title for o in duties]
    clauses = _column(page.duties, 3)
    for o, text in zip(duties, clauses):
        assert text.startswith(o.clause)
        assert text.endswith("[K]") == o.unverified
    assert _column(page.duties, 2) == [o.detail for o in duties]
    assert ent.name in page.title.text()

    # The dust checklist applies, with its legal basis (第十一条).
    titles = _column(page.checklists, 1)
    assert page.checklists.rowCount() == len(checklists)
    dust = titles.index("存在粉尘爆炸危险的工贸企业重大事故隐患检查表")
    assert "第十一条" in _column(page.checklists, 3)[dust]
    assert "粉尘涉爆" in _column(page.checklists, 2)[dust]
    # the count in brackets (full-width in the Chinese catalogue, ASCII in the English source)
    count = re.search(r"[（(](\d+)[）)]", page.checklists_label.text())
    assert count and int(count.group(1)) == len(checklists) > 0, page.checklists_label.text()


@pytest.mark.calendar
def test_status_is_text_and_colour(qtbot, store):
    # The demo township has no firm with both a met and a violated duty, so make one: a dust firm
    # of 120 with a full-time manager (met) and no safety director (violated).
    ent = _enterprise_with(store, lambda e, obs: True)
    ent.employees, ent.risk_tags = 120, [*ent.risk_tags, "粉尘涉爆"]
    ent.full_time_managers, ent.part_time_managers, ent.safety_director_appointed = 1, 0, False
    enterprises.save(store, ent)
    ent = enterprises.get(store, ent.id)
    obs = derive_obligations(ent)
    assert any(o.satisfied is False for o in obs) and any(o.satisfied is True for o in obs)
    page = ObligationsPage(store, ent.id)
    qtbot.addWidget(page)
    duties = [o for o in derive_obligations(ent) if o.form_id is None]
    statuses = _column(page.duties, 0)
    expected = {"met": "Satisfied", "violated": "Not satisfied", "unknown": "Unknown: registry field empty",
                "historical": "Historical target"}
    assert statuses == [expected[o.status] for o in duties]
    colours = {s: b.color().name() for s, b in zip(statuses, _column(page.duties, 0, Qt.ItemDataRole.ForegroundRole))}
    assert colours["Satisfied"] != colours["Not satisfied"]
    icons = _column(page.duties, 0, Qt.ItemDataRole.DecorationRole)
    assert all(not i.isNull() for i in icons)
    n_ok = sum(1 for o in duties if o.status == "met")
    assert page.summary.text().startswith(f"{n_ok} satisfied")


@pytest.mark.calendar
def test_unverified_clauses_are_marked(qtbot, store):
    ent = _enterprise_with(store, lambda e, obs: any(o.unverified for o in obs))
    page = ObligationsPage(store, ent.id)
    qtbot.addWidget(page)
    models = (page.duties, page.checklists)
    marked = [(m, r) for m in models for r in range(m.rowCount()) if m.rows[r].unverified]
    assert marked
    for m, r in marked:
        assert m.data(m.index(r, 3)).endswith("[K]")
        assert "from memory" in m.data(m.index(r, 3), Qt.ItemDataRole.ToolTipRole)
    assert not page.legend.isHidden()


@pytest.mark.calendar
def test_start_button_asks_for_an_inspection(qtbot, store):
    ent = _enterprise_with(store, lambda e, obs: True)
    page = ObligationsPage(store, ent.id)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.inspection_requested) as blocker:
        qtbot.mouseClick(page.start_button, LEFT)
    assert blocker.args == [ent.id]


@pytest.mark.calendar
def test_reload_follows_the_profile(qtbot, store):
    ent = _enterprise_with(store, lambda e, obs: "粉尘涉爆" not in e.risk_tags)
    page = ObligationsPage(store, ent.id)
    qtbot.addWidget(page)
    assert "存在粉尘爆炸危险的工贸企业重大事故隐患检查表" not in _column(page.checklists, 1)
    ent.risk_tags = [*ent.risk_tags, "粉尘涉爆"]
    enterprises.save(store, ent)
    changes().announce({Change.ENTERPRISE})  # what saving the dossier announces
    page.show()
    assert "存在粉尘爆炸危险的工贸企业重大事故隐患检查表" in _column(page.checklists, 1)


def test_model_without_rows(qtmodeltester):
    model = ObligationsModel([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
