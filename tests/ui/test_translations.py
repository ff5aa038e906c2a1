"""The interface is Simplified Chinese by default: every source string in the code has a finished
zh_CN translation, the compiled catalogue loads, and English stays available as the fallback."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "inspector_zh_CN.ts"
QM = TS.with_suffix(".qm")


def messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            yield name, m


def test_every_message_is_translated():
    missing = []
    for ctx, m in messages(TS):
        tr = m.find("translation")
        texts = [n.text for n in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            missing.append(f"{ctx}: {m.find('source').text}")
    assert missing == []


def test_placeholders_survive_translation():
    for ctx, m in messages(TS):
        src = m.find("source").text
        tr = m.find("translation")
        texts = [n.text for n in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text]
        for text in texts:
            assert sorted(re.findall(r"%\d", src)) == sorted(re.findall(r"%\d", text or "")), (ctx, src, text)
            if src.count("&") == 1 and "&&" not in src:  # keyboard accelerators stay usable
                assert "&" in text, (ctx, src, text)


def test_accelerators_use_one_bracket_style():
    # Qt's Chinese convention, as every other button here: 打印(&P)… — never full-width （&P）.
    odd = []
    for ctx, m in messages(TS):
        tr = m.find("translation")
        texts = [n.text for n in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text]
        odd += [f"{ctx}: {t}" for t in texts if t and re.search(r"（&[^&]", t)]
    assert odd == []


def test_catalogue_is_up_to_date_with_the_code(tmp_path):
    """Re-extracting the strings finds nothing the committed catalogue lacks."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh_zh_CN.ts"
    fresh.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN"></TS>')
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "inspector_app").rglob("*.py"))
    subprocess.run([str(lupdate) if lupdate.exists() else "pyside6-lupdate", *sources, "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    have = {(c, m.find("source").text) for c, m in messages(TS)}
    need = {(c, m.find("source").text) for c, m in messages(fresh)}
    assert sorted(need - have) == []


def test_app_translator_makes_the_interface_chinese(qapp):
    from inspector_app.ui import i18n

    assert QM.exists(), "run scripts/bootstrap.sh (it compiles the translations)"
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Enterprise registry") == "企业台账"
        # Qt's own dialogs come translated too (qtbase catalogue loaded first).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.uninstall(qapp)
    assert QCoreApplication.translate("MainWindow", "Enterprise registry") == "Enterprise registry"


def test_english_fallback(qapp, monkeypatch):
    from inspector_app.ui import i18n

    assert QM.exists(), "run scripts/bootstrap.sh (it compiles the translations)"
    try:
        # With the Chinese catalogue live (the check below would see it), a string the catalogue
        # lacks shows its English source instead of nothing.
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Enterprise registry") == "企业台账"
        assert QCoreApplication.translate("MainWindow", "No catalogue has this string") == \
            "No catalogue has this string"
    finally:
        i18n.uninstall(qapp)
    # INSPECTOR_LANG=en installs no catalogue: the interface is the English source.
    monkeypatch.setenv("INSPECTOR_LANG", "en")
    try:
        assert i18n.install(qapp) == "en"
        assert QCoreApplication.translate("MainWindow", "Enterprise registry") == "Enterprise registry"
    finally:
        i18n.uninstall(qapp)


def test_no_translation_call_inside_an_f_string():
    """lupdate does not parse f-string expressions: a tr() there never reaches the catalogue and
    the officer sees English."""
    import ast

    offenders = []
    for path in (ROOT / "inspector_app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    fn = inner.func
                    name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
                    if name in ("tr", "translate", "QT_TRANSLATE_NOOP"):
                        offenders.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert offenders == []


def _translate_wrappers(tree) -> dict[str, str]:
    """Module-level helpers of the form ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    import ast

    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for sub in ast.walk(node):
            if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "translate"
                    and len(sub.args) >= 2 and isinstance(sub.args[0], ast.Constant)
                    and isinstance(sub.args[1], ast.Name) and sub.args[1].id == param):
                found[node.name] = sub.args[0].value
    return found


def test_strings_passed_through_translate_helpers_are_in_the_catalogue():
    """lupdate cannot see ``_tr("…")`` through a helper: such a string would stay English in the
    Chinese interface although every catalogue entry is translated. Each literal passed to a
    translate helper must be in the catalogue under the helper's context (mark it with
    QT_TRANSLATE_NOOP or call QCoreApplication.translate directly)."""
    import ast

    have = {(c, m.find("source").text) for c, m in messages(TS)}
    missing, checked = [], 0
    for path in sorted((ROOT / "inspector_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _translate_wrappers(tree)
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                checked += 1
                if (wrappers[node.func.id], node.args[0].value) not in have:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {wrappers[node.func.id]}: {node.args[0].value!r}")
    assert missing == [], f"{len(missing)} of {checked} literals passed to translate helpers"


def test_the_helper_scan_finds_a_hidden_string():
    import ast

    tree = ast.parse('from PySide6.QtCore import QCoreApplication\n'
                     'def _tr(text):\n    return QCoreApplication.translate("Ctx", text)\n'
                     'label = _tr("Hidden")\n')
    assert _translate_wrappers(tree) == {"_tr": "Ctx"}
