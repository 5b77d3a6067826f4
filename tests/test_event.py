"""The statement's own date and place, not those of meetings it refers to.

Invented pages: a header date wins over a link address, dates in Korean and Japanese page forms, no
date for a text that states none, and the event's place from where the speaker stands, the page
header, a venue, with sentences about an earlier meeting or a coming trip left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from alliance_archive.clean import clean
from alliance_archive.dates import find_dates
from alliance_archive.extract import extract, find_places, find_stated_date

HEADLINE = "Foreign Ministers Hold Talks on Regional Fisheries Cooperation"
PARAGRAPHS = [
    "The foreign ministers of the two countries held talks on fisheries cooperation, agreeing to share "
    "data on catches and to patrol their shared waters together.",
    "They also discussed training for port inspectors and a joint survey of fish stocks in the strait.",
]


def lines_of(*parts: str) -> list[str]:
    out: list[str] = []
    for p in parts:
        out += [p, ""]
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("posted by ann 2024. 4. 12. 16:22", dt.date(2024, 4, 12)),
        ("2017年2月12日日曜日", dt.date(2017, 2, 12)),
        ("2009. 3. 1.", dt.date(2009, 3, 1)),
    ],
)
def test_korean_and_japanese_page_dates(text: str, expected: dt.date) -> None:
    assert find_dates(text)[0].to_date() == expected


def test_a_decimal_number_is_not_a_korean_date() -> None:
    assert not any(f.to_date() for f in find_dates("Exports grew by 2024.4 tonnes in 12 months."))


def test_a_header_date_wins_over_the_date_in_a_link_address() -> None:
    lines = lines_of(HEADLINE, "https://example.org/news/2019/03/02/talks", "March 4, 2019", *PARAGRAPHS)
    day, ev = find_stated_date(clean(lines))
    assert day == dt.date(2019, 3, 4)
    assert ev is not None and ev.confidence == 1.0


def test_a_link_address_gives_the_date_only_when_nothing_else_does() -> None:
    lines = lines_of(HEADLINE, "https://example.org/news/2019/03/02/talks", *PARAGRAPHS)
    day, ev = find_stated_date(clean(lines))
    assert day == dt.date(2019, 3, 2)
    assert ev is not None and ev.confidence < 0.7 and "link" in ev.doubt


def test_a_repost_date_above_the_headline_is_read_with_less_confidence() -> None:
    lines = lines_of("Notes of a harbour watcher", "posted by ann 2024. 4. 12. 16:22", HEADLINE, *PARAGRAPHS)
    day, ev = find_stated_date(clean(lines))
    assert day == dt.date(2024, 4, 12)
    assert ev is not None and ev.confidence < 1.0 and "above the headline" in ev.doubt


def test_a_date_deep_in_the_text_is_not_the_statements_date() -> None:
    later = "The agreement builds on the survey the two sides signed on April 17, 2013, in a fishing port."
    lines = lines_of(HEADLINE, *PARAGRAPHS, later)
    assert find_stated_date(clean(lines)) == (None, None)
    record = extract(clean(lines))
    assert record.date is None and record.date_basis == "none"


def test_a_date_opening_an_early_paragraph_is_read() -> None:
    lines = lines_of(HEADLINE, PARAGRAPHS[0], "On May 7, 2013, the ministers also signed a survey accord.")
    day, ev = find_stated_date(clean(lines))
    assert day == dt.date(2013, 5, 7) and ev is not None and ev.confidence < 1.0


def test_a_date_in_a_row_of_labels_under_the_headline_is_read() -> None:
    lines = lines_of(HEADLINE, "23-041 | Oct. 5, 2021 | Releases", *PARAGRAPHS)
    assert find_stated_date(clean(lines))[0] == dt.date(2021, 10, 5)


def test_a_date_in_the_headline_line_itself_is_read() -> None:
    lines = lines_of("Harbor Ministry", f"date 2021-10-05 {HEADLINE}", *PARAGRAPHS)
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert find_stated_date(cleaned)[0] == dt.date(2021, 10, 5)


def test_a_photo_captions_date_is_read_when_the_text_states_none() -> None:
    caption = (
        "Fisheries Minister Ana Ruiz (L) greets her counterpart at the port office in Busan, May 3, 2019."
    )
    lines = lines_of(HEADLINE, caption, *PARAGRAPHS)
    cleaned = clean(lines)
    assert cleaned.blocks[0].kind == "caption"
    assert find_stated_date(cleaned)[0] == dt.date(2019, 5, 3)


def test_the_day_of_the_event_the_opening_reports_is_read() -> None:
    opening = (
        "The foreign ministers of the two countries convened a meeting on fisheries cooperation in Busan "
        "on November 12, 2021, and agreed to share data on catches."
    )
    day, ev = find_stated_date(clean(lines_of(HEADLINE, opening, PARAGRAPHS[1])))
    assert day == dt.date(2021, 11, 12)
    assert ev is not None and ev.confidence < 1.0
    earlier = (
        "The foreign ministers of the two countries recalled the accord signed at their previous meeting "
        "on November 12, 2011, in a port far to the south, and agreed to renew it."
    )
    assert find_stated_date(clean(lines_of(HEADLINE, earlier, PARAGRAPHS[1]))) == (None, None)


def test_the_day_first_then_the_event_is_read_past_a_fused_heading() -> None:
    # a copy of a document's heading fused to its opening (a PDF flattened into one line)
    opening = (
        "Joint Statement of the Fisheries Committee Joint Statement of the Fisheries Committee "
        "On November 12, 2021, the fisheries committee of the two countries convened in Busan "
        "and agreed to share data on catches."
    )
    day, ev = find_stated_date(clean(lines_of(HEADLINE, opening, PARAGRAPHS[1])))
    assert day == dt.date(2021, 11, 12) and ev is not None and ev.confidence < 1.0
    # the day first with no event after it is not the statement's
    other = opening.replace("convened in Busan and agreed to share", "the sea off Busan was calm for the")
    assert find_stated_date(clean(lines_of(HEADLINE, other, PARAGRAPHS[1]))) == (None, None)


def test_a_date_above_the_headline_outside_the_officials_terms_is_not_the_statements() -> None:
    """A site's bar with today's date: the officials the text names held their offices years before."""
    body = [
        "Secretary of State Hillary Rodham Clinton met Foreign Minister Yu Myung-hwan in Seoul and said "
        "the two allies would keep working closely on the peninsula.",
        PARAGRAPHS[1],
    ]
    lines = lines_of("Tuesday, June 18, 2024", HEADLINE, *body)
    record = extract(clean(lines))
    assert record.date is None
    assert record.date_range is not None and record.date_range.latest < "2013"


def test_a_date_above_the_headline_is_kept_where_a_former_official_is_named() -> None:
    """A release date above the headline, in a text that names officials of different years (one of
    them long out of office): one of them held office that day, so the date stands."""
    body = [
        "A senior official said the President would honor the memory of former Prime Minister Junichiro "
        "Koizumi and meet Prime Minister Fumio Kishida in Tokyo.",
        PARAGRAPHS[1],
    ]
    record = extract(clean(lines_of("For Immediate Release June 6, 2023", HEADLINE, *body)))
    assert record.date == "2023-06-06" and record.date_basis == "stated"
    # the speakers' own terms still rule out a site's date beside them
    quoted = [
        body[0].replace("A senior official said", "Secretary of State Hillary Rodham Clinton said"),
        PARAGRAPHS[1],
    ]
    record = extract(clean(lines_of("For Immediate Release June 6, 2023", HEADLINE, *quoted)))
    assert record.date is None


def test_the_day_of_the_event_is_read_past_an_abbreviation_in_the_sentence() -> None:
    opening = (
        "The fisheries committee of the two countries convened in Washington D.C. on December 15, 2023, "
        "and agreed to share data on catches."
    )
    day, ev = find_stated_date(clean(lines_of(HEADLINE, opening, PARAGRAPHS[1])))
    assert day == dt.date(2023, 12, 15) and ev is not None and ev.confidence < 1.0


def test_a_day_and_month_take_the_year_the_page_gives_that_month() -> None:
    """'On November 6' under an issue label 'November 2017': the officials' terms leave three years."""
    opening = (
        "On November 6, Prime Minister Shinzo Abe held a working lunch with President Donald J. Trump "
        "and said the two allies would stand together."
    )
    lines = lines_of(
        "Home > Harbor Monthly > Harbor Monthly November 2017 > Diary", HEADLINE, opening, PARAGRAPHS[1]
    )
    record = extract(clean(lines))
    assert record.date == "2017-11-06" and record.date_basis == "year_inferred"
    # another month with its year says nothing of November's
    record = extract(clean([line.replace("November 2017", "March 2017") for line in lines]))
    assert record.date is None


