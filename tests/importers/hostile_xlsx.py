"""Hostile and broken .xlsx files, generated: bombs are streamed into the zip so the test never
holds their inflated size in memory."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from tests.fixtures.make_xlsx import code

CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

ROOT_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="企业名单" sheetId="1" r:id="rId1"/></sheets>
</workbook>""".encode()

WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' \
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
HEADERS = ["企业名称", "统一社会信用代码", "经营地址", "所在村（社区）"]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline_row(r: int, values: list) -> bytes:
    cells = []
    for i, v in enumerate(values):
        col = chr(ord("A") + i)
        if v is None:
            continue
        if isinstance(v, (int, float)):
            cells.append(f'<c r="{col}{r}"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{col}{r}" t="inlineStr"><is><t>{_esc(str(v))}</t></is></c>')
    return f'<row r="{r}">{"".join(cells)}</row>'.encode()


def sheet_xml(rows: Iterable[bytes], *, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    return SHEET_HEAD + dim + b"<sheetData>" + b"".join(rows) + b"</sheetData></worksheet>"


def enterprise_row(i: int, name: str = "江阴市测试{i}号机械厂") -> bytes:
    """Excel row ``i + 2``: a good enterprise (distinct name and credit code per ``i``)."""
    return inline_row(i + 2, [name.format(i=i), code(i + 1), f"测试路{i}号", "璜土村"])


def good_sheet(n: int = 3, name: str = "江阴市测试{i}号机械厂") -> bytes:
    return sheet_xml([inline_row(1, HEADERS)] + [enterprise_row(i, name) for i in range(n)])


def write_parts(path: Path, parts: dict[str, bytes | Iterable[bytes]], *, level: int = 9) -> Path:
    """A zip of ``parts``; a part given as an iterable of chunks is streamed in."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in parts.items():
            if isinstance(data, bytes):
                zf.writestr(name, data)
            else:
                with zf.open(name, "w", force_zip64=True) as fh:
                    for chunk in data:
                        fh.write(chunk)
    return path


def workbook(path: Path, *, sheet: bytes | Iterable[bytes] | None = None,
             shared: bytes | Iterable[bytes] | None = None, level: int = 9) -> Path:
    """A minimal workbook: the given sheet (default: three good rows) and shared strings."""
    parts: dict[str, bytes | Iterable[bytes]] = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": good_sheet() if sheet is None else sheet,
        "xl/sharedStrings.xml": shared if shared is not None else shared_strings_xml(["x"]),
    }
    return write_parts(path, parts, level=level)


def shared_strings_xml(strings: list[str], *, count: int | None = None) -> bytes:
    n = len(strings) if count is None else count
    body = "".join(f"<si><t>{_esc(s)}</t></si>" for s in strings)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" '
            f'uniqueCount="{n}">{body}</sst>').encode()


def shared_strings_stream(n: int, *, count: int = 1, distinct: bool = False, chunk: int = 20_000):
    """``n`` entries (identical, or distinct short strings), declaring ``count``: a bomb."""
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
           f'uniqueCount="{count}">').encode()
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        if distinct:
            yield "".join(f"<si><t>s{i:x}</t></si>" for i in range(start, stop)).encode()
        else:
            yield b"<si><t>x</t></si>" * (stop - start)
    yield b"</sst>"


def repeated(head: bytes, unit: bytes, total: int, tail: bytes, *, chunk: int = 1 << 20):
    """``head``, then ``unit`` repeated to about ``total`` bytes, then ``tail``, in chunks."""
    yield head
    block = unit * max(1, chunk // len(unit))
    written = 0
    while written < total:
        yield block
        written += len(block)
    yield tail


def replace_member(src: Path, dst: Path, name: str, data: bytes) -> Path:
    """A copy of the zip ``src`` with member ``name`` replaced by ``data`` (stored as given)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info))
    return dst
