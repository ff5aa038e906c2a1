"""Pinyin keys for search and sorting. pypinyin is imported lazily: it is slow to load and is
only needed when an enterprise is saved, never on the start-up or search path."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _lazy():
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def keys(text: str) -> tuple[str, str]:
    """Return ``(initials, full)`` in lower case; non-Chinese characters are kept as is."""
    lazy_pinyin, Style = _lazy()
    full = lazy_pinyin(text, errors=lambda s: list(s))
    initials = [p[0] for p in full if p and p[0].isalnum()]
    return "".join(initials).lower(), "".join(full).lower()
