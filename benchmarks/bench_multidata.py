"""Does overriding ``multiData()`` speed up the registry's repaint? Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_multidata.py [--db /tmp/bench20k.sqlite]

Qt 6's item delegate asks a cell for ~9 roles in one ``multiData()`` call; without an override,
Qt's default implementation calls the Python ``data()`` once per role. The override answers all
roles in one Python call. (It used to abort the process: PySide6 6.12.0 on Python 3.11 leaked a
reference to None on every ``setData()`` — see docs/runtime.md.) This measures a full repaint of
the registry view at 1366×768 with the plain model and with the override.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="/tmp/bench20k.sqlite")
    p.add_argument("--runs", type=int, default=200)
    args = p.parse_args()
    if not Path(args.db).exists():
        from inspector_app.demo import create_demo_database

        create_demo_database(Path(args.db), enterprises=20000)

    from PySide6.QtWidgets import QApplication

    from inspector_app.storage import open_db
    from inspector_app.ui import registry as reg

    app = QApplication([])
    store = open_db(Path(args.db))

    def measure(widget) -> list[float]:
        widget.resize(1366, 768)
        widget.show()
        app.processEvents()
        out = []
        for _ in range(args.runs):
            t = time.perf_counter()
            widget.view.viewport().repaint()
            out.append((time.perf_counter() - t) * 1000)
        widget.hide()
        return out

    plain = reg.RegistryWidget(store)
    base = measure(plain)
    override = getattr(reg.RegistryModel, "multiData", None)
    has_own = override is not None and override is not reg.QAbstractTableModel.multiData
    print(f"registry repaint, {args.runs} runs, model {'with' if has_own else 'without'} its own multiData: "
          f"median {statistics.median(base):.2f} ms, p95 {pct(base, .95):.2f} ms")
    if not has_own:
        class WithMultiData(reg.RegistryModel):
            def multiData(self, index, span):
                row = self._row(index.row()) if index.isValid() else None
                for rd in span:
                    role = rd.role()
                    if row is None:
                        continue
                    if role == reg._DISPLAY:
                        rd.setData(row[index.column()])
                    elif role == reg._ALIGN and index.column() == reg._EMPLOYEES_COL:
                        rd.setData(reg._RIGHT)

        w = reg.RegistryWidget(store)
        w.model.__class__ = WithMultiData
        w.apply_filters()
        alt = measure(w)
        print(f"registry repaint with a multiData override: median {statistics.median(alt):.2f} ms, "
              f"p95 {pct(alt, .95):.2f} ms")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
