"""demo, info, search, export on a real file, with --db before or after the command."""

import pytest

from inspector_app import cli


@pytest.mark.calendar  # the demo history is dated from clock.today()
def test_demo_info_search_export_on_a_file(tmp_path, capsys):
    db = str(tmp_path / "t.sqlite")
    assert cli.main(["--db", db, "demo", "--enterprises", "40"]) == 0
    assert cli.main(["--db", db, "info"]) == 0
    assert "enterprises: 40" in capsys.readouterr().out
    assert cli.main(["--db", db, "search", "jy"]) == 0
    assert "found" in capsys.readouterr().out
    out = tmp_path / "ledger.xlsx"
    assert cli.main(["--db", db, "export", str(out)]) == 0
    assert out.stat().st_size > 0
    # refusing to overwrite a database with records: a clear error, exit 2, data intact
    assert cli.main(["--db", db, "demo"]) == 2
    assert "错误" in capsys.readouterr().err
    assert cli.main(["--db", db, "info"]) == 0


def test_db_after_the_command(tmp_path, capsys):
    db = str(tmp_path / "after.sqlite")
    assert cli.main(["demo", "--db", db, "--enterprises", "12"]) == 0
    assert db in capsys.readouterr().out
    other = str(tmp_path / "other.sqlite")
    for argv in (["info", "--db", db], ["--db", db, "info"], ["--db", other, "info", "--db", db]):
        assert cli.main(argv) == 0
        out = capsys.readouterr().out
        assert f"database:  {db}" in out and "enterprises: 12" in out
    assert not (tmp_path / "other.sqlite").exists()
    assert cli.main(["search", "--db", db, "--limit", "3", "j"]) == 0
    assert "found" in capsys.readouterr().out
