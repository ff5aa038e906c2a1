"""A generated demo township (璜土镇, 江阴市) and its recent enforcement history, for
demonstrations, training, screenshots and load tests.

Built only on the public core and storage API (the calls the screens and the command line
make), so it doubles as an example of driving the application from code. Nothing below the UI
imports this package: a real township's database can never reach it. Entry points:

* :func:`generate` — a township in memory (settings, villages, officers, enterprises);
* :func:`load_demo` — store it in an open database, with its history;
* :func:`create_demo_database` — both, into a new database file (the CLI ``demo`` command and
  the GUI's ``--demo`` flag);
* :func:`add_history` — the history alone, for a township already stored.
"""

from .history import HISTORY_MIN_ENTERPRISES, add_history, default_inspections
from .loader import create_demo_database, load_demo, wants_history
from .township import DemoTownship, generate

__all__ = ["DemoTownship", "HISTORY_MIN_ENTERPRISES", "add_history", "create_demo_database",
           "default_inspections", "generate", "load_demo", "wants_history"]
