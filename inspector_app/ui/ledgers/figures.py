"""The quarter's figures: the table a city report counts (this quarter, the previous one, the same
quarter last year, the changes), the breakdown by village, and three charts drawn with Qt's own
chart module (the same three the one-page PDF draws with reportlab). QtCharts is imported with
this module, which the ledger screen imports only when the figures are opened.
"""

from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from ...core.ledgers.quarter import Quarter
from ...storage import ledgers
from ...storage.db import Store
from ..widgets.messages import HINT_STYLE

# The figures compared in the first chart (as in reports.ledgers_pdf.CHART_KEYS).
CHART_KEYS = ("inspections", "enterprises_inspected", "findings_general", "findings_major", "findings_rectified",
              "overdue")
CHART_NAMES = ("检查次数", "检查企业", "一般隐患", "重大隐患", "已整改", "逾期未改")


def _num(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{v:,}" if isinstance(v, int) else str(v)


def quarter_figures(store: Store, q: Quarter) -> dict:
    """``current``, ``previous``, ``last_year`` and whether they come from the close's snapshot."""
    snap = ledgers.closed_snapshot(store, q)
    if snap:
        return {"current": snap["figures"], "previous": snap["comparison"]["previous"],
                "last_year": snap["comparison"]["last_year"], "closed": True}
    comp = ledgers.comparison(store, q)
    return {**comp, "closed": False}


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    f = QFont(chart.titleFont())
    f.setBold(True)
    chart.setTitleFont(f)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _bars(chart: QChart, categories: list[str], sets: list[tuple[str, str, list]], *,
          horizontal: bool = False) -> QBarSeries:
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    for label, colour, values in sets:
        bar = QBarSet(label)
        bar.setColor(QColor(colour))
        bar.setLabelColor(QColor("#333333"))
        bar.append([float(v or 0) for v in values])
        series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    categories_axis = QBarCategoryAxis()
    categories_axis.append(categories or [""])
    values_axis = QValueAxis()
    top = max([float(v or 0) for _l, _c, values in sets for v in values] or [0])
    values_axis.setRange(0, max(4.0, top * 1.2))
    values_axis.applyNiceNumbers()
    values_axis.setLabelFormat("%d")
    if horizontal:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories_axis)
    series.attachAxis(values_axis)
    return series


def comparison_chart(data: dict, q: Quarter) -> QChart:
    chart = _chart("主要指标对比")
    cur, prev, ly = data["current"], data["previous"], data["last_year"]
    _bars(chart, list(CHART_NAMES), [
        (q.same_last_year().label, "#BFBFBF", [ly.get(k) for k in CHART_KEYS]),
        (q.previous().label, "#8EA9DB", [prev.get(k) for k in CHART_KEYS]),
        (q.label, "#2F5597", [cur.get(k) for k in CHART_KEYS]),
    ])
    return chart


def documents_chart(data: dict) -> QChart:
    chart = _chart("执法文书（份）")
    cur = data["current"]
    series = QPieSeries()
    palette = ("#2F5597", "#8EA9DB", "#F4B183", "#70AD47", "#C00000", "#FFD966")
    for key, label, _kind in ledgers.FIGURES:
        if key.startswith("doc_") and cur.get(key):
            s = series.append(f"{label.replace('（份）', '')} {cur[key]}", float(cur[key]))
            s.setColor(QColor(palette[(len(series.slices()) - 1) % len(palette)]))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    if not series.count():
        chart.setTitle("执法文书（份）：本季度未出具文书")
    return chart


def villages_chart(data: dict) -> QChart:
    chart = _chart("各村（社区）隐患情况")
    villages = data["current"].get("by_village") or []
    _bars(chart, [v["village"] for v in villages], [
        ("一般隐患", "#F4B183", [v["general"] for v in villages]),
        ("重大隐患", "#C00000", [v["major"] for v in villages]),
        ("已整改", "#70AD47", [v["rectified"] for v in villages]),
    ], horizontal=True)
    return chart


def _view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)
    return view


