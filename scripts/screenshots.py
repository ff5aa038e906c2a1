"""Render the main screens offscreen to PNG files, to look at what an officer sees.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --db DB --out DIR [--lang en]
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --db DB --help-images

``--help-images`` also writes the user guide's pictures (resources/help/img/, 1366×768 for the
main window) from the same screens: Today, the findings list, the registry, an import preview,
the first-run wizard showing an error, and the township settings.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.fixtures for sample data
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--out", default="/tmp/shots")
    p.add_argument("--lang")
    p.add_argument("--search", default="jyhg")
    p.add_argument("--help-images", action="store_true",
                   help="also write the user guide's screenshots into resources/help/img/")
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication

    from inspector_app.storage import open_db
    from inspector_app.ui import i18n
    from inspector_app.ui.registry.enterprise_form import EnterpriseDialog
    from inspector_app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    i18n.install(app, args.lang)
    from inspector_app.ui.widgets import screen

    screen.install(app)  # windows fit the laptop's screen, as in the app
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from inspector_app.storage import crypt

    # The database is encrypted: INSPECTOR_PASSWORD, else the documented demo password.
    store = open_db(args.db, password=crypt.env_password() or crypt.DEMO_PASSWORD)
    win = MainWindow(store)
    win.resize(1366, 768)
    win.show()
    app.processEvents()
    win.grab().save(str(out / "registry.png"))
    win.registry.search.setText(args.search)
    win.registry.apply_filters()
    app.processEvents()
    win.grab().save(str(out / "registry_search.png"))
    for i in range(win.stack.count()):
        win.nav.setCurrentRow(i)
        app.processEvents()
        win.grab().save(str(out / f"module_{i}.png"))
    win.nav.setCurrentRow(0)
    eid = win.registry.model.id_at(0)
    dlg = EnterpriseDialog(store, eid, win)
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(out / "enterprise_form.png"))
    for t in range(1, dlg.tabs.count()):
        dlg.tabs.setCurrentIndex(t)
        app.processEvents()
        dlg.grab().save(str(out / f"enterprise_tab_{t}.png"))
    dlg.tabs.setCurrentIndex(0)
    dlg.form.widgets["uscc"].setText("91320281MA1XXXXXX0")
    dlg.form._commit("uscc")
    dlg.form.widgets["principal_phone"].setText("12345")
    dlg.form.save()
    app.processEvents()
    dlg.grab().save(str(out / "enterprise_form_errors.png"))
    # The import report: a county list with good and broken rows, previewed before import.
    import tempfile

    from inspector_app.storage import township
    from inspector_app.ui.registry.import_dialog import ImportDialog
    from tests.fixtures.make_xlsx import COUNTY_HEADERS, bad_check_digit, county_row, write_xlsx

    village = township.list_villages(store)[0].name
    misspelt = village[0] + ("和" if village[1:2] != "和" else "合") + village[2:]  # a typo: near matches listed
    rows = [county_row(900001 + i, f"江阴市示例{i}号精密机械有限公司", village, employees=20 + i) for i in range(6)]
    rows += [county_row(900011, "坏校验位有限公司", village, code_value=bad_check_digit(900011)),
             county_row(900012, "", village), county_row(900013, "未知村企业有限公司", misspelt),
             county_row(900014, "人数错误有限公司", village, employees="三十人")]
    # A row of the county list that updates an enterprise already in the registry (old → new).
    known = store.conn.execute(
        "SELECT e.uscc, e.name, e.address, v.name, e.employees FROM enterprise e JOIN village v ON v.id = e.village_id "
        "WHERE e.deleted = 0 AND e.uscc != '' ORDER BY e.name LIMIT 1").fetchone()
    if known:
        rows.append(county_row(900015, known[1], known[3], code_value=known[0], **{"经营地址": known[2]},
                               employees=(known[4] or 10) + 12))
    xlsx = write_xlsx(Path(tempfile.mkdtemp()) / "county.xlsx", COUNTY_HEADERS, rows)
    imp = ImportDialog(store, str(xlsx), win)
    imp.show()
    while imp.plan is None:
        app.processEvents()
    app.processEvents()
    imp.grab().save(str(out / "import_preview.png"))
    ledger_shots(app, store, win, out)
    # The guide shows the unknown village's reason in full (with its near matches) in the pane.
    for r in range(imp.model.rowCount()):
        if imp.model.row_at(r).name == "未知村企业有限公司":
            imp.view.selectRow(r)
    app.processEvents()
    imp.grab().save(str(out / "import_preview_reason.png"))
    dialogs(app, store, win, out)
    if args.help_images:
        help_images(app, store, win, imp, Path(__file__).resolve().parent.parent / "resources" / "help" / "img")
    print(f"screenshots in {out}", flush=True)
    # Leave without interpreter teardown: this script keeps windows and finished tasks alive to
    # the end, and PySide 6.12 can abort when such wrappers are collected after Qt is gone (the
    # app itself tears its window down inside main(), see ui/app.py).
    os._exit(0)


def ledger_shots(app, store, win, out: Path) -> None:
    """The 台账 module at 1366×768: every ledger of the last ended quarter, the figures with their
    charts, a record dialog and the quarter's close with its gaps."""
    from inspector_app.core import clock
    from inspector_app.core.ledgers.quarter import Quarter
    from inspector_app.ui.ledgers.navigate import ledgers_widget
    from inspector_app.ui.ledgers.quarter_panel import CloseQuarterDialog

    win.resize(1366, 768)
    w = ledgers_widget(win)
    if w is None:
        return
    q = Quarter.of(clock.today()).previous()
    w.set_quarter(q)
    for row in range(w.ledger_list.count()):
        w.ledger_list.setCurrentRow(row)
        app.processEvents()
        key = w.ledger_list.item(row).data(0x0100)
        win.grab().save(str(out / f"ledger_{row:02d}_{key}.png"))
    w.show_ledger("people", quarter=q)
    app.processEvents()
    w.view.setFocus()
    from inspector_app.ui.ledgers.record_dialog import RecordDialog
    from inspector_app.storage import ledgers

    rec = ledgers.get(store, ledgers.Person, w.current_row()["id"])
    dlg = RecordDialog(store, ledgers.Person, rec, win)
    dlg.show()
    app.processEvents()
    dlg.grab().save(str(out / "ledger_record_dialog.png"))
    dlg.close()
    # The exported PDFs' pages, as printed (pdftoppm from poppler-utils, when installed).
    import shutil
    import subprocess

    from inspector_app.reports.ledgers_pdf import write_figures_pdf, write_ledgers_pdf

    snap = ledgers.export_snapshot(store, q)
    write_ledgers_pdf(snap, out / "ledgers.pdf")
    write_figures_pdf(snap, out / "ledgers_figures.pdf")
    if shutil.which("pdftoppm"):
        for name in ("ledgers", "ledgers_figures"):
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(out / f"{name}.pdf"), str(out / f"{name}_page")],
                           check=True)
    if not ledgers.quarter_state(store, q).is_closed:
        close = CloseQuarterDialog(store, q, win)
        close.show()
        app.processEvents()
        close.grab().save(str(out / "ledger_close_quarter.png"))
        close.close()


