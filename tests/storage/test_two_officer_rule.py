"""Two law-enforcement officers (行政处罚法第42条; 安全生产法 on supervision), at every entry point:
building a document, loading one, issuing through storage (whose own check backs up the
dataclass), correcting, and starting or editing an inspection."""

from inspector_app.core import settings as S  # noqa: E402
from inspector_app.storage import settings as settings_store  # noqa: E402
import dataclasses

import pytest

from inspector_app.core import documents as d
from inspector_app.storage import documents, open_memory, township
from inspector_app.storage.township import Officer, TownshipSetup

ZHANG = {"name": "张三", "cert_no": "32010001"}
LI = {"name": "李四", "cert_no": "32010002"}
TWO = [ZHANG, LI]
ISSUED = "2026-03-05"

CONTENT = {
    "rectification_order": {"items": [{"description": "冲床防护罩缺失", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]},
    "onsite_measures": {"inspected_on": ISSUED, "dangers": ["配电箱无门"], "legal_basis": "安全生产法第六十五条",
                        "decisions": ["责令立即排除事故隐患"]},
    "reinspection_opinion": {"original_doc_no": "（澄）应急责改〔2026〕A1-1号", "original_date": "2026-03-01",
                             "opinion": "已整改完毕。"},
    "spot_penalty": {"variant": "unit", "decided_at": "2026-03-05T10:00", "place": "车间", "facts": "未设置警示标志",
                     "violated": "安全生产法第三十五条", "basis": "安全生产法第九十九条", "amount": 500},
    "inspection_record": {"place": "车间", "started_at": "2026-03-05T09:00", "ended_at": "2026-03-05T10:00",
                          "situation": "检查了车间"},
}
assert set(CONTENT) == set(d.ENFORCEMENT_KINDS)  # every enforcement kind is tried below


@pytest.fixture
def s():
    s = open_memory(device="A1")
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code="A1", villages=["周庄村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    settings_store.put_many(s, {S.BANK_NAME: "中国农业银行江阴支行", S.BANK_ACCOUNT: "10640101040001234"})
    yield s
    s.close()


@pytest.fixture
def ent(s):
    row = {"name": "江阴市周庄华宏机械有限公司"}
    s.stamp(row, new=True)
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name, hlc, origin) VALUES (?, ?, ?, ?)",
                       [row["id"], row["name"], row["hlc"], row["origin"]])
    return row["id"]


def issue(s, ent, kind, officers, **kw):
    return documents.issue_document(s, kind=kind, content={"officers": officers, **CONTENT[kind]},
                                    enterprise_id=ent, issued_at=ISSUED, **kw)


def numbers_used(s):
    return s.conn.execute("SELECT count(*) FROM document").fetchone()[0]


# --- storage: every enforcement kind --------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_two_officers_issue(s, ent, kind):
    assert issue(s, ent, kind, TWO)["seq"] == 1


@pytest.mark.parametrize("kind", sorted(CONTENT))
@pytest.mark.parametrize("officers", [[ZHANG], [ZHANG, ZHANG], [ZHANG, {"name": " 张三 ", "cert_no": "9"}],
                                      [ZHANG, {"name": "", "cert_no": "32010002"}]],
                         ids=["one", "same-twice", "same-with-spaces", "blank-name"])
def test_fewer_than_two_distinct_officers_are_refused(s, ent, kind, officers):
    with pytest.raises(ValueError, match="至少两名"):
        issue(s, ent, kind, officers)
    assert numbers_used(s) == 0


@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_an_officer_without_a_certificate_is_refused(s, ent, kind):
    with pytest.raises(ValueError, match="执法证件.*李四"):
        issue(s, ent, kind, [ZHANG, {"name": "李四", "cert_no": " "}])


def test_the_township_notice_needs_one_officer_only(s, ent):
    doc = documents.issue_document(s, kind="hazard_notice", enterprise_id=ent, issued_at=ISSUED, content={
        "officers": [{"name": "王网格", "cert_no": ""}], "inspected_on": ISSUED,
        "items": [{"description": "消防通道堵塞", "deadline": "2026-03-12", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    assert doc["seq"] == 1


def test_storage_checks_again_whatever_the_content_type_does(s, ent):
    # A content object that slipped past its own check (e.g. a future type that forgets it).
    good = d.content_from_dict("rectification_order", {
        "authority": documents.authority_from_settings(s), "officers": TWO, "issued_on": ISSUED,
        "party": {"name": "x"}, **CONTENT["rectification_order"]})
    for officers in ((d.Officer(**ZHANG),), (d.Officer(**ZHANG), d.Officer(name="李四", cert_no=""))):
        bad = dataclasses.replace(good)
        object.__setattr__(bad, "officers", officers)
        with pytest.raises(ValueError, match="两名持证执法人员"):
            documents._check_officers(bad, "rectification_order")
    documents._check_officers(good, "rectification_order")  # two certified officers pass


def test_a_correction_needs_two_officers_too(s, ent):
    doc = issue(s, ent, "rectification_order", TWO)
    with pytest.raises(ValueError, match="至少两名"):
        documents.correct_document(s, doc["id"], content={"officers": [ZHANG], **CONTENT["rectification_order"]},
                                   issued_at=ISSUED)
    assert numbers_used(s) == 1


# --- core: construction and loading -------------------------------------------------------------

def test_stored_content_with_one_officer_does_not_load():
    data = {"authority": {"name": "江阴市应急管理局", "abbr": "澄", "review_government": "江阴市人民政府",
                          "court": "江阴市人民法院"},
            "officers": [ZHANG], "issued_on": ISSUED, "party": {"name": "x"}, **CONTENT["rectification_order"]}
    with pytest.raises(ValueError, match="至少两名执法人员"):
        d.content_from_dict("rectification_order", data)
    assert d.content_from_dict("rectification_order", {**data, "officers": TWO}).officers[1].name == "李四"


@pytest.mark.parametrize("enforcement, officers, ok", [
    (True, [], False), (True, [ZHANG], False), (True, [ZHANG, ZHANG], False), (True, TWO, True),
    (False, [], False), (False, [{"name": "王网格", "cert_no": ""}], True),
])
def test_core_officer_rule(enforcement, officers, ok):
    officers = tuple(d.Officer(**o) for o in officers)
    if ok:
        d._check_officers(officers, enforcement=enforcement)
    else:
        with pytest.raises(ValueError):
            d._check_officers(officers, enforcement=enforcement)
