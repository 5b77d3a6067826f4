"""Which rule of the cleaner removes a line, and what it says: every removed line carries a category
(extraction reads dates, places and bylines from it) and a reason (``inspect`` shows it to editors),
and every kept line keeps its raw line number. Each seed here is a small page written for the rule it
exercises: the headline, the header between headline and body, the body, the trailing footer, the
repeats and teasers, and a YAML block copied at the top."""

from __future__ import annotations

import pytest

from alliance_archive.clean import Block, Cleaned, clean, vocabulary

HEADLINE = "Allies Agree to Expand Coast Guard Training Program"
P = [
    "The coast guards of the two countries will hold joint search-and-rescue training twice a year.",
    "Crews from each service will spend three weeks aboard the other's cutters this spring.",
    "A senior official said the first rotation would begin in the autumn with forty sailors.",
    "The program grew out of a rescue off the southern coast that both services joined last year.",
    "Officials from both ministries plan to review the exercises at the end of the first season.",
    "Fishing groups in the port cities welcomed the plan and asked to observe one of the drills.",
    "Budget figures for the training were not released, but both sides said the cost was modest.",
    "Another round of talks on the program is expected to take place in the capital next month.",
]


def removals(cleaned: Cleaned) -> dict[str, tuple[str, str]]:
    """Each removed line's text with its (category, reason)."""
    return {d.text: (d.category, d.reason) for d in cleaned.drops}


def kept(cleaned: Cleaned) -> list[str]:
    return [b.text for b in cleaned.blocks]


def page(*lines: str) -> list[str]:
    """Lines with a blank line after each, as text copied from a web page usually comes."""
    out: list[str] = []
    for line in lines:
        out += [line, ""]
    return out


def chrome_phrase(category: str) -> str:
    """A phrase the chrome vocabulary knows for ``category`` (the tests do not depend on its wording)."""
    return next(p for p, c, _ in vocabulary().phrases if c == category)


# -- an empty page, a page that is only a YAML block ------------------------------------------------


@pytest.mark.parametrize("lines", [[], [""], ["", "   ", "\t"]], ids=["no-lines", "one-blank", "blanks"])
def test_a_page_without_text_has_no_title_no_blocks_and_no_removals(lines: list[str]) -> None:
    cleaned = clean(lines)
    assert (cleaned.title, cleaned.title_line, cleaned.blocks, cleaned.drops) == ("", 0, [], [])
    # without a document model, sentences are still split for the stages that read them
    assert cleaned.sentences("The allies met. They agreed.") == ["The allies met.", "They agreed."]


YAML_REASON = "YAML block copied with the page (shown as text, not read as metadata)"


def test_a_page_that_is_only_a_yaml_block_lists_every_line_of_it_in_order() -> None:
    # six blank lines first: the block's lines are not the first lines of the page
    lines = [""] * 6 + ["---\n", "code: MX  \n", "mark: X\n", "---\n"]
    cleaned = clean(lines)
    assert (cleaned.title, cleaned.title_line, cleaned.blocks) == ("", 0, [])
    assert [(d.line, d.text, d.category, d.reason) for d in cleaned.drops] == [
        (7, "---", "yaml", YAML_REASON),
        (8, "code: MX  ", "yaml", YAML_REASON),  # the raw text less its line break
        (9, "mark: X", "yaml", YAML_REASON),
        (10, "---", "yaml", YAML_REASON),
    ]


def test_a_yaml_value_is_never_the_headline() -> None:
    lines = ["---", "summary: Coast Guard Training Program Expands Between Allies", "---", "", *page(*P[:3])]
    cleaned = clean(lines)
    assert cleaned.title_line == 0 and cleaned.title.startswith("The coast guards of the two countries")
    assert removals(cleaned)["summary: Coast Guard Training Program Expands Between Allies"][0] == "yaml"
    assert kept(cleaned) == P[:3]


