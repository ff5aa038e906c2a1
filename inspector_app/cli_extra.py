"""Subcommands of later modules (inspections, findings, documents, ledgers, sync)."""

from __future__ import annotations


def register(sub) -> None:
    """Add subcommands to the ``inspector`` parser. Modules append themselves here."""
