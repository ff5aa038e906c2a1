"""Bundles that must be refused with the database (and photo folder) untouched: tampered,
bit-flipped, truncated, wrongly signed, replayed, and hostile content signed by a trusted key
(a view, a trigger, an index, paths that escape, duplicate names, oversize entries, a newer
schema)."""

import io
import json
import random
import shutil
import sqlite3
import zipfile

import pytest

from inspector_app.storage import open_db
from inspector_app.sync import bundle as B
from inspector_app.sync import keys as K
from inspector_app.sync import laptop

from .helpers import Relay, add_enterprise, dump, file_laptop, rectification, table_state


@pytest.fixture
def scene(tmp_path, sqlite_engine):
    """Laptop A's records at the county; laptop B (trusting the county) about to import."""
    a = file_laptop(tmp_path, "A1")
    b = file_laptop(tmp_path, "B2")
    relay = Relay(sqlite_engine)
    key = relay.key_file(tmp_path / "county.key")
    laptop.trust_county_key(b, key)
    e = add_enterprise(a, "江阴市甲机械有限公司")
    rectification(a, e)
    (tmp_path / "stick").mkdir()
    relay.receive(laptop.export_bundle(a, tmp_path / "stick")["path"], a)
    good = relay.write_return(tmp_path / "stick" / "good.tsobundle")
    yield a, b, relay, good, tmp_path
    a.close()
    b.close()


