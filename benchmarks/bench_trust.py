"""Backup, restore and verify on the 20,000-enterprise demo. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_trust.py [--db /tmp/bench_trust/demo.sqlite] [--photos 300]

Builds the demo once (with its history), adds ``--photos`` synthetic rectification photos
(noise JPEGs, ~1600 px, as a phone photo becomes after normalisation) so the photo part weighs
something, then times: a manual backup (VACUUM INTO + photos + manifest + re-open and verify),
verifying a backup file alone, a restore into a new folder, ``verify --full`` and the start-up
``verify`` (incremental, with nothing new and after 20 new acts).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label: str, fn, *, repeat: int = 1):
    best, result = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"{label:58} {best * 1000:9.0f} ms")
    return result


def noise_jpeg(rng: random.Random) -> bytes:
    from PIL import Image

    img = Image.frombytes("RGB", (400, 300), rng.randbytes(400 * 300 * 3)).resize((1600, 1200))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/bench_trust/demo.sqlite")
    p.add_argument("--enterprises", type=int, default=20000)
    p.add_argument("--photos", type=int, default=300)
    args = p.parse_args(argv)

    from inspector_app import paths
    from inspector_app.demo import create_demo_database
    from inspector_app.storage import backup, open_db, photos
    from inspector_app.storage.verify import verify

    db = Path(args.db)
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        create_demo_database(db, enterprises=args.enterprises)
        print(f"built the demo in {time.perf_counter() - t0:.0f} s: {db}")
    s = open_db(db)
    have = s.conn.execute("SELECT count(*) FROM photo WHERE kind = '整改'").fetchone()[0]
    if have < args.photos:
        rng = random.Random(1)
        fids = [r[0] for r in s.conn.execute("SELECT id FROM finding WHERE deleted = 0")]
        for i in range(args.photos - have):
            photos.add_photo(s, noise_jpeg(rng), finding_id=fids[i % len(fids)], kind="整改",
                             photos_root=paths.photos_dir(db))
    counts = {t: s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("enterprise", "inspection", "finding", "document", "photo", "audit_log")}
    size = db.stat().st_size + sum(f.stat().st_size for f in paths.photos_dir(db).rglob("*.jpg"))
    print(f"database: {counts}; database + photos {size / 1e6:.0f} MB")
    usb = db.parent / "usb"
    shutil.rmtree(usb, ignore_errors=True)
    info = timed("backup (VACUUM INTO, photos, manifest, verify, rename)", lambda: backup.create_backup(s, usb))
    print(f"{'  backup file':58} {info.path.stat().st_size / 1e6:9.1f} MB")
    timed("verify a backup file alone (best of 3)", lambda: backup.verify_backup(info.path), repeat=3)
    timed("read a backup's manifest (list, best of 3)", lambda: backup.read_manifest(info.path), repeat=3)
    timed("verify --full (best of 3)", lambda: verify(s, full=True), repeat=3)
    timed("start-up verify, nothing new (best of 5)", lambda: verify(s), repeat=5)
    from inspector_app.storage import series  # noqa: F401  (import cost not in the figure)
    s.close()

    target = db.parent / "restored" / "inspector.sqlite"
    shutil.rmtree(target.parent, ignore_errors=True)
    target.parent.mkdir(parents=True)
    res = timed("restore into a new folder (verify, copy, photos, swap)", lambda: backup.restore(info.path, target))
    print(f"{'  photos written, series blocked':58} {res.photos_written:6} / {len(res.blocked)}")
    s2 = open_db(target)
    timed("verify --full of the restored database", lambda: verify(s2, full=True))
    s2.close()
    os.sync() if hasattr(os, "sync") else None
    return 0


if __name__ == "__main__":
    sys.exit(main())
