"""The findings list, one finding's dialog and the quarter's listed major findings (pytest-qt)."""

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from inspector_app.core import clock
from inspector_app.core import findings as rules
from inspector_app.storage import documents, findings, township
from inspector_app.ui.findings.dossier import FindingDialog
from inspector_app.ui.findings.enterprise_page import EnterpriseFindingsPage
from inspector_app.ui.findings.events import EventsModel
from inspector_app.ui.findings.list_model import BLOCK, FindingFilter, FindingsModel, states_of
from inspector_app.ui.findings.list_widget import FindingsWidget
from inspector_app.ui.findings.quarter import QuarterListingDialog, QuarterListingModel
from inspector_app.ui.widgets.date_note import DateNoteDialog
from inspector_app.ui.widgets.dates import to_qdate
from tests.fixtures.ui_hands import click, drive, patch_modals

T = clock.today()
REF = "应急管理部令第10号 第十一条第（三）项"



def show_all(w):
    """Every state in deadline order (the list opens on open findings, most overdue first:
    see test_the_list_opens_on_open_findings_most_overdue_first)."""
    from PySide6.QtCore import Qt

    w.state.setCurrentIndex(w.state.findData(""))
    w.view.sortByColumn(w.model.column_of("deadline"), Qt.SortOrder.AscendingOrder)


def day(n: int) -> str:
    return (T + timedelta(days=n)).isoformat()


@pytest.fixture
def db(demo_db):
    return demo_db


@pytest.fixture(autouse=True)
def no_modals(monkeypatch):
    return patch_modals(monkeypatch)


