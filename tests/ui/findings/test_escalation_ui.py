"""The dossier's actions after a deadline passes: referral to the bureau and its outcome (issue 9)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from inspector_app.core import clock
from inspector_app.storage import documents, findings
from inspector_app.ui.findings.dossier import FindingDialog
from inspector_app.ui.widgets.date_note import DateNoteDialog

from tests.e2e.test_escalation import BASIS, OFFICERS, ent, s  # noqa: F401 (fixtures)


@pytest.mark.calendar
def test_overdue_finding_is_referred_and_closed_from_the_dossier(qtbot, s, ent, monkeypatch):  # noqa: F811
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "消防通道堵塞", "deadline": "2026-03-10", "legal_basis": BASIS}]})
    findings.order_rectification(s, [fid], document_id=order["id"])
    answers = iter([(date(2026, 3, 12), "整改复查意见书、照片"), (date(2026, 3, 30), "已立案查处，隐患已消除")])
    monkeypatch.setattr(DateNoteDialog, "exec", lambda self: 1)
    monkeypatch.setattr(DateNoteDialog, "values", lambda self: next(answers))
    previewed = []
    monkeypatch.setattr("inspector_app.ui.findings.dossier.modal.preview_document",
                        lambda parent, store, doc_id: previewed.append(doc_id))
    with clock.pinned(date(2026, 3, 12)):
        dlg = FindingDialog(s, fid)
        qtbot.addWidget(dlg)
        assert dlg.refer_button.isEnabled() and dlg.penalty_button.isEnabled()
        assert not dlg.outcome_button.isEnabled()
        qtbot.mouseClick(dlg.refer_button, Qt.MouseButton.LeftButton)
        assert findings.get_finding(s, fid)["state"] == "referred"
        assert previewed and documents.get_document(s, previewed[0])["kind"] == "case_referral"
        dlg.reload()
        assert dlg.outcome_button.isEnabled() and not dlg.close_button.isEnabled()
        qtbot.mouseClick(dlg.outcome_button, Qt.MouseButton.LeftButton)
        assert findings.get_finding(s, fid)["state"] == "passed"


@pytest.mark.calendar
def test_today_shows_the_suspended_enterprise_until_the_review_passes(qtbot, s, ent):  # noqa: F811
    from inspector_app.storage import escalation
    from inspector_app.ui.today.widget import TodayWidget

    documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["x"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "喷漆车间"})
    w = TodayWidget(s)
    qtbot.addWidget(w)
    assert "（1）" in w.suspended_box.title()
    assert "江阴市周庄华宏机械有限公司" in w.suspended_label.text() and "喷漆车间" in w.suspended_label.text()
    [sus] = escalation.suspensions(s, open_only=True)
    escalation.record_resumption_review(s, sus["id"], on="2026-03-20", passed=True, note="隐患已排除，同意复产")
    w.refresh()
    assert "（0）" in w.suspended_box.title()
