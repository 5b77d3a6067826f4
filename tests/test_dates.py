"""Dates as copied pages write them: found in text, recognised as a date line, years worked out."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_archive import dates
from alliance_archive.dates import find_dates, infer_year, is_date_line, parse_iso


def first_date(text: str) -> dt.date | None:
    found = find_dates(text)
    assert found, f"no date found in {text!r}"
    return found[0].to_date()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-3-8", dt.date(2014, 3, 8)),
        ("3 min readMar 16, 2017", dt.date(2017, 3, 16)),
        ("2 September 2022", dt.date(2022, 9, 2)),
        ("Sept. 28, 2012", dt.date(2012, 9, 28)),
        ("July 02, 2013 1:26 AM", dt.date(2013, 7, 2)),
        ("June 14th, 2018", dt.date(2018, 6, 14)),
        ("Honolulu, 2 September 2022 (TDI): The ministers met.", dt.date(2022, 9, 2)),
        ("The talks were held on Thursday, March 16, 2017, in Tokyo.", dt.date(2017, 3, 16)),
        ("2019/11/04", dt.date(2019, 11, 4)),
    ],
)
def test_find_dates_reads_full_dates(text: str, expected: dt.date) -> None:
    assert first_date(text) == expected


def test_a_day_and_month_without_year() -> None:
    found = find_dates("The ministers will meet again on Friday, May 31 in Seoul.")
    assert len(found) == 1
    d = found[0]
    assert (d.year, d.month, d.day, d.weekday) == (None, 5, 31, 4)
    assert d.to_date() is None


@pytest.mark.parametrize(
    "text",
    [
        "Officials may 5 times a year review the plan.",
        "The allies may 12 months from now revisit the agreement.",
        "We may see progress, and they may well agree.",
    ],
)
def test_may_as_a_verb_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


def test_capitalised_may_with_a_day_is_a_date() -> None:
    found = find_dates("The statement was issued on May 5.")
    assert [(d.month, d.day) for d in found] == [(5, 5)]


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("February 30, 2021") == []
    assert find_dates("2021-13-01") == []


def test_dates_come_in_order_of_appearance() -> None:
    found = find_dates("Signed on 2 September 2022 and published on Sept. 28, 2023.")
    assert [f.to_date() for f in found] == [dt.date(2022, 9, 2), dt.date(2023, 9, 28)]


@pytest.mark.parametrize(
    "line",
    [
        "2014-3-8",
        "2 September 2022",
        "Sept. 28, 2012",
        "July 02, 2013 1:26 AM",
        "June 14th, 2018",
        "Posted on November 9, 2021",
        "Thursday, March 16, 2017",
        "UpdatedMar 16, 2017",
        "Posted: March 16, 2017 |",
        "Updated on Wednesday, September 28, 2017 at 11:30 AM (KST)",
        "Posted October. 25, 2000 19:22,",
    ],
)
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


def test_a_read_time_byline_is_not_a_date_line_but_its_date_is_found() -> None:
    line = "3 min readMar 16, 2017"
    assert not is_date_line(line)
    assert first_date(line) == dt.date(2017, 3, 16)


def test_a_date_line_is_at_most_sixty_characters() -> None:
    sixty = "Last updated Wednesday, September 28, 2017 at 11:30 AM (KST)"
    sixty_one = "Last updated: Wednesday, September 28, 2017 at 11:30 AM (KST)"
    assert (len(sixty), len(sixty_one)) == (60, 61)
    assert is_date_line(sixty)
    assert not is_date_line(sixty_one)
    assert not is_date_line("Last updated on Wednesday, September 28, 2017 at 11:30 AM (Korea Standard Time)")


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met on March 16, 2017 in Tokyo to discuss the alliance.",
        "Friday, May 31",
        "Press Statement",
        "May the alliance endure",
        "Talks on March 16, 2017 in Tokyo",
        "Mar 16, 2017 X",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


def test_infer_year_by_weekday_within_a_range() -> None:
    (found,) = find_dates("Friday, May 31")
    # May 31 was a Friday in 2013, 2019 and 2024; only 2019 lies within this range
    assert infer_year(found, dt.date(2017, 1, 20), dt.date(2021, 1, 20)) == dt.date(2019, 5, 31)
    assert infer_year(found, dt.date(2009, 1, 20), dt.date(2017, 1, 20)) == dt.date(2013, 5, 31)


def test_infer_year_refuses_to_guess_when_several_years_fit() -> None:
    (found,) = find_dates("Friday, May 31")
    assert infer_year(found, dt.date(2012, 1, 1), dt.date(2020, 12, 31)) is None
    (no_weekday,) = find_dates("on May 31 the talks ended")
    assert infer_year(no_weekday, dt.date(2018, 1, 1), dt.date(2019, 12, 31)) is None
    assert infer_year(no_weekday, dt.date(2018, 6, 1), dt.date(2019, 3, 1)) is None
    assert infer_year(no_weekday, dt.date(2018, 6, 1), dt.date(2019, 6, 30)) == dt.date(2019, 5, 31)


def test_infer_year_when_no_year_fits() -> None:
    (found,) = find_dates("Friday, May 31")
    assert infer_year(found, dt.date(2014, 1, 1), dt.date(2018, 12, 31)) is None


def test_parse_iso_is_strict() -> None:
    assert parse_iso("2020-02-29") == dt.date(2020, 2, 29)
    for bad in ["2020-2-29", "29/02/2020", "2021-02-29", "yesterday"]:
        with pytest.raises(ValueError):
            parse_iso(bad)
    with pytest.raises(ValueError, match=r"'29/02/2020' is not a date in the form YYYY-MM-DD"):
        parse_iso("29/02/2020")


def test_us_numeric_dates_are_month_first() -> None:
    # 09/28/2012 can only be read month first; 03/04/2012 would read either way, and is March 4
    assert first_date("Released on 09/28/2012 in Washington.") == dt.date(2012, 9, 28)
    assert first_date("03/04/2012") == dt.date(2012, 3, 4)


def test_a_slashed_date_that_cannot_be_month_first_is_day_first() -> None:
    # as pages outside the United States write it: 28/09/2012 has no 28th month
    assert first_date("Seoul, 28/09/2012") == dt.date(2012, 9, 28)
    assert first_date("Posted: 15/06/2016 10:00") == dt.date(2016, 6, 15)
    assert first_date("13/05/2014") == dt.date(2014, 5, 13)
    assert first_date("12/05/2014") == dt.date(2014, 12, 5)
    assert is_date_line("28/09/2012")
    # neither reading is a date: none is found
    assert find_dates("13/13/2012") == [] and find_dates("32/01/2012") == []


def test_dotted_numeric_dates_are_day_first() -> None:
    assert first_date("Seoul, 28.09.2012") == dt.date(2012, 9, 28)
    assert first_date("04.03.2012") == dt.date(2012, 3, 4)
    assert is_date_line("28.09.2012")


def test_every_date_after_one_already_taken_is_still_found() -> None:
    # "2 Sept." alone would also read as a day-month date inside the full one
    found = find_dates("Signed 2 Sept. 2022 and reviewed 5 October.")
    assert [(d.year, d.month, d.day) for d in found] == [(2022, 9, 2), (None, 10, 5)]


def test_dates_written_against_each_other_are_both_found() -> None:
    assert [(d.month, d.day) for d in find_dates("2019-11-04May 5")] == [(11, 4), (5, 5)]
    assert [(d.month, d.day) for d in find_dates("5 Sept.Mar 16, 2017")] == [(9, 5), (3, 16)]


def test_an_impossible_date_does_not_hide_the_dates_after_it() -> None:
    assert [d.to_date() for d in find_dates("February 30, 2021 and March 3, 2021")] == [dt.date(2021, 3, 3)]


def test_a_verb_may_does_not_hide_the_dates_after_it() -> None:
    found = find_dates("Officials may 5 times a year review it; they meet on June 3.")
    assert [(d.month, d.day) for d in found] == [(6, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on January 1", (1, 1)),
        ("until December 31", (12, 31)),
        ("Friday, May 1", (5, 1)),
        ("on june 5", (6, 5)),
    ],
)
def test_day_month_dates_at_the_ends_of_the_calendar(text: str, expected: tuple[int, int]) -> None:
    assert [(d.month, d.day) for d in find_dates(text)] == [expected]


def test_a_day_past_thirty_one_is_no_date() -> None:
    assert find_dates("Friday, May 32") == []
    assert find_dates("on June 35") == []
    assert [(d.month, d.day) for d in find_dates("not on June 35 but on June 5")] == [(6, 5)]


def test_lower_case_may_is_a_date_with_a_year_or_a_weekday() -> None:
    assert [d.to_date() for d in find_dates("posted may 5, 2019")] == [dt.date(2019, 5, 5)]
    assert [(d.month, d.day, d.weekday) for d in find_dates("on friday, may 5 the talks")] == [(5, 5, 4)]
    assert find_dates("they may. 5 of them") == []


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("Monday, May 27", 0), ("Tuesday, May 28", 1), ("Thurs., May 30", 3), ("Thursday, May 30", 3)],
)
def test_weekdays_are_read_from_their_first_three_letters(text: str, weekday: int) -> None:
    assert [d.weekday for d in find_dates(text)] == [weekday]


def test_infer_year_skips_a_year_without_the_day() -> None:
    (leap,) = find_dates("on February 29 the allies met")
    assert infer_year(leap, dt.date(2019, 1, 1), dt.date(2021, 12, 31)) == dt.date(2020, 2, 29)


def test_infer_year_includes_both_ends_of_the_range() -> None:
    (found,) = find_dates("on May 31 the talks ended")
    assert infer_year(found, dt.date(2019, 5, 31), dt.date(2020, 5, 30)) == dt.date(2019, 5, 31)
    assert infer_year(found, dt.date(2019, 6, 1), dt.date(2020, 5, 31)) == dt.date(2020, 5, 31)


_MONTHISH_WORDS = [
    *dates._MONTH_HEADS,
    *(m.upper() for m in dates._MONTH_HEADS),
    *(m.lower() for m in dates._MONTH_HEADS),
    *("read" + m + " 16" for m in dates._MONTH_HEADS),
    "\u017fep",
    "\u0130",
    "9",
    " ",
    "x",
]


@given(st.lists(st.sampled_from(_MONTHISH_WORDS) | st.text(max_size=5), max_size=8).map("".join))
def test_the_quick_month_tests_answer_as_the_expressions_they_stand_before(text: str) -> None:
    """A month's name looked for in the lowered text, and a glued date split only where a month's
    abbreviation is: the same answers as the regular expressions alone."""
    assert dates._has_month(text) == bool(dates._MONTHISH.search(text))
    assert dates._split_glued(text) == dates._GLUED.sub(r"\1 ", text)
