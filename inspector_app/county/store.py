"""Opening the county store, its key pair and the enrolled laptops.

The county's Ed25519 private key lives in the store itself (``county_meta``), so whoever can
read the store can sign return bundles: keep the file (or the PostgreSQL database) where only
the county's sync staff reach it, and back it up with the rest (docs/county.md).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from ..core import clock
from ..sync import keys
from ..sync.engine import Engine, EngineError, is_postgres_url, open_engine
from . import schema


class CountyError(ValueError):
    """A county-side refusal; the message (Chinese) says what to do."""


@dataclass
class Device:
    device: str
    township: str
    public_key: str
    fingerprint: str
    series: list[str]
    officers: list[str]
    enrolled_at: str
    revoked_at: str


class CountyStore:
    def __init__(self, engine: Engine, target: str):
        self.engine = engine
        self.target = target

    # -- meta ------------------------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        rows = self.engine.query("SELECT value FROM county_meta WHERE key = :k", {"k": key})
        return rows[0]["value"] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        self.engine.execute(
            "INSERT INTO county_meta (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", {"k": key, "v": value})

    @property
    def name(self) -> str:
        return self.meta("name") or "县应急管理局"

    @property
    def photos_dir(self) -> Path:
        return Path(self.meta("photos_dir") or "county-photos")

    # -- keys ------------------------------------------------------------------------------

    def private_key(self):
        raw = self.meta("private_key")
        if not raw:
            raise CountyError("县局数据库中没有签名密钥，请先运行“inspector county init”。")
        return keys.load_private_key(base64.b64decode(raw))

    def public_key_text(self) -> str:
        return keys.public_key_text(self.private_key().public_key())

    def fingerprint(self) -> str:
        return keys.fingerprint(self.private_key().public_key())

    def encryption_key(self):
        """The county's X25519 key that laptops may seal their bundles to (sync/seal.py); made on
        first use, so a store created before sealed bundles existed gains one."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        raw = self.meta("encryption_private_key")
        if raw:
            return X25519PrivateKey.from_private_bytes(base64.b64decode(raw))
        key = X25519PrivateKey.generate()
        data = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
        with self.engine.transaction():
            self.engine.execute(
                "INSERT INTO county_meta (key, value) VALUES ('encryption_private_key', :v) "
                "ON CONFLICT (key) DO NOTHING", {"v": base64.b64encode(data).decode("ascii")})
        return X25519PrivateKey.from_private_bytes(base64.b64decode(self.meta("encryption_private_key")))

    def write_key_file(self, out: str | Path) -> Path:
        from ..sync import seal

        return keys.write_key_file(out, {
            "county": self.name, "public_key": self.public_key_text(),
            "encryption_key": seal.public_text(self.encryption_key().public_key()),
            "fingerprint": self.fingerprint(), "created_at": self.meta("created_at") or ""}, role="county")

    # -- devices ---------------------------------------------------------------------------

    def devices(self, township: str | None = None, *, active: bool = True) -> list[Device]:
        # "town": a township column, not the township setting (tests/core/test_setting_keys.py)
        sql = "SELECT county_device.*, township AS town FROM county_device WHERE 1 = 1"
        params: dict = {}
        if township is not None:
            sql += " AND township = :t"
            params["t"] = township
        if active:
            sql += " AND (revoked_at IS NULL OR revoked_at = '')"
        out = []
        for r in self.engine.query(sql + " ORDER BY township, device", params):
            out.append(Device(r["device"], r["town"], r["public_key"], r["fingerprint"],
                              json.loads(r["series"] or "[]"), json.loads(r["officers"] or "[]"),
                              r["enrolled_at"] or "", r["revoked_at"] or ""))
        return out

    def device(self, code: str) -> Device | None:
        found = [d for d in self.devices(active=False) if d.device == code]
        return found[0] if found else None

    def townships(self) -> list[str]:
        return sorted({d.township for d in self.devices(active=False)})

    def enrol(self, key_file: str | Path) -> tuple[Device, bool]:
        """Enrol the laptop described by ``key_file`` (``inspector bundle key --out F``).

        Returns (device, new). Enrolling the same key again is a no-op; a different key for an
        enrolled device code replaces it (a re-imaged laptop) and is said so; a device code is one
        number series, so two laptops never share one; a series belongs to one device.
        """
        data = keys.read_key_file(key_file, role="laptop")
        device = str(data.get("device") or "").strip()
        township = str(data.get("township") or "").strip()
        if not device:
            raise CountyError(f"密钥文件“{Path(key_file).name}”中没有设备编号：请先在该电脑的“设置”中"
                              "填写县局分配的设备编号，再重新导出密钥文件（inspector bundle key --out 文件）。")
        if not township:
            raise CountyError(f"密钥文件“{Path(key_file).name}”中没有乡镇名称：请先在该电脑上完成乡镇设置，"
                              "再重新导出密钥文件。")
        series = data.get("series") or [device]
        if isinstance(series, str):
            series = [series]
        officers = data.get("officers") or []
        fp = data["fingerprint"]
        now = clock.now_iso()
        with self.engine.transaction():
            for other in self.devices(active=False):
                if other.fingerprint == fp and other.device != device:
                    raise CountyError(f"该密钥已登记为设备“{other.device}”（{other.township}），"
                                      f"不能再登记为“{device}”。")
                if other.device != device and set(other.series) & set(series):
                    raise CountyError(f"文书编号系列“{'、'.join(sorted(set(other.series) & set(series)))}”"
                                      f"已分配给设备“{other.device}”，两台电脑不能共用一个系列，请为本机另行分配设备编号。")
            old = self.device(device)
            if old is not None and old.fingerprint == fp and old.township == township:
                return old, False
            if old is not None and old.township != township:
                raise CountyError(f"设备编号“{device}”已登记在{old.township}，不能再登记到{township}。"
                                  "请为本机另行分配设备编号。")
            self.engine.execute(
                "INSERT INTO county_device (device, township, public_key, fingerprint, series, officers, "
                "enrolled_at, revoked_at) VALUES (:d, :t, :k, :f, :s, :o, :at, '') "
                "ON CONFLICT (device) DO UPDATE SET public_key = excluded.public_key, "
                "fingerprint = excluded.fingerprint, series = excluded.series, officers = excluded.officers, "
                "enrolled_at = excluded.enrolled_at, revoked_at = ''",
                {"d": device, "t": township, "k": data["public_key"], "f": fp,
                 "s": json.dumps(series, ensure_ascii=False), "o": json.dumps(officers, ensure_ascii=False),
                 "at": now})
            self.engine.execute(
                "INSERT INTO county_township (name, return_seq, settings, settings_hlc) VALUES (:t, 0, '{}', 0) "
                "ON CONFLICT (name) DO NOTHING", {"t": township})
        return self.device(device), True

    def trusted_keys(self) -> dict:
        return {d.fingerprint: keys.load_public_key(d.public_key) for d in self.devices()}

    def close(self) -> None:
        self.engine.close()