def test_a_yaml_block_takes_no_place_among_the_lines_a_headline_is_looked_for_in() -> None:
    # the headline is looked for in the first sixty lines of text: the block's 31 lines are not text
    block = ["---", *[f"key{n}: value" for n in range(29)], "---"]
    labels = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcd"]
    cleaned = clean([*block, *labels, HEADLINE, "", *page(*P[:3])])
    assert cleaned.title == HEADLINE and cleaned.title_line == 62


@pytest.mark.parametrize(
    "block",
    [
        ["---", "title: Harbor notes", "---"],
        ["---", "title: Harbor notes", "..."],
        ["---", "summary: >", "  a folded line of the summary", "\tand a line indented with a tab", "---"],
        ["---", *[f"key{n}: value" for n in range(29)], "---"],  # the closing line within 30 lines
    ],
    ids=["dashes", "dots", "indented", "thirty-lines"],
)
def test_a_yaml_block_at_the_top_is_removed_whole(block: list[str]) -> None:
    cleaned = clean([*block, "", HEADLINE, "", *page(*P[:3])])
    assert {d.line for d in cleaned.drops if d.category == "yaml"} == set(range(1, len(block) + 1))
    assert cleaned.title == HEADLINE and kept(cleaned) == P[:3]


@pytest.mark.parametrize(
    "block",
    [
        ["---", "---"],  # nothing between the fences
        ["---", *[f"key{n}: value" for n in range(30)], "---"],  # no closing line within 30 lines
        ["Title: Harbor notes", "Source: the harbor desk", "---"],  # no opening fence
        ["---", "title: Harbor notes", "A line that is not a key", "---"],
    ],
    ids=["empty", "too-long", "no-opening", "not-keys"],
)
def test_lines_that_only_look_like_a_yaml_block_are_not_removed_as_one(block: list[str]) -> None:
    cleaned = clean([*block, "", HEADLINE, "", *page(*P[:3])])
    assert not [d for d in cleaned.drops if d.category == "yaml"]


# -- the headline and what lies above it -----------------------------------------------------------

ABOVE = [
    "Menu",
    "Press Statement",
    "Foreign Ministry News Service",
    "Tuesday Harbor Digest Edition",
    HEADLINE,
]


def test_lines_above_the_headline_are_removed_each_with_its_reason() -> None:
    cleaned = clean([*ABOVE, "", *page(*P[:3])])
    assert cleaned.title == HEADLINE and cleaned.title_line == 5
    gone = removals(cleaned)
    assert gone["Press Statement"] == ("doctype", "document-type label")
    assert gone["Foreign Ministry News Service"] == ("header", "site or publisher name")
    assert gone["Tuesday Harbor Digest Edition"] == ("above_title", "page header above the headline")
    assert gone[HEADLINE] == ("title", "headline (shown as the page title)")
    assert gone["Menu"][0] == "navigation"
    assert kept(cleaned) == P[:3]


def test_an_article_paragraph_above_the_headline_opens_the_body() -> None:
    deck = (
        "Readers of this service were told last week that the editors would publish every statement on "
        "the alliance in full, with notes, and that the archive would stay open to all who asked for it."
    )
    cleaned = clean(
        ["Skip to main content", deck, "Harbor Notes Weekly Edition", HEADLINE, "", *page(*P[:3])]
    )
    assert cleaned.title == HEADLINE
    assert kept(cleaned) == [deck, *P[:3]]
    assert cleaned.blocks[0] == Block("paragraph", 2, deck)
    # the lines after it, above the headline, are still page header
    assert removals(cleaned)["Harbor Notes Weekly Edition"][0] == "above_title"


def test_the_chrome_vocabulary_marks_a_headline_candidate_with_its_category() -> None:
    cleaned = clean([*ABOVE, "", *page(*P[:3])])
    assert cleaned.title_choice is not None
    evidence = {c.text: c.evidence for c in cleaned.title_choice.ranked}
    assert "-3.0 reads as page chrome (doctype)" in evidence["Press Statement"]
    assert "-3.0 reads as page chrome (navigation)" in evidence["Menu"]
    assert not any("page chrome" in e for e in evidence[HEADLINE])


