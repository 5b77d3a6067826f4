"""Hard-wrapped texts (a wire story or a plain-text file broken at a fixed width) are read as the
paragraphs they were cut from; pages with one line per paragraph are left as they are."""

from __future__ import annotations

import textwrap

from alliance_archive import wrap
from alliance_archive.clean import clean

PARAGRAPHS = [
    "The coast guards of the three allies began a week of joint patrol training near Busan on Monday, "
    "the first such exercise since the partners agreed to deepen maritime cooperation last spring.",
    "Crews from each service will rotate aboard the others' cutters and practise boarding, towing and "
    "search-and-rescue drills in rough water, officials said, adding that observers from two other "
    "navies had been invited to watch.",
    "A senior officer said the training would make it easier for the three services to respond "
    "together when fishing boats or cargo ships get into trouble in the strait.",
]
HEADLINE = "Coast Guards of Three Allies Begin Joint Patrol Training Near Busan"


def wire_story(width: int = 68, blank_between: bool = True) -> list[str]:
    lines = ["Harbor Wire Service", "", HEADLINE, "", "By Jun Seo-yeon, Staff Reporter", ""]
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, width)
        if blank_between:
            lines.append("")
    return lines


def kept(lines: list[str]) -> list[str]:
    return [b.text for b in clean(lines).blocks]


def test_a_wrapped_story_is_read_as_its_paragraphs() -> None:
    lines = wire_story()
    assert wrap.width(lines) is not None
    assert kept(lines) == PARAGRAPHS
    assert clean(lines).title == HEADLINE


def test_wrapped_paragraphs_without_blank_lines_between_keep_every_sentence_in_order() -> None:
    text = " ".join(kept(wire_story(blank_between=False)))
    assert text == " ".join(PARAGRAPHS)


def test_a_removed_wrapped_paragraph_lists_each_of_its_raw_lines() -> None:
    footer = textwrap.wrap(
        "Copyright 2023 Harbor Wire Service. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed without the written permission of the service, and "
        "links to it are welcome only with a notice of where it came from.",
        68,
    )
    lines = [*wire_story(), *footer]
    cleaned = clean(lines)
    removed = {r.line: r for r in cleaned.removed}
    first = len(lines) - len(footer) + 1
    assert [removed[n].text for n in range(first, len(lines) + 1)] == footer
    assert len({removed[n].reason for n in range(first, len(lines) + 1)}) == 1
    assert kept(lines) == PARAGRAPHS


def test_a_headline_wrapped_over_two_lines_is_one_title() -> None:
    long_title = (
        "Joint Statement of the Three Coast Guards on Patrol Training Near Busan and the Sharing of "
        "Information on Ships That Break Fishing Rules"
    )
    head, *rest = textwrap.wrap(long_title, 68)
    lines = ["Harbor Wire Service", "", head, *rest, "", "June 3, 2023", ""]
    for paragraph in PARAGRAPHS:
        lines += [*textwrap.wrap(paragraph, 68), ""]
    assert clean(lines).title == long_title


def test_an_indented_first_line_starts_a_new_paragraph() -> None:
    lines = ["Harbor Wire Service", "", HEADLINE, ""]
    for paragraph in PARAGRAPHS:
        first, *rest = textwrap.wrap(paragraph, 68, initial_indent="    ")
        lines += [first, *rest]
    assert kept(lines) == PARAGRAPHS


def test_a_page_with_one_line_per_paragraph_is_not_wrapped() -> None:
    lines = ["Harbor Wire Service", "Patrols | Vessels | People", "", HEADLINE, "", *PARAGRAPHS]
    assert wrap.width(lines) is None
    assert wrap.paragraphs(lines) == {}


def test_a_list_of_headlines_of_like_lengths_is_not_a_wrapped_paragraph() -> None:
    """Related-story links run to like lengths one under another, but each starts a new sentence."""
    related = [
        "Allied Navies Hold Rescue Drill in the East Sea After Storm Season",
        "Three Coast Guards Agree on Shared Radio Codes for Fishing Grounds",
        "Port Officials Weigh New Inspection Fees for Visiting Cargo Ships",
        "Harbor Authority Names New Commandant for the Southern Patrol Area",
        "Fishing Cooperatives Welcome Faster Rescue Plans From the Allies",
    ]
    assert wrap.width([HEADLINE, "", *PARAGRAPHS, "", "Related stories", *related]) is None


