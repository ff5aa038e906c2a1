"""Today's sections and their small tables.

``SECTIONS`` is the page, in order of urgency: one ``Section`` per list. A section says where its
rows come from (``rows(ctx)``), which date its date column shows (``date_header`` and the
sentence ``date_note``), and what its rows open. Findings are placed once, in the first (most
pressing) finding section that holds them. Adding a section — e.g. enterprises under
suspension — is one more entry here, with a model class for its columns if they differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core import clock
from ...core.dates import as_date
from ...core.i18n import QT_TRANSLATE_NOOP
from ..findings.labels import state_label
from ..widgets.tables import ListTableModel

LATE_COLOR = QColor("#b00020")


@cache
def _bold() -> QFont:  # made on first use: a QFont wants the application to exist
    f = QFont()
    f.setBold(True)
    return f


def horizon_days(today: date) -> int:
    """Days from today to the end of this week (Sunday): "this week" is Monday–Sunday."""
    return (clock.week_bounds(today)[1] - today).days


# Old name: the fixed horizon. The page now looks to the end of the week (horizon_days).
HORIZON_DAYS = 7


@dataclass
class TodayContext:
    """What the sections read, fetched once per refresh."""
    store: object
    today: date
    window_days: int
    view: dict  # storage.findings.today_view


@dataclass(frozen=True)
class Section:
    key: str
    title: str                       # QT_TRANSLATE_NOOP("TodayWidget", …)
    kind: str                        # "finding", "draft", "document": the model and what a row opens
    rows: Callable[[TodayContext], list[dict]]
    date_header: str                 # QT_TRANSLATE_NOOP("TodayModel", …): the date column's header
    date_note: str                   # QT_TRANSLATE_NOOP("TodayWidget", …): which date it is; %1 = window days
    action: str = "open"             # "reinspect" adds the re-inspection button
    # Filled one event-loop turn after the page is first shown: its rows need storage modules
    # (documents, inspections) that Today, the start page, keeps off the start-up path.
    deferred: bool = False

    @property
    def buckets(self) -> tuple[str, ...]:  # the old SECTIONS tuple's second item
        return ()

    def __iter__(self):  # old callers unpack (key, buckets, title, action)
        return iter((self.key, self.buckets, self.title, self.action))


def _bucket(*names: str) -> Callable[[TodayContext], list[dict]]:
    return lambda ctx: [r for n in names for r in ctx.view[n]]


def _drafts(ctx: TodayContext) -> list[dict]:
    from ...storage import inspections

    return inspections.drafts(ctx.store)


def _unserved(ctx: TodayContext) -> list[dict]:
    from ...storage import documents

    return documents.unserved_documents(ctx.store)


SECTIONS: tuple[Section, ...] = (
    Section("overdue_reinspections", QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections overdue"), "finding",
            _bucket("overdue_reinspections"), QT_TRANSLATE_NOOP("TodayModel", "Re-inspect by"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: the last day for the re-inspection (the rectification deadline, "
                                             "or the day rectification was reported, + %1 days)."),
            "reinspect"),
    Section("reinspections_due", QT_TRANSLATE_NOOP("TodayWidget", "Re-inspections due this week"), "finding",
            _bucket("reinspections_due"), QT_TRANSLATE_NOOP("TodayModel", "Re-inspect by"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: the last day for the re-inspection (the rectification deadline, "
                                             "or the day rectification was reported, + %1 days)."),
            "reinspect"),
    Section("overdue_rectifications", QT_TRANSLATE_NOOP("TodayWidget", "Rectifications overdue"), "finding",
            _bucket("overdue_rectifications"), QT_TRANSLATE_NOOP("TodayModel", "Rectify by"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: the rectification deadline set in the order.")),
    Section("listings", QT_TRANSLATE_NOOP("TodayWidget", "Supervision listings expired or expiring this week"),
            "finding", _bucket("listings_expired", "listings_expiring"),
            QT_TRANSLATE_NOOP("TodayModel", "Listing deadline"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: the deadline of the supervision listing (督办期限).")),
    Section("unserved_documents", QT_TRANSLATE_NOOP("TodayWidget", "Documents issued but not served"), "document",
            _unserved, QT_TRANSLATE_NOOP("TodayModel", "Issued"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: the day the document was issued. A rectification period "
                                             "runs from service: record it once the document is handed over."),
            deferred=True),
    Section("drafts", QT_TRANSLATE_NOOP("TodayWidget", "Unfinished inspections"), "draft",
            _drafts, QT_TRANSLATE_NOOP("TodayModel", "Started"),
            QT_TRANSLATE_NOOP("TodayWidget", "Date: when the inspection was started. Resume it to finish or discard it."),
            deferred=True),
)

SECTION_BY_KEY = {s.key: s for s in SECTIONS}


def place_findings(sections: tuple[Section, ...], ctx: TodayContext) -> dict[str, list[dict]]:
    """Each section's rows; a finding appears once, under the first (most pressing) finding
    section that holds it."""
    seen: set[str] = set()
    out: dict[str, list[dict]] = {}
    for section in sections:
        rows = section.rows(ctx)
        if section.kind == "finding":
            kept = []
            for r in rows:
                if r["id"] not in seen:
                    seen.add(r["id"])
                    kept.append(r)
            rows = kept
        out[section.key] = rows
    return out


class TodayModel(ListTableModel):
    """Findings of one Today section."""

    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("TodayModel", "Enterprise")),
        ("village_name", QT_TRANSLATE_NOOP("TodayModel", "Village")),
        ("description", QT_TRANSLATE_NOOP("TodayModel", "Description")),
        ("grade", QT_TRANSLATE_NOOP("TodayModel", "Grade")),
        ("state", QT_TRANSLATE_NOOP("TodayModel", "State")),
        ("when", QT_TRANSLATE_NOOP("TodayModel", "Due")),
        ("late", QT_TRANSLATE_NOOP("TodayModel", "Days")),
    )

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.today = clock.today()

    def set_rows(self, rows: list[dict], today: date) -> None:
        self.today = today  # before the reset: the views re-read days against it
        super().set_rows(rows)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.COLUMNS[section][0] == "when" and self.section in SECTION_BY_KEY):
            # The date column says which date it is (re-inspect by, rectify by, issued …).
            return QCoreApplication.translate("TodayModel", SECTION_BY_KEY[self.section].date_header)
        return super().headerData(section, orientation, role)

    def due(self, r: dict) -> str:
        if self.section in ("reinspections_due", "overdue_reinspections"):
            return r.get("reinspection_due_by") or ""
        if self.section == "listings":
            return r.get("listing_deadline") or ""
        return r.get("deadline") or ""

    def days(self, r: dict) -> int:
        """Days left (positive) or overdue (negative) against the row's due date."""
        due = as_date(self.due(r))
        return 0 if due is None else (due - self.today).days

    def text(self, r: dict, key: str) -> str:
        if key == "state":
            return state_label(r["state"])
        if key == "when":
            return self.due(r)
        if key == "late":
            n = self.days(r)
            if n < 0:
                return self.tr("%n day(s) late", "", -n)
            return self.tr("today") if n == 0 else self.tr("in %n day(s)", "", n)
        value = r.get(key)
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(r, key)  # the tooltip: the whole text of a cut-off cell
        if role == Qt.ItemDataRole.ForegroundRole and key in ("when", "late") and self.days(r) < 0:
            return QBrush(LATE_COLOR)
        if role == Qt.ItemDataRole.FontRole and key == "grade" and r["grade"] == "重大":
            return _bold()
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


