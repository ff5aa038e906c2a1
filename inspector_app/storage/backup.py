"""Backups of the live database with its photos, their verification, rotation and restore.

A backup is ONE SQLite file (``inspector-backup-<device>-<yyyymmdd-hhmmss>.sqlite``; see
docs/backup.md for why not a zip): the database as ``VACUUM INTO`` copies it from a consistent
snapshot while the app keeps working (never a file copy: the live file alone may hold no tables,
everything can still be in the WAL), plus two tables, ``backup_photo`` (every photo file as a
blob, keyed by its sha256) and ``backup_manifest`` (what, when, counts, hashes). It is written
under a temporary name, fsynced, re-opened and verified against its manifest, and only then
renamed into place, so a file with the final name is always a complete, verified backup.

Restore (:func:`restore`) is crash-safe: the backup is copied into a temporary file next to the
database and verified; photos are written (content-addressed, so harmless); the current database
is copied aside as ``<name>.before-restore-<timestamp>.sqlite``; the live file is switched out of
WAL mode (which also proves no other program has it open) and replaced with one ``os.replace``.
A kill at any point leaves either the old or the new database complete. The restored database
has every number series blocked until its high-water mark is confirmed (``storage.series``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from ..core import audit as A
from ..core import clock
from ..core.dates import parse_datetime
from . import crypt
from . import sqlite as sqlite3  # SQLCipher; the error names are tuples of both drivers' classes
from .schema import APPLICATION_ID, LATEST_MIGRATION, MIGRATION_SET

FORMAT = 1
PREFIX = "inspector-backup-"
SUFFIX = ".sqlite"
AUTO_DIR = "backups"          # automatic backups, next to the database
LOCATIONS_FILE = "backup-locations.json"  # where backups were written (read when the db is damaged)
BACKUP_TABLES = ("backup_manifest", "backup_photo")
_NAME_RE = re.compile(r"^inspector-backup-(?P<device>[A-Za-z0-9]*)-(?P<ts>\d{8}-\d{6})(?P<auto>-auto)?\.sqlite$")

Progress = Callable[[int, int], None] | None


# BackupError (a backup that cannot be made, read or trusted; Chinese message) lives with the
# keys of backup files, in storage/encryption.py.
from .encryption import BackupError, BackupLockedError, backup_key, keys_file, write_backup_keys  # noqa: E402,F401


@dataclass
class BackupInfo:
    path: Path
    manifest: dict = field(default_factory=dict)

    @property
    def created_at(self) -> str:
        return self.manifest.get("created_at", "")

    @property
    def created_label(self) -> str:
        return self.created_at[:16].replace("T", " ")

    @property
    def kind(self) -> str:
        return self.manifest.get("kind", "manual")

    @property
    def counts(self) -> dict:
        return self.manifest.get("counts", {})

    def summary(self) -> str:
        """What the backup holds, in Chinese, for the restore dialog and the CLI."""
        c = self.counts
        m = self.manifest
        lines = [
            f"备份时间：{self.created_label}（{'自动备份' if self.kind == 'auto' else '手动备份'}）",
            f"乡镇：{m.get('township') or '（未设置）'}　设备编号：{m.get('device') or '（未设置）'}",
            f"企业{c.get('enterprise', 0)}家，检查{c.get('inspection', 0)}次，隐患{c.get('finding', 0)}条，"
            f"文书{c.get('document', 0)}份，照片{m.get('photos', {}).get('count', 0)}张",
        ]
        last = [s for s in m.get("doc_seq", []) if s.get("last")]
        if last:
            lines.append("备份时各类文书已用到的编号：" + "；".join(
                f"{s['year']}年{s['title']}{s['series']}-{s['last']}" for s in last))
        if m.get("photos_missing") or m.get("photos_changed"):
            lines.append(f"注意：备份时有{len(m.get('photos_missing', []))}张照片缺失、"
                         f"{len(m.get('photos_changed', []))}张照片已被改动，未备份这些照片。")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# small helpers

def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # POSIX only; Windows has no directory fsync
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _open_ro(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A private read-only connection to a backup file, hardened against a hostile file
    (sqlite.org/security.html): no trusted schema, cell size checks, no mmap."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件“{path}”。")
    if key is None:
        key = backup_key(path)
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level="", key=key)
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA cell_size_check=ON")
        conn.execute("PRAGMA mmap_size=0")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise BackupError(f"“{path.name}”不是可读的备份文件（{e}）。") from e
    return conn


def _tables(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _table_digest(conn, table: str) -> tuple[int, str]:
    """(rows, sha256 of the rows in rowid order): what a manifest records per table."""
    h = hashlib.sha256()
    n = 0
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({_q(table)})")]
    order = "rowid" if _has_rowid(conn, table) else ", ".join(_q(c) for c in cols)
    for row in conn.execute(f"SELECT {', '.join(_q(c) for c in cols)} FROM {_q(table)} ORDER BY {order}"):
        h.update(repr(row).encode("utf-8"))
        n += 1
    return n, h.hexdigest()


def _has_rowid(conn, table: str) -> bool:
    try:
        conn.execute(f"SELECT rowid FROM {_q(table)} LIMIT 1").fetchall()
        return True
    except sqlite3.OperationalError:
        return False


def backup_name(device: str, at: datetime, *, auto: bool) -> str:
    device = re.sub(r"[^A-Za-z0-9]", "", device or "")
    return f"{PREFIX}{device}-{at.strftime('%Y%m%d-%H%M%S')}{'-auto' if auto else ''}{SUFFIX}"


def auto_dir(db_path: str | os.PathLike) -> Path:
    return Path(db_path).parent / AUTO_DIR


# ---------------------------------------------------------------------------------------------
# creating

def _source(source) -> tuple[sqlite3.Connection, Path | None, bool, bytes | None]:
    """(connection, database path, whether we opened it, data key) for a Store or a path."""
    if hasattr(source, "conn"):
        if source.conn.in_transaction:
            raise BackupError("有未完成的保存操作，请稍后再备份。")
        return source.conn, source.path, False, getattr(source, "key", None)
    path = Path(source)
    if not path.is_file():
        raise BackupError(f"找不到数据库文件“{path}”，无法备份。")
    key = crypt.key_for(path)
    if key is None and crypt.keys_path(path).exists():
        raise BackupLockedError(f"数据库“{path}”已加密且未解锁，无法备份。")
    conn = sqlite3.connect(str(path), isolation_level=None, key=key)
    conn.execute("PRAGMA busy_timeout=10000")
    return conn, path, True, key


def _photo_hashes(conn) -> list[str]:
    """Every photo the database refers to: photo rows and the photos frozen in records."""
    shas = {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM photo")}
    for (content,) in conn.execute("SELECT content FROM document WHERE kind = 'inspection_record'"):
        for ph in json.loads(content).get("photos") or []:
            if ph.get("sha256"):
                shas.add(ph["sha256"])
    return sorted(s for s in shas if re.fullmatch(r"[0-9a-f]{64}", s or ""))


def _setting(conn, key: str, default=""):
    r = conn.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return json.loads(r[0]) if r else default


def create_backup(source, dest_dir: str | os.PathLike, *, auto: bool = False, photos_root=None,
                  progress: Progress = None) -> BackupInfo:
    """Back up the database ``source`` (a Store, or the path of a database file, e.g. from a
    background thread) with its photos into ``dest_dir``; returns the verified backup."""
    from .. import __version__, paths
    from .photos import photo_path, read_file

    dest = Path(dest_dir)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BackupError(f"无法在“{dest}”创建备份文件夹：{e.strerror or e}。请另选位置（如U盘）。") from e
    conn, db_path, owned, key = _source(source)
    root = Path(photos_root) if photos_root is not None else paths.photos_dir(db_path)
    at = clock.now().astimezone()
    device = _setting(conn, "device_code", "")
    final = dest / backup_name(device, at, auto=auto)
    part = dest / f".{final.name}.part"
    for leftover in (part, Path(f"{part}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        step = lambda done: progress and progress(done, 100)  # noqa: E731
        step(1)
        try:
            # One statement, one read snapshot: every committed row, nothing half-written, and
            # the writers of the live database are not blocked (WAL). On an encrypted connection
            # the copy is encrypted with the same key: never a plain copy of an encrypted database.
            conn.execute("VACUUM INTO ?", [str(part)])
        except sqlite3.OperationalError as e:
            raise BackupError(f"无法写入备份文件“{part}”：{e}。请确认U盘未写保护且空间充足。") from e
        finally:
            if owned:
                conn.close()
        step(30)
        out = sqlite3.connect(str(part), isolation_level=None, key=key)
        try:
            out.execute("PRAGMA journal_mode=DELETE")
            out.execute("CREATE TABLE backup_photo (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL)")
            out.execute("CREATE TABLE backup_manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            shas = _photo_hashes(out)
            missing, changed, total_bytes = [], [], 0
            out.execute("BEGIN")
            for i, sha in enumerate(shas):
                f = photo_path(root, sha)
                data = read_file(f)  # the JPEG itself (decrypted): the blob is inside the encrypted backup
                if data is None:
                    (changed if f.exists() else missing).append(sha)
                elif hashlib.sha256(data).hexdigest() != sha:
                    changed.append(sha)  # evidence that changed is not backed up as if it were genuine
                else:
                    total_bytes += len(data)
                    out.execute("INSERT INTO backup_photo (sha256, size, data) VALUES (?, ?, ?)", [sha, len(data), data])
                if i % 50 == 49:
                    out.execute("COMMIT")
                    out.execute("BEGIN")
                    step(30 + int(50 * (i + 1) / max(len(shas), 1)))
            out.execute("COMMIT")
            step(80)
            manifest = _manifest(out, at=at, auto=auto, device=device, version=__version__,
                                 source=db_path, missing=missing, changed=changed, total_bytes=total_bytes)
            text = A.canonical_json(manifest)
            out.execute("INSERT INTO backup_manifest (key, value) VALUES ('manifest', ?), ('manifest_sha256', ?)",
                        [text, A.sha256_text(text)])
        finally:
            out.close()
        _fsync_file(part)
        step(85)
        info = verify_backup(part, key=key)
        step(98)
        if key is not None and db_path is not None:
            write_backup_keys(db_path, final)  # first: an encrypted backup never stands without its keys
        os.replace(part, final)
        _fsync_dir(dest)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    info.path = final
    if db_path is not None:
        _remember_location(db_path, dest)
    step(100)
    return info


def _manifest(conn, *, at, auto, device, version, source, missing, changed, total_bytes) -> dict:
    from ..core import documents as docs

    counts, digests = {}, {}
    for t in _tables(conn):
        if t in BACKUP_TABLES:
            continue
        counts[t], digests[t] = _table_digest(conn, t)
    photo_h = hashlib.sha256()
    n = 0
    for (sha,) in conn.execute("SELECT sha256 FROM backup_photo ORDER BY sha256"):
        photo_h.update(sha.encode())
        n += 1
    head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone() or (0, A.GENESIS)
    migration = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id DESC LIMIT 1", [MIGRATION_SET]).fetchone()
    return {
        "format": FORMAT, "app_version": version, "created_at": at.isoformat(timespec="seconds"),
        "kind": "auto" if auto else "manual", "device": device, "township": _setting(conn, "township", ""),
        "source": Path(source).name if source else ":memory:",
        "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
        "schema": migration[0] if migration else "", "counts": counts, "table_sha256": digests,
        "photos": {"count": n, "bytes": total_bytes, "sha256": photo_h.hexdigest()},
        "photos_missing": missing, "photos_changed": changed,
        "audit_head": {"seq": head[0], "hash": head[1]},
        "doc_seq": [{"series": s, "kind": k, "title": docs.TITLES.get(k, k), "year": y, "last": last}
                    for s, k, y, last in conn.execute("SELECT series, kind, year, last FROM doc_seq ORDER BY year, kind")],
    }


# ---------------------------------------------------------------------------------------------
# reading and verifying

def read_manifest(path: str | os.PathLike, *, key: bytes | None = None) -> BackupInfo:
    """The manifest of a backup file, without verifying the content (cheap: for lists)."""
    path = Path(path)
    conn = _open_ro(path, key)
    try:
        try:
            rows = dict(conn.execute("SELECT key, value FROM backup_manifest").fetchall())
        except sqlite3.DatabaseError:
            raise BackupError(f"“{path.name}”不是本软件的备份文件（没有备份清单）。") from None
        try:
            manifest = json.loads(rows["manifest"])
        except (KeyError, ValueError):
            raise BackupError(f"备份文件“{path.name}”的清单已损坏。") from None
        if A.sha256_text(rows["manifest"]) != rows.get("manifest_sha256"):
            raise BackupError(f"备份文件“{path.name}”的清单已被改动。")
        return BackupInfo(path=path, manifest=manifest)
    finally:
        conn.close()


def verify_backup(path: str | os.PathLike, *, key: bytes | None = None) -> BackupInfo:
    """Open the backup and check it completely: integrity, the manifest's own hash, every
    table's count and hash, every photo's hash, schema and no foreign views or triggers.
    An encrypted backup needs its ``key`` (or one unlocked in this process: :func:`backup_key`)."""
    path = Path(path)
    try:
        return _verify(path, backup_key(path, key=key))
    except sqlite3.DatabaseError as e:
        raise BackupError(f"备份文件“{path.name}”已损坏（{e}），备份不可用。") from e
    except (KeyError, TypeError, AttributeError) as e:
        raise BackupError(f"备份文件“{path.name}”的清单不完整，备份不可用。") from e


def _verify(path: Path, key: bytes | None) -> BackupInfo:
    from .protect import app_triggers, same_sql

    info = read_manifest(path, key=key)
    m = info.manifest
    if m.get("format") != FORMAT:
        raise BackupError(f"备份文件“{path.name}”的格式（{m.get('format')}）不受本版本支持，请升级软件。")
    conn = _open_ro(path, key)
    try:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise BackupError(f"备份文件“{path.name}”已损坏：{check[0]}")
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BackupError(f"“{path.name}”不是本软件的备份文件。")
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'view'").fetchone():
            raise BackupError(f"备份文件“{path.name}”含有本软件不会创建的视图，拒绝使用。")
        expected = app_triggers()
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"):
            if name not in expected or not same_sql(sql, expected[name]):
                raise BackupError(f"备份文件“{path.name}”含有本软件不会创建的触发器“{name}”，拒绝使用。")
        tables = [t for t in _tables(conn) if t not in BACKUP_TABLES]
        if set(tables) != set(m.get("counts", {})):
            raise BackupError(f"备份文件“{path.name}”中的数据表与清单不一致。")
        for t in tables:
            n, digest = _table_digest(conn, t)
            if n != m["counts"][t] or digest != m["table_sha256"].get(t):
                raise BackupError(f"备份文件“{path.name}”中的“{t}”表与清单不一致（{n}/{m['counts'][t]}行），备份不可用。")
        photo_h, n = hashlib.sha256(), 0
        for sha, size, data in conn.execute("SELECT sha256, size, CAST(data AS BLOB) FROM backup_photo ORDER BY sha256"):
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
                raise BackupError(f"备份文件“{path.name}”中的照片{sha[:12]}…已损坏。")
            photo_h.update(sha.encode())
            n += 1
        if n != m["photos"]["count"] or photo_h.hexdigest() != m["photos"]["sha256"]:
            raise BackupError(f"备份文件“{path.name}”中的照片与清单不一致。")
    finally:
        conn.close()
    return info


def list_backups(*dirs: str | os.PathLike) -> list[BackupInfo]:
    """Readable backups in ``dirs``, newest first (unreadable files are skipped)."""
    out, seen = [], set()
    for d in dirs:
        if not d:
            continue
        d = Path(d)
        try:
            names = sorted(p for p in d.iterdir() if _NAME_RE.match(p.name))
        except OSError:
            continue
        for p in names:
            key = os.path.normcase(str(p.resolve()))
            if key in seen:
                continue
            seen.add(key)
            try:
                out.append(read_manifest(p))
            except (BackupError, *sqlite3.Error, OSError):  # Error: a tuple of both drivers' classes
                continue
    out.sort(key=lambda b: b.created_at, reverse=True)
    return out


def _remember_location(db_path: Path, folder: Path) -> None:
    """Note the folder in a small file next to the database: when the database itself is
    damaged, its settings cannot be read, but the recovery message can still find backups."""
    f = Path(db_path).parent / LOCATIONS_FILE
    try:
        known = json.loads(f.read_text(encoding="utf-8")) if f.exists() else []
    except (OSError, ValueError):
        known = []
    folder_s = str(Path(folder).resolve())
    known = [folder_s] + [k for k in known if k != folder_s][:9]
    try:
        tmp = f.with_suffix(".tmp")
        tmp.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, f)
    except OSError:
        pass  # only a hint for later; the backup itself is done


def known_locations(db_path: str | os.PathLike, extra=()) -> list[Path]:
    db_path = Path(db_path)
    dirs = [auto_dir(db_path), *[Path(e) for e in extra if e]]
    try:
        dirs += [Path(p) for p in json.loads((db_path.parent / LOCATIONS_FILE).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass
    return dirs


def latest_backup(db_path: str | os.PathLike, extra=(), *, external_only: bool = False) -> BackupInfo | None:
    """The newest readable backup of this database that really exists (auto folder, the
    folders backed up to before, ``extra``); ``external_only``: not the automatic ones."""
    found = list_backups(*known_locations(db_path, extra))
    if external_only:
        found = [b for b in found if b.kind != "auto"]
    return found[0] if found else None


def recovery_hint(db_path: str | os.PathLike, extra=()) -> str:
    """The real way out for a damaged database: the latest backup with its date, or that none
    was found (never a backup that does not exist)."""
    b = latest_backup(db_path, extra)
    if b is None:
        return ("本机没有找到本软件的备份文件。如在U盘等处保存过备份，可在命令行运行“inspector restore 备份文件”恢复；"
                "否则请联系县局技术支持，不要删除现有的数据文件。")
    return (f"最近的备份是{b.created_label}的“{b.path}”。可在命令行运行“inspector restore \"{b.path}\"”恢复"
            "（恢复前会保留现有数据文件的副本）。")


# ---------------------------------------------------------------------------------------------
# rotation and the automatic daily backup

def rotate(folder: str | os.PathLike, *, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last ``keep_daily`` days and
    ``keep_weekly`` ISO weeks; manual backups are never deleted. Returns the deleted files."""
    autos = [b for b in list_backups(folder) if b.kind == "auto"]
    keep, days, weeks = set(), [], []
    for b in autos:  # newest first
        d = parse_datetime(b.created_at).date()
        if d not in days and len(days) < keep_daily:
            days.append(d)
            keep.add(b.path)
        wk = d.isocalendar()[:2]
        if wk not in weeks and len(weeks) < keep_weekly:
            weeks.append(wk)
            keep.add(b.path)
    removed = []
    for b in autos:
        if b.path not in keep:
            try:
                b.path.unlink()
                keys_file(b.path).unlink(missing_ok=True)
                removed.append(b.path)
            except OSError:
                pass
    return removed


