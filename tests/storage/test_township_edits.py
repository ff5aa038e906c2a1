"""Settings edit what exists (issue 10): villages renamed and retired, officers corrected and
retired, the device code changed only with confirmation and a log line."""

import pytest

from inspector_app.core import settings as S
from inspector_app.core.enterprise import Enterprise
from inspector_app.core.township import TownshipSetup, officer_row_problems, villages_problem
from inspector_app.storage import enterprises as repo
from inspector_app.storage import inspections, township
from inspector_app.storage import settings as prefs
from inspector_app.storage.township import Officer

from tests.storage.test_documents_store import add_enterprise, issue, make_store


@pytest.fixture
def s():
    s = make_store()
    yield s
    s.close()


def vid(s, name):
    return next(v.id for v in township.list_villages(s, include_retired=True) if v.name == name)


# --- the wizard's checks -------------------------------------------------------------------

def test_duplicate_village_is_named_with_its_lines():
    assert "第1行和第3行" in villages_problem(["璜土村", "石庄村", " 璜土村 "])
    assert villages_problem(["璜土村", "", "  ", "石庄村"]) is None  # blank lines are skipped
    assert "至少" in villages_problem(["", " "])


def test_officer_rows_each_get_their_problem():
    rows = officer_row_problems([Officer("张伟", "1"), Officer("", "2"), Officer("李强", ""),
                                 Officer("张伟", "3"), Officer("王五", "1"), Officer("赵六", "4", phone="12345")])
    assert set(rows) == {1, 2, 3, 4, 5}
    assert "姓名" in rows[1] and "执法证号" in rows[2] and "重复" in rows[3] and "重复" in rows[4]
    assert "电话" in rows[5]


def test_setup_names_every_problem_and_saves_nothing(s):
    setup = TownshipSetup(township="", device_code="A1", villages=["甲村", "甲村"],
                          officers=[Officer("张三", "32010001"), Officer("张三", "32010009")])
    with pytest.raises(ValueError) as e:
        township.apply_setup(s, setup)
    assert "镇" in str(e.value) and "两次" in str(e.value) and "重复" in str(e.value)
    assert [v.name for v in township.list_villages(s)] == ["周庄村"]


def test_many_officers_are_saved(s):
    officers = [Officer(f"人员{i}", f"3299{i:04d}") for i in range(12)]
    township.apply_setup(s, TownshipSetup(township="周庄镇", device_code="A1", villages=["周庄村"],
                                          officers=officers))
    assert len(township.list_officers(s)) == 14


# --- villages ------------------------------------------------------------------------------

def test_rename_village_and_its_enterprises_follow(s):
    v = vid(s, "周庄村")
    e = repo.save(s, Enterprise(name="江阴甲机械厂", legacy_reg_no="320281000001", village_id=v))
    township.rename_village(s, v, "周庄社区")
    assert [x.name for x in township.list_villages(s)] == ["周庄社区"]
    assert repo.list_rows(s, [e.id])[e.id]["village"] == "周庄社区"
    township.save_village(s, township.Village(name="华宏村"))
    with pytest.raises(ValueError, match="不能重名"):
        township.rename_village(s, v, "华宏村")
    with pytest.raises(ValueError, match="不能为空"):
        township.rename_village(s, v, "  ")


def test_retire_village_refused_while_enterprises_are_in_it(s):
    v = vid(s, "周庄村")
    other = township.save_village(s, township.Village(name="华宏村"))
    e = repo.save(s, Enterprise(name="江阴甲机械厂", legacy_reg_no="320281000001", village_id=v))
    with pytest.raises(ValueError, match="还有1家企业"):
        township.set_village_active(s, v, False)
    e.village_id = other.id
    repo.save(s, e)
    township.set_village_active(s, v, False)
    repo.delete(s, e.id)
    assert [x.name for x in township.list_villages(s)] == ["华宏村"]            # no longer offered
    assert {x.name for x in township.list_villages(s, include_retired=True)} == {"周庄村", "华宏村"}  # kept
    with pytest.raises(ValueError, match="至少保留一个"):
        township.set_village_active(s, other.id, False)
    township.set_village_active(s, v, True)
    assert len(township.list_villages(s)) == 2


