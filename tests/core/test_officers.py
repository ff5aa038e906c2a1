"""The two-officer rule (行政处罚法第四十二条), applied the same way everywhere."""

from types import SimpleNamespace

import pytest

from inspector_app.core.documents import Officer as Signer
from inspector_app.core.officers import (LAW, distinct_officers, require_two_officers,
                                         two_officers_problem)
from inspector_app.core.township import Officer


@pytest.mark.parametrize("officers, n", [
    ([], 0),
    (None, 0),
    (["o1"], 1),
    (["o1", "o2"], 2),
    (["o1", "o1"], 1),                       # the same id twice
    (["o1", " o1 "], 1),
    (["o1", "", "  ", None], 1),             # blanks do not count
    ([Officer("张三"), Officer("张三", cert_no="2")], 1),   # the same name twice
    ([Officer("张三"), Officer(" 张三 ")], 1),
    ([Officer("张三"), Officer("李四")], 2),
    ([Officer("张三"), Officer("")], 1),
    ([Signer("张三", "1"), Signer("李四", "2"), Signer("王五", "3")], 3),
    ([("张三", "1"), ["李四", "2"]], 2),
    ([{"name": "张三"}, {"name": "张三"}, {"name": "李四"}], 2),
    ([SimpleNamespace(name="张三"), SimpleNamespace(name=None)], 1),
])
def test_distinct_officers(officers, n):
    assert len(distinct_officers(officers)) == n
    if n >= 2:
        assert require_two_officers(officers, what="执法检查") == distinct_officers(officers)
        assert two_officers_problem(officers, what="执法检查") is None
    else:
        with pytest.raises(ValueError) as err:
            require_two_officers(officers, what="执法检查")
        assert str(err.value) == two_officers_problem(officers, what="执法检查")


def test_one_officer_is_refused_and_two_are_enough():
    with pytest.raises(ValueError, match="至少两名执法人员"):
        require_two_officers(["o1"], what="执法检查")
    assert require_two_officers(["o1", "o2"], what="执法检查") == ["o1", "o2"]


def test_order_is_kept_and_the_first_of_a_repeat_wins():
    first, again, other = Officer("张三", cert_no="1"), Officer("张三", cert_no="2"), Officer("李四")
    assert require_two_officers([first, again, other], what="执法文书") == [first, other]


def test_one_message_naming_the_act_the_count_and_the_law():
    message = two_officers_problem([Officer("张三"), Officer("张三")], what="执法文书")
    assert message == ("执法文书须有至少两名执法人员（行政处罚法第四十二条：执法人员不得少于两人），"
                       "现有1名，请补足；同一人填写两次只算一名。")
    assert LAW in two_officers_problem([], what="执法检查")
    assert two_officers_problem([], what="执法检查").startswith("执法检查须有")
    assert "现有0名" in two_officers_problem([], what="执法检查")


def test_the_setup_and_documents_use_the_rule():
    from datetime import date

    from inspector_app.core import documents as d
    from inspector_app.core.township import TownshipSetup

    setup = TownshipSetup(court="江阴市人民法院", township="周庄镇", device_code="A1", villages=["周庄村"],
                          officers=[Officer("张三", cert_no="1"), Officer("张三", cert_no="2")])
    assert setup.errors()["officers"].startswith(two_officers_problem(setup.officers, what="执法检查"))
    with pytest.raises(ValueError, match="执法文书须有至少两名执法人员"):
        d.RectificationOrder(authority=d.Authority(name="江阴市应急管理局", abbr="澄", review_government="江阴市人民政府", court=""),
                             officers=[("张三", "1"), ("张三", "1")], issued_on=date(2026, 3, 5),
                             party=d.Party(name="某公司"), items=[])