def test_a_word_broken_at_a_hyphen_is_joined_without_a_space() -> None:
    lines = [
        "The partners said the training near Busan was part of the wider U.S.-",
        "Japan-ROK effort to keep the sea lanes of the region open and safe for",
        "every ship, and that the three services would meet again in the autumn",
        "to review what the crews had learned during the week of drills at sea.",
        "Officials of the three services said they would publish a short report",
        "on the drills for the fishing cooperatives of the southern ports soon.",
    ]
    joined = wrap.join(lines, wrap.paragraphs(lines))
    assert "U.S.-Japan-ROK effort" in joined[0]
    assert joined[1:4] == ["", "", ""]


def test_addresses_and_rows_of_labels_are_never_joined_into_a_paragraph() -> None:
    header = [
        "Aa | Aa | Aa | Sgtjpifpqn | Aa Aa",
        "https://aaaaaaaa.example/aaaaaaaa",
        "https://tjhlwhdpcx.example/tjhlwhdpcx",
        "Aa | Aa | Aa | Aa Aaaaa | Aaa Aaaaaaaaaa",
        "Ministers Review Progress on Joint Port Inspections",
    ]
    assert wrap.paragraphs(header) == {}
    body = ["", "The ministers reviewed progress on joint port inspections on Monday.", ""]
    assert clean(header + body).title == "Ministers Review Progress on Joint Port Inspections"


def test_an_address_right_under_a_wrapped_paragraph_is_not_part_of_it() -> None:
    lines = wire_story(blank_between=False)
    assert wrap.width(lines) is not None
    address = "https://harborwire.example/stories/coast-guards-joint-patrol"
    lines.append(address)
    groups = wrap.paragraphs(lines)
    assert all(len(lines) - 1 not in rest for rest in groups.values())


# a short page: two sentences near one width, a share label and a player's notice, twice each
SHORT_PAGE_WITH_COPIES = (
    "Aa the aa aa aa aa aa aa aa aa aa.",
    "Aa the aa aa aa aa aa aa aa aa abaaaaaa.",
    "share",
    "No media source currently available",
    "No media source currently available",
    "share",
)


def test_a_line_the_page_repeats_is_no_wrapped_line() -> None:
    # four lines near one width, two followed in lower case: wrapped only if the copies count
    assert wrap.width(list(SHORT_PAGE_WITH_COPIES)) is None


def test_a_copy_or_a_lone_lower_case_label_does_not_go_on_with_a_wrapped_line() -> None:
    notice = "No media source currently available"
    assert not wrap.continues(notice, notice, len(notice))
    full = "The ministers agreed to meet again before the end of the year."
    assert not wrap.continues(full, "share", len(full))
    # a wrapped headline's last word has no stop, but is capitalised like the rest of it
    assert wrap.continues("Allies Agree to Share Data on Vessels That Break Fishing", "Rules", 60)


def test_a_lone_lower_case_label_below_lines_of_like_lengths_is_no_sign_of_wrapping() -> None:
    # sentences of one paragraph each, close in length, two with a share label below them: a label
    # in lower case is not a sentence going on, so the page is not read as wrapped (it was, and a
    # player's time below a sentence was joined to it as the wrap's last word)
    sentences = [
        "The ministers met in the port city on Friday to review the patrols.",
        "They agreed that the coast guards would share radio codes this year.",
        "Officials said the fishing grounds would be watched more closely now.",
        "The next meeting is planned for the autumn, in the southern harbor.",
        "Both sides praised the crews who took part in the rescue drills.",
        "A joint statement is expected once the talks close on Saturday.",
    ]
    s = sentences
    lines = [s[0], "share", s[1], s[2], "0:00", s[3], "share", s[4], s[5]]
    assert wrap.width(lines) is None
    assert wrap.paragraphs(lines) == {}