def test_a_line_of_one_word_repeated_is_no_headline() -> None:
    # a label doubled by a page's icon and its text ("Share share"), whatever the case and the stops
    cleaned = clean(["Share share SHARE:", "Harbor Share", "", HEADLINE, "", *page(*P[:3])])
    assert cleaned.title == HEADLINE
    assert cleaned.title_choice is not None
    evidence = {c.text: c.evidence for c in cleaned.title_choice.ranked}
    assert "-3.0 one word repeated" in evidence["Share share SHARE:"]
    assert not any("one word repeated" in e for e in evidence["Harbor Share"])


def test_a_page_whose_best_candidate_is_a_paragraph_is_titled_by_its_first_sentence() -> None:
    # capitalised like a headline and sharing the article's words, but a paragraph of 28 words
    paragraph = (
        "Will The Coast Guards Of The Two Countries Hold Joint Search And Rescue Training Twice A Year, "
        "With Crews From Each Service Aboard The Other's Cutters This Spring?"
    )
    cleaned = clean([paragraph, "", *page(*P[:3])])
    choice = cleaned.title_choice
    assert choice is not None and choice.candidate is None
    assert (choice.confidence, choice.doubt) == (0.4, "the best headline candidate is an article paragraph")
    assert [c.index for c in choice.ranked] == [0, 2, 4, 6]
    assert cleaned.title_line == 0
    assert cleaned.title == paragraph[:120].rsplit(" ", 1)[0] + "\u2026"
    assert kept(cleaned) == [paragraph, *P[:3]] and cleaned.drops == []


def test_without_a_headline_the_title_is_the_first_sentence_that_is_not_chrome() -> None:
    cleaned = clean(["Skip to main content", "", *page(*P[:3])])
    assert cleaned.title_line == 0
    assert cleaned.title == P[0]
    assert kept(cleaned) == P[:3]


def test_a_page_of_chrome_alone_is_titled_by_its_first_line() -> None:
    cleaned = clean(["Skip to main content", "Menu"])
    assert cleaned.title == "Skip to main content" and cleaned.title_line == 0
    cleaned = clean(["Menu"])
    assert cleaned.title == "Menu"


# -- the header between the headline and the first paragraph --------------------------------------

HEADER = [
    HEADLINE,
    "Press Statement",
    "By Jane Doe",
    "March 3, 2021",
    "Issue of spring 2021 from the harbor desk team",  # eight words and a year
    "Issue of spring 2021 from the harbor desk team here",  # nine
    "Case 4711 notes",  # four digits that are no year
    "Seoul Bureau Desk",
]


def test_header_lines_are_removed_each_with_its_reason() -> None:
    cleaned = clean([HEADLINE, "", *HEADER, "", *page(*P[:3])])
    gone = removals(cleaned)
    assert [d.category for d in cleaned.drops if d.line == 1] == ["title"]
    assert [d.category for d in cleaned.drops if d.line == 3] == ["repeat"]
    assert gone[HEADLINE] == ("repeat", "repeated headline")
    assert gone["Press Statement"] == ("doctype", "document-type label")
    assert gone["By Jane Doe"] == ("byline", "byline")
    assert gone["March 3, 2021"] == ("date", "date line standing alone")
    assert gone["Issue of spring 2021 from the harbor desk team"] == ("date", "date line")
    header = ("header", "byline or page header above the article")
    assert gone["Issue of spring 2021 from the harbor desk team here"] == header
    assert gone["Case 4711 notes"] == header
    assert gone["Seoul Bureau Desk"] == header
    assert kept(cleaned) == P[:3]


