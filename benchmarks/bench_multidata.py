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
    from inspector_app.ui.registry import registry as reg

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

    from PySide6.QtCore import QAbstractTableModel

    # The same model without its multiData override: Qt's default then calls data() once per role.
    # Naming Qt's own method again hides the Python override from shiboken's virtual dispatch.
    class Plain(reg.RegistryModel):
        multiData = QAbstractTableModel.multiData

    calls = {"data": 0}
    real_data = reg.RegistryModel.data

    def counting_data(self, index, role=reg._DISPLAY):
        calls["data"] += 1
        return real_data(self, index, role)


    Real = reg.RegistryModel
    results: dict[str, list[float]] = {}
    for _round in range(3):  # alternate, so load on a shared machine hits both alike
        for name, cls in (("data() per role", Plain), ("multiData() override", Real)):
            reg.RegistryModel = cls  # the widget builds its model from the module's name
            try:
                w = reg.RegistryWidget(store)
            finally:
                reg.RegistryModel = Real
            assert type(w.model) is cls
            results.setdefault(name, []).extend(measure(w))
    class Counting(Plain):
        data = counting_data

    reg.RegistryModel = Counting
    try:
        w = reg.RegistryWidget(store)
    finally:
        reg.RegistryModel = Real
    args.runs, runs = 1, args.runs
    measure(w)
    args.runs = runs
    print(f"(plain model: data() called {calls['data']} times per repaint; "
          "the override answers all roles of a cell in one call)")
    for name, values in results.items():
        print(f"registry repaint at 1366x768, {args.runs} runs, {name}: median {statistics.median(values):.2f} ms, "
              f"p95 {pct(values, .95):.2f} ms")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