def test_a_datelines_day_takes_the_year_of_the_pages_own_dates() -> None:
    """'BUSAN, Dec. 19 (Harbor News) --' under a photo dated a month before: the article's day is the
    dateline's, in the photo's year; a caption's date above the headline is the photo's, not the day."""
    caption = "Photo: the two ministers (L) shake hands in Busan on November 12, 2023."
    opening = "BUSAN, Dec. 19 (Harbor News) -- " + PARAGRAPHS[0]
    day, ev = find_stated_date(clean(lines_of(caption, HEADLINE, opening, PARAGRAPHS[1])))
    assert day == dt.date(2023, 12, 19) and ev is not None and "dateline" in ev.doubt
    # with no date stated anywhere, the dateline alone gives no year
    assert find_stated_date(clean(lines_of(HEADLINE, opening, PARAGRAPHS[1]))) == (None, None)
    # a caption above the headline still dates a page whose article gives no day
    day, ev = find_stated_date(clean(lines_of(caption, HEADLINE, *PARAGRAPHS)))
    assert day == dt.date(2023, 11, 12) and ev is not None and "above the headline" in ev.doubt


def test_an_official_who_signs_the_text_is_its_speaker() -> None:
    """An opinion piece under the byline of a minister: the text is the minister's statement; a
    reporter's byline names no office and makes no speaker."""
    body = [
        "Our two countries have worked side by side on fisheries for seventy years, and I believe the "
        "next seventy will bring our coast guards closer still.",
        PARAGRAPHS[1],
    ]
    signed = extract(clean(lines_of(HEADLINE, "By Yoshimasa Hayashi, Minister for Foreign Affairs", *body)))
    assert [p.name for p in signed.speakers] == ["Yoshimasa Hayashi"]
    reported = extract(clean(lines_of(HEADLINE, "By Ann Lee", *body)))
    assert reported.speakers == []


