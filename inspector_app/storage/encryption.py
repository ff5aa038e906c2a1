"""Encrypting a database: a new one, an existing plain one (first start of this version), its
photos and the copies beside it; changing the password and recovering with the recovery key.

Encrypting an existing plain database (:func:`encrypt_database`), crash-safe in this order:

1. the key envelope is written (durably) first: from then on the data key exists, so any later
   crash is finished on the next open with the same key (:func:`finish_interrupted`);
2. the plain file is checkpointed and switched out of WAL (no ``-wal`` that could be replayed
   onto its encrypted successor; this also proves no other program has it open);
3. ``sqlcipher_export`` into ``.<name>.encrypting`` next to it, ``user_version`` and
   ``application_id`` carried over, ``integrity_check`` and every table's row count compared,
   fsync, ``os.replace``, directory fsync;
4. photos are encrypted in place (temp, fsync, rename), then the automatic backups and the
   before-restore copies beside the database.

The plain bytes are then gone from every file, though not necessarily from the disk's free
blocks (docs/encryption.md says what that means).
"""

from __future__ import annotations

import os
from pathlib import Path

from . import crypt
from . import sqlite as sq
from .errors import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"


class EncryptionPostponed(StorageError):
    """A plain database could not be encrypted now (another program has it open, the disk is
    full…); it was left exactly as it was and is encrypted at a later start."""


def file_state(path: str | os.PathLike) -> str:
    """"missing", "empty", "plain" (a SQLite header) or "encrypted" (anything else)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return "missing"
    if not head:
        return "plain" if Path(f"{path}-wal").exists() else "empty"
    return "plain" if head == SQLITE_HEADER else "encrypted"


def encrypt_database(path: Path, password: str, *, demo: bool = False) -> tuple[bytes, str]:
    """Create the key envelope for the database at ``path`` and encrypt what is there; returns
    (data key, recovery key)."""
    state = file_state(path)
    if state == "encrypted":
        raise crypt.missing_envelope(path)
    if state == "plain":
        try:
            _check_ours(path)  # another application's file is then refused by open_db as it is
        except (StorageError, *sq.Error) as e:
            raise EncryptionPostponed(str(e)) from e
    env, key, recovery = crypt.new_envelope(password, demo=demo)
    crypt.write_envelope(crypt.keys_path(path), env)
    if state == "plain":
        try:
            _encrypt_file(path, key, live=True)
        except (StorageError, OSError, *sq.Error) as e:
            # Nothing was encrypted (the file is still the plain original): take the new key
            # back, so the database opens as it was and is encrypted at a later start.
            crypt.keys_path(path).unlink(missing_ok=True)
            raise EncryptionPostponed(str(e)) from e
        encrypt_photos(path, key)
        encrypt_copies(path, key)
    return key, recovery


def finish_interrupted(path: Path, key: bytes) -> None:
    """The envelope exists but the file is still plain: a first encryption was interrupted."""
    _encrypt_file(path, key, live=True)
    encrypt_copies(path, key)


def _check_ours(path: Path) -> None:
    """Never encrypt another application's SQLite file (refused the way open_db refuses it)."""
    from .db import _check_identity

    conn = sq.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_identity(conn, path)
    finally:
        conn.close()


