"""Photo storage: normalisation (EXIF orientation, size, RGB), hash naming, dedup, crash order."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises, photos
from inspector_app.storage.db import open_memory


@pytest.fixture
def store():
    s = open_memory()
    yield s
    s.close()


@pytest.fixture
def inspection_id(store):
    ent = enterprises.save(store, Enterprise(name="江阴测试五金厂", scale="个体"))
    row = store.stamp({"enterprise_id": ent.id, "officer_ids": '["a","b"]'}, new=True)
    with store.write():
        store.db["inspection"].insert(row)
    return row["id"]


def _jpeg(size=(400, 200), *, orientation=None, when=None, split=True) -> bytes:
    """Left half red, right half blue (or plain grey), optional EXIF orientation/capture time."""
    img = Image.new("RGB", size, (128, 128, 128))
    if split:
        w, h = size
        img.paste((255, 0, 0), (0, 0, w // 2, h))
        img.paste((0, 0, 255), (w // 2, 0, w, h))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if when:
        exif.get_ifd(0x8769)[0x9003] = when
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def _close(px, ref, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(px, ref))


def test_exif_rotated_photo_is_stored_upright(store, inspection_id, tmp_path):
    # Orientation 6: the camera held the phone sideways; viewers rotate 90° clockwise, which
    # puts the sensor's left half (red) at the top.
    pid = photos.add_photo(store, _jpeg(orientation=6), inspection_id=inspection_id,
                           item_key="f:1", photos_root=tmp_path)
    row = photos.photos_for(store, inspection_id=inspection_id)[0]
    assert row["id"] == pid
    assert (row["width"], row["height"]) == (200, 400)
    with Image.open(photos.photo_path(tmp_path, row["sha256"])) as img:
        assert img.size == (200, 400)
        assert img.format == "JPEG"
        assert img.getexif().get(0x0112) is None  # orientation baked in, not left as a tag
        assert _close(img.getpixel((100, 50)), (255, 0, 0))
        assert _close(img.getpixel((100, 350)), (0, 0, 255))


def test_large_photo_is_resized_to_1600_long_side(store, inspection_id, tmp_path):
    photos.add_photo(store, _jpeg((4000, 3000)), inspection_id=inspection_id, photos_root=tmp_path)
    row = photos.photos_for(store, inspection_id=inspection_id)[0]
    assert (row["width"], row["height"]) == (1600, 1200)
    with Image.open(photos.photo_path(tmp_path, row["sha256"])) as img:
        assert img.size == (1600, 1200)


def test_small_photo_is_not_enlarged(store, inspection_id, tmp_path):
    photos.add_photo(store, _jpeg((300, 100)), inspection_id=inspection_id, photos_root=tmp_path)
    row = photos.photos_for(store, inspection_id=inspection_id)[0]
    assert (row["width"], row["height"]) == (300, 100)


def test_file_is_named_by_sha256_of_its_bytes_and_deduplicated(store, inspection_id, tmp_path):
    data = _jpeg()
    src = tmp_path / "in.jpg"
    src.write_bytes(data)
    root = tmp_path / "photos"
    a = photos.add_photo(store, src, inspection_id=inspection_id, item_key="f:1", photos_root=root)
    again = photos.add_photo(store, data, inspection_id=inspection_id, item_key="f:1", photos_root=root)
    other_item = photos.add_photo(store, data, inspection_id=inspection_id, item_key="f:2", photos_root=root)
    assert again == a  # same picture, same place: no duplicate row
    assert other_item != a
    rows = photos.photos_for(store, inspection_id=inspection_id)
    assert len(rows) == 2 and rows[0]["sha256"] == rows[1]["sha256"]
    files = [p for p in root.rglob("*") if p.is_file()]
    assert len(files) == 1  # one file on disk, no temp leftovers
    sha = rows[0]["sha256"]
    assert files[0] == photos.photo_path(root, sha) == root / sha[:2] / f"{sha}.jpg"
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == sha


def test_bad_image_raises_chinese_error_and_writes_nothing(store, inspection_id, tmp_path):
    with pytest.raises(ValueError, match="无法读取该图片"):
        photos.add_photo(store, b"not a picture at all", inspection_id=inspection_id, photos_root=tmp_path)
    truncated = _jpeg((800, 600))[:300]
    with pytest.raises(ValueError, match="无法读取该图片"):
        photos.add_photo(store, truncated, inspection_id=inspection_id, photos_root=tmp_path)
    with pytest.raises(ValueError, match="无法读取该图片"):
        photos.add_photo(store, tmp_path / "missing.jpg", inspection_id=inspection_id, photos_root=tmp_path)
    assert photos.photos_for(store, inspection_id=inspection_id) == []
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_transparent_png_becomes_white_rgb_jpeg(store, inspection_id, tmp_path):
    img = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    photos.add_photo(store, buf.getvalue(), inspection_id=inspection_id, photos_root=tmp_path)
    row = photos.photos_for(store, inspection_id=inspection_id)[0]
    with Image.open(photos.photo_path(tmp_path, row["sha256"])) as out:
        assert out.mode == "RGB"
        assert _close(out.getpixel((25, 25)), (255, 255, 255), tol=5)


def test_capture_time_taken_from_exif(store, inspection_id, tmp_path):
    photos.add_photo(store, _jpeg(when="2024:05:06 09:10:11"), inspection_id=inspection_id,
                     photos_root=tmp_path)
    assert photos.photos_for(store, inspection_id=inspection_id)[0]["taken_at"] == "2024-05-06T09:10:11"


def test_file_is_durable_before_the_row_exists(store, inspection_id, tmp_path, monkeypatch):
    # A failure after the file is in place must leave (at most) an orphan file, never a row.
    def boom(row, *, new):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "stamp", boom)
    with pytest.raises(RuntimeError):
        photos.add_photo(store, _jpeg(), inspection_id=inspection_id, photos_root=tmp_path)
    assert store.db.execute("SELECT count(*) FROM photo").fetchone()[0] == 0
    assert len([p for p in tmp_path.rglob("*.jpg") if not p.name.startswith(".tmp")]) == 1


def test_remove_photo_tombstones_drafts_only(store, inspection_id, tmp_path):
    keep = photos.add_photo(store, _jpeg(split=False), inspection_id=inspection_id, photos_root=tmp_path)
    gone = photos.add_photo(store, _jpeg(), inspection_id=inspection_id, photos_root=tmp_path)
    photos.remove_photo(store, gone)
    assert [r["id"] for r in photos.photos_for(store, inspection_id=inspection_id)] == [keep]
    assert store.db.execute("SELECT deleted FROM photo WHERE id = ?", [gone]).fetchone()[0] == 1
    with pytest.raises(ValueError, match="不存在或已删除"):
        photos.remove_photo(store, gone)

    with store.write():
        store.db.execute("UPDATE inspection SET status = 'final' WHERE id = ?", [inspection_id])
    with pytest.raises(ValueError, match="已定稿"):
        photos.remove_photo(store, keep)
    with pytest.raises(ValueError, match="已定稿"):
        photos.add_photo(store, _jpeg((64, 64)), inspection_id=inspection_id, photos_root=tmp_path)
    assert [r["id"] for r in photos.photos_for(store, inspection_id=inspection_id)] == [keep]


def test_invalid_kind_and_missing_owner_rejected(store, inspection_id, tmp_path):
    with pytest.raises(ValueError, match="照片类型"):
        photos.add_photo(store, _jpeg(), inspection_id=inspection_id, kind="自拍", photos_root=tmp_path)
    with pytest.raises(ValueError, match="关联"):
        photos.add_photo(store, _jpeg(), photos_root=tmp_path)
    with pytest.raises(ValueError, match="检查记录不存在"):
        photos.add_photo(store, _jpeg(), inspection_id="nope", photos_root=tmp_path)