def test_a_label_near_the_top_that_closes_on_its_date_dates_the_text() -> None:
    label = "Minister Ann Lee Address to the Harbor Society and the Port Council, November 27, 2013"
    day, ev = find_stated_date(clean(lines_of(HEADLINE, PARAGRAPHS[1], label, PARAGRAPHS[0])))
    assert day == dt.date(2013, 11, 27) and ev is not None and "closing" in ev.doubt
    pictured = "The two ministers hold a news conference in the harbor hall, April 30, 2012."
    assert find_stated_date(clean(lines_of(HEADLINE, pictured, *PARAGRAPHS)))[0] == dt.date(2012, 4, 30)
    # an earlier occasion, a long paragraph, a date inside the line or one after no comma: not the text's
    earlier = "The ministers recalled the accord they signed at their previous meeting, May 3, 2011."
    long = PARAGRAPHS[0] + " They will meet again in the spring at the port, June 2, 2014."
    inside = "The ministers of both countries again pointed to the accord of April 30, 2012, as their basis."
    for line in (earlier, long, inside):
        assert find_stated_date(clean(lines_of(HEADLINE, line, PARAGRAPHS[1]))) == (None, None)
    unlabelled = (
        "An exhibition of old harbor photographs from both coasts opens at the museum November 27, 2013"
    )
    assert find_stated_date(clean(lines_of(HEADLINE, PARAGRAPHS[1], unlabelled, PARAGRAPHS[0]))) == (
        None,
        None,
    )


def places(*parts: str) -> list[str]:
    return find_places(clean(lines_of(HEADLINE, *parts)))[0]


def test_where_the_speaker_stands_wins_over_an_earlier_meeting() -> None:
    assert places(
        "When we met a few weeks ago in Washington, you spoke of the fishing towns of your coast.",
        "It is an honour to be here in the Ministry of Maritime Affairs with old friends today.",
        *PARAGRAPHS,
    ) == ["Ministry of Maritime Affairs"]


def test_welcome_to_a_venue_names_it() -> None:
    assert places("Minister, I welcome you to the famous White House for these talks.", *PARAGRAPHS) == [
        "White House"
    ]


def test_a_trip_still_to_come_is_not_the_events_place() -> None:
    assert (
        places(
            "The minister will be traveling to Tokyo and Seoul next week for talks on fisheries.", *PARAGRAPHS
        )
        == []
    )


def test_the_meeting_sentence_names_the_city() -> None:
    assert places("The ministers met in Seoul on Monday for talks on fisheries.", *PARAGRAPHS) == ["Seoul"]


def test_a_venue_is_the_place_where_no_city_is_named() -> None:
    assert places(
        "The ministers held a meeting at the Department of Fisheries for two hours.", *PARAGRAPHS
    ) == ["Department of Fisheries"]


