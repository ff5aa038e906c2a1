"""Hidden dangers (findings):

    inspector findings [--state S] [--overdue] [--major] [--limit N]
    inspector quarter-listing YEAR Q [--xlsx OUT]     listed major hidden dangers of a quarter

The quarterly listing workbook itself is written by ``reports.quarter_listing_xlsx``.
"""

from __future__ import annotations

from ..core import clock
from .common import number, store


def cmd_findings(args) -> int:
    from ..core import findings as rules
    from ..storage import findings

    if args.state and args.state not in rules.STATES:
        raise ValueError(f"隐患状态“{args.state}”无法识别，可选：{'、'.join(rules.STATES)}。")
    s = store(args)
    today = clock.today()
    window = findings.reinspection_window(s)
    flt = dict(state=args.state or None, overdue=args.overdue, major=True if args.major else None,
               today=today, window_days=window)
    total = findings.count_findings(s, **flt)
    rows = findings.query_findings(s, **flt, limit=args.limit)
    for r in rows:
        late = rules.days_overdue(r, today)
        flags = (f" 逾期{late}天" if late else "") + (" 复查逾期" if r["overdue_reinspection"] else "") \
            + (" 挂牌" if r["listed"] else "")
        print(f"{r['deadline']} {r['grade']} {rules.STATE_LABELS[r['state']]:6} {r['enterprise_name']}："
              f"{r['description'][:40]}{flags}")
    print(f"（共{total}条，显示{len(rows)}条）")
    return 0


def cmd_quarter_listing(args) -> int:
    from ..core.findings import STATE_LABELS, quarter_range
    from ..reports.quarter_listing_xlsx import export_quarter_listing
    from ..storage import findings

    quarter_range(args.year, args.quarter)  # validates (Chinese message)
    s = store(args)
    if args.xlsx:
        n = export_quarter_listing(s, args.year, args.quarter, args.xlsx)
        print(f"{args.year}年第{args.quarter}季度挂牌督办重大事故隐患{n}条，已导出到 {args.xlsx}")
        return 0
    rows = findings.listed_major_for_quarter(s, args.year, args.quarter)
    for r in rows:
        print(f"{r['listed_on']}→{r['listing_deadline']} {r['listing_body']} {r['listing_doc_no']} "
              f"{STATE_LABELS[r['state']]} {r['enterprise_name']}：{r['description'][:40]}")
    print(f"（{args.year}年第{args.quarter}季度共{len(rows)}条）")
    return 0


def register(sub) -> None:
    from ..core import findings as rules

    f = sub.add_parser("findings", help="list hidden dangers (findings) by state, overdue, grade",
                       description="Findings with the earliest deadline first.")
    f.add_argument("--state", metavar="STATE", help="only findings in this state: " + ", ".join(rules.STATES))
    f.add_argument("--overdue", action="store_true",
                   help="only findings overdue for rectification or for re-inspection (today)")
    f.add_argument("--major", action="store_true", help="only major hidden dangers (重大事故隐患)")
    f.add_argument("--limit", type=number("条数"), default=50, help="rows to print (default 50)")
    f.set_defaults(func=cmd_findings)

    q = sub.add_parser("quarter-listing", help="listed major hidden dangers (挂牌督办) of a quarter",
                       description="Major findings listed for supervision during the quarter or still listed "
                                   "in it (the 16号令 quarterly statistics).")
    q.add_argument("year", type=number("年份"), metavar="YEAR", help="year, e.g. 2026")
    q.add_argument("quarter", type=number("季度"), metavar="Q", help="quarter 1–4")
    q.add_argument("--xlsx", metavar="OUT", help="write the list to this Excel workbook instead of printing it")
    q.set_defaults(func=cmd_quarter_listing)