def auto_backup_due(db_path: str | os.PathLike, *, today: date | None = None) -> bool:
    """True unless an automatic backup was already taken today."""
    today = today or clock.today()
    for b in list_backups(auto_dir(db_path)):
        if b.kind == "auto" and parse_datetime(b.created_at).date() >= today:
            return False
    return True


def run_auto_backup(db_path: str | os.PathLike, *, keep_daily: int = 7, keep_weekly: int = 4,
                    progress: Progress = None) -> BackupInfo | None:
    """The daily automatic backup (called at start or when idle, in the background): one per
    day into the ``backups`` folder next to the database, then rotation. None if not due."""
    if not auto_backup_due(db_path):
        return None
    info = create_backup(db_path, auto_dir(db_path), auto=True, progress=progress)
    rotate(auto_dir(db_path), keep_daily=keep_daily, keep_weekly=keep_weekly)
    return info


def note_backup(store, info: BackupInfo) -> None:
    """Record a finished backup to another disk in the settings (the date shown, the reminder)."""
    from ..core import settings as S
    from . import settings

    if info.kind == "auto":
        return
    settings.put_many(store, {S.LAST_BACKUP_AT: info.created_at, S.LAST_BACKUP_PATH: str(info.path),
                              S.BACKUP_DIR: str(info.path.parent)})


