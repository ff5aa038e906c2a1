"""Enforcement documents:

    inspector documents [--year Y] [--kind KIND]      the document register (执法文书登记簿)
    inspector render DOC_NO OUT.pdf                   print one issued document to a PDF file
"""

from __future__ import annotations

from pathlib import Path

from ..core import clock
from .common import number, store


def cmd_documents(args) -> int:
    from ..core import documents as docs
    from ..storage import documents

    if args.kind and args.kind not in docs.KINDS:
        raise ValueError(f"文书种类“{args.kind}”无法识别，可选：{'、'.join(docs.KINDS)}。")
    year = args.year if args.year is not None else clock.today().year
    s = store(args)
    rows = documents.register(s, year=year, kind=args.kind)
    for r in rows:
        served = f"{r['served_at'][:10]} {r['served_how']}" if r["served_at"] else "未送达"
        note = f"  作废：{r['void_reason']}" if r["status"] == "void" else ""
        if r["superseded_by_doc_no"]:
            note += f"  已被{r['superseded_by_doc_no']}更正"
        if r["supersedes_doc_no"]:
            note += f"  更正{r['supersedes_doc_no']}"
        print(f"{r['doc_no']:28} {r['issued_on']} {r['status_label']:3} {r['title']:10} {r['party']}  "
              f"[{r['officers']}] {served}{note}")
    print(f"（{year}年共{len(rows)}个文号）")
    for gap in documents.numbering_gaps(s):
        print(f"编号检查：{gap}")
    return 0


# What a keyboard gives for the brackets of a document number: 〔2026〕 is hard to type, so
# [2026], ［2026］ and (澄) / （澄） are read as the printed forms.
_DOC_NO_FORMS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕",
                               "(": "（", ")": "）", " ": None, "\u3000": None})


def normalise_doc_no(text: str) -> str:
    """The document number as printed, from what was typed (brackets and spaces)."""
    return text.strip().translate(_DOC_NO_FORMS)


def cmd_render(args) -> int:
    from ..reports import pdf_documents

    s = store(args)
    row = s.conn.execute("SELECT id FROM document WHERE doc_no = ? AND deleted = 0",
                         [normalise_doc_no(args.doc_no)]).fetchone()
    if row is None:
        raise ValueError(f"找不到文号为“{args.doc_no}”的文书，请用 documents 命令查看登记簿中的文号。")
    data = pdf_documents.render_document(s, row[0])
    Path(args.out).write_bytes(data)
    print(f"{args.doc_no} → {args.out}（{len(data) // 1024} KB）")
    return 0


def register(sub) -> None:
    from ..core import documents as docs

    d = sub.add_parser("documents", help="list the document register (执法文书登记簿) of a year",
                       description="Every document number of the year: valid, void or corrected, with the "
                                   "party, officers and service, followed by the numbering check.")
    # The year is resolved when the command runs (clock.today()), not when the parser is built.
    d.add_argument("--year", type=number("年份"), default=None, help="year (default: this year)")
    d.add_argument("--kind", metavar="KIND", help="only this kind: " + ", ".join(docs.KINDS))
    d.set_defaults(func=cmd_documents)

    r = sub.add_parser("render", help="write one issued document to a PDF file",
                       description="Render an issued document from its frozen text (never from current settings).")
    r.add_argument("doc_no", metavar="DOC_NO", help="the document number, e.g. （澄）应急责改〔2026〕A1-7号")
    r.add_argument("out", metavar="OUT.pdf", help="the PDF file to write")
    r.set_defaults(func=cmd_render)
