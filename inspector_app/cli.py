"""Command line: ``inspector <command> --help``. Shares core and storage with the GUI, no Qt
widgets (the default database location asks QtCore's QStandardPaths)."""

from __future__ import annotations

import argparse
import sys


def _store(args):
    from . import paths
    from .storage import open_db

    return open_db(paths.database_path(args.db))


def cmd_demo(args) -> int:
    from . import paths
    from .storage.demo_loader import create_demo_database

    path = paths.database_path(args.db)
    create_demo_database(path, seed=args.seed, enterprises=args.enterprises, overwrite=args.overwrite)
    print(f"demo township with {args.enterprises} enterprises written to {path}")
    return 0


def cmd_import(args) -> int:
    from .importers import enterprise_xlsx as imp

    store = _store(args)
    plan = imp.read_workbook(args.file, store)
    bad = [r for r in plan.rows if r.action == "error"]
    print(f"{len(plan.rows)} rows: {len(plan.rows) - len(bad)} good, {len(bad)} with errors")
    for r in bad:
        print(f"  row {r.row_number}: " + "；".join(r.errors))
    if args.dry_run:
        return 0 if not bad else 1
    report = imp.apply_plan(store, plan)
    print(f"inserted {report.inserted}, updated {report.updated}, unchanged {report.unchanged}, "
          f"errors {len(report.errors)}")
    if args.errors_to and report.errors:
        imp.write_error_report(report, args.errors_to)
        print(f"error report written to {args.errors_to}")
    return 0 if not report.errors else 1


def cmd_export(args) -> int:
    from .reports.registry_xlsx import export_registry

    n = export_registry(_store(args), args.file)
    print(f"{n} enterprises exported to {args.file}")
    return 0


def cmd_search(args) -> int:
    from .storage import enterprises as repo

    store = _store(args)
    ids = repo.search_ids(store, repo.SearchQuery(text=" ".join(args.text)))
    rows = repo.list_rows(store, ids[: args.limit])
    for i in ids[: args.limit]:
        r = rows[i]
        print(f"{r['uscc'] or r['legacy_reg_no'] or '-':20} {r['village'] or '':8} {r['name']}")
    print(f"({len(ids)} found)")
    return 0


def cmd_info(args) -> int:
    from .storage import township

    store = _store(args)
    s = township.settings(store)
    n = store.db.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
    print(f"database:  {store.path}")
    print(f"township:  {s['township']}  authority: {s['authority_name']} ({s['authority_abbr']})")
    print(f"device:    {s['device_code']}")
    print(f"villages:  {len(township.list_villages(store))}  officers: {len(township.list_officers(store))}")
    print(f"enterprises: {n}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="inspector", description="Township work-safety inspector (command line).")
    p.add_argument("--db", help="database file (default: the user's data directory; env INSPECTOR_DB)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    d = sub.add_parser("demo", help="create a generated demo township database")
    d.add_argument("--enterprises", type=int, default=800, help="number of enterprises (default 800)")
    d.add_argument("--seed", type=int, default=2012, help="random seed (same seed, same township)")
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
    s.add_argument("--limit", type=int, default=20, help="rows to print")
    s.set_defaults(func=cmd_search)

    n = sub.add_parser("info", help="show the database, township and counts")
    n.set_defaults(func=cmd_info)

    from . import cli_extra

    cli_extra.register(sub)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, RuntimeError, OSError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
