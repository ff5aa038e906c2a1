"""Issuing documents from the dialogs, the register (void, correct, service, a day's printing),
an enterprise's documents, and the findings/documents command line."""

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from PySide6.QtWidgets import QDialogButtonBox

from PySide6.QtCore import Qt
from inspector_app import cli
from inspector_app.core import clock
from inspector_app.core import documents as docs
from inspector_app.reports.pdf_documents import render_document
from inspector_app.storage import enterprises, documents, findings, township
from inspector_app.ui.documents.editors import EDITORS, editor_for
from inspector_app.ui.documents.editors.on_site_measure import DEFAULT_ONSITE_BASIS
from inspector_app.ui.documents.enterprise_page import EnterpriseDocumentsPage
from inspector_app.ui.documents.issue_dialog import IssueDocumentDialog
from inspector_app.ui.documents.list_model import DocumentListModel
from inspector_app.ui.documents.print_day import PrintDayDialog
from inspector_app.ui.documents.register import DocumentRegisterWidget
from inspector_app.ui.documents.service import ServiceDialog
from inspector_app.ui.documents.void import VoidDialog
from inspector_app.ui.widgets.dates import to_qdate
from tests.fixtures.ui_hands import click, drive, patch_modals

T = clock.today()
ORDER_NO = re.compile(r"^（澄）应急责改〔\d{4}〕A1-(\d+)号$")


def day(n: int) -> str:
    return (T + timedelta(days=n)).isoformat()


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture
def db(demo_db):
    return demo_db


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    return patch_modals(monkeypatch)


@pytest.fixture
def ent(db):
    return db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1").fetchone()[0]


def new(s, ent, desc, *, found=-3, due=12, grade="一般"):
    return findings.create_finding(
        s, enterprise_id=ent, inspection_id=None, item_key="", description=desc, category="物", grade=grade,
        major_ref="应急管理部令第10号 第十一条第（三）项" if grade == "重大" else "",
        legal_basis="《中华人民共和国安全生产法》第三十六条", deadline=day(due), found_on=day(found))


