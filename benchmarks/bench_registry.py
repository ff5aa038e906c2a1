"""Registry benchmark on a big county. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_registry.py [--db /tmp/bench20k.sqlite] [--enterprises 20000]

Figures: start-up time to the main window and peak memory (app vs a bare PySide6 window with an
empty table, each started the same way as separate processes), search latency per keystroke
(median, p95) for name, pinyin and credit-code queries through the real list model, and the time
to open the registry screen.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def compile_bytecode() -> None:
    """Byte-compile the package first, as an installed or frozen app is: with
    PYTHONDONTWRITEBYTECODE set (this VM sets it) every start would compile ~100 modules from
    source, ~90 ms that an officer's laptop never pays and the bare window hardly has."""
    import compileall

    compileall.compile_dir(ROOT / "inspector_app", quiet=1)


def run_smoke(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Start ``cmd`` ``runs`` times; its figure is taken at the first painted main window."""
    compile_bytecode()
    times, mems = [], []
    for _ in range(runs):
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True).stdout
        m = re.search(r"shown in (\d+) ms, peak memory (\d+) MB", out)
        if not m:
            raise SystemExit(f"unexpected smoke output: {out!r}")
        times.append(float(m.group(1)))
        mems.append(float(m.group(2)))
    return times, mems


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/bench20k.sqlite")
    p.add_argument("--enterprises", type=int, default=20000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    db = Path(args.db)
    if not db.exists():
        from inspector_app.demo import create_demo_database

        t = time.perf_counter()
        create_demo_database(db, enterprises=args.enterprises)
        print(f"built {args.enterprises}-enterprise database in {time.perf_counter() - t:.1f} s: {db}")

    py = sys.executable
    app_t, app_m = run_smoke([py, "-m", "inspector_app", "--db", str(db), "--smoke"], args.runs)
    bare_t, bare_m = run_smoke([py, str(ROOT / "benchmarks" / "bare_window.py")], args.runs)
    print(f"start-up to the first painted main window: app median {statistics.median(app_t):.0f} ms, "
          f"bare window {statistics.median(bare_t):.0f} ms, ratio {statistics.median(app_t) / statistics.median(bare_t):.2f}x (target ≤ 2x)")
    print(f"peak memory: app {max(app_m):.0f} MB, bare window {max(bare_m):.0f} MB (target ≤ 150 MB)")

    from PySide6.QtWidgets import QApplication

    from inspector_app.storage import crypt, open_db
    from inspector_app.ui.registry import RegistryWidget

    app = QApplication(sys.argv[:1])
    # The database is encrypted (docs/encryption.md): INSPECTOR_PASSWORD, else the demo password.
    store = open_db(db, password=crypt.env_password() or crypt.DEMO_PASSWORD)
    n = store.db.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
    t = time.perf_counter()
    widget = RegistryWidget(store)
    widget.resize(1280, 720)
    widget.show()
    app.processEvents()
    widget.grab()  # first paint, rows fetched for the visible block
    print(f"open the registry screen ({n} enterprises): {(time.perf_counter() - t) * 1000:.1f} ms")

    sample = store.db.execute(
        "SELECT name, uscc FROM enterprise WHERE uscc IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?", [n // 2]
    ).fetchone()
    queries = {
        "name": sample[0][2:6],            # a 字号 fragment as typed, e.g. 华宏化工
        "pinyin": "jyhg",
        "code": sample[1][:12],
    }
    from inspector_app.storage import enterprises as repo

    for kind, text in queries.items():
        lat, sql = [], []
        for _round in range(10):
            for i in range(1, len(text) + 1):
                widget.search.setText(text[:i])
                q = widget.current_query()
                t = time.perf_counter()
                repo.first_page(store, q, limit=64)  # the query alone: page + count
                sql.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                widget.apply_filters()  # what the debounce timer triggers: SQL + model reset
                widget.view.viewport().repaint()  # and the repaint of visible rows
                lat.append((time.perf_counter() - t) * 1000)
            found = widget.model.rowCount()
            widget.search.clear()
            widget.apply_filters()
        print(f"search per keystroke [{kind:6}] '{text}' ({found} found at last key): "
              f"query median {statistics.median(sql):.1f} ms p95 {pct(sql, 0.95):.1f} ms; "
              f"query + list update + repaint median {statistics.median(lat):.1f} ms p95 {pct(lat, 0.95):.1f} ms "
              f"(target p95 ≤ 20 ms)")
    store.close()
    sys.stdout.flush()
    # Skip interpreter teardown: destroying Qt objects after QApplication at exit is not what
    # is being measured, and PySide can abort there.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
