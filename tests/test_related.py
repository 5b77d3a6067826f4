"""Other accounts of the same event (related.py): statements linked where they report one meeting, call
or summit, and kept apart where the same officials met again; an editor's same_event corrections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance_archive import corrections, related, render
from alliance_archive.read import SeedError
from alliance_archive.record import Person, Statement

BLINKEN = Person("Antony Blinken", "Secretary of State", "US")
KAMIKAWA = Person("Yoko Kamikawa", "Foreign Minister", "JP")
PARK = Person("Park Jin", "Foreign Minister", "KR")
SULLIVAN = Person("Jake Sullivan", "National Security Advisor", "US")
AKIBA = Person("Takeo Akiba", "Secretary General of the National Security Secretariat", "JP")
BIDEN = Person("Joe Biden", "President", "US")
KISHIDA = Person("Fumio Kishida", "Prime Minister", "JP")
YOON = Person("Yoon Suk Yeol", "President", "KR")


def statement(
    sid: str,
    title: str,
    date: str | None,
    speakers: list[Person],
    mentioned: list[Person],
    places: list[str],
    summary: str,
) -> Statement:
    return Statement(
        id=sid,
        title=title,
        date=date,
        date_basis="stated" if date else "none",
        date_range=None,
        speakers=speakers,
        mentioned=mentioned,
        themes=[],
        places=places,
        publisher=None,
        source_file=f"seeds/{sid}.txt",
        source_sha256="0" * 64,
        text=summary,
        removed=[],
        quotes=[],
        seed_name=f"{sid}.txt",
        summary=summary,
    )


def fixtures() -> dict[str, Statement]:
    """Three governments' accounts of one trilateral meeting, a leaders' summit with its joint
    statement and press conference, two readouts of one telephone call, and other meetings of the
    same officials: the day before, a few days later, by telephone, in another city."""
    items = [
        # one trilateral foreign ministers' meeting in New York, as Washington, Tokyo and Seoul reported it
        statement(
            "us-readout-trilateral",
            "Secretary Blinken's Trilateral Meeting with Japanese Foreign Minister Kamikawa and "
            "ROK Foreign Minister Park",
            "2023-09-22",
            [BLINKEN],
            [KAMIKAWA, PARK],
            ["New York"],
            "Secretary of State Antony Blinken met today with Japanese Foreign Minister Yoko Kamikawa and "
            "Republic of Korea Foreign Minister Park Jin on the margins of the General Assembly.",
        ),
        statement(
            "jp-overview-trilateral",
            "Japan-U.S.-ROK Foreign Ministers' Meeting",
            "2023-09-22",
            [KAMIKAWA],
            [BLINKEN, PARK],
            ["New York"],
            "On September 22, Foreign Minister Kamikawa held a trilateral meeting with Secretary Blinken "
            "and Foreign Minister Park, during her visit to New York.",
        ),
        statement(
            "kr-release-trilateral",
            "ROK-U.S.-Japan Foreign Ministers' Meeting Held",
            "2023-09-23",  # dated in Seoul's time zone, a day later
            [PARK],
            [BLINKEN, KAMIKAWA],
            ["New York"],
            "Foreign Minister Park Jin held a meeting with the Secretary of State and the Foreign Minister "
            "of Japan in New York.",
        ),
        # the day before, the U.S. and Japanese ministers met on their own, in the same city
        statement(
            "us-readout-bilateral",
            "Secretary Blinken's Meeting with Japanese Foreign Minister Kamikawa",
            "2023-09-21",
            [BLINKEN],
            [KAMIKAWA],
            ["New York"],
            "Secretary of State Antony Blinken met with Japanese Foreign Minister Yoko Kamikawa today.",
        ),
        # three days later, the three ministers spoke by telephone
        statement(
            "us-readout-call",
            "Secretary Blinken's Call with Japanese Foreign Minister Kamikawa and ROK Foreign Minister Park",
            "2023-09-25",
            [BLINKEN],
            [KAMIKAWA, PARK],
            [],
            "Secretary of State Antony Blinken spoke by phone today with Foreign Minister Kamikawa and "
            "Foreign Minister Park about the launch of a ballistic missile.",
        ),
        # and the next day met again, in Washington
        statement(
            "us-readout-washington",
            "Trilateral Meeting of the Foreign Ministers in Washington",
            "2023-09-26",
            [BLINKEN],
            [KAMIKAWA, PARK],
            ["Washington"],
            "Secretary Blinken hosted a trilateral meeting with the Foreign Ministers of Japan and the "
            "Republic of Korea at the Department of State.",
        ),
        # a week later, back in New York, the three met again
        statement(
            "us-readout-week-later",
            "Secretary Blinken's Trilateral Meeting with the Foreign Ministers of Japan and the ROK",
            "2023-09-29",
            [BLINKEN],
            [KAMIKAWA, PARK],
            ["New York"],
            "Secretary of State Antony Blinken met again today in New York with Foreign Minister "
            "Kamikawa and Foreign Minister Park.",
        ),
        # one call between two national security advisers, dated a day apart across the Pacific
        statement(
            "us-readout-nsa-call",
            "Readout of National Security Advisor Jake Sullivan's Call with Secretary General Akiba",
            "2022-10-03",
            [SULLIVAN],
            [AKIBA],
            [],
            "National Security Advisor Jake Sullivan spoke by phone today with Secretary General "
            "Takeo Akiba.",
        ),
        statement(
            "jp-nsa-telephone-talk",
            "Telephone Talk between Secretary General Akiba and National Security Advisor Sullivan",
            "2022-10-04",
            [AKIBA],
            [SULLIVAN],
            [],
            "On October 4, Secretary General Akiba held a telephone talk with National Security Advisor "
            "Sullivan.",
        ),
        # their next call, three days later
        statement(
            "jp-nsa-second-call",
            "Telephone Talk between Secretary General Akiba and National Security Advisor Sullivan",
            "2022-10-07",
            [AKIBA],
            [SULLIVAN],
            [],
            "On October 7, Secretary General Akiba held another telephone talk with National Security "
            "Advisor Sullivan.",
        ),
        # a summit: the leaders' joint statement and their joint press conference
        statement(
            "summit-joint-statement",
            "The Spirit of Camp David: Joint Statement of Japan, the Republic of Korea, and the "
            "United States",
            "2023-08-18",
            [BIDEN, KISHIDA, YOON],
            [],
            ["Camp David"],
            "We, the leaders of Japan, the Republic of Korea, and the United States, met at Camp David for "
            "our first trilateral summit.",
        ),
        statement(
            "summit-press-conference",
            "Remarks by President Biden, Prime Minister Kishida and President Yoon in Joint Press Conference",
            "2023-08-18",
            [BIDEN, KISHIDA, YOON],
            [],
            ["Camp David"],
            "The three leaders spoke to reporters after their meeting at the presidential retreat.",
        ),
        # the same day and place, two of the leaders held a bilateral meeting
        statement(
            "summit-bilateral",
            "Remarks by President Biden and Prime Minister Kishida Before Bilateral Meeting",
            "2023-08-18",
            [BIDEN, KISHIDA],
            [],
            ["Camp David"],
            "President Biden welcomed Prime Minister Kishida to a bilateral meeting at Camp David.",
        ),
        # undated: never linked automatically
        statement(
            "undated-remarks",
            "Remarks on the Trilateral Partnership",
            None,
            [BLINKEN],
            [KAMIKAWA, PARK],
            ["New York"],
            "Secretary Blinken met the two ministers in New York.",
        ),
    ]
    return {s.id: s for s in items}


def linked(events: related.Events, sid: str) -> set[str]:
    return {link.other for link in events.links.get(sid, [])}


def test_accounts_of_one_meeting_are_linked_to_each_other() -> None:
    events = related.link_events(list(fixtures().values()))
    trilateral = {"us-readout-trilateral", "jp-overview-trilateral", "kr-release-trilateral"}
    for sid in trilateral:
        assert linked(events, sid) == trilateral - {sid}, sid
    assert linked(events, "us-readout-nsa-call") == {"jp-nsa-telephone-talk"}
    assert linked(events, "summit-joint-statement") == {"summit-press-conference"}
    assert events.problems == []


def test_other_meetings_of_the_same_officials_are_not_linked() -> None:
    events = related.link_events(list(fixtures().values()))
    # the day-before bilateral meeting in the same city, the later call, the later meeting elsewhere
    for sid in ("us-readout-bilateral", "us-readout-call", "us-readout-washington", "us-readout-week-later"):
        assert linked(events, sid) == set(), sid
    # the second call three days after the first, and the summit's bilateral meeting
    assert "jp-nsa-second-call" not in linked(events, "jp-nsa-telephone-talk")
    assert linked(events, "jp-nsa-second-call") == set()
    assert linked(events, "summit-bilateral") == set()
    assert linked(events, "undated-remarks") == set()


def test_a_link_lists_its_evidence() -> None:
    s = fixtures()
    score, evidence = related.compare(s["us-readout-trilateral"], s["kr-release-trilateral"])
    assert score >= related.THRESHOLD
    assert evidence == (
        "dated 22 September 2023 and 23 September 2023 (one day apart)",
        "both name Antony Blinken, Park Jin and Yoko Kamikawa",
        "both place it in New York",
        "both report a meeting",
        "both describe a trilateral event",
    )
    events = related.link_events(list(s.values()))
    link = next(x for x in events.links["jp-overview-trilateral"] if x.other == "us-readout-trilateral")
    assert link.evidence[0] == "both dated 22 September 2023" and not link.confirmed


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("us-readout-trilateral", "us-readout-bilateral", "bilateral and trilateral"),
        ("kr-release-trilateral", "us-readout-call", "a meeting and a telephone call"),
        ("us-readout-call", "us-readout-washington", "a call and a meeting in Washington"),
        ("kr-release-trilateral", "us-readout-washington", "New York and Washington"),
    ],
)
def test_contradicting_evidence_rules_a_link_out(a: str, b: str, why: str) -> None:
    s = fixtures()
    assert related.compare(s[a], s[b]) == (0, ()), why


def test_meeting_kind_is_read_from_the_title_and_opening() -> None:
    s = fixtures()
    assert related.meeting_kind(s["us-readout-call"]) == related.Kind("telephone", "trilateral")
    assert related.meeting_kind(s["us-readout-bilateral"]) == related.Kind("in person", "bilateral")
    assert related.meeting_kind(s["summit-bilateral"]).format == "bilateral"
    assert related.meeting_kind(s["jp-nsa-telephone-talk"]).medium == "telephone"


def test_an_editor_removes_a_link_from_either_side_and_adds_one() -> None:
    s = fixtures()
    # the Japanese overview's correction file removes its link to the Korean release ...
    s["jp-overview-trilateral"].same_event = {"remove": ["kr-release-trilateral"]}
    # ... and the U.S. readout's file links the undated remarks, named by their seed file
    s["us-readout-trilateral"].same_event = {"add": ["undated-remarks.txt"]}
    events = related.link_events(list(s.values()))
    assert "kr-release-trilateral" not in linked(events, "jp-overview-trilateral")
    assert "jp-overview-trilateral" not in linked(events, "kr-release-trilateral")
    assert "us-readout-trilateral" in linked(events, "kr-release-trilateral")  # untouched
    added = [x for x in events.links["us-readout-trilateral"] if x.other == "undated-remarks"]
    assert len(added) == 1 and added[0].confirmed
    back = [x for x in events.links["undated-remarks"] if x.other == "us-readout-trilateral"]
    assert len(back) == 1 and back[0].confirmed
    # confirmed links come first
    assert events.links["us-readout-trilateral"][0].other == "undated-remarks"
    assert events.problems == []


def test_an_editor_confirms_an_automatic_link() -> None:
    s = fixtures()
    s["kr-release-trilateral"].same_event = {"add": ["us-readout-trilateral"]}
    events = related.link_events(list(s.values()))
    link = next(x for x in events.links["us-readout-trilateral"] if x.other == "kr-release-trilateral")
    assert link.confirmed and link.evidence and link.score >= related.THRESHOLD


def test_a_correction_naming_no_statement_is_reported_with_its_seed() -> None:
    s = fixtures()
    s["us-readout-call"].same_event = {"add": ["no-such-statement"], "remove": ["us-readout-call"]}
    events = related.link_events(list(s.values()))
    assert [name for name, _ in events.problems] == ["us-readout-call.txt", "us-readout-call.txt"]
    assert "same_event.add names no statement 'no-such-statement'" in events.problems[0][1]
    assert "the statement itself" in events.problems[1][1]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["a"], "needs add and/or remove"),
        ({}, "needs add and/or remove"),
        ({"link": ["a"]}, "needs add and/or remove"),
        ({"add": "a"}, "'same_event.add' must be a list"),
        ({"remove": [3]}, "'same_event.remove' must be a list"),
        ({"add": [""]}, "'same_event.add' must be a list"),
    ],
)
def test_same_event_corrections_are_validated(value: object, message: str) -> None:
    with pytest.raises(SeedError, match=message) as raised:
        corrections.validate({"same_event": value}, set(), "correction file x.yml")
    assert "x.yml" in str(raised.value)


def test_same_event_corrections_are_accepted() -> None:
    fixes = corrections.validate(
        {"same_event": {"add": ["some-id", " 004_seed.txt "], "remove": []}}, set(), "correction file x.yml"
    )
    assert fixes == {"same_event": {"add": ["some-id", "004_seed.txt"], "remove": []}}


# --- built site -----------------------------------------------------------------------------------

SEED_US = """Secretary Blinken's Meeting with the Foreign Ministers of Japan and Korea

