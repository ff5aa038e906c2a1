import pytest

from inspector_app.core.phones import normalise, phone_problem


@pytest.mark.parametrize("ok", ["13812345678", "19912345678", "+86 13812345678", "138 1234 5678",
                                "0510-86861234", "051086861234", "0510 8686123", "025-84201234",
                                "0510-86861234-801", "１３８１２３４５６７８", ""])
def test_valid_numbers(ok):
    assert phone_problem(ok) is None


@pytest.mark.parametrize("bad", ["12812345678", "1381234567", "138123456789", "abc", "0510-123",
                                 "10086", "1381234567x"])
def test_invalid_numbers(bad):
    assert "不是有效的电话号码" in phone_problem(bad)


def test_a_landline_without_area_code_is_told_which_code():
    assert "0510-86861234" in phone_problem("86861234")


def test_normalise_keeps_landline_as_written():
    assert normalise("０５１０－86861234") == "0510-86861234"
    assert normalise("138 1234 5678") == "13812345678"
