"""The domain core, storage and reports never import Qt, so they run headless and serve the
command line and the county side; and no layer imports one above it."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "inspector_app"


@pytest.mark.parametrize("layer", ["core", "storage", "reports", "importers", "demo", "sync", "county"])
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


# Who may import whom: a module may import its own layer and any layer with a lower rank.
# reports and importers share a rank (the import report is written with reports' helpers);
# demo sits just below the front ends, so nothing a real township's database reaches imports it.
LAYER_RANK = {
    "": 0,  # the package itself (__version__, APP_NAME) and paths.py: shared by everyone
    "paths": 0,
    "core": 1,
    "storage": 2,
    "reports": 3,
    "importers": 3,
    "sync": 3,  # bundles and the engine-neutral merge (issue 14): over storage, no Qt
    "county": 3,  # the county store (issue 14): over sync
    "demo": 4,
    "ui": 5,
    "cli": 5,
    "cli_documents": 5,
    "cli_extra": 5,
    "__main__": 5,
    "tools": 5,
}


def _layer_of(module: str) -> str:
    """``inspector_app.storage.db`` → ``storage``; ``inspector_app`` → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path, pkg: Path) -> str:
    rel = path.relative_to(pkg.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path, pkg: Path) -> list[tuple[int, str]]:
    """Every ``inspector_app`` module that ``path`` imports, at any depth (inside functions
    too), relative imports resolved; ``from X import name`` yields ``X.name`` as well, since
    the name may be a submodule (``from .. import demo``)."""
    module = _module_name(path, pkg)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names if a.name != "*"]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
              in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))  # importlib.import_module("inspector_app.…")
    return [(line, name) for line, name in found if name.split(".")[0] == PKG.name]


def upward_imports(pkg: Path = PKG) -> list[str]:
    offenders = []
    for path in sorted(pkg.rglob("*.py")):
        here = _layer_of(_module_name(path, pkg))
        assert here in LAYER_RANK, f"{path.relative_to(pkg)}: new top-level module, give it a rank in LAYER_RANK"
        for line, name in _imported_modules(path, pkg):
            there = _layer_of(name)
            if there not in LAYER_RANK:
                continue  # ``from inspector_app import X`` of a non-module name (e.g. APP_NAME)
            if LAYER_RANK[there] > LAYER_RANK[here]:
                offenders.append(f"{path.relative_to(pkg.parent)}:{line} ({here or 'inspector_app'}) imports {name}")
    return offenders


def test_no_layer_imports_a_higher_one():
    """core < storage < reports = importers < demo < ui, cli: an import may only point down (or
    sideways within a rank), so the domain runs without the storage, storage without the
    renderers, and no front end's or demo's code is reachable from a township's data layers."""
    offenders = upward_imports()
    assert offenders == [], "imports pointing up a layer:\n" + "\n".join(offenders)


def test_the_layer_check_sees_imports_hidden_in_functions(tmp_path):
    pkg = tmp_path / PKG.name
    for sub in ("core", "storage", "reports", "demo"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("APP_NAME = 'x'\n")
    (pkg / "core" / "ok.py").write_text("from .. import APP_NAME\nfrom . import ok\n")
    (pkg / "storage" / "docs.py").write_text(
        "from ..core import ok\n\ndef render():\n    from ..reports import pdf\n    from .. import demo\n")
    (pkg / "reports" / "pdf.py").write_text("import inspector_app.storage.docs\n")
    (pkg / "demo" / "load.py").write_text("from ..reports import pdf\nfrom ..storage import docs\n")
    assert upward_imports(pkg) == [
        f"{PKG.name}/storage/docs.py:4 (storage) imports {PKG.name}.reports",
        f"{PKG.name}/storage/docs.py:4 (storage) imports {PKG.name}.reports.pdf",
        f"{PKG.name}/storage/docs.py:5 (storage) imports {PKG.name}.demo",
    ]
