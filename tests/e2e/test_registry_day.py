"""An officer's first morning with the app: the demo township, a pinyin search, an edit, and the
county's Excel list imported with some broken rows, the ledger exported. Driven through the real
main window with key presses and button clicks; the registry refreshes itself from the change bus."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from inspector_app.demo import create_demo_database
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_db, township
from inspector_app.demo import create_demo_database
from inspector_app.ui.registry.enterprise_form import EnterpriseDialog
from inspector_app.ui.registry.import_dialog import ImportDialog
from inspector_app.ui.main_window import MainWindow
from tests.fixtures.make_xlsx import COUNTY_HEADERS, bad_check_digit, code, county_row, write_xlsx

pytestmark = pytest.mark.e2e
LEFT = Qt.MouseButton.LeftButton


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_registry_morning(qtbot, tmp_path, monkeypatch):
    db_path = create_demo_database(tmp_path / "township.sqlite", enterprises=300)
    store = open_db(db_path)
    # Closing a dossier with unsaved edits asks first; never block the test on that question.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    # The app opens on Today; the officer clicks the registry in the module list.
    nav = win.nav
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(nav.item(0)).center())
    assert win.stack.currentWidget() is win.registry
    assert win.registry.model.rowCount() == 300

    # Search by pinyin initials, as typed on a laptop keyboard: 江阴…化工…
    qtbot.keyClicks(win.registry.search, "jyhg")
    qtbot.waitUntil(lambda: win.registry.model.rowCount() < 300)
    hits = [repo.get(store, win.registry.model.id_at(r)) for r in range(win.registry.model.rowCount())]
    assert hits, "the demo township has chemical firms"
    assert all(h.name.startswith("江阴") for h in hits)
    # 化工 firms dominate; a name like 江阴市业海钢结构 (…h g…) also fits the typed chunks.
    assert sum("化工" in h.name for h in hits) * 2 > len(hits)

    # Open the first hit and edit it; the change is in the database.
    qtbot.keyClick(win.registry.search, Qt.Key.Key_Return)
    eid = win.registry.selected_id()
    dlg = EnterpriseDialog(store, eid, win)
    dlg.show()
    dlg.form.widgets["safety_manager"].setText("周建国")  # as an IME would type it
    qtbot.keyClick(dlg.form.widgets["safety_manager"], Qt.Key.Key_Return)
    dlg.form.widgets["employees"].setValue(64)
    qtbot.keyClick(dlg.form.widgets["employees"], Qt.Key.Key_Return)
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.result() == dlg.DialogCode.Accepted
    saved = repo.get(store, eid)
    assert (saved.safety_manager, saved.employees) == ("周建国", 64)

    # The county's list: two new firms, one existing firm updated, four broken rows.
    qtbot.keyClick(win.registry.search, Qt.Key.Key_Escape)  # Esc clears the search
    qtbot.waitUntil(lambda: win.registry.model.rowCount() == 300)
    village = township.list_villages(store)[0].name
    existing = repo.get(store, repo.search_ids(store)[5])
    rows = [
        county_row(900001, "江阴市新导入精工有限公司", village, employees=35),
        county_row(900002, "江阴市新导入纺织有限公司", village, employees=12),
        county_row(0, existing.name, village, employees=88, code_value=existing.uscc),
        county_row(900003, "坏校验位有限公司", village, code_value=bad_check_digit(900003)),
        county_row(900004, "", village),
        county_row(900005, "未知村企业有限公司", "不存在村"),
        county_row(900006, "人数错误有限公司", village, employees="三十人"),
    ]
    xlsx = write_xlsx(tmp_path / "county.xlsx", COUNTY_HEADERS, rows)
    imp = ImportDialog(store, str(xlsx), win)
    qtbot.waitUntil(lambda: imp.plan is not None, timeout=10000)
    assert imp.plan.inserts == 2 and len(imp.plan.error_rows) == 4
    reasons = " ".join(" ".join(r.errors) for r in imp.plan.error_rows)
    for fragment in ("校验位", "名称", "不存在村", "从业人数"):
        assert fragment in reasons
    qtbot.mouseClick(imp.import_button, LEFT)
    qtbot.waitUntil(lambda: imp.report is not None, timeout=10000)
    assert (imp.report.inserted, imp.report.updated, len(imp.report.errors)) == (2, 1, 4)
    assert win.registry.model.rowCount() == 302  # refreshed by the import's Change.ENTERPRISE
    assert repo.find_by_uscc(store, code(900001))
    assert repo.get(store, existing.id).employees == 88
    assert not repo.find_by_uscc(store, bad_check_digit(900003))
    # The rejected rows can be handed back for correction.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "errors.xlsx"), ""))
    qtbot.mouseClick(imp.errors_button, LEFT)
    assert (tmp_path / "errors.xlsx").stat().st_size > 0

    # Importing the same file again updates instead of duplicating.
    before = repo.count(store)
    again = ImportDialog(store, str(xlsx), win)
    qtbot.waitUntil(lambda: again.plan is not None, timeout=10000)
    assert again.plan.inserts == 0
    assert repo.count(store) == before == 302

    # The ledger of the whole registry, exported in the background with Ctrl+E.
    ledger = tmp_path / "ledger.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ledger), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    # The offscreen platform leaves the closed dossier the active window; an officer's click
    # on the main window makes it active again.
    dlg.deleteLater()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not dlg)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "302" in told[0] and ledger.stat().st_size > 0
    store.close()