def _counts(conn, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def export_encrypted(src_conn, target: Path, key: bytes) -> None:
    """Write the database of ``src_conn`` (any key) into a new file ``target`` encrypted with
    ``key``: sqlcipher_export, then the two header numbers it does not carry over."""
    target.unlink(missing_ok=True)
    uv = src_conn.execute("PRAGMA main.user_version").fetchone()[0]
    app_id = src_conn.execute("PRAGMA main.application_id").fetchone()[0]
    src_conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", [str(target)])
    try:
        src_conn.execute("SELECT sqlcipher_export('enc')")
        src_conn.execute(f"PRAGMA enc.user_version = {int(uv)}")
        src_conn.execute(f"PRAGMA enc.application_id = {int(app_id)}")
    finally:
        src_conn.execute("DETACH DATABASE enc")


def export_into(target: Path, key: bytes | None, source: Path, source_key: bytes | None) -> None:
    """Write the database file ``source`` (read only, with its key or plain) into a new file
    ``target`` encrypted with ``key`` (plain when None)."""
    target.unlink(missing_ok=True)
    out = sq.connect(target.resolve().as_uri(), uri=True, isolation_level=None, key=key)  # uri: ATTACH takes one too
    try:
        src_key = f"\"x'{source_key.hex()}'\"" if source_key else "''"
        out.execute(f"ATTACH DATABASE ? AS src KEY {src_key}", [f"{source.resolve().as_uri()}?mode=ro"])
        out.execute("SELECT sqlcipher_export('main', 'src')")
        uv = out.execute("PRAGMA src.user_version").fetchone()[0]
        app_id = out.execute("PRAGMA src.application_id").fetchone()[0]
        out.execute("DETACH DATABASE src")
        out.execute(f"PRAGMA main.user_version = {int(uv)}")
        out.execute(f"PRAGMA main.application_id = {int(app_id)}")
    finally:
        out.close()


def _encrypt_file(path: Path, key: bytes, *, live: bool) -> None:
    """Replace the plain SQLite file ``path`` by an encrypted copy with the same rows."""
    tmp = path.with_name(f".{path.name}.encrypting")
    src = sq.connect(str(path), isolation_level=None)
    try:
        src.execute("PRAGMA busy_timeout=2000")
        if live:
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                mode = src.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            except sq.OperationalError as e:
                raise StorageError("数据库正被其他程序使用（如本软件的另一个窗口或命令），无法加密。请关闭后重试。") from e
            if mode.lower() != "delete":
                raise StorageError("数据库正被其他程序使用（如本软件的另一个窗口或命令），无法加密。请关闭后重试。")
        before = _counts(src)
        export_encrypted(src, tmp, key)
    finally:
        src.close()
    try:
        out = sq.connect(str(tmp), key=key)
        try:
            ok = out.execute("PRAGMA integrity_check").fetchone()[0]
            after = _counts(out)
        finally:
            out.close()
        if ok != "ok" or after != before:
            raise StorageError(f"加密“{path.name}”时核对未通过（{ok}），原文件未改动。请联系技术支持。")
        os.chmod(tmp, 0o600) if os.name != "nt" else None
        _fsync(tmp)
        os.replace(tmp, path)
        crypt.fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for ext in ("-wal", "-shm", "-journal"):  # none after DELETE mode; a stale one must not meet the new file
        Path(f"{path}{ext}").unlink(missing_ok=True)


def encrypt_photos(db_path: Path, key: bytes) -> int:
    """Encrypt every plain photo file of the database in place; returns how many. Cheap when
    done: the envelope records that the folder was finished."""
    from .. import paths
    from .photos import _write_durable

    kpath = crypt.keys_path(db_path)
    env = crypt.read_envelope(kpath)
    if env is None or env.data.get("photos_done"):
        return 0
    pkey = crypt.photo_key(key)
    root = paths.photos_dir(db_path)
    n = 0
    if root.is_dir():
        for sub in sorted(root.iterdir()):
            if not sub.is_dir():
                continue
            for f in sorted(sub.glob("*.jpg")):
                blob = f.read_bytes()
                if crypt.is_encrypted_photo(blob):
                    continue
                # The name is the evidence hash; a changed file is encrypted too (verify still
                # reports it: its decrypted hash differs from its name).
                _write_durable(f, crypt.encrypt_photo(pkey, f.stem, blob))
                n += 1
    env.data["photos_done"] = True
    crypt.write_envelope(kpath, env)
    return n


def encrypt_copies(db_path: Path, key: bytes) -> list[Path]:
    """Encrypt the plain copies the app keeps beside the database: the automatic backups and
    the copies kept before a restore (backups on USB sticks cannot be reached: docs say so)."""
    from .backup import auto_dir

    done = []
    candidates = sorted(auto_dir(db_path).glob("inspector-backup-*.sqlite")) if auto_dir(db_path).is_dir() else []
    candidates += sorted(Path(db_path).parent.glob(f"{Path(db_path).stem}.before-restore-*.sqlite"))
    for f in candidates:
        if file_state(f) != "plain":
            continue
        try:
            _encrypt_file(f, key, live=False)
        except (StorageError, *sq.Error) as e:  # a damaged old copy must not stop the start
            import logging

            logging.getLogger(__name__).warning("could not encrypt %s: %s", f, e)
            continue
        write_backup_keys(db_path, f)
        done.append(f)
    return done


def change_password(db_path: Path, new_password: str, *, old_password: str | None = None,
                    recovery_key: str | None = None, key: bytes | None = None) -> None:
    """Rewrap the data key for ``new_password``, proven by the old password, the recovery key or
    the unlocked data key; the data is not re-encrypted."""
    kpath = crypt.keys_path(db_path)
    env = crypt.read_envelope(kpath)
    if env is None:
        raise crypt.KeyEnvelopeError(f"数据库“{db_path}”没有加密（找不到密钥文件），无需更改密码。")
    if old_password is not None:
        key = env.unlock(old_password)
    elif recovery_key is not None:
        key = env.unlock_recovery(recovery_key)
    elif key is None or crypt.key_id(key) != env.key_id:
        raise crypt.PasswordRequiredError("需要原密码或恢复密钥才能设置新密码。")
    crypt.write_envelope(kpath, env.with_password(key, new_password))
    crypt.remember(db_path, key)


# ---------------------------------------------------------------------------------------------
# the keys of backup files (used by storage.backup, which re-exports these names)

class BackupError(ValueError):
    """A backup that cannot be made, read or trusted (Chinese message); storage.backup's."""


class BackupLockedError(BackupError):
    """An encrypted backup whose key is not unlocked: its password or recovery key is needed."""


def keys_file(backup_path: str | os.PathLike) -> Path:
    """The key envelope travelling beside an encrypted backup (only wrapped keys)."""
    return crypt.keys_path(backup_path)


def write_backup_keys(db_path: str | os.PathLike, backup_path: str | os.PathLike) -> None:
    """Copy the database's key envelope beside a backup: on a new laptop the backup opens with
    the password (of the day it was made) or the recovery key."""
    env = crypt.read_envelope(crypt.keys_path(db_path))
    if env is not None:
        crypt.write_envelope(keys_file(backup_path), env)


def backup_key(path: str | os.PathLike, *, key: bytes | None = None, password: str | None = None,
               recovery_key: str | None = None) -> bytes | None:
    """The data key a backup file needs (None: a plain backup). Found among the keys unlocked
    in this process (the usual case: a backup of this laptop), else from its key envelope with
    ``password`` or ``recovery_key``; else :class:`BackupLockedError`."""
    path = Path(path)
    if file_state(path) != "encrypted":
        return None
    if key is not None:
        return key
    env = crypt.read_envelope(keys_file(path))
    if env is None:
        raise BackupLockedError(f"备份文件“{path.name}”已加密，但旁边缺少同名的密钥文件“{keys_file(path).name}”，无法打开。"
                                "请把备份文件和它的 .keys 文件一起复制。")
    known = crypt.key_by_id(env.key_id)
    if known is not None:
        return known
    try:
        if recovery_key:
            return env.unlock_recovery(recovery_key)
        if password is not None:
            return env.unlock(password)
    except crypt.WrongPasswordError as e:
        raise BackupLockedError(f"无法打开备份文件“{path.name}”：{e}（需要备份当时的密码，或恢复密钥）") from e
    raise BackupLockedError(f"备份文件“{path.name}”已加密，需要备份当时的密码或恢复密钥才能打开。")


__all__ = ["change_password", "encrypt_copies", "encrypt_database", "encrypt_photos", "export_encrypted", "file_state",
           "finish_interrupted"]
