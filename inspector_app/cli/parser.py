"""The one place that builds the ``inspector`` parser.

Each area module exposes ``register(subparsers)`` (adding its subcommands, each with
``set_defaults(func=handler)``); a new area is one module plus one entry in ``AREAS``. The order
of ``AREAS`` is the order of the commands in ``inspector --help``.
"""

from __future__ import annotations

import argparse

from . import access, bundle, common, county, documents, escalation, findings, inspections, ledgers, registry, trust

AREAS = (registry, inspections, documents, findings, escalation, ledgers, trust, access, bundle, county)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="inspector", description="Township work-safety inspector (command line).")
    common.add_global_options(p)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in AREAS:
        area.register(sub)
    # Global options are accepted after the command name too; SUPPRESS keeps a value given
    # before it (argparse copies every subparser default over the top-level namespace).
    seen: set[int] = set()
    for command in sub.choices.values():
        if id(command) not in seen:  # an alias maps to the same parser
            seen.add(id(command))
            common.add_global_options(command, default=argparse.SUPPRESS)
    return p
