"""Baseline for the start-up benchmark: a bare PySide6 window with an empty table, started and
measured exactly like ``inspector-app --smoke``: from the top of the entry module to the end of
the window's first paint (``ui.app.when_painted``)."""

import sys
import time

_T0 = time.perf_counter()

from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

from inspector_app.ui.app import peak_rss_mb, when_painted  # noqa: E402  (tiny module-level cost only)

app = QApplication(sys.argv[:1])
win = QMainWindow()
win.setCentralWidget(QTableView())
win.show()


def report():
    print(f"smoke: main window shown in {(time.perf_counter() - _T0) * 1000:.0f} ms, "
          f"peak memory {peak_rss_mb():.0f} MB", flush=True)
    app.quit()


when_painted(win, report)
app.exec()
