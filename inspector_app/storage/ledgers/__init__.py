"""The seven township ledgers (澄政发〔2012〕80号（四）) in the database: the public API the
screens, the command line, the exports and the demo use. No Qt.

Rules and column definitions live in :mod:`inspector_app.core.ledgers`; this package stores and
queries. Everything below takes the :class:`~inspector_app.storage.db.Store` first; a quarter is
a :class:`~inspector_app.core.ledgers.quarter.Quarter` or its text ``"2026Q4"``; ``today``
defaults to ``core.clock.today()``. Mistakes raise ``ValueError`` with a Chinese message.

Ledger rows (derived, read-only) — :mod:`.views`
    ``ledger_rows(store, key, quarter, *, village_id=None, enterprise_id=None, today=None)``
        → ``list[dict]`` for ``key`` in ``core.ledgers.ledgers.LEDGER_KEYS``: ``enterprises``
        (一), ``inspections`` (二), ``activities`` (三), ``equipment`` (四), ``people`` (五),
        ``findings`` and ``hazard_sources`` (六), ``accidents`` (七), and the township's own
        ``township`` (drills, joint actions), ``supervisors``, ``quarter_reports``,
        ``referrals``. Each dict has the ledger's column keys (``spec(key).columns``; dates as
        ISO text, booleans as bool, personal ID numbers unmasked: mask with
        ``core.ledgers.rules.mask_id`` when showing them) plus ``id`` — the record to open (its
        table: see ``RECORD_TABLE``) — and ``enterprise_id`` where there is one.

Recorded ledgers (CRUD) — :mod:`.records`, over ``core.ledgers.records`` dataclasses
    ``save(store, record) -> record`` (insert when ``record.id`` is None, else update),
    ``get(store, Kind, id)``, ``list_records(store, Kind, *, enterprise_id=None, village_id=None)``,
    ``delete(store, Kind, id)`` (tombstone), ``save_many``. Kinds: ``Activity``, ``Equipment``,
    ``Person``, ``HazardSource``, ``Accident``, ``TownshipAction`` (drills and joint actions),
    ``Supervisor``, ``Referral``, ``QuarterReport``.

The quarter — :mod:`.quarters`
    ``quarter_state(store, q) -> QuarterState`` (status, closed_at/by, snapshot hash, log);
    ``close_quarter(store, q, *, by=None, accept_gaps=False)`` (refused before the quarter ends
    and, unless ``accept_gaps``, with a :class:`CompletenessError` carrying the gaps);
    ``reopen_quarter(store, q, *, reason)``; ``quarter_log(store, q=None)``;
    ``export_snapshot(store, q)`` — what the export prints: the frozen snapshot of a closed
    quarter, else the ledgers now (``build_snapshot``); ``closed_quarters(store)``.

Completeness and reminders — :mod:`.checks`
    ``completeness(store, q) -> list[Issue]`` (code, ledger, table, record_id, enterprise_id,
    message) and ``summary(issues)``; ``reminders(store, *, today=None) -> list[Reminder]``
    (code, ledger, text, count, items) for Today.

Figures — :mod:`.figures`
    ``figures(store, q)`` → ``{key: number}`` for ``FIGURES`` (key, label, kind) plus
    ``by_village``; ``comparison(store, q)`` → current, previous and same quarter last year
    (closed quarters from their snapshots); ``change_text(now, before)``.
"""

from ...core.ledgers.records import (  # noqa: F401 (the record kinds, re-exported)
    Accident, Activity, Equipment, HazardSource, Person, QuarterReport, Referral, Supervisor, TownshipAction,
)
from .checks import CHECK_LABELS, Issue, Reminder, completeness, missing_reports, reminders, summary
from .figures import FIGURE_KEYS, FIGURE_KINDS, FIGURE_LABELS, FIGURES, VILLAGE_FIGURES, change_text, comparison, figures
from .quarters import (
    CompletenessError, QuarterState, build_snapshot, close_quarter, closed_quarters, closed_snapshot, export_snapshot,
    quarter_log, quarter_state, reopen_quarter,
)
from .records import delete, get, list_records, save, save_many
from .views import ledger_rows, overdue_days

# The table of the record behind a row's ``id``, per ledger (``quarter_reports``: the
# ``ledger_quarter_report`` id, "" when the enterprise has not reported).
RECORD_TABLE = {
    "enterprises": "enterprise", "inspections": "inspection", "activities": "ledger_activity",
    "equipment": "ledger_equipment", "people": "ledger_person", "findings": "finding",
    "hazard_sources": "ledger_hazard_source", "accidents": "ledger_accident", "township": "ledger_action",
    "supervisors": "ledger_supervisor", "quarter_reports": "ledger_quarter_report", "referrals": "ledger_referral",
}

__all__ = [
    "Accident", "Activity", "CHECK_LABELS", "CompletenessError", "Equipment", "FIGURES", "FIGURE_KEYS",
    "FIGURE_KINDS", "FIGURE_LABELS", "HazardSource", "Issue", "Person", "QuarterReport", "QuarterState",
    "RECORD_TABLE", "Referral", "Reminder", "Supervisor", "TownshipAction", "VILLAGE_FIGURES", "build_snapshot",
    "change_text", "close_quarter", "closed_quarters", "closed_snapshot", "comparison", "completeness", "delete",
    "export_snapshot", "figures", "get", "ledger_rows", "list_records", "missing_reports", "overdue_days",
    "quarter_log", "quarter_state", "reminders", "reopen_quarter", "save", "save_many", "summary",
]