def test_setup_does_not_duplicate_a_retired_village(s):
    township.save_village(s, township.Village(name="华宏村"))
    township.set_village_active(s, vid(s, "华宏村"), False)
    township.apply_setup(s, TownshipSetup(township="周庄镇", device_code="A1", villages=["周庄村", "华宏村"],
                                          officers=township.list_officers(s)))
    assert len(township.list_villages(s, include_retired=True)) == 2


# --- officers ------------------------------------------------------------------------------

def test_correcting_a_certificate_number_keeps_the_officer(s):
    o = township.list_officers(s)[0]
    o.cert_no = "32019999"
    township.save_officer(s, o)
    officers = township.list_officers(s, active_only=False)
    assert len(officers) == 2 and o.id in {x.id for x in officers}
    assert "32019999" in {x.cert_no for x in officers}


def test_certificate_number_belongs_to_one_officer(s):
    with pytest.raises(ValueError, match="已属于"):
        township.save_officer(s, Officer("王五", "32010001"))


def test_bad_phone_is_refused(s):
    with pytest.raises(ValueError, match="电话"):
        township.save_officer(s, Officer("王五", "32010003", phone="0510-12"))
    assert township.save_officer(s, Officer("王五", "32010003", phone="138 1234 5678")).phone == "13812345678"


def test_retire_officer_refused_on_a_draft_and_when_two_would_not_remain(s):
    a, b = township.list_officers(s)
    with pytest.raises(ValueError, match="不足两名"):
        township.set_officer_active(s, a.id, False)
    c = township.save_officer(s, Officer("王五", "32010003"))
    ent = add_enterprise(s)
    insp = inspections.start_inspection(s, enterprise_id=ent, officer_ids=[a.id, b.id])
    with pytest.raises(ValueError, match="未完成的检查"):
        township.set_officer_active(s, a.id, False)
    township.set_officer_active(s, c.id, False)
    assert c.id not in {o.id for o in township.list_officers(s)}
    assert c.id in {o.id for o in township.list_officers(s, active_only=False)}
    assert insp


def test_retiring_the_current_officer_clears_the_setting(s):
    township.save_officer(s, Officer("王五", "32010003"))
    a = township.list_officers(s)[0]
    prefs.put_many(s, {S.CURRENT_OFFICER: a.id})
    township.set_officer_active(s, a.id, False)
    assert prefs.get(s, S.CURRENT_OFFICER) == ""


# --- the device code -------------------------------------------------------------------------

def test_device_code_changes_freely_before_any_document(s):
    assert township.device_code_change_effect(s, "B2") is None
    township.change_device_code(s, "B2")
    assert prefs.get(s, S.DEVICE_CODE) == "B2" and s.device == "B2"


def test_device_code_change_after_issuing_needs_confirmation_and_is_logged(s):
    ent = add_enterprise(s)
    issue(s, ent)
    effect = township.device_code_change_effect(s, "B2")
    assert "1份文书" in effect and "从第1号" in effect
    with pytest.raises(ValueError, match="请确认"):
        township.change_device_code(s, "B2")
    assert prefs.get(s, S.DEVICE_CODE) == "A1"
    with pytest.raises(ValueError, match="不能在此更改"):
        township.apply_setup(s, TownshipSetup(township="周庄镇", device_code="B2", villages=["周庄村"],
                                              officers=township.list_officers(s)))
    township.change_device_code(s, "B2", confirmed=True, note="县局重新分配")
    assert prefs.get(s, S.DEVICE_CODE) == "B2"
    [entry] = township.device_code_log(s)
    assert (entry["old_code"], entry["new_code"], entry["issued_under_old"]) == ("A1", "B2", 1)
    assert issue(s, ent)["series"] == "B2"