def _wrap_engine_errors(func):
    def inner(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except EngineError as e:
            raise CountyError(str(e)) from e
    return inner


def default_photos_dir(target: str | Path) -> Path:
    if is_postgres_url(target):
        return Path.cwd() / "county-photos"
    p = Path(target).resolve()
    return p.with_name(p.stem + "-photos")


@_wrap_engine_errors
def init_store(target: str | Path, *, name: str = "", photos_dir: str | Path | None = None) -> tuple[CountyStore, bool]:
    """Create the county store at ``target`` (a file path or ``postgresql://…``) with a new key
    pair; on an existing county store only bring its tables up to date. Returns (store, created)."""
    engine = open_engine(target, create=True)
    tables = engine.tables()
    if tables and "county_meta" not in tables:
        engine.close()
        raise CountyError(f"“{_label(target)}”中已有其他数据表，不是县局汇总库。为避免破坏其他数据，"
                          "请换一个新文件或一个空的 PostgreSQL 数据库。")
    schema.create_schema(engine)
    cs = CountyStore(engine, str(target))
    created = cs.meta("private_key") is None
    if created:
        key = keys.generate()
        photos = Path(photos_dir) if photos_dir else default_photos_dir(target)
        with engine.transaction():
            cs.set_meta("private_key", base64.b64encode(keys.private_bytes(key)).decode("ascii"))
            cs.set_meta("public_key", keys.public_key_text(key.public_key()))
            cs.set_meta("name", name or "县应急管理局")
            cs.set_meta("photos_dir", str(photos.resolve()))
            cs.set_meta("created_at", clock.now_iso())
            cs.set_meta("schema_version", str(schema.SCHEMA_VERSION))
    cs.photos_dir.mkdir(parents=True, exist_ok=True)
    return cs, created


@_wrap_engine_errors
def open_store(target: str | Path | None) -> CountyStore:
    """Open an existing county store (refusing anything else with a Chinese message)."""
    if not target:
        raise CountyError("请用 --db 指定县局汇总库：文件路径（SQLite）或 postgresql://用户@主机/库名。")
    engine = open_engine(target)
    if not schema.is_county_store(engine):
        engine.close()
        raise CountyError(f"“{_label(target)}”不是县局汇总库，请先运行“inspector county init --db …”。")
    schema.create_schema(engine)  # columns a newer laptop schema added since init
    return CountyStore(engine, str(target))


def _label(target) -> str:
    from ..sync.engine import _redact

    return _redact(str(target)) if is_postgres_url(target) else str(target)


__all__ = ["CountyError", "CountyStore", "Device", "default_photos_dir", "init_store", "open_store"]
