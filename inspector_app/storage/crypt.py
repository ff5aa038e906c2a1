"""Keys for the encrypted database and photos (docs/encryption.md).

A random 256-bit **data key** encrypts the database (SQLCipher raw key: no PBKDF2 on each open)
and, through HKDF, the photo files (AES-GCM). The data key is never stored as it is: the **key
envelope** ``<db>.keys`` (JSON, 0600, beside the database; only wrapped keys, so it may travel
with backups) holds it wrapped (AES-GCM) twice:

* by a key derived from the officer's password with Argon2id (parameters stored in the envelope,
  so a later version can raise them for new envelopes and still open old ones);
* by the **recovery key** created at setup: 160 random bits shown once as 8 groups of 4
  characters, for the county to keep. It is high-entropy, so HKDF suffices for it.

Changing the password rewraps the data key, never re-encrypts data. Unlocking with the recovery
key gives the data key, with which a new password is set. A wrong password or recovery key
fails the AES-GCM tag: :class:`WrongPasswordError`.

Within one process the unlocked data keys are remembered by database path and photo folder
(:func:`remember`), so a background task's own connection (``open_db(path)``) and the photo
functions find them without the password being passed around. Nothing is written to disk.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import StorageError

FORMAT = 1
KEYS_SUFFIX = ".keys"
DEMO_PASSWORD = "demo"  # documented (README, docs/encryption.md) and shown on a demo database's unlock screen
PASSWORD_ENV = "INSPECTOR_PASSWORD"  # scripts and tests; otherwise the password is typed
PHOTO_MAGIC = b"INSPHOTO1\x00"  # an encrypted photo file starts with this, then a 12-byte nonce
MIN_PASSWORD = 6

# Argon2id as RFC 9106's second recommendation: 64 MiB, 3 passes, 4 lanes (~0.3-0.7 s on a 2-core VM).
KDF_DEFAULT = {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
# Tests and benchmarks that create many databases set INSPECTOR_KDF=fast; only new envelopes are
# affected, and every envelope records its own parameters.
KDF_FAST = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
KDF_ENV = "INSPECTOR_KDF"

_AAD_PASSWORD = b"inspector data key, password"
_AAD_RECOVERY = b"inspector data key, recovery key"
_RECOVERY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base32: no 0, 1, 8, 9


class WrongPasswordError(StorageError):
    """The password (or recovery key) does not open the key envelope."""


class PasswordRequiredError(StorageError):
    """The database is encrypted and no password was given."""


class KeyEnvelopeError(StorageError):
    """The key envelope is missing, damaged or of an unknown format."""


def missing_envelope(db_path) -> "KeyEnvelopeError":
    """A file that is not a plain SQLite database and has no key envelope beside it: another
    kind of file, or an encrypted database separated from its keys."""
    return KeyEnvelopeError(
        f"无法打开数据库“{db_path}”：该文件不是本软件可读的数据库，或是已加密的数据库但旁边的密钥文件"
        f"“{keys_path(db_path).name}”不见了。请确认选择的是本软件的数据文件（inspector.sqlite）；"
        "如是加密数据库，请把密钥文件放回数据库旁（备份文件旁有同名的 .keys 文件）。")


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def keys_path(db_path: str | os.PathLike) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEYS_SUFFIX)


def kdf_params() -> dict:
    return dict(KDF_FAST if os.environ.get(KDF_ENV) == "fast" else KDF_DEFAULT)


def derive_password_key(password: str, kdf: dict) -> bytes:
    """The key-encryption key for ``password`` with the envelope's parameters."""
    salt = _unb64(kdf["salt"])
    secret = password.encode("utf-8")
    if kdf["name"] == "argon2id":
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(salt=salt, length=32, iterations=kdf["iterations"], lanes=kdf["lanes"],
                        memory_cost=kdf["memory_kib"]).derive(secret)
    if kdf["name"] == "scrypt":
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return Scrypt(salt=salt, length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(secret)
    raise KeyEnvelopeError(f"密钥文件使用了本版本不认识的密钥派生方法（{kdf['name']}），请升级软件。")


def _hkdf(key: bytes, info: bytes, length: int = 32) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)


def photo_key(data_key: bytes) -> bytes:
    return _hkdf(data_key, b"inspector photos v1")


def key_id(data_key: bytes) -> str:
    """A public fingerprint of the data key: tells which key a backup needs without trying it."""
    return _hkdf(data_key, b"inspector key id v1", 8).hex()


def _wrap(kek: bytes, data_key: bytes, aad: bytes) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ct": _b64(AESGCM(kek).encrypt(nonce, data_key, aad))}


