"""Store a generated demo township (:mod:`inspector_app.core.demo`) in a database."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from ..core import demo as demo_mod
from ..core.ids import uuid7
from . import enterprises, township
from .db import Store, open_db


def load_demo(store: Store, demo: demo_mod.DemoTownship) -> dict:
    """Apply the demo's settings, create its villages and officers and insert its enterprises,
    all in one transaction. The ``demo`` object is left untouched (it can be loaded again).

    Returns counts: ``villages``, ``officers``, ``enterprises``, ``tenants``, ``landlords``.
    """
    setup = replace(demo.setup, villages=list(demo.villages),
                    officers=[replace(o, id=None) for o in demo.setup.officers])
    ents = [replace(e, risk_tags=list(e.risk_tags)) for e in demo.enterprises]
    with store.write():
        township.apply_setup(store, setup)
        village_ids = {v.name: v.id for v in township.list_villages(store)}
        for ent in ents:
            name = ent.village_id
            if name not in village_ids:
                raise ValueError(f"演示数据中的村（社区）“{name}”不存在，请重新生成演示数据。")
            ent.village_id = village_ids[name]
            ent.id = uuid7()
        landlords = set()
        for tenant, landlord in demo.tenancies:
            ents[tenant].landlord_id = ents[landlord].id
            landlords.add(landlord)
        # Landlords first: landlord_id is a foreign key checked row by row.
        ordered = [ents[i] for i in sorted(landlords)]
        ordered += [e for i, e in enumerate(ents) if i not in landlords]
        enterprises.save_many(store, ordered)
    return {
        "villages": len(village_ids),
        "officers": len([o for o in setup.officers if o.name.strip()]),
        "enterprises": len(ents),
        "tenants": len(demo.tenancies),
        "landlords": len(landlords),
    }


def _has_data(path: Path) -> bool:
    """True unless ``path`` is absent, empty, or one of our databases holding no records yet."""
    if not path.exists():
        return False
    if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return False
        if not {"enterprise", "village", "officer", "setting"} <= tables:
            return True  # some other database: never ours to replace
        for table in ("enterprise", "village", "officer"):
            if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                return True
        return conn.execute("SELECT 1 FROM setting WHERE key = 'setup_done'").fetchone() is not None
    except sqlite3.Error:
        return True  # not a database at all
    finally:
        conn.close()


def _remove(path: Path) -> None:
    # The -wal/-shm companions must go too: SQLite would replay an old WAL into the new file.
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


def create_demo_database(path: str | Path, *, seed: int = 2012, enterprises: int = 800,
                         overwrite: bool = False) -> Path:
    """Create a database file at ``path`` holding a generated demo township.

    Refuses to replace a file that already holds data unless ``overwrite`` is true.
    """
    path = Path(path)
    if _has_data(path):
        if not overwrite:
            raise ValueError(
                f"文件“{path}”已有数据，为防止误删不会覆盖。请另选一个文件名，或确认覆盖后重试。"
            )
        _remove(path)
    demo = demo_mod.generate(seed=seed, enterprises=enterprises)
    store = open_db(path)
    try:
        load_demo(store, demo)
    except BaseException:
        store.close()
        _remove(path)
        raise
    store.close()
    return path
