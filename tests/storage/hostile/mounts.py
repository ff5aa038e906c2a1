"""Small filesystems for the hostile-storage tests: a tiny tmpfs (disk full) and a read-only
mount, when the tests run as root on Linux; otherwise those tests fall back or skip."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(target: Path, size: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target)],
                         capture_output=True)
    return run.returncode == 0


@pytest.fixture
def tiny_fs(tmp_path):
    """A folder on a 1.5 MB tmpfs (root on Linux), else skip."""
    if not _can_mount():
        pytest.skip("needs root on Linux to mount a tiny tmpfs")
    target = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    if not _mount(target, "1536k"):
        pytest.skip("mount not permitted here")
    yield target
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def remount_ro(tmp_path):
    """(folder, make_read_only): a tmpfs that the test fills, then remounts read-only. Root on
    Linux only (root ignores permission bits, so chmod would prove nothing)."""
    if not _can_mount():
        pytest.skip("needs root on Linux to remount read-only")
    target = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    if not _mount(target, "32m"):
        pytest.skip("mount not permitted here")

    def make_read_only() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(target)], check=True, capture_output=True)

    yield target, make_read_only
    subprocess.run(["umount", "-l", str(target)], capture_output=True)
