"""Township master data: villages/communities and officers, plus the local settings that every
document needs (issuing authority, township, this laptop's device code)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from ..core import settings as S
from ..core.phones import normalise as normalise_phone, phone_problem
from ..core.township import SETUP_OPTIONS, Officer, TownshipSetup, Village  # noqa: F401 (re-exported)
from . import settings as settings_store
from .db import Store, not_found, now_iso

log = logging.getLogger(__name__)

# The old name: {key: default} of the authority settings (the registry in core.settings declares them).
AUTHORITY_KEYS = {o.key: o.default for o in S.AUTHORITY}


def is_configured(store: Store) -> bool:
    return settings_store.get(store, S.SETUP_DONE)


def apply_setup(store: Store, setup: TownshipSetup) -> None:
    """Save the wizard's answers in one transaction; raise ValueError naming every problem.

    Officers that carry an id are updated in place (a corrected certificate number stays the
    same officer). The device code is not changed here once it has issued documents: that is
    :func:`change_device_code`, which asks for confirmation and logs it.
    """
    errs = setup.errors()
    if errs:
        raise ValueError("\n".join(errs.values()))
    current = settings_store.get(store, S.DEVICE_CODE)
    new_code = S.DEVICE_CODE.check(setup.device_code) if setup.device_code else ""
    if current and new_code != current and documents_in_series(store, current):
        raise ValueError(f"本机已用设备编号“{current}”出具过文书，设备编号不能在此更改；"
                         "如县局确已重新分配，请在“设置 ▸ 镇（街道）、机关和执法人员”中更改。")
    with store.write():
        values = {o: getattr(setup, o.key) for o in SETUP_OPTIONS}
        values[S.SETUP_DONE] = True
        settings_store.put_many(store, values)
        store.device = settings_store.get(store, S.DEVICE_CODE)
        existing = {v.name for v in list_villages(store, include_retired=True)}
        for i, name in enumerate(v.strip() for v in setup.villages):
            if name and name not in existing:
                save_village(store, Village(name=name, sort=i))
                existing.add(name)
        # An entry without an id whose certificate number is already stored is that officer
        # (entered again, or his name corrected): updated, never a second row.
        by_cert = {o.cert_no: o.id for o in list_officers(store, active_only=False) if o.cert_no}
        for officer in setup.officers:
            if officer.name.strip():
                if not officer.id:
                    officer.id = by_cert.get(officer.cert_no.strip())
                save_officer(store, officer)


def settings(store: Store) -> dict:
    """``{key: value}`` of the authority settings: the old access path, kept for the UI and CLI.

    New code reads one option: ``storage.settings.get(store, S.TOWNSHIP)``.
    """
    return settings_store.get_many(store, S.AUTHORITY)


def list_villages(store: Store, *, include_retired: bool = False) -> list[Village]:
    """The villages offered for new entries; with ``include_retired`` also the retired ones
    (kept for history: old enterprises, documents and filters still name them)."""
    sql = "SELECT id, name, code, sort, active FROM village WHERE deleted = 0"
    if not include_retired:
        sql += " AND active = 1"
    rows = store.conn.execute(sql + " ORDER BY sort, name").fetchall()
    return [Village(id=r[0], name=r[1], code=r[2], sort=r[3], active=bool(r[4])) for r in rows]


def save_village(store: Store, village: Village) -> Village:
    name = village.name.strip()
    if not name:
        raise ValueError("村（社区）名称不能为空。")
    clash = store.conn.execute("SELECT active FROM village WHERE name = ? AND deleted = 0 AND id IS NOT ?",
                               [name, village.id]).fetchone()
    if clash:
        state = "已有" if clash[0] else "已有一个已停用的"
        raise ValueError(f"{state}村（社区）“{name}”，不能重名。" + ("" if clash[0] else "可将其恢复使用。"))
    row = {k: v for k, v in asdict(village).items() if k != "id"}
    row["name"] = name
    row["active"] = int(village.active)
    with store.write():
        if village.id:
            store.stamp(row, new=False)
            store.db["village"].update(village.id, row)
        else:
            store.stamp(row, new=True)
            store.db["village"].insert(row)
            village.id = row["id"]
    village.name = name
    return village


def get_village(store: Store, village_id: str) -> Village:
    for v in list_villages(store, include_retired=True):
        if v.id == village_id:
            return v
    raise not_found("该村（社区）")


def rename_village(store: Store, village_id: str, new_name: str) -> Village:
    """Rename in place: enterprises refer to the village by id, so they follow; issued documents
    keep the text they were issued with."""
    village = get_village(store, village_id)
    village.name = new_name
    return save_village(store, village)


def enterprises_in_village(store: Store, village_id: str) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM enterprise WHERE village_id = ? AND deleted = 0", [village_id]).fetchone()[0]


def set_village_active(store: Store, village_id: str, active: bool) -> Village:
    """Retire (or bring back) a village. Refused while enterprises are still registered in it:
    they would be left in a village the registry no longer offers."""
    village = get_village(store, village_id)
    if not active:
        n = enterprises_in_village(store, village_id)
        if n:
            raise ValueError(f"“{village.name}”还有{n}家企业，不能停用；请先把这些企业改到其他村（社区），"
                             "或将该村改名。")
        if len(list_villages(store)) <= 1:
            raise ValueError("至少保留一个在用的村（社区）。")
    village.active = active
    return save_village(store, village)


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
    """Insert, or update in place when ``officer.id`` is set (a corrected certificate number or
    name stays the same officer: inspections and documents keep pointing at him)."""
    if not officer.name.strip():
        raise ValueError("执法人员姓名不能为空。")
    problem = phone_problem(officer.phone, what="联系电话")
    if problem:
        raise ValueError(problem)
    row = {k: v for k, v in asdict(officer).items() if k != "id"}
    row["name"] = row["name"].strip()
    row["cert_no"] = row["cert_no"].strip()
    row["phone"] = normalise_phone(row["phone"])
    row["active"] = int(officer.active)
    if row["cert_no"]:
        clash = store.conn.execute(
            "SELECT name FROM officer WHERE cert_no = ? AND deleted = 0 AND id IS NOT ?",
            [row["cert_no"], officer.id]).fetchone()
        if clash:
            raise ValueError(f"执法证号{row['cert_no']}已属于{clash[0]}，一个证号只属于一人。")
    with store.write():
        if officer.id:
            store.stamp(row, new=False)
            store.db["officer"].update(officer.id, row)
        else:
            store.stamp(row, new=True)
            store.db["officer"].insert(row)
            officer.id = row["id"]
    officer.name, officer.cert_no, officer.phone = row["name"], row["cert_no"], row["phone"]
    return officer


def _officer_drafts(store: Store, officer_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT e.name FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id, "
        "json_each(i.officer_ids) j WHERE i.status = 'draft' AND i.deleted = 0 AND j.value = ?",
        [officer_id]).fetchall()
    return [r[0] for r in rows]


def set_officer_active(store: Store, officer_id: str, active: bool) -> Officer:
    """Retire (or bring back) an officer: kept for history (his inspections and documents name
    him), no longer offered. Refused while he is on an unfinished inspection, or when fewer than
    two serving officers would remain (no inspection could then be made)."""
    officer = next((o for o in list_officers(store, active_only=False) if o.id == officer_id), None)
    if officer is None:
        raise not_found("该执法人员")
    if not active:
        drafts = _officer_drafts(store, officer_id)
        if drafts:
            raise ValueError(f"{officer.name}还在{len(drafts)}份未完成的检查中（{'、'.join(drafts[:3])}），"
                             "请先完成这些检查或换人后再停用。")
        others = [o for o in list_officers(store) if o.id != officer_id]
        if len(others) < 2:
            raise ValueError(f"停用{officer.name}后在岗执法人员不足两名，执法检查须两人进行；请先添加其他执法人员。")
    officer.active = active
    with store.write():
        save_officer(store, officer)
        if not active and settings_store.get(store, S.CURRENT_OFFICER) == officer_id:
            settings_store.put_many(store, {S.CURRENT_OFFICER: ""})
    return officer


# --- this laptop's device code: its document number series ----------------------------------

def documents_in_series(store: Store, code: str) -> int:
    return store.conn.execute("SELECT count(*) FROM document WHERE series = ?", [code]).fetchone()[0]


def device_code_change_effect(store: Store, new_code: str) -> str | None:
    """What changing the device code to ``new_code`` does to numbering, in the officer's words,
    or None when nothing has been issued under the current code (a free change)."""
    current = settings_store.get(store, S.DEVICE_CODE)
    new_code = S.DEVICE_CODE.check(new_code)
    if not current or new_code == current:
        return None
    n = documents_in_series(store, current)
    if not n:
        return None
    return (f"本机已用设备编号“{current}”出具{n}份文书。改为“{new_code}”后，新出具的文书将按“{new_code}”"
            f"序列重新从第1号编号；“{current}”序列的文书保持原号不变，本机也不再续编该序列。"
            f"设备编号由县局统一分配，若“{new_code}”已用于另一台电脑，两台电脑会出具相同的文号。"
            "此次更改将记入本机日志。")


def change_device_code(store: Store, new_code: str, *, confirmed: bool = False, note: str = "") -> None:
    """Change this laptop's device code. Once the current code has issued documents the change
    must be ``confirmed`` (the UI shows :func:`device_code_change_effect` first) and is logged."""
    current = settings_store.get(store, S.DEVICE_CODE)
    new_code = S.DEVICE_CODE.check(new_code)
    if new_code == current:
        return
    issued = documents_in_series(store, current) if current else 0
    if issued and not confirmed:
        raise ValueError(device_code_change_effect(store, new_code) + "请确认后再更改。")
    with store.write():
        settings_store.put_many(store, {S.DEVICE_CODE: new_code})
        store.device = new_code
        store.conn.execute(
            "INSERT INTO device_code_log (at, old_code, new_code, issued_under_old, note) VALUES (?, ?, ?, ?, ?)",
            [now_iso(), current, new_code, issued, note])
    log.warning("device code changed from %r to %r (%d documents issued under the old code)",
                current, new_code, issued)


def device_code_log(store: Store) -> list[dict]:
    cur = store.conn.execute("SELECT at, old_code, new_code, issued_under_old, note FROM device_code_log ORDER BY rowid")
    return [dict(zip(("at", "old_code", "new_code", "issued_under_old", "note"), r)) for r in cur]
