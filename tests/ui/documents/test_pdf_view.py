"""PDF preview, save and print (offscreen; the printer writes a PDF file)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from inspector_app.core import documents as d
from inspector_app.reports import pdf_documents
from tests.fixtures.ui_hands import click
from inspector_app.ui.documents import pdf_view
from inspector_app.ui.documents.pdf_view import PdfPreviewDialog, load_pdf, paint_pdf, print_pdf_bytes


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    """A two-page record: many findings push the table onto a continuation page."""
    rec = d.InspectionRecord(
        authority=d.Authority(name="江阴市应急管理局", abbr="澄", review_government="江阴市人民政府",
                              court="江阴市人民法院"),
        officers=(d.Officer("张三", "32000001"), d.Officer("李四", "32000002")),
        issued_on=date(2026, 3, 5),
        party=d.Party(name="江阴市华明机械配件厂", address="江阴市周庄镇"),
        place="生产车间", started_at=datetime(2026, 3, 5, 9, 30), ended_at=datetime(2026, 3, 5, 11, 0),
        situation="检查组对生产车间进行了现场检查。",
        failed_items=tuple(d.CheckItem(item=f"检查项{i}", finding=f"第{i}处配电箱前堆放杂物，消防通道被占用")
                           for i in range(1, 30)),
    )
    return pdf_documents.render(d.INSPECTION_RECORD, rec.to_dict(), doc_no="（澄）应急检记〔2026〕A1-1号")


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_preview_shows_every_page(qtbot, pdf_bytes):
    dlg = PdfPreviewDialog(pdf_bytes, "现场检查记录 （澄）应急检记〔2026〕A1-1号")
    qtbot.addWidget(dlg)
    assert dlg.document.status() == QPdfDocument.Status.Ready
    assert dlg.page_count() == _pages(pdf_bytes) >= 2
    assert dlg.view.pageMode() == dlg.view.PageMode.MultiPage
    assert dlg.view.zoomMode() == dlg.view.ZoomMode.FitToWidth
    dlg.fit_page_button.click()
    assert dlg.view.zoomMode() == dlg.view.ZoomMode.FitInView
    assert dlg.windowTitle().startswith("现场检查记录")


def test_broken_pdf_is_refused(qtbot):
    with pytest.raises(ValueError, match="PDF"):
        load_pdf(b"not a pdf at all")


def test_save_as_pdf(qtbot, tmp_path, monkeypatch, pdf_bytes):
    dlg = PdfPreviewDialog(pdf_bytes, "record")
    qtbot.addWidget(dlg)
    target = tmp_path / "out"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dlg.save_button.click()
    assert (tmp_path / "out.pdf").read_bytes() == pdf_bytes
    assert dlg.saved_path == str(tmp_path / "out.pdf")


def _file_printer(path) -> QPrinter:
    printer = pdf_view.a4_printer(QPrinter.PrinterMode.ScreenResolution)  # small images: fast
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_paint_every_page_onto_a4(qtbot, tmp_path, pdf_bytes):
    doc = load_pdf(pdf_bytes)
    out = tmp_path / "printed.pdf"
    printer = _file_printer(out)
    assert paint_pdf(doc, printer) == doc.pageCount()
    reader = PdfReader(str(out))
    assert len(reader.pages) == doc.pageCount()
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 points


def test_page_range_is_respected(qtbot, tmp_path, pdf_bytes):
    doc = load_pdf(pdf_bytes)
    printer = _file_printer(tmp_path / "p2.pdf")
    printer.setFromTo(2, 2)
    assert paint_pdf(doc, printer) == 1


@pytest.mark.parametrize("accepted", [True, False])
def test_print_pdf_bytes_asks_first(qtbot, tmp_path, monkeypatch, pdf_bytes, accepted):
    out = tmp_path / "dialog.pdf"
    seen = {}

    def fake_exec(self):
        seen["range"] = (self.minPage(), self.maxPage())
        return QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert print_pdf_bytes(pdf_bytes, None, printer=_file_printer(out), title="记录") is accepted
    assert seen["range"] == (1, _pages(pdf_bytes))
    assert out.exists() is accepted
    if accepted:
        assert len(PdfReader(str(out)).pages) == _pages(pdf_bytes)


def test_print_button_uses_the_dialog(qtbot, monkeypatch, pdf_bytes):
    calls = []
    monkeypatch.setattr(pdf_view, "print_pdf_bytes", lambda data, parent, **kw: calls.append((data, kw)) or True)
    dlg = PdfPreviewDialog(pdf_bytes, "记录")
    qtbot.addWidget(dlg)
    click(qtbot, dlg.print_button)
    assert calls == [(pdf_bytes, {"title": "记录"})]


def test_a_closed_preview_lets_go_of_its_pdf_and_is_deleted(qtbot, pdf_bytes):
    """Closing a preview frees the parsed PDF at once, and the dialog shown by show_pdf is deleted
    by the event loop (a preview kept as a child of the main window cost ~7 MB each)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from inspector_app.ui.documents import modal

    parent = QWidget()
    qtbot.addWidget(parent)
    dlg = modal.show_pdf(parent, pdf_bytes, "record")
    qtbot.waitExposed(dlg)
    assert dlg.page_count() >= 2
    click(qtbot, dlg.close_button)
    assert dlg.document.status() != QPdfDocument.Status.Ready and dlg.page_count() == 0
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the running loop does
    assert parent.findChildren(PdfPreviewDialog) == []