def issue_order(s, ent, *, desc="冲床防护罩缺失", issued=0, deadline=10):
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(s)][:2]
    return documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at=day(issued),
                                    content={"officers": officers, "items": [{"description": desc,
                                                                              "deadline": day(deadline), "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})


# ------------------------------------------------------------------------------------------
# issuing

@pytest.mark.calendar
def test_issue_order_from_the_dialog_numbers_it_and_orders_the_findings(qtbot, db, ent, shown):
    a = new(db, ent, "冲床防护罩缺失")
    b = new(db, ent, "配电箱未上锁", due=5)
    dlg = IssueDocumentDialog(db, docs.RECTIFICATION_ORDER, enterprise_id=ent, finding_ids=[a, b])
    qtbot.addWidget(dlg)
    promised = dlg.peek_number()
    assert ORDER_NO.match(promised)
    assert dlg.editor.items.rowCount() == 2 and dlg.order_check.isChecked()
    rows = dlg.editor.item_rows()
    assert [r["finding_id"] for r in rows] == [a, b]
    assert rows[1]["deadline"].isoformat() == day(5)  # prefilled from the finding
    dlg.editor.set_item_deadline(1, day(7))  # …and editable per item
    click(qtbot, dlg.issue_button)

    doc = dlg.document
    assert doc["doc_no"] == promised and not dlg.isVisible()
    assert [findings.get_finding(db, i)["state"] for i in (a, b)] == ["ordered", "ordered"]
    assert findings.get_finding(db, b)["deadline"] == day(7)
    assert findings.events(db, a)[-1]["document_id"] == doc["id"]
    title, pdf = shown[-1]
    assert promised in title and pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "责令限期整改指令书" in text and promised in text and "冲床防护罩缺失" in text
    d7 = date.fromisoformat(day(7))
    assert f"{d7.year}年{d7.month}月{d7.day}日前" in text
    # the next dialog promises the next number
    again = IssueDocumentDialog(db, docs.RECTIFICATION_ORDER, enterprise_id=ent)
    qtbot.addWidget(again)
    assert int(ORDER_NO.match(again.peek_number())[1]) == int(ORDER_NO.match(promised)[1]) + 1


@pytest.mark.calendar
def test_errors_stay_in_the_dialog_and_consume_no_number(qtbot, db, ent, shown):
    fid = new(db, ent, "消防通道堵塞")
    dlg = IssueDocumentDialog(db, docs.RECTIFICATION_ORDER, enterprise_id=ent, finding_ids=[fid])
    qtbot.addWidget(dlg)
    promised = dlg.peek_number()
    dlg.officers.set_checked(dlg.officers.checked_ids()[:1])
    click(qtbot, dlg.issue_button)
    assert dlg.document is None and dlg.isVisible() and "两名" in dlg.error.text()
    dlg.officers.set_checked([o.id for o in township.list_officers(db)][:2])
    dlg.editor.set_item_deadline(0, day(-1))  # before the date of issue
    click(qtbot, dlg.issue_button)
    assert dlg.document is None and "早于下达日期" in dlg.error.text()
    assert findings.get_finding(db, fid)["state"] == "registered"
    assert dlg.peek_number() == promised and shown == []
    dlg.editor.set_item_deadline(0, day(3))
    click(qtbot, dlg.issue_button)
    assert dlg.document["doc_no"] == promised and not dlg.isVisible()


@pytest.mark.calendar
def test_failed_order_rolls_the_number_back(qtbot, db, ent, shown):
    fid = new(db, ent, "消防通道堵塞")
    dlg = IssueDocumentDialog(db, docs.RECTIFICATION_ORDER, enterprise_id=ent, finding_ids=[fid])
    qtbot.addWidget(dlg)
    promised = dlg.peek_number()
    findings.mark_rectified(db, fid, on=day(0))  # someone else moved it meanwhile
    click(qtbot, dlg.issue_button)
    assert dlg.document is None and "不能进行" in dlg.error.text()
    assert db.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    assert documents.peek_doc_no(db, docs.RECTIFICATION_ORDER) == promised


@pytest.mark.calendar
def test_order_served_on_the_spot_starts_rectification(qtbot, db, ent, shown):
    fid = new(db, ent, "消防通道堵塞")
    dlg = IssueDocumentDialog(db, docs.RECTIFICATION_ORDER, enterprise_id=ent, finding_ids=[fid])
    qtbot.addWidget(dlg)
    dlg.service_box.setChecked(True)
    click(qtbot, dlg.issue_button)
    assert findings.get_finding(db, fid)["state"] == "rectifying"
    assert dlg.document["served_how"] == "直接送达"


@pytest.mark.calendar
def test_onsite_measures_and_hazard_notice(qtbot, db, ent, shown):
    major = new(db, ent, "干式除尘系统未采取泄爆措施", grade="重大")
    dlg = IssueDocumentDialog(db, docs.ONSITE_MEASURES, enterprise_id=ent, finding_ids=[major])
    qtbot.addWidget(dlg)
    assert not dlg.order_check.isChecked()  # the 责改 with deadlines usually follows
    assert set(dlg.editor.decisions()) == {"责令从危险区域内撤出作业人员", "责令暂时停产停业"}
    dlg.editor.other_text.setText("责令立即停止打磨作业")
    click(qtbot, dlg.editor.other_check)
    assert dlg.editor.scope.isEnabled()  # a suspension carries its scope
    click(qtbot, dlg.issue_button)
    assert dlg.document is None, dlg.document
    assert "范围" in dlg.error.text()
    dlg.editor.scope.setText("打磨车间")  # typed (keyClicks cannot send Chinese)
    click(qtbot, dlg.issue_button)
    doc = dlg.document
    assert doc["doc_no"].startswith("（澄）应急现决〔")
    assert doc["content"]["suspension_scope"] == "打磨车间"
    assert enterprises.get(db, ent).status == "停产整改"  # suspended until a resumption review passes
    # 查封、扣押 is never offered under entrustment (the default), only a note to refer it
    assert all(w != docs.SEIZURE for _b, w in dlg.editor.decision_checks)
    assert dlg.editor.findChild(type(dlg.editor.scope_hint), "seizureNote") is not None
    c = doc["content"]
    assert c["dangers"] == ["干式除尘系统未采取泄爆措施"] and c["legal_basis"] == DEFAULT_ONSITE_BASIS
    assert "责令立即停止打磨作业" in c["decisions"]
    assert findings.get_finding(db, major)["state"] == "registered"
    text = pdf_text(render_document(db, doc["id"]))
    assert "现场处理措施决定书" in text and "撤出作业人员" in text and doc["doc_no"] in text

    small = new(db, ent, "灭火器过期", due=7)
    notice = IssueDocumentDialog(db, docs.HAZARD_NOTICE, enterprise_id=ent, finding_ids=[small])
    qtbot.addWidget(notice)
    notice.officers.set_checked(notice.officers.checked_ids()[:1])  # one inspector is enough
    notice.editor.report_to.setText("璜土镇安监办")
    click(qtbot, notice.issue_button)
    doc = notice.document
    assert doc and doc["content"]["report_to"] == "璜土镇安监办"
    assert doc and doc["doc_no"].startswith("（璜土）隐改〔")
    assert findings.get_finding(db, small)["state"] == "ordered"


@pytest.mark.calendar
def test_spot_penalty_limit_is_checked_next_to_the_amount(qtbot, db, ent, shown):
    dlg = IssueDocumentDialog(db, docs.SPOT_PENALTY, enterprise_id=ent)
    qtbot.addWidget(dlg)
    dlg.show()
    e = dlg.editor
    e.facts.setPlainText("现场检查发现该单位配电箱前堆放杂物，有现场照片为证。")
    e.violated.setText("《中华人民共和国安全生产法》第三十六条")
    e.penalty_basis.setText("《中华人民共和国安全生产法》第九十九条")
    e.amount.setValue(5000)
    assert "3000" in e.amount_message.text() and e.amount_message.isVisible()
    click(qtbot, dlg.issue_button)
    assert dlg.document is None and "3000" in dlg.error.text()
    click(qtbot, e.variant_person)
    assert e.person_box.isVisible()
    e.person["name"].setText("王小明")
    e.amount.setValue(300)
    assert "200" in e.amount_message.text()
    click(qtbot, dlg.issue_button)
    assert dlg.document is None
    e.amount.setValue(150)
    click(qtbot, dlg.issue_button)
    doc = dlg.document
    assert doc["content"]["variant"] == "individual" and doc["content"]["person"]["name"] == "王小明"
    assert doc["doc_no"].startswith("（澄）应急罚当〔")


# ------------------------------------------------------------------------------------------
# the register

def test_register_model_passes_qt_model_checks(qtmodeltester, db, ent):
    issue_order(db, ent)
    model = DocumentListModel()
    model.set_entries(documents.register(db, year=T.year))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def fill_penalty(dlg, amount=100):
    e = dlg.editor
    e.facts.setPlainText("现场检查发现该单位配电箱前堆放杂物，有现场照片为证。")
    e.violated.setText("《中华人民共和国安全生产法》第三十六条")
    e.penalty_basis.setText("《中华人民共和国安全生产法》第九十九条")
    e.amount.setValue(amount)


def select(w, document_id):
    w.view.selectRow(w.model.row_of(document_id))


@pytest.mark.calendar
def test_void_keeps_the_number(qtbot, db, ent, shown, monkeypatch):
    first = issue_order(db, ent)
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    assert w.model.rowCount() == 1 and "有效" == w.model.entries[0]["status_label"]

    def void(dlg):
        click(qtbot, dlg.void_button)  # a reason is required
        assert dlg.isVisible() and "作废原因" in dlg.error.text()
        dlg.reason.setPlainText("当事人名称填写错误")
        click(qtbot, dlg.void_button)

    drive(monkeypatch, VoidDialog, void)
    select(w, first["id"])
    click(qtbot, w.void_button)
    e = w.model.entries[w.model.row_of(first["id"])]
    assert e["status_label"] == "作废" and e["doc_no"] == first["doc_no"]  # the register followed
    assert "当事人名称填写错误" in w.model.data(w.model.index(w.model.row_of(first["id"]), 7))
    assert documents.numbering_gaps(db) == [] and "accounted" in w.gaps_label.text()
    second = issue_order(db, ent)
    assert int(ORDER_NO.match(second["doc_no"])[1]) == int(ORDER_NO.match(first["doc_no"])[1]) + 1
    click(qtbot, w.correct_button)  # a void document is not corrected
    assert "已作废或已被更正" in w.message.text()


@pytest.mark.calendar
def test_correct_makes_a_new_number(qtbot, db, ent, shown, monkeypatch):
    old = issue_order(db, ent, desc="冲床防护罩缺失（错字）")
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    seen = {}

    def correct(dlg):
        items = dlg.editor.items
        assert items.item(0, 0).text() == "冲床防护罩缺失（错字）"  # prefilled from the old text
        items.item(0, 0).setText("冲床防护罩缺失")
        seen["number"] = dlg.peek_number()
        click(qtbot, dlg.issue_button)
        seen["document"] = dlg.document

    drive(monkeypatch, IssueDocumentDialog, correct)
    select(w, old["id"])
    click(qtbot, w.correct_button)
    new = seen["document"]
    assert new["doc_no"] == seen["number"] != old["doc_no"]
    assert new["supersedes_id"] == old["id"]
    by_no = {e["doc_no"]: e for e in w.model.entries}
    assert by_no[old["doc_no"]]["status_label"] == "已更正"
    assert by_no[new["doc_no"]]["supersedes_doc_no"] == old["doc_no"]
    assert w.selected_id() == new["id"]
    assert documents.get_document(db, old["id"])["content"]["items"][0]["description"] == "冲床防护罩缺失（错字）"
    assert "冲床防护罩缺失" in pdf_text(shown[-1][1])
    with pytest.raises(ValueError, match="已作废或已被更正"):
        w.correction_dialog(old["id"])


@pytest.mark.calendar
def test_record_service_moves_ordered_findings_to_rectifying(qtbot, db, ent, monkeypatch):
    fid = new(db, ent, "消防通道堵塞")
    doc = issue_order(db, ent)
    findings.order_rectification(db, [fid], document_id=doc["id"])
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)

    def serve(dlg):
        click(qtbot, dlg.box.refused)
        assert dlg.box.how.currentData() == "留置送达"
        click(qtbot, dlg.save_button)
        assert dlg.isVisible() and "拒收" in dlg.error.text()
        dlg.box.note.setText("负责人拒绝签收，已将文书留置于企业办公室并拍照")
        dlg.box.witness.setText("村安全员 陈明")
        click(qtbot, dlg.save_button)

    drive(monkeypatch, ServiceDialog, serve)
    select(w, doc["id"])
    click(qtbot, w.service_button)
    row = documents.get_document(db, doc["id"])
    assert row["served_how"] == "留置送达" and row["service_refused"] == 1 and "陈明" in row["service_note"]
    assert findings.get_finding(db, fid)["state"] == "rectifying"
    assert "拒收" in w.model.data(w.model.index(0, 6))


@pytest.mark.calendar
def test_print_a_days_documents_in_one_go(qtbot, db, ent, shown, monkeypatch):
    a = issue_order(db, ent, desc="冲床防护罩缺失")
    b = issue_order(db, ent, desc="配电箱未上锁")
    voided = issue_order(db, ent, desc="作废的文书")
    documents.void_document(db, voided["id"], reason="重复打印")
    issue_order(db, ent, desc="昨天的文书", issued=-1)
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    chosen = [T, T + timedelta(days=1)]

    def pick_day(dlg):
        dlg.day.setDate(to_qdate(chosen.pop(0)))
        click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Ok))

    drive(monkeypatch, PrintDayDialog, pick_day)
    click(qtbot, w.print_day_button)
    qtbot.waitUntil(lambda: any(t.startswith("执法文书") for t, _d in shown), timeout=15000)
    title, pdf = next((t, d) for t, d in shown if t.startswith("执法文书"))
    assert "2份" in title
    text = pdf_text(pdf)
    assert a["doc_no"] in text and b["doc_no"] in text
    assert voided["doc_no"] not in text and "昨天的文书" not in text
    click(qtbot, w.print_day_button)  # the next day: nothing was issued
    assert "No valid documents" in w.message.text()


