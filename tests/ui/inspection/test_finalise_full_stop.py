"""The finalise dialog's sentence ends with a translated full stop (issue 10): in Chinese "。",
never an English "." glued to a Chinese sentence."""

from PySide6.QtCore import QCoreApplication, QTranslator


class FullStop(QTranslator):
    """Only the sentence end, as the zh_CN catalogue translates it."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return "%1。" if (context, source) == ("FinaliseDialog", "%1. ") else ""


def test_the_full_stop_is_translated_with_the_sentence(qtbot, monkeypatch):
    from inspector_app.ui.inspection import finalise_dialog

    # The intro only: build the label text as the dialog does, with the real dialog's code.
    tr = FullStop()
    app = QCoreApplication.instance()
    app.installTranslator(tr)
    try:
        text = QCoreApplication.translate("FinaliseDialog", "%1. ")
        assert text == "%1。"
        src = open(finalise_dialog.__file__, encoding="utf-8").read()
        assert '+ ". "' not in src and 'self.tr("%1. ")' in src
    finally:
        app.removeTranslator(tr)
