"""Re-extract the zh_CN catalogue and carry translations over to moved or new strings.

    .venv/bin/python scripts/fill_translations.py [pending.tsv ...]

Runs pyside6-lupdate (``build_translations.update``), then fills every unfinished message from, in
order: the TSV files given (``context<TAB>source<TAB>translation``, as parallel branches leave them
in resources/translations/pending/), the catalogue as it was before (same context and source), and
the old catalogue's translation of the same source text in another context (a class that moved or
was renamed). Prints what is still unfinished; the translation tests fail on those.
"""

from __future__ import annotations

import copy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TS = ROOT / "resources" / "translations" / "inspector_zh_CN.ts"


def messages(tree: ET.ElementTree):
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source"), msg


def finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = tr.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((tr.text or "").strip())


def main(argv: list[str]) -> int:
    from inspector_app.tools import build_translations

    old = ET.parse(TS)
    by_key, by_source = {}, {}
    for ctx, src, msg in messages(old):
        if finished(msg):
            by_key[(ctx, src)] = msg.find("translation")
            by_source.setdefault(src, msg.find("translation"))
    pending = {}
    for f in argv:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ctx, src, text = line.split("\t")
                pending[(ctx, src.replace("\\n", "\n"))] = text.replace("\\n", "\n")

    build_translations.update()
    new = ET.parse(TS)
    missing = []
    for ctx, src, msg in messages(new):
        if finished(msg):
            continue
        tr = msg.find("translation")
        if (ctx, src) in pending:
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                # Chinese has one plural form: every numerusform gets the same text.
                forms = tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]
                for form in forms:
                    form.text = pending[(ctx, src)]
            else:
                tr.text = pending[(ctx, src)]
            continue
        found = by_key.get((ctx, src)) or by_source.get(src)
        if found is not None and (msg.get("numerus") == "yes") == bool(found.findall("numerusform")):
            msg.remove(tr)
            msg.append(copy.deepcopy(found))
            continue
        missing.append((ctx, src))
    # Keep lupdate's own layout: only translation elements changed; ElementTree drops the doctype.
    new.write(TS, encoding="utf-8", xml_declaration=True)
    text = TS.read_text(encoding="utf-8")
    head, _, body = text.partition("\n")
    TS.write_text(f"{head}\n<!DOCTYPE TS>\n{body}" + ("" if body.endswith("\n") else "\n"), encoding="utf-8")
    for ctx, src in missing:
        print(f"unfinished: {ctx}\t{src!r}")
    print(f"{len(missing)} unfinished")
    build_translations.release()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
