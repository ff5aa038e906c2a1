"""Records you can trust: backups, restore, verification and the number series after a restore.

    inspector backup [--to DIR] [--list]               a verified backup (database + photos) into DIR
    inspector restore FILE [--yes]                      replace the database with a backup
    inspector verify [--full]                           check the audit chain, triggers, photos, numbers
    inspector series                                    the number series blocked after a restore
    inspector series confirm KIND --last N [--year Y]   confirm a series' last number (paper register)

``verify`` exits 0 when everything checks out, 1 when it found problems (each printed in
Chinese), 2 on a usage error, like every other command.
"""

from __future__ import annotations

import sys

from ..core import clock
from .common import number, store

PROBLEMS_FOUND = 1


def _db_path(args):
    from .. import paths

    return paths.database_path(args.db)


def cmd_backup(args) -> int:
    from ..core import settings as S
    from ..storage import backup, settings

    s = store(args)
    if args.list:
        folders = backup.known_locations(s.path, [args.to or settings.get(s, S.BACKUP_DIR)])
        found = backup.list_backups(*folders)
        for b in found:
            print(f"{b.created_label}  {'自动' if b.kind == 'auto' else '手动'}  {b.path}")
        print(f"（共{len(found)}份备份）")
        return 0
    dest = args.to or settings.get(s, S.BACKUP_DIR)
    if not dest:
        raise ValueError("请用 --to 指定备份文件夹（如U盘上的文件夹）。")
    import time

    t0 = time.perf_counter()
    info = backup.create_backup(s, dest)
    backup.note_backup(s, info)
    size = info.path.stat().st_size
    print(f"备份完成并已核验：{info.path}（{size / 1e6:.1f} MB，用时{time.perf_counter() - t0:.1f}秒）")
    print(info.summary())
    print("如备份在U盘上，请先“安全弹出”再拔出U盘。")
    return 0


def cmd_restore(args) -> int:
    from ..storage import backup

    db_path = _db_path(args)
    password, bkey = _restore_keys(args, db_path)
    info = backup.verify_backup(args.file, key=bkey)
    print(f"备份文件：{info.path}")
    print(info.summary())
    print(f"将替换数据库：{db_path}（替换前会保留一份副本）")
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValueError("恢复会替换现有数据库：请确认无误后加 --yes 重新运行。")
        answer = input("确认恢复？输入 y 确认：").strip().lower()
        if answer not in ("y", "yes", "是"):
            print("已取消，未做任何改动。")
            return 0
    result = backup.restore(info.path, db_path, key=bkey, password=password)
    print(f"恢复完成：{db_path}")
    if result.kept_copy:
        print(f"原数据库已保留为：{result.kept_copy}")
    if result.blocked:
        print("为防止重复使用已打印的文号，本机各类文书暂停编号，直至确认纸质登记簿上已用到的最大编号：")
        print("  inspector series                                  查看待确认的编号")
        print("  inspector series confirm 文书种类 --last 编号     确认（也可导入县局之后下发的数据包）")
    return 0


def _restore_keys(args, db_path):
    """(the database's password if it is encrypted, the backup's data key if it is). The
    backup of this laptop opens with the database's key; another needs the password of the
    day it was made, or the recovery key."""

    from ..storage import backup, crypt
    from .common import ask_password, password_for

    password = None
    env = crypt.read_envelope(crypt.keys_path(db_path))
    if env is not None:
        password = password_for(db_path, new=False)
        crypt.remember(db_path, env.unlock(password))
    if args.recovery_key:
        return password, backup.backup_key(args.file, recovery_key=args.recovery_key)
    try:
        return password, backup.backup_key(args.file, password=password or crypt.env_password())
    except backup.BackupLockedError:
        if not backup.keys_file(args.file).exists():
            raise
        return password, backup.backup_key(args.file, password=ask_password("备份文件的密码（备份当时的密码）："))


