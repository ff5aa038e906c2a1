"""Laptops for the county tests: small demo townships and their bundles.

``laptop_bundle`` writes what a laptop would send (its own officers' records and the township's
master data, every row with its sync columns) through the real bundle writer and the laptop's
own key, without depending on the laptop's export bookkeeping (tests/sync covers that)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from inspector_app.core import clock
from inspector_app.core import settings as S
from inspector_app.core.ids import uuid7
from inspector_app.storage import open_db
from inspector_app.storage import settings as settings_store
from inspector_app.sync import bundle as B
from inspector_app.sync import keys
from inspector_app.sync import tables as T

TOWNSHIP_SETTINGS = (S.TOWNSHIP, S.AUTHORITY_NAME, S.AUTHORITY_ABBR)


def make_laptop(path: Path, device: str, *, seed: int = 7, enterprises: int = 30, history: bool = True,
                township_name: str | None = None, ledgers: bool = False):
    """A laptop database: the demo township (same seed → the same county list, under new ids)
    with this laptop's device code, and its recent history when asked."""
    from inspector_app.demo import township as demo_mod
    from inspector_app.demo.loader import load_demo

    demo = demo_mod.generate(seed=seed, enterprises=enterprises)
    setup = replace(demo.setup, device_code=device)
    if township_name:
        setup = replace(setup, township=township_name, township_government=f"江阴市{township_name}人民政府")
    demo = replace(demo, setup=setup)
    store = open_db(path, create=True)
    load_demo(store, demo, history=history, ledgers=ledgers)
    return store


def township(store) -> str:
    return settings_store.get(store, S.TOWNSHIP)


def key_file(store, out: Path) -> Path:
    """What ``inspector bundle key --out F`` writes for this laptop."""
    pub = keys.device_key(store).public_key()
    device = settings_store.get(store, S.DEVICE_CODE)
    return keys.write_key_file(out, {"device": device, "township": township(store),
                                     "public_key": keys.public_key_text(pub), "series": [device]})


_SEQ: dict[str, int] = {}


def laptop_rows(store, *, only_own: bool = True) -> dict[str, list[dict]]:
    out = {}
    for t in T.SYNCED:
        cols = T.columns(store.conn, t.name)
        if not cols:
            continue
        sql = f'SELECT * FROM "{t.name}"'
        params = []
        if only_own and t.owner in ("officer", "legal"):
            sql += " WHERE origin = ?"
            params.append(store.device)
        cur = store.conn.execute(sql + " ORDER BY hlc", params)
        names = [d[0] for d in cur.description]
        out[t.name] = [dict(zip(names, r), _base_hlc=0, _changed=None) for r in cur]
    return out


def laptop_bundle(store, out: Path, *, tables: dict | None = None, sequence: int | None = None,
                  photos: bool = True, manifest_extra: dict | None = None, encrypt_to=None) -> Path:
    from inspector_app.storage.photos import photo_bytes

    tables = laptop_rows(store) if tables is None else tables
    key = keys.device_key(store)
    device = store.device
    seq = sequence if sequence is not None else _SEQ.get(str(store.path), 0) + 1
    _SEQ[str(store.path)] = seq
    pics = {}
    if photos:
        for r in tables.get("photo", []):
            data = photo_bytes(store, r["sha256"])
            if data is not None:
                pics[r["sha256"]] = data
    hlcs = [int(r["hlc"]) for rows in tables.values() for r in rows]
    marks = [{"series": s, "kind": k, "year": y, "last": last}
             for s, k, y, last in store.conn.execute("SELECT series, kind, year, last FROM doc_seq")]
    manifest = {"kind": "laptop", "origin": device, "bundle_id": uuid7(), "township": township(store),
                "sequence": seq, "created_at": clock.now_iso(), "hlc_from": min(hlcs, default=0),
                "hlc_to": max(hlcs, default=0), "addressed_to": {"township": township(store), "device": "county"},
                "acks": {}, "high_water": marks,
                "settings": {o.key: settings_store.get(store, o) for o in TOWNSHIP_SETTINGS}}
    manifest.update(manifest_extra or {})
    return B.write_bundle(out, manifest=manifest, tables=tables, photos=pics, signing_key=key, encrypt_to=encrypt_to)