def test_a_subtitle_right_above_the_first_paragraph_stays_as_a_heading() -> None:
    cleaned = clean([HEADLINE, "", "By Jane Doe", "Global Partners for the Future", "", *page(*P[:3])])
    assert cleaned.blocks[0] == Block("heading", 4, "Global Partners for the Future")
    assert kept(cleaned)[1:] == P[:3]


@pytest.mark.parametrize(
    "opening",
    [
        ["1. Busan", "2. Incheon"],
        ["MINISTER KIM: Thank you.", "MINISTER SATO: Thank you all."],
        ["The allies agreed on these:", "- Busan", "- Incheon"],  # five words and a colon
        ["The ministers agreed on three points: ", "- Busan", "- Incheon"],  # a space after the colon
        ["- The two navies share their charts", "- Incheon"],  # a list item of six words
    ],
    ids=["numbered", "turns", "five-word-intro", "intro-with-space", "six-word-item"],
)
def test_an_article_may_open_with_a_short_list_or_a_transcript_turn(opening: list[str]) -> None:
    cleaned = clean([HEADLINE, "", *opening, "", *page(*P[:3])])
    assert [b.line for b in cleaned.blocks][: len(opening)] == list(range(3, 3 + len(opening)))
    assert [d.line for d in cleaned.drops] == [1]


def test_a_short_list_item_or_intro_alone_does_not_open_the_body() -> None:
    cleaned = clean([HEADLINE, "", "Allies agreed on this:", "- Navies share charts", "", *page(*P[:3])])
    assert removals(cleaned)["Allies agreed on this:"][0] == "header"  # four words
    assert removals(cleaned)["- Navies share charts"][0] == "header"  # five words


# -- inside the body ---------------------------------------------------------------------------


def test_a_vocabulary_phrase_removes_a_sentence_only_beside_something_that_is_no_sentence() -> None:
    phrase = chrome_phrase("footer")
    line = f"This report {phrase} the harbor desk of the coast guard on Tuesday."
    label = "Training at sea"
    # article sentences on both sides: the sentence stays, as the next-to-last line too
    for lines in ([P[0], line, P[1], P[2]], [P[0], P[1], line, P[2]]):
        assert line in kept(clean([HEADLINE, "", *page(*lines)]))
    # a subheading on either side: the phrase weighs enough
    for lines in ([P[0], label, line, P[1], P[2]], [P[0], line, label, P[1], P[2]]):
        cleaned = clean([HEADLINE, "", *page(*lines)])
        assert removals(cleaned)[line][0] == "footer"
        assert label in kept(cleaned)


def test_a_short_title_above_a_media_player_goes_with_it() -> None:
    fourteen = "The minister speaks to press at the harbor on the first day of drills"
    fifteen = "The minister speaks to the press at the harbor on the first day of drills"
    cleaned = clean([HEADLINE, "", *page(P[0], "Minister's remarks in Busan", "0:00 / 3:45", P[1], P[2])])
    gone = removals(cleaned)
    assert gone["Minister's remarks in Busan"] == ("player_text", "media-player title")
    assert gone["0:00 / 3:45"] == ("player", "media-player timestamp")
    assert kept(cleaned) == [P[0], P[1], P[2]]
    cleaned = clean([HEADLINE, "", *page(P[0], fourteen, "Play video", P[1], fifteen, "Play video", P[2])])
    assert removals(cleaned)[fourteen] == ("player_text", "media-player title")
    assert fifteen in kept(cleaned)
    # a short line before other chrome is no player's title
    cleaned = clean([HEADLINE, "", *page(P[0], "Minister's remarks in Busan", "1,204 views", P[1], P[2])])
    assert "Minister's remarks in Busan" in kept(cleaned)


