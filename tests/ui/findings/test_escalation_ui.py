"""The screens after a deadline passes (issue 9): referral to the bureau and each of its outcomes
from the finding's dossier, and the resumption review (复产审查) of a suspended enterprise from its
dossier page and from Today — resumption refused until a review passes (安全生产法第六十五条第一款
第（三）项), the evidence and reviewers recorded, every review shown."""

from datetime import date

import pytest

from inspector_app.core import clock
from inspector_app.core.enterprise import SUSPENDED
from inspector_app.storage import documents, enterprises, escalation, findings
from inspector_app.ui.findings.bureau import BureauOutcomeDialog
from inspector_app.ui.findings.dossier import FindingDialog
from inspector_app.ui.findings.suspension import ResumptionReviewDialog, SuspensionPage, result_text
from inspector_app.ui.widgets.date_note import DateNoteDialog
from inspector_app.ui.widgets.dates import to_qdate
from tests.fixtures.ui_hands import click, drive, patch_modals

from tests.e2e.test_escalation import BASIS, OFFICERS, ent, s  # noqa: F401 (fixtures)

# Today's lists, deadlines and quarters move with the date: rerun on the pinned awkward days.
pytestmark = pytest.mark.calendar


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    return patch_modals(monkeypatch)


def _overdue(s, ent, desc="消防通道堵塞"):  # noqa: F811
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description=desc,
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": desc, "deadline": "2026-03-10", "legal_basis": BASIS}]})
    findings.order_rectification(s, [fid], document_id=order["id"])
    return fid


def _refer_from_dossier(qtbot, monkeypatch, s, fid, shown):  # noqa: F811
    def refer(dlg):
        dlg.date.setDate(to_qdate(date(2026, 3, 12)))
        dlg.note.setText("整改复查意见书、照片")
        click(qtbot, dlg.buttons.button(dlg.buttons.StandardButton.Ok))

    drive(monkeypatch, DateNoteDialog, refer)
    dlg = FindingDialog(s, fid)
    qtbot.addWidget(dlg)
    assert dlg.refer_button.isEnabled() and dlg.penalty_button.isEnabled()
    assert not dlg.outcome_button.isEnabled()
    click(qtbot, dlg.refer_button)
    assert findings.get_finding(s, fid)["state"] == "referred"
    assert shown and shown[-1][0].startswith("案件移送书")  # the letter is previewed to print
    assert dlg.outcome_button.isEnabled() and not dlg.close_button.isEnabled()
    return dlg


def test_referred_case_resolved_by_the_bureau_then_closed(qtbot, s, ent, monkeypatch, shown):  # noqa: F811
    fid = _overdue(s, ent)
    with clock.pinned(date(2026, 3, 12)):
        dlg = _refer_from_dossier(qtbot, monkeypatch, s, fid, shown)

        def resolved(o):
            assert o.resolved.isChecked() and not o.new_deadline.isEnabled()
            o.date.setDate(to_qdate(date(2026, 3, 30)))
            click(qtbot, o.save_button)
            assert o.isVisible() and "处理结果" in o.error.text()  # what the bureau did is required
            o.outcome.setText("已立案查处，罚款人民币2万元，隐患已消除")
            o.bureau_doc_no.setText("澄应急罚〔2026〕12号")
            click(qtbot, o.save_button)

        drive(monkeypatch, BureauOutcomeDialog, resolved)
        click(qtbot, dlg.outcome_button)
    f = findings.get_finding(s, fid)
    assert f["state"] == "passed"
    assert any("澄应急罚〔2026〕12号" in e["note"] for e in findings.events(s, fid))
    assert dlg.close_button.isEnabled()


def test_case_returned_with_a_new_deadline_feeds_the_deadline_and_escalation(qtbot, s, ent, monkeypatch,  # noqa: F811
                                                                             shown):
    fid = _overdue(s, ent)
    with clock.pinned(date(2026, 3, 12)):
        dlg = _refer_from_dossier(qtbot, monkeypatch, s, fid, shown)

        def returned(o):
            click(qtbot, o.returned)
            assert o.new_deadline.isEnabled()
            o.date.setDate(to_qdate(date(2026, 3, 20)))
            o.new_deadline.setDate(to_qdate(date(2026, 3, 18)))  # before the day it is recorded
            o.outcome.setText("不予立案，退回镇继续督促整改")
            click(qtbot, o.save_button)
            assert o.isVisible() and "新整改期限" in o.error.text()
            o.new_deadline.setDate(to_qdate(date(2026, 4, 5)))
            click(qtbot, o.save_button)

        drive(monkeypatch, BureauOutcomeDialog, returned)
        click(qtbot, dlg.outcome_button)
    f = findings.get_finding(s, fid)
    assert (f["state"], f["deadline"]) == ("rectifying", "2026-04-05")
    # Before the new deadline nothing escalates; after it the finding is overdue again.
    with clock.pinned(date(2026, 4, 1)):
        dlg.reload()
        assert not dlg.refer_button.isEnabled() and not dlg.penalty_button.isEnabled()
    with clock.pinned(date(2026, 4, 8)):
        dlg.reload()
        assert dlg.refer_button.isEnabled() and dlg.penalty_button.isEnabled()
        assert "3" in dlg.status_label.text()  # 3 days overdue


