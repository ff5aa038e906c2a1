"""Photos taken during inspections and rectification, stored as files named by their sha256.

Every photo is normalised once on the way in (EXIF orientation applied, RGB, long side at most
1600 px, JPEG quality 85) so a 12-megapixel phone picture does not bloat the data folder or
the PDF annex, and so the same picture imported twice becomes the same file.

Encrypted databases have encrypted photo files (AES-GCM, the key derived from the database's
data key, storage/crypt.py): the file name and the frozen sha256 stay the hash of the JPEG itself
(the evidence hash), and :func:`photo_bytes` is the one way to read a photo, decrypted in memory.

Crash order: the file is written to a temp name, fsynced and renamed into place BEFORE the
row is inserted. A crash can leave an orphan file, never a row whose file is missing.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from datetime import datetime
from pathlib import Path

from .. import paths
from . import crypt
from .db import Store, not_found, now_iso, require

PHOTO_KINDS = ("现场", "问题", "整改", "复查")
MAX_SIDE = 1600
JPEG_QUALITY = 85

# Hostile or broken pictures are refused before they cost memory: the file size before a byte is
# read, the pixel count from the header before anything is decoded (Pillow's own default, 89 MP,
# lets a 64000×2700 JPEG take 2 GB). A 50-MP phone photo (8160×6144) passes; JPEGs are decoded at
# a reduced scale (draft mode) since they end at MAX_SIDE anyway. Other formats decode at full
# size, 4 bytes a pixel, so their limit is lower. Peak memory: tests/storage/hostile/.
MAX_PHOTO_BYTES = 40 * 1024 * 1024
MAX_JPEG_PIXELS = 64_000_000
MAX_OTHER_PIXELS = 30_000_000
# Photo and screenshot formats only: no decoder that hands the file to another program (EPS).
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF")  # JPEG opens MPO (dual-camera) files too

_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132
_EXIF_IFD = 0x8769


def photo_path(photos_root: str | os.PathLike, sha256: str) -> Path:
    """Where the photo with this hash lives: ``photos_root/ab/abcdef….jpg``."""
    return Path(photos_root) / relative_path(sha256)


def relative_path(sha256: str) -> str:
    """The photo's path relative to the photos folder, as frozen in a record (always with "/",
    so a record written on Windows resolves on another system too)."""
    return f"{sha256[:2]}/{sha256}.jpg"


def resolve(photos_root: str | os.PathLike | None, path: str) -> Path:
    """The file of a photo path frozen in a record: relative paths against ``photos_root``
    (absolute paths, from records frozen before paths were relative, are taken as they are)."""
    p = Path(path)
    if p.is_absolute() or photos_root is None:
        return p
    return Path(photos_root) / p


def _root_of(path: Path) -> Path:
    return path.parent.parent  # photos_root/ab/<sha256>.jpg


def read_file(path: str | os.PathLike) -> bytes | None:
    """The JPEG bytes of the photo file at ``path`` (decrypted with the key unlocked for its photo
    folder), or None when it is missing, unreadable or fails to decrypt (changed on disk)."""
    path = Path(path)
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    if not crypt.is_encrypted_photo(blob):
        return blob
    return crypt.decrypt_photo(crypt.photo_key_for_root(_root_of(path)), path.stem, blob)


def photo_bytes(store_or_root, sha256: str) -> bytes | None:
    """The JPEG bytes of the photo with this hash, from a Store's photo folder or a photos root;
    None when the file is missing or cannot be read or decrypted. The one public read function."""
    root = paths.photos_dir(store_or_root.path) if hasattr(store_or_root, "conn") else store_or_root
    return read_file(photo_path(root, sha256))


def file_sha256(path: str | os.PathLike) -> str | None:
    """The sha256 of a photo file's JPEG content (decrypted if encrypted), or None when it cannot
    be read or decrypted."""
    data = read_file(path)
    return None if data is None else hashlib.sha256(data).hexdigest()


def write_photo_file(photos_root: str | os.PathLike, sha256: str, jpeg: bytes) -> Path:
    """Store the JPEG durably under its hash, encrypted when its photo folder has a key."""
    target = photo_path(photos_root, sha256)
    pkey = crypt.photo_key_for_root(photos_root)
    _write_durable(target, jpeg if pkey is None else crypt.encrypt_photo(pkey, sha256, jpeg))
    return target


def _taken_at(img) -> str:
    """The camera's capture time (EXIF, local time without zone) as ISO text, or ''."""
    try:
        exif = img.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
        if not raw:
            return ""
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except (ValueError, TypeError, KeyError, AttributeError, OSError):
        # Malformed EXIF is common on cheap phones; the time is only a hint.
        return ""


