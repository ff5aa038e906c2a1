"""Encryption at rest (docs/encryption.md): the file, the key envelope, the recovery key, the
migration of a plain database with its photos and copies, backups, restore and file modes."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from inspector_app import paths
from inspector_app.storage import backup, crypt, encryption, open_db
from inspector_app.storage import sqlite as sq
from inspector_app.storage.db import attach_plain
from inspector_app.storage.photos import photo_bytes
from inspector_app.storage.verify import verify

HEADER = b"SQLite format 3\x00"
JPEG_MAGIC = b"\xff\xd8\xff"


def _counts(conn):
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _photo_files(db_path):
    return sorted(paths.photos_dir(db_path).glob("*/*.jpg"))


@pytest.fixture
def new_db(tmp_path):
    path = tmp_path / "data" / "inspector.sqlite"
    s = open_db(path, create=True, password="correct horse")
    yield s, path
    s.close()
    crypt.forget(path)


def test_an_encrypted_file_has_no_sqlite_header_and_opens_only_with_its_key(new_db):
    s, path = new_db
    assert s.encrypted and s.recovery_key
    s.conn.execute("CREATE TABLE secret (v TEXT)")
    s.conn.execute("INSERT INTO secret VALUES ('13800000000 320281199001011234')")
    s.close()
    raw = path.read_bytes()
    assert not raw.startswith(HEADER) and b"13800000000" not in raw
    for side in (f"{path}-wal", f"{path}-shm"):
        assert not os.path.exists(side) or b"13800000000" not in open(side, "rb").read()
    with pytest.raises(sqlite3.DatabaseError):  # the standard driver, or any without the key
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    crypt.forget(path)
    with pytest.raises(crypt.PasswordRequiredError):
        open_db(path)
    with pytest.raises(crypt.WrongPasswordError):
        open_db(path, password="wrong horse")
    again = open_db(path, password="correct horse")
    assert again.conn.execute("SELECT v FROM secret").fetchone()[0].startswith("138")
    assert again.recovery_key is None  # shown once, when it was made
    # sqlite-utils runs on the same driver (the alias): its own error handling works here
    again.db["scratch"].drop(ignore=True)
    again.db["scratch"].insert({"a": 1})
    assert again.db.query("SELECT a FROM scratch").__next__() == {"a": 1}
    again.close()


def test_the_recovery_key_opens_and_sets_a_new_password(new_db):
    s, path = new_db
    recovery = s.recovery_key
    assert len(recovery) == 39 and recovery.count("-") == 7
    s.close()
    crypt.forget(path)
    env = crypt.read_envelope(crypt.keys_path(path))
    with pytest.raises(crypt.WrongPasswordError):
        env.unlock_recovery("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    typed = recovery.lower().replace("-", " ")  # a person types it back loosely
    encryption.change_password(path, "new password", recovery_key=typed)
    crypt.forget(path)
    with pytest.raises(crypt.WrongPasswordError):
        open_db(path, password="correct horse")
    open_db(path, password="new password").close()
    crypt.forget(path)
    # the recovery key is unchanged, and the data key too (rewrapped, not re-encrypted)
    assert crypt.read_envelope(crypt.keys_path(path)).unlock_recovery(recovery) == env.unlock_recovery(recovery)


def test_files_are_readable_only_by_the_user(new_db):
    s, path = new_db
    if os.name == "nt":
        pytest.skip("Windows: the profile's ACL applies (docs/encryption.md)")
    for f in (path, crypt.keys_path(path)):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    for d in (path.parent, paths.photos_dir(path)):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d


def test_a_plain_database_is_migrated_with_every_row_photo_and_copy(legal, tmp_path):
    s, ids = legal
    path = s.path
    auto = backup.create_backup(s, backup.auto_dir(path), auto=True)
    before = _counts(s.conn)
    photos = _photo_files(path)
    assert photos and all(f.read_bytes().startswith(JPEG_MAGIC) for f in photos)
    plain_photos = {f.stem: f.read_bytes() for f in photos}
    s.close()
    assert path.read_bytes().startswith(HEADER)

    s2 = open_db(path, password="township secret")
    try:
        assert s2.recovery_key and s2.encrypted
        assert _counts(s2.conn) == before
        assert not path.read_bytes().startswith(HEADER)
        assert not any(p.name.endswith(".encrypting") for p in path.parent.iterdir())
        for f in _photo_files(path):
            blob = f.read_bytes()
            assert not blob.startswith(JPEG_MAGIC) and plain_photos[f.stem] not in blob
            assert photo_bytes(s2, f.stem) == plain_photos[f.stem]  # decrypted in memory
        # the automatic backup beside it is no plain copy any more, and still verifies
        assert not auto.path.read_bytes().startswith(HEADER)
        assert backup.keys_file(auto.path).exists()
        assert backup.verify_backup(auto.path).counts == auto.counts
        report = verify(s2, full=True)
        assert report.ok, report.problems
        from inspector_app.reports import pdf_documents

        assert pdf_documents.render_document(s2, ids["record"]["id"])[:4] == b"%PDF"
    finally:
        s2.close()


def test_an_interrupted_migration_is_finished_with_the_same_key(legal):
    s, _ = legal
    path = s.path
    before = _counts(s.conn)
    s.close()
    env, key, _rk = crypt.new_envelope("township secret")
    crypt.write_envelope(crypt.keys_path(path), env)  # crash right after the envelope
    assert encryption.file_state(path) == "plain"
    s2 = open_db(path, password="township secret")
    try:
        assert encryption.file_state(path) == "encrypted" and _counts(s2.conn) == before
        assert s2.key == key
    finally:
        s2.close()


def test_a_backup_of_an_encrypted_database_is_encrypted_and_restores(legal, tmp_path):
    s, _ = legal
    path = s.path
    s.close()
    s = open_db(path, password="township secret")
    counts = _counts(s.conn)
    info = backup.create_backup(s, tmp_path / "usb")
    s.close()
    raw = info.path.read_bytes()
    assert not raw.startswith(HEADER) and JPEG_MAGIC + b"\x00\x10JFIF" not in raw
    assert backup.keys_file(info.path).exists()
    # On a new laptop (no key unlocked in this process): locked until the password is given.
    crypt.forget(path)
    with pytest.raises(backup.BackupLockedError):
        backup.verify_backup(info.path)
    target = tmp_path / "new-laptop" / "inspector.sqlite"
    result = backup.restore(info.path, target, password="township secret")
    assert result.info.counts == info.counts
    crypt.forget(target)
    s3 = open_db(target, password="township secret")  # the backup's envelope came along
    try:
        restored = _counts(s3.conn)
        for t in counts:
            if t not in ("audit_log", "series_block", "verify_state"):
                assert restored[t] == counts[t], t
        assert verify(s3, full=True).ok
        assert all(not f.read_bytes().startswith(JPEG_MAGIC) for f in _photo_files(target))
    finally:
        s3.close()
        crypt.forget(target)
    # and back over the original, encrypted database (its own key kept)
    backup.restore(info.path, path, password="township secret")
    crypt.forget(path)
    open_db(path, password="township secret").close()
    crypt.forget(path)


def test_attach_plain_reads_a_plain_bundle_file_on_an_encrypted_connection(new_db, tmp_path):
    s, _ = new_db
    bundle = tmp_path / "data.sqlite"
    c = sqlite3.connect(bundle)
    c.execute("CREATE TABLE enterprise_in (id TEXT)")
    c.execute("INSERT INTO enterprise_in VALUES ('e1')")
    c.commit()
    c.close()
    attach_plain(s.conn, bundle, "bundle")
    assert s.conn.execute("SELECT id FROM bundle.enterprise_in").fetchall() == [("e1",)]
    with pytest.raises(sq.OperationalError):  # attached read-only
        s.conn.execute("INSERT INTO bundle.enterprise_in VALUES ('e2')")
    s.conn.execute("DETACH DATABASE bundle")
    with pytest.raises(ValueError):
        attach_plain(s.conn, bundle, "x; DROP TABLE y")


def test_a_changed_encrypted_photo_is_detected_and_never_printed(legal):
    s, ids = legal
    path = s.path
    s.close()
    s = open_db(path, password="township secret")
    try:
        (f,) = _photo_files(path)[:1] or [None]
        blob = bytearray(f.read_bytes())
        blob[-20] ^= 0x01  # one bit of the ciphertext
        f.write_bytes(bytes(blob))
        assert photo_bytes(s, f.stem) is None  # fails its tag: not decrypted, not trusted
        report = verify(s, full=True)
        assert any("已被改动" in p for p in report.problems), report.problems
        from inspector_app.reports import pdf_documents

        with pytest.raises(ValueError, match="已被改动"):
            pdf_documents.render_document(s, ids["record"]["id"])
    finally:
        s.close()
