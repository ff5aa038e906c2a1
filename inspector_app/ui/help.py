"""Help ▸ User guide: the Chinese guide (resources/help/guide.md with its screenshots in
resources/help/img/, taken from the app by scripts/screenshots.py) in a QTextBrowser.

The guide is Markdown so it stays readable in git and in the README's language; QTextBrowser
renders it offline, images included (they resolve against the guide's folder)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import paths


def guide_path():
    return paths.resources_dir() / "help" / "guide.md"


class GuideWindow(QDialog):
    """Non-modal: the officer reads the guide beside the screen it describes."""

    _open: "GuideWindow | None" = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        else:  # a broken install: say so instead of an empty window
            self.browser.setPlainText(self.tr("The user guide is missing from this installation: %1")
                                      .replace("%1", str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 660)  # fits a 1366×768 screen with the taskbar

    @classmethod
    def show_for(cls, parent: QWidget | None) -> "GuideWindow":
        from shiboken6 import isValid

        win = cls._open
        if win is None or not isValid(win) or win.parent() is not parent:
            win = cls(parent)
            cls._open = win
        win.show()
        win.raise_()
        win.activateWindow()
        return win


__all__ = ["GuideWindow", "guide_path"]