def test_labels_in_a_run_with_chrome_go_with_it_but_a_subheading_stays() -> None:
    run = ["Harbor drills", "1,204 views", "Crew roster", "Ship list", "Training at sea"]
    cleaned = clean([HEADLINE, "", *page(P[0], P[1], *run, P[2], P[3])])
    gone = removals(cleaned)
    beside = ("beside_chrome", "page furniture beside chrome (view counter)")
    assert gone["Harbor drills"] == beside and gone["Crew roster"] == beside and gone["Ship list"] == beside
    assert gone["1,204 views"] == ("counter", "view counter")
    assert "Training at sea" in kept(cleaned)  # followed by a paragraph: a subheading
    # three lines are a run; a one-word label counts
    cleaned = clean([HEADLINE, "", *page(P[0], P[1], "Gallery", "1,204 views", "Ship list", P[2], P[3])])
    assert removals(cleaned)["Gallery"] == beside
    assert "Ship list" in kept(cleaned)


# -- the trailing footer ------------------------------------------------------------------------


def footer(*tail: str) -> Cleaned:
    return clean([HEADLINE, "", *page(*P[:3], *tail)])


def test_short_lines_after_chrome_at_the_end_are_the_site_footer() -> None:
    cleaned = footer("Harbor desk", "Share", "© 2021 Harbor News. All rights reserved.")
    gone = removals(cleaned)
    assert gone["Harbor desk"] == ("footer", "site footer")
    assert "© 2021 Harbor News. All rights reserved." in gone and "Share" in gone
    assert kept(cleaned) == P[:3]


def test_a_byline_and_listed_tags_at_the_end_keep_their_own_categories() -> None:
    cleaned = footer("By Jane Doe", "• Busan", "• Incheon", "© 2021 Harbor News")
    gone = removals(cleaned)
    assert gone["By Jane Doe"] == ("byline", "byline")
    tags = ("tags", "topic tags or related links after the article")
    assert gone["• Busan"] == tags and gone["• Incheon"] == tags
    assert kept(cleaned) == P[:3]


@pytest.mark.parametrize(
    "tail",
    [
        ["Coast guards of the two allies", "Busan"],  # six words
        ["Coast guard", "Busan", "Training"],
        ["Thank you.", "Harbor desk"],
        ["Harbor desk", "Thank you."],  # two lines: a group, whatever their punctuation
        ["Busan"],  # one line without punctuation
    ],
)
def test_short_trailing_lines_are_topic_tags(tail: list[str]) -> None:
    cleaned = footer(*tail)
    assert [removals(cleaned)[t] for t in tail] == [
        ("tags", "topic tags or related links after the article")
    ] * len(tail)
    assert kept(cleaned) == P[:3]


def test_a_byline_alone_at_the_end_is_a_byline() -> None:
    assert removals(footer("By Jane Doe"))["By Jane Doe"] == ("byline", "byline")


@pytest.mark.parametrize(
    "tail",
    [
        ["Thank you."],  # one short line with sentence punctuation: a sign-off
        ["1. Busan", "2. Incheon"],  # a numbered list ends the article
        ["Coast guards of the two allies train", "Busan"],  # seven words: the line stays
    ],
)
def test_the_article_may_end_with_a_sign_off_a_numbered_list_or_a_longer_line(tail: list[str]) -> None:
    cleaned = footer(*tail)
    assert tail[0] not in removals(cleaned)
    assert kept(cleaned)[:3] == P[:3]


def test_a_last_line_of_ten_words_without_a_full_stop_stays_a_paragraph() -> None:
    last = "Officials did not say when the next round would begin"
    cleaned = footer(last)
    assert cleaned.blocks[-1] == Block("paragraph", 9, last)


# -- repeats and teasers ------------------------------------------------------------------------


def test_a_repeated_headline_inside_the_body_is_removed_as_such() -> None:
    cleaned = clean(page(HEADLINE, P[0], P[1], HEADLINE, P[2], P[1], P[3]))
    repeats = [(d.line, d.category, d.reason) for d in cleaned.drops if d.line > 1]
    assert repeats == [(7, "repeat", "repeated headline"), (11, "repeat", "repeated line")]
    assert kept(cleaned) == [P[0], P[1], P[2], P[3]]


