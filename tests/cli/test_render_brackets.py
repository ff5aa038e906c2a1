"""`inspector render` takes the document number as typed: 〔〕 or [] (or ［］) and (澄)."""

import pytest

from inspector_app.cli.documents import normalise_doc_no
from tests.cli.test_documents_findings import db, ent, issue_order, run  # noqa: F401 (fixtures)


@pytest.mark.parametrize("typed", ["{abbr}应急责改〔{y}〕{rest}", "{abbr}应急责改[{y}]{rest}",
                                   "{abbr}应急责改［{y}］{rest}", " {abbr2}应急责改 [{y}] {rest} "])
def test_render_accepts_the_usual_brackets(db, ent, tmp_path, typed):  # noqa: F811
    doc = issue_order(db, ent)
    no = doc["doc_no"]                            # e.g. （澄）应急责改〔2026〕A1-1号
    abbr, rest = no.split("应急责改")
    year, tail = rest[1:].split("〕")
    text = typed.format(abbr=abbr, abbr2=abbr.replace("（", "(").replace("）", ")"), y=year, rest=tail)
    assert normalise_doc_no(text) == no
    out = tmp_path / "d.pdf"
    assert run(db, "render", text, str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