class TodayDocumentsModel(TodayModel):
    """Documents issued and not yet served."""

    COLUMNS = (
        ("party", QT_TRANSLATE_NOOP("TodayDocumentsModel", "Party")),
        ("title", QT_TRANSLATE_NOOP("TodayDocumentsModel", "Document")),
        ("doc_no", QT_TRANSLATE_NOOP("TodayDocumentsModel", "Number")),
        ("when", QT_TRANSLATE_NOOP("TodayDocumentsModel", "Issued")),
        ("late", QT_TRANSLATE_NOOP("TodayDocumentsModel", "Waiting")),
    )

    def due(self, r: dict) -> str:
        return r.get("issued_on") or ""

    def days(self, r: dict) -> int:
        return 0  # issued is in the past by nature: not shown as late

    def text(self, r: dict, key: str) -> str:
        if key == "late":
            issued = as_date(self.due(r))
            n = 0 if issued is None else (self.today - issued).days
            return self.tr("issued today") if n <= 0 else self.tr("%n day(s)", "", n)
        return super().text(r, key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole:
            return None
        return super().data(index, role)


class TodayDraftsModel(TodayModel):
    """Inspections started and not finalised."""

    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("TodayDraftsModel", "Enterprise")),
        ("kind", QT_TRANSLATE_NOOP("TodayDraftsModel", "Kind")),
        ("answered_count", QT_TRANSLATE_NOOP("TodayDraftsModel", "Items answered")),
        ("when", QT_TRANSLATE_NOOP("TodayDraftsModel", "Started")),
        ("late", QT_TRANSLATE_NOOP("TodayDraftsModel", "Last saved")),
    )

    def due(self, r: dict) -> str:
        return (r.get("started_at") or "")[:16].replace("T", " ")

    def days(self, r: dict) -> int:
        return 0

    def text(self, r: dict, key: str) -> str:
        if key == "late":
            return (r.get("last_saved") or "")[:16].replace("T", " ")
        return super().text(r, key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole:
            return None
        return super().data(index, role)


MODEL_OF_KIND = {"finding": TodayModel, "document": TodayDocumentsModel, "draft": TodayDraftsModel}


__all__ = ["HORIZON_DAYS", "MODEL_OF_KIND", "SECTIONS", "SECTION_BY_KEY", "Section", "TodayContext",
           "TodayDocumentsModel", "TodayDraftsModel", "TodayModel", "horizon_days", "place_findings"]
