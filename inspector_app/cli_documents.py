"""Command-line subcommands for findings and enforcement documents:

    inspector documents [--year Y] [--kind KIND]      the document register (执法文书登记簿)
    inspector render DOC_NO OUT.pdf                   print one issued document to a PDF file
    inspector findings [--state S] [--overdue] [--major] [--limit N]
    inspector quarter-listing YEAR Q [--xlsx OUT]     listed major hidden dangers of a quarter

``register(sub)`` adds them to the ``inspector`` parser. No Qt widgets; the quarterly listing
workbook itself is written by ``reports.quarter_listing_xlsx``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .reports.quarter_listing_xlsx import export_quarter_listing

def _store(args):
    from . import paths
    from .storage import open_db

    return open_db(paths.database_path(args.db))


# ---------------------------------------------------------------------------------------------
# commands

def cmd_documents(args) -> int:
    from .core import documents as docs
    from .storage import documents

    if args.kind and args.kind not in docs.KINDS:
        raise ValueError(f"文书种类“{args.kind}”无法识别，可选：{'、'.join(docs.KINDS)}。")
    store = _store(args)
    rows = documents.register(store, year=args.year, kind=args.kind)
    for r in rows:
        served = f"{r['served_at'][:10]} {r['served_how']}" if r["served_at"] else "未送达"
        note = f"  作废：{r['void_reason']}" if r["status"] == "void" else ""
        if r["superseded_by_doc_no"]:
            note += f"  已被{r['superseded_by_doc_no']}更正"
        if r["supersedes_doc_no"]:
            note += f"  更正{r['supersedes_doc_no']}"
        print(f"{r['doc_no']:28} {r['issued_on']} {r['status_label']:3} {r['title']:10} {r['party']}  "
              f"[{r['officers']}] {served}{note}")
    print(f"（{args.year}年共{len(rows)}个文号）")
    for gap in documents.numbering_gaps(store):
        print(f"编号检查：{gap}")
    return 0


def cmd_render(args) -> int:
    from .storage import documents

    store = _store(args)
    row = store.conn.execute("SELECT id FROM document WHERE doc_no = ? AND deleted = 0",
                             [args.doc_no.strip()]).fetchone()
    if row is None:
        raise ValueError(f"找不到文号为“{args.doc_no}”的文书，请用 documents 命令查看登记簿中的文号。")
    data = documents.render_pdf(store, row[0])
    Path(args.out).write_bytes(data)
    print(f"{args.doc_no} → {args.out}（{len(data) // 1024} KB）")
    return 0


def cmd_findings(args) -> int:
    from .core import findings as rules
    from .storage import findings

    if args.state and args.state not in rules.STATES:
        raise ValueError(f"隐患状态“{args.state}”无法识别，可选：{'、'.join(rules.STATES)}。")
    store = _store(args)
    window = findings.reinspection_window(store)
    flt = dict(state=args.state or None, overdue=args.overdue, major=True if args.major else None,
               today=date.today(), window_days=window)
    total = findings.count_findings(store, **flt)
    rows = findings.query_findings(store, **flt, limit=args.limit)
    today = date.today()
    for r in rows:
        late = rules.days_overdue(r, today)
        flags = (f" 逾期{late}天" if late else "") + (" 复查逾期" if r["overdue_reinspection"] else "") \
            + (" 挂牌" if r["listed"] else "")
        print(f"{r['deadline']} {r['grade']} {rules.STATE_LABELS[r['state']]:6} {r['enterprise_name']}："
              f"{r['description'][:40]}{flags}")
    print(f"（共{total}条，显示{len(rows)}条）")
    return 0


def cmd_quarter_listing(args) -> int:
    from .core.findings import STATE_LABELS, quarter_range
    from .storage import findings

    quarter_range(args.year, args.quarter)  # validates (Chinese message)
    store = _store(args)
    if args.xlsx:
        n = export_quarter_listing(store, args.year, args.quarter, args.xlsx)
        print(f"{args.year}年第{args.quarter}季度挂牌督办重大事故隐患{n}条，已导出到 {args.xlsx}")
        return 0
    rows = findings.listed_major_for_quarter(store, args.year, args.quarter)
    for r in rows:
        print(f"{r['listed_on']}→{r['listing_deadline']} {r['listing_body']} {r['listing_doc_no']} "
              f"{STATE_LABELS[r['state']]} {r['enterprise_name']}：{r['description'][:40]}")
    print(f"（{args.year}年第{args.quarter}季度共{len(rows)}条）")
    return 0


def _number(what: str):
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what}应为数字，实为“{text}”") from None
    return parse


def register(sub) -> None:
    """Add the findings and documents subcommands to the ``inspector`` parser's subparsers."""
    from .core import documents as docs
    from .core import findings as rules

    d = sub.add_parser("documents", help="list the document register (执法文书登记簿) of a year",
                       description="Every document number of the year: valid, void or corrected, with the "
                                   "party, officers and service, followed by the numbering check.")
    d.add_argument("--year", type=_number("年份"), default=date.today().year, help="year (default: this year)")
    d.add_argument("--kind", metavar="KIND", help="only this kind: " + ", ".join(docs.KINDS))
    d.set_defaults(func=cmd_documents)

    r = sub.add_parser("render", help="write one issued document to a PDF file",
                       description="Render an issued document from its frozen text (never from current settings).")
    r.add_argument("doc_no", metavar="DOC_NO", help="the document number, e.g. （澄）应急责改〔2026〕A1-7号")
    r.add_argument("out", metavar="OUT.pdf", help="the PDF file to write")
    r.set_defaults(func=cmd_render)

    f = sub.add_parser("findings", help="list hidden dangers (findings) by state, overdue, grade",
                       description="Findings with the earliest deadline first.")
    f.add_argument("--state", metavar="STATE", help="only findings in this state: " + ", ".join(rules.STATES))
    f.add_argument("--overdue", action="store_true",
                   help="only findings overdue for rectification or for re-inspection (today)")
    f.add_argument("--major", action="store_true", help="only major hidden dangers (重大事故隐患)")
    f.add_argument("--limit", type=_number("条数"), default=50, help="rows to print (default 50)")
    f.set_defaults(func=cmd_findings)

    q = sub.add_parser("quarter-listing", help="listed major hidden dangers (挂牌督办) of a quarter",
                       description="Major findings listed for supervision during the quarter or still listed "
                                   "in it (the 16号令 quarterly statistics).")
    q.add_argument("year", type=_number("年份"), metavar="YEAR", help="year, e.g. 2026")
    q.add_argument("quarter", type=_number("季度"), metavar="Q", help="quarter 1–4")
    q.add_argument("--xlsx", metavar="OUT", help="write the list to this Excel workbook instead of printing it")
    q.set_defaults(func=cmd_quarter_listing)


def main(argv=None) -> int:
    """Run these subcommands on their own (``python -m inspector_app.cli_documents``)."""
    p = argparse.ArgumentParser(prog="inspector", description="Findings and enforcement documents.")
    p.add_argument("--db", help="database file (default: the user's data directory; env INSPECTOR_DB)")
    register(p.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, RuntimeError, OSError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
