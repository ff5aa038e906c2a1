"""Taking photos with the laptop's camera, when it has one (QtMultimedia is loaded only then)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


@lru_cache(maxsize=1)
def camera_available() -> bool:
    """A camera can be used: QtMultimedia loads (it needs system libraries some laptops lack)
    and at least one video input exists."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except (ImportError, OSError):
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError:
        return False


class CameraDialog(QDialog):
    """Take pictures with the laptop's camera; ``images`` holds the JPEG bytes taken."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Camera"))
        self.images: list[bytes] = []
        self.camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.video = QVideoWidget(self)
        self.session.setVideoOutput(self.video)
        self.capture.imageCaptured.connect(self._on_image_captured)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.status.setText(text))
        self.status = QLabel(self)
        take = QPushButton(self.tr("&Take photo"), self)
        take.clicked.connect(self._on_take_clicked)
        done = QPushButton(self.tr("&Done"), self)
        done.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(take)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addLayout(row)
        self.resize(720, 560)
        self.camera.start()

    def _on_take_clicked(self) -> None:
        if self.capture.isReadyForCapture():
            self.capture.capture()

    def _on_image_captured(self, _id: int, image) -> None:
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "JPEG", 90)
        buf.close()
        self.images.append(bytes(data))
        self.status.setText(self.tr("%n photo(s) taken", "", len(self.images)))

    def done(self, result: int) -> None:  # Qt override: release the camera whichever way we close
        self.camera.stop()
        super().done(result)