def test_a_line_without_letters_does_not_stop_the_search_for_repeats() -> None:
    cleaned = clean(page(HEADLINE, P[0], "?!", P[1], P[0], P[2]))
    assert removals(cleaned)[P[0]] == ("repeat", "repeated line")


def test_a_repeated_caption_is_named_a_caption() -> None:
    caption = "The two coast guard commanders shake hands aboard a patrol vessel in Busan on Monday."
    cleaned = clean(page(HEADLINE, P[0], caption, P[1], caption, P[2]))
    assert [(d.line, d.reason) for d in cleaned.drops if d.line > 1] == [(9, "repeated caption")]


QUOTE = "\u201cEvery hour our crews train together is an hour we save when a real storm comes,\u201d"
QUOTED = QUOTE + " the commander said, adding that both services would publish a joint manual next year."
SUMMARY = "Coast guard crews of the two allies will train together twice a year from now on."
SUMMARIZED = SUMMARY + " The first rotation begins in the autumn, officials said on Tuesday."


def test_a_pull_quote_and_a_summary_that_repeat_the_next_paragraph_are_teasers() -> None:
    cleaned = clean(page(HEADLINE, P[0], QUOTE, QUOTED, SUMMARY, SUMMARIZED, P[1], P[0]))
    gone = removals(cleaned)
    assert gone[QUOTE] == ("teaser", "pull-quote teaser repeating a later paragraph")
    assert gone[SUMMARY] == ("teaser", "summary repeating the paragraph that follows")
    # the search goes on after a teaser: the later copy of a paragraph is a repeat
    assert gone[P[0]] == ("repeat", "repeated line")
    assert kept(cleaned) == [P[0], QUOTED, SUMMARIZED, P[1]]


def test_a_teaser_is_looked_for_in_the_five_lines_that_follow() -> None:
    cleaned = clean(page(HEADLINE, P[0], SUMMARY, P[1], P[2], P[3], P[4], SUMMARIZED, P[5]))
    assert removals(cleaned)[SUMMARY][0] == "teaser"
    cleaned = clean(page(HEADLINE, P[0], SUMMARY, P[1], P[2], P[3], P[4], P[5], SUMMARIZED, P[6]))
    assert SUMMARY in kept(cleaned)


def test_a_line_after_the_paragraph_it_quotes_is_no_teaser() -> None:
    cleaned = clean(page(HEADLINE, P[0], SUMMARIZED, SUMMARY, P[1], P[2]))
    assert kept(cleaned) == [P[0], SUMMARIZED, SUMMARY, P[1], P[2]]


def test_a_teaser_with_an_exact_copy_between_it_and_its_paragraph() -> None:
    cleaned = clean(page(HEADLINE, P[0], SUMMARY, SUMMARY, SUMMARIZED, P[1]))
    assert [(d.line, d.category) for d in cleaned.drops if d.line > 1] == [(5, "teaser"), (7, "repeat")]


def test_a_quoted_summary_whose_first_sentence_opens_the_paragraph_is_a_summary() -> None:
    first = "\u201cThe coast guards of the two allies will train together twice a year from now on.\u201d"
    short = first + " The commander said so."
    cleaned = clean(page(HEADLINE, P[0], short, first + " The first rotation begins in the autumn.", P[1]))
    assert removals(cleaned)[short] == ("teaser", "summary repeating the paragraph that follows")


# -- the blocks and their lines ---------------------------------------------------------------


def test_every_kind_of_block_keeps_its_raw_line_number() -> None:
    lines = [
        HEADLINE,
        "",
        P[0],
        "1. The navies will share charts of the southern waters.",
        "- The crews will train in storms and at night.",
        "MINISTER KIM: Thank you for coming to the harbor today.",
        "Training at sea",
        P[1],
        "Xavier Becerra shakes hands with the commanders aboard a patrol vessel in Busan.",
        P[2],
    ]
    blocks = clean(lines).blocks
    assert [(b.kind, b.line) for b in blocks] == [
        ("paragraph", 3),
        ("numbered", 4),
        ("bullet", 5),
        ("turn", 6),
        ("heading", 7),
        ("paragraph", 8),
        ("caption", 9),
        ("paragraph", 10),
    ]