Secretary of State Antony Blinken met today in New York with the two foreign ministers to discuss
trilateral cooperation on North Korea.

The Secretary reaffirmed the ironclad commitment of the United States to the defense of its allies.
"""
SEED_JP = """Foreign Ministers' Meeting in New York

Foreign Minister Yoko Kamikawa held a meeting with the Secretary of State and the Korean minister in
New York to discuss the situation in North Korea.

The ministers confirmed that they would continue to coordinate closely.
"""
SEED_OTHER = """Remarks on the Alliance

Secretary of State Antony Blinken spoke about the alliance with Japan at a conference in Chicago.

He said the alliance was stronger than ever.
"""
CORRECTION_US = """date: 2023-09-22
speakers: [{name: Antony Blinken, role: Secretary of State, country: US}]
mentioned:
  - {name: Yoko Kamikawa, role: Foreign Minister, country: JP}
  - {name: Park Jin, role: Foreign Minister, country: KR}
places: [New York]
"""
CORRECTION_JP = """date: 2023-09-22
speakers: [{name: Yoko Kamikawa, role: Foreign Minister, country: JP}]
mentioned:
  - {name: Antony Blinken, role: Secretary of State, country: US}
  - {name: Park Jin, role: Foreign Minister, country: KR}
places: [New York]
"""
CORRECTION_OTHER = """date: 2023-10-30
speakers: [{name: Antony Blinken, role: Secretary of State, country: US}]
places: [Chicago]
same_event: {add: [us]}
"""


def _records(site: Path) -> dict[str, dict]:
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    return {Path(r["source"]["file"]).stem: r for r in data["statements"]}


def _section(page: str) -> str:
    start = page.index('id="same-event"')
    return page[start : page.index("</ul>", start)]


def test_statement_pages_list_other_accounts_with_evidence(build_site) -> None:
    site = build_site(
        {
            "us.txt": SEED_US,
            "us.yml": CORRECTION_US,
            "jp.txt": SEED_JP,
            "jp.yml": CORRECTION_JP,
            "other.txt": SEED_OTHER,
            "other.yml": CORRECTION_OTHER,
        },
        strict=True,
    )
    records = _records(site)
    us_page = (site / records["us"]["url"] / "index.html").read_text(encoding="utf-8")
    section = _section(us_page)
    assert f'href="../{records["jp"]["id"]}/"' in section
    assert "both dated 22 September 2023" in section
    assert "both name Antony Blinken, Park Jin and Yoko Kamikawa" in section
    assert "both place it in New York" in section
    # the editor's link to the Chicago remarks is marked as theirs, on both pages
    assert f'href="../{records["other"]["id"]}/"' in section and "(confirmed by an editor)" in section
    other_page = (site / records["other"]["url"] / "index.html").read_text(encoding="utf-8")
    other_section = _section(other_page)
    assert f'href="../{records["us"]["id"]}/"' in other_section
    assert records["jp"]["id"] not in other_section  # the editor linked one statement, not its event


@pytest.mark.expect_warnings
def test_a_same_event_correction_naming_no_statement_warns(build_site, warnings_logged) -> None:
    site = build_site({"us.txt": SEED_US, "us.yml": CORRECTION_US + "same_event: {remove: [nowhere]}\n"})
    assert (site / "index.html").is_file()
    messages = [r.getMessage() for r in warnings_logged]
    assert any(
        "seeds/us.txt" in m and "same_event.remove names no statement 'nowhere'" in m for m in messages
    )


def test_a_statement_page_lists_its_strongest_links_and_counts_the_rest() -> None:
    base = fixtures()["us-readout-trilateral"]
    copies = [
        statement(
            f"account-{i:02d}",
            f"Account {i} of the meeting",
            "2023-09-22",
            [BLINKEN],
            [KAMIKAWA, PARK],
            ["New York"],
            base.summary,
        )
        for i in range(render.MAX_RELATED + 4)
    ]
    pages = render.pages(copies)
    body = pages["statements/account-00.md"]
    section = body[body.index("## Other accounts of the same event") : body.index("## Cite this statement")]
    assert section.count("\n- [Account ") == render.MAX_RELATED
    assert "3 more statements of the archive are linked to this event as well" in section
