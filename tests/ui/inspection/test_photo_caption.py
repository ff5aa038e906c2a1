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
