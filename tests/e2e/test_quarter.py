"""A township's quarter end to end, through the command line the county's officers use: record
what was not yet recorded, check, close, export, edit a record, export again (identical), re-open
with a reason (the export follows the records again), and the figures."""

from datetime import date

import pytest

from inspector_app import cli
from inspector_app.core import clock
from inspector_app.demo import create_demo_database
from inspector_app.storage import enterprises, inspections, ledgers, open_db, township

TODAY = date(2027, 1, 20)


@pytest.fixture
def db(tmp_path):
    with clock.pinned(TODAY):
        path = create_demo_database(tmp_path / "town.sqlite", seed=5, enterprises=120)
    return path


def run(capsys, *argv):
    with clock.pinned(TODAY):
        code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.calendar
def test_a_quarter_from_records_to_a_reproducible_export(db, tmp_path, capsys):
    # The officer records what the ledgers still lack: this quarter's drill and a training check.
    with clock.pinned(TODAY):
        store = open_db(db)
        ent = enterprises.list_all(store, status="在营")[0]
        ledgers.save(store, ledgers.TownshipAction(kind="综合应急演练", on_date="2026-12-18",
                                                   title="2026年冬季综合应急演练", participants=90))
        training = ledgers.save(store, ledgers.Activity(on_date="2026-12-10", kind="企业培训检查", title="年末培训抽查",
                                                        enterprise_id=ent.id, participants=12, hours=2))
        before = {k: len(ledgers.ledger_rows(store, k, "2026Q4")) for k in ledgers.RECORD_TABLE}
        store.close()
    assert all(before.values()), before   # every ledger has content in the demo quarter

    code, out, _ = run(capsys, "--db", str(db), "ledgers", "check", "--quarter", "2026Q4")
    assert code == 1 and "台账尚有" in out
    # closing without accepting the gaps is refused with the list, nothing is frozen
    code, _, err = run(capsys, "--db", str(db), "ledgers", "close", "--quarter", "2026Q4")
    assert code == 2 and "台账尚不完整" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "close", "--quarter", "2026Q4", "--accept-gaps",
                       "--by", "镇安监办 王主任")
    assert code == 0 and "已结账" in out

    first_x, first_p = tmp_path / "q1.xlsx", tmp_path / "q1.pdf"
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "export", "--quarter", "2026Q4",
                       "--xlsx", str(first_x), "--pdf", str(first_p))
    assert code == 0 and "按结账快照导出" in out

    # Records change after the close: an edit, a new inspection finalised today is not in Q4 anyway,
    # an activity back-dated into the closed quarter, a deleted record.
    with clock.pinned(TODAY):
        store = open_db(db)
        training.title = "年末培训抽查（已更正）"
        ledgers.save(store, training)
        ledgers.save(store, ledgers.Activity(on_date="2026-11-30", kind="进社区", title="补录的活动", participants=30))
        eq = ledgers.list_records(store, ledgers.Equipment)[0]
        ledgers.delete(store, ledgers.Equipment, eq.id)
        officers = township.list_officers(store)
        iid = inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=[officers[0].id, officers[1].id],
                                           started_at="2026-12-28T10:00:00")
        assert iid
        store.close()

    second_x, second_p = tmp_path / "q2.xlsx", tmp_path / "q2.pdf"
    run(capsys, "--db", str(db), "ledgers", "export", "--quarter", "2026Q4", "--xlsx", str(second_x),
        "--pdf", str(second_p))
    assert second_x.read_bytes() == first_x.read_bytes()
    assert second_p.read_bytes() == first_p.read_bytes()

    # Re-opening needs a reason, is logged, and the export follows the records again.
    code, _, err = run(capsys, "--db", str(db), "ledgers", "reopen", "--quarter", "2026Q4", "--reason", "改")
    assert code == 2 and "理由" in err
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "reopen", "--quarter", "2026Q4",
                       "--reason", "补录遗漏的社区宣传活动")
    assert code == 0
    third_x = tmp_path / "q3.xlsx"
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "export", "--quarter", "2026Q4", "--xlsx", str(third_x))
    assert "按当前数据导出" in out and third_x.read_bytes() != first_x.read_bytes()
    from openpyxl import load_workbook

    titles = [r[3] for r in load_workbook(third_x)["三、安全生产宣传教育台账"].iter_rows(min_row=4, values_only=True)]
    assert "补录的活动" in titles and "年末培训抽查（已更正）" in titles

    code, out, _ = run(capsys, "--db", str(db), "ledgers", "status", "--quarter", "2026Q4")
    assert "结账" in out and "重新开账" in out and "补录遗漏的社区宣传活动" in out and "王主任" in out


@pytest.mark.calendar
def test_stats_reminders_and_mistakes_on_the_command_line(db, capsys):
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "stats", "--quarter", "2026Q4", "--by-village")
    assert code == 0
    assert "2026年第四季度安全生产工作统计" in out and "检查次数（次）" in out and "去年同期" in out
    assert "隐患整改率（%）" in out and "村（社区）" in out
    summary = db.parent / "统计.pdf"
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "stats", "--quarter", "2026Q4", "--pdf", str(summary))
    assert code == 0 and str(summary) in out
    from pypdf import PdfReader

    pages = PdfReader(summary).pages
    assert len(pages) == 1 and "安全生产工作统计" in pages[0].extract_text()
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "reminders")
    assert code == 0 and "尚未结账" in out      # 2026Q4 ended three weeks ago
    code, out, _ = run(capsys, "--db", str(db), "ledgers", "show", "people", "--quarter", "2026Q4", "--limit", "5")
    assert code == 0 and "身份证号" in out and "********" in out
    with pytest.raises(SystemExit) as e:
        run(capsys, "--db", str(db), "ledgers", "stats", "--quarter", "2026Q5")
    assert e.value.code == 2
    assert "2026Q5" in capsys.readouterr().err
    code, _, err = run(capsys, "--db", str(db), "ledgers", "export", "--quarter", "2026Q4")
    assert code == 2 and "--xlsx" in err
    code, _, err = run(capsys, "--db", str(db), "ledgers", "reopen", "--quarter", "2026Q4", "--reason", "没有结账就开账")
    assert code == 2 and "尚未结账" in err and "Traceback" not in err
