"""The audit chain's arithmetic: canonical JSON, content hashes and entry hashes. No storage.

An audit entry says "at this moment this device did ACTION to the legal record KIND/ID whose
content hashed to C". Entries are chained: each one's ``hash`` covers its own fields and the
previous entry's hash, so changing, removing or reordering any entry (or the record content it
names) breaks every hash after it. ``storage.audit`` writes entries in the same transaction as
the action; ``storage.verify`` recomputes them.

Canonical JSON: keys sorted, no insignificant whitespace, non-ASCII kept as UTF-8, floats that
are whole numbers written as integers (SQLite hands back ``3.0`` or ``3`` for the same REAL
depending on how it was written), so the same content always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

GENESIS = "0" * 64
ACTIONS = (
    "baseline",           # a record that existed before the chain did (migration)
    "issue", "correct", "void", "serve",           # documents
    "finalise",                                      # inspections
    "register", "close", "delete",                   # findings
    "restore",                                       # the database was restored from a backup
    "confirm_series",                                # a number series' high-water mark confirmed
    "refer", "bureau_outcome",                       # findings referred to the bureau, its outcome
    "suspend", "review", "resume", "release",        # suspensions and their resumption review
)
ENTRY_FIELDS = ("seq", "at", "device", "action", "record_kind", "record_id", "content_sha256", "prev_hash")


_PLAIN = (str, int, bool, type(None))


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        # Most values of a record are plain: kept as they are without a call (thousands of
        # records are hashed when a bundle arrives).
        return {str(k): v if type(v) in _PLAIN else _normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    raise TypeError(f"cannot canonicalise {type(value).__name__}")


def canonical_json(value: Any) -> str:
    """The one serialisation hashed anywhere in the chain."""
    return json.dumps(_normalise(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(content: Any) -> str:
    return sha256_text(canonical_json(content))


def entry_hash(entry: dict) -> str:
    """The hash of an entry: its fields (``ENTRY_FIELDS``) including the previous hash."""
    missing = [f for f in ENTRY_FIELDS if f not in entry]
    if missing:
        raise ValueError("审计记录缺少字段：" + "、".join(missing))
    return content_hash({f: entry[f] for f in ENTRY_FIELDS})


def sha256_file(path, *, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()


__all__ = ["ACTIONS", "ENTRY_FIELDS", "GENESIS", "canonical_json", "content_hash", "entry_hash",
           "sha256_file", "sha256_text"]
