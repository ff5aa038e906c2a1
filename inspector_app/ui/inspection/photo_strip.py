"""The photo strip: thumbnails of an item's (or the whole inspection's) photos, with Add photos…,
Camera…, the photo class, and the caption and photographer of the selected photo (what it shows
and who took it: the annex of the 现场检查记录 prints both with the time and place)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMenu, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from ... import paths
from ...storage import photos as photo_store
from ...storage.db import Store
from ..widgets.badges import GREY, badge_icon
from .camera import CameraDialog, camera_available
from .labels import PHOTO_KIND_LABELS, fmt_time, label_of

THUMB = 72  # small enough that the caption and photographer fit under the strip at 1366×768


_thumbs: OrderedDict[str, QIcon] = OrderedDict()


def image_reader(path: str):
    """A QImageReader over the photo's JPEG bytes, decrypted in memory (photo files of an
    encrypted database are never written to disk in plain); keep the buffer alive with it."""
    buf = QBuffer()
    buf.setData(QByteArray(photo_store.read_file(path) or b""))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buf), buf


def photo_pixmap(path: str) -> QPixmap:
    reader, _buf = image_reader(path)
    reader.setAutoTransform(True)
    return QPixmap.fromImage(reader.read())


def _thumbnail(path: str) -> QIcon:
    hit = _thumbs.get(path)
    if hit is not None:
        _thumbs.move_to_end(path)
        return hit
    reader, _buf = image_reader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else badge_icon(GREY, "?")
    _thumbs[path] = icon
    while len(_thumbs) > 400:
        _thumbs.popitem(last=False)
    return icon


class PhotoStrip(QWidget):
    """Thumbnails of the photos of one item (or of the inspection, ``item_key=""``), with
    Add photos… (files), Camera… (when the laptop has one) and the photo class."""

    photos_changed = Signal()

    def __init__(self, store: Store, inspection_id: str, parent=None, *, title: str = ""):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.item_key = ""
        self.read_only = False
        self.title = QLabel(title, self)
        self.list = QListWidget(self)
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setFixedHeight(THUMB + 28)  # the icon and its one-line label
        self.list.hide()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(self._on_current_photo_changed)
        self.caption = QLineEdit(self)
        self.caption.setObjectName("photoCaption")
        self.caption.setMaxLength(200)
        self.caption.setPlaceholderText(self.tr("What the selected photo shows (printed under it in the record)"))
        self.caption.editingFinished.connect(self._on_caption_edited)
        self.caption.hide()
        # Who took the selected photo: the inspection's officers are offered (the one using this
        # laptop is the default when the photo is added); another name can be typed.
        self.photographer_label = QLabel(self.tr("Taken by:"), self)
        self.photographer = QComboBox(self)
        self.photographer.setObjectName("photographer")
        self.photographer.setEditable(True)
        self.photographer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.photographer.setMinimumContentsLength(6)
        self.photographer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.photographer.setToolTip(self.tr("Who took the selected photo (printed under it in the record)"))
        self.photographer.activated.connect(self._on_photographer_edited)
        self.photographer.lineEdit().editingFinished.connect(self._on_photographer_edited)
        self.photographer_label.setBuddy(self.photographer)
        self.kind = QComboBox(self)
        self.kind.setObjectName("photoKind")
        for k in photo_store.PHOTO_KINDS:
            self.kind.addItem(label_of(PHOTO_KIND_LABELS, k), k)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setObjectName("addPhotos")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.camera_button = QPushButton(self.tr("Camera…"), self)
        self.camera_button.setObjectName("camera")
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_button.clicked.connect(self._on_camera_clicked)
        self.camera_button.setVisible(camera_available())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.kind)
        top.addWidget(self.add_button)
        top.addWidget(self.camera_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        details = QHBoxLayout()
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.caption, 1)
        details.addWidget(self.photographer_label)
        details.addWidget(self.photographer)
        layout.addWidget(self.list)
        layout.addLayout(details)
        self._set_details_visible(False)

    @property
    def root(self):
        return paths.photos_dir(self.store.path)

    def set_item(self, key: str) -> None:
        self.item_key = key
        self.reload()

    def set_default_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.caption.setReadOnly(read_only)
        self.photographer.setEnabled(not read_only)
        for w in (self.kind, self.add_button):
            w.setVisible(not read_only)
        self.camera_button.setVisible(not read_only and camera_available())

    def photos(self) -> list[dict]:
        return [p for p in photo_store.photos_for(self.store, inspection_id=self.inspection_id)
                if p["item_key"] == self.item_key]

    def reload(self, *, select: str | None = None) -> None:
        """Rebuild the thumbnails; ``select`` (a photo id) becomes current, else the first."""
        self.list.blockSignals(True)
        self.list.clear()
        rows = self.photos()
        self.list.setVisible(bool(rows))  # no empty box taking room from the checklist
        self._set_details_visible(bool(rows))
        if rows:
            self._offer_officers()
        current = None
        for p in rows:
            path = str(photo_store.photo_path(self.root, p["sha256"]))
            item = QListWidgetItem(_thumbnail(path), label_of(PHOTO_KIND_LABELS, p["kind"]), self.list)
            item.setData(Qt.ItemDataRole.UserRole, p["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, path)
            item.setData(Qt.ItemDataRole.UserRole + 2, p.get("caption") or "")
            item.setData(Qt.ItemDataRole.UserRole + 3, p.get("photographer") or "")
            item.setToolTip(" ".join(x for x in (p.get("caption") or "", fmt_time(p["taken_at"])) if x))
            if current is None or p["id"] == select:
                current = item
        if current is not None:
            self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        self._on_current_photo_changed(current, None)

    def _set_details_visible(self, visible: bool) -> None:
        for w in (self.caption, self.photographer_label, self.photographer):
            w.setVisible(visible)

    def _offer_officers(self) -> None:
        """The inspection's officers as the photographer choices (they may have changed)."""
        names = photo_store.photographer_choices(self.store, self.inspection_id)
        self.photographer.blockSignals(True)
        self.photographer.clear()
        self.photographer.addItems(names)
        self.photographer.blockSignals(False)

    def _on_current_photo_changed(self, item, _previous=None) -> None:
        self.caption.setEnabled(item is not None)
        self.caption.setText(item.data(Qt.ItemDataRole.UserRole + 2) if item is not None else "")
        self.photographer.setEnabled(item is not None and not self.read_only)
        self.photographer.blockSignals(True)
        self.photographer.setEditText(item.data(Qt.ItemDataRole.UserRole + 3) if item is not None else "")
        self.photographer.blockSignals(False)

    def _on_photographer_edited(self, *_args) -> None:
        item = self.list.currentItem()
        if item is None or self.read_only:
            return
        name = self.photographer.currentText().strip()
        stored = item.data(Qt.ItemDataRole.UserRole + 3)
        if not name:  # the annex must name someone: an emptied box goes back to who it was
            self.photographer.setEditText(stored)
            return
        if name == stored:
            return
        try:
            photo_store.set_photo_details(self.store, item.data(Qt.ItemDataRole.UserRole), photographer=name)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Photographer"), str(e))
            self.photographer.setEditText(stored)
            return
        item.setData(Qt.ItemDataRole.UserRole + 3, name)
        self.photos_changed.emit()

    def _on_caption_edited(self) -> None:
        item = self.list.currentItem()
        if item is None or self.read_only:
            return
        text = self.caption.text().strip()
        if text == item.data(Qt.ItemDataRole.UserRole + 2):
            return
        try:
            photo_store.set_photo_details(self.store, item.data(Qt.ItemDataRole.UserRole), caption=text)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Photo caption"), str(e))
            return
        item.setData(Qt.ItemDataRole.UserRole + 2, text)
        item.setToolTip(text)
        self.photos_changed.emit()

    def add_files(self, files: list[str]) -> list[str]:
        return self._add([(f, f) for f in files])

    def add_bytes(self, images: list[bytes]) -> list[str]:
        return self._add([(data, self.tr("camera picture")) for data in images])

    def _add(self, sources: list[tuple[Any, str]]) -> list[str]:
        ids, problems = [], []
        for source, name in sources:
            try:
                ids.append(photo_store.add_photo(
                    self.store, source, inspection_id=self.inspection_id, item_key=self.item_key,
                    kind=self.kind.currentData(), photos_root=self.root))
            except ValueError as e:
                problems.append(f"{name}: {e}")
        self.reload(select=ids[-1] if ids else None)  # the new photo: type what it shows
        if ids:
            self.photos_changed.emit()
        if problems:
            QMessageBox.warning(self, self.tr("Add photos"), "\n".join(problems))
        return ids

    def _on_add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                self.tr("Pictures (%1)").replace("%1", photo_store.picture_patterns()))
        if files:
            self.add_files(files)

    def _on_camera_clicked(self) -> None:
        dlg = CameraDialog(self)
        dlg.exec()
        if dlg.images:
            self.add_bytes(dlg.images)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        # Shown inside the app: another program would need a plain copy of the evidence on disk.
        from PySide6.QtWidgets import QDialog, QScrollArea

        dlg = QDialog(self)
        dlg.setWindowTitle(item.text())
        view = QLabel(dlg)
        pix = photo_pixmap(item.data(Qt.ItemDataRole.UserRole + 1))
        view.setPixmap(pix.scaled(1200, 640, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation) if not pix.isNull() else pix)
        area = QScrollArea(dlg)
        area.setWidget(view)
        lay = QVBoxLayout(dlg)
        lay.addWidget(area)
        dlg.resize(1240, 700)
        dlg.exec()

    def _on_list_context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None or self.read_only:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove photo"))
        if menu.exec(self.list.viewport().mapToGlobal(pos)) is remove:
            self.remove(item.data(Qt.ItemDataRole.UserRole))

    def remove(self, photo_id: str) -> None:
        try:
            photo_store.remove_photo(self.store, photo_id)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Remove photo"), str(e))
            return
        self.reload()
        self.photos_changed.emit()
