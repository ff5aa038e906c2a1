"""The bundle container (docs/bundle-format.md): a ZIP holding ``manifest.json``, its Ed25519
signature ``manifest.sig``, ``data.sqlite`` (the rows) and ``photos/<sha256>`` (the files).

Writing: the rows go into a fresh SQLite file (plain tables, no index, trigger or view), the
manifest lists every entry's sha256 and size, the signature covers the manifest's exact bytes;
the ZIP is written to ``<name>.part``, fsynced, renamed and its folder fsynced, then opened again
and verified like a received bundle before anyone is told it is safe to remove the stick.

Opening a received bundle (:func:`open_bundle`) checks, before SQLite reads a byte: the size,
that the ZIP opens, entry names on an allow-list, no duplicate names, no encrypted entries, size
limits (a ZIP bomb is refused from its directory, and reading stops at the declared size); the
signature against a pinned key; that the manifest's entries are exactly the ZIP's and each
sha256 and size matches. Then data.sqlite is copied into a private temporary folder and opened
read-only with ``trusted_schema=OFF``, ``cell_size_check=ON``, ``mmap_size=0``: its header
(application id, format version, no WAL), ``quick_check`` (no index to compare), only plain tables (no view,
trigger or index), each one a declared synced table with exactly the manifest's columns, and
the row counts of the manifest. Anything wrong raises :class:`BundleError` (Chinese, what to do).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import keys as K
from . import tables as T

FORMAT = "tsobundle"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
SUFFIX = ".tsobundle"
# data.sqlite's header: "JYSB" (Jiangyin sync bundle) — not the app database's id, so a bundle's
# data file can never be opened as a working database by mistake.
BUNDLE_APPLICATION_ID = 0x4A595342
MANIFEST, SIGNATURE, DATA = "manifest.json", "manifest.sig", "data.sqlite"
_PHOTO = re.compile(r"photos/[0-9a-f]{64}")
KINDS = ("laptop", "county")


class BundleError(ValueError):
    """A bundle that cannot be written or must not be imported (message in Chinese)."""


@dataclass(frozen=True)
class Limits:
    max_bundle_bytes: int = 16 * 1024 ** 3
    max_entries: int = 200_000
    max_manifest_bytes: int = 8 * 1024 ** 2
    max_data_bytes: int = 4 * 1024 ** 3
    max_photo_bytes: int = 40 * 1024 ** 2
    max_total_bytes: int = 32 * 1024 ** 3


_DAMAGED = "数据包“{name}”已损坏或不完整（{why}），不会导入，数据库未作任何改动。请重新拷贝或请对方重新导出。"


def _damaged(path: Path, why: str) -> BundleError:
    return BundleError(_DAMAGED.format(name=path.name, why=why))


def canonical(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _sha_file(path: Path) -> tuple[str, int]:
    with open(path, "rb") as fh:
        h = hashlib.file_digest(fh, "sha256")
    return h.hexdigest(), path.stat().st_size


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def bundle_columns(name: str) -> list[str]:
    """A bundle table's columns: the laptop table's (this version) plus the sync extras."""
    return [c[0] for c in T.laptop_schema()[name]] + list(T.BUNDLE_EXTRA)


def create_data_file(path: Path) -> None:
    """An empty ``data.sqlite`` with the bundle's header (application id, format version, no WAL),
    for the rows to be written into (here, or set-based by the laptop's export: ``laptop.stage``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA application_id={BUNDLE_APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={VERSION}")
    finally:
        conn.close()


def _write_data(path: Path, tables: dict[str, list[dict]], columns: dict[str, list[str]]) -> dict:
    create_data_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        info = {}
        for name in T.NAMES:
            if name not in tables:
                continue
            cols = columns.get(name) or bundle_columns(name)
            q = ", ".join(f'"{c}"' for c in cols)
            conn.execute(f'CREATE TABLE "{name}" ({q})')
            rows = tables[name]
            for r in rows:
                extra = set(r) - set(cols)
                if extra:
                    raise BundleError(f"内部错误：{name} 表的行含有未声明的列 {sorted(extra)}。")
            conn.executemany(f'INSERT INTO "{name}" ({q}) VALUES ({", ".join("?" * len(cols))})',
                             ([r.get(c) for c in cols] for r in rows))
            info[name] = {"rows": len(rows), "columns": cols}
        unknown = set(tables) - set(T.NAMES)
        if unknown:
            raise BundleError(f"内部错误：{sorted(unknown)} 不是同步的数据表。")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return info


def write_bundle(path: str | Path, *, manifest: dict, tables: dict[str, list[dict]] | None = None,
                 photos: dict[str, bytes | Path] | None = None, signing_key,
                 columns: dict[str, list[str]] | None = None, progress=None, encrypt_to=None,
                 staged: tuple[Path, dict] | None = None) -> Path:
    """Write a signed bundle atomically and verify it; returns the final path.

    The rows are ``tables`` (table → row dicts), or ``staged``: a ``data.sqlite`` already
    written (``create_data_file``, plain tables of ``bundle_columns``) with its table info
    (table → {"rows", "columns"}). ``manifest`` is completed with format, version, the table and
    entry lists and the sender's key fingerprint; ``photos`` maps sha256 → bytes or a file (each
    checked against its name).
    """
    if (tables is None) == (staged is None):
        raise TypeError("write_bundle takes tables or staged")
    path = Path(path)
    photos = photos or {}
    work = Path(tempfile.mkdtemp(prefix="tsobundle-w-"))
    part = path.with_name(path.name + ".part")
    try:
        if staged is not None:
            data, info = Path(staged[0]), staged[1]
        else:
            data = work / DATA
            info = _write_data(data, tables, columns or {})
        entries = {}
        sha, size = _sha_file(data)
        entries[DATA] = {"sha256": sha, "size": size}
        for digest, src in sorted(photos.items()):
            if not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise BundleError(f"内部错误：照片名“{digest}”不是 sha256。")
            blob = src if isinstance(src, (bytes, bytearray)) else Path(src).read_bytes()
            if hashlib.sha256(blob).hexdigest() != digest:
                raise BundleError("照片文件已被改动（与其哈希不符），无法导出。请运行“inspector verify --full”检查照片。")
            entries[f"photos/{digest}"] = {"sha256": digest, "size": len(blob)}
        pub = signing_key.public_key()
        manifest = dict(manifest, format=FORMAT, version=VERSION, tables=info, entries=entries,
                        sender_key=K.fingerprint(pub), sender_public_key=K.public_key_text(pub))
        body = canonical(manifest)
        sig = signing_key.sign(body)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True) as z:
                z.writestr(MANIFEST, body)
                z.writestr(SIGNATURE, sig)
                z.write(data, DATA)
                for n, (digest, src) in enumerate(sorted(photos.items()), 1):
                    blob = src if isinstance(src, (bytes, bytearray)) else Path(src).read_bytes()
                    # JPEGs do not compress: stored, so writing runs at disk speed.
                    z.writestr(zipfile.ZipInfo(f"photos/{digest}", date_time=(2020, 1, 1, 0, 0, 0)), blob,
                               compress_type=zipfile.ZIP_STORED)
                    if progress and n % 50 == 0:
                        progress(n, len(photos))
            raw.flush()
            os.fsync(raw.fileno())
        if encrypt_to is not None:
            # Verified before sealing: once sealed only the county's private key opens it.
            pub = signing_key.public_key()
            with open_bundle(part, trusted_keys={K.fingerprint(pub): pub}):
                pass
            from .seal import seal

            sealed = path.with_name(path.name + ".seal.part")
            try:
                seal(part, sealed, encrypt_to)
                os.replace(sealed, part)
            finally:
                sealed.unlink(missing_ok=True)
        os.replace(part, path)
        _fsync_dir(path.parent)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # The file on the stick must read back as it was written (sticks lie about sync).
    if encrypt_to is None:
        with open_bundle(path, trusted_keys={K.fingerprint(signing_key.public_key()): signing_key.public_key()}):
            pass
    else:
        from .seal import is_sealed

        if not is_sealed(path):
            raise BundleError("加密后的数据包写入U盘后读回不一致，请换一个U盘重试。")
    return path


