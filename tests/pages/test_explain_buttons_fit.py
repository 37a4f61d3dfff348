"""Evaluate's "Explain <row>" buttons show the whole row name: six a line cut "Explain row 199"
to "Explain row …" at 1366 px (seen on an uploaded 240-row table), hiding the row it opens."""

from __future__ import annotations

from ui.evaluate_errors import buttons_per_row


def test_short_row_names_keep_six_buttons_a_line():
    assert buttons_per_row(["Explain row 68", "Explain row 14"]) == 6
    assert buttons_per_row(["Explain #7"]) == 6
    assert buttons_per_row([]) == 6


def test_a_three_digit_row_or_an_id_gets_wider_buttons():
    assert buttons_per_row(["Explain row 68", "Explain row 199"]) == 4
    assert buttons_per_row(["Explain row 12345"]) == 4
    assert buttons_per_row(["Explain PX\\-4000\\-2023\\-extra"]) == 3  # escapes do not count
    assert buttons_per_row(["Explain " + "x" * 80]) == 2


def test_chinese_characters_count_as_two():
    assert buttons_per_row(["解释 第 68 行"]) == 6
    assert buttons_per_row(["解释 第 1999 行"]) == 4
