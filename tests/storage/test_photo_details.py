"""Photo details for the annex: the officer's caption, who took it, when and where; HEIC photos
from phones; details frozen with the inspection."""

from __future__ import annotations

import io
from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)
from datetime import datetime

import pytest
from PIL import Image

from inspector_app.core import documents as d
from inspector_app.core.enterprise import Enterprise
from inspector_app.reports.pdf_documents import _photo_lines
from inspector_app.storage import enterprises, photos, township
from inspector_app.storage.db import open_memory


@pytest.fixture
def store():
    s = open_memory()
    yield s
    s.close()


@pytest.fixture
def officers(store):
    return [township.save_officer(store, township.Officer(name=n, cert_no=c)).id
            for n, c in (("张建国", "32028100123"), ("李雪梅", "32028100456"))]


@pytest.fixture
def inspection_id(store, officers):
    ent = enterprises.save(store, Enterprise(name="江阴测试抛光店", scale="个体"))
    row = store.stamp({"enterprise_id": ent.id, "officer_ids": f'["{officers[0]}", "{officers[1]}"]'}, new=True)
    with store.write():
        store.db["inspection"].insert(row)
    return row["id"]


def _jpeg(color=(200, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(out, "JPEG")
    return out.getvalue()


def _heic(color=(20, 160, 40)) -> bytes:
    """A real HEIC, encoded by pillow-heif itself, as an iPhone would hand it over."""
    import pillow_heif

    out = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (320, 240), color)).save(out, quality=90)
    data = out.getvalue()
    assert data[4:12] in (b"ftypheic", b"ftypmif1", b"ftypheix")
    return data


def test_photographer_defaults_to_the_officer_using_the_laptop(store, officers, inspection_id, tmp_path):
    first = photos.add_photo(store, _jpeg(), inspection_id=inspection_id, photos_root=tmp_path)
    assert photos.photos_for(store, inspection_id)[0]["photographer"] == "张建国"  # the first officer
    store.set_setting("current_officer_id", officers[1])
    second = photos.add_photo(store, _jpeg((1, 2, 3)), inspection_id=inspection_id, photos_root=tmp_path)
    by_id = {p["id"]: p for p in photos.photos_for(store, inspection_id)}
    assert by_id[second]["photographer"] == "李雪梅" and by_id[first]["photographer"] == "张建国"
    named = photos.add_photo(store, _jpeg((9, 9, 9)), inspection_id=inspection_id, photos_root=tmp_path,
                             photographer="王协管")
    assert {p["id"]: p for p in photos.photos_for(store, inspection_id)}[named]["photographer"] == "王协管"


def test_caption_is_set_while_draft_and_frozen_when_final(store, inspection_id, tmp_path):
    pid = photos.add_photo(store, _jpeg(), inspection_id=inspection_id, photos_root=tmp_path)
    photos.set_photo_details(store, pid, caption="  除尘器泄爆口被封堵  ")
    assert photos.photos_for(store, inspection_id)[0]["caption"] == "除尘器泄爆口被封堵"
    with pytest.raises(ValueError, match="200"):
        photos.set_photo_details(store, pid, caption="长" * 201)
    with store.write():
        store.conn.execute("UPDATE inspection SET status = 'final' WHERE id = ?", [inspection_id])
    with pytest.raises(ValueError, match="已定稿"):
        photos.set_photo_details(store, pid, caption="改过的说明")
    with pytest.raises(sqlite3.DatabaseError, match="照片不可更换"):  # the database holds it too (storage/protect.py)
        with store.write():
            store.conn.execute("UPDATE photo SET caption = 'x' WHERE id = ?", [pid])
    assert photos.photos_for(store, inspection_id)[0]["caption"] == "除尘器泄爆口被封堵"


def test_scope_of_a_final_inspection_cannot_change(store, inspection_id):
    with store.write():
        store.conn.execute("UPDATE inspection SET scope = 'focused', status = 'final' WHERE id = ?", [inspection_id])
    with pytest.raises(sqlite3.DatabaseError, match="检查记录不可修改"):  # scope is in the inspection's guard
        with store.write():
            store.conn.execute("UPDATE inspection SET scope = 'full' WHERE id = ?", [inspection_id])


def test_heic_from_a_phone_opens(store, inspection_id, tmp_path):
    assert photos.heif_supported() and "*.heic" in photos.picture_patterns()
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(_heic())
    pid = photos.add_photo(store, path, inspection_id=inspection_id, photos_root=tmp_path)
    row = photos.photos_for(store, inspection_id)[0]
    assert row["id"] == pid and (row["width"], row["height"]) == (320, 240)
    with Image.open(photos.photo_path(tmp_path, row["sha256"])) as stored:
        assert stored.format == "JPEG"
        r, g, b = stored.convert("RGB").getpixel((160, 120))
        assert g > 120 and r < 60 and b < 80  # the picture itself, not a placeholder


def test_annex_lines_say_what_when_where_and_who():
    ph = d.Photo(path="x.jpg", caption="除尘器泄爆口被封堵", item="干式除尘系统应采取泄爆措施",
                 taken_at=d.cn_datetime(datetime(2026, 3, 5, 9, 42)), place="生产车间", photographer="张建国")
    assert _photo_lines(3, ph) == ["照片3：除尘器泄爆口被封堵", "检查项：干式除尘系统应采取泄爆措施",
                                   "拍摄时间：2026年3月5日9时42分　拍摄人：张建国", "拍摄地点：生产车间"]
    # Content issued before the details were kept still prints (what it has).
    assert _photo_lines(1, d.Photo.from_dict({"path": "x.jpg", "caption": "旧说明"})) == ["照片1：旧说明"]
    assert _photo_lines(2, d.Photo(path="x.jpg", item="检查项文字")) == ["照片2：检查项文字"]
