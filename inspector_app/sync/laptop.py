"""The laptop's side of sync: export, import of the county's bundle, setup from it.

Export (:func:`export_bundle`) takes what this laptop wrote since the county last acknowledged
it (or, with ``full=True``, every row it holds), with the photos those rows show, and writes a
signed bundle atomically (``sync.bundle``); a copy stays in the outbox (``outbox/`` next to the
database) until a county bundle acknowledges it. The per-device bundle sequence is taken (and
committed) before the file is written and only ever grows, also past a restore (the county's
acknowledgement carries the last sequence it received).

Import (:func:`import_bundle`) verifies the county's bundle (pinned key, signature, hashes,
format, addressed to this township, a sequence above the last one applied), stores its photos
(crash-safely, before any row that shows them), then merges everything in ONE transaction:
every synced table (``sync.merge``), the id aliases, the number high-water marks (which also
confirm series blocked after a restore), the acknowledgements, audit entries for the legal
records that arrived, the import log. A failure anywhere leaves the database as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, paths
from ..core import settings as S
from ..core.ids import uuid7
from ..storage import audit, photos as photo_store
from ..storage import settings as settings_store
from ..storage.db import Store, attach_plain, now_iso
from . import bulk
from . import bundle as B
from . import keys as K
from . import merge as M
from . import tables as T
from .engine import SqliteEngine


# ---------------------------------------------------------------------------------------------
# identity

def device_code(store: Store) -> str:
    code = settings_store.get(store, S.DEVICE_CODE)
    if not code:
        raise ValueError("本机尚未设置设备编号，无法导出数据包。请在“设置”中填写县局分配的设备编号。")
    return code


def township(store: Store) -> str:
    return settings_store.get(store, S.TOWNSHIP) or ""


def outbox_dir(store: Store) -> Path:
    base = store.path.parent if store.path is not None else paths.data_dir()
    return base / "outbox"


def key_info(store: Store) -> dict:
    """What ``bundle key`` prints / writes for the county's enrolment."""
    pub = K.device_key(store).public_key()
    return {"role": "laptop", "device": settings_store.get(store, S.DEVICE_CODE) or "",
            "township": township(store), "series": settings_store.get(store, S.DEVICE_CODE) or "",
            "public_key": K.public_key_text(pub), "fingerprint": K.fingerprint(pub), "created_at": now_iso()}


def trust_county_key(store: Store, key_file: str | Path) -> str:
    data = K.read_key_file(key_file, role="county")
    return K.pin_county_key(store, data["public_key"], encryption_key=data.get("encryption_key") or "")


def county_fingerprint(store: Store) -> str | None:
    fps = list(K.county_keys(store))
    return fps[0] if fps else None


# ---------------------------------------------------------------------------------------------
# export

def _rows(conn: sqlite3.Connection, sql: str, params) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _ack(store: Store, device: str) -> tuple[int, int]:
    r = store.conn.execute("SELECT hlc, seq FROM sync_ack WHERE device = ?", [device]).fetchone()
    return (int(r[0]), int(r[1])) if r else (0, 0)


@dataclass
class Staged:
    """An export's rows, staged in a plain SQLite file laid out as a bundle's ``data.sqlite``."""
    path: Path
    info: dict[str, dict]      # table → {"rows", "columns"} (tables with rows only)
    since: int                 # the HLC the export starts after
    hlc_to: int
    photo_shas: list[str]      # the live photos the rows show


_STAGE = "sync_stage"


