"""Widgets of the registry (pytest-qt, offscreen), driven by key presses and button clicks."""

import pytest
from PySide6.QtCore import Qt

from inspector_app.core import uscc
from inspector_app.demo import create_demo_database
from inspector_app.storage import enterprises as repo
from inspector_app.storage import open_db
from inspector_app.demo import create_demo_database
from inspector_app.ui.operations import Change, changes
from inspector_app.ui.registry import RegistryModel, RegistryWidget
from inspector_app.ui.registry.enterprise_form import EnterpriseDialog, EnterpriseForm

LEFT = Qt.MouseButton.LeftButton


def enter(qtbot, widget, value) -> None:
    """Put a value in a field and press Enter (QTest cannot type CJK; an IME inserts it)."""
    if hasattr(widget, "setText"):
        widget.setText(value)
    else:
        widget.setValue(value)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def dossier(qtbot, db, eid=None) -> EnterpriseDialog:
    dlg = EnterpriseDialog(db, eid)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch):
    """A dossier closed with unsaved edits asks; in a test that would block: answer Discard."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "demo.sqlite"
    create_demo_database(path, enterprises=120)
    return path


@pytest.fixture
def db(demo_path, tmp_path):
    import shutil

    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, copy)
    s = open_db(copy)
    yield s
    s.close()


def test_model_passes_qt_model_checks(qtmodeltester, db):
    model = RegistryModel(db)
    model.set_query(repo.SearchQuery())
    qtmodeltester.check(model)


@pytest.mark.calendar
def test_typing_filters_in_sql_and_shows_the_count(qtbot, db):
    w = RegistryWidget(db)
    qtbot.addWidget(w)
    total = w.model.rowCount()
    assert total == 120
    assert str(total) in w.count_label.text()
    target = repo.get(db, w.model.id_at(0))
    for ch in target.name[-6:]:  # QTest cannot synthesise CJK key events; insert as an IME would
        w.search.insert(ch)
    qtbot.waitUntil(lambda: w.model.rowCount() < total)
    names = [w.model.data(w.model.index(r, 0)) for r in range(w.model.rowCount())]
    assert any(target.name in n for n in names)
    assert str(w.model.rowCount()) in w.count_label.text()


@pytest.mark.calendar
def test_filters_combine(qtbot, db):
    w = RegistryWidget(db)
    qtbot.addWidget(w)
    w.sector.setCurrentIndex(w.sector.findData("机械"))
    for r in range(w.model.rowCount()):
        assert w.model.data(w.model.index(r, 3)) == "机械"
    w.status.setCurrentIndex(w.status.findData("关闭"))
    expected = repo.count(db, repo.SearchQuery(sector="机械", status="关闭"))
    assert w.model.rowCount() == expected


@pytest.mark.calendar
def test_header_click_sorts_in_sql(qtbot, db):
    w = RegistryWidget(db)
    qtbot.addWidget(w)
    col = [c[0] for c in RegistryModel.COLUMNS].index("employees")
    w.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    values = [w.model.data(w.model.index(r, col)) for r in range(w.model.rowCount())]
    assert values == sorted(values, reverse=True)


@pytest.mark.calendar
def test_enter_in_search_moves_to_first_result(qtbot, db):
    w = RegistryWidget(db)
    qtbot.addWidget(w)
    activated = []
    w.enterprise_activated.connect(activated.append)
    w.show()
    qtbot.keyClicks(w.search, "jy")
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    assert w.view.currentIndex().row() == 0
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert activated == [w.model.id_at(0)]


@pytest.mark.calendar
def test_form_shows_message_next_to_field_and_keeps_data(qtbot, db):
    eid = repo.search_ids(db)[0]
    before = repo.get(db, eid)
    dlg = dossier(qtbot, db, eid)
    form = dlg.form
    form.widgets["uscc"].setText(before.uscc[:17] + ("0" if before.uscc[17] != "0" else "1"))
    form.widgets["principal_phone"].setText("12345")
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.isVisible()  # not saved: the dialog stays open with the messages
    assert "校验位" in form.messages["uscc"].text() and not form.messages["uscc"].isHidden()
    assert not form.messages["principal_phone"].isHidden()
    assert repo.get(db, eid).uscc == before.uscc  # nothing written


def test_form_warns_of_duplicate_code_immediately(qtbot, db):
    a, b = repo.search_ids(db)[:2]
    other = repo.get(db, b)
    form = EnterpriseForm(db, repo.get(db, a))
    qtbot.addWidget(form)
    assert other.uscc, "the demo's second enterprise has a credit code (fixed seed)"
    form.show()
    enter(qtbot, form.widgets["uscc"], other.uscc)
    assert "已登记" in form.messages["uscc"].text()


@pytest.mark.calendar
def test_undo_redo_of_edits_and_save(qtbot, db):
    eid = repo.search_ids(db)[0]
    dlg = dossier(qtbot, db, eid)
    form = dlg.form
    original = form.value("address")
    enter(qtbot, form.widgets["address"], "璜土镇测试路1号")
    enter(qtbot, form.widgets["employees"], 77)
    assert form.undo_stack.count() == 2
    qtbot.mouseClick(dlg.undo_button, LEFT)
    assert form.value("employees") != 77
    qtbot.mouseClick(dlg.undo_button, LEFT)
    assert form.value("address") == original
    assert not dlg.undo_button.isEnabled()
    qtbot.mouseClick(dlg.redo_button, LEFT)
    assert form.value("address") == "璜土镇测试路1号"
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert repo.get(db, eid).address == "璜土镇测试路1号"
    assert form.undo_stack.isClean()


def test_new_enterprise_from_the_form(qtbot, db):
    dlg = dossier(qtbot, db)
    form = dlg.form
    form.widgets["name"].setText("江阴市测试精密机械有限公司")
    form.widgets["uscc"].setText(uscc.make("91", "320281", body8="99887766"))
    form.widgets["sector"].setCurrentIndex(form.widgets["sector"].findData("机械"))
    qtbot.mouseClick(form.tag_boxes["有限空间"], LEFT)
    with qtbot.waitSignal(dlg.saved):
        qtbot.mouseClick(dlg.save_button, LEFT)
    assert not {k: m.text() for k, m in form.messages.items() if m.text()}
    ent = repo.get(db, form.enterprise.id)
    assert ent.risk_tags == ["有限空间"] and ent.sector == "机械"
    assert repo.search_ids(db, repo.SearchQuery(text="jyscjm")) == [ent.id]


def test_keyboard_reaches_every_field_in_order(qtbot, db):
    form = EnterpriseForm(db)
    qtbot.addWidget(form)
    form.show()
    form.widgets["name"].setFocus()
    seen = set()
    w = form.widgets["name"]
    for _ in range(80):
        seen.add(w.objectName())
        w = w.nextInFocusChain()
    for key in ("name", "uscc", "address", "village_id", "principal_phone", "employees", "sector", "notes"):
        assert key in seen


@pytest.mark.calendar
def test_save_button_saves_and_the_registry_refreshes_itself(qtbot, db):
    """The dossier's Save writes through an operation that announces Change.ENTERPRISE; the
    registry list refreshes from that announcement, nobody calls it."""
    w = RegistryWidget(db)
    qtbot.addWidget(w)
    total = w.model.rowCount()
    w.show()
    dlg = dossier(qtbot, db)
    dlg.form.widgets["name"].setText("江阴市点击保存机械有限公司")
    dlg.form.widgets["uscc"].setText(uscc.make("91", "320281", body8="55443322"))
    with qtbot.waitSignal(changes().changed) as announced:
        qtbot.mouseClick(dlg.save_button, LEFT)
    assert Change.ENTERPRISE in announced.args[0]
    assert dlg.result() == dlg.DialogCode.Accepted
    assert w.model.rowCount() == total + 1
    assert repo.find_by_uscc(db, uscc.make("91", "320281", body8="55443322"))



