"""documents, render, findings and quarter-listing: the dates come from the one clock.
(The full register/render/findings/quarter walk-through is in tests/ui/documents/test_documents_ui.py.)"""

from datetime import date, timedelta

import pytest

from inspector_app import cli
from inspector_app.core import clock
from inspector_app.storage import documents, findings, township

TODAY = date(2026, 6, 15)


@pytest.fixture
def db(demo_db):
    return demo_db


@pytest.fixture
def ent(db):
    return db.conn.execute("SELECT id FROM enterprise WHERE deleted = 0 ORDER BY py_full LIMIT 1").fetchone()[0]


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


def run(db, *argv):
    return cli.main([*argv, "--db", str(db.path)])


def issue_order(s, ent):
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(s)][:2]
    return documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at=day(0),
                                    content={"officers": officers,
                                             "items": [{"description": "冲床防护罩缺失", "deadline": day(10), "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})


@pytest.mark.calendar
def test_documents_default_year_is_the_clocks(db, ent, capsys):
    with clock.pinned(TODAY):
        doc = issue_order(db, ent)
        assert run(db, "documents") == 0
        out = capsys.readouterr().out
        assert doc["doc_no"] in out and "（2026年共1个文号）" in out
    with clock.pinned(date(2027, 1, 2)):
        assert run(db, "documents") == 0
        assert "（2027年共0个文号）" in capsys.readouterr().out
    assert run(db, "documents", "--year", "2026") == 0
    assert doc["doc_no"] in capsys.readouterr().out


def test_render_to_a_missing_folder_is_a_chinese_error(db, ent, tmp_path, capsys):
    with clock.pinned(TODAY):
        doc = issue_order(db, ent)
    assert run(db, "render", doc["doc_no"], str(tmp_path / "order.pdf")) == 0
    assert (tmp_path / "order.pdf").read_bytes().startswith(b"%PDF")
    missing = tmp_path / "no-such-folder" / "order.pdf"
    assert run(db, "render", doc["doc_no"], str(missing)) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：找不到文件或文件夹") and err.count("\n") == 1


@pytest.mark.calendar
def test_findings_overdue_is_judged_on_the_clocks_today(db, ent, capsys):
    findings.create_finding(db, enterprise_id=ent, inspection_id=None, item_key="", description="配电箱未上锁",
                            category="物", grade="一般", deadline=day(0), found_on=day(-10))
    with clock.pinned(TODAY):
        assert run(db, "findings", "--overdue") == 0
        assert "配电箱未上锁" not in capsys.readouterr().out
    with clock.pinned(TODAY + timedelta(days=3)):
        assert run(db, "findings", "--overdue") == 0
        assert "配电箱未上锁 逾期3天" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["render", "（澄）应急责改〔2026〕A1-99号", "x.pdf"], "找不到文号"),
    (["quarter-listing", "2026", "5"], "季度"),
    (["findings", "--state", "done"], "隐患状态"),
    (["documents", "--kind", "letter"], "文书种类"),
])
def test_errors_are_chinese_and_exit_2(db, capsys, argv, message):
    assert run(db, *argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err


def test_quarter_listing_numbers_are_checked_by_the_parser(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["quarter-listing", "2026", "Q2"])
    assert e.value.code == 2
    assert "季度应为数字" in capsys.readouterr().err
