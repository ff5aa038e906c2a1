"""Dates are parsed in one place (core/dates.py, one message) and converted to and from Qt in
one place (ui/widgets/dates.py): a screen that parses text itself would answer bad input with
its own message, or none."""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "inspector_app"
PARSERS = {"fromisoformat", "strptime"}
# clock.py reads its test override before core.dates could be imported; photos.py reads EXIF's
# own "2026:03:15 09:30:00" form, which is not a date an officer types.
MAY_PARSE = {"core/dates.py", "core/clock.py", "storage/photos.py"}
QT_CONVERSIONS = {"QDate", "QDateTime", "toPython"}
MAY_CONVERT = {"ui/widgets/dates.py"}


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            yield node.lineno, f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def offenders(names: set[str], allowed: set[str], root: Path = PKG) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel not in allowed:
            out += [f"{rel}:{line}: {name}()" for line, name in _calls(path) if name in names]
    return out


def test_dates_are_parsed_only_in_core_dates():
    assert offenders(PARSERS, MAY_PARSE) == []


def test_qt_dates_are_converted_only_in_widgets_dates():
    assert offenders(QT_CONVERSIONS, MAY_CONVERT) == []


def test_the_scan_sees_a_parser_call(tmp_path):
    (tmp_path / "screen.py").write_text("from datetime import date\nd = date.fromisoformat(text)\n"
                                        "q = QDate(d)\n", encoding="utf-8")
    assert offenders(PARSERS, set(), tmp_path) == ["screen.py:2: fromisoformat()"]
    assert offenders(QT_CONVERSIONS, set(), tmp_path) == ["screen.py:3: QDate()"]