def entries(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def forge(src, dst, key, *, data=None, extra=(), drop=(), manifest=None, names=None):
    """Rebuild a bundle: change data.sqlite (a function of its path), add/drop entries, edit the
    manifest, and sign it all again with ``key`` (a trusted key gone rogue, or a stolen one)."""
    parts = entries(src)
    m = json.loads(parts[B.MANIFEST])
    if data is not None:
        tmp = dst.with_suffix(".db")
        tmp.write_bytes(parts[B.DATA])
        data(tmp)
        parts[B.DATA] = tmp.read_bytes()
    for name in drop:
        parts.pop(name, None)
    for name, blob in extra:
        parts[name] = blob
    listed = {n: b for n, b in parts.items() if n not in (B.MANIFEST, B.SIGNATURE)}
    import hashlib

    m["entries"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in listed.items()}
    if manifest:
        manifest(m)
    body = B.canonical(m)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(B.MANIFEST, body)
        z.writestr(B.SIGNATURE, key.sign(body))
        for n, b in (names or listed.items()):
            z.writestr(n, b)
    dst.write_bytes(out.getvalue())
    return dst


def refused(b, path, match=None):
    before = dump(b)
    with pytest.raises(ValueError, match=match) as err:
        laptop.import_bundle(b, path)
    assert "Traceback" not in str(err.value)
    assert dump(b) == before
    return str(err.value)


def test_the_good_bundle_imports(scene):
    _, b, _, good, _ = scene
    assert laptop.import_bundle(b, good)["new"] > 0


def test_truncated_bundles_are_refused(scene):
    _, b, _, good, tmp = scene
    raw = good.read_bytes()
    for n in (0, 10, len(raw) // 3, len(raw) // 2, len(raw) - 22, len(raw) - 1):
        cut = tmp / f"cut{n}.tsobundle"
        cut.write_bytes(raw[:n])
        refused(b, cut, "损坏|不完整|签名|清单")


def test_a_bundle_signed_by_another_key_is_refused(scene):
    _, b, relay, good, tmp = scene
    other = K.generate()
    msg = refused(b, forge(good, tmp / "other.tsobundle", other,
                           manifest=lambda m: m.update(sender_key=K.fingerprint(other.public_key()))),
                  "不是本机信任的密钥")
    assert "trust" in msg
    # claiming the county's fingerprint does not help: the signature does not verify
    refused(b, forge(good, tmp / "claim.tsobundle", other), "签名校验失败")


def test_a_changed_manifest_fails_the_signature(scene):
    _, b, _, good, tmp = scene
    parts = entries(good)
    m = json.loads(parts[B.MANIFEST])
    m["township"] = "华士镇"
    parts[B.MANIFEST] = B.canonical(m)
    with zipfile.ZipFile(tmp / "t.tsobundle", "w") as z:
        for n, blob in parts.items():
            z.writestr(n, blob)
    refused(b, tmp / "t.tsobundle", "签名校验失败")


def test_replayed_and_older_bundles_are_refused(scene):
    _, b, relay, good, tmp = scene
    newer = relay.write_return(tmp / "stick" / "newer.tsobundle")
    laptop.import_bundle(b, newer)
    refused(b, good, "旧数据包")
    before = dump(b)
    assert laptop.import_bundle(b, newer)["already"] is True  # the same one again: a no-op
    assert dump(b) == before


def test_random_bit_flips_are_refused_or_harmless(scene, tmp_path):
    """A flip either makes the bundle refused with the database untouched, or hit bytes nothing
    depends on (ZIP metadata outside the signed content): then the import equals the clean one."""
    _, b, _, good, tmp = scene
    b.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    template = tmp / "template.sqlite"
    b.conn.execute(f"VACUUM INTO '{template}'")
    clean_dir = tmp / "clean"
    clean_dir.mkdir()
    shutil.copy(template, clean_dir / "inspector.sqlite")
    c = open_db(clean_dir / "inspector.sqlite")
    laptop.import_bundle(c, good)
    expected = table_state(c.conn, skip=("updated_at",))
    c.close()
    raw = bytearray(good.read_bytes())
    rng = random.Random(14)
    outcomes = {"refused": 0, "harmless": 0}
    for n in range(40):
        flipped = bytearray(raw)
        pos = rng.randrange(len(flipped))
        flipped[pos] ^= 1 << rng.randrange(8)
        path = tmp / f"flip{n}.tsobundle"
        path.write_bytes(bytes(flipped))
        d = tmp / f"flip{n}"
        d.mkdir()
        shutil.copy(template, d / "inspector.sqlite")
        s = open_db(d / "inspector.sqlite")
        before = dump(s)
        try:
            laptop.import_bundle(s, path)
        except ValueError:
            assert dump(s) == before, f"flip at {pos} changed the database"
            outcomes["refused"] += 1
        else:
            assert table_state(s.conn, skip=("updated_at",)) == expected, f"flip at {pos} imported other content"
            outcomes["harmless"] += 1
        finally:
            s.close()
    assert outcomes["refused"] >= 30


def _view(path):
    c = sqlite3.connect(path)
    c.execute('CREATE VIEW v AS SELECT * FROM "enterprise"')
    c.commit()
    c.close()


def _trigger(path):
    c = sqlite3.connect(path)
    c.execute('CREATE TRIGGER t AFTER INSERT ON "enterprise" BEGIN DELETE FROM "enterprise"; END')
    c.commit()
    c.close()


def _index(path):
    c = sqlite3.connect(path)
    c.execute('CREATE INDEX i ON "enterprise"(name)')
    c.commit()
    c.close()


@pytest.mark.parametrize("hostile", [_view, _trigger, _index], ids=["view", "trigger", "index"])
def test_signed_data_with_a_view_trigger_or_index_is_refused(scene, hostile):
    _, b, relay, good, tmp = scene
    refused(b, forge(good, tmp / "h.tsobundle", relay.key, data=hostile), "视图、触发器或索引")


def test_a_table_that_is_not_synced_or_a_newer_column_is_refused(scene):
    _, b, relay, good, tmp = scene

    def setting_table(path):
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE setting (key, value)")
        c.commit()
        c.close()

    refused(b, forge(good, tmp / "s.tsobundle", relay.key, data=setting_table), "损坏|不一致")

    def newer(path):
        c = sqlite3.connect(path)
        c.execute('ALTER TABLE "enterprise" ADD COLUMN future_field')
        c.commit()
        c.close()

    def declare(m):
        m["tables"]["enterprise"]["columns"].append("future_field")

    refused(b, forge(good, tmp / "n.tsobundle", relay.key, data=newer, manifest=declare), "更新版本")


@pytest.mark.parametrize("name", ["../../evil.sh", "photos/../../x", "/etc/passwd", "photos/" + "A" * 64,
                                  "data.sqlite-wal", "photos\\..\\x"])
def test_entry_names_that_could_escape_are_refused(scene, name):
    _, b, relay, good, tmp = scene
    refused(b, forge(good, tmp / "z.tsobundle", relay.key, extra=[(name, b"x")]), "不允许的条目")


def test_duplicate_entry_names_are_refused(scene):
    _, b, relay, good, tmp = scene
    parts = entries(good)
    names = [(n, blob) for n, blob in parts.items() if n not in (B.MANIFEST, B.SIGNATURE)]
    names.append((B.DATA, parts[B.DATA]))
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate
        path = forge(good, tmp / "d.tsobundle", relay.key, names=names)
    refused(b, path, "重名")


def test_an_oversize_entry_is_refused_from_the_directory(scene):
    _, b, relay, good, tmp = scene
    big = b"\0" * (B.Limits().max_photo_bytes + 1)  # compresses to almost nothing: a bomb
    import hashlib

    sha = hashlib.sha256(big).hexdigest()
    parts = entries(good)
    out = tmp / "big.tsobundle"
    m = json.loads(parts[B.MANIFEST])
    m["entries"][f"photos/{sha}"] = {"sha256": sha, "size": len(big)}
    body = B.canonical(m)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(B.MANIFEST, body)
        z.writestr(B.SIGNATURE, relay.key.sign(body))
        z.writestr(B.DATA, parts[B.DATA])
        z.writestr(f"photos/{sha}", big)
    assert out.stat().st_size < 1_000_000
    refused(b, out, "大小上限")
    with pytest.raises(B.BundleError, match="大小上限"):
        B.open_bundle(good, trusted_keys={relay.fingerprint: relay.key.public_key()},
                      limits=B.Limits(max_bundle_bytes=100))


def test_an_unlisted_entry_or_a_wrong_hash_is_refused(scene):
    _, b, relay, good, tmp = scene
    parts = entries(good)
    m = json.loads(parts[B.MANIFEST])
    m["entries"][B.DATA]["sha256"] = "0" * 64
    body = B.canonical(m)
    with zipfile.ZipFile(tmp / "h.tsobundle", "w") as z:
        z.writestr(B.MANIFEST, body)
        z.writestr(B.SIGNATURE, relay.key.sign(body))
        z.writestr(B.DATA, parts[B.DATA])
    refused(b, tmp / "h.tsobundle", "哈希")
    # a photo entry not in the manifest
    m = json.loads(parts[B.MANIFEST])
    body = B.canonical(m)
    with zipfile.ZipFile(tmp / "u.tsobundle", "w") as z:
        z.writestr(B.MANIFEST, body)
        z.writestr(B.SIGNATURE, relay.key.sign(body))
        z.writestr(B.DATA, parts[B.DATA])
        z.writestr("photos/" + "a" * 64, b"x")
    refused(b, tmp / "u.tsobundle", "条目与清单不一致")


def test_a_laptop_bundle_is_not_imported_on_a_laptop(scene):
    a, b, relay, good, tmp = scene
    info = laptop.export_bundle(a, tmp / "stick")
    # even with A's key pinned as if it were the county's
    laptop.trust_county_key(b, K.write_key_file(tmp / "a.key", {"public_key": K.public_key_text(
        K.device_key(a).public_key())}, role="county"))
    refused(b, info["path"], "笔记本导出")


def test_a_row_count_that_differs_from_the_manifest_is_refused(scene):
    _, b, relay, good, tmp = scene

    def extra_row(path):
        c = sqlite3.connect(path)
        c.execute('DELETE FROM "enterprise"')
        c.commit()
        c.close()

    refused(b, forge(good, tmp / "c.tsobundle", relay.key, data=extra_row), "行数")


def test_a_missing_bundle_file_is_named_before_anything_else(tmp_path):
    # A laptop that has not yet pinned the county's key is told first that the file is not there
    # (a mistyped name or an unplugged stick), not sent off to import a key it may already hold.
    from inspector_app.storage import open_memory

    s = open_memory(device="A1")
    with pytest.raises(B.BundleError, match="找不到数据包"):
        laptop.import_bundle(s, tmp_path / "missing.tsobundle")
    with pytest.raises(B.BundleError, match="文件夹"):
        laptop.import_bundle(s, tmp_path)
