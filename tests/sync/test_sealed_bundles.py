"""Bundles sealed to the county's X25519 key: only that key opens them, any change or
truncation is refused, and once opened they verify like plain ones."""

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app.sync import bundle as B
from inspector_app.sync import keys as K
from inspector_app.sync import laptop, seal

from .helpers import Relay, add_enterprise, file_laptop


@pytest.fixture
def sealed(tmp_path, sqlite_engine):
    a = file_laptop(tmp_path, "A1")
    add_enterprise(a, "江阴市甲机械有限公司")
    relay = Relay(sqlite_engine)
    enc = X25519PrivateKey.generate()
    key = K.write_key_file(tmp_path / "county.key", {"public_key": K.public_key_text(relay.key.public_key()),
                                                     "encryption_key": seal.public_text(enc.public_key())},
                           role="county")
    laptop.trust_county_key(a, key)
    info = laptop.export_bundle(a, tmp_path, encrypt=True)
    pub = K.device_key(a).public_key()
    yield info["path"], enc, {K.fingerprint(pub): pub}, tmp_path
    a.close()


def test_only_the_county_key_opens_a_sealed_bundle(sealed):
    path, enc, trusted, _ = sealed
    assert seal.is_sealed(path) and b"enterprise" not in path.read_bytes()
    with B.open_bundle(path, trusted_keys=trusted, decrypt_key=enc) as b:
        assert [r["name"] for r in b.rows("enterprise")] == ["江阴市甲机械有限公司"]
    with pytest.raises(B.BundleError, match="只有县局能打开"):
        B.open_bundle(path, trusted_keys=trusted)
    with pytest.raises(B.BundleError, match="另一把密钥"):
        B.open_bundle(path, trusted_keys=trusted, decrypt_key=X25519PrivateKey.generate())


@pytest.mark.parametrize("damage", ["flip", "truncate", "cut_chunk"])
def test_a_damaged_sealed_bundle_is_refused(sealed, damage):
    path, enc, trusted, tmp = sealed
    raw = bytearray(path.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x10
    elif damage == "truncate":
        raw = raw[:-7]
    else:
        raw = raw[:-1]
    bad = tmp / "bad.tsobundle"
    bad.write_bytes(bytes(raw))
    with pytest.raises(B.BundleError, match="无法解密"):
        B.open_bundle(bad, trusted_keys=trusted, decrypt_key=enc)


def test_export_refuses_to_encrypt_without_an_encryption_key(tmp_path, sqlite_engine):
    a = file_laptop(tmp_path, "A1")
    relay = Relay(sqlite_engine)
    laptop.trust_county_key(a, relay.key_file(tmp_path / "county.key"))
    with pytest.raises(ValueError, match="没有加密公钥"):
        laptop.export_bundle(a, tmp_path, encrypt=True)
    a.close()


def test_seal_round_trips_any_length(tmp_path):
    key = X25519PrivateKey.generate()
    for n in (0, 1, seal.CHUNK - 1, seal.CHUNK, seal.CHUNK + 1, 2 * seal.CHUNK):
        src, dst, back = tmp_path / "s", tmp_path / "d", tmp_path / "b"
        data = bytes(range(256)) * (n // 256) + b"x" * (n % 256)
        src.write_bytes(data)
        seal.seal(src, dst, key.public_key())
        seal.unseal(dst, back, key, max_bytes=10 ** 9)
        assert back.read_bytes() == data
