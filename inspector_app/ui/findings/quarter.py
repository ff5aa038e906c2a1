"""The major findings listed for supervision in a quarter (挂牌督办), with Excel export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from ...core import clock
from ...core import findings as rules
from ...core import settings as S
from ...core.i18n import QT_TRANSLATE_NOOP
from ...storage import findings as findings_store
from ...storage import settings
from ...storage.db import Store
from ..widgets.tables import ListTableModel, table_view
from . import ops
from .labels import state_label


class QuarterListingModel(ListTableModel):
    COLUMNS = (
        ("enterprise_name", QT_TRANSLATE_NOOP("QuarterListingModel", "Enterprise")),
        ("village_name", QT_TRANSLATE_NOOP("QuarterListingModel", "Village")),
        ("description", QT_TRANSLATE_NOOP("QuarterListingModel", "Description")),
        ("listing_body", QT_TRANSLATE_NOOP("QuarterListingModel", "Supervising body")),
        ("listing_doc_no", QT_TRANSLATE_NOOP("QuarterListingModel", "Listing doc. no.")),
        ("listed_on", QT_TRANSLATE_NOOP("QuarterListingModel", "Listed on")),
        ("listing_deadline", QT_TRANSLATE_NOOP("QuarterListingModel", "Deadline")),
        ("state", QT_TRANSLATE_NOOP("QuarterListingModel", "State")),
        ("delisted_on", QT_TRANSLATE_NOOP("QuarterListingModel", "De-listed on")),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "state":
                return state_label(r["state"])
            value = r.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


class QuarterListingDialog(QDialog):
    finding_activated = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Listed major hidden dangers of a quarter"))
        year, quarter = rules.quarter_of(clock.today())
        self.year = QSpinBox(self)
        self.year.setObjectName("quarterYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("quarterNumber")
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("Q%1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex(quarter - 1)
        self.model = QuarterListingModel(self)
        self.view = table_view(self, self.model, name="quarterView", row_height=None,
                               widths=(190, 64, 200, 100, 150, 84, 84, 70, 84), stretch_column=2)
        self.view.activated.connect(self._on_view_activated)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("quarterCount")
        self.message = QLabel(self)
        self.message.setObjectName("quarterMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export to Excel…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self._on_export_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.quarter)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(self._on_period_changed)
        self.quarter.currentIndexChanged.connect(self._on_period_changed)
        self.reload()
        self.resize(1240, 560)  # nine columns without a scrollbar; fitted to smaller screens

    def period(self) -> tuple[int, int]:
        return self.year.value(), self.quarter.currentData()

    def _on_period_changed(self, _value) -> None:
        self.reload()

    def reload(self) -> None:
        year, q = self.period()
        self.model.set_rows(findings_store.listed_major_for_quarter(self.store, year, q))
        self.count_label.setText(self.tr("%n listed major hidden danger(s)", "", self.model.rowCount()))

    def _on_view_activated(self, index) -> None:
        self.finding_activated.emit(self.model.rows[index.row()]["id"])

    def export_to(self, path: str):
        """Write the workbook (off the UI thread); returns the operation."""
        year, q = self.period()

        def done(count) -> None:
            self.message.setText(self.tr("%1 row(s) exported to %2").replace("%1", str(count)).replace("%2", path))

        return ops.export_quarter(self, self.store, year, q, path, label=self.tr("Export to Excel")) \
            .success(done).run()

    def _on_export_clicked(self) -> None:
        from ...reports.quarter_listing_xlsx import quarter_title

        year, q = self.period()
        default = quarter_title(settings.get(self.store, S.TOWNSHIP), year, q) + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path)


__all__ = ["QuarterListingDialog", "QuarterListingModel"]
