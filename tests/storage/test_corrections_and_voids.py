"""Corrections (更正) and voids (作废) of issued documents, at each rule's edge: a correction keeps
the enterprise, the kind and the chain; a void keeps its number for good and stays void."""

from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)

import pytest

from inspector_app.storage import documents, open_memory, township
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]


def order(desc="冲床防护罩缺失"):
    return {"officers": OFFICERS, "items": [{"description": desc, "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}


@pytest.fixture
def s():
    s = open_memory(device="A1")
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code="A1", villages=["周庄村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    yield s
    s.close()


def enterprise(s, name):
    row = {"name": name}
    s.stamp(row, new=True)
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name, hlc, origin) VALUES (?, ?, ?, ?)",
                       [row["id"], name, row["hlc"], row["origin"]])
    return row["id"]


@pytest.fixture
def ents(s):
    return enterprise(s, "江阴市周庄华宏机械有限公司"), enterprise(s, "江阴市周庄另一家有限公司")


def issue(s, ent, **kw):
    return documents.issue_document(s, kind="rectification_order", content=kw.pop("content", order()),
                                    enterprise_id=ent, issued_at=kw.pop("issued_at", "2026-03-05"), **kw)


def count(s):
    return s.conn.execute("SELECT count(*) FROM document").fetchone()[0]


# --- corrections ------------------------------------------------------------------------------------

def test_a_correction_cannot_name_another_enterprise(s, ents):
    a, b = ents
    old = issue(s, a)
    with pytest.raises(ValueError, match="被检查单位须与原文书一致"):
        issue(s, b, supersedes_id=old["id"])
    with pytest.raises(ValueError, match="被检查单位须与原文书一致"):
        issue(s, None, supersedes_id=old["id"], content={**order(), "party": {"name": "江阴市周庄华宏机械有限公司"}})
    assert count(s) == 1
    assert s.conn.execute("SELECT last FROM doc_seq").fetchone()[0] == 1  # no number consumed
    assert issue(s, a, supersedes_id=old["id"])["supersedes_id"] == old["id"]


def test_correct_document_keeps_the_enterprise(s, ents):
    a, _b = ents
    old = issue(s, a)
    new = documents.correct_document(s, old["id"], content=order("冲床防护罩缺失（2号）"), issued_at="2026-03-06")
    assert (new["enterprise_id"], new["supersedes_id"]) == (a, old["id"])


def test_a_correction_keeps_the_kind_and_needs_a_live_original(s, ents):
    a, _b = ents
    old = issue(s, a)
    with pytest.raises(ValueError, match="种类相同"):
        documents.issue_document(s, kind="onsite_measures", enterprise_id=a, issued_at="2026-03-05",
                                 supersedes_id=old["id"], content={
                                     "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["x"],
                                     "legal_basis": "y", "decisions": ["z"]})
    with pytest.raises(ValueError, match="要更正的原文书不存在"):
        issue(s, a, supersedes_id="no-such-document")
    documents.void_document(s, old["id"], reason="错号")
    with pytest.raises(ValueError, match="已作废，不能更正"):
        issue(s, a, supersedes_id=old["id"])
    assert count(s) == 1


def test_only_the_latest_in_a_chain_can_be_corrected(s, ents):
    a, _b = ents
    first = issue(s, a)
    second = documents.correct_document(s, first["id"], content=order("二稿"), issued_at="2026-03-06")
    with pytest.raises(ValueError, match=f"已被{second['doc_no']}更正"):
        issue(s, a, supersedes_id=first["id"])
    third = documents.correct_document(s, second["id"], content=order("三稿"), issued_at="2026-03-07")
    assert [third["supersedes_id"], third["seq"]] == [second["id"], 3]


# --- voids ---------------------------------------------------------------------------------------------

def test_a_void_never_gives_its_number_back(s, ents):
    a, _b = ents
    first = issue(s, a)
    documents.void_document(s, first["id"], reason="企业名称写错")
    assert documents.peek_doc_no(s, "rectification_order", year=2026).endswith("A1-2号")
    again = issue(s, a)
    assert again["seq"] == 2 and again["doc_no"] != first["doc_no"]
    assert documents.numbering_gaps(s) == []
    assert [r["seq"] for r in documents.register(s)] == [1, 2]   # the void stays in the register


def test_the_last_number_voided_is_not_reused_either(s, ents):
    a, _b = ents
    docs = [issue(s, a) for _ in range(3)]
    documents.void_document(s, docs[-1]["id"], reason="重复出具")
    assert issue(s, a)["seq"] == 4


@pytest.mark.parametrize("reason", ["", " ", "\t\n"])
def test_a_void_needs_a_reason(s, ents, reason):
    d = issue(s, ents[0])
    with pytest.raises(ValueError, match="作废原因"):
        documents.void_document(s, d["id"], reason=reason)
    assert documents.get_document(s, d["id"])["status"] == "issued"


def test_void_is_once_and_for_all(s, ents):
    d = issue(s, ents[0])
    documents.void_document(s, d["id"], reason="错号")
    with pytest.raises(ValueError, match="已作废"):
        documents.void_document(s, d["id"], reason="再次")
    for sql in ("UPDATE document SET status = 'issued' WHERE id = ?",
                "UPDATE document SET void_reason = '改了' WHERE id = ?"):
        with pytest.raises(sqlite3.DatabaseError, match="不可修改"):
            with s.write():
                s.conn.execute(sql, [d["id"]])
    with pytest.raises(ValueError, match="已作废，无需送达"):
        documents.record_service(s, d["id"], served_at="2026-03-05T11:00", served_how="直接送达")
    assert documents.get_document(s, d["id"])["void_reason"] == "错号"


def test_a_void_leaves_number_text_and_date_alone(s, ents):
    d = issue(s, ents[0])
    cols = "doc_no, seq, year, series, kind, content, issued_at, enterprise_id"
    before = s.conn.execute(f"SELECT {cols} FROM document WHERE id = ?", [d["id"]]).fetchone()
    documents.void_document(s, d["id"], reason="错号")
    assert s.conn.execute(f"SELECT {cols} FROM document WHERE id = ?", [d["id"]]).fetchone() == before


def test_service_not_before_the_issue_day(s, ents):
    d = issue(s, ents[0])
    with pytest.raises(ValueError, match="送达日期不能早于文书出具日期"):
        documents.record_service(s, d["id"], served_at="2026-03-04T23:59", served_how="直接送达")
    assert documents.record_service(s, d["id"], served_at="2026-03-05T00:00", served_how="直接送达")["served_at"]
