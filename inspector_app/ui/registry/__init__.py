"""The enterprise registry (一企一档): the list, the dossier form, import and export, obligations.

Only the list is imported here (the main window opens on it, and the enterprise picker reuses
it); the dialogs are imported by whoever opens them, off the start-up path.
"""

from .registry import RegistryModel, RegistryWidget

__all__ = ["RegistryModel", "RegistryWidget"]
