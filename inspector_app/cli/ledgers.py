"""The seven township ledgers and the quarter:

    inspector ledgers export --quarter 2026Q4 [--xlsx F] [--pdf F] [--figures-pdf F] [--show-id-numbers]
    inspector ledgers stats --quarter 2026Q4 [--by-village] [--pdf F]
    inspector ledgers check --quarter 2026Q4 [--all]
    inspector ledgers close --quarter 2026Q4 [--accept-gaps] [--by NAME]
    inspector ledgers reopen --quarter 2026Q4 --reason TEXT
    inspector ledgers status [--quarter 2026Q4]
    inspector ledgers reminders
    inspector ledgers show LEDGER --quarter 2026Q4 [--limit N]

A closed quarter is exported from its frozen snapshot (the same file every time); an open one
from the records as they stand.
"""

from __future__ import annotations

import argparse
import sys

from . import common
from .common import store


def _quarter(text: str):
    from ..core.ledgers.quarter import Quarter

    try:
        return Quarter.parse(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _default_quarter():
    """The last quarter that has ended: what an officer reports on."""
    from ..core import clock
    from ..core.ledgers.quarter import Quarter

    return Quarter.of(clock.today()).previous()


def _progress(what: str):
    def report(done: int, total: int) -> None:
        print(f"\r{what} {done}/{total}", end="", file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)
    return report


def cmd_export(args) -> int:
    from ..reports.ledgers_pdf import write_figures_pdf, write_ledgers_pdf
    from ..reports.ledgers_xlsx import write_ledgers_xlsx
    from ..storage import ledgers

    if not (args.xlsx or args.pdf or args.figures_pdf):
        raise ValueError("请用 --xlsx 和/或 --pdf（--figures-pdf）指定导出文件。")
    s = store(args)
    q = args.quarter or _default_quarter()
    snap = ledgers.export_snapshot(s, q)
    state = "已结账，按结账快照导出" if snap["status"] == "closed" else "未结账，按当前数据导出"
    if args.xlsx:
        write_ledgers_xlsx(snap, args.xlsx, unmask=args.show_id_numbers, progress=_progress("Excel"))
        print(f"{q.label}台账（{state}）已导出到 {args.xlsx}")
    if args.pdf:
        write_ledgers_pdf(snap, args.pdf, unmask=args.show_id_numbers, progress=_progress("PDF"))
        print(f"{q.label}台账PDF已导出到 {args.pdf}")
    if args.figures_pdf:
        write_figures_pdf(snap, args.figures_pdf)
        print(f"{q.label}统计图表已导出到 {args.figures_pdf}")
    return 0


def _fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return str(v)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def cmd_stats(args) -> int:
    from ..storage import ledgers

    s = store(args)
    q = args.quarter or _default_quarter()
    snap = ledgers.closed_snapshot(s, q)
    if snap:
        cur, prev, ly = snap["figures"], snap["comparison"]["previous"], snap["comparison"]["last_year"]
    else:
        comp = ledgers.comparison(s, q)
        cur, prev, ly = comp["current"], comp["previous"], comp["last_year"]
    status = "已结账" if snap else "未结账"
    print(f"{q.label}安全生产工作统计（{status}，统计截至{cur['as_of']}）")
    print(_pad("指标", 30) + _pad("本季度", 10) + _pad("上季度", 10) + _pad("环比", 8) + _pad("去年同期", 10) + "同比")
    for key, label, _kind in ledgers.FIGURES:
        now, before, year_ago = cur.get(key), prev.get(key), ly.get(key)
        print(_pad(label, 30) + _pad(_fmt(now), 10) + _pad(_fmt(before), 10)
              + _pad(ledgers.change_text(now, before), 8) + _pad(_fmt(year_ago), 10) + ledgers.change_text(now, year_ago))
    if args.by_village:
        print()
        print(_pad("村（社区）", 16) + "".join(_pad(label, 12) for _, label in ledgers.VILLAGE_FIGURES))
        for v in cur["by_village"]:
            print(_pad(v["village"], 16) + "".join(_pad(_fmt(v[k]), 12) for k, _ in ledgers.VILLAGE_FIGURES))
    if args.pdf:
        from ..reports.ledgers_pdf import write_figures_pdf

        write_figures_pdf(ledgers.export_snapshot(s, q), args.pdf)
        print(f"{q.label}统计图表已导出到 {args.pdf}")
    return 0


def cmd_check(args) -> int:
    from ..storage import ledgers

    s = store(args)
    q = args.quarter or _default_quarter()
    issues = ledgers.completeness(s, q)
    if not issues:
        print(f"{q.label}台账完整，可以结账。")
        return 0
    print(f"{q.label}台账尚有{len(issues)}项需补充：")
    for code, label, n in ledgers.summary(issues):
        print(f"  {label}：{n}项")
    shown = issues if args.all else issues[:30]
    for i, issue in enumerate(shown, 1):
        print(f"{i}. {issue.message}")
    if len(shown) < len(issues):
        print(f"……另有{len(issues) - len(shown)}项（--all 显示全部）")
    return 1


def cmd_close(args) -> int:
    from ..storage import ledgers

    s = store(args)
    q = args.quarter or _default_quarter()
    state = ledgers.close_quarter(s, q, by=args.by, accept_gaps=args.accept_gaps)
    print(f"{q.label}已结账（{state.closed_at[:16].replace('T', ' ')}），快照校验值 {state.snapshot_sha256[:16]}…")
    return 0


def cmd_reopen(args) -> int:
    from ..storage import ledgers

    s = store(args)
    ledgers.reopen_quarter(s, args.quarter, reason=args.reason, by=args.by)
    print(f"{args.quarter.label}已重新开账，理由已记录：{args.reason.strip()}")
    return 0


def cmd_status(args) -> int:
    from ..storage import ledgers

    s = store(args)
    log = ledgers.quarter_log(s, args.quarter) if args.quarter else ledgers.quarter_log(s)
    if args.quarter:
        st = ledgers.quarter_state(s, args.quarter)
        print(f"{args.quarter.label}：{'已结账' if st.is_closed else '未结账'}"
              + (f"（{st.closed_at[:16].replace('T', ' ')}，{st.closed_by or '未署名'}）" if st.is_closed else ""))
    if not log:
        print("（无结账记录）")
    for e in log:
        action = "结账" if e["action"] == "close" else "重新开账"
        reason = f"，理由：{e['reason']}" if e["reason"] else ""
        print(f"{e['year']}年第{e['quarter']}季度 {e['at'][:16].replace('T', ' ')} {action}"
              f" {e['by_officer'] or ''}{reason} [{e['snapshot_sha256'][:12]}]")
    return 0


def cmd_reminders(args) -> int:
    from ..storage import ledgers

    s = store(args)
    items = ledgers.reminders(s)
    if not items:
        print("台账暂无需要提醒的事项。")
    for r in items:
        print(f"· {r.text}")
        for it in r.items[: args.limit]:
            print(f"    {it.get('date', '')} {it.get('enterprise', '')} {it.get('detail', '')}".rstrip())
    return 0


def cmd_show(args) -> int:
    from ..core.ledgers.ledgers import spec
    from ..core.ledgers.rules import mask_id
    from ..storage import ledgers

    sp = spec(args.ledger)
    s = store(args)
    q = args.quarter or _default_quarter()
    rows = ledgers.ledger_rows(s, args.ledger, q)
    print(f"{q.label}{sp.title}（共{len(rows)}条）")
    print("\t".join(c.header for c in sp.columns))
    for row in rows[: args.limit]:
        cells = []
        for c in sp.columns:
            v = row.get(c.key)
            if c.kind == "id_no":
                v = mask_id(v)
            elif c.kind == "bool":
                v = "是" if v else "否"
            cells.append("" if v is None else str(v))
        print("\t".join(cells))
    return 0


def register(sub) -> None:
    from ..core.ledgers.ledgers import LEDGER_KEYS

    p = sub.add_parser("ledgers", help="the seven township ledgers: export, figures, check, close a quarter",
                       description="The township ledgers of a quarter (澄政发〔2012〕80号（四）). QUARTER is written "
                                   "2026Q4; the default is the last quarter that has ended.")
    lsub = p.add_subparsers(dest="ledgers_command", required=True, metavar="ACTION",
                            help="export, stats, check, close, reopen, status, reminders or show")

    def quarter_arg(cmd, required=False):
        cmd.add_argument("--quarter", type=_quarter, required=required, metavar="QUARTER",
                         help="the quarter, e.g. 2026Q4" + ("" if required else " (default: the last ended quarter)"))

    e = lsub.add_parser("export", help="write the quarter's ledgers to Excel and/or PDF",
                        description="One workbook (a summary sheet and one sheet per ledger) and/or a landscape PDF; "
                                    "a closed quarter is exported from its snapshot.")
    quarter_arg(e)
    e.add_argument("--xlsx", metavar="FILE", help="write the Excel workbook here")
    e.add_argument("--pdf", metavar="FILE", help="write the PDF of the ledgers here")
    e.add_argument("--figures-pdf", metavar="FILE", help="write the one-page figures summary with charts here")
    e.add_argument("--show-id-numbers", action="store_true",
                   help="print personal ID numbers in full (masked by default, PIPL)")
    e.set_defaults(func=cmd_export)

    st = lsub.add_parser("stats", help="print the quarter's figures against the previous quarter and last year",
                         description="The quarterly statistics as a city report counts them.")
    quarter_arg(st)
    st.add_argument("--by-village", action="store_true", help="also print the breakdown by village")
    st.add_argument("--pdf", metavar="FILE", help="also write the one-page summary with its charts here")
    st.set_defaults(func=cmd_stats)

    c = lsub.add_parser("check", help="list what is missing before the quarter can be closed",
                        description="The completeness check; exit status 1 when something is missing.")
    quarter_arg(c)
    c.add_argument("--all", action="store_true", help="print every gap (default: the first 30)")
    c.set_defaults(func=cmd_check)

    cl = lsub.add_parser("close", help="close the quarter: freeze the snapshot the export is built from",
                         description="Runs the completeness check first; refuses while gaps remain unless --accept-gaps.")
    quarter_arg(cl)
    cl.add_argument("--accept-gaps", action="store_true", help="close even though the check lists gaps (logged)")
    cl.add_argument("--by", metavar="NAME", help="who closes it (default: this laptop's officer)")
    cl.set_defaults(func=cmd_close)

    r = lsub.add_parser("reopen", help="re-open a closed quarter (a reason is required and logged)")
    quarter_arg(r, required=True)
    r.add_argument("--reason", required=True, metavar="TEXT", help="why the quarter is re-opened")
    r.add_argument("--by", metavar="NAME", help="who re-opens it (default: this laptop's officer)")
    r.set_defaults(func=cmd_reopen)

    s = lsub.add_parser("status", help="whether a quarter is closed, and the close/re-open log")
    s.add_argument("--quarter", type=_quarter, metavar="QUARTER", help="one quarter (default: the whole log)")
    s.set_defaults(func=cmd_status)

    rm = lsub.add_parser("reminders", help="what the ledgers need today (certificates, equipment, drills…)")
    rm.add_argument("--limit", type=int, default=5, help="items to list per reminder (default 5)")
    rm.set_defaults(func=cmd_reminders)

    sh = lsub.add_parser("show", help="print one ledger of the quarter (tab-separated)")
    sh.add_argument("ledger", choices=LEDGER_KEYS, metavar="LEDGER", help="one of: " + ", ".join(LEDGER_KEYS))
    quarter_arg(sh)
    sh.add_argument("--limit", type=int, default=50, help="rows to print (default 50)")
    sh.set_defaults(func=cmd_show)

    # The global options after the action too (``inspector ledgers stats --db F``), without
    # overwriting one given earlier (see common.add_global_options).
    for action in {id(a): a for a in lsub.choices.values()}.values():
        common.add_global_options(action, default=argparse.SUPPRESS)
