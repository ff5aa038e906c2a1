"""Run by tests/ui/test_screen_fit.py in its own process, on an offscreen 1366×728 screen (a
1366×768 laptop less a 40-px taskbar): opens every window and dialog and prints their geometry
as JSON. Not collected by pytest (no test_ prefix)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(folder: str) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from inspector_app.core import documents as d
    from inspector_app.demo import create_demo_database
    from inspector_app.storage import inspections, open_db, township
    from inspector_app.ui import state
    from inspector_app.ui.main_window import MainWindow

    store = open_db(create_demo_database(Path(folder) / "t.sqlite", enterprises=40))
    # A geometry saved on a 1920×1200 monitor, before the filter exists.
    big = MainWindow(store)
    big.setGeometry(QRect(300, 200, 1880, 1100))
    state.settings().setValue("persist/main_geometry", big.saveGeometry())
    big.deleteLater()

    from inspector_app.ui.widgets import screen

    screen.install(app)
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name").fetchone()[0]
    officers = [o.id for o in township.list_officers(store)][:2]
    draft = inspections.start_inspection(store, enterprise_id=ent, officer_ids=officers)
    finding = store.conn.execute("SELECT id FROM finding WHERE deleted = 0 LIMIT 1").fetchone()

    from inspector_app.reports.pdf_documents import render
    from tests.reports.test_pdf_documents import NOS, sample

    def pdf_view():
        from inspector_app.ui.documents.pdf_view import PdfPreviewDialog

        doc = sample(d.RECTIFICATION_ORDER, items=40)
        return PdfPreviewDialog(render(d.RECTIFICATION_ORDER, doc.to_dict(), doc_no=NOS[d.RECTIFICATION_ORDER]), "t")

    def make(path: str, *args, **kw):
        def build():
            module, _, name = path.rpartition(".")
            cls = getattr(__import__(module, fromlist=[name]), name)
            return cls(*args, **kw)
        return build

    windows = {
        "MainWindow": lambda: MainWindow(store),
        "PdfPreviewDialog": pdf_view,
        "InspectionWindow": make("inspector_app.ui.inspection.window.InspectionWindow", store, draft),
        "StartInspectionDialog": make("inspector_app.ui.inspection.start_dialog.StartInspectionDialog", store, ent),
        "FinaliseDialog": make("inspector_app.ui.inspection.finalise_dialog.FinaliseDialog", store, draft),
        "EnterpriseDialog": make("inspector_app.ui.registry.enterprise_form.EnterpriseDialog", store, ent),
        "ImportDialog": make("inspector_app.ui.registry.import_dialog.ImportDialog", store, "x.xlsx", start=False),
        "DocumentSettingsDialog": make("inspector_app.ui.settings_dialog.DocumentSettingsDialog", store),
        "SetupWizard": make("inspector_app.ui.setup_wizard.SetupWizard", store),
        "QuarterListingDialog": make("inspector_app.ui.findings.quarter.QuarterListingDialog", store),
        "EnterprisePickerDialog": make("inspector_app.ui.widgets.pickers.EnterprisePickerDialog", store),
        "IssueDocumentDialog": make("inspector_app.ui.documents.issue_dialog.IssueDocumentDialog", store,
                                    d.RECTIFICATION_ORDER, enterprise_id=ent),
    }
    if finding:
        windows["FindingDialog"] = make("inspector_app.ui.findings.dossier.FindingDialog", store, finding[0])
        windows["ReinspectionDialog"] = make("inspector_app.ui.findings.reinspection.ReinspectionDialog",
                                             store, [finding[0]])
    out = {"screen": list(app.primaryScreen().availableGeometry().getRect()), "windows": {}}
    for name, build in windows.items():
        w = build()
        w.show()
        app.processEvents()
        frame = w.frameGeometry()
        info = {"frame": list(frame.getRect()), "size": [w.width(), w.height()],
                "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()]}
        if name == "PdfPreviewDialog":
            info["buttons"] = [list(QRect(b.mapToGlobal(b.rect().topLeft()), b.size()).getRect())
                               for b in (w.print_button, w.save_button)]
        out["windows"][name] = info
        w.close()
        w.deleteLater()
        app.processEvents()
    store.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
