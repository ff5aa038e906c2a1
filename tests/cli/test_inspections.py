"""forms and obligations."""

import pytest
from inspector_app import cli


def test_forms_command_reports_a_malformed_file(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text('id = "bad"\nversion = 1\n', encoding="utf-8")
    assert cli.main(["forms", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "bad.toml" in err
    assert cli.main(["forms", "-v"]) == 0
    assert "all valid" in capsys.readouterr().out


@pytest.mark.calendar
def test_obligations(demo_db, capsys):
    name = demo_db.conn.execute("SELECT name FROM enterprise WHERE deleted = 0 ORDER BY name LIMIT 1").fetchone()[0]
    assert cli.main(["obligations", name, "--db", str(demo_db.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(name) and "依据：" in out
    assert cli.main(["--db", str(demo_db.path), "obligations", "没有这家企业"]) == 1
    assert "未找到企业" in capsys.readouterr().out