@dataclass
class BackupStatus:
    last: BackupInfo | None      # the newest backup to another disk that still exists
    last_auto: BackupInfo | None
    days: int | None             # since ``last``
    remind: bool
    message: str


def backup_status(store, *, today: date | None = None) -> BackupStatus:
    """The last backup's date and whether to remind the officer (the backup must exist)."""
    from ..core import settings as S
    from . import settings

    today = today or clock.today()
    s = settings.get_many(store, [S.BACKUP_DIR, S.LAST_BACKUP_PATH, S.BACKUP_REMIND_DAYS])
    last = None
    if store.path is not None:
        extra = [s[S.BACKUP_DIR.key], Path(s[S.LAST_BACKUP_PATH.key]).parent if s[S.LAST_BACKUP_PATH.key] else ""]
        last = latest_backup(store.path, extra, external_only=True)
        autos = list_backups(auto_dir(store.path))
        last_auto = autos[0] if autos else None
    else:
        last_auto = None
    limit = s[S.BACKUP_REMIND_DAYS.key]
    if last is None:
        return BackupStatus(None, last_auto, None, True,
                            "尚未备份到U盘等其他存储设备。请插入U盘，在“文件 → 备份数据”中备份。")
    days = (today - parse_datetime(last.created_at).date()).days
    remind = days >= limit
    msg = f"上次备份：{last.created_label}（{days}天前）。"
    if remind:
        msg += f"已超过{limit}天未备份，请插入U盘备份数据。"
    return BackupStatus(last, last_auto, days, remind, msg)