def _unwrap(kek: bytes, wrapped: dict, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(kek).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["ct"]), aad)
    except InvalidTag:
        return None


# ---------------------------------------------------------------------------------------------
# the recovery key

def new_recovery_key() -> str:
    raw = secrets.token_bytes(20)
    text = base64.b32encode(raw).decode("ascii")  # 32 characters, no padding for 20 bytes
    return "-".join(text[i:i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """Typed back by a person: spaces, dashes and case do not matter; 0/1/8 read as O/I/B."""
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    s = s.translate(str.maketrans("018", "OIB"))
    if len(s) != 32 or any(ch not in _RECOVERY_ALPHABET for ch in s):
        raise WrongPasswordError("恢复密钥格式不正确：应为32个字母和数字（8组，每组4个），请对照县局保存的恢复密钥单重新输入。")
    return s


def _recovery_kek(recovery_key: str) -> bytes:
    return _hkdf(base64.b32decode(normalise_recovery_key(recovery_key)), b"inspector recovery key v1")


# ---------------------------------------------------------------------------------------------
# the envelope

@dataclass
class Envelope:
    data: dict

    @property
    def demo(self) -> bool:
        return bool(self.data.get("demo"))

    @property
    def key_id(self) -> str:
        return self.data["key_id"]

    def unlock(self, password: str) -> bytes:
        """The data key, or :class:`WrongPasswordError`."""
        kek = derive_password_key(password, self.data["kdf"])
        key = _unwrap(kek, self.data["password_wrap"], _AAD_PASSWORD)
        if key is None:
            raise WrongPasswordError("密码不正确，请重新输入（注意大小写和输入法）。忘记密码时，可用县局保存的恢复密钥解锁后设置新密码。")
        return key

    def unlock_recovery(self, recovery_key: str) -> bytes:
        key = _unwrap(_recovery_kek(recovery_key), self.data["recovery_wrap"], _AAD_RECOVERY)
        if key is None:
            raise WrongPasswordError("恢复密钥不正确，请对照县局保存的恢复密钥单重新输入。")
        return key

    def with_password(self, data_key: bytes, password: str) -> "Envelope":
        """A copy whose password wrap is for ``password`` (the data is not re-encrypted)."""
        check_password(password)
        kdf = kdf_params() | {"salt": _b64(os.urandom(16))}
        data = dict(self.data, kdf=kdf, password_wrap=_wrap(derive_password_key(password, kdf), data_key, _AAD_PASSWORD),
                    demo=self.demo and password == DEMO_PASSWORD, changed_at=_now())
        return Envelope(data)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True)


def _now() -> str:
    from ..core import clock

    return clock.now_iso()


def check_password(password: str) -> None:
    if password == DEMO_PASSWORD:
        return
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"密码至少{MIN_PASSWORD}个字符，请重新设置。")


def new_envelope(password: str, *, demo: bool = False) -> tuple[Envelope, bytes, str]:
    """(envelope, data key, recovery key) for a new encrypted database."""
    check_password(password)
    data_key = secrets.token_bytes(32)
    recovery = new_recovery_key()
    kdf = kdf_params() | {"salt": _b64(os.urandom(16))}
    env = Envelope({
        "format": FORMAT, "cipher": "sqlcipher4-raw-key", "photos": "aes-256-gcm",
        "key_id": key_id(data_key), "kdf": kdf,
        "password_wrap": _wrap(derive_password_key(password, kdf), data_key, _AAD_PASSWORD),
        "recovery_wrap": _wrap(_recovery_kek(recovery), data_key, _AAD_RECOVERY),
        "demo": demo and password == DEMO_PASSWORD, "created_at": _now(), "changed_at": _now(),
    })
    return env, data_key, recovery


def read_envelope(path: str | os.PathLike) -> Envelope | None:
    """The envelope at ``path`` (a ``.keys`` file), or None when there is none."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise KeyEnvelopeError(f"无法读取密钥文件“{path}”：{e.strerror or e}。") from e
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise KeyEnvelopeError(f"密钥文件“{path}”的格式不受本版本支持，请升级软件。")
        for k in ("key_id", "kdf", "password_wrap", "recovery_wrap"):
            data[k]  # noqa: B018 — presence check
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise KeyEnvelopeError(f"密钥文件“{path}”已损坏，无法解锁数据库。请从备份恢复密钥文件"
                               "（备份文件旁的同名 .keys 文件），或联系县局技术支持。") from e
    return Envelope(data)


def write_envelope(path: str | os.PathLike, env: Envelope) -> None:
    """Durably (temp, fsync, rename, directory fsync), readable only by the user."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(env.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # POSIX only; Windows has no directory fsync
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