def stage(store: Store, folder: str | Path, *, full: bool = False) -> Staged:
    """Write the rows an export carries into ``folder/data.sqlite``: this laptop's writes since
    the county's acknowledgement, or every row (``full``), each with ``_base_hlc``/``_changed``
    from its shadow (``merge._local_base``). Set-based, inside SQLite (a quarter is hundreds of
    MB of checklist snapshots): one read transaction, so every table is the same moment."""
    me = device_code(store)
    ack_hlc, _ = _ack(store, me)
    since = 0 if full else ack_hlc
    data = Path(folder) / B.DATA
    B.create_data_file(data)
    conn = store.conn
    attach_plain(conn, data, _STAGE, read_only=False)
    info: dict[str, dict] = {}
    try:
        conn.execute(f"PRAGMA {_STAGE}.journal_mode=OFF")  # a scratch file: zipped and fsynced later
        conn.execute(f"PRAGMA {_STAGE}.synchronous=OFF")
        conn.execute("BEGIN")
        try:
            for t in T.SYNCED:
                n = _stage_table(conn, t.name, None if full else (me, since))
                if n:
                    info[t.name] = {"rows": n, "columns": B.bundle_columns(t.name)}
                else:
                    conn.execute(f'DROP TABLE {_STAGE}."{t.name}"')
            if not info:  # a bundle always has a table (an empty export still acknowledges)
                _stage_table(conn, "village", None, create_only=True)
                info["village"] = {"rows": 0, "columns": B.bundle_columns("village")}
            hlc_to = max([since] + [conn.execute(f'SELECT coalesce(max(hlc), 0) FROM {_STAGE}."{name}"').fetchone()[0]
                                    for name in info])
            shas = [r[0] for r in conn.execute(
                f"SELECT DISTINCT sha256 FROM {_STAGE}.photo WHERE coalesce(sha256, '') <> '' AND NOT deleted "
                "ORDER BY sha256")] if "photo" in info else []
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"DETACH DATABASE {_STAGE}")
    return Staged(data, info, since, int(hlc_to), shas)


def _stage_table(conn, name: str, since: tuple[str, int] | None, *, create_only: bool = False) -> int:
    cols = [c[0] for c in T.laptop_schema()[name]]
    q = ", ".join(f'"{c}"' for c in B.bundle_columns(name))
    conn.execute(f'CREATE TABLE {_STAGE}."{name}" ({q})')
    if create_only:
        return 0
    mine, params = "", []  # this laptop's writes since the acknowledgement (all rows: full)
    if since is not None:
        mine, params = " AND t.origin IN (?, ?) AND t.hlc > ?", [since[0], M.UNIFY_ORIGIN, since[1]]
    # _local_base in SQL; a row edited here since its shadow gets its changed columns below.
    sel = ", ".join(f't."{c}"' for c in cols)
    cur = conn.execute(
        f'INSERT INTO {_STAGE}."{name}" ({q}) SELECT {sel}, '
        "CASE WHEN s.row_id IS NULL THEN 0 WHEN s.hlc = t.hlc THEN s.base_hlc ELSE s.hlc END, "
        "CASE WHEN s.hlc = t.hlc THEN s.changed END "
        f'FROM main."{name}" t LEFT JOIN main.sync_shadow s ON s.tbl = ? AND s.row_id = t.id WHERE true{mine} '
        "ORDER BY t.hlc, t.id", [name, *params])
    n = cur.rowcount
    if n:
        dcols = M.data_columns(cols)
        edited = _rows(conn, 'SELECT t.*, s.hlc AS "~s_hlc", s.base_hlc AS "~s_base", s.changed AS "~s_changed", '
                             f's.data AS "~s_data" FROM main."{name}" t JOIN main.sync_shadow s ON s.tbl = ? '
                             f"AND s.row_id = t.id WHERE s.hlc <> t.hlc AND coalesce(s.data, '') <> ''{mine}",
                       [name, *params])
        fix = []
        for r in edited:
            shadow = {"hlc": r.pop("~s_hlc"), "base_hlc": r.pop("~s_base"), "changed": r.pop("~s_changed"),
                      "data": r.pop("~s_data")}
            _, changed = M._local_base(r, shadow, dcols)
            fix.append((None if changed is None else json.dumps(sorted(changed)), r["id"]))
        conn.executemany(f'UPDATE {_STAGE}."{name}" SET _changed = ? WHERE id = ?', fix)
    return n


