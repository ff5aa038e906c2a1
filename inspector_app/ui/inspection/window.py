"""The on-site window of one inspection (draft: editable; final: read-only), and the rule that
there is one window per inspection.

Every change the officer makes is written through ``storage.inspections`` at once (answers on
the key press, notes and header fields ~300 ms after typing stops), so a crash or a flat battery
loses at most the last keystrokes; the draft is then found again in the inspections module.
Each write is announced as ``Change.INSPECTION``, so the lists showing the inspection refresh.
A finalised inspection opens read-only from its frozen checklist snapshot.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
                               QDateTimeEdit, QDialog, QFrame, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox,
                               QProgressBar, QPushButton, QScrollArea, QSplitter, QToolButton,
                               QTreeView, QVBoxLayout, QWidget)

from ...core import clock
from ...storage import inspections as ins
from ...storage import photos as photo_store
from ...storage import township
from ...storage.db import Store, StorageError
from ...storage.inspections import KINDS, Answer, FinaliseError
from ..operations import Change, Op, changes, show_failure
from ..widgets.dates import to_local_iso, to_qdatetime
from .checklist_model import ChecklistModel
from .finalise_dialog import FinaliseDialog
from .item_panel import ItemPanel
from .keys import ChecklistKeys
from .labels import KIND_LABELS, bold, fmt_time, label_of, parse_time, wrap_label
from .officers import OfficersDialog
from .photo_strip import PhotoStrip
from .record import show_inspection_record

AUTOSAVE_MS = 300


_open_windows: dict[str, "InspectionWindow"] = {}


_REFUSED = object()


def _window_host(parent: QWidget | None):
    """The parent for an inspection window opened from ``parent``.

    The window must outlive the page that opened it and must not be blocked by a modal
    dialog: opened from a page inside a modal dialog (the enterprise dossier), that dialog is
    closed first (it may ask about unsaved changes; ``_REFUSED`` when the officer keeps it).
    """
    if parent is None:
        return None
    top = parent.window()
    if isinstance(top, QDialog) and top.isModal() and top.isVisible():
        host = top.parentWidget()
        top.reject()
        if top.isVisible():
            return _REFUSED
        return host.window() if host is not None else None
    return top


def open_inspection_window(store: Store, inspection_id: str, parent: QWidget | None = None
                           ) -> "InspectionWindow | None":
    """Show the inspection's window (raising it when already open); None when the modal
    dialog it was asked from stays open (see :func:`_window_host`)."""
    win = _open_windows.get(inspection_id)
    if win is None:
        host = _window_host(parent)
        if host is _REFUSED:
            return None
        win = InspectionWindow(store, inspection_id, host)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_windows[inspection_id] = win
        win.destroyed.connect(lambda *_a, i=inspection_id: _open_windows.pop(i, None))
        app = QApplication.instance()
        if app is not None:  # quitting deletes child windows without a closeEvent
            app.aboutToQuit.connect(win.flush)
    win.show()
    win.raise_()
    win.activateWindow()
    return win


class InspectionWindow(QMainWindow):
    """The on-site screen of one inspection (draft: editable, final: read-only)."""

    inspection_finalised = Signal(str)

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.session = ins.open_inspection(store, inspection_id)
        self.read_only = self.session.is_final
        self._loading = False
        self._current_key: str | None = None
        self._pending_items: dict[str, dict[str, str]] = {}
        self._pending_header: dict[str, Any] = {}
        self._finalise_edits: dict | None = None
        self.model = ChecklistModel(self.session, self)

        self._item_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._item_timer.timeout.connect(self._flush_items)
        self._header_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._header_timer.timeout.connect(self._flush_header)

        self._build()
        # A failed save: a red banner at once, the queue kept and retried on a timer.
        from ..autosave import AutosaveGuard

        self._autosave = AutosaveGuard(self, self.flush,
                                       pending=lambda: bool(self._pending_items or self._pending_header))
        self._load_header()
        self._apply_read_only()
        self._update_progress()
        self.tree.setFocus()
        first = self.model.keys()[0] if self.model.keys() else None
        if first is not None:
            unanswered = [it.key for it in self.session.unanswered()]
            self.select_key(unanswered[0] if unanswered and not self.read_only else first)
        self.resize(1280, 820)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        s = self.session
        name = s.enterprise.name if s.enterprise else ""
        self.setWindowTitle(self.tr("Inspection — %1").replace("%1", name))
        central = QWidget(self)
        self.setCentralWidget(central)

        self.title = wrap_label(central, "inspectionTitle")
        bold(self.title, 1.3)
        self.title.setText(name)
        self.subtitle = wrap_label(central, "inspectionSubtitle")
        self.progress = QProgressBar(central)
        self.progress.setObjectName("progress")
        self.progress.setFormat(self.tr("Answered %v / %m"))
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        self.header_toggle = QToolButton(central)
        self.header_toggle.setText(self.tr("Inspection details"))
        self.header_toggle.setCheckable(True)
        self.header_toggle.setChecked(True)
        self.header_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.header_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header_toggle.toggled.connect(self._on_header_toggled)
        self.finalise_button = QPushButton(self.tr("&Finalise…"), central)
        self.finalise_button.setObjectName("finalise")
        self.finalise_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finalise_button.clicked.connect(self._on_finalise_clicked)
        self.record_button = QPushButton(self.tr("Inspection &record (PDF)…"), central)
        self.record_button.setObjectName("record")
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.banner = wrap_label(central, "readOnlyBanner", selectable=False)
        self.banner.setStyleSheet("background: #fff4e0; color: #6b4200; padding: 6px; border: 1px solid #e0b060;")

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.progress)
        top.addWidget(self.header_toggle)
        top.addWidget(self.record_button)
        top.addWidget(self.finalise_button)

        self.header = self._build_header(central)

        self.tree = QTreeView(central)
        self.tree.setObjectName("checklist")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(1, 110)
        head.resizeSection(2, 64)
        self.keys = ChecklistKeys(self)
        self.keys.watch_tree(self.tree)
        self.keys.next_pressed.connect(self.go_next)
        self.keys.previous_pressed.connect(self.go_previous)
        self.keys.answer_pressed.connect(self._on_answer_key)
        self.keys.clear_pressed.connect(lambda: self._answer(""))
        self.keys.edit_pressed.connect(self._focus_editor)
        self.keys.escaped.connect(self._on_editor_escaped)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

        self.panel = ItemPanel(self.store, self.inspection_id, central)
        self.panel.answer_clicked.connect(self._on_answer_clicked)
        self.panel.previous_button.clicked.connect(self.go_previous)
        self.panel.next_button.clicked.connect(self.go_next)
        self.panel.note.textChanged.connect(self._on_note_changed)
        self.panel.text.textChanged.connect(self._on_text_changed)
        self.panel.value.returnPressed.connect(self._on_value_return_pressed)
        self.panel.value.editingFinished.connect(self._on_value_editing_finished)
        self.panel.photos.photos_changed.connect(self._on_photos_changed)
        for w in (self.panel.note, self.panel.text, self.panel.value):
            self.keys.watch_editor(w)
        scroll = QScrollArea(central)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([700, 560])

        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        # A normal status-bar widget: temporary messages (errors) cover it and it comes back.
        self.key_hint = QLabel(self)
        self.key_hint.setObjectName("keyHint")
        self.statusBar().addWidget(self.key_hint, 1)

    def _build_header(self, parent: QWidget) -> QWidget:
        box = QFrame(parent)
        box.setObjectName("inspectionHeader")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        self.kind = QComboBox(box)
        self.kind.setObjectName("headerKind")
        for k in KINDS:
            self.kind.addItem(label_of(KIND_LABELS, k), k)
        self.started = QDateTimeEdit(box)
        self.started.setObjectName("headerStarted")
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        self.officers_label = wrap_label(box, "headerOfficers")
        self.officers_button = QPushButton(self.tr("Change…"), box)
        self.officers_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.officers_button.clicked.connect(self._on_officers_clicked)
        self.place = QLineEdit(box)
        self.place.setObjectName("headerPlace")
        self.onsite_person = QLineEdit(box)
        self.onsite_person.setObjectName("headerOnsitePerson")
        self.onsite_person_title = QLineEdit(box)
        self.onsite_person_title.setObjectName("headerOnsiteTitle")
        self.onsite_person_phone = QLineEdit(box)
        self.onsite_person_phone.setObjectName("headerOnsitePhone")
        self.witness = QLineEdit(box)
        self.witness.setObjectName("headerWitness")
        self.witness_id_no = QLineEdit(box)
        self.witness_id_no.setObjectName("headerWitnessId")
        self.refused = QCheckBox(self.tr("Refused to sign"), box)
        self.refused.setObjectName("headerRefused")
        self.refusal_note = QLineEdit(box)
        self.refusal_note.setObjectName("headerRefusalNote")
        self.refusal_note.setPlaceholderText(self.tr("Record how the refusal happened (required when refused)"))

        officers = QHBoxLayout()
        officers.addWidget(self.officers_label, 1)
        officers.addWidget(self.officers_button)

        def lab(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, box)
            label.setBuddy(buddy)
            return label

        grid.addWidget(lab(self.tr("Kind:"), self.kind), 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(lab(self.tr("Start:"), self.started), 0, 2)
        grid.addWidget(self.started, 0, 3)
        grid.addWidget(QLabel(self.tr("Officers:"), box), 0, 4)
        grid.addLayout(officers, 0, 5)
        grid.addWidget(lab(self.tr("Place:"), self.place), 1, 0)
        grid.addWidget(self.place, 1, 1, 1, 5)
        grid.addWidget(lab(self.tr("On-site person:"), self.onsite_person), 2, 0)
        grid.addWidget(self.onsite_person, 2, 1)
        grid.addWidget(lab(self.tr("Title:"), self.onsite_person_title), 2, 2)
        grid.addWidget(self.onsite_person_title, 2, 3)
        grid.addWidget(lab(self.tr("Phone:"), self.onsite_person_phone), 2, 4)
        grid.addWidget(self.onsite_person_phone, 2, 5)
        grid.addWidget(lab(self.tr("Witness:"), self.witness), 3, 0)
        grid.addWidget(self.witness, 3, 1)
        grid.addWidget(lab(self.tr("Witness ID no.:"), self.witness_id_no), 3, 2)
        grid.addWidget(self.witness_id_no, 3, 3)
        grid.addWidget(self.refused, 3, 4)
        grid.addWidget(self.refusal_note, 3, 5)
        # Photos of the whole inspection (site overview, gate, signboard) live with the header:
        # taken once, and folded away with it while going through the checklist.
        self.inspection_photos = PhotoStrip(self.store, self.inspection_id, box,
                                            title=self.tr("Photos of the whole inspection:"))
        self.inspection_photos.setObjectName("inspectionPhotos")
        self.inspection_photos.set_item("")
        self.inspection_photos.photos_changed.connect(self._on_photos_changed)
        grid.addWidget(self.inspection_photos, 4, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)

        for key, w in (("place", self.place), ("onsite_person", self.onsite_person),
                       ("onsite_person_title", self.onsite_person_title),
                       ("onsite_person_phone", self.onsite_person_phone), ("witness", self.witness),
                       ("witness_id_no", self.witness_id_no), ("refusal_note", self.refusal_note)):
            w.textChanged.connect(lambda text, k=key: self._queue_header(k, text))
        self.kind.currentIndexChanged.connect(
            lambda _i: self._queue_header("kind", self.kind.currentData(), now=True))
        self.refused.toggled.connect(self._on_refused_toggled)
        self.started.dateTimeChanged.connect(
            lambda value: self._queue_header(
                "started_at", to_local_iso(value)))
        return box

    # -- loading ---------------------------------------------------------------------------
    def _load_header(self) -> None:
        s = self.session
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(s.kind), 0))
            started = parse_time(s.started_at) or clock.now()
            self.started.setDateTime(to_qdatetime(started))
            self.place.setText(s.place)
            self.onsite_person.setText(s.onsite_person)
            self.onsite_person_title.setText(s.onsite_person_title)
            self.onsite_person_phone.setText(s.onsite_person_phone)
            self.witness.setText(s.witness)
            self.witness_id_no.setText(s.witness_id_no)
            self.refused.setChecked(s.refused_to_sign)
            self.refusal_note.setText(s.refusal_note)
            self.refusal_note.setEnabled(s.refused_to_sign)
        finally:
            self._loading = False
        self._show_officers()
        self._update_subtitle()

    def _show_officers(self) -> None:
        officers = township.get_officers(self.store, self.session.officer_ids)
        self.officers_label.setText("、".join(
            f"{o.name}（{o.cert_no}）" if o.cert_no else o.name for o in officers))

    def _update_subtitle(self) -> None:
        s = self.session
        parts = [label_of(KIND_LABELS, s.kind), self.tr("started %1").replace("%1", fmt_time(s.started_at))]
        if s.is_final:
            parts.append(self.tr("finalised %1").replace("%1", fmt_time(s.finalised_at)))
        else:
            parts.append(self.tr("draft — every change is saved at once"))
        self.subtitle.setText(" · ".join(parts))

    def _apply_read_only(self) -> None:
        ro = self.read_only
        for w in (self.place, self.onsite_person, self.onsite_person_title, self.onsite_person_phone,
                  self.witness, self.witness_id_no, self.refusal_note):
            w.setReadOnly(ro)
        for w in (self.kind, self.started, self.refused, self.officers_button):
            w.setEnabled(not ro)
        self.refusal_note.setEnabled(self.refused.isChecked() or ro)
        self.finalise_button.setVisible(not ro)
        self.record_button.setVisible(ro)
        self.inspection_photos.set_read_only(ro)
        self.banner.setVisible(ro)
        if ro:
            self.banner.setText(self.tr("Finalised on %1. This record is read-only: it shows the "
                                        "checklist exactly as it was used.")
                                .replace("%1", fmt_time(self.session.finalised_at)))
        self._update_subtitle()
        self._show_current()
        self.key_hint.setText(
            self.tr("J/K or ↓/↑ next/previous item") if ro else
            self.tr("1/Y compliant · 2/N not compliant · 3/X not applicable · J/K or ↓/↑ "
                    "next/previous · Delete clears · Enter edits · Esc back"))

    def _update_progress(self) -> None:
        done, total = self.model.progress()
        complete = total > 0 and done == total and self.progress.value() != done
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if complete and not self.read_only:
            self.statusBar().showMessage(
                self.tr("All items answered. Fill in the details above, then Finalise…"), 10000)

    # -- navigation ------------------------------------------------------------------------
    def current_key(self) -> str | None:
        return self._current_key

    def select_key(self, key: str) -> None:
        idx = self.model.index_of_key(key)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def _step(self, delta: int) -> None:
        keys = self.model.keys()
        if not keys:
            return
        if self._current_key in keys:
            pos = keys.index(self._current_key) + delta
        else:  # on a form or section row: the first item below it, or the next one
            current = self.tree.currentIndex()
            under = self.model._items_under(current.internalId()) if current.isValid() else []
            pos = keys.index(under[0].key) if under else 0
            if delta < 0:
                pos -= 1
        if 0 <= pos < len(keys):
            self.select_key(keys[pos])

    def go_next(self) -> None:
        self._step(1)

    def go_previous(self) -> None:
        self._step(-1)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._flush_items()
        item = self.model.item_at(current)
        self._current_key = item.key if item else None
        self._show_current()

    def _path_of(self, key: str) -> str:
        idx = self.model.index_of_key(key).parent()
        names = []
        while idx.isValid():
            names.insert(0, self.model.node(idx).title)
            idx = idx.parent()
        return " › ".join(names)

    def _show_current(self) -> None:
        key = self._current_key
        self._loading = True
        try:
            if key is None:
                current = self.tree.currentIndex()
                node = self.model.node(current)
                done, total = self.model.progress(current.internalId() if current.isValid() else 0)
                text = (f"{node.title}\n" + self.tr("%1 of %2 items answered. Press J or ↓ for the "
                                                    "first item.").replace("%1", str(done))
                        .replace("%2", str(total))) if node.kind != "root" else ""
                self.panel.show_item(None, Answer(), "", read_only=self.read_only, placeholder=text)
                return
            item = self.session.item(key)
            answer = self.session.answer(key)
            self.panel.show_item(item, answer, self._path_of(key), read_only=self.read_only)
            self.panel.set_note(answer.note)
            self.panel.set_text(answer.value_text)
        finally:
            self._loading = False

    # -- keys ------------------------------------------------------------------------------
    def _on_editor_escaped(self) -> None:
        self._flush_items()
        self.tree.setFocus()

    def _focus_editor(self) -> None:
        if self._current_key is None or self.read_only:
            return
        kind = self.session.item(self._current_key).kind
        target = {"number": self.panel.value, "text": self.panel.text}.get(kind, self.panel.note)
        target.setFocus()
        if target is self.panel.value:
            self.panel.value.selectAll()

    def _on_answer_key(self, answer: str) -> None:
        if self._current_key is None or self.read_only:
            return
        item = self.session.item(self._current_key)
        if item.kind != "choice" and answer != "不适用":
            self.statusBar().showMessage(
                self.tr("Type the measured value and press Enter (3 or X: not applicable).")
                if item.kind == "number" else
                self.tr("Write what you found (3 or X: not applicable)."), 6000)
            self._focus_editor()
            return
        if self._answer(answer):
            self.go_next()

    def _on_answer_clicked(self, answer: str) -> None:
        if self._answer(answer):
            self.go_next()
        self.tree.setFocus()

    # -- writing ---------------------------------------------------------------------------
    def _save(self, key: str, **values) -> Answer | None:
        done: dict[str, Answer] = {}
        Op(self, lambda: ins.record_answer(self.store, self.inspection_id, key, **values),
           changes={Change.INSPECTION}) \
            .success(lambda stored: done.setdefault("stored", stored)) \
            .failure(lambda exc: self._on_save_failed(key, exc)).run()
        stored = done.get("stored")
        if stored is None:
            return None
        self._autosave.saved()
        self.session.answers[key] = stored
        self.model.set_answer(key, stored)
        self._update_progress()
        return stored

    def _on_save_failed(self, key: str, exc: BaseException) -> None:
        if isinstance(exc, StorageError):  # disk full, busy, read-only: kept, shown at once, retried
            self._autosave.failed(exc)
            return
        if not isinstance(exc, ValueError):
            show_failure(self, exc)
            return
        self.panel.error.setText(str(exc))
        self.panel.error.setVisible(key == self._current_key)
        self.statusBar().showMessage(str(exc), 8000)

    def _answer(self, answer: str) -> bool:
        key = self._current_key
        if key is None or self.read_only:
            return False
        self._flush_items()
        stored = self._save(key, answer=answer)
        if stored is None:
            return False
        if key == self._current_key:
            item = self.session.item(key)
            self.panel.show_answer(item, stored)
            self.panel.photos.set_default_kind("问题" if stored.answer == "不符合" else "现场")
        return True

    def _save_value(self) -> bool:
        key = self._current_key
        if key is None or self.read_only or self.session.item(key).kind != "number":
            return False
        text = self.panel.value.text().strip()
        old = self.session.answer(key).value_num
        if (text == "" and old is None) or (old is not None and text == f"{old:g}"):
            return True
        stored = self._save(key, value_num=text)
        if stored is not None:
            self.panel.error.hide()
            self.panel.show_answer(self.session.item(key), stored)
        return stored is not None

    def _on_value_return_pressed(self) -> None:
        if self._save_value() and self.panel.value.text().strip():
            self.tree.setFocus()
            self.go_next()

    def _on_value_editing_finished(self) -> None:
        self._save_value()

    def _queue_item(self, field_name: str, text: str) -> None:
        if self._loading or self.read_only or self._current_key is None:
            return
        self._pending_items.setdefault(self._current_key, {})[field_name] = text
        self._item_timer.start()

    def _on_note_changed(self) -> None:
        self._queue_item("note", self.panel.note.toPlainText())

    def _on_text_changed(self) -> None:
        self._queue_item("value_text", self.panel.text.toPlainText())

    def _flush_items(self) -> None:
        self._item_timer.stop()
        pending, self._pending_items = self._pending_items, {}
        for key, values in pending.items():
            if self._save(key, **values) is None:  # keep it for the next try
                self._pending_items.setdefault(key, {}).update(values)

    def _queue_header(self, field_name: str, value, *, now: bool = False) -> None:
        if self._loading or self.read_only:
            return
        self._pending_header[field_name] = value
        if now:
            self._flush_header()
        else:
            self._header_timer.start()

    def _on_refused_toggled(self, checked: bool) -> None:
        self.refusal_note.setEnabled(checked)
        self._queue_header("refused_to_sign", checked, now=True)
        if checked and not self._loading:
            self.refusal_note.setFocus()

    def _flush_header(self) -> None:
        self._header_timer.stop()
        if not self._pending_header:
            return
        pending, self._pending_header = self._pending_header, {}
        Op(self, lambda: ins.update_header(self.store, self.inspection_id, **pending),
           changes={Change.INSPECTION}) \
            .success(lambda _r: self._on_header_saved(pending)) \
            .failure(lambda exc: self._on_header_failed(exc, pending)).run()

    def _on_header_saved(self, values: dict[str, Any]) -> None:
        for k, v in values.items():
            setattr(self.session, k, v)
        self._autosave.saved()
        self._update_subtitle()

    def _on_header_failed(self, exc: BaseException, pending: dict[str, Any]) -> None:
        if isinstance(exc, StorageError):  # kept for the retry, newer edits win
            self._pending_header = {**pending, **self._pending_header}
            self._autosave.failed(exc)
            return
        if not isinstance(exc, ValueError):
            show_failure(self, exc)
            return
        self.statusBar().showMessage(str(exc), 8000)
        QMessageBox.warning(self, self.tr("Inspection details"), str(exc))

    def flush(self) -> None:
        """Write anything still waiting for the autosave timers."""
        self._flush_items()
        self._flush_header()

    def _on_photos_changed(self) -> None:
        self.session.photos = photo_store.photos_for(self.store, inspection_id=self.inspection_id)
        changes().announce({Change.INSPECTION}, self)  # the strip wrote them; the lists count them

    def _on_header_toggled(self, shown: bool) -> None:
        self.header.setVisible(shown)
        self.header_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _on_officers_clicked(self) -> None:
        dlg = OfficersDialog(self.store, self.session.officer_ids, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            ids = dlg.list.checked_ids()
            self._queue_header("officer_ids", ids, now=True)
            self._show_officers()

    # -- finalising ------------------------------------------------------------------------
    def _on_finalise_clicked(self) -> None:
        self.flush()
        self.session = ins.open_inspection(self.store, self.inspection_id)
        self.model.answers = self.session.answers
        unanswered = self.session.unanswered()
        if unanswered:
            self.select_key(unanswered[0].key)
            self.tree.setFocus()
            QMessageBox.warning(
                self, self.tr("Finalise"),
                self.tr("%n item(s) not answered yet. Answer every item (3 or X when it does not "
                        "apply) before finalising; the first one is selected.", "", len(unanswered)))
            return
        dlg = FinaliseDialog(self.store, self.inspection_id, self, edits=self._finalise_edits)
        result = dlg.exec()
        self._finalise_edits = dlg.edits()
        if result == QDialog.DialogCode.Accepted and dlg.finding_ids is not None:
            self._finalise_edits = None
            self._after_finalise()
        elif dlg.error is not None:
            self.show_finalise_error(dlg.error)

    def show_finalise_error(self, error: FinaliseError) -> None:
        """Select the first item the error names and show the message."""
        keys = (error.unanswered or error.missing_photo or error.missing_description
                or error.missing_finding)
        if keys:
            self.select_key(keys[0])
        self.tree.setFocus()
        QMessageBox.warning(self, self.tr("Finalise"), str(error))

    def _after_finalise(self) -> None:
        self.session = ins.open_inspection(self.store, self.inspection_id)
        self.model.answers = self.session.answers
        self.read_only = True
        self._apply_read_only()
        self.inspection_finalised.emit(self.inspection_id)
        # Say it is final: the officer should not look for a Save button or fear an edit.
        self.statusBar().showMessage(
            self.tr("Finalised: this inspection is final and can no longer be changed; its record is issued."))
        show_inspection_record(self.store, self.inspection_id, self)

    def _on_record_clicked(self) -> None:
        show_inspection_record(self.store, self.inspection_id, self)

    def closeEvent(self, event) -> None:  # Qt override: nothing typed may be lost
        self.flush()
        if not self._autosave.may_close():
            event.ignore()
            return
        if _open_windows.get(self.inspection_id) is self:  # deletion is deferred; forget it now
            del _open_windows[self.inspection_id]
        super().closeEvent(event)
