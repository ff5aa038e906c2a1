"""Registry of main-window modules beyond the enterprise registry.

Each entry is (title source string, factory(store, parent) -> QWidget). Kept as a list of import
paths so the start-up path imports a module only when its screen is built.
"""

from __future__ import annotations

import importlib

from ..core.i18n import QT_TRANSLATE_NOOP

# (title, "module:factory")
MODULES: list[tuple[str, str]] = []


def register(title: str, target: str) -> None:
    MODULES.append((title, target))


def registered():
    for title, target in MODULES:
        mod_name, func = target.split(":")
        module = importlib.import_module(mod_name, package=__package__)
        yield title, getattr(module, func)


_ = QT_TRANSLATE_NOOP  # titles below are marked for lupdate
