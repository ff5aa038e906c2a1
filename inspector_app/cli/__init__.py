"""Command line: ``inspector <command> --help``. Shares core and storage with the GUI, no Qt
widgets (the default database location asks QtCore's QStandardPaths).

Layout: ``parser`` builds the parser from the area modules (``registry``, ``inspections``,
``documents``, ``findings``), each with ``register(subparsers)`` and its ``cmd_*`` handlers;
``common`` holds the global options, opening the store, argument types and the error handling.
"""

from __future__ import annotations

from .common import run
from .parser import build_parser

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args.func, args)
