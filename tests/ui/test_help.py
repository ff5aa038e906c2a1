"""Help ▸ User guide opens the Chinese guide, with its pictures from the app (issue 10)."""

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from inspector_app.ui.help import GuideWindow, guide_path

TASKS = ("首次设置", "导入", "现场检查", "送达", "复查", "季度")


def test_the_guide_covers_the_officers_tasks_and_its_pictures_exist():
    text = guide_path().read_text(encoding="utf-8")
    for task in TASKS:
        assert task in text, task
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert {"img/today.png", "img/findings.png", "img/wizard_error.png"} <= set(pictures)
    for pic in pictures:
        assert (guide_path().parent / pic).is_file(), pic
    # Every picture is one the project's own script takes from the app (scripts/screenshots.py).
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    for pic in pictures:
        assert f'"{Path(pic).stem}"' in script or f'"{Path(pic).name}"' in script, pic


@pytest.mark.calendar
def test_help_menu_opens_the_guide_with_images(qtbot, store):
    from inspector_app.ui.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    win.guide_action.trigger()
    guide = GuideWindow._open
    assert guide is not None and guide.isVisible()  # a child of the window: deleted with it
    doc = guide.browser.document()
    assert "使用说明" in doc.toPlainText() and "首次设置" in doc.toPlainText()
    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl("img/today.png"))
    assert image is not None and not image.isNull()
    assert guide.width() <= 1366 and guide.height() <= 740
    guide.close()