RECOVERY_SHEET = "recovery-key-{stem}.txt"


def recovery_sheet_path(db_path: str | os.PathLike) -> Path:
    db_path = Path(db_path)
    return db_path.parent / RECOVERY_SHEET.format(stem=db_path.stem)


def write_recovery_sheet(db_path: str | os.PathLike, recovery_key: str) -> Path:
    """The recovery key as a text sheet beside the database (0600), for a set-up made by a
    script: to be printed, handed to the county and deleted (``inspector password status``
    reminds of it while it is there)."""
    from ..core import clock

    path = recovery_sheet_path(db_path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"数据恢复密钥单\n数据文件：{db_path}\n生成时间：{clock.now_iso()[:16]}\n\n恢复密钥：{recovery_key}\n\n"
                 "请打印后交县局保管，然后删除本文件（它不应与电脑上的数据放在一起）。\n")
    return path


def measure_kdf(params: dict | None = None) -> float:
    """Seconds one password derivation takes here (docs, benchmarks)."""
    kdf = (params or kdf_params()) | {"salt": _b64(os.urandom(16))}
    t0 = time.perf_counter()
    derive_password_key("measure", kdf)
    return time.perf_counter() - t0


# ---------------------------------------------------------------------------------------------
# keys unlocked in this process

_db_keys: dict[str, bytes] = {}
_photo_keys: dict[str, bytes] = {}
_by_id: dict[str, bytes] = {}


def _norm(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def remember(db_path: str | os.PathLike, data_key: bytes) -> None:
    """Note the unlocked key of the database at ``db_path`` (and its photo folder) for this
    process: background tasks open their own connection by path."""
    from .. import paths

    _db_keys[_norm(db_path)] = data_key
    _photo_keys[_norm(paths.photos_dir(Path(db_path)))] = photo_key(data_key)
    _by_id[key_id(data_key)] = data_key


def forget(db_path: str | os.PathLike) -> None:
    from .. import paths

    key = _db_keys.pop(_norm(db_path), None)
    _photo_keys.pop(_norm(paths.photos_dir(Path(db_path))), None)
    if key is not None:
        _by_id.pop(key_id(key), None)


def key_for(db_path: str | os.PathLike) -> bytes | None:
    return _db_keys.get(_norm(db_path))


def key_by_id(kid: str) -> bytes | None:
    return _by_id.get(kid)


def photo_key_for_root(photos_root: str | os.PathLike | None) -> bytes | None:
    if photos_root is None:
        return None
    return _photo_keys.get(_norm(photos_root))


def register_photo_root(photos_root: str | os.PathLike, data_key: bytes) -> None:
    """A photo folder other than the database's own (a restore into a chosen folder, tests)."""
    _photo_keys[_norm(photos_root)] = photo_key(data_key)


# ---------------------------------------------------------------------------------------------
# photo files

def is_encrypted_photo(blob: bytes) -> bool:
    return blob.startswith(PHOTO_MAGIC)


def encrypt_photo(pkey: bytes, sha256: str, plaintext: bytes) -> bytes:
    """The file content for a photo: magic, nonce, AES-GCM of the JPEG; its hash (the file name,
    the evidence hash) is the associated data, so a file renamed to another photo's name fails."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return PHOTO_MAGIC + nonce + AESGCM(pkey).encrypt(nonce, plaintext, sha256.encode("ascii"))


def decrypt_photo(pkey: bytes | None, sha256: str, blob: bytes) -> bytes | None:
    """The JPEG bytes of a photo file (a plain one as it is), or None when it cannot be
    decrypted (no key unlocked, or the file was changed)."""
    if not is_encrypted_photo(blob):
        return blob
    if pkey is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    n = len(PHOTO_MAGIC)
    try:
        return AESGCM(pkey).decrypt(blob[n:n + 12], blob[n + 12:], sha256.encode("ascii"))
    except InvalidTag:
        return None



def env_password() -> str | None:
    """The password given in ``INSPECTOR_PASSWORD`` (None when unset or empty)."""
    return os.environ.get(PASSWORD_ENV) or None


__all__ = ["DEMO_PASSWORD", "PASSWORD_ENV", "env_password", "Envelope", "KeyEnvelopeError", "PasswordRequiredError", "WrongPasswordError",
           "decrypt_photo", "encrypt_photo", "forget", "key_for", "keys_path", "new_envelope", "new_recovery_key",
           "photo_key", "photo_key_for_root", "read_envelope", "remember", "write_envelope"]
