"""Sync with the county through signed bundles (docs/bundle-format.md).

    inspector bundle export [--all] --out F|DIR     this laptop's changes (or everything), signed
    inspector bundle import F                       the county's return bundle, verified, all or nothing
    inspector bundle key [--out F]                  this laptop's public key and device code (enrolment)
    inspector bundle trust F [--yes]                pin the county's public key after comparing its fingerprint
    inspector --db NEW bundle setup F --county-key K [--device CODE]   a new laptop from the county's bundle
    inspector bundle status                         outbox, last export and import, conflicts, fingerprints
    inspector bundle conflicts                      the conflicts with both versions
    inspector bundle resolve ID keep|other          resolve one
"""

from __future__ import annotations

import json
import sys

from .common import store


def _counts(counts: dict) -> str:
    from ..sync.state import TABLE_TITLES

    return "、".join(f"{TABLE_TITLES.get(k, k)}{v}条" for k, v in counts.items() if v) or "无新增或修改"


def cmd_export(args) -> int:
    from ..sync import laptop

    s = store(args)
    info = laptop.export_bundle(s, args.out, full=args.all, encrypt=args.encrypt)
    print(f"数据包已导出并核验：{info['path']}")
    print(f"序号{info['sequence']}，{_counts(info['counts'])}，照片{info['photos']}张"
          f"{'，已加密给县局' if info['encrypted'] else ''}。")
    if info["missing_photos"]:
        print(f"注意：{len(info['missing_photos'])}张照片的文件缺失，未能带上（请运行 inspector verify --full）。")
    print("副本已留在待确认列表中，县局确认收到后自动清除。如在U盘上，请先“安全弹出”再拔出U盘。")
    return 0


def cmd_import(args) -> int:
    from ..sync import laptop

    s = store(args)
    info = laptop.import_bundle(s, args.file)
    if info["already"]:
        print(f"该数据包（序号{info['sequence']}）已导入过，无需再次导入；数据库没有变化。")
        return 0
    print(f"县局数据包（序号{info['sequence']}）已导入：新增{info['new']}条，更新{info['updated']}条，"
          f"未变{info['unchanged']}条，冲突{info['conflicts']}条。")
    if info["unified"]:
        print(f"合并了{len(info['unified'])}个重复登记的企业（统一社会信用代码相同）。")
    if info["conflicts"]:
        print("有冲突需要核对：请在“同步”页面或用 inspector bundle conflicts 查看。")
    return 0


def cmd_key(args) -> int:
    from ..sync import keys, laptop

    s = store(args)
    info = laptop.key_info(s)
    if args.out:
        keys.write_key_file(args.out, info, role="laptop")
        print(f"本机公钥已写入：{args.out}（交县局登记）")
    print(f"设备编号：{info['device'] or '（未设置）'}  镇（街道）：{info.get('township') or '（未设置）'}")
    print(f"公钥：{info['public_key']}")
    print(f"指纹：{info['fingerprint']}")
    return 0


