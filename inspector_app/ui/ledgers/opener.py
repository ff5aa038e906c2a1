"""Opening the record behind a ledger row or a completeness gap, through the paths the rest of
the window already uses: the enterprise dossier (the main window's ``open_enterprise``), the
inspection window, the finding dossier, a document's preview, or the ledger's own record dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from ...core import clock
from ...core.ledgers import records as rec
from ...core.ledgers.quarter import Quarter
from ...storage import documents as doc_store
from ...storage import ledgers
from ...storage.db import Store

KIND_OF_TABLE = {cls.TABLE: cls for cls in rec.RECORD_TYPES.values()}


def open_enterprise(widget: QWidget, store: Store, enterprise_id: str):
    window = widget.window()
    if hasattr(window, "open_enterprise"):
        return window.open_enterprise(enterprise_id)
    from ..registry.enterprise_form import EnterpriseDialog  # outside the main window (tests, pickers)

    dlg = EnterpriseDialog(store, enterprise_id, widget)
    dlg.exec()
    return dlg


def open_inspection(widget: QWidget, store: Store, inspection_id: str):
    from ..inspection.window import open_inspection_window

    return open_inspection_window(store, inspection_id, widget)


def open_finding(widget: QWidget, store: Store, finding_id: str):
    from ..findings.dossier import open_finding_dialog

    return open_finding_dialog(widget, store, finding_id)


def edit_record(widget: QWidget, store: Store, kind, record_id: str | None, *, defaults: dict | None = None,
                show_ids: bool = False):
    """The record dialog (modal); returns it after it closed (``saved_id`` set when saved)."""
    from .record_dialog import RecordDialog

    record = ledgers.get(store, kind, record_id) if record_id else None
    dlg = RecordDialog(store, kind, record, widget, defaults=defaults, show_ids=show_ids)
    dlg.exec()
    return dlg


def report_defaults(enterprise_id: str, quarter: Quarter) -> dict:
    return {"enterprise_id": enterprise_id, "year": quarter.year, "quarter": quarter.q,
            "received_on": clock.today().isoformat()}


def documents_of(store: Store, table: str, record_id: str) -> list[dict]:
    if table == "inspection":
        docs = doc_store.documents_for_inspection(store, record_id)
    elif table == "finding":
        docs = doc_store.documents_for_finding(store, record_id)
    else:
        return []
    return [d for d in docs if d.get("register_status") != "void"]


def open_documents(widget: QWidget, store: Store, table: str, record_id: str):
    """Preview the row's document, or offer a menu when it has several; None when it has none."""
    from ..documents import modal

    docs = documents_of(store, table, record_id)
    if not docs:
        return None
    if len(docs) == 1:
        return modal.preview_document(widget, store, docs[0]["id"])
    menu = QMenu(widget)
    menu.setObjectName("documentsMenu")
    for d in docs:
        menu.addAction(f"{d['title']} {d['doc_no']}").setData(d["id"])
    chosen = menu.exec(QCursor.pos())
    return modal.preview_document(widget, store, chosen.data()) if chosen is not None else None


def open_issue(widget: QWidget, store: Store, issue, quarter: Quarter):
    """What a completeness gap opens: the record to complete, or the form to add the missing one."""
    if issue.code == "report_missing":
        return edit_record(widget, store, rec.QuarterReport, None, defaults=report_defaults(issue.record_id, quarter))
    if issue.code in ("no_drill_this_year", "no_joint_action"):
        kind = "综合应急演练" if issue.code == "no_drill_this_year" else "打非治违联合执法"
        day = min(quarter.last, clock.today()).isoformat()
        return edit_record(widget, store, rec.TownshipAction, None, defaults={"kind": kind, "on_date": day})
    return open_table_record(widget, store, issue.table, issue.record_id)


def open_table_record(widget: QWidget, store: Store, table: str, record_id: str):
    if table == "enterprise":
        return open_enterprise(widget, store, record_id)
    if table == "inspection":
        return open_inspection(widget, store, record_id)
    if table == "finding":
        return open_finding(widget, store, record_id)
    if table in KIND_OF_TABLE:
        return edit_record(widget, store, KIND_OF_TABLE[table], record_id)
    raise ValueError(QCoreApplication.translate("LedgersWidget", "This record cannot be opened here."))


__all__ = ["documents_of", "edit_record", "open_documents", "open_enterprise", "open_finding", "open_inspection",
           "open_issue", "open_table_record", "report_defaults"]