# ---------------------------------------------------------------------------------------------
# restore

@dataclass
class RestoreResult:
    info: BackupInfo
    kept_copy: Path | None
    photos_written: int
    blocked: list[dict]


def _keep_current(db_path: Path, stamp: str, key: bytes | None = None) -> Path | None:
    """A complete copy of the current database (WAL included) beside it, before it is replaced."""
    if not db_path.exists():
        return None
    keep = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}.sqlite")
    try:
        src = sqlite3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True, key=key)
        try:
            dst = sqlite3.connect(str(keep), key=key)  # encrypted as the database it copies
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError:
        # A damaged file cannot be read by SQLite: keep its raw bytes (and its WAL) instead.
        import shutil

        keep.unlink(missing_ok=True)
        shutil.copyfile(db_path, keep)
        for ext in ("-wal",):
            if Path(f"{db_path}{ext}").exists():
                shutil.copyfile(f"{db_path}{ext}", f"{keep}{ext}")
    _fsync_file(keep)
    return keep


def _release_wal(db_path: Path, key: bytes | None = None) -> None:
    """Leave the live file self-contained (no WAL to replay onto its successor). Switching out
    of WAL needs the only connection: if the app or another command has the database open, the
    restore stops here with the old database untouched."""
    if not db_path.exists():
        return
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=2, key=key)
    except sqlite3.DatabaseError:
        return
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            raise BackupError("数据库正被其他程序使用（如本软件的窗口或另一条命令），请先关闭后再恢复。") from e
        mode = ""
    except sqlite3.DatabaseError:
        mode = ""  # damaged: its WAL is moved aside below
    finally:
        conn.close()
    if mode.lower() != "delete":
        if mode.lower() == "wal":
            raise BackupError("数据库正被其他程序使用（如本软件的窗口或另一条命令），请先关闭后再恢复。")
        for ext in ("-wal", "-shm"):
            side = Path(f"{db_path}{ext}")
            if side.exists():
                os.replace(side, side.with_name(side.name + ".damaged"))


