"""Pinyin keys for search and sorting. pypinyin is imported lazily: it is slow to load and is
only needed when an enterprise is saved, never on the start-up or search path."""

from __future__ import annotations

from functools import lru_cache

# Legal-form suffixes carry no meaning for search, and their initials ("yxgs") would let a
# subsequence query like "jyhg" match nearly every company. They are left out of the initials.
_FORM_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "公司")


@lru_cache(maxsize=1)
def _lazy():
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def keys(text: str) -> tuple[str, str]:
    """Return ``(initials, full)`` in lower case; non-Chinese characters are kept as is.

    ``initials`` covers the name without its legal-form suffix; ``full`` covers the whole name
    (it is also the sort key that puts names in the order officers expect).
    """
    lazy_pinyin, _style = _lazy()
    full = lazy_pinyin(text, errors=lambda s: list(s))
    stem = text
    for suffix in _FORM_SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    stem_py = full[: len(lazy_pinyin(stem, errors=lambda s: list(s)))]
    initials = [p[0] for p in stem_py if p and p[0].isalnum()]
    return "".join(initials).lower(), "".join(full).lower()
