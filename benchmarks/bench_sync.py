"""Sync with the county: a township quarter's export and import, and the county merge of 20
township bundles, on SQLite and PostgreSQL. Prints figures beside the issue's targets; asserts
nothing.

    .venv/bin/python benchmarks/bench_sync.py [--work /tmp/bench_sync] [--engines sqlite,postgresql]
        [--enterprises 2000 --inspections 6000 --findings 20000 --photos 3000] [--bundles 20]

The township quarter is the demo township (``--enterprises``) with its history, topped up to
``--inspections`` inspections (each with its checklist answers, as the demo records them) and
``--findings`` findings by copying the demo's own records under new ids, and ``--photos`` photo
records with files (random bytes, ``--photo-kb`` each, as a normalised phone photo weighs).
Built once in ``--work`` and reused.

Export = ``laptop.export_bundle(full=True)``; import = a new laptop set up from the county's
return bundle (``laptop.setup_from_bundle``: verify, copy photos, merge in one transaction).
"Without photos" runs the same on a copy of the laptop whose photo records were removed.
The 20-bundle merge: 20 townships' bundles, each the quarter's rows under new ids (a copy per
township, signed by its own enrolled laptop), merged into one fresh county store per engine.
PostgreSQL is the tests' throwaway server (tests/fixtures/postgres.py), fsync off: a lower bound.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label: str, fn, target: str = ""):
    t0 = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t0
    print(f"{label:62} {dt:8.2f} s   {target}", flush=True)
    return result, dt


def _copy_rows(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    conn.executemany(f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})',
                     [[r[c] for c in cols] for r in rows])


def _dicts(conn, sql, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def build_quarter(path: Path, args) -> None:
    """The demo township topped up to a quarter's records (copies of its own under new ids)."""
    from inspector_app import paths
    from inspector_app.core.ids import uuid7
    from inspector_app.demo import create_demo_database
    from inspector_app.storage import open_db
    from inspector_app.storage.photos import photo_path

    t0 = time.perf_counter()
    create_demo_database(path, enterprises=args.enterprises, history=True, ledgers=False)
    s = open_db(path)
    conn = s.conn
    rng = random.Random(14)
    insp = _dicts(conn, "SELECT * FROM inspection WHERE status <> 'final'") or _dicts(conn, "SELECT * FROM inspection")
    answers: dict[str, list[dict]] = {}
    for a in _dicts(conn, "SELECT * FROM inspection_answer"):
        answers.setdefault(a["inspection_id"], []).append(a)
    findings = _dicts(conn, "SELECT * FROM finding")
    have_i = conn.execute("SELECT count(*) FROM inspection").fetchone()[0]
    have_f = conn.execute("SELECT count(*) FROM finding").fetchone()[0]
    with s.write():
        # Copies of drafts (a final inspection's answers cannot be added by the triggers' rules).
        new_insp, new_ans, new_ids = [], [], []
        for n in range(max(0, args.inspections - have_i)):
            src = insp[n % len(insp)]
            row = dict(src, id=uuid7(), hlc=s.clock.now(), status="draft")
            new_insp.append(row)
            new_ids.append(row["id"])
            for a in answers.get(src["id"], []):
                new_ans.append(dict(a, id=uuid7(), inspection_id=row["id"], hlc=s.clock.now()))
        _copy_rows(conn, "inspection", new_insp)
        _copy_rows(conn, "inspection_answer", new_ans)
        new_f = []
        for n in range(max(0, args.findings - have_f)):
            src = findings[n % len(findings)]
            new_f.append(dict(src, id=uuid7(), hlc=s.clock.now(),
                              inspection_id=new_ids[n % len(new_ids)] if new_ids and src.get("inspection_id") else src.get("inspection_id")))
        _copy_rows(conn, "finding", new_f)
        photo_src = _dicts(conn, "SELECT * FROM photo LIMIT 1")
        have_p = conn.execute("SELECT count(*) FROM photo").fetchone()[0]
        root = paths.photos_dir(path)
        new_p = []
        import hashlib

        for n in range(max(0, args.photos - have_p)):
            blob = b"\xff\xd8\xff\xe0" + rng.randbytes(args.photo_kb * 1024)
            sha = hashlib.sha256(blob).hexdigest()
            target = photo_path(root, sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
            # Attached to a draft inspection (a final one's photos are frozen by the triggers).
            row = dict(photo_src[0], id=uuid7(), sha256=sha, hlc=s.clock.now(),
                       inspection_id=new_ids[n % len(new_ids)], finding_id=None)
            if "size" in row:
                row["size"] = len(blob)
            new_p.append(row)
        _copy_rows(conn, "photo", new_p)
    s.close()
    print(f"built the township quarter in {time.perf_counter() - t0:.0f} s: {path}")


def counts(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("enterprise", "inspection", "inspection_answer", "finding", "document", "photo")}
    finally:
        conn.close()


def without_photos(src: Path, dst: Path) -> None:
    for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
        p.unlink(missing_ok=True)
    conn = sqlite3.connect(src)
    conn.execute("VACUUM INTO ?", [str(dst)])
    conn.close()
    conn = sqlite3.connect(dst)
    # A benchmark copy only: the photo guards would refuse removing a final inspection's photos.
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'photo'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DELETE FROM photo")
    # The first export a laptop ever makes (no shadow of any exchanged version yet): the worst case.
    conn.execute("DELETE FROM sync_shadow")
    conn.commit()
    conn.close()


def county_target(engine: str, work: Path, name: str, pg) -> str:
    if engine == "sqlite":
        p = work / f"{name}.sqlite"
        for f in (p, Path(f"{p}-wal"), Path(f"{p}-shm")):
            f.unlink(missing_ok=True)
        shutil.rmtree(work / f"{name}-photos", ignore_errors=True)
        return str(p)
    return pg.fresh_database(prefix=name)


def retag(bundle_path: Path, out: Path, *, device: str, township: str, key, rng_seed: int) -> Path:
    """The quarter's bundle as another township's: every id replaced (consistently), origin,
    township and the document numbers' series changed, signed by that township's laptop key."""
    from inspector_app.core.ids import uuid7
    from inspector_app.sync import bundle as B

    from inspector_app.sync import keys

    pub = key_pub(bundle_path)
    with B.open_bundle(bundle_path, trusted_keys={keys.fingerprint(pub): pub}) as b:
        m = dict(b.manifest)
        old_origin = m["origin"]
        ids: dict[str, str] = {}

        def new(v):
            if isinstance(v, str) and len(v) == 36 and v.count("-") == 4:
                return ids.setdefault(v, uuid7())
            return v
        tables = {}
        for t in b.tables:
            rows = []
            for r in b.rows(t):
                r = {k: new(v) if (k == "id" or k.endswith("_id")) else v for k, v in r.items()}
                if r.get("origin") == old_origin:
                    r["origin"] = device
                if t == "document":
                    r["series"] = device
                    r["doc_no"] = r["doc_no"].replace(f"〕{old_origin}-", f"〕{device}-") + f"#{device}"
                if t == "enterprise" and r.get("uscc"):
                    r["uscc"] = r["uscc"][:-4] + f"{rng_seed:04d}"[-4:]
                if t == "enterprise" and r.get("legacy_reg_no"):  # another township's firms: not unified
                    r["legacy_reg_no"] = r["legacy_reg_no"] + f"{rng_seed:02d}"
                rows.append(r)
            tables[t] = rows
        photos = {sha: b.photo(sha) for sha in b.photo_names}
    m.update(origin=device, township=township, bundle_id=uuid7(), addressed_to={"township": township, "device": "county"})
    for k in ("format", "version", "tables", "entries", "sender_key", "sender_public_key"):
        m.pop(k, None)
    return B.write_bundle(out, manifest=m, tables=tables, photos=photos, signing_key=key)


_PUB = {}


def key_pub(bundle_path: Path):
    """The sender key a bundle names (the benchmark trusts its own bundles)."""
    import zipfile

    from inspector_app.sync import keys

    if bundle_path not in _PUB:
        with zipfile.ZipFile(bundle_path) as z:
            m = json.loads(z.read("manifest.json"))
        _PUB[bundle_path] = keys.load_public_key(m["sender_public_key"])
    return _PUB[bundle_path]


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", default="/tmp/bench_sync")
    p.add_argument("--engines", default="sqlite,postgresql")
    p.add_argument("--enterprises", type=int, default=2000)
    p.add_argument("--inspections", type=int, default=6000)
    p.add_argument("--findings", type=int, default=20000)
    p.add_argument("--photos", type=int, default=3000)
    p.add_argument("--photo-kb", type=int, default=300)
    p.add_argument("--bundles", type=int, default=20)
    args = p.parse_args(argv)

    from inspector_app.county.merging import merge_file
    from inspector_app.county.returns import write_return
    from inspector_app.county.store import init_store
    from inspector_app.storage import open_db
    from inspector_app.sync import keys, laptop

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    quarter = work / "quarter.sqlite"
    if not quarter.exists():
        build_quarter(quarter, args)
    print(f"township quarter: {counts(quarter)}")
    plain = work / "quarter-nophotos.sqlite"
    without_photos(quarter, plain)

    engines = [e for e in args.engines.split(",") if e]
    pg = None
    if "postgresql" in engines:
        from tests.fixtures import postgres

        bin_dir = postgres.find_bin_dir()
        if bin_dir is None:
            print("PostgreSQL not installed: sqlite only")
            engines.remove("postgresql")
        else:
            pg = postgres.ThrowawayPostgres(bin_dir)
            pg.start()
    try:
        stick = work / "stick"
        shutil.rmtree(stick, ignore_errors=True)
        stick.mkdir()
        print(f"\n{'measure':62} {'time':>8}     target")
        bundles = {}
        for label, db in (("without photos", plain), ("with photos", quarter)):
            s = open_db(db)
            info, _ = timed(f"export, township quarter {label}", lambda: laptop.export_bundle(s, stick / label, full=True)
                            if (stick / label).mkdir() is None else None, "≤ 5 s" if label == "without photos" else "disk speed")
            size = info["path"].stat().st_size
            print(f"{'  bundle':62} {size / 1e6:8.1f} MB  ({info['rows']} rows, {info['photos']} photos)")
            bundles[label] = (info["path"], s, keys.read_key_file(_key(s, work / f"{label}.key.json"), role="laptop"))
        # As in the field: the laptop's database encrypted (SQLCipher; a copy of the one above,
        # encrypted on first open as an upgraded laptop is). Its export, and later its usual import.
        enc = work / "encrypted" / "inspector.sqlite"
        shutil.rmtree(enc.parent, ignore_errors=True)
        enc.parent.mkdir()
        bundles["without photos"][1].conn.execute("VACUUM INTO ?", [str(enc)])
        se = open_db(enc, password="bench-password")
        (stick / "encrypted").mkdir()
        timed("export without photos, the laptop's database encrypted",
              lambda: laptop.export_bundle(se, stick / "encrypted", full=True), "≤ 5 s")
        for engine in engines:
            print(f"\n-- county on {engine}")
            for label, (bundle, s, _k) in bundles.items():
                target = county_target(engine, work, f"county_{label.replace(' ', '_')}", pg)
                cs, _ = init_store(target, photos_dir=work / f"cph-{engine}-{label.replace(' ', '_')}")
                shutil.rmtree(cs.photos_dir, ignore_errors=True)
                cs.photos_dir.mkdir(parents=True)
                cs.enrol(work / f"{label}.key.json")
                timed(f"county merge of the quarter bundle {label}", lambda: merge_file(cs, bundle))
                ret, _ = timed(f"county return bundle {label}", lambda: write_return(cs, laptop.township(s), stick / f"ret-{engine}-{label}.tsobundle"))
                cs.write_key_file(work / "county.key.json")
                # Its own folder: a laptop's photos live next to its database, and the quarter's
                # own photos (next to quarter.sqlite) must survive for the next run.
                shutil.rmtree(work / f"new-{engine}-{label.replace(' ', '_')}", ignore_errors=True)
                newdb = work / f"new-{engine}-{label.replace(' ', '_')}" / "inspector.sqlite"
                newdb.parent.mkdir()
                (st, _summary), _ = timed(f"import: new laptop set up from the return bundle {label}",
                                          lambda: laptop.setup_from_bundle(newdb, ret.path, work / "county.key.json", device="Z9"),
                                          "≤ 5 s" if label == "without photos" else "disk speed")
                st.close()
                if label == "without photos":
                    # As in the field: the new laptop's database encrypted (the shipped key derivation).
                    for f in (newdb, Path(f"{newdb}-wal"), Path(f"{newdb}-shm"), Path(f"{newdb}.keys")):
                        f.unlink(missing_ok=True)
                    (st, _summary), _ = timed("  the same, new laptop's database encrypted (SQLCipher)",
                                              lambda: laptop.setup_from_bundle(newdb, ret.path, work / "county.key.json",
                                                                               device="Z9", password="bench-password"),
                                              "≤ 5 s")
                    st.close()
                    # The usual quarter: the laptop that exported imports the county's return bundle
                    # (it holds nearly every row already), on a copy so the next engine starts alike.
                    again = work / "again.sqlite"
                    for f in (again, Path(f"{again}-wal"), Path(f"{again}-shm")):
                        f.unlink(missing_ok=True)
                    s.conn.execute("VACUUM INTO ?", [str(again)])
                    sa = open_db(again)
                    laptop.trust_county_key(sa, work / "county.key.json")
                    timed("import: the exporting laptop, its usual quarter",
                          lambda: laptop.import_bundle(sa, ret.path), "≤ 5 s")
                    sa.close()
                    if se is not None:  # once: a laptop takes one county's return sequence
                        laptop.trust_county_key(se, work / "county.key.json")
                        timed("  the same, the laptop's database encrypted (SQLCipher)",
                              lambda: laptop.import_bundle(se, ret.path), "≤ 5 s")
                        se.close()
                        se = None
                cs.close()
            if args.bundles:
                src = bundles["without photos"][0]
                many = []
                t0 = time.perf_counter()
                target = county_target(engine, work, "county_many", pg)
                cs, _ = init_store(target, photos_dir=work / f"cph-many-{engine}")
                for n in range(args.bundles):
                    key = keys.generate()
                    dev = f"T{n:02d}"
                    kf = keys.write_key_file(work / f"{dev}.key.json", {"device": dev, "township": f"镇{n:02d}",
                                                                        "public_key": keys.public_key_text(key.public_key()),
                                                                        "series": [dev]})
                    cs.enrol(kf)
                    out = work / f"many-{dev}.tsobundle"
                    if not out.exists():
                        retag(src, out, device=dev, township=f"镇{n:02d}", key=key, rng_seed=n)
                    else:  # reuse the file, re-signed by this run's key
                        out.unlink()
                        retag(src, out, device=dev, township=f"镇{n:02d}", key=key, rng_seed=n)
                    many.append(out)
                print(f"{'  (prepared ' + str(args.bundles) + ' township bundles)':62} {time.perf_counter() - t0:8.2f} s")
                timed(f"county merge of {args.bundles} township bundles (without photos)",
                      lambda: [merge_file(cs, b) for b in many], "≤ 30 s")
                n_rows = int(cs.engine.query("SELECT sum(rows_in) AS n FROM county_bundle")[0]["n"] or 0)
                print(f"{'  rows merged':62} {n_rows:8d}")
                cs.close()
        for _b, s, _k in bundles.values():
            s.close()
    finally:
        if pg is not None:
            pg.stop()
    return 0


def _key(store, out: Path) -> Path:
    from inspector_app.sync import keys, laptop

    pub = keys.device_key(store).public_key()
    return keys.write_key_file(out, {"device": laptop.device_code(store), "township": laptop.township(store),
                                     "public_key": keys.public_key_text(pub), "series": [laptop.device_code(store)]})


if __name__ == "__main__":
    raise SystemExit(main())
