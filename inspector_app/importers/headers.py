"""The header synonyms of county lists, kept as data in ``resources/import_headers.toml``."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from .. import paths

RESOURCE = "import_headers.toml"


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Field → the header texts that name it, as written in the table."""
    with (paths.resources_dir() / RESOURCE).open("rb") as fh:
        table = tomllib.load(fh)
    out: dict[str, tuple[str, ...]] = {}
    for field, names in table.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ValueError(f"{RESOURCE}：“{field}”应为非空的表头文字列表。")
        out[field] = tuple(names)
    return out
