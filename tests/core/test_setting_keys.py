"""Settings are declared once (core/settings.py): no other module spells a setting's key.

A call site names the option (``settings.get(store, S.TOWNSHIP)``), so a key cannot be misspelt
in one place or read with a different default than the screen that edits it. The scan looks for a
string constant equal to a declared key used as a subscript (``s["township"]``) or as an argument
of ``setting()``, ``set_setting()``, ``put()`` or ``option()``.
"""

import ast
from pathlib import Path

from inspector_app.core import settings as S

PKG = Path(__file__).resolve().parents[2] / "inspector_app"
DECLARED = PKG / "core" / "settings.py"
CALLS = {"setting", "set_setting", "put", "option"}
KEYS = {o.key for o in S.all_options()}


# Plain data dicts that carry a field of the same name (a closed quarter's snapshot records the
# township it was made for): not a setting lookup.
DATA_DICTS = {"snap", "snapshot"}


def _literal_keys(tree: ast.AST):
    for node in ast.walk(tree):
        candidates = []
        if isinstance(node, ast.Subscript) and not (
                isinstance(node.value, ast.Name) and node.value.id in DATA_DICTS):
            candidates = [node.slice]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in CALLS:
                candidates = list(node.args) + [k.value for k in node.keywords]
        for c in candidates:
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value in KEYS:
                yield node.lineno, c.value


def literal_setting_keys(root: Path = PKG) -> list[str]:
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path == DECLARED:
            continue
        for line, key in _literal_keys(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(root)}:{line}: {key!r}")
    return offenders


def test_no_literal_setting_keys_outside_the_declarations():
    offenders = literal_setting_keys()
    assert offenders == [], "use the option in core/settings.py instead:\n" + "\n".join(offenders)


def test_the_scan_finds_a_literal_key():
    code = ('s = township.settings(store)["township"]\n'
            'store.setting("max_fine_unit", 3000)\n'
            'settings.put(store, "bank_name", "x")\n'
            'ok = content["name"], store.setting(S.COURT.key)\n')
    assert [key for _line, key in _literal_keys(ast.parse(code))] == ["township", "max_fine_unit", "bank_name"]