def _target_key(db_path: Path, bkey: bytes | None, password: str | None) -> tuple[bytes | None, bool]:
    """(key the restored database is encrypted with, whether the backup's envelope is installed).

    A database that has a key envelope keeps its own key and password (the restored rows are
    re-encrypted into it); one without takes the backup's key and envelope."""
    env = crypt.read_envelope(crypt.keys_path(db_path))
    if env is None:
        return bkey, bkey is not None
    key = crypt.key_for(db_path)
    if key is None:
        if password is None:
            raise BackupLockedError(f"数据库“{db_path}”已加密，需要它的密码才能恢复到它。")
        key = env.unlock(password)
    return key, False


def restore(backup_path: str | os.PathLike, db_path: str | os.PathLike, *, photos_root=None,
            progress: Progress = None, key: bytes | None = None, password: str | None = None,
            recovery_key: str | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup (see the module text).

    An encrypted backup opens with ``key``, a key unlocked in this process, or its envelope with
    ``password`` / ``recovery_key``; the database at ``db_path``, if encrypted, with the key
    unlocked for it or ``password``."""
    from .. import paths
    from . import audit
    from . import series as series_store
    from .photos import file_sha256, photo_path, write_photo_file

    step = lambda done: progress and progress(done, 100)  # noqa: E731
    db_path = Path(db_path)
    root = Path(photos_root) if photos_root is not None else paths.photos_dir(db_path)
    bkey = backup_key(backup_path, key=key, password=password, recovery_key=recovery_key)
    tkey, take_envelope = _target_key(db_path, bkey, password)
    if tkey is not None:
        crypt.register_photo_root(root, tkey)  # restored photos are written encrypted
    info = verify_backup(backup_path, key=bkey)
    step(20)
    m = info.manifest
    now = clock.now().astimezone()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.restore-{stamp}.tmp")
    try:
        src = _open_ro(Path(backup_path), bkey)
        try:
            if bkey == tkey:
                out = sqlite3.connect(str(tmp), isolation_level=None, key=tkey)
                try:
                    src.backup(out)  # same key (or both plain): page for page
                finally:
                    out.close()
            else:
                from .encryption import export_into

                export_into(tmp, tkey, Path(backup_path), bkey)  # re-encrypted with this database's own key
            step(35)
            # Photos first: content-addressed files, harmless if the restore stops later.
            written = 0
            total = m["photos"]["count"]
            for i, (sha, data) in enumerate(src.execute("SELECT sha256, CAST(data AS BLOB) FROM backup_photo")):
                target = photo_path(root, sha)
                if file_sha256(target) != sha:
                    write_photo_file(root, sha, data)
                    written += 1
                if i % 20 == 0:
                    step(35 + int(30 * i / max(total, 1)))
        finally:
            src.close()
        step(65)
        conn = sqlite3.connect(str(tmp), isolation_level=None, key=tkey)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("BEGIN IMMEDIATE")
            for t in BACKUP_TABLES:
                conn.execute(f"DROP TABLE {t}")
            device = _setting(conn, "device_code", "") or "DEV"
            backup_year = parse_datetime(m["created_at"]).year
            series = _setting(conn, "device_code", "")
            if series:
                series_store.block_all(conn, series=series, years=range(backup_year, now.year + 1),
                                       blocked_at=now.isoformat(timespec="seconds"),
                                       backup_taken_at=m["created_at"])
            audit.append(conn, at=now.isoformat(timespec="seconds"), device=device, action="restore",
                         record_kind="database", record_id=info.path.name,
                         content_sha256=A.content_hash({"backup": info.path.name, "created_at": m["created_at"],
                                                        "audit_head": m["audit_head"]}))
            conn.execute("DELETE FROM verify_state")
            conn.execute("COMMIT")
            conn.execute("VACUUM")  # the photo blobs' pages
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("恢复出的数据库未通过完整性检查，现有数据未被改动。")
            blocked = [dict(zip(("series", "kind", "year"), r)) for r in conn.execute(
                "SELECT series, kind, year FROM series_block WHERE confirmed_last IS NULL")]
        finally:
            conn.close()
        _fsync_file(tmp)
        step(80)
        old_key = crypt.key_for(db_path) if crypt.keys_path(db_path).exists() else None
        kept = _keep_current(db_path, stamp, old_key)
        if kept is not None and old_key is not None:
            write_backup_keys(db_path, kept)
        step(90)
        _release_wal(db_path, old_key)
        if take_envelope:
            # The key before the file: an encrypted database never stands without its envelope.
            env = crypt.read_envelope(keys_file(backup_path))
            env.data.pop("photos_done", None)  # photos already in the folder are encrypted at next open
            crypt.write_envelope(crypt.keys_path(db_path), env)
            crypt.remember(db_path, tkey)
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise
    step(100)
    return RestoreResult(info=info, kept_copy=kept, photos_written=written, blocked=blocked)


__all__ = ["AUTO_DIR", "BackupError", "BackupInfo", "BackupLockedError", "backup_key", "keys_file", "write_backup_keys", "BackupStatus", "RestoreResult", "auto_backup_due",
           "auto_dir", "backup_status", "create_backup", "known_locations", "latest_backup", "list_backups",
           "note_backup", "read_manifest", "recovery_hint", "restore", "rotate", "run_auto_backup",
           "verify_backup"]
