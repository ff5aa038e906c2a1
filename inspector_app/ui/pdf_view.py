from .documents.pdf_view import *  # noqa: F401,F403 — old path, still imported by inspection_ui.py and its tests
