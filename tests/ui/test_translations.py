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


def test_english_fallback(qapp):
    from inspector_app.ui import i18n

    assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "Enterprise registry") == "Enterprise registry"


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