@pytest.mark.calendar
def test_register_filters_by_kind_and_text(qtbot, db, ent, shown):
    issue_order(db, ent)
    fid = new(db, ent, "灭火器过期")
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    w.show()
    assert w.model.rowCount() == 1
    dlg = IssueDocumentDialog(db, docs.HAZARD_NOTICE, enterprise_id=ent, finding_ids=[fid])
    qtbot.addWidget(dlg)
    click(qtbot, dlg.issue_button)
    assert dlg.document and w.model.rowCount() == 2  # the open register followed the change
    w.kind.setCurrentIndex(w.kind.findData(docs.HAZARD_NOTICE))
    assert w.model.rowCount() == 1 and w.model.entries[0]["kind"] == docs.HAZARD_NOTICE
    w.kind.setCurrentIndex(0)
    for ch in "隐改":  # QTest cannot type CJK; insert as an IME would
        w.search.insert(ch)
    assert w.model.rowCount() == 1


@pytest.mark.calendar
def test_a_hidden_register_refreshes_when_shown_not_before(qtbot, db, ent, shown):
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    w.show()
    w.hide()
    dlg = IssueDocumentDialog(db, docs.SPOT_PENALTY, enterprise_id=ent)
    qtbot.addWidget(dlg)
    fill_penalty(dlg)
    click(qtbot, dlg.issue_button)
    assert dlg.document and w.model.rowCount() == 0  # hidden: noted, not reloaded
    w.show()
    assert w.model.rowCount() == 1


