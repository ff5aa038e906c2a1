"""Hostile pictures: refused by file size before reading and by header dimensions before decoding;
a real large phone photo still goes in, in bounded memory (resource, in a fresh process)."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.storage import enterprises, inspections, photos, township
from inspector_app.core.enterprise import Enterprise
from tests.fixtures.make_xlsx import code

ROOT = Path(__file__).resolve().parents[3]
MB = 1024 * 1024


@pytest.fixture
def inspection_id(store):
    officers = [township.save_officer(store, township.Officer(name=n, cert_no=c)).id
                for n, c in (("张三", "32000001"), ("李四", "32000002"))]
    ent = enterprises.save(store, Enterprise(name="江阴市照片测试机械厂", uscc=code(7)))
    return inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=officers)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A tiny real JPEG whose frame header (SOF0) claims ``width``×``height``."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 27), (200, 30, 30)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def png_claiming(width: int, height: int) -> bytes:
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def refused(store, inspection_id, tmp_path, source, match: str, *, budget_mb: float = 8) -> None:
    root = tmp_path / "photos"
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=match):
            photos.add_photo(store, source, inspection_id=inspection_id, photos_root=root)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < budget_mb * MB, f"peak {peak / MB:.1f} MB"
    assert photos.photos_for(store, inspection_id=inspection_id) == []
    assert not root.exists() or not [p for p in root.rglob("*") if p.is_file()]


def test_the_probed_64000_by_2700_jpeg_is_refused_from_its_header(store, inspection_id, tmp_path):
    refused(store, inspection_id, tmp_path, jpeg_claiming(64000, 2700), "照片尺寸过大")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Pillow's backstop speaks first
def test_a_jpeg_just_past_the_limit_is_refused_with_its_size(store, inspection_id, tmp_path):
    side = int(photos.MAX_JPEG_PIXELS ** 0.5) + 10
    refused(store, inspection_id, tmp_path, jpeg_claiming(side, side), f"{side}×{side}")


def test_a_huge_png_is_refused_below_the_jpeg_limit(store, inspection_id, tmp_path):
    refused(store, inspection_id, tmp_path, png_claiming(6000, 6000), "照片尺寸过大")


def test_a_file_past_the_size_limit_is_never_read(store, inspection_id, tmp_path):
    big = tmp_path / "huge.jpg"
    with big.open("wb") as fh:
        fh.write(jpeg_claiming(100, 100))
        fh.truncate(photos.MAX_PHOTO_BYTES + 1)  # sparse: reading it would cost 40 MB
    refused(store, inspection_id, tmp_path, big, "照片文件太大", budget_mb=2)
    refused(store, inspection_id, tmp_path, b"\xff\xd8" + b"\0" * photos.MAX_PHOTO_BYTES, "照片文件太大",
            budget_mb=2)


def test_formats_that_call_other_programs_are_not_opened(store, inspection_id, tmp_path):
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    refused(store, inspection_id, tmp_path, eps, "无法读取该图片")


PEAK = textwrap.dedent("""
    import resource, sys
    from inspector_app.storage import open_memory, photos
    from inspector_app.storage.photos import normalise_image
    data = open(sys.argv[1], "rb").read()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    jpeg, w, h, _ = normalise_image(data)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(w, h, (after - before) // 1024)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="resource module")
def test_a_real_48_megapixel_photo_goes_in_within_memory(tmp_path):
    src = tmp_path / "phone.jpg"
    img = Image.new("RGB", (8000, 6000), (150, 90, 40))  # 48 MP: decoded, it is 144 MB a copy
    img.save(src, "JPEG", quality=80)
    del img
    run = subprocess.run([sys.executable, "-c", PEAK, str(src)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300, check=True)
    width, height, grew_mb = map(int, run.stdout.split())
    assert max(width, height) == photos.MAX_SIDE
    # Decoded at half scale (draft): far below the 144 MB a full decode needs for one copy.
    assert grew_mb < 120, run.stdout
