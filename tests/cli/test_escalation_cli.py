"""The command line after a deadline passes (issue 9): suspensions and their 复产审查, referred
cases and the bureau's outcome — the same storage rules as the screens, mistakes as one Chinese
line and exit 2."""

from datetime import date

import pytest

from inspector_app import cli
from inspector_app.core import clock
from inspector_app.storage import documents, enterprises, escalation, findings, open_db
from tests.e2e.test_escalation import BASIS, OFFICERS


def _db(tmp_path):
    from inspector_app.core.enterprise import Enterprise
    from inspector_app.storage import township
    from inspector_app.storage.township import Officer, TownshipSetup

    path = tmp_path / "d.sqlite"
    s = open_db(path, create=True)
    township.apply_setup(s, TownshipSetup(
        court="江阴市人民法院", township="周庄镇", township_government="江阴市周庄镇人民政府", device_code="A1",
        villages=["周庄村"], officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    ent = enterprises.save(s, Enterprise(name="江阴市周庄华宏机械有限公司", legacy_reg_no="320281000123456",
                                         employees=40, sector="机械")).id
    return s, path, ent


def run(path, *argv):
    return cli.main([*argv, "--db", str(path)])


def test_resumption_review_from_the_command_line(tmp_path, capsys):
    s, path, ent = _db(tmp_path)
    documents.issue_document(s, kind="onsite_measures", enterprise_id=ent, issued_at="2026-03-05", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["喷漆房未设可燃气体报警装置"],
        "legal_basis": "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "decisions": ["责令暂时停产停业"], "suspension_scope": "喷漆车间"})
    sid = escalation.suspensions(s, open_only=True)[0]["id"]
    assert run(path, "suspensions", "--open") == 0
    out = capsys.readouterr().out
    assert sid[:13] in out and "喷漆车间" in out and "停产整改中" in out
    # No pass without the evidence: one Chinese line, exit 2, nothing recorded.
    assert run(path, "resumption-review", sid[:13], "--on", "2026-03-20", "--passed", "--officers", "张三、李四",
               "--opinion", "同意复产") == 2
    assert "整改证据" in capsys.readouterr().err
    assert run(path, "resumption-review", sid[:13], "--on", "2026-03-20", "--passed", "--officers", "张三、李四",
               "--evidence", "整改报告、检测报告", "--opinion", "隐患已排除，同意复产") == 0
    assert "已于2026-03-20恢复生产经营" in capsys.readouterr().out
    assert enterprises.get(s, ent).status == "在营"
    assert run(path, "suspensions") == 0
    assert "复产审查 2026-03-20 合格 审查人员：张三、李四 整改证据：整改报告、检测报告" in capsys.readouterr().out
    assert run(path, "resumption-review", "short", "--on", "2026-03-21", "--failed", "--opinion", "x") == 2
    assert "至少前8位" in capsys.readouterr().err


@pytest.mark.calendar
def test_bureau_outcome_returned_with_a_new_deadline(tmp_path, capsys):
    s, path, ent = _db(tmp_path)
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=None, item_key="x", description="消防通道堵塞",
                                  category="物", grade="一般", legal_basis=BASIS, deadline="2026-03-10",
                                  found_on="2026-03-01")
    order = documents.issue_document(s, kind="rectification_order", enterprise_id=ent, issued_at="2026-03-01",
                                     content={"officers": OFFICERS, "items": [
                                         {"description": "消防通道堵塞", "deadline": "2026-03-10", "legal_basis": BASIS}]})
    findings.order_rectification(s, [fid], document_id=order["id"])
    with clock.pinned(date(2026, 3, 12)):
        escalation.refer_case(s, [fid], on="2026-03-12", officers=OFFICERS)
    assert run(path, "referrals") == 0
    assert fid[:13] in capsys.readouterr().out
    assert run(path, "bureau-outcome", fid[:13], "--on", "2026-03-20", "--outcome", "退回镇继续督促") == 2
    assert "--resolved" in capsys.readouterr().err
    assert run(path, "bureau-outcome", fid[:13], "--on", "2026-03-20", "--outcome", "退回镇继续督促",
               "--new-deadline", "2026-04-05") == 0
    assert "新的整改期限2026-04-05" in capsys.readouterr().out
    f = findings.get_finding(s, fid)
    assert (f["state"], f["deadline"]) == ("rectifying", "2026-04-05")
