"""The quarter's close: a frozen snapshot of every ledger and the figures, the export built from
it, and explicit re-opening with a reason, every step logged.

A closed quarter's export is reproducible byte for byte however the records change afterwards:
the reports render only the snapshot (with its own timestamp), never live data. The snapshot is
canonical JSON (sorted keys) with its SHA-256 stored beside it and in the log; a schema trigger
refuses to change it while the quarter stays closed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ...core import clock
from ...core import settings as S
from ...core.dates import as_date
from ...core.ledgers.ledgers import LEDGER_KEYS
from ...core.ledgers.quarter import Quarter
from .. import settings
from ..db import Store, now_iso
from .figures import comparison
from . import views

SNAPSHOT_FORMAT = 1
MIN_REASON = 4


class CompletenessError(ValueError):
    """The completeness check found gaps and closing was not told to accept them."""

    def __init__(self, issues: list):
        self.issues = issues
        lines = "\n".join(f"{i}. {x.message}" for i, x in enumerate(issues[:20], 1))
        more = f"\n……共{len(issues)}项" if len(issues) > 20 else ""
        super().__init__(f"台账尚不完整，共{len(issues)}项需补充：\n{lines}{more}\n"
                         "请补充后再结账，或确认按现状结账。")


@dataclass
class QuarterState:
    quarter: Quarter
    status: str                 # "open" (never closed or re-opened) / "closed"
    closed_at: str = ""
    closed_by: str = ""
    snapshot_sha256: str = ""
    log: list[dict] = field(default_factory=list)

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"


def _officer_name(store: Store) -> str:
    oid = settings.get(store, S.CURRENT_OFFICER)
    if not oid:
        return ""
    row = store.conn.execute("SELECT name FROM officer WHERE id = ?", [oid]).fetchone()
    return row[0] if row else ""


def build_snapshot(store: Store, quarter, *, today=None) -> dict:
    """Every ledger's rows and the figures of ``quarter`` as they stand now: what closing freezes
    and what an open quarter's export is made from."""
    q = Quarter.parse(quarter)
    today = as_date(today) or clock.today()
    values = settings.get_many(store, (S.TOWNSHIP, S.TOWNSHIP_GOVERNMENT, S.AUTHORITY_NAME))
    comp = comparison(store, q, today=today)
    return {
        "format": SNAPSHOT_FORMAT,
        "quarter": str(q),
        "label": q.label,
        "previous_label": q.previous().label,
        "last_year_label": q.same_last_year().label,
        "township": values[S.TOWNSHIP.key],
        "township_government": values[S.TOWNSHIP_GOVERNMENT.key],
        "authority": values[S.AUTHORITY_NAME.key],
        "as_of": q.as_of(today).isoformat(),
        "made_at": clock.now().replace(microsecond=0).isoformat(),
        "status": "open",
        "closed_at": "",
        "closed_by": "",
        "ledgers": {key: views.ledger_rows(store, key, q, today=today) for key in LEDGER_KEYS},
        "figures": comp["current"],
        "comparison": {"previous": comp["previous"], "last_year": comp["last_year"]},
    }


def canonical(snapshot: dict) -> str:
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _row(store: Store, q: Quarter):
    return store.conn.execute(
        "SELECT id, status, closed_at, closed_by, snapshot, snapshot_sha256 FROM ledger_quarter "
        "WHERE year = ? AND quarter = ? AND deleted = 0", [q.year, q.q]).fetchone()