def enterprises(s, n=6):
    return [r[0] for r in s.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT ?", [n])]


def officers(s):
    return [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(s)][:2]


def new(s, ent, desc="冲床防护罩缺失", *, grade="一般", found=-20, due=-5):
    return findings.create_finding(
        s, enterprise_id=ent, inspection_id=None, item_key="", description=desc, category="物", grade=grade,
        major_ref=REF if grade == "重大" else "", legal_basis="《中华人民共和国安全生产法》第三十六条",
        deadline=day(due), found_on=day(found))


def order(s, ent, fids, *, issued=-40, deadline=-15, served=None):
    doc = documents.issue_document(
        s, kind="rectification_order", enterprise_id=ent, issued_at=day(issued),
        content={"officers": officers(s), "items": [{"description": "问题", "deadline": day(deadline), "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    findings.order_rectification(s, fids, document_id=doc["id"], deadlines={f: day(deadline) for f in fids})
    if served is not None:
        documents.record_service(s, doc["id"], served_at=day(served), served_how="直接送达")
    return doc


@pytest.fixture
def ledger(db):
    """One finding per situation the list has to tell apart."""
    e = enterprises(db)
    ids = {
        "late_rect": new(db, e[0], "冲床防护罩缺失", due=-5),
        "late_both": new(db, e[1], "消防通道堵塞", found=-40, due=-15),
        "late_reinsp": new(db, e[2], "配电箱未上锁", found=-30, due=-11),
        "major": new(db, e[3], "干式除尘系统未采取泄爆措施", grade="重大", found=-3, due=20),
        "closed": new(db, e[4], "安全警示标志缺失", found=-30, due=-20),
        "fresh": new(db, e[0], "灭火器过期", found=-1, due=10),
    }
    order(db, e[1], [ids["late_both"]], served=-39)
    findings.mark_rectified(db, ids["late_reinsp"], on=day(-12))
    findings.mark_rectified(db, ids["closed"], on=day(-25))
    findings.record_reinspection(db, ids["closed"], passed=True, on=day(-24))
    findings.close_finding(db, ids["closed"], on=day(-24))
    return ids


def model_ids(model):
    return [model.id_at(r) for r in range(model.rowCount())]


# ------------------------------------------------------------------------------------------
# models

@pytest.mark.calendar
def test_models_pass_qt_model_checks(qtmodeltester, db, ledger):
    model = FindingsModel(db)
    model.set_filter(FindingFilter())
    assert model.rowCount() == len(ledger)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)

    events = EventsModel()
    events.set_rows(findings.events(db, ledger["closed"]))
    assert events.rowCount() == 4
    qtmodeltester.check(events)

    findings.list_for_supervision(db, ledger["major"], body="江阴市安委办", listed_on=day(0), deadline=day(60))
    quarter = QuarterListingModel()
    quarter.set_rows(findings.listed_major_for_quarter(db, *rules.quarter_of(T)))
    assert quarter.rowCount() == 1
    qtmodeltester.check(quarter)


# ------------------------------------------------------------------------------------------
# the list

@pytest.mark.parametrize("overdue, expected", [
    ("any", {"late_rect", "late_both", "late_reinsp"}),
    ("rectification", {"late_rect", "late_both"}),
    ("reinspection", {"late_both", "late_reinsp"}),
])
@pytest.mark.calendar
def test_overdue_filters_agree_with_the_core_rules(qtbot, db, ledger, overdue, expected):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    assert w.model.rowCount() == len(ledger)
    w.overdue.setCurrentIndex(w.overdue.findData(overdue))
    shown = set(model_ids(w.model))
    assert shown == {ledger[k] for k in expected}
    window = findings.reinspection_window(db)
    for fid in ledger.values():
        f = findings.get_finding(db, fid)
        rect = rules.is_overdue_rectification(f, T)
        reinsp = rules.is_overdue_reinspection(f, T, window)
        want = {"any": rect or reinsp, "rectification": rect, "reinspection": reinsp}[overdue]
        assert (fid in shown) == want
    assert str(len(expected)) in w.count_label.text()


@pytest.mark.calendar
def test_overdue_rows_show_days_and_colour(qtbot, db, ledger):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    col = [c[0] for c in w.model.COLUMNS].index("days_overdue")
    row = w.model.row_of(ledger["late_rect"])
    assert w.model.data(w.model.index(row, col)) == 5
    assert w.model.data(w.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    row = w.model.row_of(ledger["late_reinsp"])  # re-inspection owed since 12 days − 10 window
    assert "+2" in w.model.data(w.model.index(row, col))
    assert w.model.data(w.model.index(w.model.row_of(ledger["fresh"]), col)) == ""
    state_col = [c[0] for c in w.model.COLUMNS].index("state")
    assert w.model.data(w.model.index(w.model.row_of(ledger["closed"]), state_col)) == "已销号"
    qtbot.waitUntil(lambda: "overdue" in w.count_label.text() or "逾期" in w.count_label.text())


@pytest.mark.calendar
def test_major_state_village_enterprise_and_text_filters(qtbot, db, ledger):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    w.grade.setCurrentIndex(w.grade.findData(True))
    assert model_ids(w.model) == [ledger["major"]]
    w.grade.setCurrentIndex(w.grade.findData(False))
    assert ledger["major"] not in model_ids(w.model) and w.model.rowCount() == len(ledger) - 1
    w.grade.setCurrentIndex(0)

    w.state.setCurrentIndex(w.state.findData("closed"))
    assert model_ids(w.model) == [ledger["closed"]]
    w.state.setCurrentIndex(1)  # not closed
    assert ledger["closed"] not in model_ids(w.model) and w.model.rowCount() == len(ledger) - 1
    w.state.setCurrentIndex(0)

    target = findings.get_finding(db, ledger["late_rect"])
    w.village.setCurrentIndex(w.village.findData(target["village_id"]))
    assert ledger["late_rect"] in model_ids(w.model)
    assert all(findings.get_finding(db, i)["village_id"] == target["village_id"] for i in model_ids(w.model))
    w.village.setCurrentIndex(0)

    w.set_enterprise(target["enterprise_id"])
    assert set(model_ids(w.model)) == {ledger["late_rect"], ledger["fresh"]}
    assert w.enterprise_button.text() == target["enterprise_name"]
    w.set_enterprise(None)
    assert w.model.rowCount() == len(ledger)

    for ch in "泄爆":  # QTest cannot type CJK; insert as an IME would
        w.search.insert(ch)
    qtbot.waitUntil(lambda: w.model.rowCount() == 1)
    assert model_ids(w.model) == [ledger["major"]]


@pytest.mark.calendar
def test_header_sort_runs_in_sql(qtbot, db, ledger):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    deadlines = [findings.get_finding(db, i)["deadline"] for i in model_ids(w.model)]
    assert len(set(deadlines)) > 1, deadlines  # an order to see: several different deadlines
    assert deadlines == sorted(deadlines)  # default: earliest deadline first
    w.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    keys = [db.conn.execute("SELECT e.py_full FROM finding f JOIN enterprise e ON e.id = f.enterprise_id "
                            "WHERE f.id = ?", [i]).fetchone()[0] for i in model_ids(w.model)]
    assert keys == sorted(keys)
    col = [c[0] for c in w.model.COLUMNS].index("days_overdue")
    w.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert model_ids(w.model)[0] == ledger["late_both"]  # 15 days late
    w.overdue.setCurrentIndex(w.overdue.findData("rectification"))  # filter keeps the order
    assert model_ids(w.model) == [ledger["late_both"], ledger["late_rect"]]


@pytest.fixture
def many(db, ledger):
    """The ledger and 150 more findings, so the list has several pages (blocks)."""
    e = enterprises(db, 12)
    with db.write():  # one transaction
        extra = [new(db, e[i % 12], f"安全警示标志缺失{i}", found=-60, due=(i % 50) - 30) for i in range(150)]
    return {**ledger, "extra": extra}


@pytest.mark.calendar
def test_the_list_pages_beyond_the_first_block(qtbot, qtmodeltester, db, many):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    total = len(many) - 1 + len(many["extra"])
    assert total > 2 * BLOCK and w.model.rowCount() == total
    assert len(w.model._blocks) == 1  # only the first page was read
    today = dict(today=T, window_days=findings.reinspection_window(db))
    assert model_ids(w.model) == findings.query_finding_ids(db, **today)
    late = findings.count_findings(db, overdue=True, **today)
    assert re.findall(r"\d+", w.count_label.text()) == [str(total)]  # the list first…
    qtbot.waitUntil(lambda: re.findall(r"\d+", w.count_label.text()) == [str(total), str(late)])  # …then the count
    last = many["extra"][-1]
    row = w.model.row_of(last)
    assert row > BLOCK and w.model.id_at(row) == last
    fresh = FindingsModel(db)  # row_of before the page is loaded: the numbering query
    fresh.set_filter(FindingFilter())
    assert fresh.row_of(last) == row and fresh.row_of("nope") == -1
    w.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # enterprise, walking the enterprises
    assert model_ids(w.model) == findings.query_finding_ids(db, order_by="enterprise", descending=True, **today)
    qtmodeltester.check(w.model)


@pytest.mark.calendar
def test_a_new_filter_or_order_shows_the_top_a_refresh_keeps_the_place(qtbot, db, many):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    qtbot.waitExposed(w)
    bar = w.view.verticalScrollBar()

    def go_deep():
        w.view.setCurrentIndex(w.model.index(w.model.rowCount() - 1, 0))
        w.view.scrollToBottom()
        assert bar.value() > 0

    go_deep()
    w.grade.setCurrentIndex(w.grade.findData(False))
    assert bar.value() == 0
    go_deep()
    w.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert bar.value() == 0
    go_deep()
    w.refresh()
    assert bar.value() > 0 and w.view.currentIndex().row() == w.model.rowCount() - 1


@pytest.mark.calendar
def test_refresh_keeps_the_selection(qtbot, db, many):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    deep = many["extra"][-1]
    rows = [w.model.row_of(many["fresh"]), w.model.row_of(deep)]
    flags = QItemSelectionModel.SelectionFlag
    for row in rows:
        w.view.selectionModel().select(w.model.index(row, 0), flags.Select | flags.Rows)
    w.view.selectionModel().setCurrentIndex(w.model.index(rows[1], 2), flags.NoUpdate)
    assert set(w.selected_ids()) == {many["fresh"], deep}
    findings.mark_rectified(db, many["fresh"], on=day(0))
    w.refresh()
    assert set(w.selected_ids()) == {many["fresh"], deep}
    assert w.model.id_at(w.view.currentIndex().row()) == deep and w.view.currentIndex().column() == 2
    w.overdue.setCurrentIndex(w.overdue.findData("rectification"))  # a finding filtered out stays out
    w.view.selectionModel().select(w.model.index(0, 0), flags.ClearAndSelect | flags.Rows)
    kept = w.model.id_at(0)
    findings.mark_rectified(db, kept, on=day(0))
    w.refresh()
    assert kept not in model_ids(w.model) and w.selected_ids() == []


@pytest.mark.calendar
def test_set_filter_shows_it_in_the_controls(qtbot, db, ledger):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    target = findings.get_finding(db, ledger["major"])
    w.set_filter(FindingFilter(state=states_of("open"), overdue="", major=True, enterprise_id=target["enterprise_id"],
                               text="泄爆", order_by="days_overdue", descending=True))
    assert model_ids(w.model) == [ledger["major"]]
    assert (w.state.currentData(), w.grade.currentData(), w.search.text()) == ("open", True, "泄爆")
    assert w.enterprise_button.text() == target["enterprise_name"]
    header = w.view.horizontalHeader()
    assert header.sortIndicatorSection() == 6 and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    w.set_filter(FindingFilter(overdue="reinspection"))
    assert set(model_ids(w.model)) == {ledger["late_both"], ledger["late_reinsp"]}
    assert w.model.filter.order_by == "deadline" and w.enterprise_id is None


@pytest.mark.calendar
def test_enterprise_findings_page(qtbot, db, ledger):
    ent = findings.get_finding(db, ledger["late_rect"])["enterprise_id"]
    page = EnterpriseFindingsPage(db, ent)
    qtbot.addWidget(page)
    assert set(model_ids(page.model)) == {ledger["late_rect"], ledger["fresh"]}
    page.view.selectRow(page.model.row_of(ledger["fresh"]))
    click(qtbot, page.open_button)
    assert page.finding_dialog.finding_id == ledger["fresh"]
    page.finding_dialog.close()


@pytest.fixture
def answer(qtbot, monkeypatch):
    """``answer(value, note)``: the next date-and-note dialog is filled and its OK clicked."""
    from PySide6.QtWidgets import QDialogButtonBox

    def set_answer(value, note=""):
        def driver(dlg):
            dlg.date.setDate(to_qdate(value))
            dlg.note.setText(note)
            click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Ok))

        drive(monkeypatch, DateNoteDialog, driver)

    return set_answer


@pytest.mark.calendar
def test_double_click_opens_the_finding_and_changes_refresh_the_list(qtbot, db, ledger, answer):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    row = w.model.row_of(ledger["fresh"])
    w.view.activated.emit(w.model.index(row, 2))
    dlg = w.finding_dialog
    assert isinstance(dlg, FindingDialog) and dlg.finding_id == ledger["fresh"]
    answer(day(0), "已更换灭火器")
    click(qtbot, dlg.rectified_button)
    state_col = [c[0] for c in w.model.COLUMNS].index("state")
    assert w.model.data(w.model.index(w.model.row_of(ledger["fresh"]), state_col)) == "已整改待复查"
    assert dlg.status_label.text().count("已整改待复查") == 1 and not dlg.rectified_button.isEnabled()
    dlg.close()


@pytest.mark.calendar
def test_open_without_a_selection_says_so(qtbot, db, ledger):
    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    click(qtbot, w.open_button)
    assert "Select a finding" in w.message.text()
    click(qtbot, w.reinspect_button)
    assert "请选择需要复查的隐患" in w.message.text()


# ------------------------------------------------------------------------------------------
# the finding's dialog

@pytest.mark.calendar
def test_actions_follow_the_state(qtbot, db, ledger):
    dlg = FindingDialog(db, ledger["fresh"])
    qtbot.addWidget(dlg)
    assert dlg.order_button.isEnabled() and dlg.rectified_button.isEnabled()
    assert not dlg.reinspect_button.isEnabled() and not dlg.close_button.isEnabled()
    assert not dlg.tabs.isTabVisible(dlg.five_tab)  # 五到位 only for major findings

    both = FindingDialog(db, ledger["late_both"])
    qtbot.addWidget(both)
    assert not both.order_button.isEnabled() and both.reinspect_button.isEnabled()
    assert both.events_model.rowCount() == 3  # registered, ordered, served
    doc_col = [c[0] for c in EventsModel.COLUMNS].index("document")
    assert both.events_model.data(both.events_model.index(1, doc_col)).startswith("（澄）应急责改〔")
    assert both.documents_model.rowCount() == 1
    assert both.documents_model.entries[0]["doc_no"].startswith("（澄）应急责改〔")

    closed = FindingDialog(db, ledger["closed"])
    qtbot.addWidget(closed)
    assert not any(b.isEnabled() for b in (closed.order_button, closed.measures_button, closed.rectified_button,
                                            closed.reinspect_button, closed.close_button))


@pytest.mark.calendar
def test_five_in_place_messages_next_to_the_fields(qtbot, db, ledger):
    dlg = FindingDialog(db, ledger["major"])
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.tabs.isTabVisible(dlg.five_tab)
    dlg.tabs.setCurrentWidget(dlg.five_page)
    five = dlg.five_page
    assert five.messages["five_measures"].isVisible()  # missing, required before closure
    five.fields["five_measures"].setPlainText("加装泄爆片，停用除尘器直至改造完成")
    five.fields["five_funds"].setText("一万")
    click(qtbot, five.save_button)
    assert "数字" in five.messages["five_funds"].text() and five.messages["five_funds"].isVisible()
    assert findings.get_finding(db, ledger["major"])["five_measures"] == ""  # nothing saved
    five.fields["five_funds"].clear()
    qtbot.keyClicks(five.fields["five_funds"], "12000")
    five.fields["five_responsible"].setText("设备科 张强")
    five.fields["five_deadline"].set_value(day(20))
    five.fields["five_contingency"].setPlainText("改造期间停止打磨作业，现场配备灭火器材")
    click(qtbot, five.save_button)
    f = findings.get_finding(db, ledger["major"])
    assert rules.five_missing(f) == [] and f["five_funds"] == 12000 and f["five_deadline"] == day(20)
    assert not any(m.isVisible() for m in five.messages.values())
    assert findings.events(db, ledger["major"])[-1]["kind"] == "five"


@pytest.mark.calendar
def test_listing_for_supervision_and_delisting(qtbot, db, ledger):
    dlg = FindingDialog(db, ledger["major"])
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentWidget(dlg.listing_page)
    listing = dlg.listing_page
    listing.fields["listing_body"].setText("江阴市安全生产委员会办公室")
    listing.fields["listed_on"].setDate(to_qdate(day(0)))
    listing.fields["listing_deadline"].setDate(to_qdate(day(-1)))
    click(qtbot, listing.list_button)
    assert "晚于挂牌日期" in listing.messages["listing_deadline"].text()
    assert not findings.get_finding(db, ledger["major"])["listed"]
    listing.fields["listing_deadline"].setDate(to_qdate(day(60)))
    listing.fields["listing_doc_no"].setText("澄安委办〔2026〕3号")
    click(qtbot, listing.list_button)
    f = findings.get_finding(db, ledger["major"])
    assert f["listed"] == 1 and f["listing_deadline"] == day(60)
    assert listing.delist_box.isVisible() and not listing.list_box.isVisible()
    assert not listing.delist_button.isEnabled()  # only after a passed re-inspection


@pytest.mark.calendar
def test_close_of_a_major_finding_needs_five_and_delisting(qtbot, db, ledger, answer):
    fid = ledger["major"]
    findings.mark_rectified(db, fid, on=day(0))
    findings.record_reinspection(db, fid, passed=True, on=day(0))
    findings.list_for_supervision(db, fid, body="江阴市安委办", listed_on=day(-1), deadline=day(30))
    dlg = FindingDialog(db, fid)
    qtbot.addWidget(dlg)
    answer(day(0))
    click(qtbot, dlg.close_button)
    assert "五到位" in dlg.message.text() and dlg.tabs.currentWidget() is dlg.five_page
    findings.set_five(db, fid, measures="加装泄爆片", responsible="张强", funds=0, deadline=day(10),
                      contingency="停用打磨工位")
    dlg.reload()
    click(qtbot, dlg.close_button)
    assert "摘牌" in dlg.message.text()
    dlg.tabs.setCurrentWidget(dlg.listing_page)
    dlg.listing_page.delist_note.setText("复查合格")
    click(qtbot, dlg.listing_page.delist_button)
    assert not findings.get_finding(db, fid)["listed"] and dlg.message.isHidden()
    answer(day(0), "销号")
    click(qtbot, dlg.close_button)
    assert findings.get_finding(db, fid)["state"] == "closed"
    assert not dlg.close_button.isEnabled() and not dlg.five_page.save_button.isEnabled()


@pytest.mark.calendar
def test_rectification_photos(qtbot, db, ledger, tmp_path, monkeypatch):
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "after.jpg"
    Image.new("RGB", (320, 240), (30, 160, 60)).save(path)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a picture")
    picked = [[str(path)], [str(bad)]]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked.pop(0), ""))
    dlg = FindingDialog(db, ledger["fresh"])
    qtbot.addWidget(dlg)
    dlg.tabs.setCurrentIndex(3)
    assert dlg.after_photos.count() == 0
    click(qtbot, dlg.add_photos_button)
    assert dlg.after_photos.count() == 1 and dlg.before_photos.count() == 0
    click(qtbot, dlg.add_photos_button)
    assert dlg.after_photos.count() == 1 and "无法读取该图片" in dlg.message.text()


# ------------------------------------------------------------------------------------------
# quarter listing

@pytest.mark.calendar
def test_quarter_listing_one_click_from_the_list_with_excel_export(qtbot, db, ledger, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    e = enterprises(db, 8)
    a = new(db, e[5], "液氨制冷车间氨直接蒸发制冷", grade="重大", found=-2, due=30)
    b = ledger["major"]
    old = new(db, e[6], "有限空间未设置警示标志", grade="重大", found=-200, due=-150)
    findings.list_for_supervision(db, a, body="江阴市安委办", doc_no="澄安委办〔2026〕4号",
                                  listed_on=day(0), deadline=day(60))
    y, q = rules.quarter_of(T)
    first, _last = rules.quarter_range(y, q)
    # Listed yesterday — but never before this quarter began: on a quarter's first day "yesterday"
    # is the previous quarter, which must hold the old finding only.
    findings.list_for_supervision(db, b, body="江阴市安委办", listed_on=max(day(-1), first.isoformat()),
                                  deadline=day(60))
    findings.list_for_supervision(db, old, body="江阴市安委办", listed_on=day(-199), deadline=day(-190))
    findings.mark_rectified(db, old, on=day(-195))
    findings.record_reinspection(db, old, passed=True, on=day(-194))
    findings.delist(db, old, on=(first - timedelta(days=1)).isoformat())  # de-listed before this quarter

    w = FindingsWidget(db)
    show_all(w)
    qtbot.addWidget(w)
    opened = []
    drive(monkeypatch, QuarterListingDialog, lambda d: None, opened)
    click(qtbot, w.quarter_button)
    dlg = opened[0]
    qtbot.addWidget(dlg)
    assert dlg.period() == (y, q)
    ids = {dlg.model.rows[r]["id"] for r in range(dlg.model.rowCount())}
    assert ids == {a, b}
    assert "2" in dlg.count_label.text()

    out = tmp_path / "quarter.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out)[:-5], ""))
    click(qtbot, dlg.export_button)
    qtbot.waitUntil(lambda: str(out) in dlg.message.text(), timeout=10000)
    ws = load_workbook(out).active
    assert f"{y}年第{q}季度挂牌督办重大事故隐患清单" in ws["A1"].value
    names = {ws.cell(r, 2).value for r in range(3, 5)}
    assert names == {findings.get_finding(db, a)["enterprise_name"], findings.get_finding(db, b)["enterprise_name"]}
    assert ws.cell(5, 2).value in (None, "")

    dlg.quarter.setCurrentIndex((q - 2) % 4)  # the previous quarter (same year or not) holds the old one only
    if q == 1:
        dlg.year.setValue(y - 1)
    assert {dlg.model.rows[r]["id"] for r in range(dlg.model.rowCount())} == {old}


@pytest.mark.calendar
def test_the_list_opens_on_open_findings_most_overdue_first(qtbot, db, ledger):
    from PySide6.QtCore import Qt

    w = FindingsWidget(db)
    qtbot.addWidget(w)
    states = {w.model.data(w.model.index(r, w.model.column_of("state"))) for r in range(w.model.rowCount())}
    assert "已销号" not in states and w.model.rowCount() > 0
    days = [w.model.data(w.model.index(r, w.model.column_of("days_overdue"))) for r in range(w.model.rowCount())]
    import re

    nums = [int(re.search(r"\d+", str(d)).group()) if d and re.search(r"\d+", str(d)) else 0 for d in days]
    assert nums == sorted(nums, reverse=True) and nums[0] > 0
    assert w.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
