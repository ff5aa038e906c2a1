"""The import preview: a legacy .xls read in the background, each row's full reason and an
update's old → new changes in the detail pane, the file dialog offering every format."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_db, township
from inspector_app.ui.registry.import_dialog import ImportDialog
from tests.fixtures.make_xlsx import code

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "county"
LEFT = Qt.MouseButton.LeftButton


def _file_store(tmp_path):
    store = open_db(tmp_path / "t.sqlite", create=True)
    ids = {n: township.save_village(store, township.Village(name=n)).id for n in ("璜土村", "石庄村", "新桥社区")}
    repo.save(store, Enterprise(name="江阴老厂五金有限公司", uscc=code(4), legal_rep="赵四", employees=40,
                                village_id=ids["新桥社区"]))
    return store


def _click_row(qtbot, dlg, name: str) -> None:
    model = dlg.view.model()
    row = next(i for i, r in enumerate(model.rows) if r.name == name)
    rect = dlg.view.visualRect(model.index(row, 2))
    qtbot.mouseClick(dlg.view.viewport(), LEFT, pos=rect.center())


def test_preview_shows_full_reasons_and_changes(qtbot, tmp_path):
    store = _file_store(tmp_path)
    dlg = ImportDialog(store, str(FIXTURES / "county_list.xls"))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.plan is not None, timeout=10000)
    # Error rows first, selected at once: the whole reason with the near matches, not cut off.
    text = dlg.detail.toPlainText()
    assert text.startswith("Row 6: 江阴新月抛光店")  # tests run untranslated
    assert "璜土新村" in text and "相近的有：璜土村" in text and "设置" in text

    _click_row(qtbot, dlg, "江阴老厂五金有限公司")
    text = dlg.detail.toPlainText()
    assert "从业人数：40 → 48" in text and "法定代表人：赵四 → 赵四（新）" in text
    # The table's own cell carries the changes too, and its tooltip the whole text.
    model = dlg.view.model()
    row = next(i for i, r in enumerate(model.rows) if r.name == "江阴老厂五金有限公司")
    assert "40 → 48" in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)

    _click_row(qtbot, dlg, "江阴永盛纺织厂")
    assert dlg.detail.toPlainText().endswith("as a new enterprise.")
    dlg.grab().save(str(tmp_path / "import_preview.png"))
    store.close()


@pytest.mark.calendar
def test_open_dialog_offers_every_format(qtbot, tmp_path, monkeypatch):
    from inspector_app.ui.main_window import MainWindow

    store = _file_store(tmp_path)
    win = MainWindow(store)
    qtbot.addWidget(win)
    seen = {}

    def fake_open(parent, title, folder, filters, *a, **k):
        seen["filters"] = filters
        return str(shutil.copy(FIXTURES / "county_list.ods", tmp_path / "list.ods")), ""

    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    win.import_enterprises()
    for pattern in ("*.xlsx", "*.xls", "*.ods", "*.et"):
        assert pattern in seen["filters"]
    assert [d.path for d in opened] == [str(tmp_path / "list.ods")]
    qtbot.waitUntil(lambda: opened[0].plan is not None, timeout=10000)  # the .ods reads too
    assert opened[0].plan.updates == 1
    store.close()