def _staged_rows(store: Store, st: Staged) -> dict[str, list[dict]]:
    with attached(store, st):
        return {t.name: _rows(store.conn, f'SELECT * FROM {_STAGE}."{t.name}" ORDER BY rowid', [])
                if t.name in st.info else [] for t in T.SYNCED}


def collect(store: Store, *, full: bool = False) -> tuple[dict[str, list[dict]], int]:
    """The rows an export carries (each with ``_base_hlc``/``_changed``), every synced table
    (empty lists too), and the HLC they start after — what :func:`stage` writes, as dicts."""
    with tempfile.TemporaryDirectory(prefix="tsobundle-c-") as d:
        st = stage(store, d, full=full)
        return _staged_rows(store, st), st.since


def mark_exported(store: Store, tables: dict[str, list[dict]]) -> None:
    """The exported versions become the rows' shadows: the base of later local edits (inside
    the caller's write transaction). Without values: the first local edit's trigger keeps them
    (``storage.sync_schema.keep_trigger_sql``)."""
    for tname, rows in tables.items():
        store.conn.executemany(
            "INSERT INTO sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) VALUES (?,?,?,?,?,NULL) "
            "ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc, base_hlc = excluded.base_hlc, "
            "changed = excluded.changed, data = excluded.data",
            [(tname, r["id"], r["hlc"], r["_base_hlc"], r["_changed"]) for r in rows])


@contextmanager
def attached(store: Store, st: Staged):
    """The staged file attached (read-only) as ``sync_stage`` — outside any transaction: SQLite
    attaches and detaches only between them."""
    attach_plain(store.conn, st.path, _STAGE)
    try:
        yield
    finally:
        store.conn.execute(f"DETACH DATABASE {_STAGE}")


def mark_staged(store: Store, st: Staged) -> None:
    """:func:`mark_exported` of a staged export, in SQL (inside the caller's write transaction,
    ``attached``)."""
    for name in st.info:
        store.conn.execute(
            "INSERT INTO main.sync_shadow (tbl, row_id, hlc, base_hlc, changed, data) "
            f'SELECT ?, b.id, b.hlc, b._base_hlc, b._changed, NULL FROM {_STAGE}."{name}" b '
            "WHERE true ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc, base_hlc = excluded.base_hlc, "
            "changed = excluded.changed, data = excluded.data", [name])


