"""The database's password and recovery key (docs/encryption.md).

    inspector password change            set a new password (the old one from INSPECTOR_PASSWORD or a prompt)
    inspector password recover [--recovery-key KEY]
                                         forgot the password: unlock with the recovery key, set a new one
    inspector password status            whether the database is encrypted, and the key derivation used

The new password comes from ``INSPECTOR_NEW_PASSWORD`` (scripts, tests) or is typed twice.
Changing the password rewraps the data key: nothing is re-encrypted, old backups keep opening
with the password of their day or the recovery key.
"""

from __future__ import annotations

import os

from ..storage.crypt import PASSWORD_ENV
from .common import ask_password

NEW_PASSWORD_ENV = "INSPECTOR_NEW_PASSWORD"


def _db(args):
    from .. import paths
    from ..storage import crypt

    path = paths.database_path(args.db)
    if not path.is_file():
        raise ValueError(f"找不到数据库文件“{path}”。")
    if crypt.read_envelope(crypt.keys_path(path)) is None:
        raise ValueError(f"数据库“{path}”尚未加密：运行任一命令（如 inspector verify）或打开程序时会先为它设置密码并加密。")
    return path


def _new_password() -> str:
    from ..storage import crypt

    new = os.environ.get(NEW_PASSWORD_ENV) or ask_password("新密码（至少6个字符）：", twice=True)
    crypt.check_password(new)
    return new


def cmd_password(args) -> int:
    from ..storage import crypt, encryption

    if args.action not in ("change", "recover", "status"):
        raise ValueError(f"无法识别“{args.action}”：可用 inspector password change、recover 或 status。")
    if args.action == "status":
        from .. import paths

        path = paths.database_path(args.db)
        env = crypt.read_envelope(crypt.keys_path(path))
        if env is None:
            print(f"数据库“{path}”未加密（下次打开时会加密）。")
        else:
            k = env.data["kdf"]
            print(f"数据库“{path}”已加密（SQLCipher 4，256位数据密钥；照片 AES-256-GCM）。"
                  f"密码派生：{k['name']}，内存{k.get('memory_kib', 0) // 1024} MiB，{k.get('iterations')}轮。"
                  f"密码最近更改：{env.data.get('changed_at', '')[:16].replace('T', ' ')}。"
                  + ("（演示数据库，密码 demo）" if env.demo else ""))
            sheet = crypt.recovery_sheet_path(path)
            if sheet.exists():
                print(f"注意：恢复密钥单“{sheet}”仍在电脑上：请打印后交县局保管，然后删除该文件。")
        return 0
    path = _db(args)
    if args.action == "change":
        from .common import password_for

        old = password_for(path, new=False)
        crypt.read_envelope(crypt.keys_path(path)).unlock(old)  # a wrong one is refused before asking more
        encryption.change_password(path, _new_password(), old_password=old)
        print("密码已更改（数据未重新加密；以前的备份仍需备份当时的密码或恢复密钥打开）。")
        return 0
    rk = args.recovery_key or ask_password("恢复密钥（8组，每组4个字母或数字）：")
    crypt.read_envelope(crypt.keys_path(path)).unlock_recovery(rk)
    encryption.change_password(path, _new_password(), recovery_key=rk)
    print("已用恢复密钥解锁并设置了新密码。恢复密钥不变，请继续由县局保管。")
    return 0


def register(sub) -> None:
    p = sub.add_parser("password", help="change the database password, or set a new one with the recovery key",
                       description=f"change: the old password from {PASSWORD_ENV} or a prompt; recover: with the "
                                   f"recovery key shown at setup. The new password from {NEW_PASSWORD_ENV} or a prompt.")
    p.add_argument("action", nargs="?", default="status", metavar="ACTION", help="change, recover or status (default)")
    p.add_argument("--recovery-key", metavar="KEY", help="the recovery key (recover; asked for when omitted)")
    p.set_defaults(func=cmd_password)
