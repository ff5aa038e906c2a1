"""inspector bundle …: key, trust (fingerprint, confirmation), export, import, setup, status,
conflicts; a user's mistake is one Chinese line and exit status 2."""

import json

import pytest

from inspector_app.cli import main
from inspector_app.storage import open_db

from .helpers import Relay, add_enterprise, file_laptop


@pytest.fixture
def field(tmp_path, sqlite_engine):
    a = file_laptop(tmp_path, "A1")
    add_enterprise(a, "江阴市甲机械有限公司")
    path = a.path
    a.close()
    relay = Relay(sqlite_engine)
    return path, relay, relay.key_file(tmp_path / "county.key"), tmp_path


def test_key_trust_export_import_status(field, capsys, monkeypatch):
    db, relay, key, tmp = field
    out = tmp / "a1.key"
    assert main(["--db", str(db), "bundle", "key", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "inspector-device-key" and data["device"] == "A1"
    assert data["fingerprint"] in capsys.readouterr().out
    # trust asks; "n" refuses, --yes pins
    monkeypatch.setattr("builtins.input", lambda _p: "n")
    assert main(["--db", str(db), "bundle", "trust", str(key)]) == 1
    assert relay.fingerprint in capsys.readouterr().out
    assert main(["--db", str(db), "bundle", "trust", str(key), "--yes"]) == 0
    (tmp / "stick").mkdir()
    assert main(["--db", str(db), "bundle", "export", "--out", str(tmp / "stick")]) == 0
    text = capsys.readouterr().out
    assert "已导出并核验" in text and "企业1条" in text
    [bundle] = (tmp / "stick").glob("*.tsobundle")
    s = open_db(db)
    relay.receive(bundle, s)
    s.close()
    ret = relay.write_return(tmp / "stick" / "return.tsobundle")
    assert main(["--db", str(db), "bundle", "import", str(ret)]) == 0
    assert "已导入" in capsys.readouterr().out
    assert main(["--db", str(db), "bundle", "import", str(ret)]) == 0
    assert "已导入过" in capsys.readouterr().out
    assert main(["--db", str(db), "bundle", "status"]) == 0
    text = capsys.readouterr().out
    assert relay.fingerprint in text and "待县局确认的数据包：0个" in text
    assert main(["--db", str(db), "bundle", "conflicts"]) == 0
    assert "（共0条）" in capsys.readouterr().out


def test_setup_a_new_laptop_from_the_county_bundle(field, capsys):
    db, relay, key, tmp = field
    s = open_db(db)
    relay.take(s)
    relay.settings = {"township": "周庄镇", "authority_name": "江阴市应急管理局", "court": "江阴市人民法院"}
    s.close()
    (tmp / "stick").mkdir()
    ret = relay.write_return(tmp / "stick" / "return.tsobundle")
    new = tmp / "new" / "inspector.sqlite"
    assert main(["--db", str(new), "bundle", "setup", str(ret), "--county-key", str(key), "--device", "C3"]) == 0
    text = capsys.readouterr().out
    assert "已用县局数据包建立数据库" in text and relay.fingerprint in text
    # encrypted like every laptop database, with the password the command line was given
    assert not new.read_bytes()[:16].startswith(b"SQLite format 3")
    from inspector_app.storage import crypt

    n = open_db(new, password=crypt.env_password())
    try:
        # loaded through a rollback journal (a new file), then back in WAL like every database
        assert n.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert n.conn.execute("SELECT name FROM enterprise").fetchall() == [("江阴市甲机械有限公司",)]
        from inspector_app.core import settings as S
        from inspector_app.storage import settings

        assert settings.get(n, S.TOWNSHIP) == "周庄镇" and settings.get(n, S.DEVICE_CODE) == "C3"
        assert settings.get(n, S.SETUP_DONE) is True
    finally:
        n.close()
    # a database that holds data is never replaced
    assert main(["--db", str(new), "bundle", "setup", str(ret), "--county-key", str(key)]) == 2
    assert "已有数据" in capsys.readouterr().err


def test_mistakes_are_one_chinese_line(field, capsys, tmp_path):
    db, relay, key, tmp = field
    assert main(["--db", str(db), "bundle", "import", str(tmp / "missing.tsobundle")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    (tmp / "junk.tsobundle").write_bytes(b"not a zip")
    main(["--db", str(db), "bundle", "trust", str(key), "--yes"])
    capsys.readouterr()
    assert main(["--db", str(db), "bundle", "import", str(tmp / "junk.tsobundle")]) == 2
    assert "已损坏或不完整" in capsys.readouterr().err
    assert main(["--db", str(db), "bundle", "trust", str(tmp / "junk.tsobundle"), "--yes"]) == 2
    assert "密钥文件" in capsys.readouterr().err