_heif: bool | None = None


def heif_supported() -> bool:
    """Whether HEIC/HEIF (iPhone and many Android phones) opens: pillow-heif registers its
    opener with Pillow once. The file dialogs offer *.heic only when this is true."""
    global _heif
    if _heif is None:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:
            _heif = False
        else:
            register_heif_opener()
            _heif = True
    return _heif


def picture_patterns() -> str:
    """The picture files the officer may pick, as a file dialog's pattern list."""
    pats = ["*.jpg", "*.jpeg", "*.png", "*.bmp", "*.webp", "*.tif", "*.tiff"]
    if heif_supported():
        pats += ["*.heic", "*.heif"]
    return " ".join(pats)


def normalise_image(data: bytes) -> tuple[bytes, int, int, str]:
    """Return (jpeg bytes, width, height, taken_at) for raw image bytes.

    Raises a Chinese ValueError for anything Pillow cannot decode.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS  # Pillow's own guard, a backstop to the check below
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_large(len(data))
    formats = PHOTO_FORMATS + (("HEIF",) if heif_supported() else ())
    try:
        with Image.open(io.BytesIO(data), formats=formats) as src:
            _check_pixels(src.format, *src.size)  # from the header: nothing decoded yet
            if src.format in ("JPEG", "MPO"):
                src.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at 1/2, 1/4 or 1/8 when that suffices
            src.load()
            taken_at = _taken_at(src)
            img = ImageOps.exif_transpose(src)
            if img.mode in ("RGBA", "LA", "P") and (img.mode != "P" or "transparency" in img.info):
                # Transparent areas would turn black in a plain convert(); print them as paper white.
                rgba = img.convert("RGBA")
                img = Image.new("RGB", rgba.size, (255, 255, 255))
                img.paste(rgba, mask=rgba.getchannel("A"))
            else:
                img = img.convert("RGB")
            img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            # No EXIF is written: orientation is already applied and GPS tags stay private.
            img.save(out, "JPEG", quality=JPEG_QUALITY)
            return out.getvalue(), img.width, img.height, taken_at
    except PhotoRefused:
        raise
    except Image.DecompressionBombError as e:  # past twice Pillow's limit: refused inside open()
        raise _too_many_pixels("", MAX_JPEG_PIXELS) from e
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise ValueError("无法读取该图片，文件可能已损坏或不是照片格式，请重新拍摄或选择 JPG/PNG 照片。") from e


class PhotoRefused(ValueError):
    """A picture beyond the size or pixel limits; ``str(err)`` is for the officer."""


def _too_large(size: int) -> PhotoRefused:
    return PhotoRefused(f"照片文件太大（{size / 1048576:.0f} MB，上限 {MAX_PHOTO_BYTES // 1048576} MB），未添加。"
                        "请用手机相机的默认分辨率拍摄，或选择压缩后的 JPG 照片。")


def _too_many_pixels(dims: str, limit: int) -> PhotoRefused:
    return PhotoRefused(f"照片尺寸过大（{dims}上限约 {limit // 1_000_000} 百万像素），未添加。"
                        "文件可能已损坏或被恶意构造；请用手机相机的默认分辨率重新拍摄，或选择其他照片。")


def _check_pixels(fmt: str | None, width: int, height: int) -> None:
    limit = MAX_JPEG_PIXELS if fmt in ("JPEG", "MPO") else MAX_OTHER_PIXELS
    if width * height > limit:
        raise _too_many_pixels(f"{width}×{height} 像素，", limit)


def _write_durable(target: Path, data: bytes) -> None:
    """temp file → fsync → os.replace → fsync the directory, so the rename survives a power cut."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX only; Windows has no directory fsync
        dfd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def write_file_durable(target: str | os.PathLike, data: bytes) -> None:
    """Any small file written the same crash-safe way (temp, fsync, rename, fsync the folder)."""
    _write_durable(Path(target), data)