def export_bundle(store: Store, out: str | Path, *, full: bool = False, progress=None, encrypt: bool = False) -> dict:
    """Write this laptop's bundle to ``out`` (a file, or a folder to name it in); returns a
    summary: path, file name, sequence, row counts, photos. ``encrypt``: sealed to the county's
    X25519 key (docs/bundle-format.md), so a lost stick reveals nothing."""
    me = device_code(store)
    seal_to = K.county_encryption_key(store) if encrypt else None
    if encrypt and seal_to is None:
        raise ValueError("县局密钥文件中没有加密公钥，无法加密导出。请向县局索取含加密公钥的密钥文件，"
                         "用“inspector bundle trust”重新导入后再试，或不加密导出。")
    key = K.device_key(store)
    _, ack_seq = _ack(store, me)
    conn = store.conn
    with tempfile.TemporaryDirectory(prefix="tsobundle-s-") as work:
        paths.private_dir(Path(work))
        st = stage(store, work, full=full)
        photos, missing = {}, []
        for sha in st.photo_shas:
            blob = photo_store.photo_bytes(store, sha)
            (photos.__setitem__(sha, blob) if blob is not None else missing.append(sha))
        with store.write():
            row = conn.execute("SELECT last_seq FROM sync_identity WHERE id = 1").fetchone()
            seq = max(int(row[0]), ack_seq) + 1
            conn.execute("UPDATE sync_identity SET last_seq = ? WHERE id = 1", [seq])
        at = now_iso()
        bundle_id = uuid7()
        high_water = [{"series": s, "kind": k, "year": y, "last": n} for s, k, y, n in conn.execute(
            "SELECT series, kind, year, last FROM doc_seq WHERE series = ? ORDER BY kind, year", [me])]
        last_county = conn.execute("SELECT max(seq) FROM sync_import WHERE kind = 'county'").fetchone()[0] or 0
        manifest = {"kind": "laptop", "bundle_id": bundle_id, "origin": me, "township": township(store),
                    "sequence": seq, "created_at": at, "full": bool(full), "hlc_from": st.since,
                    "hlc_to": st.hlc_to, "addressed_to": {"township": township(store), "device": "county"},
                    "high_water": high_water, "acks": {"county": {"sequence": int(last_county)}},
                    "missing_photos": missing, "app_version": __version__,
                    # the township's settings, so the county can set up a new laptop from its bundle
                    "settings": {k: settings_store.get(store, o) for k, o in SETUP_KEYS.items()}}
        out = Path(out)
        name = B.file_name(township=township(store), origin=me, at=at, bundle_id=bundle_id)
        target = out / name if out.is_dir() else out
        box = outbox_dir(store)
        paths.private_dir(box)
        kept = box / target.name

        def write() -> tuple[str, int]:
            B.write_bundle(target, manifest=manifest, staged=(st.path, st.info), photos=photos, signing_key=key,
                           progress=progress, encrypt_to=seal_to)
            if kept.resolve() != target.resolve():
                shutil.copyfile(target, kept.with_name(kept.name + ".part"))
                with open(kept.with_name(kept.name + ".part"), "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(kept.with_name(kept.name + ".part"), kept)
            return B._sha_file(target)

        counts = {k: v["rows"] for k, v in st.info.items() if v["rows"]}
        # The file is deflated and verified on a second thread (zlib and SQLite both let go of
        # the GIL) while the shadows are marked here; the export is recorded, and the marks
        # committed, only once the file is safely written.
        with ThreadPoolExecutor(max_workers=1) as pool:
            job = pool.submit(write)
            try:
                with attached(store, st), store.write():
                    mark_staged(store, st)
                    sha, size = job.result()
                    conn.execute(
                        "INSERT INTO sync_export (bundle_id, seq, file_name, path, outbox_path, created_at, full, "
                        "hlc_from, hlc_to, rows, photos, counts, sha256, size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [bundle_id, seq, target.name, str(target), str(kept), at, int(full), st.since,
                         manifest["hlc_to"], sum(counts.values()), len(photos), json.dumps(counts, ensure_ascii=False),
                         sha, size])
            except BaseException:
                if job.exception() is None:  # written, but not recorded: not a bundle to hand over
                    for f in {target, kept}:
                        f.unlink(missing_ok=True)
                raise
    return {"path": target, "file_name": target.name, "sequence": seq, "bundle_id": bundle_id, "counts": counts,
            "rows": sum(counts.values()), "photos": len(photos), "missing_photos": missing, "outbox": kept,
            "encrypted": seal_to is not None}


# ---------------------------------------------------------------------------------------------
# import

def _known_columns(store: Store) -> dict[str, set[str]]:
    return {t.name: set(T.columns(store.conn, t.name)) for t in T.SYNCED}


def import_bundle(store: Store, path: str | Path, *, progress=None, _after_merge=None) -> dict:
    """Verify and merge the county's bundle at ``path`` (see the module text); returns a summary
    (``already`` True when this very bundle was imported before)."""
    B.check_file(path)  # a missing or wrong file is named first, whatever else is not set up
    trusted = K.county_keys(store)
    if not trusted:
        raise ValueError("本机尚未导入县局公钥，无法核验数据包。请先用“inspector bundle trust 县局密钥文件”"
                         "（或“同步”页面）导入并核对县局公钥指纹。")
    with B.open_bundle(path, trusted_keys=trusted, known_columns=_known_columns(store)) as b:
        return _import_verified(store, b, progress=progress, _after_merge=_after_merge)


