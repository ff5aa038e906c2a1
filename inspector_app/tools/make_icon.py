"""Render resources/icons/app.svg into the files the app and the build use.

    python -m inspector_app.tools.make_icon

writes ``app.png`` (256 px: the window icon), ``app-<n>.png`` for the usual sizes and ``app.ico``
(all sizes in one file: the Windows executable and the installer). The outputs are committed, so
a build needs neither this script nor QtSvg; run it again only after editing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The SVG rendered at ``size`` px, as PNG bytes (QtSvg, antialiased, transparent)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {ICONS / 'app.svg'}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 — QImage needs it
    images = {}
    for size in SIZES:
        png = render(size)  # each size rendered on its own: small sizes stay crisp
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        if size != 256:
            (ICONS / f"app-{size}.png").write_bytes(png)
    images[256].save(ICONS / "app.png", optimize=True)
    largest = images[256]
    largest.save(ICONS / "app.ico", format="ICO", sizes=[(s, s) for s in SIZES],
                 append_images=[images[s] for s in SIZES if s != 256])
    print(f"wrote {ICONS}/app.png, app-<n>.png and app.ico ({', '.join(map(str, SIZES))} px)")


if __name__ == "__main__":
    main()
