"""After a deadline passes (issue 9): suspensions with their resumption review, referred cases
with the bureau's outcome.

    inspector suspensions [--open]                     停产整改 and every 复产审查
    inspector resumption-review ID --on DATE (--passed | --failed) --officers 张三、李四
              --evidence TEXT --opinion TEXT            record a 复产审查
    inspector referrals                                findings referred to the bureau (已移送县局)
    inspector bureau-outcome ID --on DATE --outcome TEXT [--bureau-no NO]
              (--resolved | --new-deadline DATE)       the bureau's outcome of a referred case

ID is a record's id as listed, or its first 8 characters or more.
"""

from __future__ import annotations

from .common import iso_date, store


def _resolve(s, table: str, prefix: str, what: str) -> str:
    prefix = (prefix or "").strip()
    if len(prefix) < 8:
        raise ValueError(f"请填写{what}的编号（列表中显示的编号，至少前8位）。")
    rows = [r[0] for r in s.conn.execute(f"SELECT id FROM {table} WHERE id LIKE ? AND deleted = 0",
                                          [prefix.replace("%", "") + "%"])]
    if not rows:
        raise ValueError(f"找不到编号为“{prefix}”的{what}。")
    if len(rows) > 1:
        raise ValueError(f"编号“{prefix}”对应多条{what}，请多写几位。")
    return rows[0]


def cmd_suspensions(args) -> int:
    from ..storage import escalation

    s = store(args)
    rows = escalation.suspensions(s, open_only=args.open)
    for r in rows:
        state = "停产整改中" if not r["resumed_on"] else f"已于{r['resumed_on']}解除"
        print(f"{r['id'][:13]} {r['started_on']} {r['enterprise_name']} 范围：{r['scope']} {r['doc_no']} {state}")
        for v in escalation.resumption_reviews(s, r["id"]):
            result = "合格" if v["passed"] else "不合格"
            print(f"    复产审查 {v['reviewed_on']} {result} 审查人员：{v['reviewers'] or '—'} "
                  f"整改证据：{v['evidence'] or '—'} 意见：{v['opinion']}")
    print(f"（共{len(rows)}条）")
    return 0


def cmd_resumption_review(args) -> int:
    from ..storage import escalation

    # Checked here, not by argparse: the one error path gives the Chinese message.
    if args.passed == args.failed:
        raise ValueError("请选择复产审查结果：--passed（合格）或 --failed（不合格）。")
    if args.on is None:
        raise ValueError("请填写复产审查日期：--on 2026-03-20。")
    s = store(args)
    sid = _resolve(s, "suspension", args.id, "停产整改记录")
    row = escalation.record_resumption_review(s, sid, on=args.on, passed=args.passed, note=args.opinion,
                                              officers=args.officers, evidence=args.evidence)
    if row["resumed_on"]:
        print(f"{row['enterprise_name']}：复产审查合格，已于{row['resumed_on']}恢复生产经营。")
    else:
        print(f"{row['enterprise_name']}：复产审查不合格，继续停产整改。")
    return 0


def cmd_referrals(args) -> int:
    from ..storage import findings

    s = store(args)
    rows = findings.query_findings(s, state="referred", limit=500)
    for r in rows:
        print(f"{r['id'][:13]} 整改期限{r['deadline']} {r['enterprise_name']}：{r['description'][:40]}")
    print(f"（已移送县局、待登记处理结果的共{len(rows)}条）")
    return 0


def cmd_bureau_outcome(args) -> int:
    from ..storage import escalation, findings

    if args.resolved == bool(args.new_deadline):
        raise ValueError("请选择县局的处理结果：--resolved（已处理完毕）或 --new-deadline 日期（退回继续整改）。")
    if args.on is None:
        raise ValueError("请填写处理结果的登记日期：--on 2026-03-30。")
    s = store(args)
    fid = _resolve(s, "finding", args.id, "隐患")
    escalation.record_bureau_outcome(s, fid, on=args.on, resolved=args.resolved, outcome=args.outcome,
                                     bureau_doc_no=args.bureau_no or "", new_deadline=args.new_deadline)
    f = findings.get_finding(s, fid)
    if args.resolved:
        print(f"{f['enterprise_name']}：县局已处理完毕，隐患可销号。")
    else:
        print(f"{f['enterprise_name']}：县局退回继续整改，新的整改期限{f['deadline']}。")
    return 0


def register(sub) -> None:
    p = sub.add_parser("suspensions", help="enterprises ordered to suspend (停产整改) and their resumption reviews",
                       description="Every suspension with each resumption review (复产审查).")
    p.add_argument("--open", action="store_true", help="only suspensions not yet lifted")
    p.set_defaults(func=cmd_suspensions)

    r = sub.add_parser("resumption-review", help="record a resumption review (复产审查) of a suspension",
                       description="A passed review brings the enterprise back to 在营; it needs the "
                                   "rectification evidence and the reviewing officers.")
    r.add_argument("id", metavar="ID", help="the suspension's id (as listed by 'suspensions', 8+ characters)")
    r.add_argument("--on", type=iso_date("复产审查日期"), help="date of the review, e.g. 2026-03-20")
    result = r.add_mutually_exclusive_group()
    result.add_argument("--passed", action="store_true", help="passed: resumption approved")
    result.add_argument("--failed", action="store_true", help="failed: stays suspended")
    r.add_argument("--officers", default="", help="who reviewed, e.g. 张三、李四")
    r.add_argument("--evidence", default="", help="the rectification evidence the enterprise presented")
    r.add_argument("--opinion", default="", help="the review's findings and conclusion")
    r.set_defaults(func=cmd_resumption_review)

    f = sub.add_parser("referrals", help="findings referred to the bureau (案件移送) awaiting its outcome")
    f.set_defaults(func=cmd_referrals)

    b = sub.add_parser("bureau-outcome", help="record the bureau's outcome of a referred finding",
                       description="Resolved: the finding passes (then 销号). Returned: it is under "
                                   "rectification again until the new deadline.")
    b.add_argument("id", metavar="ID", help="the finding's id (as listed by 'referrals', 8+ characters)")
    b.add_argument("--on", type=iso_date("处理结果日期"), help="date recorded, e.g. 2026-03-30")
    b.add_argument("--outcome", default="", help="what the bureau did")
    b.add_argument("--bureau-no", help="the bureau's document number, if any")
    b.add_argument("--resolved", action="store_true", help="dealt with; the danger is removed")
    b.add_argument("--new-deadline", type=iso_date("新的整改期限"), help="returned with this new deadline")
    b.set_defaults(func=cmd_bureau_outcome)
