"""Ed25519 keys: this laptop's signing key, public keys as text, fingerprints, key files.

The device key is created on first use and kept in the database (table ``sync_identity``,
local-only: it never travels; a backup carries it, so a restored laptop signs as before; the
database's encryption at rest protects it like every other record). The county's public key is
pinned in ``sync_peer`` by ``inspector bundle trust F`` or at setup, after the officer compared
its fingerprint with the one the county read out.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# Agreed with the county side (SYNC-NOTES.md): one format name per role.
KEY_FILE_FORMATS = {"laptop": "inspector-device-key", "county": "inspector-county-key"}
_PREFIX = "ed25519:"


def generate() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def raw_public(pub: Ed25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(pub: Ed25519PublicKey | str) -> str:
    """The key's fingerprint, to be read out over the phone: 8 groups of 4 hex digits (the first
    128 bits of the sha256 of the raw public key), e.g. ``3F2A 9C01 …``."""
    if isinstance(pub, str):
        pub = load_public_key(pub)
    h = hashlib.sha256(raw_public(pub)).hexdigest()[:32].upper()
    return " ".join(h[i:i + 4] for i in range(0, 32, 4))


def public_key_text(pub: Ed25519PublicKey) -> str:
    return _PREFIX + base64.b64encode(raw_public(pub)).decode("ascii")


def load_public_key(text: str) -> Ed25519PublicKey:
    """A public key from ``ed25519:<base64 of the 32 raw bytes>``; Chinese ValueError otherwise."""
    if not isinstance(text, str) or not text.startswith(_PREFIX):
        raise ValueError("公钥格式不正确（应以“ed25519:”开头），请向县局重新索取密钥文件。")
    try:
        raw = base64.b64decode(text[len(_PREFIX):], validate=True)
        if len(raw) != 32:
            raise ValueError
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise ValueError("公钥已损坏（长度或编码不对），请向县局重新索取密钥文件。") from None


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def load_private_key(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(raw))


def verify(pub: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        pub.verify(signature, data)
        return True
    except InvalidSignature:
        return False


# ---------------------------------------------------------------------------------------------
# this laptop's key (storage-level; the store is a storage.db.Store)

def device_key(store) -> Ed25519PrivateKey:
    """This laptop's signing key, created (and stored) on first use."""
    row = store.conn.execute("SELECT private_key FROM sync_identity WHERE id = 1").fetchone()
    if row is not None:
        return load_private_key(row[0])
    from ..storage.db import now_iso

    key = generate()
    with store.write():
        store.conn.execute(
            "INSERT INTO sync_identity (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            [private_bytes(key), public_key_text(key.public_key()), now_iso()])
    row = store.conn.execute("SELECT private_key FROM sync_identity WHERE id = 1").fetchone()
    return load_private_key(row[0])


def county_encryption_key(store):
    """The pinned county's X25519 key for sealed bundles, or None."""
    r = store.conn.execute("SELECT encryption_key FROM sync_peer WHERE role = 'county' AND revoked_at = '' "
                           "AND encryption_key <> ''").fetchone()
    if r is None:
        return None
    from .seal import load_public

    return load_public(r[0])


def county_keys(store) -> dict[str, Ed25519PublicKey]:
    """fingerprint → public key of every pinned, unrevoked county key."""
    return {fp: load_public_key(text) for fp, text in store.conn.execute(
        "SELECT fingerprint, public_key FROM sync_peer WHERE role = 'county' AND revoked_at = ''")}


def pin_county_key(store, text: str, *, name: str = "县局", encryption_key: str = "") -> str:
    """Pin the county's public key (replacing an earlier one: a new county key revokes the old),
    with its X25519 key for sealed bundles if it has one; returns its fingerprint."""
    from ..storage.db import now_iso

    pub = load_public_key(text)
    if encryption_key:
        from .seal import load_public

        load_public(encryption_key)
    fp = fingerprint(pub)
    with store.write():
        store.conn.execute("UPDATE sync_peer SET revoked_at = ? WHERE role = 'county' AND fingerprint <> ? "
                           "AND revoked_at = ''", [now_iso(), fp])
        store.conn.execute(
            "INSERT INTO sync_peer (fingerprint, role, public_key, encryption_key, name, pinned_at) "
            "VALUES (?, 'county', ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET revoked_at = '', "
            "public_key = excluded.public_key, encryption_key = excluded.encryption_key",
            [fp, public_key_text(pub), encryption_key or "", name, now_iso()])
    return fp


# ---------------------------------------------------------------------------------------------
# key files (``bundle key --out F`` on a laptop, ``county key --out F`` at the county)

def write_key_file(path: str | Path, data: dict, *, role: str = "laptop") -> Path:
    from ..storage.photos import write_file_durable

    path = Path(path)
    body = dict(data, format=KEY_FILE_FORMATS[role], version=1)
    write_file_durable(path, (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return path


def read_key_file(path: str | Path, *, role: str | None = None) -> dict:
    """A key file as a dict with ``public_key`` checked (and ``fingerprint`` recomputed); a bare
    ``ed25519:…`` line is accepted too."""
    path = Path(path)
    try:
        if path.stat().st_size > 64 * 1024:
            raise ValueError(f"“{path.name}”不是密钥文件（文件过大）。")
        text = path.read_text(encoding="utf-8").strip()
        data = {"public_key": text} if text.startswith(_PREFIX) else json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(f"无法读取密钥文件“{path}”：文件不存在、已损坏或不是本软件导出的密钥文件。") from None
    if not isinstance(data, dict):
        raise ValueError(f"“{path.name}”不是本软件导出的密钥文件。")
    fmt = data.get("format")
    if fmt is not None and fmt not in KEY_FILE_FORMATS.values():
        raise ValueError(f"“{path.name}”不是本软件导出的密钥文件。")
    if role is not None and fmt is not None and fmt != KEY_FILE_FORMATS[role]:
        who = {"county": "县局", "laptop": "乡镇笔记本"}.get(role, role)
        raise ValueError(f"“{path.name}”不是{who}的密钥文件，请确认选择的文件。")
    pub = load_public_key(data.get("public_key"))
    data["fingerprint"] = fingerprint(pub)
    return data


__all__ = ["KEY_FILE_FORMATS", "county_encryption_key", "county_keys", "device_key", "fingerprint", "generate", "load_private_key",
           "load_public_key", "pin_county_key", "private_bytes", "public_key_text", "raw_public", "read_key_file",
           "verify", "write_key_file"]
