"""The documents' user actions as operations (``ui.operations.Op``).

Each factory wraps one storage call (or one transaction of several) and announces what it
changes: a document, and the findings it orders, serves or releases. Callers add
``.success()``/``.failure()`` and ``.run()``.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QWidget

from ...core import clock
from ...storage import documents as doc_store
from ...storage import findings as findings_store
from ...storage.db import Store
from ..operations import Change, Op

# Every document action may move findings too (an order, its service, a void that releases them).
DOCUMENT_CHANGES = frozenset({Change.DOCUMENT, Change.FINDING})


def issued_at_for(day: date):
    """Issued today: the real time (the register sorts a day's documents by it); else the day."""
    return clock.now().replace(microsecond=0) if day == clock.today() else day


def issue_document(parent: QWidget | None, store: Store, *, kind: str, content: dict, enterprise_id: str,
                   inspection_id: str | None, day: date, served: dict | None = None,
                   ordered: list[str] = (), deadlines: dict | None = None,
                   supersedes_id: str | None = None) -> Op:
    """Number and store a document (a correction with ``supersedes_id``) and order the findings
    in ``ordered``, in ONE transaction: a failed order un-allocates the number."""
    deadlines = deadlines or {}

    def write() -> dict:
        with store.write():
            if supersedes_id:
                row = doc_store.correct_document(store, supersedes_id, content=content,
                                                 issued_at=issued_at_for(day), deadlines=deadlines)
                if served:
                    row = doc_store.record_service(store, row["id"], **served)
            else:
                row = doc_store.issue_document(store, kind=kind, content=content, enterprise_id=enterprise_id,
                                               inspection_id=inspection_id, issued_at=issued_at_for(day),
                                               served=served)
            if ordered:
                findings_store.order_rectification(store, list(ordered), document_id=row["id"],
                                                   deadlines={k: v for k, v in deadlines.items() if k in ordered})
        return row

    return Op(parent, write, changes=DOCUMENT_CHANGES)


def record_service(parent: QWidget | None, store: Store, document_id: str, *, served_at: datetime,
                   served_how: str, refused: bool = False, note: str = "", witness: dict | None = None,
                   place: str = "", recipient: str = "") -> Op:
    """送达 as the 送达回执 records it; serving an order starts its findings' rectification period."""
    return Op(parent, lambda: doc_store.record_service(store, document_id, served_at=served_at,
                                                       served_how=served_how, refused=refused, note=note,
                                                       witness=witness, place=place, recipient=recipient),
              changes=DOCUMENT_CHANGES)


def void_document(parent: QWidget | None, store: Store, document_id: str, *, reason: str) -> Op:
    """作废 (the number stays in the register); a voided order releases its findings."""
    return Op(parent, lambda: doc_store.void_document(store, document_id, reason=reason),
              changes=DOCUMENT_CHANGES)


def render_day(parent: QWidget | None, store: Store, ids: list[str], *, label: str) -> Op:
    """One PDF of the given documents, rendered off the UI thread (its own connection) with a
    progress dialog; an in-memory database (tests, demos) renders in place."""
    from .print_day import render_documents

    db_path = store.path
    if db_path is None:  # an in-memory database cannot be opened from another thread
        return Op(parent, lambda: render_documents(store, ids))

    def work(progress):
        from ...storage import open_db

        worker_store = open_db(db_path)  # connections are bound to their thread
        try:
            return render_documents(worker_store, ids, progress)
        finally:
            worker_store.close()

    return Op(parent, work, background=True, progress_label=label)


__all__ = ["DOCUMENT_CHANGES", "issue_document", "issued_at_for", "record_service", "render_day",
           "void_document"]
