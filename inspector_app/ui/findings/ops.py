"""The findings' user actions as operations (``ui.operations.Op``): each wraps one storage call
and announces ``Change.FINDING`` (and ``Change.DOCUMENT`` when it issues one)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ... import paths
from ...core import documents as docs
from ...storage import documents as doc_store
from ...storage import findings as findings_store
from ...storage.db import Store
from ..documents.ops import issued_at_for
from ..operations import Change, Op

FINDING = frozenset({Change.FINDING})


def mark_rectified(parent: QWidget | None, store: Store, finding_id: str, *, on, note: str = "") -> Op:
    return Op(parent, lambda: findings_store.mark_rectified(store, finding_id, on=on, note=note), changes=FINDING)


def refer_case(parent: QWidget | None, store: Store, finding_id: str, *, on, materials: str = "") -> Op:
    """案件移送 of an overdue finding: the referral letter, signed by the officers of its order."""
    from ...storage import escalation

    def run():
        officers = escalation.order_officers(store, finding_id)
        if not officers:
            raise ValueError("该隐患没有责令整改文书，无法确定承办人员；请先责令整改。")
        return escalation.refer_case(store, [finding_id], on=on, officers=officers, materials=materials)
    return Op(parent, run, changes=FINDING | {Change.DOCUMENT})


def close_finding(parent: QWidget | None, store: Store, finding_id: str, *, on, note: str = "") -> Op:
    """销号."""
    return Op(parent, lambda: findings_store.close_finding(store, finding_id, on=on, note=note), changes=FINDING)


def set_five(parent: QWidget | None, store: Store, finding_id: str, **values) -> Op:
    """五到位 of a major finding."""
    return Op(parent, lambda: findings_store.set_five(store, finding_id, **values), changes=FINDING)


def list_for_supervision(parent: QWidget | None, store: Store, finding_id: str, *, body: str, doc_no: str,
                         listed_on: date, deadline: date) -> Op:
    """挂牌督办."""
    return Op(parent, lambda: findings_store.list_for_supervision(store, finding_id, body=body, doc_no=doc_no,
                                                                  listed_on=listed_on, deadline=deadline),
              changes=FINDING)


def delist(parent: QWidget | None, store: Store, finding_id: str, *, on, note: str = "") -> Op:
    """摘牌."""
    return Op(parent, lambda: findings_store.delist(store, finding_id, on=on, note=note), changes=FINDING)


def add_photos(parent: QWidget | None, store: Store, finding_id: str, files: list[str], *,
               kind: str = "整改") -> Op:
    """Store rectification photos; the result is ``(added, errors)`` — one bad file does not stop
    the others, and its message is reported."""
    from ...storage.photos import add_photo

    def work():
        added, errors = 0, []
        for path in files:
            try:
                add_photo(store, path, finding_id=finding_id, kind=kind, photos_root=paths.photos_dir(store.path))
                added += 1
            except ValueError as e:
                errors.append(str(e))
        return added, errors

    return Op(parent, work, changes=FINDING)


def record_reinspection(parent: QWidget | None, store: Store, *, order: dict | None, enterprise_id: str, day: date,
                        rows: list[dict], opinion: dict | None, served: bool,
                        photo_files: dict[str, list[str]] | None = None, close_passed: bool = False) -> Op:
    """复查: the 整改复查意见书 (when the findings were ordered) and every finding's result, in ONE
    transaction; then the after-photos and, on request, closing (销号) the passed findings.

    The result is ``(document, problems)``: the opinion ({} without an order) and what could
    not be done after the record was saved (a photo that failed, a finding that cannot close)."""
    from ...storage.photos import add_photo

    def write():
        with store.write():  # the opinion and every result, or nothing
            document: dict = {}
            if order:
                service = {"served_at": issued_at_for(day), "served_how": "直接送达"} if served else None
                document = doc_store.issue_document(
                    store, kind=docs.REINSPECTION_OPINION, content=opinion, enterprise_id=enterprise_id,
                    inspection_id=order.get("inspection_id"), issued_at=issued_at_for(day), served=service)
            for r in rows:
                findings_store.record_reinspection(
                    store, r["finding_id"], passed=r["passed"], on=day,
                    note=(f"{r['result']}。{r['note']}" if r["note"] else r["result"]),
                    new_deadline=r["new_deadline"], document_id=document.get("id"))
        problems: list[str] = []
        root = paths.photos_dir(store.path)
        for fid, files in (photo_files or {}).items():
            for path in files:
                try:
                    add_photo(store, path, finding_id=fid, kind="复查", photos_root=root)
                except (ValueError, OSError) as e:
                    problems.append(f"{path}：{e}")
        if close_passed:
            for r in rows:
                if not r["passed"]:
                    continue
                try:
                    findings_store.close_finding(store, r["finding_id"], on=day, note="复查合格销号")
                except ValueError as e:
                    problems.append(f"{r['description'][:30]}：{e}")
        return document, problems

    return Op(parent, write, changes={Change.FINDING, Change.DOCUMENT})


def export_quarter(parent: QWidget | None, store: Store, year: int, quarter: int, path: str, *, label: str) -> Op:
    """Write the quarter's listing workbook off the UI thread (its own connection); the result
    is the number of rows written. An in-memory database writes in place."""
    from ...reports.quarter_listing_xlsx import export_quarter_listing

    db_path = store.path
    if db_path is None:  # in-memory database: cannot be opened from another thread
        return Op(parent, lambda: export_quarter_listing(store, year, quarter, path))

    def work(progress):
        from ...storage import open_db

        worker_store = open_db(db_path)
        try:
            return export_quarter_listing(worker_store, year, quarter, path, progress=progress)
        finally:
            worker_store.close()

    return Op(parent, work, background=True, progress_label=label)


__all__ = ["add_photos", "close_finding", "delist", "export_quarter", "list_for_supervision", "mark_rectified",
           "record_reinspection", "set_five"]