def _confirm(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确认")


def cmd_trust(args) -> int:
    from ..sync import keys, laptop

    data = keys.read_key_file(args.file, role="county")
    s = store(args)
    print(f"县局公钥指纹：{data['fingerprint']}")
    if not args.yes:
        print("请与县局电话或书面告知的指纹逐组核对。")
        if not _confirm("指纹一致吗？输入 y 确认导入：") :
            print("未导入县局公钥。")
            return 1
    fp = laptop.trust_county_key(s, args.file)
    print(f"已信任县局公钥（指纹 {fp}）。")
    return 0


def cmd_setup(args) -> int:
    from .. import paths
    from ..sync import laptop

    from .common import password_for, show_recovery_key

    path = paths.database_path(args.db)
    # Encrypted like every laptop database (docs/encryption.md): INSPECTOR_PASSWORD or typed twice.
    password = password_for(path, new=True)
    s, info = laptop.setup_from_bundle(path, args.file, args.county_key, device=args.device, password=password)
    show_recovery_key(s.recovery_key, path)
    try:
        from ..sync import state

        st = state.status(s)
        print(f"已用县局数据包建立数据库：{path}")
        print(f"镇（街道）：{st.get('township') or '（未设置）'}，县局公钥指纹：{st['county_fingerprint']}")
        print(f"导入：新增{info['new']}条。")
        if not st["device"]:
            print("请在“设置”中填写县局分配的设备编号后再出具文书。")
    finally:
        s.close()
    return 0


def cmd_status(args) -> int:
    from ..sync import state

    s = store(args)
    st = state.status(s)
    print(f"设备编号：{st['device'] or '（未设置）'}  镇（街道）：{st.get('township') or '（未设置）'}")
    print(f"本机公钥指纹：{st['fingerprint'] or '（尚未生成）'}")
    print(f"县局公钥指纹：{st['county_fingerprint'] or '（尚未导入）'}")
    ex, im = st["last_export"], st["last_import"]
    print("上次导出：" + (f"{ex['created_at'][:16].replace('T', ' ')} 序号{ex['seq']} {_counts(ex['counts'])}"
                         if ex else "无"))
    print("上次导入：" + (f"{im['imported_at'][:16].replace('T', ' ')} 序号{im['seq']} {_counts(im['counts'])}"
                         if im else "无"))
    print(f"待县局确认的数据包：{st['outbox']}个；待处理的冲突：{st['open_conflicts']}条")
    return 0


def cmd_conflicts(args) -> int:
    from ..sync import state

    s = store(args)
    rows = state.conflicts(s, include_resolved=args.all)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
        return 0
    for c in rows:
        print(f"[{c['id']}] {c['label_text']}：{c['title']}（{c['detected_at'][:16].replace('T', ' ')}）")
        for col, mine, other in c["differences"]:
            print(f"    {col}：当前“{mine}”  另一版本“{other}”")
    print(f"（共{len(rows)}条）")
    return 0


def cmd_resolve(args) -> int:
    from ..sync import state

    s = store(args)
    c = state.resolve(s, args.id, args.choice)
    print(f"已处理：{c['title']}（{'保留当前版本' if args.choice == 'keep' else '采用另一版本'}）。")
    return 0


def register(sub) -> None:
    p = sub.add_parser("bundle", help="sync with the county: export, import, keys, setup from a bundle",
                       description="Signed bundles carried to and from the county (docs/bundle-format.md).")
    bsub = p.add_subparsers(dest="bundle_command", required=True, metavar="ACTION",
                            help="status, export, import, key, trust, setup, conflicts, resolve")
    st = bsub.add_parser("status", help="outbox, last export and import, conflicts, key fingerprints")
    st.set_defaults(func=cmd_status)
    e = bsub.add_parser("export", help="write this laptop's changes (or --all) as a signed bundle")
    e.add_argument("--all", action="store_true", help="everything this laptop holds, not only what is unacknowledged")
    e.add_argument("--out", required=True, metavar="F", help="the bundle file, or a folder to write it in")
    e.add_argument("--encrypt", action="store_true", help="seal it to the county's encryption key (lost sticks)")
    e.set_defaults(func=cmd_export)
    i = bsub.add_parser("import", help="import the county's return bundle (verified, all or nothing)")
    i.add_argument("file", metavar="F", help="the county's bundle (.tsobundle)")
    i.set_defaults(func=cmd_import)
    k = bsub.add_parser("key", help="print (or write with --out) this laptop's public key for enrolment")
    k.add_argument("--out", metavar="F", help="write the key file for the county's enrolment")
    k.set_defaults(func=cmd_key)
    t = bsub.add_parser("trust", help="pin the county's public key (shows its fingerprint to compare)")
    t.add_argument("file", metavar="F", help="the county's key file (inspector county key --out F)")
    t.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    t.set_defaults(func=cmd_trust)
    s = bsub.add_parser("setup", help="create a new database (--db NEW) from the county's bundle")
    s.add_argument("file", metavar="F", help="the county's return bundle for this township")
    s.add_argument("--county-key", required=True, metavar="K", help="the county's key file (fingerprint checked)")
    s.add_argument("--device", metavar="CODE", help="this laptop's device code from the county")
    s.set_defaults(func=cmd_setup)
    c = bsub.add_parser("conflicts", help="list the conflicts with both versions")
    c.add_argument("--all", action="store_true", help="include resolved ones")
    c.add_argument("--json", action="store_true", help="as JSON (both versions in full)")
    c.set_defaults(func=cmd_conflicts)
    r = bsub.add_parser("resolve", help="resolve a conflict: keep the current version or take the other")
    r.add_argument("id", help="the conflict's id (bundle conflicts)")
    r.add_argument("choice", choices=("keep", "other"), help="keep the current version, or take the other")
    r.set_defaults(func=cmd_resolve)
    from .common import add_global_options
    import argparse

    for sp in bsub.choices.values():
        add_global_options(sp, default=argparse.SUPPRESS)