def _import_verified(store: Store, b: B.Bundle, *, progress=None, _after_merge=None) -> dict:
    """The import of a bundle already verified against a pinned county key."""
    path = b.path
    m = b.manifest
    if m["kind"] != "county":
        raise B.BundleError(f"“{Path(path).name}”是笔记本导出的数据包，不是县局下发的数据包，不能在本机导入。"
                            "请把它交给县局汇总。")
    mine = township(store)
    to = (m.get("addressed_to") or {}).get("township") if isinstance(m.get("addressed_to"), dict) else None
    if mine and to != mine:
        raise B.BundleError(f"该数据包是县局发给“{to or '未知'}”的，本机属于“{mine}”，不会导入，数据库未作任何改动。")
    if store.conn.execute("SELECT 1 FROM sync_import WHERE bundle_id = ?", [m["bundle_id"]]).fetchone():
        return {"already": True, "bundle_id": m["bundle_id"], "sequence": m["sequence"]}
    last = store.conn.execute("SELECT max(seq) FROM sync_import WHERE kind = 'county'").fetchone()[0] or 0
    if m["sequence"] <= last:
        raise B.BundleError(f"该数据包序号为{m['sequence']}，本机已导入过序号{last}的县局数据包：这是一个旧数据包"
                            "（或被重复发送），导入它会用旧数据覆盖新数据，因此不会导入。请使用县局最新下发的数据包。")
    for n, sha in enumerate(sorted(b.photo_names), 1):
        if not photo_store.has_photo(store, sha):
            photo_store.put_photo_bytes(store, sha, b.photo(sha))
        if progress and n % 50 == 0:
            progress(n, len(b.photo_names))
    return apply(store, m, lambda t: list(b.rows(t)), b.tables, sha256=b.sha256, fingerprint=b.sender_fingerprint,
                 file_name=Path(path).name, _after_merge=_after_merge, bundle=b)


def apply(store: Store, m: dict, rows_of, names: list[str], *, sha256: str = "", fingerprint: str = "",
          file_name: str = "", _after_merge=None, bundle: B.Bundle | None = None) -> dict:
    """Merge a verified county bundle's rows in ONE transaction (see the module text): ``m`` its
    manifest, ``rows_of(table)`` its rows, ``names`` its tables in declaration order. With the
    open ``bundle``, rows the laptop does not hold yet go in set-based (``sync.bulk``)."""
    me = settings_store.get(store, S.DEVICE_CODE) or store.device
    conn = store.conn
    at = now_iso()
    engine = SqliteEngine(conn)
    total = M.MergeResult()
    counts = {}
    with (bulk.attach(engine, bundle, attach_plain=attach_plain) if bundle is not None else nullcontext()) as src, \
            store.write():
        # Parents and children arrive table by table (and self-references within one): the
        # foreign keys are checked once, at COMMIT, and reported before it.
        conn.execute("PRAGMA defer_foreign_keys=ON")
        if src is not None:
            top = max((engine.query(f"SELECT coalesce(max(hlc), 0) AS h FROM {src.ref(t)}")[0]["h"] for t in names),
                      default=0)
            store.clock.observe(int(top or 0))
        else:
            loaded = {t: rows_of(t) for t in names}
            store.clock.observe(max((int(r.get("hlc") or 0) for rows in loaded.values() for r in rows), default=0))
        policy = M.Policy(columns=True, new_hlc=store.clock.now, origin=me, bundle_id=m["bundle_id"], at=at)
        for t in names:
            if src is not None:
                res, _ = bulk.merge_table(engine, T.table(t), src, policy=policy, source_origin=m["origin"])
                counts[t] = bundle.count(t)
            else:
                res = M.merge_rows(engine, T.table(t), loaded[t], source_origin=m["origin"], policy=policy)
                counts[t] = len(loaded[t])
            total.add(res)
        M.complete_staged(engine, total.staged)
        if src is not None:
            lost = [a for a, _ in total.unified]
            if bundle.count("id_alias"):
                lost += [r["id"] for r in engine.query(f"SELECT id FROM {src.ref('id_alias')}")]
            M.follow_all_aliases(engine, new_lost=lost,
                                 touched={t: f"SELECT id FROM {src.ref(t)}" for t in names if bundle.count(t)})
        else:
            M.follow_all_aliases(engine)
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise B.BundleError(f"数据包中有{len(bad)}条记录引用了本机和数据包中都没有的记录（首个：{bad[0][0]}），"
                                "整个数据包未导入，数据库未作任何改动。请联系县局重新生成数据包。")
        _apply_high_water(store, m)
        _apply_acks(store, m, me, at)
        audit.baseline(conn, at=at, device=store.device)
        conn.execute(
            "INSERT INTO sync_import (bundle_id, kind, sender, fingerprint, seq, file_name, imported_at, counts, sha256, "
            "new, updated, unchanged, conflicts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [m["bundle_id"], m["kind"], m["origin"], fingerprint, m["sequence"], file_name, at,
             json.dumps(counts, ensure_ascii=False), sha256, total.new, total.updated + total.merged,
             total.unchanged, len(total.conflicts)])
        if _after_merge is not None:
            _after_merge()  # tests: a crash point inside the transaction
    _clean_outbox(store)
    return {"already": False, "bundle_id": m["bundle_id"], "sequence": m["sequence"], "counts": counts,
            "new": total.new, "updated": total.updated + total.merged, "unchanged": total.unchanged,
            "conflicts": len(total.conflicts), "unified": total.unified}


