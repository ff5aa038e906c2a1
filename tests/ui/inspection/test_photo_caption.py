"""The officer types what a photo shows in the inspection window's photo strip; a HEIC photo
from a phone is offered and added like any other."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_app.storage import inspections, photos, township
from inspector_app.ui.inspection import window as ui
from inspector_app.ui.inspection.window import InspectionWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def close_windows():
    yield
    for win in list(ui._open_windows.values()):
        win.close()


def test_caption_typed_in_the_strip_is_stored(qtbot, demo_db, tmp_path, monkeypatch):
    store = demo_db
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name").fetchone()[0]
    officers = [o.id for o in township.list_officers(store)][:2]
    iid = inspections.start_inspection(store, enterprise_id=ent, officer_ids=officers)
    win = InspectionWindow(store, iid)
    qtbot.addWidget(win)
    win.show()
    strip = win.inspection_photos
    assert strip.caption.isHidden()  # nothing to describe yet

    import pillow_heif

    heic = tmp_path / "IMG_2041.heic"
    buf = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (200, 150), (30, 30, 200))).save(buf)
    heic.write_bytes(buf.getvalue())
    offered = {}

    def pick(parent, title, folder, filters, *a, **k):
        offered["filters"] = filters
        return [str(heic)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    qtbot.mouseClick(strip.add_button, LEFT)
    assert "*.heic" in offered["filters"]
    assert strip.list.count() == 1 and not strip.caption.isHidden()

    qtbot.mouseClick(strip.caption, LEFT)
    strip.caption.insert("配电箱前堆放纸箱")  # as an IME commits it (QTest types Latin keys only)
    qtbot.keyClick(strip.caption, Qt.Key.Key_Return)
    row = photos.photos_for(store, inspection_id=iid)[0]
    assert row["caption"] == "配电箱前堆放纸箱" and row["photographer"]
    strip.reload()
    assert strip.caption.text() == "配电箱前堆放纸箱"  # read back from the database


def test_photographer_is_picked_from_the_inspections_officers(qtbot, demo_db, tmp_path, monkeypatch):
    from inspector_app.core import settings as S
    from inspector_app.storage import settings

    store = demo_db
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name").fetchone()[0]
    first, second = township.list_officers(store)[:2]
    settings.put(store, S.CURRENT_OFFICER, second.id)  # the laptop's officer took it, unless told
    iid = inspections.start_inspection(store, enterprise_id=ent, officer_ids=[first.id, second.id])
    win = InspectionWindow(store, iid)
    qtbot.addWidget(win)
    win.show()
    strip = win.inspection_photos
    assert strip.photographer.isHidden()
    picture = tmp_path / "p.jpg"
    Image.new("RGB", (120, 90), (200, 30, 30)).save(picture)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(picture)], ""))
    qtbot.mouseClick(strip.add_button, LEFT)
    assert not strip.photographer.isHidden()
    offered = [strip.photographer.itemText(i) for i in range(strip.photographer.count())]
    assert offered == [second.name, first.name]
    assert strip.photographer.currentText() == second.name

    def stored():
        return photos.photos_for(store, inspection_id=iid)[0]["photographer"]

    assert stored() == second.name
    strip.photographer.setFocus()
    qtbot.keyClick(strip.photographer, Qt.Key.Key_Down)  # the other officer took it
    assert stored() == first.name
    strip.photographer.lineEdit().selectAll()
    qtbot.keyClick(strip.photographer.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClick(strip.photographer.lineEdit(), Qt.Key.Key_Return)  # nobody is not an answer
    assert stored() == first.name and strip.photographer.currentText() == first.name
    strip.photographer.lineEdit().selectAll()
    strip.photographer.lineEdit().insert("王华（企业安全员）")  # someone outside the list, as an IME types it
    qtbot.keyClick(strip.photographer.lineEdit(), Qt.Key.Key_Return)
    assert stored() == "王华（企业安全员）"
    strip.reload()
    assert strip.photographer.currentText() == "王华（企业安全员）"  # read back from the database


@pytest.fixture
def chinese(qapp):
    """The interface as officers see it: Chinese labels are what must fit."""
    from inspector_app.ui import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.uninstall(qapp)


def test_a_failed_item_with_a_photo_fits_the_item_pane_of_a_laptop(qtbot, demo_db, chinese):
    """At 1280×688 (what a 1366×768 laptop leaves the window under its title bar and taskbar) the
    item pane of a short item shows the answer, the note, the photo with its caption and
    photographer and Previous/Next without a scroll bar."""
    import random

    from PySide6.QtWidgets import QScrollArea, QWidget

    from inspector_app import paths
    from inspector_app.demo.pictures import picture

    store = demo_db
    ent = store.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY name").fetchone()[0]
    officers = [o.id for o in township.list_officers(store)][:2]
    iid = inspections.start_inspection(store, enterprise_id=ent, officer_ids=officers)
    # An everyday item: a one-line question, no [K] line (a long one wraps and may scroll: the
    # pane is a scroll area for that).
    item = min((it for it in inspections.open_inspection(store, iid).items()
                if it.kind != "text" and not it.unverified),
               key=lambda it: (len(it.question) + len(it.basis or ""), it.key))
    inspections.record_answer(store, iid, item.key, answer="不符合", note="配电箱前堆放纸箱杂物，未保持0.8米操作距离。")
    photos.add_photo(store, picture(random.Random(1)), inspection_id=iid, item_key=item.key, kind="问题",
                     caption="配电箱前堆放纸箱", photos_root=paths.photos_dir(store.path))
    win = InspectionWindow(store, iid)
    qtbot.addWidget(win)
    win.resize(1280, 688)
    win.show()
    win.select_key(item.key)
    qtbot.waitExposed(win)
    pane = next(s for s in win.findChildren(QScrollArea) if s.widget() is not None and s.widget().isAncestorOf(
        win.panel.photos))
    strip = win.panel.photos
    assert strip.list.count() == 1 and strip.photographer.isVisible() and strip.caption.isVisible()
    qtbot.wait(50)  # the scroll area lays its widget out on the next turn
    assert pane.verticalScrollBar().maximum() == 0, pane.verticalScrollBar().maximum()
