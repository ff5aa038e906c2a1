"""The enterprise registry: demo, import, export, search, info."""

from __future__ import annotations


from .common import number, store


def cmd_demo(args) -> int:
    from .. import paths
    from ..demo import create_demo_database

    from ..storage import crypt

    path = paths.database_path(args.db)
    password = crypt.env_password() or crypt.DEMO_PASSWORD
    create_demo_database(path, seed=args.seed, enterprises=args.enterprises, overwrite=args.overwrite,
                         password=password)
    print(f"demo township with {args.enterprises} enterprises written to {path}")
    if password == crypt.DEMO_PASSWORD:
        print(f"encrypted with the demo password: {crypt.DEMO_PASSWORD}")
    return 0


def cmd_import(args) -> int:
    from ..importers import enterprise_xlsx as imp

    s = store(args)
    plan = imp.read_workbook(args.file, s)
    bad = [r for r in plan.rows if r.action == "error"]
    print(f"{len(plan.rows)} rows: {len(plan.rows) - len(bad)} good, {len(bad)} with errors")
    for r in bad:
        print(f"  row {r.row_number}: " + "；".join(r.errors))
    if args.dry_run:
        return 0 if not bad else 1
    report = imp.apply_plan(s, plan)
    print(f"inserted {report.inserted}, updated {report.updated}, unchanged {report.unchanged}, "
          f"errors {len(report.errors)}")
    if args.errors_to and report.errors:
        imp.write_error_report(report, args.errors_to)
        print(f"error report written to {args.errors_to}")
    return 0 if not report.errors else 1


def cmd_export(args) -> int:
    from ..reports.registry_xlsx import export_registry

    n = export_registry(store(args), args.file)
    print(f"{n} enterprises exported to {args.file}")
    return 0


def cmd_search(args) -> int:
    from ..storage import enterprises as repo

    s = store(args)
    ids = repo.search_ids(s, repo.SearchQuery(text=" ".join(args.text)))
    rows = repo.list_rows(s, ids[: args.limit])
    for i in ids[: args.limit]:
        r = rows[i]
        print(f"{r['uscc'] or r['legacy_reg_no'] or '-':20} {r['village'] or '':8} {r['name']}")
    print(f"({len(ids)} found)")
    return 0


def cmd_info(args) -> int:
    from ..core import settings as S
    from ..storage import settings, township

    s = store(args)
    t = settings.get_many(s, (S.TOWNSHIP, S.AUTHORITY_NAME, S.AUTHORITY_ABBR, S.DEVICE_CODE))
    n = s.db.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
    print(f"database:  {s.path}")
    print(f"township:  {t[S.TOWNSHIP.key]}  authority: {t[S.AUTHORITY_NAME.key]} ({t[S.AUTHORITY_ABBR.key]})")
    print(f"device:    {t[S.DEVICE_CODE.key]}")
    print(f"villages:  {len(township.list_villages(s))}  officers: {len(township.list_officers(s))}")
    print(f"enterprises: {n}")
    return 0


def register(sub) -> None:
    d = sub.add_parser("demo", help="create a generated demo township database")
    d.add_argument("--enterprises", type=number("企业数"), default=800, help="number of enterprises (default 800)")
    d.add_argument("--seed", type=number("随机种子"), default=2012, help="random seed (same seed, same township)")
    d.add_argument("--overwrite", action="store_true", help="replace an existing database")
    d.set_defaults(func=cmd_demo)

    i = sub.add_parser("import", help="import the county's enterprise list (.xlsx)")
    i.add_argument("file", help="the .xlsx workbook")
    i.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    i.add_argument("--errors-to", help="write the rejected rows with reasons to this .xlsx")
    i.set_defaults(func=cmd_import)

    e = sub.add_parser("export", help="export the registry ledger (.xlsx)")
    e.add_argument("file", help="target .xlsx")
    e.set_defaults(func=cmd_export)

    s = sub.add_parser("search", help="search the registry (name, pinyin initials, credit code)")
    s.add_argument("text", nargs="+", help="search text")
    s.add_argument("--limit", type=number("条数"), default=20, help="rows to print")
    s.set_defaults(func=cmd_search)

    n = sub.add_parser("info", help="show the database, township and counts")
    n.set_defaults(func=cmd_info)
