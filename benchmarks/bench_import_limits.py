"""What a real county list costs the importer, beside its limits. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_import_limits.py [--db /tmp/bench20k.sqlite] [--enterprises 20000]

Exports the ledger of a demo township (the same columns as the county's list), then prints the
file's zip facts next to ``importers.limits`` (size on disk, inflated size, largest part and its
ratio, shared strings), the time and peak Python memory (tracemalloc) of reading it back, and how
long the import holds the write lock when every row changes (what another writer waits for).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/bench20k.sqlite")
    p.add_argument("--enterprises", type=int, default=20000)
    args = p.parse_args()

    from inspector_app.demo import create_demo_database
    from inspector_app.importers import enterprise_xlsx as imp
    from inspector_app.importers import limits
    from inspector_app.reports.registry_xlsx import export_registry
    from inspector_app.storage import open_db

    db = Path(args.db)
    if not db.exists():
        t = time.perf_counter()
        create_demo_database(db, enterprises=args.enterprises)
        print(f"built {args.enterprises}-enterprise database in {time.perf_counter() - t:.1f} s: {db}")
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        copy = work / "copy.sqlite"
        shutil.copy(db, copy)
        store = open_db(copy)
        ledger = work / "ledger.xlsx"
        n = export_registry(store, ledger)

        with zipfile.ZipFile(ledger) as zf:
            infos = zf.infolist()
            facts = limits.check_archive(ledger, zf)
        big = max(infos, key=lambda i: i.file_size)
        mb = limits.MB
        print(f"ledger of {n} enterprises: {ledger.stat().st_size / mb:.1f} MB on disk "
              f"(limit {limits.MAX_FILE_BYTES / mb:.0f}), {facts.uncompressed / mb:.1f} MB inflated "
              f"(limit {limits.MAX_UNCOMPRESSED_BYTES / mb:.0f}), largest part {big.filename} "
              f"{big.file_size / mb:.1f} MB at ratio {big.file_size / max(big.compress_size, 1):.1f} "
              f"(limit {limits.MAX_RATIO}), {facts.shared_strings} shared strings "
              f"(limit {limits.MAX_SHARED_STRINGS}), rows limit {limits.MAX_ROWS}")

        t = time.perf_counter()
        with zipfile.ZipFile(ledger) as zf:
            limits.check_archive(ledger, zf)
        print(f"pre-parse checks: {(time.perf_counter() - t) * 1000:.0f} ms")

        tracemalloc.start()
        t = time.perf_counter()
        plan = imp.read_workbook(ledger, store)
        elapsed = time.perf_counter() - t
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"read_workbook: {len(plan.rows)} rows in {elapsed:.1f} s (under tracemalloc), "
              f"peak Python memory {peak / mb:.0f} MB")

        for r in plan.rows:  # every row changes: the longest write the import can make
            if r.action == "update":
                r.enterprise.notes = (r.enterprise.notes or "") + "·"
                r.changed = True
        marks: dict[str, float] = {}

        def trace(sql: str) -> None:
            if sql.startswith("BEGIN IMMEDIATE"):
                marks.setdefault("begin", time.perf_counter())
            elif sql == "COMMIT":
                marks["commit"] = time.perf_counter()

        store.conn.set_trace_callback(trace)
        t = time.perf_counter()
        report = imp.apply_plan(store, plan)
        total = time.perf_counter() - t
        store.conn.set_trace_callback(None)
        held = marks.get("commit", 0) - marks.get("begin", 0)
        print(f"apply_plan: {report.updated} updates in {total:.1f} s, write lock held {held:.2f} s "
              f"(other writers wait up to the 5 s busy timeout)")
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