def dialogs(app, store, win, out: Path) -> None:
    """Every dialog of the app as it opens (fitted to the screen), one PNG each: dialog_<Name>.png."""
    from inspector_app.core import documents as d
    from inspector_app.storage import inspections, township

    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 AND employees BETWEEN 1 AND 20 "
                             "ORDER BY name").fetchone()[0]
    officers = [o.id for o in township.list_officers(store)][:2]
    draft = next((r["id"] for r in inspections.drafts(store)), None) or inspections.start_inspection(
        store, enterprise_id=ent, officer_ids=officers)
    finding = store.conn.execute("SELECT id FROM finding WHERE deleted = 0 "
                                 "AND state IN ('rectifying', 'awaiting_reinspection') ORDER BY id LIMIT 1").fetchone()

    def make(path: str, *a, **kw):
        def build():
            module, _, name = path.rpartition(".")
            return getattr(__import__(module, fromlist=[name]), name)(*a, **kw)
        return build

    built = {
        "StartInspectionDialog": make("inspector_app.ui.inspection.start_dialog.StartInspectionDialog", store, ent, win),
        "FinaliseDialog": make("inspector_app.ui.inspection.finalise_dialog.FinaliseDialog", store, draft, win),
        "DocumentSettingsDialog": make("inspector_app.ui.settings_dialog.DocumentSettingsDialog", store, win),
        "TownshipSettingsDialog": make("inspector_app.ui.township_settings.TownshipSettingsDialog", store, win),
        "QuarterListingDialog": make("inspector_app.ui.findings.quarter.QuarterListingDialog", store, win),
        "EnterprisePickerDialog": make("inspector_app.ui.widgets.pickers.EnterprisePickerDialog", store, win),
        "IssueDocumentDialog": make("inspector_app.ui.documents.issue_dialog.IssueDocumentDialog", store,
                                    d.RECTIFICATION_ORDER, enterprise_id=ent, parent=win),
    }
    if finding:
        built["FindingDialog"] = make("inspector_app.ui.findings.dossier.FindingDialog", store, finding[0], win)
    for name, build in built.items():
        try:
            w = build()
        except Exception as e:  # noqa: BLE001 - a dialog that cannot open here is reported, not fatal
            print(f"{name}: not shown ({e})", flush=True)
            continue
        w.show()
        for _ in range(3):
            app.processEvents()
        w.grab().save(str(out / f"dialog_{name}.png"))
        print(f"{name}: {w.width()}×{w.height()} “{w.windowTitle()}”", flush=True)
        w.close()
        w.deleteLater()
        app.processEvents()