def test_a_header_place_line_with_a_known_country_names_a_city_the_gazetteer_lacks() -> None:
    found = find_places(clean(lines_of(HEADLINE, "Gangneung, Republic of Korea", "May 2, 2022", *PARAGRAPHS)))
    assert found[0] == ["Gangneung"]


def test_a_call_has_no_place() -> None:
    lines = lines_of(
        HEADLINE, "Via Telephone", "The ministers held talks in Seoul and Tokyo by phone.", *PARAGRAPHS
    )
    assert find_places(clean(lines))[0] == []


def test_a_visit_to_one_of_the_three_countries_names_it() -> None:
    assert places(
        "On the occasion of the visit to the United States by the minister, the partners agreed."
    ) == ["United States"]


def test_a_venue_line_below_the_headline_names_the_place_when_the_text_names_none() -> None:
    found = find_places(clean(lines_of(HEADLINE, "Grand Harbour Hall", "2:15 P.M. local time", *PARAGRAPHS)))
    assert found[0] == ["Grand Harbour Hall"]
    assert found[1] is not None and found[1].confidence < 1.0


def test_a_country_alone_below_the_headline_names_the_place() -> None:
    assert find_places(clean(lines_of(HEADLINE, "March 4, 2019", "Philippines", *PARAGRAPHS)))[0] == [
        "Philippines"
    ]


def test_an_office_line_below_the_headline_is_not_a_venue() -> None:
    assert find_places(clean(lines_of(HEADLINE, "Office of the Press House", *PARAGRAPHS)))[0] == []


@pytest.mark.parametrize(
    ("verb", "expected"),
    [("held talks with", dt.date(2021, 7, 1)), ("will hold talks with", None)],
)
def test_a_day_and_month_of_an_occasion_to_come_is_not_the_statements(
    tmp_path: Path, verb: str, expected: dt.date | None
) -> None:
    from alliance_archive.pipeline import build_statement
    from alliance_archive.registry import registry

    seed = tmp_path / "seed.txt"
    seed.write_text(
        f"{HEADLINE}\n\nSecretary of State Antony Blinken {verb} the foreign ministers of the region on "
        "Thursday, July 1, in Washington, the department said.\n\n" + "\n\n".join(PARAGRAPHS) + "\n",
        encoding="utf-8",
    )
    assert build_statement(seed, registry()).date == (expected.isoformat() if expected else None)


@pytest.mark.parametrize("opening", ["TOKYO -- The ministers", "Tokyo (AP) \u2014 The ministers"])
def test_a_wire_dateline_without_a_date_gives_the_place(opening: str) -> None:
    assert places(f"{opening} signed the fisheries accord and agreed to meet again.", *PARAGRAPHS) == [
        "Tokyo"
    ]


def test_a_name_and_a_dash_that_is_no_city_gives_no_place() -> None:
    assert places("Ministers -- the two sides signed the fisheries accord on the day.", *PARAGRAPHS) == []


def test_a_country_a_message_goes_to_is_not_the_events_place() -> None:
    assert (
        places("The ministers met and agreed on a joint message to North Korea on its missile launches.")
        == []
    )
    assert places("The ministers met in Germany and agreed on a joint message to North Korea.") == ["Germany"]


def test_the_headline_names_the_events_city() -> None:
    headline = "Joint Press Conference With the Fisheries Ministers in Busan"
    assert find_places(clean(lines_of(headline, *PARAGRAPHS)))[0] == ["Busan"]


def test_a_city_among_the_parts_of_a_header_line_names_the_place() -> None:
    for line in ("Presidential Hall, Busan, South Korea", "Harbor Exhibition Center, Busan"):
        assert find_places(clean(lines_of(HEADLINE, line, *PARAGRAPHS)))[0] == ["Busan"]


def test_a_leader_visiting_a_city_names_it() -> None:
    assert places(
        "The prime minister, who was visiting Busan for the fisheries forum, met the minister."
    ) == ["Busan"]


def test_a_briefing_at_a_venue_names_it() -> None:
    assert places("The two ministers gave a joint briefing at the Pentagon on the new patrols.") == [
        "Pentagon"
    ]


def test_talks_earlier_in_the_day_are_the_same_occasion() -> None:
    assert places("The ministers reached the agreement during their talks in Busan earlier in the day.") == [
        "Busan"
    ]
    assert places("The ministers recalled the talks they held in Busan earlier this year.") == []
