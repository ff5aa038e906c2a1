"""The Today page: its buckets, opening findings, and starting a re-inspection from it."""

from datetime import timedelta

import pytest

from inspector_app.core import clock
from inspector_app.storage import documents, findings, township
from inspector_app.ui.findings.dossier import FindingDialog
from inspector_app.ui.findings.reinspection import ReinspectionDialog
from inspector_app.ui.today.model import SECTIONS, TodayModel
from inspector_app.ui.today.widget import TodayWidget
from tests.fixtures.ui_hands import click, drive, patch_modals

T = clock.today()


def day(n: int) -> str:
    return (T + timedelta(days=n)).isoformat()


@pytest.fixture
def db(demo_db):
    return demo_db


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    return patch_modals(monkeypatch)


def new(s, ent, desc, *, found, due, grade="一般"):
    return findings.create_finding(
        s, enterprise_id=ent, inspection_id=None, item_key="", description=desc, category="物", grade=grade,
        major_ref="应急管理部令第10号 第十一条第（三）项" if grade == "重大" else "",
        deadline=day(due), found_on=day(found))


@pytest.fixture
def week(db):
    """One finding per Today bucket, plus a sibling under the same order and one that is fine."""
    e = [r[0] for r in db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 5")]
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(db)][:2]
    ids = {
        "due": new(db, e[0], "消防通道堵塞", found=-20, due=-5),        # window ends in 5 days
        "sibling": new(db, e[0], "配电箱未上锁", found=-20, due=-5),
        "late_reinsp": new(db, e[1], "安全警示标志缺失", found=-30, due=-12),
        "late_rect": new(db, e[2], "冲床防护罩缺失", found=-10, due=-3),
        "listed": new(db, e[3], "干式除尘系统未采取泄爆措施", grade="重大", found=-60, due=30),
        "fine": new(db, e[4], "灭火器过期", found=-1, due=20),
    }
    doc = documents.issue_document(
        db, kind="rectification_order", enterprise_id=e[0], issued_at=day(-20),
        content={"officers": officers, "items": [{"description": "消防通道堵塞", "deadline": day(-5), "legal_basis": "《中华人民共和国安全生产法》第四十一条"},
                                                 {"description": "配电箱未上锁", "deadline": day(-5), "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    findings.order_rectification(db, [ids["due"], ids["sibling"]], document_id=doc["id"])
    documents.record_service(db, doc["id"], served_at=day(-20), served_how="直接送达")
    findings.mark_rectified(db, ids["late_reinsp"], on=day(-12))
    # The listing's deadline falls this week (Monday–Sunday) whatever weekday the suite runs on.
    sunday = clock.week_bounds(T)[1].isoformat()
    findings.list_for_supervision(db, ids["listed"], body="江阴市安委办", listed_on=day(-50), deadline=sunday)
    return ids


def bucket(w, key):
    return [r["id"] for r in w.models[key].rows]


@pytest.mark.calendar
def test_model_passes_qt_model_checks(qtmodeltester, db, week):
    view = findings.today_view(db, today=T)
    model = TodayModel("reinspections_due")
    model.set_rows(view["reinspections_due"], T)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


@pytest.mark.calendar
def test_buckets(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    assert set(bucket(w, "reinspections_due")) == {week["due"], week["sibling"]}
    assert bucket(w, "overdue_reinspections") == [week["late_reinsp"]]
    # due/sibling are overdue for rectification too, but shown once: under their re-inspection
    assert bucket(w, "overdue_rectifications") == [week["late_rect"]]
    assert bucket(w, "listings") == [week["listed"]]
    assert week["fine"] not in {i for key, *_ in SECTIONS for i in bucket(w, key)}
    m = w.models["reinspections_due"]
    late_col = [c[0] for c in m.COLUMNS].index("late")
    assert m.data(m.index(0, late_col)) == "in 5 day(s)"  # due by deadline + 10-day window
    assert "+" not in w.boxes["listings"].title() and "（1）" in w.boxes["listings"].title()
    assert "5 finding(s)" in w.summary.text()  # findings, not rows
    assert w.empty_labels["listings"].isHidden() and not w.views["listings"].isHidden()


def shown_page(qtbot, db):
    """The page shown, with its deferred sections (drafts, unserved documents) filled: they come
    one event-loop turn after it is first shown."""
    w = TodayWidget(db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.loaded)
    return w


@pytest.mark.calendar
def test_empty_sections_say_so(qtbot, db):
    w = shown_page(qtbot, db)
    for key, *_ in SECTIONS:
        assert not w.empty_labels[key].isHidden() and w.views[key].isHidden()
    assert "nothing is due" in w.summary.text()


def select(w, key, finding_ids):
    from PySide6.QtCore import QItemSelectionModel

    view, model = w.views[key], w.models[key]
    flags = QItemSelectionModel.SelectionFlag
    view.clearSelection()
    for i, r in enumerate(model.rows):
        if r["id"] in finding_ids:
            view.selectionModel().select(model.index(i, 0), flags.Select | flags.Rows)


@pytest.mark.calendar
def test_rows_open_the_finding_and_the_page_follows_changes(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    w.show()
    select(w, "overdue_rectifications", [week["late_rect"]])
    click(qtbot, w.findChild(type(w.refresh_button), "open_overdue_rectifications"))
    assert isinstance(w.finding_dialog, FindingDialog) and w.finding_dialog.finding_id == week["late_rect"]
    w.finding_dialog.close()
    findings.mark_rectified(db, week["late_rect"], on=day(0))  # changed without an operation
    w.hide()
    w.show()
    assert week["late_rect"] in bucket(w, "overdue_rectifications")  # showing alone does not reload
    click(qtbot, w.refresh_button)
    assert week["late_rect"] not in bucket(w, "overdue_rectifications")


@pytest.mark.calendar
def test_a_new_day_refreshes_when_shown(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    w.show()
    w.hide()
    with clock.pinned(T + timedelta(days=40)):
        w.show()
        assert w.today == T + timedelta(days=40)


@pytest.mark.calendar
def test_start_reinspection_covers_the_whole_order(qtbot, db, week, shown, monkeypatch):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    seen = {}

    def reinspect(dlg):
        assert isinstance(dlg, ReinspectionDialog)
        assert [f["id"] for f in dlg.findings] == [week["due"], week["sibling"]]  # one opinion per order
        dlg.set_result(1, "未整改", note="仍未上锁", new_deadline=day(14))
        assert "第1项已整改完毕" in dlg.opinion.toPlainText() and "第2项未整改到位" in dlg.opinion.toPlainText()
        click(qtbot, dlg.ok_button)
        seen["document"] = dlg.document

    drive(monkeypatch, ReinspectionDialog, reinspect)
    select(w, "reinspections_due", [week["due"]])
    click(qtbot, w.findChild(type(w.refresh_button), "reinspect_reinspections_due"))
    doc = seen["document"]
    assert doc["doc_no"].startswith("（澄）应急复查〔")
    assert findings.get_finding(db, week["due"])["state"] == "closed"  # passed and closed (销号) on request
    assert findings.get_finding(db, week["sibling"])["state"] == "rectifying"  # new deadline, opinion served
    assert findings.get_finding(db, week["sibling"])["deadline"] == day(14)
    assert shown[-1][0].endswith(doc["doc_no"])
    assert bucket(w, "reinspections_due") == []  # the new deadline is beyond this week: the page followed


@pytest.mark.calendar
def test_reinspection_errors_stay_in_the_dialog(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    dlg = w.reinspection_dialog([week["due"]])
    qtbot.addWidget(dlg)
    dlg.date.setDate(dlg.date.date().addDays(-60))  # before the order was issued
    click(qtbot, dlg.ok_button)
    assert dlg.isVisible() and "不能早于原文书" in dlg.error.text() and dlg.document is None
    assert findings.get_finding(db, week["due"])["state"] == "rectifying"


@pytest.mark.calendar
def test_reinspection_of_a_finding_never_ordered(qtbot, db, week):
    findings.mark_rectified(db, week["fine"], on=day(0))
    w = TodayWidget(db)
    qtbot.addWidget(w)
    dlg = w.reinspection_dialog([week["fine"]])
    qtbot.addWidget(dlg)
    assert dlg.order is None and not dlg.opinion.isEnabled()
    click(qtbot, dlg.ok_button)
    assert dlg.document == {} and not dlg.isVisible()
    assert findings.get_finding(db, week["fine"])["state"] == "closed"
    assert db.conn.execute("SELECT count(*) FROM document WHERE kind = 'reinspection_opinion'").fetchone()[0] == 0


@pytest.mark.calendar
def test_reinspect_without_selection_says_so(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    click(qtbot, w.findChild(type(w.refresh_button), "reinspect_reinspections_due"))
    assert "Select" in w.message.text()
    with pytest.raises(ValueError, match="不同企业"):
        w.reinspection_dialog([week["due"], week["late_reinsp"]])


@pytest.mark.calendar
def test_each_finding_once_and_headings_count_findings(qtbot, db, week):
    w = TodayWidget(db)
    qtbot.addWidget(w)
    finding_keys = [s.key for s in SECTIONS if s.kind == "finding"]
    shown = [i for key in finding_keys for i in bucket(w, key)]
    assert len(shown) == len(set(shown)) == 5
    assert w.boxes["reinspections_due"].title().endswith("（2）")
    assert w.boxes["overdue_rectifications"].title().endswith("（1）")


@pytest.mark.calendar
def test_each_section_says_which_date_it_shows(qtbot, db, week):
    from PySide6.QtCore import Qt

    w = TodayWidget(db)
    qtbot.addWidget(w)
    headers = {}
    for s in SECTIONS:
        m = w.models[s.key]
        col = [c[0] for c in m.COLUMNS].index("when")
        headers[s.key] = m.headerData(col, Qt.Orientation.Horizontal)
    assert headers["reinspections_due"] == "Re-inspect by"
    assert headers["overdue_rectifications"] == "Rectify by"
    assert headers["listings"] == "Listing deadline"
    assert headers["unserved_documents"] == "Issued"
    assert "+ 10 days" in w.notes["reinspections_due"].text()
    assert not w.notes["reinspections_due"].isHidden()


@pytest.mark.calendar
def test_this_week_is_monday_to_sunday(qtbot, db):
    from datetime import date

    e = db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1").fetchone()[0]
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(db)][:2]
    with clock.pinned(date(2026, 3, 11)):  # a Wednesday
        ids = [findings.create_finding(
            db, enterprise_id=e, inspection_id=None, item_key="", description=desc, category="物",
            grade="一般", deadline=deadline, found_on="2026-03-01")
            for desc, deadline in (("周日到期", "2026-03-15"), ("下周一到期", "2026-03-16"))]
        doc = documents.issue_document(
            db, kind="rectification_order", enterprise_id=e, issued_at="2026-03-02",
            content={"officers": officers, "items": [{"description": "周日到期", "deadline": "2026-03-15", "legal_basis": "《中华人民共和国安全生产法》第四十一条"},
                                                     {"description": "下周一到期", "deadline": "2026-03-16", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
        findings.order_rectification(db, ids, document_id=doc["id"])
        w = TodayWidget(db)
        qtbot.addWidget(w)
        due = bucket(w, "reinspections_due")
    # re-inspection can start on the deadline: Sunday's is this week, next Monday's is not
    # (today + 7 days would have taken it)
    assert ids[0] in due and ids[1] not in due


@pytest.mark.calendar
def test_unserved_documents_and_drafts_are_listed(qtbot, db, week):
    from inspector_app.storage import inspections

    e = db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1 OFFSET 6").fetchone()[0]
    officers = township.list_officers(db)[:2]
    doc = documents.issue_document(
        db, kind="rectification_order", enterprise_id=e, issued_at=day(-2),
        content={"officers": [{"name": o.name, "cert_no": o.cert_no} for o in officers],
                 "items": [{"description": "安全出口锁闭", "deadline": day(10), "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    draft = inspections.start_inspection(db, enterprise_id=e, officer_ids=[o.id for o in officers])
    w = TodayWidget(db)
    qtbot.addWidget(w)
    # Off the start-up path: the slower sections are not there before the page is shown ...
    assert not w.loaded and not w.boxes["drafts"].isVisibleTo(w) and w.models["drafts"].rows == []
    w.show()
    qtbot.waitUntil(lambda: w.loaded)  # ... and are one event-loop turn after
    assert doc["id"] in bucket(w, "unserved_documents")
    assert week["due"] not in bucket(w, "unserved_documents")  # served at issue
    draft_id = draft if isinstance(draft, str) else draft.id
    assert draft_id in bucket(w, "drafts")
    m = w.models["unserved_documents"]
    late = [c[0] for c in m.COLUMNS].index("late")
    row = [r["id"] for r in m.rows].index(doc["id"])
    assert m.data(m.index(row, late)) == "2 day(s)"
    assert "document(s) to serve" in w.summary.text() and "unfinished inspection" in w.summary.text()


@pytest.mark.calendar
def test_cells_show_their_full_text_on_hover(qtbot, db, week):
    from PySide6.QtCore import Qt

    w = TodayWidget(db)
    qtbot.addWidget(w)
    m = w.models["overdue_rectifications"]
    for c in range(m.columnCount()):
        idx = m.index(0, c)
        assert m.data(idx, Qt.ItemDataRole.ToolTipRole) == m.data(idx, Qt.ItemDataRole.DisplayRole)



def test_a_page_whose_store_closed_before_its_deferred_fill_stays_quiet(qtbot, tmp_path):
    # Today fills its slower sections one event-loop turn after its first paint; a window that
    # outlives its store (the app quitting, a test's teardown) must not query the closed file.
    from inspector_app.storage import open_db
    from inspector_app.core.township import Officer, TownshipSetup
    from inspector_app.storage import township

    s = open_db(tmp_path / "t.sqlite", create=True)
    township.apply_setup(s, TownshipSetup(township="周庄镇", device_code="A1", villages=["华宏村"],
                                          officers=[Officer(name="张三", cert_no="32000001"),
                                                    Officer(name="李四", cert_no="32000002")]))
    w = TodayWidget(s)
    qtbot.addWidget(w)
    s.close()
    w.show()  # the fallback timer (300 ms) and the first paint both ask for the deferred fill
    qtbot.wait(450)
    assert not w.loaded