def _apply_high_water(store: Store, m: dict) -> None:
    from ..storage.documents import raise_high_water

    for hw in m.get("high_water") or []:
        try:
            series, kind, year, last = str(hw["series"]), str(hw["kind"]), int(hw["year"]), int(hw["last"])
        except (KeyError, TypeError, ValueError):
            raise B.BundleError("数据包中的文书编号上限格式有误，整个数据包未导入。") from None
        if last < 0:
            raise B.BundleError("数据包中的文书编号上限为负数，整个数据包未导入。")
        raise_high_water(store, series, kind, year, last, source="county")


def _apply_acks(store: Store, m: dict, me: str, at: str) -> None:
    acks = m.get("acks") or {}
    a = acks.get(me) if isinstance(acks, dict) else None
    if not isinstance(a, dict):
        return
    hlc, seq = int(a.get("hlc") or 0), int(a.get("sequence") or 0)
    conn = store.conn
    conn.execute("INSERT INTO sync_ack (device, hlc, seq, at) VALUES (?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET "
                 "hlc = max(hlc, excluded.hlc), seq = max(seq, excluded.seq), at = excluded.at", [me, hlc, seq, at])
    conn.execute("UPDATE sync_identity SET last_seq = max(last_seq, ?) WHERE id = 1", [seq])
    conn.execute("UPDATE sync_export SET acked_at = ? WHERE acked_at = '' AND seq <= ?", [at, seq])


def _clean_outbox(store: Store) -> None:
    for (kept,) in store.conn.execute("SELECT outbox_path FROM sync_export WHERE acked_at <> '' AND outbox_path <> ''"):
        try:
            Path(kept).unlink(missing_ok=True)
        except OSError:
            pass


# ---------------------------------------------------------------------------------------------
# setup of a new laptop from the county's bundle

SETUP_KEYS = {o.key: o for o in (S.AUTHORITY_NAME, S.AUTHORITY_ABBR, S.REVIEW_GOVERNMENT, S.COURT, S.TOWNSHIP,
                                 S.TOWNSHIP_GOVERNMENT, S.AUTHORITY_ADDRESS, S.BANK_NAME, S.BANK_ACCOUNT,
                                 S.IDENTITY_UNIT, S.AUTHORITY_POWER, S.REFERRAL_RECIPIENT)}