def _suspend(s, ent):  # noqa: F811
    documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["喷漆房未设可燃气体报警装置"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "喷漆车间"})
    return escalation.suspensions(s, enterprise_id=ent, open_only=True)[0]


def test_dossier_page_records_reviews_and_refuses_resumption_before_a_pass(qtbot, s, ent, monkeypatch):  # noqa: F811
    sus = _suspend(s, ent)
    page = SuspensionPage(s, ent)
    qtbot.addWidget(page)
    assert "停产整改" in page.banner.text() and "喷漆车间" in page.banner.text()
    assert page.model.rowCount() == 1 and page.review_button.isEnabled()

    def fail_then_pass_without_evidence(dlg):
        assert dlg.failed.isChecked()  # passing is the deliberate choice
        dlg.date.setDate(to_qdate(date(2026, 3, 12)))
        dlg.opinion.setPlainText("报警装置未与通风联锁，继续停产整改")
        dlg.evidence.setPlainText("企业整改报告")
        click(qtbot, dlg.save_button)

    drive(monkeypatch, ResumptionReviewDialog, fail_then_pass_without_evidence)
    click(qtbot, page.review_button)
    assert enterprises.get(s, ent).status == SUSPENDED
    assert page.reviews_model.rowCount() == 1
    assert page.reviews_model.data(page.reviews_model.index(0, 1)) == result_text(0)

    def pass_(dlg):
        assert "报警装置未与通风联锁" in dlg.earlier.text()  # earlier reviews are shown
        click(qtbot, dlg.passed)
        dlg.date.setDate(to_qdate(date(2026, 3, 20)))
        dlg.opinion.setPlainText("报警装置已安装并联锁，经审查同意恢复生产经营")
        click(qtbot, dlg.save_button)
        assert dlg.isVisible() and "整改证据" in dlg.error.text()  # no pass without evidence
        dlg.evidence.setPlainText("整改报告、检测报告、整改后照片4张")
        dlg.officers.set_checked(dlg.officers.checked_ids()[:1])
        click(qtbot, dlg.save_button)
        assert dlg.isVisible() and dlg.error.text()  # two reviewers approve a resumption
        dlg.officers.set_checked([o.id for o in dlg.officers.officers][:2])
        click(qtbot, dlg.save_button)

    drive(monkeypatch, ResumptionReviewDialog, pass_)
    click(qtbot, page.review_button)
    assert enterprises.get(s, ent).status == "在营"
    reviews = escalation.resumption_reviews(s, sus["id"])
    assert [r["passed"] for r in reviews] == [0, 1]
    assert reviews[1]["reviewers"] == "张三、李四" and "检测报告" in reviews[1]["evidence"]
    assert page.reviews_model.rowCount() == 2 and not page.review_button.isEnabled()
    assert "2026-03-20" in page.model.data(page.model.index(0, 4))


def test_registry_form_cannot_mark_a_suspended_enterprise_resumed(qtbot, s, ent):  # noqa: F811
    from inspector_app.ui.registry.enterprise_form import EnterpriseDialog

    _suspend(s, ent)
    dlg = EnterpriseDialog(s, ent)
    qtbot.addWidget(dlg)
    status = dlg.form.widgets["status"]
    status.setCurrentIndex(status.findText("在营"))
    click(qtbot, dlg.save_button)
    assert enterprises.get(s, ent).status == SUSPENDED
    assert "复产审查" in _form_messages(dlg.form)  # the officer is told why, beside the field


def _form_messages(form) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(lab.text() for lab in form.findChildren(QLabel) if lab.isVisible())


def test_today_lists_the_suspension_and_records_its_review(qtbot, s, ent, monkeypatch):  # noqa: F811
    from inspector_app.ui.today.widget import TodayWidget

    sus = _suspend(s, ent)
    w = TodayWidget(s)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.loaded)  # the suspended list is one of Today's deferred sections
    assert "（1）" in w.suspended_box.title()
    model = w.suspended_model
    assert model.data(model.index(0, 0)) == "江阴市周庄华宏机械有限公司"
    assert model.data(model.index(0, 2)) == "喷漆车间"

    def pass_(dlg):
        click(qtbot, dlg.passed)
        dlg.date.setDate(to_qdate(date(2026, 3, 20)))
        dlg.evidence.setPlainText("整改报告、整改后照片")
        dlg.opinion.setPlainText("隐患已排除，同意复产")
        dlg.officers.set_checked([o.id for o in dlg.officers.officers][:2])
        click(qtbot, dlg.save_button)

    drive(monkeypatch, ResumptionReviewDialog, pass_)
    w.suspended_view.selectRow(0)
    click(qtbot, w.review_button)
    assert escalation.get_suspension(s, sus["id"])["resumed_on"] == "2026-03-20"
    assert "（0）" in w.suspended_box.title()  # Today followed the change
    assert not w.suspended_view.isVisible()