def test_a_heading_is_a_line_of_at_most_fourteen_words_without_an_ending() -> None:
    fourteen = "The minister speaks to press at the harbor on the first day of drills"
    fifteen = "The minister speaks to the press at the harbor on the first day of drills"
    blocks = clean([HEADLINE, "", *page(P[0], fourteen, P[1], fifteen, P[2])]).blocks
    assert [(b.kind, b.text) for b in blocks][1:4:2] == [("heading", fourteen), ("paragraph", fifteen)]


def test_an_address_that_breaks_off_at_a_comma_above_the_first_paragraph_is_the_speech_s() -> None:
    """A speech opens by addressing its audience, a sentence the first paragraph goes on with."""
    address = "Madam Chair, Mr. Mayor, distinguished guests of the harbor board, ladies and gentlemen,"
    cleaned = clean(page(HEADLINE, address, *P[:4]))
    assert address in kept(cleaned)
    # a header line that ends in a comma is short, or dated: still the page's
    for line in ("By Ann Lee,", "Posted on the harbor board's site on March 3, 2021 at noon,"):
        assert line in removals(clean(page(HEADLINE, line, *P[:4])))


def test_a_line_above_the_sites_menu_is_not_the_headline() -> None:
    """A banner above a menu of six sections or more is the site's, not the article's headline, even
    where it shares a word with the article and the headline (a transcript's) shares none."""
    banner = "Every Story on the Coast Is Free This Week"
    headline = "Press Availability Upon Arrival at the Airport"
    menu = "World | Defence | Foreign Affairs | Trade | Regional News | Video | Search"
    assert clean(page(banner, menu, headline, *P[:4])).title == headline
    # a row of fewer labels under the headline (a share row) leaves the headline where it is
    share = "Share | Tweet | Print | Email"
    assert (
        clean(page(HEADLINE, share, "Crews Will Train Aboard Each Other's Cutters", *P[:4])).title == HEADLINE
    )


def test_the_first_item_of_a_list_of_highlights_is_not_the_headline() -> None:
    """A story's highlights under its headline: the first item has lost its mark, the next two keep
    theirs; it agrees with the article word for word, and is still not the headline."""
    first = "Coast guards of the two countries will hold joint search-and-rescue training twice a year"
    items = [
        first,
        "• Crews will spend three weeks aboard the other's cutters this spring",
        "• Fishing groups welcomed it",
    ]
    lines = [HEADLINE, "", "Story Highlights", "", *items, "", *page(*P[:4])]
    assert clean(lines).title == HEADLINE
    # a line with a blank line before the list is not its item
    apart = [HEADLINE, "", "Story Highlights", "", first, "", *items[1:], "", *page(*P[:4])]
    cleaned = clean(apart)
    assert cleaned.title_choice is not None
    ranked = {c.text: c.evidence for c in cleaned.title_choice.ranked}
    assert not any("first item of a list" in e for e in ranked[first])


def test_a_headline_may_end_on_a_quotation_with_its_full_stop() -> None:
    headline = (
        "Harbor Governor tells the ministry: "
        "\u201cWe have waited long enough for the new coast guard training.\u201d"
    )
    byline = "October 24, 2012 Ann Lee of the Harbor Weekly reports from Busan"
    assert clean(page(headline, byline, *P[:4])).title == headline
    # a sentence standing alone with its full stop is still read as one
    sentence = "The governor told the ministry that the harbor had waited long enough for the training."
    cleaned = clean(page(sentence, byline, *P[:4]))
    assert cleaned.title_choice is not None
    ranked = {c.text: c.evidence for c in cleaned.title_choice.ranked}
    assert any("closing period" in e for e in ranked[sentence])