@pytest.mark.calendar
def test_enterprise_documents_page(qtbot, db, ent, shown, monkeypatch):
    other = db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 AND id != ? LIMIT 1", [ent]).fetchone()[0]
    mine = issue_order(db, ent)
    issue_order(db, other)
    page = EnterpriseDocumentsPage(db, ent)
    qtbot.addWidget(page)
    assert [e["doc_no"] for e in page.model.entries] == [mine["doc_no"]]
    page.view.selectRow(0)
    click(qtbot, page.preview_button)
    assert shown[-1][0].endswith(mine["doc_no"])
    opened = []

    def issue_penalty(dlg):
        fill_penalty(dlg)
        click(qtbot, dlg.issue_button)

    drive(monkeypatch, IssueDocumentDialog, issue_penalty, opened)
    penalty = next(a for a in page.new_menu.actions() if a.data() == docs.SPOT_PENALTY)
    penalty.trigger()
    assert opened[0].enterprise_id == ent and opened[0].document
    assert page.model.rowCount() == 2  # the page followed the change


def test_every_issued_kind_has_its_editor():
    # the referral letter is issued from the finding's escalation action, not the issue dialog
    assert set(EDITORS) == set(docs.KINDS) - {docs.INSPECTION_RECORD, docs.CASE_REFERRAL}
    assert all(EDITORS[k].KIND == k for k in EDITORS)
    with pytest.raises(ValueError, match="未知的文书类型"):
        editor_for(docs.INSPECTION_RECORD)


