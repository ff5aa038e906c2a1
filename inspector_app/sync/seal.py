"""Optional encryption of a whole bundle to the county's X25519 key (docs/bundle-format.md, "Sealed
bundles"): a lost USB stick then reveals nothing. The signature stays inside (origin is proven by
the Ed25519 signature of the manifest, confidentiality by the seal), so a sealed bundle is
verified exactly like a plain one once opened.

File layout: ``TSOSEAL1`` · 4-byte big-endian header length · header (canonical JSON:
``{"alg": "X25519-HKDF-SHA256/AES-256-GCM", "epk": "x25519:…", "recipient": fingerprint,
"chunk": 1048576}``) · chunks. The key is HKDF-SHA256 over the X25519 shared secret of a fresh
ephemeral key and the recipient's key (salt = epk ‖ recipient public key); chunk *i* is AES-GCM
with nonce = *i* (11 bytes) ‖ last-flag (1 byte) and the header as associated data, so a
reordered, dropped or truncated chunk fails to decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"TSOSEAL1"
ALG = "X25519-HKDF-SHA256/AES-256-GCM"
CHUNK = 1 << 20
_PREFIX = "x25519:"


class SealError(ValueError):
    pass


def raw(pub: X25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_text(pub: X25519PublicKey) -> str:
    return _PREFIX + base64.b64encode(raw(pub)).decode("ascii")


def load_public(text: str) -> X25519PublicKey:
    if not isinstance(text, str) or not text.startswith(_PREFIX):
        raise ValueError("加密公钥格式不正确（应以“x25519:”开头），请向县局重新索取密钥文件。")
    try:
        data = base64.b64decode(text[len(_PREFIX):], validate=True)
        if len(data) != 32:
            raise ValueError
        return X25519PublicKey.from_public_bytes(data)
    except ValueError:
        raise ValueError("加密公钥已损坏，请向县局重新索取密钥文件。") from None


def fingerprint(pub: X25519PublicKey) -> str:
    h = hashlib.sha256(raw(pub)).hexdigest()[:32].upper()
    return " ".join(h[i:i + 4] for i in range(0, 32, 4))


def _key(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + recipient, info=b"tsobundle seal v1").derive(shared)


def _nonce(i: int, last: bool) -> bytes:
    return i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def is_sealed(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def seal(src: str | Path, dst: str | Path, recipient: X25519PublicKey) -> None:
    """Encrypt the file ``src`` to ``recipient`` into ``dst`` (fsynced; the caller renames)."""
    eph = X25519PrivateKey.generate()
    epk = raw(eph.public_key())
    header = json.dumps({"alg": ALG, "epk": public_text(eph.public_key()), "recipient": fingerprint(recipient),
                         "chunk": CHUNK}, sort_keys=True, separators=(",", ":")).encode("utf-8")
    aead = AESGCM(_key(eph.exchange(recipient), epk, raw(recipient)))
    size = os.path.getsize(src)
    with open(src, "rb") as fin, open(dst, "wb") as out:
        out.write(MAGIC + len(header).to_bytes(4, "big") + header)
        i, done = 0, 0
        while True:
            block = fin.read(CHUNK)
            done += len(block)
            last = done >= size
            out.write(aead.encrypt(_nonce(i, last), block, header))
            i += 1
            if last:
                break
        out.flush()
        os.fsync(out.fileno())


def unseal(src: str | Path, dst: str | Path, private: X25519PrivateKey, *, max_bytes: int) -> None:
    """Decrypt ``src`` into ``dst``; SealError (Chinese) for a wrong key or damaged file."""
    with open(src, "rb") as fin, open(dst, "wb") as out:
        if fin.read(len(MAGIC)) != MAGIC:
            raise SealError("不是加密的数据包。")
        n = int.from_bytes(fin.read(4), "big")
        if not 0 < n <= 4096:
            raise SealError("加密数据包的文件头已损坏。")
        header = fin.read(n)
        try:
            h = json.loads(header)
            if h["alg"] != ALG or h["chunk"] != CHUNK:
                raise SealError("加密数据包使用了本程序不认识的加密方式，请把本软件更新到最新版本。")
            epk = load_public(h["epk"])
        except (ValueError, KeyError, TypeError) as e:
            if isinstance(e, SealError):
                raise
            raise SealError("加密数据包的文件头已损坏。") from None
        if h.get("recipient") != fingerprint(private.public_key()):
            raise SealError("该数据包是加密给另一把密钥的，本机（本县局）无法解密。")
        aead = AESGCM(_key(private.exchange(epk), raw(epk), raw(private.public_key())))
        i, total = 0, 0
        block = fin.read(CHUNK + 16)
        while True:
            nxt = fin.read(CHUNK + 16)
            last = not nxt
            try:
                plain = aead.decrypt(_nonce(i, last), block, header)
            except InvalidTag:
                raise SealError("加密数据包已损坏、被截断或被改动，无法解密。") from None
            total += len(plain)
            if total > max_bytes:
                raise SealError("加密数据包超过大小上限。")
            out.write(plain)
            if last:
                break
            block, i = nxt, i + 1


__all__ = ["MAGIC", "SealError", "fingerprint", "is_sealed", "load_public", "public_text", "seal", "unseal"]
