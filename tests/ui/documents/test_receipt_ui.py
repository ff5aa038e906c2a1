"""打印送达回执 (issue 9): every document list and the service dialog print the 文书送达回执 of the
selected document — blank before service, with the recorded service after — like the other PDFs
(a preview that prints); the referral letter, which is not served on the party, has none."""

import io
import re

from pypdf import PdfReader

from inspector_app.core import clock
from inspector_app.storage import documents, findings
from inspector_app.ui.documents.enterprise_page import EnterpriseDocumentsPage
from inspector_app.ui.documents.register import DocumentRegisterWidget
from inspector_app.ui.documents.service import ServiceDialog
from inspector_app.ui.findings.dossier import FindingDialog
from tests.fixtures.ui_hands import click, patch_modals
from tests.ui.documents.test_documents_ui import ent, issue_order, new  # noqa: F401 (fixtures)

import pytest

# Today's lists, deadlines and quarters move with the date: rerun on the pinned awkward days.
pytestmark = pytest.mark.calendar


@pytest.fixture
def db(demo_db):
    return demo_db


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    return patch_modals(monkeypatch)


def text_of(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def select(view, model, doc_id):
    view.selectRow(model.row_of(doc_id))


def test_register_prints_the_receipt_blank_then_with_the_service(qtbot, db, ent, shown):  # noqa: F811
    doc = issue_order(db, ent)
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    select(w.view, w.model, doc["id"])
    click(qtbot, w.receipt_button)
    title, pdf = shown[-1]
    assert title == f"文书送达回执 {doc['doc_no']}"
    text = text_of(pdf)
    assert "文书送达回执" in text and doc["doc_no"] in text and "责令限期整改指令书" in text
    assert "□直接送达□留置送达□邮寄送达□委托送达" in text  # nothing recorded yet: all boxes open
    documents.record_service(db, doc["id"], served_at=f"{clock.today().isoformat()}T10:30", served_how="邮寄送达",
                             place="企业门卫室", recipient="王五")
    click(qtbot, w.receipt_button)
    text = text_of(shown[-1][1])
    assert "■邮寄送达" in text and "企业门卫室" in text and "签收人：王五" in text


def test_no_selection_and_the_referral_letter_are_explained(qtbot, db, ent, shown):  # noqa: F811
    w = DocumentRegisterWidget(db)
    qtbot.addWidget(w)
    w.view.clearSelection()
    w.view.setCurrentIndex(w.model.index(-1, 0))
    before = len(shown)
    click(qtbot, w.receipt_button)
    assert len(shown) == before and w.message.text()
    # The 案件移送书 goes to the bureau, not to the party: no receipt, and the officer is told why.
    from inspector_app.storage import escalation

    fid = new(db, ent, "消防通道堵塞", found=-12, due=-2)
    order = issue_order(db, ent, issued=-12, deadline=-2)
    findings.order_rectification(db, [fid], document_id=order["id"])
    letter = escalation.refer_case(db, [fid], on=clock.today(), officers=documents.get_document(db, order["id"])["officers"])
    w.refresh()
    select(w.view, w.model, letter["id"])
    click(qtbot, w.receipt_button)
    assert len(shown) == before and "不向当事人送达" in w.message.text()
    # nor is it listed as waiting for service
    assert w.model.data(w.model.index(w.model.row_of(letter["id"]), 6)) == "移送县局，无需送达"


def test_enterprise_page_dossier_and_service_dialog_print_it(qtbot, db, ent, shown):  # noqa: F811
    fid = new(db, ent, "配电箱未上锁")
    doc = issue_order(db, ent)
    findings.order_rectification(db, [fid], document_id=doc["id"])
    page = EnterpriseDocumentsPage(db, ent)
    qtbot.addWidget(page)
    select(page.view, page.model, doc["id"])
    click(qtbot, page.receipt_button)
    assert shown[-1][0] == f"文书送达回执 {doc['doc_no']}"

    dossier = FindingDialog(db, fid)
    qtbot.addWidget(dossier)
    dossier.tabs.setCurrentIndex(2)
    dossier.documents_view.selectRow(dossier.documents_model.row_of(doc["id"]))
    click(qtbot, dossier.receipt_button)
    assert shown[-1][0] == f"文书送达回执 {doc['doc_no']}"

    dlg = ServiceDialog(db, doc["id"])
    qtbot.addWidget(dlg)
    click(qtbot, dlg.receipt_button)
    assert shown[-1][0] == f"文书送达回执 {doc['doc_no']}" and "受送达人（签名或盖章）" in text_of(shown[-1][1])