# ------------------------------------------------------------------------------------------
# command line

def run_cli(db, *argv):
    return cli.main(["--db", str(db.path), *argv])


@pytest.mark.calendar
def test_cli_register_render_findings_and_quarter(db, ent, tmp_path, capsys):
    doc = issue_order(db, ent)
    documents.void_document(db, issue_order(db, ent)["id"], reason="重复")
    fid = new(db, ent, "干式除尘系统未采取泄爆措施", grade="重大", found=-20, due=-2)
    findings.list_for_supervision(db, fid, body="江阴市安委办", listed_on=day(-1), deadline=day(30))

    assert run_cli(db, "documents") == 0
    out = capsys.readouterr().out
    assert doc["doc_no"] in out and "作废：重复" in out and "共2个文号" in out

    pdf = tmp_path / "order.pdf"
    assert run_cli(db, "render", doc["doc_no"], str(pdf)) == 0
    assert "责令限期整改指令书" in pdf_text(pdf.read_bytes())

    assert run_cli(db, "findings", "--overdue", "--major") == 0
    out = capsys.readouterr().out
    assert "干式除尘系统" in out and "逾期2天" in out and "挂牌" in out

    y, q = T.year, (T.month - 1) // 3 + 1
    xlsx = tmp_path / "q.xlsx"
    assert run_cli(db, "quarter-listing", str(y), str(q), "--xlsx", str(xlsx)) == 0
    assert xlsx.exists() and "1条" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["render", "（澄）应急责改〔2026〕A1-99号", "x.pdf"], "找不到文号"),
    (["quarter-listing", "2026", "5"], "季度"),
    (["findings", "--state", "done"], "隐患状态"),
    (["documents", "--kind", "letter"], "文书种类"),
])
def test_cli_errors_are_chinese_and_exit_2(db, capsys, argv, message):
    assert run_cli(db, *argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err


def test_cli_commands_have_help(capsys):
    import argparse

    p = argparse.ArgumentParser()
    sub = p.add_subparsers()
    for area in (cli.documents, cli.findings):
        area.register(sub)
    for name in ("documents", "render", "findings", "quarter-listing"):
        with pytest.raises(SystemExit):
            p.parse_args([name, "--help"])
        assert "usage:" in capsys.readouterr().out


@pytest.mark.calendar
def test_penalty_editor_offers_a_warning_only_when_the_article_provides_it(qtbot, db, ent, shown):
    dlg = IssueDocumentDialog(db, docs.SPOT_PENALTY, enterprise_id=ent)
    qtbot.addWidget(dlg)
    dlg.show()
    e = dlg.editor
    warn = e.penalty.findData("警告")
    assert not e.penalty.model().item(warn).isEnabled()
    e.provides_warning.setFocus()
    qtbot.keyClick(e.provides_warning, Qt.Key.Key_Space)
    assert e.penalty.model().item(warn).isEnabled()
    assert e.content()["correction"] == docs.DEFAULT_CORRECTION and e.content()["basis_provides_warning"]
