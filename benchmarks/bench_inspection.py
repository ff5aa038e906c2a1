"""How fast the on-site inspection feels on a county-sized database.

Measures, on a real database FILE (WAL, synchronous=FULL):

* start + open of an inspection for a 粉尘涉爆 enterprise with its assembled checklist
  (median and p95 over --runs; target ≤ 100 ms);
* record_answer including its autosave commit (median and p95 over --answers; target ≤ 10 ms).

Prints figures, asserts nothing. The database is built with the demo generator
(20,000 enterprises by default) or reused with --db; a reused file is copied first so the
benchmark's inspections never land in it.

    .venv/bin/python benchmarks/bench_inspection.py [--db PATH] [--enterprises 20000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from inspector_app.demo import create_demo_database
from inspector_app.storage import enterprises, inspections, township
from inspector_app.storage.db import open_db


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def _report(label: str, ms: list[float], target: float) -> None:
    med, p95 = statistics.median(ms), _pct(ms, 95)
    verdict = "ok" if p95 <= target else "OVER TARGET"
    print(f"{label:<42} median {med:7.2f} ms   p95 {p95:7.2f} ms   max {max(ms):7.2f} ms"
          f"   (n={len(ms)}, target ≤ {target:g} ms: {verdict})")


def _copy(src: Path, dst: Path) -> None:
    with sqlite3.connect(str(src)) as a, sqlite3.connect(str(dst)) as b:
        a.backup(b)
    a.close()
    b.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="demo database to reuse (built here if it does not exist)")
    ap.add_argument("--enterprises", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--answers", type=int, default=200)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_inspection_") as tmp:
        source = args.db or Path(tmp) / "demo.sqlite"
        if not source.exists():
            t = time.perf_counter()
            create_demo_database(source, enterprises=args.enterprises)
            print(f"built demo database with {args.enterprises} enterprises in "
                  f"{time.perf_counter() - t:.1f} s: {source}")
        work = Path(tmp) / "work.sqlite"
        _copy(source, work)

        store = open_db(work)
        try:
            n_ent = enterprises.count(store)
            officers = [o.id for o in township.list_officers(store)][:2]
            dusty = enterprises.search_ids(store, enterprises.SearchQuery(tag="粉尘涉爆"))
            if len(officers) < 2 or not dusty:
                raise SystemExit("the database needs two officers and a 粉尘涉爆 enterprise")
            ent_id = dusty[0]
            print(f"database: {n_ent} enterprises, {len(dusty)} tagged 粉尘涉爆; "
                  f"journal={store.db.execute('PRAGMA journal_mode').fetchone()[0]}, "
                  f"synchronous={store.db.execute('PRAGMA synchronous').fetchone()[0]} (2 = FULL)")

            def start_open() -> tuple[float, float, inspections.InspectionSession]:
                t0 = time.perf_counter()
                sid = inspections.start_inspection(store, enterprise_id=ent_id, officer_ids=officers,
                                                   kind="专项", place="")
                t1 = time.perf_counter()
                session = inspections.open_inspection(store, sid)
                t2 = time.perf_counter()
                return (t2 - t0) * 1000, (t2 - t1) * 1000, session

            cold, _, session = start_open()
            n_items = sum(1 for _ in session.items())
            print(f"checklist: {len(session.forms)} forms, {n_items} items "
                  f"({', '.join(f.id for f in session.forms)})")
            print(f"{'first start+open (forms parsed from disk)':<42} {cold:7.2f} ms")
            both, opened = [], []
            for _ in range(args.runs):
                total, open_ms, session = start_open()
                both.append(total)
                opened.append(open_ms)
            _report("start + open inspection", both, 100)
            _report("open inspection only", opened, 100)

            items = list(session.items())
            costs = []
            for i in range(args.answers):
                it = items[i % len(items)]
                kwargs = {"note": f"第{i}次记录"}
                if it.kind == "number":
                    kwargs["value_num"] = (it.limit_max or it.limit_min or 1) + (i % 3 - 1)
                elif it.kind == "text":
                    kwargs["value_text"] = f"现场记录{i}"
                else:
                    kwargs["answer"] = ("符合", "不符合", "不适用")[i % 3]
                t = time.perf_counter()
                inspections.record_answer(store, session.id, it.key, **kwargs)
                costs.append((time.perf_counter() - t) * 1000)
            _report("record_answer incl. autosave commit", costs, 10)
        finally:
            store.close()


if __name__ == "__main__":
    main()