def help_images(app, store, win, imp, img: Path) -> None:
    """The guide's pictures, from the real screens at the laptop size officers have."""
    from PySide6.QtWidgets import QTableWidgetItem, QWizard

    from inspector_app.storage import open_memory
    from inspector_app.ui.setup_wizard import SetupWizard
    from inspector_app.ui.township_settings import TownshipSettingsDialog

    img.mkdir(parents=True, exist_ok=True)
    win.resize(1366, 768)
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    for name, row in (("today", 1), ("registry", 0), ("inspections", 2), ("findings", 3), ("documents", 4)):
        win.nav.setCurrentRow(row)
        app.processEvents()
        win.grab().save(str(img / f"{name}.png"))
    assert len(titles) >= 5, titles
    imp.grab().save(str(img / "import_preview.png"))  # selected: the unknown village, reason in full
    # The first-run wizard on a fresh township, with a village entered twice.
    fresh = open_memory(device="A1")
    wiz = SetupWizard(fresh)
    wiz.township_page.township.setText("璜土镇")
    wiz.township_page.government.setText("江阴市璜土镇人民政府")
    wiz.township_page.device.setText("A1")
    wiz.township_page.villages.setPlainText("璜土村\n石庄村\n璜土村")
    wiz.show()
    wiz.next()
    wiz.next()  # refused: the page shows why under the field
    app.processEvents()
    wiz.grab().save(str(img / "wizard_error.png"))
    wiz.township_page.villages.setPlainText("璜土村\n石庄村")
    wiz.next()
    for r, (name, cert, phone) in enumerate((("张伟", "32028100001", "13812345678"),
                                             ("李强", "32028100002", "0510-8686123"))):
        for c, v in enumerate((name, cert, phone)):
            wiz.officers_page.table.setItem(r, c, QTableWidgetItem(v))
    app.processEvents()
    wiz.grab().save(str(img / "wizard_officers.png"))
    wiz.button(QWizard.WizardButton.CancelButton).click()
    dlg = TownshipSettingsDialog(store, win)
    dlg.show()
    dlg.tabs.setCurrentIndex(1)
    app.processEvents()
    dlg.grab().save(str(img / "settings_villages.png"))
    dlg.tabs.setCurrentIndex(2)
    app.processEvents()
    dlg.grab().save(str(img / "settings_officers.png"))
    dlg.reject()
    work_pictures(app, store, win, img)
    print(f"guide pictures in {img}", flush=True)


