"""Compile resources/translations/*.ts into .qm with pyside6-lrelease (run by the bootstrap
script and by build.spec). ``--update`` first re-extracts source strings with pyside6-lupdate."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "inspector_app").rglob("*.py"))
    for ts in TS_DIR.glob("*.ts"):
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts.relative_to(ROOT)), "-no-obsolete"],
                       check=True, cwd=ROOT)


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
    release()
