"""Encryption at rest: what it costs (docs/encryption.md). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_crypt.py [--enterprises 20000] [--runs 5] [--dir /tmp/bench-crypt]

Figures: one password derivation (Argon2id, the shipped parameters), repeated in one process and
as at start-up (the first one of a fresh process, which also touches its 64 MiB for the first
time); start-up to the first painted main window (``--smoke``, separate processes, medians) for a
bare PySide6 window, the app on a plain copy of the demo database, and the app on the encrypted
one (unlocked with the demo password, so the key derivation is included), with the ratios the
target names (plain ≤ 2× bare; encrypted ≤ 2× bare + the derivation); encrypting the plain
database on first start (rows, photos); a backup of the encrypted database.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_registry import run_smoke  # noqa: E402

# The first derivation of a fresh process: what start-up pays (cryptography already imported).
_FIRST_KDF = ("import time; from inspector_app.storage import crypt; "
              "import cryptography.hazmat.primitives.kdf.argon2; "
              "print(crypt.measure_kdf() * 1000)")


def first_kdf_ms(runs: int) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", _FIRST_KDF], capture_output=True, text=True, cwd=ROOT,
                                 check=True).stdout.strip()) for _ in range(runs)]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--enterprises", type=int, default=20000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--dir", default="/tmp/bench-crypt")
    args = p.parse_args()
    os.environ.pop("INSPECTOR_PASSWORD", None)
    os.environ.pop("INSPECTOR_KDF", None)  # the shipped key derivation
    from inspector_app.storage import backup, crypt, open_db

    d = Path(args.dir)
    plain = d / "plain" / "inspector.sqlite"
    enc = d / "enc" / "inspector.sqlite"
    if not plain.exists():
        from inspector_app.demo import create_demo_database

        t = time.perf_counter()
        create_demo_database(plain, enterprises=args.enterprises)
        print(f"built the plain {args.enterprises}-enterprise demo in {time.perf_counter() - t:.1f} s")
    costs = [crypt.measure_kdf() for _ in range(5)]
    k = crypt.KDF_DEFAULT
    print(f"key derivation (Argon2id, {k['memory_kib'] // 1024} MiB, {k['iterations']} passes, {k['lanes']} lanes): "
          f"median {statistics.median(costs) * 1000:.0f} ms (min {min(costs) * 1000:.0f}, max {max(costs) * 1000:.0f})")
    first = first_kdf_ms(args.runs)
    print(f"key derivation as at start-up (first in a fresh process, median of {args.runs}): "
          f"{statistics.median(first):.0f} ms (min {min(first):.0f}, max {max(first):.0f})")

    shutil.rmtree(enc.parent, ignore_errors=True)
    shutil.copytree(plain.parent, enc.parent)
    photos = len(list((enc.parent / "photos").glob("*/*.jpg")))
    t = time.perf_counter()
    s = open_db(enc, password=crypt.DEMO_PASSWORD, demo=True)  # first start: the plain file is encrypted
    migrate = time.perf_counter() - t
    print(f"encrypt the plain database on first start ({enc.stat().st_size / 1e6:.0f} MB, {photos} photos): "
          f"{migrate:.1f} s (includes one key derivation)")
    t = time.perf_counter()
    info = backup.create_backup(s, d / "usb")
    print(f"backup of the encrypted database (VACUUM INTO, photos, verify): {time.perf_counter() - t:.1f} s, "
          f"{info.path.stat().st_size / 1e6:.0f} MB, encrypted: {not info.path.read_bytes()[:16].startswith(b'SQLite format 3')}")
    s.close()
    t = time.perf_counter()
    s = open_db(enc, key=crypt.key_for(enc))
    s.conn.execute("SELECT count(*) FROM enterprise").fetchone()
    print(f"open with the data key (no derivation) and count enterprises: {(time.perf_counter() - t) * 1000:.0f} ms")
    s.close()

    py = sys.executable
    bare_t, _ = run_smoke([py, str(ROOT / "benchmarks" / "bare_window.py")], args.runs)
    plain_t, _ = run_smoke([py, "-m", "inspector_app", "--db", str(plain), "--smoke"], args.runs)
    enc_t, enc_m = run_smoke([py, "-m", "inspector_app", "--db", str(enc), "--smoke"], args.runs)
    b, pl, en = (statistics.median(x) for x in (bare_t, plain_t, enc_t))
    kdf = statistics.median(first)
    print(f"start-up to the first painted main window (median of {args.runs}): bare window {b:.0f} ms, app on the "
          f"plain database {pl:.0f} ms, app on the encrypted one {en:.0f} ms (peak {max(enc_m):.0f} MB)")
    print(f"plain: {pl / b:.2f}x the bare window (target ≤ 2x); encrypted: {en:.0f} ms against the target "
          f"2 x {b:.0f} + {kdf:.0f} = {2 * b + kdf:.0f} ms; minus the derivation {en - kdf:.0f} ms = "
          f"{(en - kdf) / b:.2f}x the bare window")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
