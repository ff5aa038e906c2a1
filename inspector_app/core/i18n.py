"""Translation markers usable without Qt.

Core code marks user-visible labels with ``QT_TRANSLATE_NOOP(context, text)`` so that
``pyside6-lupdate`` extracts them; the UI translates them later with
``QCoreApplication.translate(context, text)``. Error messages raised by the core are
written in Chinese directly when they describe legal or domain facts the officer reads
verbatim (documents are Chinese only); labels use this marker.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name
    return text
