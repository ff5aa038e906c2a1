"""Reading and writing the declared settings (``core.settings``) in the ``setting`` table.

    from ..core import settings as S
    from . import settings

    days = settings.get(store, S.REINSPECTION_WINDOW)          # an int, 10 unless changed
    settings.put(store, S.MAX_FINE_UNIT, 1000)                 # checked, then written
    settings.put_many(store, {S.BANK_NAME: "…", S.BANK_ACCOUNT: "…"})  # one transaction

The table keeps one JSON value per key (``Store.setting``/``Store.set_setting``, unchanged), so
databases written before the registry existed read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..core.settings import MISSING, Option, all_options
from .db import Store

def get(store: Store, option: Option) -> Any:
    """The typed value of ``option`` (its default when unset or unusable)."""
    return option.from_stored(store.setting(option.key, MISSING))


def get_many(store: Store, options: Iterable[Option] | None = None) -> dict[str, Any]:
    """``{key: value}`` of ``options`` (all declared settings by default), in one query."""
    options = list(all_options() if options is None else options)
    marks = ",".join("?" * len(options))
    import json

    stored = {k: json.loads(v) for k, v in store.conn.execute(
        f"SELECT key, value FROM setting WHERE key IN ({marks})", [o.key for o in options])}
    return {o.key: o.from_stored(stored.get(o.key, MISSING)) for o in options}


def put(store: Store, option: Option, value: Any) -> Any:
    """Check ``value`` (ValueError in Chinese) and store it; returns the value as stored."""
    value = option.check(value)
    store.set_setting(option.key, value)
    return value


def put_many(store: Store, values: Mapping[Option, Any]) -> dict[str, Any]:
    """Check every value first, then store them all in one transaction (all or nothing)."""
    checked = {option: option.check(value) for option, value in values.items()}
    with store.write():
        for option, value in checked.items():
            store.set_setting(option.key, value)
    return {option.key: value for option, value in checked.items()}


__all__ = ["get", "get_many", "put", "put_many"]
