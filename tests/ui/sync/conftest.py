"""Fixtures of the 同步 screen's tests (the township in sync: tests/ui/sync/helpers.py)."""

from __future__ import annotations

import pytest

from inspector_app.storage import enterprises
from inspector_app.sync import laptop
from tests.ui.sync.helpers import World, edit


@pytest.fixture
def world(demo_db, tmp_path):
    from inspector_app.county.store import init_store

    cs, _ = init_store(str(tmp_path / "county" / "county.sqlite"), name="江阴市应急管理局",
                       photos_dir=tmp_path / "county-photos")
    key = cs.write_key_file(tmp_path / "county-key.json")
    usb = tmp_path / "usb"
    usb.mkdir()
    w = World(a=demo_db, county=cs, county_key=key, usb=usb, tmp=tmp_path)
    w.enrol(demo_db, "a")
    yield w
    cs.close()


@pytest.fixture
def conflicted(world):
    """Laptop A and laptop B changed the same enterprise's legal representative (and B also its
    address) after both had the county's first bundle; A has imported the county's second."""
    first = laptop.export_bundle(world.a, world.usb, full=True)
    world.county_merges(first["path"])
    ret1 = world.county_returns("ret1.tsobundle")
    laptop.trust_county_key(world.a, world.county_key)
    laptop.import_bundle(world.a, ret1)
    b = world.laptop_b(ret1)
    eid = world.a.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]
    old_address = enterprises.get(world.a, eid).address
    edit(world.a, eid, legal_rep="张三")
    edit(b, eid, legal_rep="李四", address="璜土镇新路1号")
    world.county_merges(laptop.export_bundle(b, world.usb)["path"])
    summary = laptop.import_bundle(world.a, world.county_returns("ret2.tsobundle"))
    assert summary["conflicts"] == 1
    b.close()
    return world, eid, old_address