def cmd_verify(args) -> int:
    from ..core import settings as S
    from ..storage import backup, settings
    from ..storage.verify import verify

    s = store(args)
    anchors = []
    if args.full and s.path is not None:
        for b in backup.list_backups(*backup.known_locations(s.path, [settings.get(s, S.BACKUP_DIR)])):
            head = b.manifest.get("audit_head") or {}
            if head.get("seq"):
                anchors.append((head["seq"], head["hash"], b.path.name))
    report = verify(s, full=args.full, anchors=anchors)
    what = "完整检查" if report.full else "快速检查（自上次检查以来的记录）"
    print(f"{what}：审计记录{report.entries}条，核对记录{report.records}份，照片{report.photos}张，"
          f"用时{report.seconds:.2f}秒。")
    if report.ok:
        print("未发现问题。")
        return 0
    print(f"发现{len(report.problems)}个问题：")
    for p in report.problems:
        print(f"  - {p}")
    return PROBLEMS_FOUND


def cmd_series(args) -> int:
    from ..storage import series

    if args.action not in ("list", "confirm"):
        raise ValueError(f"无法识别“{args.action}”：可用 inspector series（列出）或 inspector series confirm 种类 --last 编号。")
    s = store(args)
    if args.action == "confirm":
        if args.kind is None or args.last is None:
            raise ValueError("请给出文书种类和最大编号，如：inspector series confirm rectification_order --last 42")
        year = args.year if args.year is not None else clock.today().year
        nxt = series.confirm(s, args.kind, year=year, last=args.last)
        print(f"已确认：{year}年该类文书已用到{nxt}号，下一份文书将编为{nxt + 1}号。")
        return 0
    rows = series.blocked(s)
    for r in rows:
        print(f"{r['year']}年 {r['title']:10} 序列{r['series']}  备份时已用到{r['backup_last']}号"
              f"（本机已知最大{r['highest_known']}号）  种类代码：{r['kind']}")
    if rows:
        print(f"（{len(rows)}个序列待确认；确认：inspector series confirm 种类代码 --last 编号 [--year 年份]）")
    else:
        print("没有待确认的文书编号序列。")
    return 0


def register(sub) -> None:
    b = sub.add_parser("backup", help="back up the database and its photos into a folder (USB stick)",
                       description="A consistent, verified backup taken while the app may be running: one file "
                                   "holding the database, every photo and a manifest.")
    b.add_argument("--to", metavar="DIR", help="the folder to write to (default: the last one used)")
    b.add_argument("--list", action="store_true", help="list the backups found instead")
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help="replace the database with a backup",
                       description="Shows what the backup holds, keeps a copy of the current database, then "
                                   "restores; every document series stays blocked until its last number is confirmed.")
    r.add_argument("file", metavar="FILE", help="the backup file (inspector-backup-….sqlite)")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.add_argument("--recovery-key", metavar="KEY", help="open an encrypted backup with the recovery key")
    r.set_defaults(func=cmd_restore)

    v = sub.add_parser("verify", help="check the audit chain, protection triggers, photo hashes and numbering",
                       description="Exit 0: no problems; 1: problems found (listed); 2: usage error.")
    v.add_argument("--full", action="store_true", help="check everything, not only what changed since the last check")
    v.set_defaults(func=cmd_verify)

    s = sub.add_parser("series", help="document number series blocked after a restore, and confirming them",
                       description="After a restore no document is numbered until the last number of its series "
                                   "is confirmed from the paper register (or a later county bundle).")
    # Checked in the handler (a Chinese message), not by argparse choices.
    s.add_argument("action", nargs="?", default="list", metavar="ACTION",
                   help="list (default) the blocked series, or confirm one")
    s.add_argument("kind", nargs="?", metavar="KIND", help="the document kind (e.g. rectification_order)")
    s.add_argument("--last", type=number("编号"), help="the last number used, from the paper register")
    s.add_argument("--year", type=number("年份"), help="the year (default: this year)")
    s.set_defaults(func=cmd_series)
