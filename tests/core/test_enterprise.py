import pytest

from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise, ValidationErrors, core_name, validate

CODE = uscc.make("91", "320281", body8="12345678")


def test_valid_enterprise_normalises_fields():
    ent = validate(Enterprise(name="  江阴市华宏化工有限公司 ", uscc=CODE.lower(), risk_tags=["有限空间", "有限空间"]))
    assert ent.name == "江阴市华宏化工有限公司"
    assert ent.uscc == CODE
    assert ent.risk_tags == ["有限空间"]


def test_every_problem_is_reported_per_field():
    with pytest.raises(ValidationErrors) as err:
        validate(Enterprise(name="", uscc=CODE[:17] + "0" if CODE[17] != "0" else CODE[:17] + "1",
                            principal_phone="12345", sector="化工", risk_tags=["外星人"]))
    assert set(err.value.errors) == {"name", "uscc", "principal_phone", "sector", "risk_tags"}
    assert "校验位" in err.value.errors["uscc"]


def test_individual_business_may_have_no_code():
    validate(Enterprise(name="王建华五金加工店", scale="个体"))
    with pytest.raises(ValidationErrors) as err:
        validate(Enterprise(name="某某有限公司", scale="小微"))
    assert "uscc" in err.value.errors


def test_core_name_strips_place_and_form():
    assert core_name("江阴市华宏化工有限公司") == core_name("华宏化工有限责任公司") == "华宏化工"
