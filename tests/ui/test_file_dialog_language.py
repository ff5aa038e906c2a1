"""Qt's own file dialog is Chinese on every platform (issue 10): the platform's dialog follows the
system language, so the app uses Qt's (with the qtbase translation) unless the system is Chinese
Windows/macOS."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from inspector_app.ui import i18n


def test_which_platforms_use_qt_dialogs():
    assert i18n.use_qt_dialogs(platform="linux", ui_languages=["zh-CN"])      # GTK may be English
    assert i18n.use_qt_dialogs(platform="linux", ui_languages=["en-US"])
    assert i18n.use_qt_dialogs(platform="win32", ui_languages=["en-US"])      # English Windows
    assert not i18n.use_qt_dialogs(platform="win32", ui_languages=["zh-CN", "en-US"])
    assert not i18n.use_qt_dialogs(platform="darwin", ui_languages=["zh-Hans-CN"])


def test_the_file_dialog_speaks_chinese(qtbot, qapp, monkeypatch):
    monkeypatch.setattr(i18n, "use_qt_dialogs", lambda **_k: True)
    try:
        i18n.install(qapp, "zh_CN")
        assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        dlg = QFileDialog(None, "导入企业名单")
        qtbot.addWidget(dlg)
        dlg.show()
        texts = {lab.text() for lab in dlg.findChildren(QLabel)}
        assert "Look in:" not in texts and any("查找" in t or "文件名" in t for t in texts), texts
    finally:
        i18n.uninstall(qapp)
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
