"""Stand-in photos for the demo history: plain drawn pictures marked 演示照片 (demo photo), so
no real scene is pretended."""

from __future__ import annotations

import io
import random
from functools import cache

# A CJK font for the label, where the machine has one (the picture is drawn without a label otherwise).
LABEL_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
               "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
               "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf")


def picture(rng: random.Random, taken_at=None) -> bytes:
    """A JPEG of a few coloured boxes on a floor, drawn from ``rng``; ``taken_at`` (a datetime) is
    written as the camera's EXIF time, so the record's photo annex prints when it was taken."""
    from PIL import Image, ImageDraw

    w, h = 640, 480
    base = tuple(rng.randint(110, 170) for _ in range(3))
    img = Image.new("RGB", (w, h), base)
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, int(h * 0.68), w, h], fill=tuple(c - 50 for c in base))
    for _ in range(rng.randint(3, 6)):
        x, y = rng.randint(0, w - 140), rng.randint(80, int(h * 0.55))
        colour = tuple(rng.randint(40, 220) for _ in range(3))
        draw.rectangle([x, y, x + rng.randint(60, 200), y + rng.randint(60, 160)], fill=colour,
                       outline=(40, 40, 40), width=3)
    font = _label_font()
    if font is not None:
        draw.text((20, 16), "演示照片", fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    exif = Image.Exif()
    if taken_at is not None:
        exif[0x0132] = taken_at.strftime("%Y:%m:%d %H:%M:%S")  # DateTime, read back by storage.photos
    img.save(out, "JPEG", quality=80, exif=exif)
    return out.getvalue()


@cache
def _label_font():
    from PIL import ImageFont

    for path in LABEL_FONTS:
        try:
            return ImageFont.truetype(path, 28)
        except OSError:
            continue
    return None