class FiguresPage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.q: Quarter | None = None
        self.data: dict = {}
        self.charts: dict[str, QChartView] = {}
        self.title = QLabel(self)
        self.title.setObjectName("figuresTitle")
        f = QFont(self.title.font())
        f.setPointSize(f.pointSize() + 2)
        f.setBold(True)
        self.title.setFont(f)
        self.note = QLabel(self)
        self.note.setStyleSheet(HINT_STYLE)
        self.export_button = QPushButton(self.tr("One-page &PDF…"), self)
        self.export_button.setObjectName("figuresPdf")
        self.export_button.clicked.connect(self.export_pdf)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("figuresTable")
        self.village_table = QTableWidget(0, 1 + len(ledgers.VILLAGE_FIGURES), self)
        self.village_table.setObjectName("villageTable")
        for t in (self.table, self.village_table):
            t.verticalHeader().hide()
            t.verticalHeader().setDefaultSectionSize(22)
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            t.setAlternatingRowColors(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Figures"))
        self.tabs.addTab(self.village_table, self.tr("By village"))
        self.village_chart_box = QWidget(self)
        QVBoxLayout(self.village_chart_box).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.village_chart_box, self.tr("Findings by village"))
        self.chart_box = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tabs)
        split.addWidget(self.chart_box)
        split.setSizes([440, 540])
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.note, 1)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def set_quarter(self, q: Quarter) -> None:
        self.q = q
        self.data = quarter_figures(self.store, q)
        cur, prev, ly = self.data["current"], self.data["previous"], self.data["last_year"]
        self.title.setText(self.tr("%1 figures").replace("%1", q.label))
        self.note.setText((self.tr("closed: as reported") if self.data["closed"] else self.tr("open: counted now"))
                          + "　" + self.tr("as of %1").replace("%1", str(cur.get("as_of", ""))))
        self.table.setHorizontalHeaderLabels(["指标", "本季度", "上季度", "环比", "去年同期", "同比"])
        for col, label in ((1, q.label), (2, q.previous().label), (4, q.same_last_year().label)):
            self.table.horizontalHeaderItem(col).setToolTip(label)
        self.table.setRowCount(len(ledgers.FIGURES))
        for i, (key, label, _kind) in enumerate(ledgers.FIGURES):
            now, before, year_ago = cur.get(key), prev.get(key), ly.get(key)
            cells = (label, _num(now), _num(before), ledgers.change_text(now, before), _num(year_ago),
                     ledgers.change_text(now, year_ago))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        villages = cur.get("by_village") or []
        self.village_table.setHorizontalHeaderLabels(["村（社区）"] + [label for _k, label in ledgers.VILLAGE_FIGURES])
        self.village_table.setRowCount(len(villages))
        for i, v in enumerate(villages):
            self.village_table.setItem(i, 0, QTableWidgetItem(v["village"]))
            for col, (k, _label) in enumerate(ledgers.VILLAGE_FIGURES, 1):
                item = QTableWidgetItem(_num(v.get(k)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.village_table.setItem(i, col, item)
        self.village_table.resizeColumnsToContents()
        self._build_charts(q)

    def _build_charts(self, q: Quarter) -> None:
        for view in self.charts.values():
            view.parentWidget().layout().removeWidget(view)
            view.deleteLater()
        self.charts = {
            "comparison": _view(comparison_chart(self.data, q), "comparisonChart"),
            "documents": _view(documents_chart(self.data), "documentsChart"),
            "villages": _view(villages_chart(self.data), "villagesChart"),
        }
        self.chart_layout.addWidget(self.charts["comparison"], 1)
        self.chart_layout.addWidget(self.charts["documents"], 1)
        self.village_chart_box.layout().addWidget(self.charts["villages"])

    def export_pdf(self):
        from .export import ExportDialog

        dlg = ExportDialog(self.store, self.q, self)
        dlg.xlsx.setChecked(False)
        dlg.pdf.setChecked(False)
        dlg.figures.setChecked(True)
        self.dialog = dlg
        dlg.exec()
        return dlg


__all__ = ["FiguresPage", "comparison_chart", "documents_chart", "quarter_figures", "villages_chart"]
