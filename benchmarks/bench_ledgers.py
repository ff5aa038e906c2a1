"""The quarter's export benchmark. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_ledgers.py [--enterprises 2000] [--runs 3] [--db FILE]

Builds (once, reused with ``--db``) a demo township of ``--enterprises`` with its history and a
year of ledgers, pinned to 2027-01-20, then times for 2026Q4:

* the snapshot (every ledger's rows and the figures with their comparisons);
* the workbook and the ledgers PDF from that snapshot, and both together (target ≤ 3 s);
* the one-page figures PDF, the completeness check and Today's reminders;
* each ledger's query, as a screen opening it would run it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2027, 1, 20)


CPU: list[float] = []  # the last timed() call's median CPU time (robust on a machine under load)


def timed(fn, runs: int):
    times, cpu, result = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(times), result


def main() -> int:
    from inspector_app.core import clock
    from inspector_app.core.ledgers.ledgers import LEDGERS
    from inspector_app.demo import create_demo_database
    from inspector_app.reports import ledgers_pdf, ledgers_xlsx
    from inspector_app.storage import ledgers, open_db

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--enterprises", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"bench_ledgers_{args.enterprises}.sqlite"
    with clock.pinned(TODAY):
        if not db.exists():
            t = time.perf_counter()
            create_demo_database(db, enterprises=args.enterprises, seed=2012)
            print(f"built demo township of {args.enterprises} enterprises in {time.perf_counter() - t:.1f} s → {db}")
        store = open_db(db)
        q = "2026Q4"
        counts = {s.key: len(ledgers.ledger_rows(store, s.key, q)) for s in LEDGERS}
        print("rows per ledger:", ", ".join(f"{k} {n}" for k, n in counts.items()))
        t_snap, snap = timed(lambda: ledgers.build_snapshot(store, q), args.runs)
        t_xlsx, xlsx = timed(lambda: ledgers_xlsx.workbook_bytes(snap), args.runs)
        t_pdf, pdf = timed(lambda: ledgers_pdf.ledgers_pdf_bytes(snap), args.runs)
        t_fig, _ = timed(lambda: ledgers_pdf.figures_pdf_bytes(snap), args.runs)
        out = Path(tempfile.mkdtemp())
        t_both, _ = timed(lambda: (ledgers_xlsx.write_ledgers_xlsx(ledgers.export_snapshot(store, q), out / "q.xlsx"),
                                   ledgers_pdf.write_ledgers_pdf(ledgers.export_snapshot(store, q), out / "q.pdf")),
                          args.runs)
        cpu_both = CPU[0]
        t_check, issues = timed(lambda: ledgers.completeness(store, q), args.runs)
        t_rem, rem = timed(lambda: ledgers.reminders(store), args.runs)
        print(f"snapshot (all ledgers + figures, 3 quarters)   {t_snap * 1000:8.0f} ms")
        print(f"workbook from the snapshot                     {t_xlsx * 1000:8.0f} ms  ({len(xlsx) // 1024} KiB)")
        print(f"ledgers PDF from the snapshot                  {t_pdf * 1000:8.0f} ms  ({len(pdf) // 1024} KiB)")
        print(f"figures PDF (one page, charts)                 {t_fig * 1000:8.0f} ms")
        print(f"export, both files (snapshot, xlsx, pdf, disk) {t_both * 1000:8.0f} ms  target ≤ 3000 ms "
              f"{'met' if t_both <= 3 else 'MISSED'} (CPU {cpu_both * 1000:.0f} ms)")
        print(f"completeness check ({len(issues)} gaps)               {t_check * 1000:8.0f} ms")
        print(f"reminders ({len(rem)})                                  {t_rem * 1000:8.0f} ms")
        print("opening each ledger (query, median):")
        for spec in LEDGERS:
            t, rows = timed(lambda: ledgers.ledger_rows(store, spec.key, q), max(3, args.runs))
            print(f"  {spec.key:16} {len(rows):6} rows {t * 1000:8.1f} ms")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
