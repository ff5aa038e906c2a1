"""Install Qt's own translations first, then the application's (Simplified Chinese by default,
English source strings as the fallback)."""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

_keep: list[QTranslator] = []


def install(app, language: str | None = None) -> str:
    """Install translators on ``app``; returns the language in use ("zh_CN" or "en")."""
    language = language or os.environ.get("INSPECTOR_LANG") or "zh_CN"
    if language.startswith("en"):
        return "en"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase", qt_dir), ("inspector", str(resources_dir() / "translations"))):
        tr = QTranslator(app)
        if tr.load(f"{name}_{language}", directory):
            app.installTranslator(tr)
            _keep.append(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return language


def uninstall(app) -> None:
    """Remove the translators installed by :func:`install` (tests switch languages)."""
    while _keep:
        app.removeTranslator(_keep.pop())
