"""The domain core, storage and reports never import Qt, so they run headless and serve the
command line and the county side."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "inspector_app"


@pytest.mark.parametrize("layer", ["core", "storage", "reports", "importers"])
def test_layer_has_no_qt_imports(layer):
    offenders = []
    for path in (PKG / layer).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(f"{path.relative_to(PKG)}:{node.lineno}")
    assert offenders == []
