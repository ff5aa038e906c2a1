"""No Python file in the package is longer than 800 lines: past that a module holds more than
one job (issue 7), and it is time to split it into a room of its own."""

from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "inspector_app"
MAX_LINES = 800
EXCLUDED: set[str] = set()  # none: every module keeps to one job


def long_modules(root: Path = PKG, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit and rel not in EXCLUDED:
            out.append((rel, n))
    return out


def test_no_module_is_longer_than_800_lines():
    offenders = long_modules()
    print("\n".join(f"{rel}: {n} lines" for rel, n in offenders))
    assert offenders == [], "split these modules: " + ", ".join(f"{rel} ({n} lines)" for rel, n in offenders)


def test_the_count_sees_a_long_file(tmp_path):
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    assert long_modules(tmp_path) == [("long.py", MAX_LINES + 1)]
