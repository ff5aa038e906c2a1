"""Township master data: villages/communities and officers, plus the local settings that every
document needs (issuing authority, township, this laptop's device code)."""

from __future__ import annotations

from dataclasses import asdict

from ..core import settings as S
from ..core.township import SETUP_OPTIONS, Officer, TownshipSetup, Village  # noqa: F401 (re-exported)
from . import settings as settings_store
from .db import Store

# The old name: {key: default} of the authority settings (the registry in core.settings declares them).
AUTHORITY_KEYS = {o.key: o.default for o in S.AUTHORITY}


def is_configured(store: Store) -> bool:
    return settings_store.get(store, S.SETUP_DONE)


def apply_setup(store: Store, setup: TownshipSetup) -> None:
    """Save the wizard's answers in one transaction; raise ValueError with the first problem."""
    errs = setup.errors()
    if errs:
        raise ValueError(next(iter(errs.values())))
    with store.write():
        values = {o: getattr(setup, o.key) for o in SETUP_OPTIONS}
        values[S.SETUP_DONE] = True
        settings_store.put_many(store, values)
        store.device = settings_store.get(store, S.DEVICE_CODE)
        existing = {v.name for v in list_villages(store)}
        for i, name in enumerate(v.strip() for v in setup.villages):
            if name and name not in existing:
                save_village(store, Village(name=name, sort=i))
        for officer in setup.officers:
            if officer.name.strip():
                save_officer(store, officer)


def settings(store: Store) -> dict:
    """``{key: value}`` of the authority settings: the old access path, kept for the UI and CLI.

    New code reads one option: ``storage.settings.get(store, S.TOWNSHIP)``.
    """
    return settings_store.get_many(store, S.AUTHORITY)


def list_villages(store: Store) -> list[Village]:
    rows = store.conn.execute(
        "SELECT id, name, code, sort FROM village WHERE deleted = 0 ORDER BY sort, name"
    ).fetchall()
    return [Village(id=r[0], name=r[1], code=r[2], sort=r[3]) for r in rows]


def save_village(store: Store, village: Village) -> Village:
    row = {k: v for k, v in asdict(village).items() if k != "id"}
    with store.write():
        if village.id:
            store.stamp(row, new=False)
            store.db["village"].update(village.id, row)
        else:
            store.stamp(row, new=True)
            store.db["village"].insert(row)
            village.id = row["id"]
    return village


def list_officers(store: Store, *, active_only: bool = True) -> list[Officer]:
    sql = "SELECT id, name, cert_no, unit, phone, active FROM officer WHERE deleted = 0"
    if active_only:
        sql += " AND active = 1"
    rows = store.conn.execute(sql + " ORDER BY name").fetchall()
    return [Officer(id=r[0], name=r[1], cert_no=r[2], unit=r[3], phone=r[4], active=bool(r[5])) for r in rows]


def get_officers(store: Store, ids: list[str]) -> list[Officer]:
    by_id = {o.id: o for o in list_officers(store, active_only=False)}
    return [by_id[i] for i in ids if i in by_id]


def save_officer(store: Store, officer: Officer) -> Officer:
    if not officer.name.strip():
        raise ValueError("执法人员姓名不能为空。")
    row = {k: v for k, v in asdict(officer).items() if k != "id"}
    row["name"] = row["name"].strip()
    row["cert_no"] = row["cert_no"].strip()
    row["active"] = int(officer.active)
    with store.write():
        if officer.id:
            store.stamp(row, new=False)
            store.db["officer"].update(officer.id, row)
        else:
            store.stamp(row, new=True)
            store.db["officer"].insert(row)
            officer.id = row["id"]
    return officer
