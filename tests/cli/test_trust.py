"""inspector backup / restore / verify / series: real files, exit codes 0, 1 and 2."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app import cli
from inspector_app.core import clock
from inspector_app.storage import backup, documents, open_db, township


def run(path, *argv):
    return cli.main([*argv, "--db", str(path)])


def issue_order(s):
    ent = s.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 LIMIT 1").fetchone()[0]
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(s)][:2]
    return documents.issue_document(s, kind="rectification_order", enterprise_id=ent, content={
        "officers": officers, "items": [{"description": "冲床防护罩缺失", "deadline": clock.today().isoformat(),
                   "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})


@pytest.mark.calendar
def test_backup_restore_series_walkthrough(demo_db, tmp_path, capsys):
    path = demo_db.path
    issue_order(demo_db)
    demo_db.close()
    usb = tmp_path / "usb"
    assert run(path, "backup", "--to", str(usb)) == 0
    out = capsys.readouterr().out
    assert "备份完成并已核验" in out and "企业60家" in out
    (file,) = backup.list_backups(usb)
    assert run(path, "backup", "--list") == 0 and str(file.path) in capsys.readouterr().out

    s = open_db(path)
    issue_order(s)  # printed after the backup
    s.close()
    assert run(path, "restore", str(file.path)) == 2  # no --yes and no terminal: nothing done
    assert "--yes" in capsys.readouterr().err
    assert run(path, "restore", str(file.path), "--yes") == 0
    out = capsys.readouterr().out
    assert "before-restore" in out and "暂停编号" in out

    assert run(path, "series") == 0
    assert "责令限期整改指令书" in capsys.readouterr().out
    s = open_db(path)
    with pytest.raises(ValueError, match="尚未确认"):
        issue_order(s)
    s.close()
    assert run(path, "series", "confirm", "rectification_order", "--last", "0") == 2
    assert "小于本机已知" in capsys.readouterr().err
    assert run(path, "series", "confirm", "rectification_order", "--last", "2") == 0
    assert "下一份文书将编为3号" in capsys.readouterr().out
    s = open_db(path)
    assert issue_order(s)["seq"] == 3
    s.close()
    assert run(path, "verify", "--full") == 0
    assert "未发现问题" in capsys.readouterr().out


@pytest.mark.calendar
def test_verify_exit_codes(demo_db, capsys):
    path = demo_db.path
    issue_order(demo_db)
    demo_db.close()
    assert run(path, "verify") == 0
    from tests.fixtures.crypt import connect

    c = connect(path)  # the CLI encrypted it
    c.execute("DROP TRIGGER protect_document_update")
    c.execute("UPDATE document SET issued_at = '2020-01-01T00:00'")
    c.commit()
    c.close()
    assert run(path, "verify", "--full") == 1
    out = capsys.readouterr().out
    assert "protect_document_update" in out and "不一致" in out


@pytest.mark.parametrize("argv", [
    ("restore", "/nonexistent/backup.sqlite", "--yes"),
    ("series", "confirm", "no_such_kind", "--last", "3"),
    ("series", "confirm", "rectification_order", "--last", "abc"),
    ("backup",),  # no folder given and none used before
])
@pytest.mark.calendar
def test_user_mistakes_exit_2_in_chinese(demo_db, argv, capsys):
    path = demo_db.path
    demo_db.close()
    with pytest.raises(SystemExit) if "abc" in argv else _nothing():
        assert run(path, *argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and any("\u4e00" <= ch <= "\u9fff" for ch in err)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