def work_pictures(app, store, win, img: Path) -> None:
    """The guide's pictures of the work itself: an inspection with a photo, a document preview,
    a re-inspection and the quarter's listing, each at the size the laptop gives it."""
    import random

    from PySide6.QtCore import Qt

    from inspector_app import paths
    from inspector_app.demo.pictures import picture
    from inspector_app.reports.pdf_documents import render_document
    from inspector_app.storage import documents, inspections
    from inspector_app.storage import photos as photo_store
    from inspector_app.ui.documents.pdf_view import PdfPreviewDialog
    from inspector_app.ui.findings.quarter import QuarterListingDialog
    from inspector_app.ui.findings.reinspection import ReinspectionDialog
    from inspector_app.ui.inspection.window import InspectionWindow
    from inspector_app.ui.today.widget import TodayWidget

    def shoot(widget, name: str) -> None:
        widget.show()
        for _ in range(3):
            app.processEvents()
        widget.grab().save(str(img / f"{name}.png"))

    # An unfinished inspection, on an item that failed, with a photo, its caption and photographer.
    draft = inspections.drafts(store)[0]
    iid = draft["id"]
    failed = store.conn.execute("SELECT item_key FROM inspection_answer WHERE inspection_id = ? AND answer = '不符合' "
                                "AND deleted = 0 ORDER BY item_key LIMIT 1", (iid,)).fetchone()
    key = failed[0] if failed else store.conn.execute(
        "SELECT item_key FROM inspection_answer WHERE inspection_id = ? AND deleted = 0 LIMIT 1", (iid,)).fetchone()[0]
    if not failed:
        inspections.record_answer(store, iid, key, answer="不符合", note="配电箱前堆放纸箱杂物，未保持0.8米操作距离。")
    pid = photo_store.add_photo(store, picture(random.Random(7)), inspection_id=iid, item_key=key, kind="问题",
                                photos_root=paths.photos_dir(store.path))
    photo_store.set_photo_details(store, pid, caption="配电箱前堆放纸箱杂物")
    ins = InspectionWindow(store, iid, win)
    ins.setWindowFlag(Qt.WindowType.Window)
    ins.resize(1280, 820)  # what it asks for; the screen filter fits it to the laptop
    ins.select_key(key)
    shoot(ins, "inspection_window")
    ins.close()

    # The preview of an issued rectification order, Print and Save at the bottom.
    order = next(r for r in documents.register(store) if r["kind"] == "rectification_order" and r["status"] == "issued")
    pdf = PdfPreviewDialog(render_document(store, order["id"]), f"{order['title']} {order['doc_no']}", win)
    shoot(pdf, "preview")
    pdf.close()

    # A re-inspection started from Today's "due this week".
    today = win.findChild(TodayWidget)
    due = today.models["reinspections_due"] if today else None
    if due is not None and due.rowCount():
        fid = due.index(0, 0).data(Qt.ItemDataRole.UserRole)
        rei = ReinspectionDialog(store, [fid], win)
        shoot(rei, "reinspection")
        rei.reject()

    quarter = QuarterListingDialog(store, win)
    shoot(quarter, "quarter")
    quarter.reject()


if __name__ == "__main__":
    sys.exit(main())
