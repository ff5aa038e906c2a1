"""The set-based merge (sync.bulk: rows a store does not hold go in inside SQL) leaves exactly
the state that merge_rows over every row leaves — on a new laptop set up from the county's
bundle, and on a laptop that already holds most of it (edited rows, new rows, a final
inspection with its answers)."""

from __future__ import annotations

import json

import pytest

from inspector_app.county.merging import merge_file
from inspector_app.county.returns import write_return
from inspector_app.county.store import init_store
from inspector_app.storage import open_db
from inspector_app.sync import bundle as B
from inspector_app.sync import keys, laptop
from inspector_app.sync import merge as M
from inspector_app.sync import tables as T

from .helpers import key_file, make_laptop, township

pytestmark = pytest.mark.calendar  # received-at dates read today


def _state(store) -> dict:
    out = {}
    for t in T.NAMES:
        cur = store.conn.execute(f'SELECT * FROM "{t}" ORDER BY id')
        names = [d[0] for d in cur.description]
        out[t] = [dict(zip(names, r)) for r in cur]
    shadows = {}
    for tbl, row_id, hlc, base, changed, data in store.conn.execute("SELECT * FROM sync_shadow"):
        shadows[(tbl, row_id)] = (hlc, base, M.parse_changed(changed), json.loads(data) if data else None)
    out["sync_shadow"] = shadows
    out["audit"] = sorted((r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT record_kind, record_id, content_sha256 FROM audit_log"))
    return out


def _row_by_row(db_path, bundle_path, county_key, *, device):
    """What import does, but every row through merge_rows (laptop.apply without the bundle)."""
    store = open_db(db_path, create=True) if not db_path.exists() else open_db(db_path)
    data = keys.read_key_file(county_key, role="county")
    pub = keys.load_public_key(data["public_key"])
    with B.open_bundle(bundle_path, trusted_keys={data["fingerprint"]: pub}) as b:
        if not laptop.county_fingerprint(store):
            from inspector_app.core import settings as S
            from inspector_app.storage import settings as settings_store

            laptop.trust_county_key(store, county_key)
            settings_store.put_many(store, {laptop.SETUP_KEYS[k]: v for k, v in laptop._settings_of(b).items()}
                                    | {S.DEVICE_CODE: device})
            store.device = device
        rows = {t: list(b.rows(t)) for t in b.tables}
        laptop.apply(store, b.manifest, lambda t: rows[t], b.tables)
    return store


def test_bulk_and_row_by_row_merges_leave_the_same_laptop(tmp_path):
    a = make_laptop(tmp_path / "a.sqlite", "A1", enterprises=25)
    cs, _ = init_store(str(tmp_path / "county.sqlite"), photos_dir=tmp_path / "cph")
    cs.enrol(key_file(a, tmp_path / "A1.key.json"))
    cs.write_key_file(tmp_path / "county.key.json")
    ck = tmp_path / "county.key.json"
    laptop.trust_county_key(a, ck)
    try:
        assert a.conn.execute("SELECT count(*) FROM inspection WHERE status = 'final'").fetchone()[0]
        merge_file(cs, laptop.export_bundle(a, tmp_path, full=True)["path"])
        ret = write_return(cs, township(a), tmp_path / "r1.tsobundle").path
        fast, _ = laptop.setup_from_bundle(tmp_path / "x.sqlite", ret, ck, device="X9")
        slow = _row_by_row(tmp_path / "y.sqlite", ret, ck, device="X9")
        assert _state(fast) == _state(slow)
        assert _state(fast)["inspection_answer"] and _state(fast)["sync_shadow"]

        # Round two: A edits what both hold, records more; the return bundle mixes held and new rows.
        from tests.sync.helpers import add_enterprise, edit

        ent = a.conn.execute("SELECT id FROM enterprise ORDER BY id LIMIT 2").fetchall()
        edit(a, "enterprise", ent[0][0], legal_rep="王五")
        edit(a, "enterprise", ent[1][0], address="江阴市新桥镇新路1号")
        draft = a.conn.execute("SELECT id FROM inspection WHERE status <> 'final' LIMIT 1").fetchone()
        if draft:
            edit(a, "inspection", draft[0], place="二号车间")
        add_enterprise(a, "新建五金厂")  # a row the new laptop never had
        merge_file(cs, laptop.export_bundle(a, tmp_path)["path"])
        ret2 = write_return(cs, township(a), tmp_path / "r2.tsobundle").path
        laptop.import_bundle(fast, ret2)
        slow.close()
        slow = _row_by_row(tmp_path / "y.sqlite", ret2, ck, device="X9")
        sf, ss = _state(fast), _state(slow)
        for t in sf:
            assert sf[t] == ss[t], t
        assert any(r["legal_rep"] == "王五" for r in sf["enterprise"])
        assert any(r["name"] == "新建五金厂" for r in sf["enterprise"])
    finally:
        a.close()
        cs.close()
