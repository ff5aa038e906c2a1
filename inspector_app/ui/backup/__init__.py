"""Backups in the GUI: the backup dialog, the restore dialog, confirming the number series after a
restore, and the start-up hook (automatic daily backup, reminder, incremental verification).

The main window wires three menu entries and one call at start (see ``startup``)::

    from .backup import BackupDialog, RestoreDialog, SeriesConfirmDialog, startup
"""

from .dialogs import BackupDialog, RestoreDialog, SeriesConfirmDialog, restore_interactive
from .startup import startup

__all__ = ["BackupDialog", "RestoreDialog", "SeriesConfirmDialog", "restore_interactive", "startup"]