def _log(store: Store, quarter_id: str, q: Quarter, action: str, *, by: str, reason: str, sha: str) -> None:
    row = {"quarter_id": quarter_id, "year": q.year, "quarter": q.q, "at": now_iso(), "action": action,
           "by_officer": by, "reason": reason, "snapshot_sha256": sha}
    store.stamp(row, new=True)
    cols = list(row)
    store.conn.execute(f"INSERT INTO ledger_quarter_log ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [row[c] for c in cols])


def quarter_log(store: Store, quarter=None) -> list[dict]:
    """The close/reopen log (of one quarter, or all), oldest first."""
    sql = ("SELECT year, quarter, at, action, by_officer, reason, snapshot_sha256 FROM ledger_quarter_log "
           "WHERE deleted = 0")
    params: list = []
    if quarter is not None:
        q = Quarter.parse(quarter)
        sql += " AND year = ? AND quarter = ?"
        params = [q.year, q.q]
    cur = store.conn.execute(sql + " ORDER BY at, hlc", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def quarter_state(store: Store, quarter) -> QuarterState:
    q = Quarter.parse(quarter)
    row = _row(store, q)
    log = quarter_log(store, q)
    if row is None:
        return QuarterState(q, "open", log=log)
    return QuarterState(q, row[1], closed_at=row[2], closed_by=row[3], snapshot_sha256=row[5], log=log)


def closed_quarters(store: Store) -> list[Quarter]:
    return [Quarter(y, n) for y, n in store.conn.execute(
        "SELECT year, quarter FROM ledger_quarter WHERE deleted = 0 AND status = 'closed' ORDER BY year, quarter")]


def closed_snapshot(store: Store, quarter) -> dict | None:
    """The frozen snapshot of a closed quarter, or None when the quarter is open."""
    row = _row(store, Quarter.parse(quarter))
    if row is None or row[1] != "closed":
        return None
    return json.loads(row[4])


def export_snapshot(store: Store, quarter, *, today=None) -> dict:
    """What the export of ``quarter`` prints: the frozen snapshot when closed, else the ledgers now."""
    return closed_snapshot(store, quarter) or build_snapshot(store, quarter, today=today)


def close_quarter(store: Store, quarter, *, by: str | None = None, accept_gaps: bool = False,
                  today=None) -> QuarterState:
    """Close ``quarter``: run the completeness check, freeze the snapshot, log it.

    Refused (Chinese ValueError) before the quarter has ended, when it is already closed, or —
    unless ``accept_gaps`` — when the check finds gaps (:class:`CompletenessError` with them)."""
    from .checks import completeness

    q = Quarter.parse(quarter)
    today = as_date(today) or clock.today()
    if today <= q.last:
        raise ValueError(f"{q.label}尚未结束（{q.last.isoformat()}结束），季度结束后才能结账。")
    with store.write():
        row = _row(store, q)
        if row is not None and row[1] == "closed":
            raise ValueError(f"{q.label}已于{row[2][:16].replace('T', ' ')}结账，无需重复结账。")
        issues = completeness(store, q, today=today)
        if issues and not accept_gaps:
            raise CompletenessError(issues)
        by = _officer_name(store) if by is None else by.strip()
        snap = build_snapshot(store, q, today=today)
        closed_at = now_iso()
        snap.update(status="closed", closed_at=closed_at, closed_by=by)
        text = canonical(snap)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        values = {"status": "closed", "closed_at": closed_at, "closed_by": by, "snapshot": text,
                  "snapshot_sha256": sha}
        if row is None:
            values.update(year=q.year, quarter=q.q)
            store.stamp(values, new=True)
            cols = list(values)
            store.conn.execute(f"INSERT INTO ledger_quarter ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                               [values[c] for c in cols])
            quarter_id = values["id"]
        else:
            quarter_id = row[0]
            store.stamp(values, new=False)
            cols = list(values)
            store.conn.execute(f"UPDATE ledger_quarter SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?",
                               [values[c] for c in cols] + [quarter_id])
        note = f"按现状结账，尚有{len(issues)}项未补充" if issues else ""
        _log(store, quarter_id, q, "close", by=by, reason=note, sha=sha)
    return quarter_state(store, q)


def reopen_quarter(store: Store, quarter, *, reason: str, by: str | None = None) -> QuarterState:
    """Re-open a closed quarter (its ledgers become live again); the reason is required and logged
    with the hash of the snapshot that stops being the reported one."""
    q = Quarter.parse(quarter)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValueError(f"重新开账须说明理由（至少{MIN_REASON}个字），如“补录遗漏的检查记录”。")
    with store.write():
        row = _row(store, q)
        if row is None or row[1] != "closed":
            raise ValueError(f"{q.label}尚未结账，无需重新开账。")
        by = _officer_name(store) if by is None else by.strip()
        values = store.stamp({"status": "open"}, new=False)
        cols = list(values)
        store.conn.execute(f"UPDATE ledger_quarter SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?",
                           [values[c] for c in cols] + [row[0]])
        _log(store, row[0], q, "reopen", by=by, reason=reason, sha=row[5])
    return quarter_state(store, q)


__all__ = ["CompletenessError", "QuarterState", "build_snapshot", "canonical", "close_quarter", "closed_quarters",
           "closed_snapshot", "export_snapshot", "quarter_log", "quarter_state", "reopen_quarter"]
