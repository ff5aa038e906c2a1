"""A screen opened on a record that is gone says so with the one message (storage.db.not_found)."""

import pytest

from inspector_app.core import documents as docs
from inspector_app.storage.db import not_found
from inspector_app.ui.documents.issue_dialog import IssueDocumentDialog
from inspector_app.ui.documents.modal import preview_document
from inspector_app.ui.documents.service import ServiceDialog
from inspector_app.ui.documents.void import VoidDialog
from inspector_app.ui.findings.dossier import FindingDialog
from inspector_app.ui.findings.reinspection import ReinspectionDialog

GONE = "0190f000-0000-7000-8000-000000000000"


@pytest.mark.parametrize("open_screen, what", [
    (lambda s: FindingDialog(s, GONE), "该隐患记录"),
    (lambda s: ReinspectionDialog(s, [GONE]), "所选隐患"),
    (lambda s: VoidDialog(s, GONE), "该文书"),
    (lambda s: ServiceDialog(s, GONE), "该文书"),
    (lambda s: preview_document(None, s, GONE), "该文书"),
    (lambda s: IssueDocumentDialog.for_correction(s, GONE), "要更正的原文书"),
    (lambda s: IssueDocumentDialog(s, docs.RECTIFICATION_ORDER, enterprise_id=GONE), "所选企业"),
    (lambda s: IssueDocumentDialog(s, docs.RECTIFICATION_ORDER, enterprise_id=GONE, finding_ids=[GONE]),
     "所选隐患"),
], ids=["finding", "reinspection", "void", "service", "preview", "correction", "enterprise", "issue-finding"])
def test_a_missing_record_gets_the_one_message(qtbot, store, open_screen, what):
    with pytest.raises(ValueError) as err:
        open_screen(store)
    prefix = str(not_found(what)).split("，")[0]  # "<what>不存在或已删除"; the hint varies by screen
    assert str(err.value).startswith(prefix + "，")
