"""The 同步 screen, driven with its buttons on a real township: export to the USB stick, import of
the county's bundle, the conflict list and its choice, the county key's fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_app.storage import enterprises
from inspector_app.sync import bundle as B
from inspector_app.sync import keys, laptop, state
from inspector_app.ui.sync.screen import SyncWidget, TrustKeyDialog
from tests.fixtures.ui_hands import click, drive, patch_modals

from tests.ui.sync.helpers import edit

# Received-at dates, acknowledgements and 'silent for a month' read today: rerun on the pinned days.
pytestmark = pytest.mark.calendar


def screen(qtbot, store) -> SyncWidget:
    w = SyncWidget(store)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def pick_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))


def pick_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def wait_banner(qtbot, w: SyncWidget) -> str:
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=20000)
    return w.banner.text()


def test_export_writes_a_bundle_that_verifies_and_waits_in_the_outbox(qtbot, world, monkeypatch):
    w = screen(qtbot, world.a)
    assert w.outbox.rowCount() == 0
    pick_folder(monkeypatch, world.usb)
    click(qtbot, w.export_button)
    text = wait_banner(qtbot, w)
    files = list(world.usb.glob("*.tsobundle"))
    assert len(files) == 1, files
    assert files[0].name in text and ("safe to remove" in text or "可以安全拔出" in text), text
    pub = keys.device_key(world.a).public_key()
    with B.open_bundle(files[0], trusted_keys={keys.fingerprint(pub): pub}) as b:  # signed, hashes hold
        assert b.manifest["kind"] == "laptop" and b.manifest["origin"] == "A1"
        assert b.count("enterprise") == world.a.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
        seq = b.manifest["sequence"]
    # The outbox lists it (file, sequence, records) until the county acknowledges it.
    assert w.outbox.rowCount() == 1
    assert w.outbox.item(0, 0).text() == files[0].name
    assert w.outbox.item(0, 2).text() == str(seq)
    assert int(w.outbox.item(0, 3).text()) == w.last_summary["rows"] > 0
    assert f" {seq} " in w.last_export.text() and files[0].name in w.last_export.text()
    # The county takes it: it merges cleanly.
    world.county_merges(files[0])


def test_import_of_the_county_bundle_shows_its_summary_and_clears_the_outbox(qtbot, world, monkeypatch):
    w = screen(qtbot, world.a)
    pick_folder(monkeypatch, world.usb)
    click(qtbot, w.export_button)
    wait_banner(qtbot, w)
    sent = next(world.usb.glob("*.tsobundle"))
    world.county_merges(sent)
    ret1 = world.county_returns("ret1.tsobundle")
    laptop.trust_county_key(world.a, world.county_key)
    # Laptop B (set up from the county's bundle) adds its change; the county returns both.
    b = world.laptop_b(ret1)
    eid = b.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]
    edit(b, eid, principal="王五")
    world.county_merges(laptop.export_bundle(b, world.usb)["path"])
    b.close()
    ret2 = world.county_returns("ret2.tsobundle")
    w.reload()
    assert w.outbox.rowCount() == 1
    pick_file(monkeypatch, ret2)
    click(qtbot, w.import_button)
    text = wait_banner(qtbot, w)
    assert "updated 1" in text or "更新 1" in text, text
    assert "conflicts 0" in text or "冲突 0" in text, text
    assert enterprises.get(world.a, eid).principal == "王五"
    assert w.outbox.rowCount() == 0  # acknowledged by the county's bundle
    assert "ret2.tsobundle" in w.last_import.text()
    # The same bundle again: nothing changes, and the screen says so.
    w.banner.setVisible(False)
    click(qtbot, w.import_button)
    assert "before" in wait_banner(qtbot, w) or "导入过" in w.banner.text()


def test_a_damaged_bundle_is_refused_with_the_bundle_message_and_nothing_changes(qtbot, world, monkeypatch):
    modals = patch_modals(monkeypatch)
    laptop.trust_county_key(world.a, world.county_key)
    first = laptop.export_bundle(world.a, world.usb, full=True)
    world.county_merges(first["path"])
    ret = world.county_returns("ret.tsobundle")
    bad = world.usb / "bad.tsobundle"
    data = ret.read_bytes()
    bad.write_bytes(data[: len(data) // 2])  # pulled out of the stick half-way
    before = world.a.conn.execute("SELECT count(*) FROM sync_import").fetchone()[0]
    w = screen(qtbot, world.a)
    pick_file(monkeypatch, bad)
    click(qtbot, w.import_button)
    text = wait_banner(qtbot, w)
    assert "bad.tsobundle" in text and "未作任何改动" in text, text
    assert ("failure", text) in modals  # the one failure handler shows the same Chinese message
    assert world.a.conn.execute("SELECT count(*) FROM sync_import").fetchone()[0] == before


def test_the_conflict_shows_both_versions_and_taking_the_other_changes_the_record(qtbot, conflicted):
    world, eid, _old = conflicted
    w = screen(qtbot, world.a)
    panel = w.conflicts
    assert panel.list.rowCount() == 1
    assert panel.list.item(0, 0).text() in ("Conflict (same field)", "冲突（同一字段）")
    rows = {field: (cur, other) for field, cur, other in panel.versions_text()}
    rep = next(k for k in rows if k in ("Legal representative", "法定代表人"))
    assert rows[rep] == ("李四", "张三")  # current (B's, newer) beside A's
    assert panel.versions_text()[0][0] == rep  # the field changed on both sides comes first
    assert rep in panel.highlighted_fields()
    assert "A1" in panel.versions.horizontalHeaderItem(2).text()  # the other version is this laptop's
    click(qtbot, panel.other_button)
    qtbot.waitUntil(lambda: panel.list.rowCount() == 0)
    assert enterprises.get(world.a, eid).legal_rep == "张三"
    assert state.conflicts(world.a) == []
    assert w.conflicts_box.title() in ("Conflicts: none", "冲突：无")
    # The choice is a new edit of this laptop: it travels in the next export.
    nxt = laptop.export_bundle(world.a, world.usb)
    assert nxt["counts"].get("enterprise") == 1


def test_a_field_by_field_choice_takes_only_the_ticked_field(qtbot, conflicted):
    world, eid, _old = conflicted
    w = screen(qtbot, world.a)
    panel = w.conflicts
    take = panel.take_cell("legal_rep")
    assert take is not None and panel.take_cell("address") is not None
    take.setCheckState(Qt.CheckState.Checked)  # the officer ticks the box
    click(qtbot, panel.fields_button)
    qtbot.waitUntil(lambda: panel.list.rowCount() == 0)
    e = enterprises.get(world.a, eid)
    assert (e.legal_rep, e.address) == ("张三", "璜土镇新路1号")
    resolved = state.conflicts(world.a, include_resolved=True)[0]
    assert json.loads(resolved["resolution"]) == {"legal_rep": "other", "address": "keep"}


def test_keeping_the_current_version_changes_nothing(qtbot, conflicted):
    world, eid, _old = conflicted
    w = screen(qtbot, world.a)
    click(qtbot, w.conflicts.keep_button)
    qtbot.waitUntil(lambda: w.conflicts.list.rowCount() == 0)
    assert enterprises.get(world.a, eid).legal_rep == "李四"


def test_trusting_the_county_key_shows_its_fingerprint_first(qtbot, world, monkeypatch):
    w = screen(qtbot, world.a)
    assert world.county.fingerprint() not in w.county_fp.text()
    shown = []

    def confirm(dlg: TrustKeyDialog) -> None:
        shown.append(dlg.fingerprint.text())
        click(qtbot, dlg.trust_button)

    drive(monkeypatch, TrustKeyDialog, confirm)
    pick_file(monkeypatch, world.county_key)
    click(qtbot, w.trust_button)
    assert shown == [world.county.fingerprint()]
    assert w.county_fp.text() == world.county.fingerprint() == laptop.county_fingerprint(world.a)


def test_cancelling_the_fingerprint_pins_nothing(qtbot, world, monkeypatch):
    w = screen(qtbot, world.a)
    drive(monkeypatch, TrustKeyDialog, lambda dlg: click(qtbot, dlg.findChild(type(dlg.trust_button), "cancelButton")))
    pick_file(monkeypatch, world.county_key)
    click(qtbot, w.trust_button)
    assert laptop.county_fingerprint(world.a) is None


def test_the_main_window_lists_the_sync_module(qtbot, demo_db):
    from inspector_app.ui.main_window import MainWindow

    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    row = next(i for i, t in enumerate(titles) if t in ("Sync", "同步"))
    win.nav.setCurrentRow(row)
    assert isinstance(win.stack.widget(row), SyncWidget)


def test_an_export_is_sealed_for_the_county_when_its_key_allows(qtbot, world, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from inspector_app.sync import seal

    w = screen(qtbot, world.a)
    assert not w.encrypt.isEnabled()  # the county key is not pinned yet: nothing to seal to
    private = X25519PrivateKey.generate()
    data = json.loads(world.county_key.read_text(encoding="utf-8"))
    data["encryption_key"] = seal.public_text(private.public_key())
    sealing_key = world.tmp / "county-key-sealing.json"
    sealing_key.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    laptop.trust_county_key(world.a, sealing_key)
    w.reload()
    assert w.encrypt.isEnabled() and w.encrypt.isChecked()
    pick_folder(monkeypatch, world.usb)
    click(qtbot, w.export_button)
    text = wait_banner(qtbot, w)
    assert "Encrypted" in text or "加密" in text, text
    path = next(world.usb.glob("*.tsobundle"))
    pub = keys.device_key(world.a).public_key()
    trusted = {keys.fingerprint(pub): pub}
    with pytest.raises(B.BundleError):
        B.open_bundle(path, trusted_keys=trusted).close()  # sealed: unreadable without the county's key
    with B.open_bundle(path, trusted_keys=trusted, decrypt_key=private) as b:
        assert b.manifest["origin"] == "A1"
