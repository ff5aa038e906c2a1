"""The audit log of legal records: one hash-chained entry per legal act, in the act's transaction.

Issuing, correcting, voiding and serving a document, finalising an inspection, and registering,
closing or deleting a finding call :func:`record` inside the same ``store.write()`` as the change,
so an act and its entry commit or roll back together. The entry holds the sha256 of the record's
legal content (:func:`content_of`: the columns ``storage.protect`` guards, the frozen document text
with the sha256 of every photo it shows, an inspection's answers, evidence photos and findings),
never the content itself (the record is in its own table; the entry proves what it said).

``storage.verify`` recomputes the chain and compares every record's current content with its
latest entry, so a change made behind the application's back (plain SQL with the triggers
dropped, a swapped photo) is found.
"""

from __future__ import annotations

import json

from ..core import audit as A
from .protect import guard

RECORD_KINDS = ("document", "inspection", "finding", "suspension", "series", "database")
# A suspension's facts when it is ordered; its review columns join once it is lifted (frozen then).
SUSPENSION_START = ("id", "enterprise_id", "document_id", "scope", "started_on")
SUSPENSION_FINAL_ACTIONS = ("resume", "release")
# Photo kinds that are evidence of the inspection itself (rectification photos come later).
EVIDENCE_PHOTO_KINDS = ("现场", "问题")


def _existing(conn, table: str, cols) -> list[str]:
    # While an old database is upgraded, a declared column a later migration adds is not there yet;
    # that migration seals the records again with the full content (baseline(again=True)).
    have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    return [c for c in cols if c in have]


def _row(conn, table: str, cols, record_id: str) -> dict | None:
    cols = _existing(conn, table, cols)
    cur = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", [record_id])
    r = cur.fetchone()
    return None if r is None else dict(zip(cols, r))


def _rows(conn, table: str, cols, where: str, params) -> list[dict]:
    cols = _existing(conn, table, cols)
    cur = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {where} ORDER BY id", params)
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def document_content(conn, document_id: str) -> dict | None:
    row = _row(conn, "document", guard("document").all_columns, document_id)
    if row is not None:
        row["content"] = json.loads(row["content"])
    return row


def inspection_content(conn, inspection_id: str) -> dict | None:
    row = _row(conn, "inspection", guard("inspection").columns, inspection_id)
    if row is None:
        return None
    row["answers"] = _rows(conn, "inspection_answer", guard("inspection_answer").columns,
                           "inspection_id = ?", [inspection_id])
    marks = ",".join("?" * len(EVIDENCE_PHOTO_KINDS))
    row["photos"] = _rows(conn, "photo", guard("photo").columns,
                          f"inspection_id = ? AND kind IN ({marks})", [inspection_id, *EVIDENCE_PHOTO_KINDS])
    row["findings"] = _rows(conn, "finding", guard("finding").columns, "inspection_id = ?", [inspection_id])
    return row


def finding_content(conn, finding_id: str, action: str) -> dict | None:
    cols = guard("finding").columns + (("state", "closed_on") if action == "close" else ())
    return _row(conn, "finding", cols, finding_id)


def suspension_content(conn, suspension_id: str, action: str) -> dict | None:
    # A failed review may still be followed by another (or arrive by sync from another laptop),
    # so only a lifting entry hashes the review; the trigger freezes it from then on.
    cols = guard("suspension").columns if action in SUSPENSION_FINAL_ACTIONS else SUSPENSION_START
    row = _row(conn, "suspension", cols, suspension_id)
    if row is not None and action in SUSPENSION_FINAL_ACTIONS and _existing(conn, "resumption_review", ("id",)):
        # Every review that led to the lifting, with its evidence (m009). A suspension lifted
        # before reviews had their own rows has none and hashes as it did then.
        reviews = _rows(conn, "resumption_review", guard("resumption_review").columns, "suspension_id = ?",
                        [suspension_id])
        if reviews:
            row["reviews"] = reviews
    return row


def content_of(conn, record_kind: str, record_id: str, action: str) -> dict | None:
    """The legal content of a record as an entry of ``action`` hashes it (None: no such row)."""
    if record_kind == "document":
        return document_content(conn, record_id)
    if record_kind == "inspection":
        return inspection_content(conn, record_id)
    if record_kind == "finding":
        return finding_content(conn, record_id, action)
    if record_kind == "suspension":
        return suspension_content(conn, record_id, action)
    raise ValueError(f"未知的审计对象：{record_kind}")


def head(conn) -> tuple[int, str]:
    """(seq, hash) of the last entry, (0, GENESIS) for an empty log."""
    r = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (r[0], r[1]) if r else (0, A.GENESIS)


