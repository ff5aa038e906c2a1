"""What an imported workbook may cost, checked on the zip before openpyxl parses a byte of it.

An .xlsx is a zip of XML parts, and openpyxl trusts it: a shared-strings table of ten million
entries is read whole into memory, a sheet that inflates to gigabytes is parsed to the end.
:func:`check_archive` looks at the zip's directory first (declared sizes, ratios, member count) and
streams the shared-strings table counting its entries, so a hostile or broken file is refused
with a Chinese message in bounded time and memory, before the import proper starts.

The declared sizes can be trusted as upper bounds: :mod:`zipfile` never inflates a member past its
declared size (it stops and reports a CRC error), and openpyxl reads through :mod:`zipfile`.

The ledger of the 20,000-enterprise demo is 3.5 MB on disk and 29.5 MB of sheet XML at a ratio of
8, and reading it peaks at 115 MB of Python memory (benchmarks/bench_import_limits.py prints the
figures; an Excel-saved copy keeps its text in shared strings instead, fewer than 25 per row):
the limits leave a county list a wide margin, and hold any input to a few hundred MB.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

MB = 1024 * 1024

MAX_FILE_BYTES = 64 * MB             # the .xlsx on disk
MAX_MEMBERS = 2_000                  # parts in the zip
MAX_UNCOMPRESSED_BYTES = 256 * MB    # all parts together, inflated
MAX_MEMBER_BYTES = 192 * MB          # any one part, inflated (the sheet)
MAX_SHARED_STRINGS_BYTES = 64 * MB   # xl/sharedStrings.xml, inflated
MAX_SHARED_STRINGS = 600_000         # entries in the shared-strings table
MAX_RATIO = 200                      # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 4 * MB                 # small parts may compress as well as they like
MAX_ROWS = 50_000                    # data rows in the sheet read (its declared dimension too)
MAX_COLUMNS = 100                    # columns read per row; the ledger has 25
MAX_MANIFEST_BYTES = 4 * MB          # [Content_Types].xml

_CHUNK = 64 * 1024
_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class LimitError(ValueError):
    """The workbook is beyond what the importer will read; ``str(err)`` is for the officer."""


@dataclass(frozen=True)
class ArchiveFacts:
    members: int
    uncompressed: int
    shared_strings: int      # entries counted (0: the workbook has no shared-strings table)


def _mb(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def _too_big(name: str, what: str) -> LimitError:
    return LimitError(
        f"“{name}”{what}，超出导入上限，未导入任何数据。企业名单一般只有几MB；"
        "如确为名单文件，请在Excel或WPS中删除多余的工作表、图片和空白行列后另存为.xlsx再导入，"
        "或按村（社区）拆分成几个文件分别导入。")


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_big(path.name, f"有{_mb(size)}（上限{_mb(MAX_FILE_BYTES)}）")


def check_archive(path: Path, zf: zipfile.ZipFile) -> ArchiveFacts:
    """Refuse a workbook whose zip is too large, too many-parted, or inflates suspiciously;
    count its shared strings with a bounded streaming read. Raises :class:`LimitError`."""
    name = path.name
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _too_big(name, f"包含{len(infos)}个部件（上限{MAX_MEMBERS}个）")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise LimitError(f"“{name}”内部经过加密，无法读取。请在Excel或WPS中取消密码后另存为.xlsx再导入。")
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise _too_big(name, f"中的“{info.filename}”解压后有{_mb(info.file_size)}（上限{_mb(MAX_MEMBER_BYTES)}）")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LimitError(
                f"“{name}”中的“{info.filename}”压缩比异常（{info.file_size // max(info.compress_size, 1)}倍），"
                "可能是恶意构造的“压缩炸弹”文件，未导入任何数据。请向县局重新索取名单文件。")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _too_big(name, f"解压后共有{_mb(total)}（上限{_mb(MAX_UNCOMPRESSED_BYTES)}）")
    strings = 0
    part = _shared_strings_part(name, zf)
    if part is not None:
        info = zf.getinfo(part)
        if info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise _too_big(name, f"的共享字符串表解压后有{_mb(info.file_size)}（上限{_mb(MAX_SHARED_STRINGS_BYTES)}）")
        strings = count_shared_strings(name, zf, part)
    return ArchiveFacts(members=len(infos), uncompressed=total, shared_strings=strings)


def _shared_strings_part(name: str, zf: zipfile.ZipFile) -> str | None:
    """The shared-strings part as openpyxl finds it: named in [Content_Types].xml (usually
    xl/sharedStrings.xml, but any name is allowed)."""
    names = set(zf.namelist())
    found = None
    if "[Content_Types].xml" in names:
        info = zf.getinfo("[Content_Types].xml")
        if info.file_size > MAX_MANIFEST_BYTES:
            raise _too_big(name, f"的内容清单有{_mb(info.file_size)}")
        try:
            root = ET.fromstring(zf.read(info))
        except ET.ParseError as e:
            raise LimitError(f"“{name}”的内容清单已损坏（{e}），请用Excel或WPS打开后另存为.xlsx再导入。") from e
        for override in root.iter(f"{_CT_NS}Override"):
            if override.get("ContentType") == _SHARED_STRINGS_TYPE:
                found = (override.get("PartName") or "").lstrip("/")
                break
    if found and found in names:
        return found
    return "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else None


def count_shared_strings(name: str, zf: zipfile.ZipFile, part: str) -> int:
    """Count the ``<si>`` entries of the shared-strings table, streaming: the declared count is
    checked first, then the real one, stopping as soon as either passes the limit. Memory stays
    at one entry; time at one pass of expat over at most MAX_SHARED_STRINGS_BYTES."""
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root = None
    count = 0
    try:
        with zf.open(part) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                parser.feed(chunk)
                for event, elem in parser.read_events():
                    if event == "start":
                        depth += 1
                        if root is None:
                            root = elem
                            declared = max(_int(elem.get("count")), _int(elem.get("uniqueCount")))
                            if declared > MAX_SHARED_STRINGS:
                                raise _strings_limit(name, declared)
                        continue
                    depth -= 1
                    if depth == 1:  # a direct child of <sst>: one entry
                        count += 1
                        if count > MAX_SHARED_STRINGS:
                            raise _strings_limit(name, count)
                        root.clear()
            parser.close()
    except ET.ParseError as e:
        raise LimitError(
            f"“{name}”的共享字符串表已损坏或不完整（{e}），未导入任何数据。"
            "请用Excel或WPS打开后另存为.xlsx再导入。") from e
    except LimitError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError) as e:
        raise LimitError(
            f"“{name}”已损坏（共享字符串表无法解压：{e}），未导入任何数据。"
            "请向县局重新索取文件，或用Excel或WPS打开后另存为.xlsx再导入。") from e
    return count


def _strings_limit(name: str, n: int) -> LimitError:
    return _too_big(name, f"的共享字符串表有{n}条以上（上限{MAX_SHARED_STRINGS}条）")


def _int(text: str | None) -> int:
    try:
        return int(text) if text else 0
    except ValueError:
        return 0


def rows_limit_error(name: str, sheet: str, rows: int) -> LimitError:
    return LimitError(
        f"“{name}”的工作表“{sheet}”有{rows}行以上（上限{MAX_ROWS}行），未导入任何数据。"
        "如表格下方有多余内容，请删除后另存；名单很大时请按村（社区）拆分成几个文件分别导入。")
