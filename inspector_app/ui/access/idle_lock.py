"""The window locks after idle time: every window's content is covered until the password is typed.

Idle means no key press, mouse press, wheel or touch anywhere in the application for
``S.IDLE_LOCK_MINUTES`` minutes (0: never). Locking covers each visible window with an opaque
panel (a child of that window, so an open dialog keeps its input and no modal dialog is
cancelled); the panel on the active window holds the password field. The password is checked
against the key envelope, as at start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...storage import crypt
from ..widgets.messages import ERROR_STYLE

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
          QEvent.Type.MouseButtonDblClick}


class LockPanel(QFrame):
    """The opaque cover of one window while locked."""

    def __init__(self, lock: "IdleLock", window: QWidget):
        super().__init__(window)
        self.lock = lock
        self.setObjectName("lockPanel")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        title = QLabel(self.tr("Locked"), self)
        f = title.font()
        f.setPointSize(f.pointSize() + 6)
        title.setFont(f)
        hint = QLabel(self.tr("The program locked itself after a time without use. Type the password to go on."), self)
        hint.setWordWrap(True)
        hint.setFixedWidth(min(520, max(260, window.width() - 40)))
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.error = QLabel("", self)
        self.error.setObjectName("lockError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.unlock = QPushButton(self.tr("Unlock"), self)
        self.unlock.setObjectName("lockUnlock")
        self.unlock.clicked.connect(self._on_unlock_clicked)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        for w in (title, hint, self.password, self.error, self.unlock):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, obj, event) -> bool:  # Qt override: follow the window's size
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def _on_unlock_clicked(self) -> None:
        if not self.lock.try_unlock(self.password.text()):
            self.error.setText(self.tr("Wrong password."))
            self.error.show()
            self.password.selectAll()


def _inside_panel(obj) -> bool:
    w = obj if isinstance(obj, QWidget) else None
    while w is not None:
        if isinstance(w, LockPanel):
            return True
        w = w.parentWidget()
    return False


class IdleLock(QObject):
    """Watches the application's input and locks after ``minutes`` of none."""

    def __init__(self, db_path: Path | None, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path) if db_path is not None else None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.panels: list[LockPanel] = []
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return bool(self.panels)

    def set_minutes(self, minutes: int) -> None:
        """Minutes of idle time before locking (0: never); a float is allowed for tests."""
        self.minutes = minutes
        self.timer.stop()
        if minutes and minutes > 0:
            self.timer.start(int(minutes * 60_000))

    def eventFilter(self, obj, event) -> bool:  # Qt override: any input restarts the count
        t = event.type()
        if self.locked:
            # While locked, no shortcut or key reaches the covered windows (menus, Ctrl+I…).
            if t in (QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride):
                return not _inside_panel(obj)
            if t in _INPUT or t == QEvent.Type.KeyRelease:
                return isinstance(obj, QWidget) and not _inside_panel(obj)
            return False
        if t in _INPUT and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked or self.db_path is None or crypt.read_envelope(crypt.keys_path(self.db_path)) is None:
            return
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.isWindow() and not isinstance(w, LockPanel) and w.windowType() != Qt.WindowType.Popup:
                panel = LockPanel(self, w)
                panel.show()
                panel.raise_()
                self.panels.append(panel)
        for p in self.panels:
            if p.parentWidget() is active:
                p.password.setFocus()
        if self.panels and active is None:
            self.panels[0].password.setFocus()

    def try_unlock(self, password: str) -> bool:
        env = crypt.read_envelope(crypt.keys_path(self.db_path))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            env.unlock(password)
        except crypt.WrongPasswordError:
            return False
        finally:
            QApplication.restoreOverrideCursor()
        for p in self.panels:
            p.parentWidget().removeEventFilter(p)
            p.hide()
            p.deleteLater()
        self.panels = []
        self.set_minutes(self.minutes)
        return True


__all__ = ["IdleLock", "LockPanel"]
