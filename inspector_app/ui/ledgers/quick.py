"""The quick filters of each ledger screen: due and overdue equipment, expiring certificates,
missing reports… Each is (name, label, predicate over a row as ``storage.ledgers.ledger_rows``
returns it). Statuses are the ledger's own Chinese values (``core.ledgers.rules``)."""

from __future__ import annotations

from ...core.i18n import QT_TRANSLATE_NOOP

QUICK: dict[str, tuple] = {
    "inspections": (
        ("open_loop", QT_TRANSLATE_NOOP("LedgersWidget", "Not closed loop"), lambda r: not r["closed_loop"]),
        ("no_record", QT_TRANSLATE_NOOP("LedgersWidget", "Without record number"), lambda r: not r["record_no"]),
    ),
    "equipment": (
        ("due", QT_TRANSLATE_NOOP("LedgersWidget", "Due or overdue"), lambda r: r["due_status"] in ("即将到期", "逾期未检")),
        ("overdue", QT_TRANSLATE_NOOP("LedgersWidget", "Overdue"), lambda r: r["due_status"] == "逾期未检"),
    ),
    "people": (
        ("expiring", QT_TRANSLATE_NOOP("LedgersWidget", "Expiring or review due"),
         lambda r: r["cert_status"] in ("即将到期", "待复审")),
        ("expired", QT_TRANSLATE_NOOP("LedgersWidget", "Expired or review overdue"),
         lambda r: r["cert_status"] in ("已过期", "复审逾期")),
        ("no_certificate", QT_TRANSLATE_NOOP("LedgersWidget", "No certificate recorded"),
         lambda r: r["cert_status"] in ("无证", "未登记")),
    ),
    "findings": (
        ("overdue", QT_TRANSLATE_NOOP("LedgersWidget", "Overdue"), lambda r: (r["overdue_days"] or 0) > 0),
        ("major", QT_TRANSLATE_NOOP("LedgersWidget", "Major"), lambda r: r["grade"] == "重大"),
        ("open", QT_TRANSLATE_NOOP("LedgersWidget", "Not closed"), lambda r: not r["closed_on"]),
    ),
    "hazard_sources": (
        ("not_filed", QT_TRANSLATE_NOOP("LedgersWidget", "Not filed"), lambda r: not r["filing_no"]),
    ),
    "supervisors": (
        ("training_due", QT_TRANSLATE_NOOP("LedgersWidget", "Training due or overdue"),
         lambda r: r["training_status"] in ("已逾期", "即将到期", "未培训")),
    ),
    "quarter_reports": (
        ("missing", QT_TRANSLATE_NOOP("LedgersWidget", "Not received"), lambda r: not r["received_on"]),
        ("late", QT_TRANSLATE_NOOP("LedgersWidget", "Received late"), lambda r: r["received_on"] and not r["on_time"]),
    ),
    "township": (
        ("drills", QT_TRANSLATE_NOOP("LedgersWidget", "Drills"), lambda r: r["kind"] == "综合应急演练"),
        ("joint", QT_TRANSLATE_NOOP("LedgersWidget", "Joint actions"), lambda r: r["kind"] == "打非治违联合执法"),
    ),
}


def quick_filter(ledger: str, name: str):
    for key, _label, pred in QUICK.get(ledger, ()):
        if key == name:
            return pred
    return None


__all__ = ["QUICK", "quick_filter"]