# ---------------------------------------------------------------------------------------------
# reading

def _no_duplicate_keys(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k}")
        out[k] = v
    return out


def _read_limited(z: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path, sink=None) -> tuple[str, int, bytes]:
    """Stream an entry, refusing beyond ``limit`` bytes; returns (sha256, size, bytes if no sink)."""
    h = hashlib.sha256()
    n = 0
    chunks = []
    try:
        with z.open(info) as fh:
            while True:
                block = fh.read(1 << 20)
                if not block:
                    break
                n += len(block)
                if n > limit:
                    raise _damaged(path, f"“{info.filename}”超过大小上限")
                h.update(block)
                if sink is not None:
                    sink.write(block)
                else:
                    chunks.append(block)
    except BundleError:
        raise
    except Exception:  # noqa: BLE001 — any decoder failure on hostile bytes (zlib, CRC, struct…) is damage
        raise _damaged(path, f"“{info.filename}”无法读出") from None
    return h.hexdigest(), n, b"".join(chunks)


class Bundle:
    """A verified bundle (use as a context manager: its private copy is removed on exit)."""

    def __init__(self, path: Path, work: Path, manifest: dict, data: Path, sha256: str):
        self.path = path
        self.work = work
        self.manifest = manifest
        self.sha256 = sha256
        self._data = data
        self._conn: sqlite3.Connection | None = None
        self._zip: zipfile.ZipFile | None = None

    # -- manifest shortcuts
    @property
    def sender_fingerprint(self) -> str:
        return self.manifest["sender_key"]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def photo_names(self) -> set[str]:
        return {n.split("/", 1)[1] for n in self.manifest["entries"] if n.startswith("photos/")}

    def count(self, table: str) -> int:
        return int(self.manifest["tables"].get(table, {}).get("rows", 0))

    @property
    def tables(self) -> list[str]:
        return [t for t in T.NAMES if t in self.manifest["tables"]]

    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _open_readonly(self._data)
        return self._conn

    def rows(self, table: str) -> Iterator[dict]:
        if table not in self.manifest["tables"]:
            return iter(())
        cur = self.conn().execute(f'SELECT * FROM "{table}" ORDER BY rowid')
        names = [d[0] for d in cur.description]
        return (dict(zip(names, r)) for r in cur)

    def photo(self, sha: str) -> bytes:
        name = f"photos/{sha}"
        if name not in self.manifest["entries"]:
            raise KeyError(sha)
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.work / "bundle.zip")
        digest, _, blob = _read_limited(self._zip, self._zip.getinfo(name), Limits().max_photo_bytes, self.path)
        if digest != sha:
            raise _damaged(self.path, "照片与其哈希不符")
        return blob

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        shutil.rmtree(self.work, ignore_errors=True)

    def __enter__(self) -> "Bundle":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _open_readonly(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.execute("PRAGMA mmap_size=0")
    conn.execute("PRAGMA query_only=ON")
    return conn


def _check_manifest(m: dict, path: Path) -> None:
    def bad(why: str):
        raise _damaged(path, f"清单{why}")

    if m.get("format") != FORMAT:
        raise BundleError(f"“{path.name}”不是本软件的同步数据包，不会导入。")
    if not isinstance(m.get("version"), int):
        bad("缺少格式版本")
    if m["version"] not in SUPPORTED_VERSIONS:
        raise BundleError(f"数据包“{path.name}”的格式版本为{m['version']}，本程序只认识版本"
                          f"{'、'.join(map(str, SUPPORTED_VERSIONS))}。请把本软件更新到最新版本后再导入。")
    if m.get("kind") not in KINDS:
        bad("中的类型无效")
    for key, typ in (("bundle_id", str), ("origin", str), ("township", str), ("sequence", int),
                     ("sender_key", str), ("tables", dict), ("entries", dict)):
        if not isinstance(m.get(key), typ) or isinstance(m.get(key), bool):
            bad(f"缺少或错写“{key}”")
    if m["sequence"] < 1:
        bad("序号无效")
    for name, t in m["tables"].items():
        if name not in T.BY_NAME or not isinstance(t, dict) or not isinstance(t.get("rows"), int) \
                or not isinstance(t.get("columns"), list) or not all(isinstance(c, str) for c in t["columns"]):
            bad(f"中的数据表“{name}”无效")
        if len(set(t["columns"])) != len(t["columns"]) or not set(T.SYNC_COLUMNS) <= set(t["columns"]):
            bad(f"中数据表“{name}”的列无效")
    for name, e in m["entries"].items():
        if not isinstance(e, dict) or not isinstance(e.get("sha256"), str) or not isinstance(e.get("size"), int):
            bad(f"中的条目“{name}”无效")


def _check_data(conn: sqlite3.Connection, m: dict, path: Path, known: dict[str, set[str]] | None) -> None:
    # quick_check: integrity_check without comparing indexes to their tables — a bundle's data
    # file has no index (checked next), so it is the same check, in less time.
    bad = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if bad != ["ok"]:
        raise _damaged(path, "数据文件校验失败")
    objects = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    others = [f"{t} {n}" for t, n, _ in objects if t != "table"]
    if others:
        raise BundleError(f"数据包“{path.name}”含有视图、触发器或索引（{others[0]}），"
                          "本软件导出的数据包不含这些内容，为安全起见拒绝导入，数据库未作任何改动。")
    names = {n for t, n, _ in objects}
    if names != set(m["tables"]):
        raise _damaged(path, "数据表与清单不一致")
    for name, t in m["tables"].items():
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        if [r[1] for r in info] != t["columns"] or any(r[2] or r[3] or r[4] is not None or r[5] for r in info):
            raise _damaged(path, f"数据表“{name}”的结构与清单不一致")
        if known is not None:
            extra = set(t["columns"]) - known.get(name, set()) - set(T.BUNDLE_EXTRA)
            if extra:
                raise BundleError(f"数据包“{path.name}”由更新版本的软件导出（{name} 表有本程序不认识的列"
                                  f"{'、'.join(sorted(extra))}）。请把本软件更新到最新版本后再导入。")
        n = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        if n != t["rows"]:
            raise _damaged(path, f"数据表“{name}”的行数与清单不符")


def check_file(path: str | Path, limits: Limits = Limits()) -> int:
    """The bundle file's size, or a BundleError saying what is wrong with the path itself (missing,
    a folder, too big) — before anything else is asked of the officer."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise BundleError(f"找不到数据包“{path}”，请检查文件名和U盘是否已插好。") from None
    if path.is_dir():
        raise BundleError(f"“{path}”是文件夹，请选择数据包文件（.tsobundle）。")
    if size > limits.max_bundle_bytes:
        raise _damaged(path, "文件超过大小上限")
    return size


def open_bundle(path: str | Path, *, trusted_keys: dict, limits: Limits = Limits(),
                known_columns: dict[str, set[str]] | None = None, decrypt_key=None) -> Bundle:
    """Verify the bundle at ``path`` (see the module text) and return it, opened read-only.

    ``trusted_keys``: fingerprint → Ed25519 public key (the pinned keys the sender must hold).
    ``known_columns``: table → this receiver's columns (a bundle column beyond them is from a
    newer version); default: this version's laptop schema.
    """
    path = Path(path)
    if known_columns is None:
        known_columns = {name: {c[0] for c in cols} for name, cols in T.laptop_schema().items()}
    check_file(path, limits)
    work = Path(tempfile.mkdtemp(prefix="tsobundle-r-"))
    os.chmod(work, 0o700)
    try:
        copy = work / "bundle.zip"
        # A private copy: the stick may change or vanish while we read; every check is on the copy.
        h = hashlib.sha256()
        with open(path, "rb") as src, open(copy, "wb") as dst:
            while block := src.read(1 << 20):
                h.update(block)
                dst.write(block)
        whole = h.hexdigest()
        from . import seal

        if seal.is_sealed(copy):
            if decrypt_key is None:
                raise BundleError(f"数据包“{path.name}”已加密给县局，只有县局能打开，不能在本机导入。")
            try:
                seal.unseal(copy, work / "unsealed.zip", decrypt_key, max_bytes=limits.max_bundle_bytes)
            except seal.SealError as e:
                raise BundleError(f"数据包“{path.name}”无法解密：{e}不会导入，数据库未作任何改动。") from None
            os.replace(work / "unsealed.zip", copy)
        try:
            z = zipfile.ZipFile(copy)
        except Exception:  # noqa: BLE001 — BadZipFile, but also struct/overflow errors on forged directories
            raise _damaged(path, "不是完整的数据包文件") from None
        with z:
            infos = z.infolist()
            if len(infos) > limits.max_entries:
                raise _damaged(path, "条目过多")
            seen = set()
            total = 0
            for info in infos:
                name = info.filename
                if name in seen:
                    raise BundleError(f"数据包“{path.name}”含有重名条目“{name}”，为安全起见拒绝导入，数据库未作任何改动。")
                seen.add(name)
                if name not in (MANIFEST, SIGNATURE, DATA) and not _PHOTO.fullmatch(name):
                    raise BundleError(f"数据包“{path.name}”含有不允许的条目“{name[:80]}”（可能企图写到别处），"
                                      "为安全起见拒绝导入，数据库未作任何改动。")
                if info.flag_bits & 0x1:
                    raise _damaged(path, "条目被加密")
                cap = {MANIFEST: limits.max_manifest_bytes, SIGNATURE: 1024, DATA: limits.max_data_bytes}.get(
                    name, limits.max_photo_bytes)
                if info.file_size > cap:
                    raise _damaged(path, f"“{name}”超过大小上限")
                total += info.file_size
            if total > limits.max_total_bytes:
                raise _damaged(path, "解压后超过大小上限")
            if MANIFEST not in seen or SIGNATURE not in seen:
                raise _damaged(path, "缺少清单或签名")
            _, _, body = _read_limited(z, z.getinfo(MANIFEST), limits.max_manifest_bytes, path)
            _, _, sig = _read_limited(z, z.getinfo(SIGNATURE), 1024, path)
            try:
                manifest = json.loads(body.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
            except (UnicodeDecodeError, ValueError):
                raise _damaged(path, "清单无法解析") from None
            if not isinstance(manifest, dict):
                raise _damaged(path, "清单无法解析")
            fp = manifest.get("sender_key")
            pub = trusted_keys.get(fp) if isinstance(fp, str) else None
            if pub is None:
                raise BundleError(f"数据包“{path.name}”的签名密钥（指纹 {fp if isinstance(fp, str) else '未知'}）"
                                  "不是本机信任的密钥，不会导入，数据库未作任何改动。如县局更换了密钥，"
                                  "请先用“inspector bundle trust 密钥文件”核对指纹后导入新密钥。")
            if len(sig) != 64 or not K.verify(pub, sig, body):
                raise BundleError(f"数据包“{path.name}”的签名校验失败：内容在签名后被改动过，或签名不是该密钥所签。"
                                  "不会导入，数据库未作任何改动。请重新拷贝或请对方重新导出。")
            _check_manifest(manifest, path)
            listed = set(manifest["entries"])
            if listed != seen - {MANIFEST, SIGNATURE}:
                raise _damaged(path, "条目与清单不一致")
            if DATA not in listed:
                raise _damaged(path, "缺少数据文件")
            data = work / DATA
            for name in sorted(listed):
                info = z.getinfo(name)
                want = manifest["entries"][name]
                if info.file_size != want["size"]:
                    raise _damaged(path, f"“{name}”的大小与清单不符")
                cap = limits.max_data_bytes if name == DATA else limits.max_photo_bytes
                if name == DATA:
                    with open(data, "wb") as out:
                        digest, n, _ = _read_limited(z, info, cap, path, sink=out)
                else:
                    digest, n, _ = _read_limited(z, info, cap, path, sink=_Null())
                    if digest != name.split("/", 1)[1]:
                        raise _damaged(path, "照片与其哈希不符")
                if digest != want["sha256"] or n != want["size"]:
                    raise _damaged(path, f"“{name}”的哈希与清单不符")
        _check_header(data, path)
        conn = _open_readonly(data)
        try:
            _check_data(conn, manifest, path, known_columns)
        except sqlite3.DatabaseError:
            raise _damaged(path, "数据文件无法读取") from None
        finally:
            conn.close()
        return Bundle(path, work, manifest, data, whole)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


class _Null:
    def write(self, _b) -> None:
        return None


def _check_header(data: Path, path: Path) -> None:
    with open(data, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or head[:16] != b"SQLite format 3\x00":
        raise _damaged(path, "数据文件不是 SQLite 数据库")
    if head[18] != 1 or head[19] != 1:
        raise _damaged(path, "数据文件处于 WAL 模式")
    if int.from_bytes(head[68:72], "big") != BUNDLE_APPLICATION_ID:
        raise _damaged(path, "数据文件不是同步数据")
    if int.from_bytes(head[60:64], "big") != VERSION:
        raise _damaged(path, "数据文件的格式版本与清单不符")


def file_name(*, township: str, origin: str, at: str, bundle_id: str) -> str:
    """``T<township>_<device>_<yyyymmddThhmmss>_<bundle id>.tsobundle`` (safe characters only)."""
    stamp = re.sub(r"[^0-9T]", "", at)[:15]
    safe = lambda s: re.sub(r"[^\w-]", "", s, flags=re.UNICODE)[:40] or "x"  # noqa: E731
    return f"T{safe(township)}_{safe(origin)}_{stamp}_{bundle_id}{SUFFIX}"


__all__ = ["BUNDLE_APPLICATION_ID", "Bundle", "BundleError", "check_file", "create_data_file", "FORMAT", "KINDS", "Limits", "SUFFIX",
           "SUPPORTED_VERSIONS", "VERSION", "bundle_columns", "canonical", "file_name", "open_bundle",
           "write_bundle"]
