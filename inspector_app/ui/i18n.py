"""Install Qt's own translations first, then the application's (Simplified Chinese by default,
English source strings as the fallback)."""

from __future__ import annotations

import os

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

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
    if use_qt_dialogs():
        # The platform's file dialog speaks the system's language (GTK's on an English Linux,
        # Windows' on an English Windows); Qt's own speaks the qtbase translation above.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    return language


def use_qt_dialogs(*, platform: str | None = None, ui_languages: list[str] | None = None) -> bool:
    """Whether to use Qt's own (Chinese) dialogs instead of the platform's: everywhere except a
    Windows or macOS whose own interface is already Chinese (there the native dialog is Chinese
    and knows the network places an officer uses)."""
    platform = platform or sys.platform
    langs = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    chinese_system = bool(langs) and langs[0].lower().startswith("zh")
    return not (platform in ("win32", "darwin") and chinese_system)


def uninstall(app) -> None:
    """Remove the translators installed by :func:`install` (tests switch languages)."""
    while _keep:
        app.removeTranslator(_keep.pop())
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)