def append(conn, *, at: str, device: str, action: str, record_kind: str, record_id: str,
           content_sha256: str) -> dict:
    """Append one chained entry (the caller holds the write transaction)."""
    if action not in A.ACTIONS:
        raise ValueError(f"未知的审计动作：{action}")
    seq, prev = head(conn)
    entry = {"seq": seq + 1, "at": at, "device": device, "action": action, "record_kind": record_kind,
             "record_id": record_id, "content_sha256": content_sha256, "prev_hash": prev}
    entry["hash"] = A.entry_hash(entry)
    cols = list(entry)
    conn.execute(f"INSERT INTO audit_log ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                 [entry[c] for c in cols])
    return entry


def record(store, action: str, record_kind: str, record_id: str, *, content=None) -> dict:
    """Append the entry of a legal act on a record, hashing its current content (or ``content``
    for entries that are not about one row, e.g. a restore)."""
    from .db import now_iso

    if not store.conn.in_transaction:
        raise RuntimeError("audit entries are written inside the act's transaction")
    if content is None:
        content = content_of(store.conn, record_kind, record_id, action)
        if content is None:
            raise ValueError(f"要记录的{record_kind}不存在：{record_id}")
    return append(store.conn, at=now_iso(), device=store.device, action=action, record_kind=record_kind,
                  record_id=record_id, content_sha256=A.content_hash(content))


def entries(conn, *, after: int = 0):
    cur = conn.execute("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq", [after])
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r))


def latest_entries(conn) -> dict[tuple[str, str], dict]:
    """The last entry per (record_kind, record_id)."""
    cur = conn.execute(
        "SELECT a.* FROM audit_log a JOIN (SELECT record_kind, record_id, max(seq) AS seq FROM audit_log "
        "GROUP BY record_kind, record_id) m ON m.seq = a.seq")
    names = [d[0] for d in cur.description]
    return {(r[names.index("record_kind")], r[names.index("record_id")]): dict(zip(names, r)) for r in cur}


def _bulk_contents(conn, kind: str, todo: list[tuple[str, str, str]]) -> dict[str, dict]:
    """The contents of many findings or documents in one query per 500 ids (what ``content_of``
    gives one at a time): a bundle brings thousands at once."""
    if kind == "finding":
        cols = _existing(conn, "finding", guard("finding").columns + ("state", "closed_on"))
    else:
        cols = _existing(conn, "document", guard("document").all_columns)
    sel = list(dict.fromkeys(["id", *cols]))
    out: dict[str, dict] = {}
    ids = [rid for _, rid, _ in todo]
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        cur = conn.execute(f"SELECT {', '.join(sel)} FROM {kind} WHERE id IN ({','.join('?' * len(part))})", part)
        for r in cur:
            out[r[0]] = dict(zip(sel, r))
    closing = [c for c in ("state", "closed_on") if c in cols]
    base = _existing(conn, "finding", guard("finding").columns) if kind == "finding" else cols
    contents = {}
    for _, rid, action in todo:
        row = out.get(rid)
        if row is None:
            continue
        content = {c: row[c] for c in (base + closing if kind == "finding" and action == "close" else base)}
        if kind == "document":
            content["content"] = json.loads(content["content"])
        contents[rid] = content
    return contents


def baseline(conn, *, at: str, device: str, kinds: set[str] | None = None, again: bool = False) -> int:
    """One ``baseline`` entry per legal record that exists without one (a database from before
    the chain, or records arrived by other means). Returns the number written.

    ``again``: also for records that have entries — a migration that adds a column to what a
    record's legal content is (a new protected column) seals every such record anew, so the chain
    keeps saying what each record holds and ``verify`` does not see every old record as changed."""
    have = set() if again else {
        (k, i) for k, i in conn.execute("SELECT DISTINCT record_kind, record_id FROM audit_log")}
    todo = [("document", r[0], "issue") for r in conn.execute("SELECT id FROM document ORDER BY issued_at, id")]
    todo += [("inspection", r[0], "finalise") for r in conn.execute(
        "SELECT id FROM inspection WHERE status = 'final' ORDER BY finalised_at, id")]
    todo += [("finding", r[0], "close" if r[1] == "closed" else "register") for r in conn.execute(
        "SELECT id, state FROM finding ORDER BY created_at, id")]
    todo = [t for t in todo if (t[0], t[1]) not in have and (kinds is None or t[0] in kinds)]
    if not todo:
        return 0
    bulk = {k: _bulk_contents(conn, k, [t for t in todo if t[0] == k]) for k in ("document", "finding")}
    seq, prev = head(conn)
    entries = []
    for kind, rid, action in todo:
        content = bulk[kind].get(rid) if kind in bulk else content_of(conn, kind, rid, action)
        # The entry's action is "baseline"; verify hashes with the action the content implies.
        entry = {"seq": seq + 1, "at": at, "device": device, "action": "baseline", "record_kind": kind,
                 "record_id": rid, "content_sha256": A.content_hash(content), "prev_hash": prev}
        entry["hash"] = A.entry_hash(entry)
        seq, prev = entry["seq"], entry["hash"]
        entries.append(entry)
    cols = list(entries[0])
    # One statement for all: the chain is computed above exactly as ``append`` would, entry by entry.
    conn.executemany(f"INSERT INTO audit_log ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     [[e[c] for c in cols] for e in entries])
    return len(entries)


def content_action(record_kind: str, entry_action: str, conn, record_id: str) -> str:
    """Which content shape an entry hashed (a finding's close adds its closing facts)."""
    if record_kind != "finding":
        return entry_action
    if entry_action == "baseline":
        r = conn.execute("SELECT state FROM finding WHERE id = ?", [record_id]).fetchone()
        return "close" if r and r[0] == "closed" else "register"
    return entry_action


__all__ = ["EVIDENCE_PHOTO_KINDS", "RECORD_KINDS", "append", "baseline", "content_action", "content_of",
           "entries", "head", "latest_entries", "record", "suspension_content"]
