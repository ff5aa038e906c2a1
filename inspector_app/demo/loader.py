"""Store a generated demo township (:mod:`.township`) in a database, with a recent history of
inspections, findings and documents (:mod:`.history`).

Only the public storage API is used (the calls the setup wizard, the registry and the import
make), so this module doubles as an example of driving the application from code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..core import settings as S
from ..core.ids import uuid7
from ..storage import enterprises, settings, township
from ..storage.db import Store, holds_data, open_db
from . import history as demo_history
from . import ledgers as demo_ledgers
from . import township as demo_mod


def wants_history(history: bool | None, size: int) -> bool:
    """``history`` as given, or (None) whether a township this size gets one by default."""
    if history is None:
        return size >= demo_history.HISTORY_MIN_ENTERPRISES
    return bool(history)


DEMO_AUTHORITY_DETAILS = {
    S.BANK_NAME: "江苏江阴农村商业银行股份有限公司",
    S.BANK_ACCOUNT: "3202810001000012345",  # placeholder, not a real account
    S.AUTHORITY_ADDRESS: "江阴市澄江中路1号",
}


def load_demo(store: Store, demo: demo_mod.DemoTownship, *, history: bool | None = None,
              today: date | None = None, ledgers: bool = False) -> dict:
    """Apply the demo's settings, create its villages and officers and insert its enterprises,
    then add a recent history of inspections, findings and documents dated up to ``today``
    (default: ``clock.today()``), all in one transaction. The ``demo`` object is left untouched
    (it can be loaded again).

    ``history``: True / False; None (the default) adds it to townships of at least
    ``history.HISTORY_MIN_ENTERPRISES`` enterprises, the size of a demonstration (smaller
    ones are test fixtures that start empty).

    ``ledgers``: with the history, also a year of the township ledgers (:mod:`.ledgers`: earlier
    inspections, activities, equipment, certificates, accidents, drills, quarterly reports, the
    ended quarters closed), counted in ``history["ledgers"]``.

    Returns counts: ``villages``, ``officers``, ``enterprises``, ``tenants``, ``landlords`` and,
    with the history, ``history`` (see :func:`.history.add_history`).
    """
    setup = replace(demo.setup, villages=list(demo.villages),
                    officers=[replace(o, id=None) for o in demo.setup.officers])
    ents = [replace(e, risk_tags=list(e.risk_tags)) for e in demo.enterprises]
    with store.write():
        township.apply_setup(store, setup)
        # Payment and address lines printed on penalty decisions (placeholders for the demo).
        settings.put_many(store, DEMO_AUTHORITY_DETAILS)
        # The demo laptop belongs to the first officer: dialogs pre-tick them.
        settings.put(store, S.CURRENT_OFFICER, township.list_officers(store)[0].id)
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
        made = None
        if wants_history(history, len(ents)):
            # The year of ledgers (demo.ledgers) brackets the recent history: earlier inspections
            # before it, so document numbers still rise with their dates.
            earlier = demo_ledgers.add_earlier_year(store, seed=demo.seed, today=today) if ledgers else {}
            made = demo_history.add_history(store, seed=demo.seed, today=today)
            if ledgers:
                made["ledgers"] = {**demo_ledgers.add_ledgers(store, seed=demo.seed, today=today),
                                   "earlier_inspections": earlier.get("inspections", 0)}
    counts = {
        "villages": len(village_ids),
        "officers": len([o for o in setup.officers if o.name.strip()]),
        "enterprises": len(ents),
        "tenants": len(demo.tenancies),
        "landlords": len(landlords),
    }
    if made is not None:
        counts["history"] = made
    return counts


def _remove(path: Path) -> None:
    # The -wal/-shm companions must go too: SQLite would replay an old WAL into the new file.
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.keys")):
        p.unlink(missing_ok=True)


def create_demo_database(path: str | Path, *, seed: int = 2012, enterprises: int = 800,
                         overwrite: bool = False, history: bool | None = None,
                         today: date | None = None, ledgers: bool | None = None,
                         password: str | None = None) -> Path:
    """Create a database file at ``path`` holding a generated demo township and its recent
    inspections, findings and documents (``history`` and ``today`` as in :func:`load_demo`;
    problem photos go to the ``photos`` folder next to the file).

    ``ledgers`` (default: with the history) adds the year of township ledgers.
    Refuses to replace a file that already holds data unless ``overwrite`` is true. With a
    ``password`` the database is encrypted (the documented ``crypt.DEMO_PASSWORD`` marks it a
    demo database, whose unlock screen shows it).
    """
    path = Path(path)
    if holds_data(path):
        if not overwrite:
            raise ValueError(
                f"文件“{path}”已有数据，为防止误删不会覆盖。请另选一个文件名，或确认覆盖后重试。"
            )
        _remove(path)
    demo = demo_mod.generate(seed=seed, enterprises=enterprises)
    from ..storage import crypt

    # a demo database is a new one by definition
    store = open_db(path, create=True, password=password, demo=password == crypt.DEMO_PASSWORD)
    try:
        load_demo(store, demo, history=history, today=today,
                  ledgers=wants_history(history, enterprises) if ledgers is None else ledgers)
    except BaseException:
        store.close()
        _remove(path)
        raise
    store.close()
    return path