def _open_with_key_file(path: str | Path, county_key: str | Path) -> B.Bundle:
    """The county's bundle, verified against the key in the county's key file."""
    data = K.read_key_file(county_key, role="county")
    pub = K.load_public_key(data["public_key"])
    b = B.open_bundle(path, trusted_keys={data["fingerprint"]: pub})
    if b.kind != "county":
        b.close()
        raise B.BundleError("只能用县局下发的数据包设置新笔记本。")
    return b


def _settings_of(b: B.Bundle) -> dict:
    raw = b.manifest.get("settings") or {}
    out = {k: v for k, v in raw.items() if k in SETUP_KEYS} if isinstance(raw, dict) else {}
    to = b.manifest.get("addressed_to") or {}
    if isinstance(to, dict) and to.get("township") and not out.get(S.TOWNSHIP.key):
        out[S.TOWNSHIP.key] = to.get("township")
    return out


def bundle_settings(path: str | Path, county_key: str | Path) -> dict:
    """The township settings a county bundle carries, after verifying it against the key file."""
    with _open_with_key_file(path, county_key) as b:
        return _settings_of(b)


def setup_store(store: Store, bundle_path: str | Path, county_key: str | Path, *, device: str | None = None,
                _bundle: B.Bundle | None = None) -> dict:
    """Set up an open, still empty store from the county's bundle (the wizard's path): pin the
    county key, take the township settings the bundle carries, import it; returns the import
    summary. ``device``: this laptop's device code from the county (may be set later).
    ``_bundle``: the bundle already opened (verified once) by ``setup_from_bundle``."""
    from ..storage.db import holds_data

    if store.path is not None and holds_data(store.path) and \
            settings_store.get(store, S.SETUP_DONE):
        raise ValueError("本机数据库已设置过，不能再用县局数据包重新设置。")
    b = _bundle if _bundle is not None else _open_with_key_file(bundle_path, county_key)
    try:
        values = _settings_of(b)
        trust_county_key(store, county_key)
        opts = {SETUP_KEYS[k]: v for k, v in values.items()}
        if device:
            opts[S.DEVICE_CODE] = device
        if opts:
            settings_store.put_many(store, opts)
        if device:
            store.device = settings_store.get(store, S.DEVICE_CODE)
        summary = _import_verified(store, b)
    finally:
        if _bundle is None:
            b.close()
    if settings_store.get(store, S.TOWNSHIP) and settings_store.get(store, S.DEVICE_CODE):
        settings_store.put(store, S.SETUP_DONE, True)
    return summary


def setup_from_bundle(db_path: str | Path, bundle_path: str | Path, county_key: str | Path, *,
                      device: str | None = None, password: str | None = None) -> tuple[Store, dict]:
    """Create the database at ``db_path`` from the county's bundle and pin the county's key;
    returns the open store and the import summary. A file that holds data is refused. With a
    ``password`` the new database is encrypted (as every laptop's is: the command line and the
    wizard always give one); its recovery key is ``store.recovery_key``."""
    from ..storage.db import holds_data, open_db

    db_path = Path(db_path)
    if holds_data(db_path):
        raise ValueError(f"“{db_path}”已有数据，不能用县局数据包覆盖。请选择一个新的数据文件名。")
    with _open_with_key_file(bundle_path, county_key) as b:  # verified before a file is created
        store = open_db(db_path, create=True, password=password)
        try:
            # A new, empty file: the township's rows go straight into it (a rollback journal of
            # an empty database is tiny, and as crash-safe), instead of through the WAL and a
            # checkpoint copying them all again; WAL again right after (open_db sets it anyway).
            store.conn.execute("PRAGMA journal_mode=DELETE")
            try:
                summary = setup_store(store, bundle_path, county_key, device=device, _bundle=b)
            finally:
                store.conn.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            store.close()
            raise
    return store, summary


__all__ = ["SETUP_KEYS", "apply", "bundle_settings", "collect", "mark_exported", "mark_staged", "stage", "Staged", "county_fingerprint", "device_code", "export_bundle", "import_bundle",
           "key_info", "outbox_dir", "setup_from_bundle", "setup_store", "township", "trust_county_key"]
