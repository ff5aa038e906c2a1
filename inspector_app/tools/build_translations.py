"""Compile resources/translations/*.ts into .qm with pyside6-lrelease (run by the bootstrap
script and by build.spec). ``--update`` first re-extracts source strings with pyside6-lupdate."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def _candidates(name: str) -> list[Path]:
    """Where ``pyside6-<name>`` may be, for this interpreter, without an activated venv.

    The PySide6 wheel carries the Qt tool itself (``PySide6/lrelease``, ``lrelease.exe`` on
    Windows); the ``pyside6-lrelease`` launcher is in the environment's ``bin``/``Scripts``."""
    exe = ".exe" if sys.platform == "win32" else ""
    found = []
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.origin:
        found.append(Path(spec.origin).parent / f"{name}{exe}")
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        found.append(folder / f"pyside6-{name}{exe}")
    return found


def _tool(name: str) -> str:
    for path in _candidates(name):
        if path.is_file():
            return str(path)
    found = shutil.which(f"pyside6-{name}")  # on PATH (PATHEXT finds the .exe on Windows)
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 into this environment")
    return found


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "inspector_app").rglob("*.py"))
    for ts in TS_DIR.glob("*.ts"):
        subprocess.run([_tool("lupdate"), *sources, "-ts", str(ts.relative_to(ROOT)), "-no-obsolete"],
                       check=True, cwd=ROOT)


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
    release()