def has_photo(store: Store, sha256: str) -> bool:
    target = photo_path(paths.photos_dir(store.path), sha256)
    return target.exists() and file_sha256(target) == sha256


def put_photo_bytes(store: Store, sha256: str, data: bytes) -> None:
    """Store a photo that arrived in a sync bundle (its JPEG bytes), under its hash (checked),
    crash-safely, encrypted like every photo here, and before its row is committed; an identical
    photo already there is kept."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError("照片文件与其哈希不符，已拒绝。")
    if not has_photo(store, sha256):
        root = paths.photos_dir(store.path)
        paths.private_dir(root)
        write_photo_file(root, sha256, data)


def _inspection_status(store: Store, inspection_id: str) -> str | None:
    row = store.db.execute(
        "SELECT status FROM inspection WHERE id = ? AND deleted = 0", [inspection_id]
    ).fetchone()
    return row[0] if row else None


def add_photo(
    store: Store,
    path_or_bytes: str | os.PathLike | bytes,
    *,
    inspection_id: str | None = None,
    item_key: str = "",
    finding_id: str | None = None,
    kind: str = "现场",
    caption: str = "",
    photographer: str = "",
    photos_root: str | os.PathLike,
) -> str:
    """Normalise and store a photo, attach it to an inspection (item) and/or finding; return its id.

    The same picture attached twice to the same place returns the existing photo id.
    ``photographer`` defaults to the inspection's officer using this laptop (else its first).
    """
    if kind not in PHOTO_KINDS:
        raise ValueError("照片类型无效，应为：" + "、".join(PHOTO_KINDS) + "。")
    if inspection_id is None and finding_id is None:
        raise ValueError("照片须关联到一次检查或一条隐患。")
    if inspection_id is not None:
        status = _inspection_status(store, inspection_id)
        if status is None:
            raise not_found("该检查记录", "无法添加照片。")
        # A finalised record's evidence is frozen: only a finding's rectification photos may
        # still name the inspection (a 问题 photo would join the record's annex).
        if status == "final" and (finding_id is None or kind not in ("整改", "复查")):
            raise ValueError("检查已定稿，不可再添加现场照片或问题照片；整改照片请在隐患整改中添加。")
    if finding_id is not None:
        require(store, "finding", finding_id, "该隐患记录", hint="无法添加照片。")

    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(path_or_bytes)
    else:
        try:
            size = os.stat(path_or_bytes).st_size  # before reading: a huge file is never loaded
            if size > MAX_PHOTO_BYTES:
                raise _too_large(size)
            data = Path(path_or_bytes).read_bytes()
        except OSError as e:
            raise ValueError(f"无法读取该图片“{path_or_bytes}”：文件不存在或无权限，请重新选择。") from e
    jpeg, width, height, taken_at = normalise_image(data)
    sha = hashlib.sha256(jpeg).hexdigest()
    if file_sha256(photo_path(photos_root, sha)) != sha:
        write_photo_file(photos_root, sha, jpeg)

    with store.write():
        existing = store.db.execute(
            "SELECT id FROM photo WHERE sha256 = ? AND inspection_id IS ? AND finding_id IS ? "
            "AND item_key = ? AND deleted = 0",
            [sha, inspection_id, finding_id, item_key],
        ).fetchone()
        if existing:
            return existing[0]
        row = {
            "sha256": sha,
            "mime": "image/jpeg",
            "width": width,
            "height": height,
            "inspection_id": inspection_id,
            "item_key": item_key,
            "finding_id": finding_id,
            "kind": kind,
            "caption": caption.strip(),
            "photographer": photographer.strip() or _default_photographer(store, inspection_id),
            "taken_at": taken_at or now_iso(),
        }
        store.stamp(row, new=True)
        store.db["photo"].insert(row)
    return row["id"]


def _default_photographer(store: Store, inspection_id: str | None) -> str:
    names = photographer_choices(store, inspection_id)
    return names[0] if names else ""


def photographer_choices(store: Store, inspection_id: str | None) -> list[str]:
    """The names of the inspection's officers, the one using this laptop first: who may have taken
    its photos (the first is the default photographer)."""
    if inspection_id is None:
        return []
    import json

    from ..core import settings as S
    from . import settings

    row = store.db.execute("SELECT officer_ids FROM inspection WHERE id = ?", [inspection_id]).fetchone()
    ids = json.loads(row[0] or "[]") if row else []
    current = str(settings.get(store, S.CURRENT_OFFICER) or "")
    names: list[str] = []
    for oid in ([current] if current in ids else []) + ids:
        name = store.db.execute("SELECT name FROM officer WHERE id = ?", [oid]).fetchone()
        if name and name[0] not in names:
            names.append(name[0])
    return names


def set_photo_details(store: Store, photo_id: str, *, caption: str | None = None,
                      photographer: str | None = None) -> None:
    """The officer's caption (what the photo shows) and who took it, while the inspection is a
    draft; the annex of the 现场检查记录 prints both."""
    with store.write():
        row = require(store, "photo", photo_id, "该照片", columns="inspection_id", hint="请刷新后重试。")
        if row[0] is not None and _inspection_status(store, row[0]) == "final":
            raise ValueError("检查已定稿，照片说明不可修改。")
        update: dict = {}
        if caption is not None:
            if len(caption.strip()) > 200:
                raise ValueError("照片说明不超过200字，请精简。")
            update["caption"] = caption.strip()
        if photographer is not None:
            update["photographer"] = photographer.strip()
        if update:
            store.stamp(update, new=False)
            store.db["photo"].update(photo_id, update)


def photos_for(store: Store, inspection_id: str | None = None, finding_id: str | None = None) -> list[dict]:
    """Live photo rows of an inspection and/or a finding (both given: photos matching both)."""
    if inspection_id is None and finding_id is None:
        return []
    clauses, params = ["deleted = 0"], []
    if inspection_id is not None:
        clauses.append("inspection_id = ?")
        params.append(inspection_id)
    if finding_id is not None:
        clauses.append("finding_id = ?")
        params.append(finding_id)
    cur = store.db.execute(
        f"SELECT * FROM photo WHERE {' AND '.join(clauses)} ORDER BY created_at, id", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def remove_photo(store: Store, photo_id: str) -> None:
    """Tombstone a photo of a draft inspection (or a finding-only photo). The file stays: other
    rows may share it, and the tombstone must sync before anything could be reclaimed."""
    with store.write():
        row = require(store, "photo", photo_id, "该照片", columns="inspection_id", hint="请刷新后重试。")
        if row[0] is not None and _inspection_status(store, row[0]) == "final":
            raise ValueError("检查已定稿，照片作为检查记录的一部分不可删除。")
        update = {"deleted": 1}
        store.stamp(update, new=False)
        store.db["photo"].update(photo_id, update)


__all__ = ["MAX_SIDE", "PHOTO_KINDS", "add_photo", "file_sha256", "has_photo", "heif_supported", "normalise_image",
           "photo_bytes", "photo_path", "photographer_choices", "photos_for", "picture_patterns", "put_photo_bytes",
           "read_file", "relative_path", "remove_photo", "resolve", "set_photo_details", "write_file_durable",
           "write_photo_file"]
