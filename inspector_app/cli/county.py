"""The county's side of sync (docs/county.md). STORE is a file path (SQLite) or postgresql://….

    inspector county init --db STORE [--name 名称] [--photos DIR]   create the store and the county key
    inspector county key --db STORE --out F                        the county's public key file for laptops
    inspector county enrol --db STORE F…                           enrol laptops (files from `bundle key --out F`)
    inspector county merge --db STORE BUNDLE…                      merge laptop bundles (each all or nothing)
    inspector county return --db STORE --township NAME --out F     the township's return bundle
    inspector county conflicts --db STORE                          conflicts found by the merges
    inspector county report --db STORE                             who sent what and when; silent laptops
"""

from __future__ import annotations

import argparse
import functools
import sys

from . import common


def _user_errors(func):
    """Errors of the PostgreSQL driver are the county IT person's to fix: one Chinese line, exit 2."""
    @functools.wraps(func)
    def inner(args):
        try:
            import psycopg
        except ImportError:  # pragma: no cover
            return func(args)
        try:
            return func(args)
        except psycopg.Error as e:
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            raise ValueError(f"PostgreSQL 数据库操作失败：{first}。请检查数据库连接和权限。") from e
    return inner


def _open(args):
    from ..county.store import open_store

    cs = open_store(args.db)
    from .common import _opened

    _opened.append(cs)
    return cs


@_user_errors
def cmd_init(args) -> int:
    from ..county.store import init_store
    from .common import _opened

    if not args.db:
        raise ValueError("请用 --db 指定县局汇总库：新文件的路径（如 county.sqlite）或 postgresql://用户@主机/库名。")
    cs, created = init_store(args.db, name=args.name or "", photos_dir=args.photos)
    _opened.append(cs)
    if created:
        print(f"已建立县局汇总库：{args.db if cs.engine.dialect == 'sqlite' else '(PostgreSQL)'}")
        print(f"县局签名密钥已生成并保存在汇总库中。指纹：{cs.fingerprint()}")
        print(f"照片保存在：{cs.photos_dir}")
        print("下一步：inspector county key --db … --out 县局公钥.json，把公钥文件发给各乡镇。")
    else:
        print(f"县局汇总库已存在，数据表已更新到当前版本。密钥指纹：{cs.fingerprint()}")
    return 0


@_user_errors
def cmd_key(args) -> int:
    cs = _open(args)
    if args.out:
        path = cs.write_key_file(args.out)
        print(f"县局公钥已写入：{path}")
    else:
        print(cs.public_key_text())
    print(f"指纹：{cs.fingerprint()}（各乡镇导入时请电话核对）")
    return 0


@_user_errors
def cmd_enrol(args) -> int:
    cs = _open(args)
    for f in args.files:
        dev, new = cs.enrol(f)
        if new:
            print(f"已登记：{dev.township} 设备“{dev.device}”，文书编号系列 {'、'.join(dev.series)}，"
                  f"密钥指纹 {dev.fingerprint}")
        else:
            print(f"设备“{dev.device}”（{dev.township}）已登记过，密钥相同，未作改动。")
    return 0


@_user_errors
def cmd_merge(args) -> int:
    from ..county.merging import merge_file
    from .common import describe_error

    cs = _open(args)
    failed = 0
    for f in _expand(args.bundles):
        try:
            o = merge_file(cs, f)
        except ValueError as e:
            failed += 1
            print(f"✗ {f}：{describe_error(e).removeprefix('错误：')}", file=sys.stderr)
            continue
        if o.status == "already":
            print(f"· {o.file}：{o.township} {o.device} 序号{o.sequence} 已合并过，未作改动。")
            continue
        print(f"✓ {o.file}：{o.township} {o.device} 序号{o.sequence}，新增{o.new}行，更新{o.updated}行，"
              f"未变{o.unchanged}行，冲突{o.conflicts}条，照片{o.photos}张"
              + (f"，略过他人记录{o.skipped}行" if o.skipped else ""))
        for w in o.warnings:
            print(f"  注意：{w}")
    if failed:
        rest = "其余已合并" if failed < len(_expand(args.bundles)) else "没有数据包被合并"
        print(f"有{failed}个数据包未合并（见上），{rest}。", file=sys.stderr)
        return 2
    return 0


def _expand(names: list[str]) -> list[str]:
    """Wildcards as typed (Windows' cmd passes ``E:\\*.tsobundle`` unexpanded), in name order."""
    import glob

    out = []
    for n in names:
        found = sorted(glob.glob(n)) if any(ch in n for ch in "*?[") else []
        out += found or [n]
    return out


@_user_errors
def cmd_return(args) -> int:
    from ..county.returns import write_return

    cs = _open(args)
    info = write_return(cs, args.township, args.out)
    print(f"已生成{info.township}的返回数据包（序号{info.sequence}）：{info.path}")
    print(f"共{info.rows}行数据、{info.photos}张照片，发往设备：{'、'.join(info.devices) or '—'}。")
    print("在各台电脑上运行“inspector bundle import 文件”导入（或在“同步”页面导入）。")
    return 0


@_user_errors
def cmd_conflicts(args) -> int:
    from ..county.report import conflicts_text

    print(conflicts_text(_open(args)))
    return 0


@_user_errors
def cmd_report(args) -> int:
    from ..county.report import report_text

    print(report_text(_open(args)))
    return 0


def register(sub) -> None:
    p = sub.add_parser("county", help="county side of sync: enrol laptops, merge bundles, return bundles",
                       description=__doc__.split("\n\n")[0])
    c = p.add_subparsers(dest="county_command", required=True, metavar="ACTION",
                         help="init, key, enrol, merge, return, conflicts, report")

    q = c.add_parser("init", help="create the county store and its key pair")
    q.add_argument("--name", help="the county's name shown to laptops (default 县应急管理局)")
    q.add_argument("--photos", help="folder for the photos (default: beside the store file)")
    q.set_defaults(func=cmd_init)

    q = c.add_parser("key", help="write the county's public key for the laptops")
    q.add_argument("--out", help="file to write (default: print the key)")
    q.set_defaults(func=cmd_key)

    q = c.add_parser("enrol", aliases=["enroll"], help="enrol laptops from their key files")
    q.add_argument("files", nargs="+", metavar="F", help="file written by `inspector bundle key --out F`")
    q.set_defaults(func=cmd_enrol)

    q = c.add_parser("merge", help="merge laptop bundles into the county store")
    q.add_argument("bundles", nargs="+", metavar="BUNDLE")
    q.set_defaults(func=cmd_merge)

    q = c.add_parser("return", help="write a township's return bundle")
    q.add_argument("--township", required=True, metavar="NAME")
    q.add_argument("--out", required=True, metavar="F", help="file or folder to write it to")
    q.set_defaults(func=cmd_return)

    q = c.add_parser("conflicts", help="list the conflicts the merges found")
    q.set_defaults(func=cmd_conflicts)

    q = c.add_parser("report", help="what was received from whom; laptops silent for a month")
    q.set_defaults(func=cmd_report)

    # --db after the action too (inspector county merge --db STORE …), without overwriting one
    # given earlier (see common.add_global_options).
    seen: set[int] = set()
    for action in c.choices.values():
        if id(action) not in seen:
            seen.add(id(action))
            common.add_global_options(action, default=argparse.SUPPRESS)
