"""The Chinese font used in every PDF, found once per process.

Order of preference:

1. ``INSPECTOR_PDF_FONT`` (``path``, ``path#subfont-index`` or ``STSong-Light``);
2. Windows 仿宋 ``simfang.ttf`` then 宋体 ``simsun.ttc`` (subfont 0) — the faces of the official forms;
3. the font shipped with the app, ``resources/fonts/wqy-microhei.ttc`` (WenQuanYi Micro Hei,
   Apache-2.0; all of GBK and 〔〕), so a machine without 仿宋/宋体 still embeds a font;
4. only if that file is missing (a broken install): Linux TrueType CJK fonts, WenQuanYi Zen Hei /
   Micro Hei, then any TrueType font that ``fc-list :lang=zh`` reports. CFF-flavoured OpenType
   (Noto CJK ``.otf``/``.ttc``) is skipped: reportlab can only embed TrueType outlines.

The font is always embedded: a printed enforcement document must look the same on every machine
and printer. There is no non-embedded fallback; reportlab's CID font ``STSong-Light`` (the viewer
supplies the face) is used only when ``INSPECTOR_PDF_FONT`` asks for it. Nothing happens at
import time; the first :func:`body_font` call does the work (≈0.1 s for the 5 MB bundled .ttc)
and the result is cached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

FONT_NAME = "InspectorCJK"
CID_FALLBACK = "STSong-Light"
ENV_VAR = "INSPECTOR_PDF_FONT"
# Characters every document prints; a font lacking one would show tofu.
_PROBE = "安全生产行政执法文书责令限期整改指令〔〕（）：；、号年月日□■"


@dataclass(frozen=True)
class FontInfo:
    name: str              # the name registered with reportlab
    path: str | None       # file embedded, None for the CID fallback
    embedded: bool
    subfont_index: int = 0


_lock = threading.Lock()
_info: FontInfo | None = None


def body_font() -> str:
    """Registered reportlab font name for body text (registers on first call)."""
    return font_info().name


def font_info() -> FontInfo:
    global _info
    if _info is None:
        with _lock:
            if _info is None:
                _info = _register()
    return _info


def _windows_candidates() -> list[tuple[str, int]]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    out = []
    for name, idx in (("simfang.ttf", 0), ("simsun.ttc", 0)):
        out.extend((str(d / name), idx) for d in dirs)
    return out


_LINUX = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
)


def _bundled_candidates() -> list[tuple[str, int]]:
    from .. import paths

    return [(str(paths.resources_dir() / "fonts" / "wqy-microhei.ttc"), 0)]


def _fc_list_candidates() -> list[tuple[str, int]]:
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "--format=%{file}|%{index}|%{fontformat}\n"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or parts[2].strip() != "TrueType":
            continue
        if not parts[0].lower().endswith((".ttf", ".ttc")):
            continue
        try:
            found.append((parts[0], int(parts[1] or 0)))
        except ValueError:
            continue
    return sorted(set(found))


def _parse_env(value: str) -> tuple[str, int]:
    path, sep, idx = value.rpartition("#")
    if sep and idx.isdigit():
        return path, int(idx)
    return value, 0


def _try_ttf(path: str, index: int) -> FontInfo | None:
    if not os.path.isfile(path):
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(FONT_NAME, path, subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None  # CFF outlines, damaged or non-TrueType files
    cmap = font.face.charToGlyph
    if any(ord(ch) not in cmap for ch in _PROBE):
        return None
    pdfmetrics.registerFont(font)
    return FontInfo(FONT_NAME, path, True, index)


def _cid_fallback() -> FontInfo:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontInfo(CID_FALLBACK, None, False)


def _register() -> FontInfo:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        if env == CID_FALLBACK:
            return _cid_fallback()
        info = _try_ttf(*_parse_env(env))
        if info:
            return info
        # A wrong override must not stop printing; fall through to the automatic choice.
    for path, idx in (*_windows_candidates(), *_bundled_candidates(), *((p, 0) for p in _LINUX)):
        info = _try_ttf(path, idx)
        if info:
            return info
    for path, idx in _fc_list_candidates():
        info = _try_ttf(path, idx)
        if info:
            return info
    raise RuntimeError("找不到可嵌入PDF的中文字体：程序自带的字体文件 resources/fonts/wqy-microhei.ttc 缺失，"
                       "请重新安装本程序。")


def _reset_for_tests() -> None:
    """Forget the cached choice (tests that exercise the env override)."""
    global _info
    with _lock:
        _info = None
