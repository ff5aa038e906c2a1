"""The 同步 screen's user actions as operations (``ui/operations.Op``) over ``sync.laptop`` and
``sync.state``: export and import run off the UI thread on their own connection (SQLite
connections are thread-bound) with a progress bar; trusting the county key and resolving a
conflict are quick writes on the UI's connection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...storage.db import Store
from ..operations import Change, Op

# An imported county bundle may touch any kind of record: every screen refreshes.
ALL_RECORDS = frozenset(Change)


def _in_worker(store: Store, fn):
    """``fn(store, progress)`` on a connection of its own in the pool; an in-memory database
    (tests of other screens) cannot be opened from another thread, so it runs in place."""
    db_path = store.path
    if db_path is None:
        return lambda: fn(store, None), False

    def work(progress):
        from ...storage import open_db

        worker = open_db(db_path)
        try:
            return fn(worker, progress)
        finally:
            worker.close()

    return work, True


def export_bundle(parent: QWidget | None, store: Store, folder: str | Path, *, full: bool, label: str,
                  encrypt: bool = False) -> Op:
    """Write this laptop's bundle into ``folder`` (sealed to the county's key with ``encrypt``);
    the result is ``laptop.export_bundle``'s summary."""
    from ...sync import laptop

    work, background = _in_worker(store, lambda s, progress: laptop.export_bundle(
        s, folder, full=full, progress=progress, encrypt=encrypt))
    return Op(parent, work, background=background, progress_label=label, failure_title=label)


def import_bundle(parent: QWidget | None, store: Store, path: str | Path, *, label: str) -> Op:
    """Verify and merge the county's bundle; the result is ``laptop.import_bundle``'s summary."""
    from ...sync import laptop

    work, background = _in_worker(store, lambda s, progress: laptop.import_bundle(s, path, progress=progress))
    return Op(parent, work, changes=ALL_RECORDS, background=background, progress_label=label, failure_title=label)


def trust_county_key(parent: QWidget | None, store: Store, key_file: str | Path, *, title: str) -> Op:
    from ...sync import laptop

    return Op(parent, lambda: laptop.trust_county_key(store, key_file), changes={Change.SETTINGS}, failure_title=title)


def resolve_conflict(parent: QWidget | None, store: Store, conflict_id: str, choice, *, kinds, title: str) -> Op:
    """``choice``: "keep" | "other" (``sync.state.resolve``)."""
    from ...sync import state

    return Op(parent, lambda: state.resolve(store, conflict_id, choice), changes=kinds, failure_title=title)


__all__ = ["ALL_RECORDS", "export_bundle", "import_bundle", "resolve_conflict", "trust_county_key"]
