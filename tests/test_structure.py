"""Chrome found by structure: pages whose header and footer are made of words no vocabulary knows.

Every fixture here is invented. The chrome lines use wording that ``data/chrome.yml`` does not list
(the test checks that), so what removes them is their shape, position, repetition and their
neighbours; the headline is found by its agreement with the article; every article sentence stays.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from alliance_archive.clean import _key, chrome_kind, clean, vocabulary
from alliance_archive.document import Document, classify, content_words
from alliance_archive.textutil import normalize

HEADLINE = "Coast Guards of Three Allies Begin Joint Patrol Training Near Busan"
BODY = [
    "The coast guards of the three allies began a week of joint patrol training near Busan on Monday, "
    "the first such exercise since the partners agreed to deepen maritime cooperation.",
    "Crews from each service will rotate aboard the others' cutters and practise boarding, towing and "
    "search-and-rescue drills in rough water, officials said.",
    "A senior officer said the training would make it easier for the three services to respond together "
    "when fishing boats or cargo ships get into trouble in the strait.",
    "The partners plan to hold the next round of training in the autumn.",
]

# header and footer chrome in wording no vocabulary has: invented site furniture
UNSEEN_HEADER = [
    "Harbor Watch Bulletin",
    "Guarding the sea lanes since the age of sail",
    "Patrols | Vessels | People | Archive",
    "Jump over the menus",
    "Admiral Grace Pemberton portrait",
]
UNSEEN_FOOTER = [
    "Pass this along",
    "Carrier pigeon | Smoke signal | Semaphore",
    "Harbor Watch Bulletin",
    "Up to the masthead",
]


def page(header: list[str], footer: list[str], headline: str = HEADLINE) -> list[str]:
    out: list[str] = []
    for line in header:
        out += [line, ""]
    out += [headline, ""]
    for sentence in BODY:
        out += [sentence, ""]
    for line in footer:
        out += [line, ""]
    return out


def kept_text(lines: list[str]) -> list[str]:
    cleaned = clean(lines)
    return [b.text for b in cleaned.blocks]


def test_the_fixture_chrome_is_unknown_to_the_vocabulary() -> None:
    vocab = vocabulary()
    for line in UNSEEN_HEADER + UNSEEN_FOOTER:
        assert normalize(line) not in vocab.lines, line
        assert not any(phrase in normalize(line) for phrase, _, _ in vocab.phrases), line
        assert not any(pattern.search(_key(line)) for pattern, _, _ in vocab.patterns), line


@pytest.mark.parametrize("vocabulary_switch", ["on", "off"])
def test_unseen_chrome_goes_the_headline_is_found_and_every_sentence_stays(
    vocabulary_switch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_CHROME_VOCABULARY", vocabulary_switch)
    vocabulary.cache_clear()
    try:
        lines = page(UNSEEN_HEADER, UNSEEN_FOOTER)
        cleaned = clean(lines)
        assert cleaned.title == HEADLINE
        kept = [b.text for b in cleaned.blocks]
        assert kept == BODY
        removed = {r.text for r in cleaned.removed}
        assert set(UNSEEN_HEADER) <= removed
        assert set(UNSEEN_FOOTER) <= removed
    finally:
        vocabulary.cache_clear()


def test_a_long_banner_sentence_above_the_headline_is_not_the_headline() -> None:
    banner = "An official publication of the harbor authority. Here is how you can tell it is genuine."
    cleaned = clean(page([banner, "Harbor Watch Bulletin"], []))
    assert cleaned.title == HEADLINE
    assert banner in {r.text for r in cleaned.removed}


def test_a_slogan_under_the_site_name_is_not_the_headline() -> None:
    cleaned = clean(page(["Harbor Watch Bulletin", "Guarding the sea lanes since the age of sail"], []))
    assert cleaned.title == HEADLINE


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (f"[Aug] {HEADLINE}", HEADLINE),
        (f"08/14/23 \u2013 {HEADLINE}", HEADLINE),
        (f"230814 {HEADLINE}", HEADLINE),
        (f"{HEADLINE} | Harbor Watch Bulletin", HEADLINE),
        (f"FLASH: {HEADLINE}", HEADLINE),
        (f"BREAKING NEWS: {HEADLINE}", HEADLINE),
        (f"date 2023-08-14 {HEADLINE}", HEADLINE),
        (f"23.8.14. 해경, {HEADLINE}", HEADLINE),
        (f"23.8.14. 海上保安庁 \u2013 {HEADLINE}", HEADLINE),
        (f"(News Focus) {HEADLINE}", HEADLINE),
        (f"{HEADLINE} 세 나라 해경, 부산 근해 합동 훈련", HEADLINE),
    ],
)
def test_a_listing_prefix_or_a_site_suffix_is_not_part_of_the_headline(raw: str, title: str) -> None:
    assert clean(page(["Harbor Watch Bulletin"], [], headline=raw)).title == title


def test_the_headline_below_its_blog_repost_title_is_the_same_text() -> None:
    lines = page(["Notes from the pier", f"230814 {HEADLINE}", "Harbor Watch Bulletin"], [])
    assert clean(lines).title == HEADLINE


def test_a_masthead_repeated_in_the_social_links_is_not_the_headline() -> None:
    header = [
        "Harbor Authority of the Northern Coast",
        "1. Harbor Authority of the Northern Coast picturebook",
        "2. Harbor Authority of the Northern Coast chirper",
    ]
    cleaned = clean(page(header, []))
    assert cleaned.title == HEADLINE
    choice = cleaned.title_choice
    assert choice is not None
    masthead = next(c for c in choice.ranked if c.text == header[0])
    assert any("masthead" in why for why in masthead.evidence)


def test_a_caption_listing_officials_is_not_the_headline() -> None:
    caption = "Commandant Ana Ruiz, Vice Commandant Ken Oda, Commissioner Min Ji-woo"
    lines = [HEADLINE, "", caption, "", *BODY]
    assert clean(lines).title == HEADLINE


def test_a_subtitle_right_above_the_first_paragraph_stays_as_a_heading() -> None:
    lines = [HEADLINE, "", "Partners for Calmer Seas", "", *BODY]
    cleaned = clean(lines)
    assert cleaned.blocks[0].text == "Partners for Calmer Seas"
    assert cleaned.blocks[0].kind == "heading"


def test_a_bracketed_section_label_right_above_the_first_paragraph_stays() -> None:
    lines = [HEADLINE, "", "March 3, 2023", "", "[Opening remarks by the Commandant]", "", *BODY]
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks][:2] == ["[Opening remarks by the Commandant]", BODY[0]]
    assert "March 3, 2023" in {r.text for r in cleaned.removed}


def test_labels_beside_a_player_time_code_go_and_a_subheading_after_them_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARCHIVE_CHROME_VOCABULARY", "off")
    vocabulary.cache_clear()
    try:
        lines = [
            HEADLINE,
            "",
            BODY[0],
            "",
            "hold on a moment",
            "",
            "0:00 0:02:41 0:00",
            "",
            "Grab this clip",
            "",
        ]
        lines += ["Rescue Drills at Sea", "", BODY[1], "", BODY[2], "", BODY[3]]
        cleaned = clean(lines)
        removed = {r.text: r.reason for r in cleaned.removed}
        assert "hold on a moment" in removed and "Grab this clip" in removed
        assert "player" in removed["hold on a moment"] or "beside chrome" in removed["hold on a moment"]
        assert "beside chrome" in removed["Grab this clip"]
        assert "Rescue Drills at Sea" in [b.text for b in cleaned.blocks]
        assert [b.text for b in cleaned.blocks if b.kind == "paragraph"] == BODY
    finally:
        vocabulary.cache_clear()


def test_subscribing_to_a_principle_is_article_text_and_a_subscribe_label_is_chrome() -> None:
    last = "We subscribe to the principle of free and open seas, the three ministers said in closing."
    label = "Subscribe to the Harbor Watch letter"
    lines = [HEADLINE, ""]
    for s in [*BODY, last, label]:
        lines += [s, ""]
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks] == [*BODY, last]
    assert {r.text: r.reason for r in cleaned.removed}[label] == "share, print or subscribe link"


def test_an_archived_site_banner_goes_in_any_wording_of_it() -> None:
    banners = [
        "This page belongs to an archived site and is no longer updated.",
        "Archive: the content below is not being updated, and links to other sites may have moved.",
        "Notice: this website is no longer maintained.",
    ]
    for banner in banners:
        cleaned = clean([banner, "", HEADLINE, "", *[x for s in BODY for x in (s, "")]])
        assert {r.text: r.reason for r in cleaned.removed}.get(banner) == "site footer", banner
        assert [b.text for b in cleaned.blocks] == BODY
    # a sentence of the article about a site that was not updated is no banner
    assert chrome_kind("The ministry said its website has not been updated since the attack.") is None


def test_an_article_sentence_between_sentences_is_not_removed_for_a_vocabulary_phrase() -> None:
    phrase = next(p for p, category, _ in vocabulary().phrases if category == "share")
    sentence = (
        f"The ministers said they would {phrase} the new charter before the end of the year, officials noted."
    )
    body = [BODY[0], sentence, BODY[1], BODY[2]]
    lines = [HEADLINE, ""]
    for s in body:
        lines += [s, ""]
    assert [b.text for b in clean(lines).blocks] == body
    # the same phrase on a short line of its own at the end of the page is chrome
    assert chrome_kind(f"{phrase.capitalize()} our weekly letter") is not None


def test_line_classes_follow_justext_context_rules() -> None:
    doc = Document(page(UNSEEN_HEADER, UNSEEN_FOOTER))
    classes = doc.classes
    long_body = [line.index for line in doc.lines() if line.text in BODY and line.chars >= 70]
    assert len(long_body) == 3 and all(classes[i] == "good" for i in long_body)
    assert classes[doc.nonblank[0]] == "bad"  # a short line at the edge with a bad neighbour
    # jusText would lose the short closing sentence (between a good line and the footer's bad ones);
    # the cleaner keeps it because it reads as a sentence of the article
    closing = next(line.index for line in doc.lines() if line.text == BODY[-1])
    assert classes[closing] == "bad"
    assert BODY[-1] in kept_text(page(UNSEEN_HEADER, UNSEEN_FOOTER))
    # a short line between two good paragraphs takes their class
    lines = Document([BODY[0], "Quietly so.", BODY[1]]).lines()
    assert classify(lines) == ["good", "good", "good"]


def test_content_words_ignore_function_words_and_split_hyphens() -> None:
    hyphenated = content_words("The United States-Japan Leaders' Statement")
    assert hyphenated == content_words("united states japan leaders statement")
    assert len(hyphenated) == 5 and not {"the"} & hyphenated


@given(st.text(alphabet="ab1 -_.'\u2019\u00e9,") | st.text())
@example("U.S.-Japan 3-D -week Jae-in ab--cd")
def test_a_lines_content_words_are_those_of_its_text(text: str) -> None:
    """The document model reads a line's content words from the words it has split already (a hyphenated
    word split at its hyphens): the same words ``content_words`` finds in the text."""
    assume(text.strip())
    assert Document([text]).lines()[0].content == content_words(text.strip())


@pytest.mark.parametrize(
    "anchor", ["\u2191 Up to the masthead", "More coverage \u00bb", "https://example.org/a/b"]
)
def test_a_line_shaped_like_a_link_is_chrome_anywhere(anchor: str) -> None:
    lines = [HEADLINE, "", BODY[0], "", anchor, "", BODY[1], "", BODY[2]]
    cleaned = clean(lines)
    assert anchor in {r.text for r in cleaned.removed}
    assert [b.text for b in cleaned.blocks] == BODY[:3]


def test_a_page_without_a_headline_keeps_its_first_paragraph() -> None:
    lines = [BODY[0], "", BODY[1], "", BODY[2]]
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks] == BODY[:3]
    assert cleaned.title and BODY[0].startswith(cleaned.title.rstrip("…"))


@pytest.mark.parametrize(
    "header",
    [
        ["An official website of the Harbor Authority", "Here is how you know", "Ana Ruiz photo"],
        ["Ana Ruiz portrait", "Commandant Ana Ruiz"],
        ["Skip over the menus", "Ana Ruiz"],
    ],
)
def test_a_portrait_caption_or_byline_naming_the_speaker_is_not_the_headline(header: list[str]) -> None:
    headline = "Ruiz: Allies Begin Joint Patrol Training Near Busan"
    body = [
        "Commandant Ana Ruiz said the coast guards of the three allies began joint patrol training"
        " near Busan.",
        "Ruiz said crews from each service will rotate aboard the others' cutters"
        " and practise boarding drills.",
        "The training will make it easier to respond together when ships get into trouble, Ruiz said.",
    ]
    lines: list[str] = []
    for line in [*header, headline, *body]:
        lines += [line, ""]
    cleaned = clean(lines)
    assert cleaned.title == headline
    assert [b.text for b in cleaned.blocks] == body


def test_every_stage_reads_a_paragraphs_sentences_from_the_document_model() -> None:
    cleaned = clean(page([], []))
    assert cleaned.doc is not None
    first = cleaned.sentences(BODY[0])
    assert first is cleaned.sentences(BODY[0])  # split once, then read


@pytest.mark.parametrize("tag", ["[Video Clip \u2013 12\u201904\u201d]", "[Audio 4:05]", "[Clip, 3 min]"])
def test_a_bracketed_clip_with_its_running_time_is_player_text(tag: str) -> None:
    line = f"{tag} Harbor officials brief reporters on the joint patrol training with the partners"
    cleaned = clean([HEADLINE, "", line, "", *BODY])
    removed = {r.text: r.reason for r in cleaned.removed}
    assert "media-player" in removed[line]
    assert [b.text for b in cleaned.blocks] == BODY
    # a bracketed label without a running time is not a clip
    assert chrome_kind("[Opening remarks by the Commandant]") is None


def _reference_classes(initial: list[str]) -> list[str]:
    """jusText's context rules written the plain way (a scan to each neighbour), to check the sweeps."""

    def neighbour(classes: list[str], i: int, step: int, ignore_near: bool) -> str:
        j = i + step
        while 0 <= j < len(classes):
            if classes[j] in ("good", "bad") or (classes[j] == "near" and not ignore_near):
                return classes[j]
            j += step
        return "bad"

    out = list(initial)
    for i, c in enumerate(initial):
        if c == "near":
            both_bad = neighbour(initial, i, -1, True) == "bad" and neighbour(initial, i, 1, True) == "bad"
            out[i] = "bad" if both_bad else "good"
    settled = list(out)
    for i, c in enumerate(out):
        if c != "short":
            continue
        prev, nxt = neighbour(out, i, -1, True), neighbour(out, i, 1, True)
        if prev == nxt == "good":
            settled[i] = "good"
        elif prev == nxt == "bad":
            settled[i] = "bad"
        elif (prev == "bad" and neighbour(initial, i, -1, False) == "near") or (
            nxt == "bad" and neighbour(initial, i, 1, False) == "near"
        ):
            settled[i] = "good"
        else:
            settled[i] = "bad"
    return settled


LINE_OF_CLASS = {
    "good": BODY[0],
    "near": "The coast guards of the three allies began a week of joint patrol training near Busan",
    "short": "Quietly so",
    "bad": "Patrols | Vessels | People | Archive",
}


@given(st.lists(st.sampled_from(sorted(LINE_OF_CLASS)), max_size=40))
def test_the_context_sweeps_give_justexts_classes(kinds: list[str]) -> None:
    from alliance_archive.document import _initial_class

    lines = Document([LINE_OF_CLASS[k] for k in kinds]).lines()
    initial = [_initial_class(line) for line in lines]
    assert classify(lines) == _reference_classes(initial)


def test_an_article_paragraph_above_a_junk_headline_is_kept() -> None:
    # a page whose only headline-like lines are one abbreviation repeated: no line of it is a headline,
    # and the paragraph above them is never dropped for its position
    lines = [BODY[0], "Gen. Gen. Gen.", "Gen. Gen. Gen.", "Gen. Gen. Gen. Gen. Gen. Gen. Gen. Gen."]
    cleaned = clean(lines)
    assert BODY[0] in [b.text for b in cleaned.blocks]
    assert cleaned.title != "Gen. Gen. Gen."


def test_a_long_paragraph_above_the_headline_stays_but_a_banner_the_vocabulary_knows_goes() -> None:
    deck = BODY[0] + " " + BODY[1]
    cleaned = clean([deck, "", HEADLINE, "", BODY[2], "", BODY[3]])
    kept = [b.text for b in cleaned.blocks]
    # whichever line titles the page, no line of the article is lost
    assert deck in kept and BODY[2] in kept and BODY[3] in kept
    assert HEADLINE in kept or cleaned.title == HEADLINE
    phrase = next(p for p, category, _ in vocabulary().phrases if category == "footer")
    banner = f"{phrase.capitalize()} the harbor authority, and the pages that follow are kept as they were."
    cleaned = clean([banner, "", HEADLINE, "", BODY[2], "", BODY[3]])
    assert banner in {r.text for r in cleaned.removed}


def test_a_label_fused_before_the_headline_yields_to_the_bare_headline() -> None:
    lines = page(["Harbor Watch Bulletin", f"Unfiled {HEADLINE}"], [])
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert cleaned.title_line == 5  # the bare line, not the one with the fused label


def test_a_headline_under_a_banner_of_its_own_sentences_is_found() -> None:
    """A government banner: a headline-shaped line heading two sentences of its own, then the article's
    headline heading the article. The banner heads a small part of the text and is off the article."""
    banner = [
        "A Service of the Harbor Authority of the Three Allies",
        "Websites of the harbor authority end in a short suffix that belongs to the authority alone.",
        "A small padlock in the address bar means the connection to this site is private.",
    ]
    more = [
        "Officials from the three services met in Busan on Sunday to agree on the training schedule and "
        "on the radio procedures the crews will use at sea.",
        "The exercise follows a meeting of the three governments in the spring at which they pledged to "
        "share more information about ships that break fishing rules in their waters.",
        "Local fishing cooperatives said they welcomed the patrols and hoped they would lead to faster "
        "rescues when boats are caught out by sudden storms in the strait.",
    ]
    lines = page(banner, [])
    for sentence in more:
        lines += [sentence, ""]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert [b.text for b in cleaned.blocks] == BODY + more


def test_a_masthead_line_repeated_across_the_header_is_not_the_headline() -> None:
    header = ["Harbor Authority of the Allies"] * 4 + ["Patrols Vessels People Archive"]
    assert clean(page(header, [])).title == HEADLINE


def test_a_transcript_turn_is_never_the_headline() -> None:
    """In a transcript a short turn ("MS. PARK: Thank you, and welcome.") reads like a headline."""
    turns = [
        "MINISTER PARK:  Thank you all, and welcome to the harbor.",
        "COMMANDANT RUIZ:  Thank you, Minister.",
        "MINISTER PARK:  " + BODY[0],
        "COMMANDANT RUIZ:  " + BODY[1],
    ]
    lines = ["Harbor Watch Bulletin", "", HEADLINE, ""]
    for turn in turns:
        lines += [turn, ""]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert [b.label for b in cleaned.blocks] == ["MINISTER PARK", "COMMANDANT RUIZ"] * 2


def test_a_capitalised_label_line_alone_is_a_headline_prefix_only_outside_a_transcript() -> None:
    lines = page(["Harbor Watch Bulletin"], [], headline=f"UPDATE: {HEADLINE}")
    assert clean(lines).title == HEADLINE


def test_a_deck_under_the_headline_is_the_articles_own_text() -> None:
    deck = "Crews of three coast guards practise boarding and rescue drills together for the first time"
    header = ["Harbor Watch Bulletin"]
    lines = page(header, [])
    at = lines.index(HEADLINE) + 2
    lines[at:at] = [deck, "", "By Jun Seo-yeon, Staff Reporter", "", "June 3, 2023", ""]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert [b.text for b in cleaned.blocks] == [deck, *BODY]
    removed = {r.text for r in cleaned.removed}
    assert {"By Jun Seo-yeon, Staff Reporter", "June 3, 2023", "Harbor Watch Bulletin"} <= removed


@pytest.mark.parametrize(
    "furniture",
    [
        "Officials Ana Ruiz, Grace Pemberton, Jun Seo-yeon and Min-ho Park",  # names and titles
        "(Photo courtesy of the Harbor Authority press office team)",  # a note in brackets
        "Posted on 3 June 2023 by the harbor desk of the bulletin",  # a date
        "Subscribers get every story of the week by mail on each Friday",  # off the article's topic
    ],
)
def test_a_header_line_that_is_no_deck_still_goes(furniture: str) -> None:
    lines = page(["Harbor Watch Bulletin"], [])
    at = lines.index(HEADLINE) + 2
    lines[at:at] = [furniture, ""]
    assert kept_text(lines) == BODY


def test_a_numbered_section_heading_above_the_first_paragraph_stays() -> None:
    lines = page(["Harbor Watch Bulletin"], [])
    at = lines.index(HEADLINE) + 2
    lines[at:at] = ["Signed by the three commandants", "", "I. Purpose", ""]
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks] == ["I. Purpose", *BODY]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Enlarge textEnlarge text", "a button's label copied twice"),
        ("harbor3", "an image's file name"),
        ("IMG_2041.jpg", "an image's file name"),
    ],
)
def test_button_and_image_labels_are_chrome_by_their_shape(line: str, reason: str) -> None:
    kind = chrome_kind(line)
    assert kind is not None and reason in kind[1]


def test_a_label_glued_to_a_date_is_no_image_name() -> None:
    assert chrome_kind("Bulletin2023-06-03") is None or "image" not in chrome_kind("Bulletin2023-06-03")[1]


def test_a_banner_paragraph_above_the_headline_off_the_articles_topic_goes() -> None:
    banner = (
        "You are looking at a page kept in the archive of an earlier version of this site, and some of "
        "its links, forms and pictures may no longer work as they once did."
    )
    lines = page([banner], [])
    assert kept_text(lines) == BODY


def test_an_article_paragraph_above_the_headline_on_its_topic_stays() -> None:
    lead = (
        "The coast guards of the three allies have published the statement below on their joint patrol "
        "training near Busan, which the bulletin reprints in full for its readers in the ports."
    )
    lines = page(["Harbor Watch Bulletin", lead], [])
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert [b.text for b in cleaned.blocks] == [lead, *BODY]


def test_a_field_of_the_header_is_no_subtitle() -> None:
    lines = page(["Harbor Watch Bulletin"], [])
    at = lines.index(HEADLINE) + 2
    lines[at:at] = ["Place: Busan Harbor Pier Seven", ""]
    assert kept_text(lines) == BODY


def test_a_footer_with_the_source_address_and_an_unpunctuated_slogan_goes() -> None:
    footer = [
        "Official text published at https://harbor.example.org/statements/joint-patrol",
        "- Part of Harbor Media Group -digital news best company",
        "Latest stories",
    ]
    assert kept_text(page(["Harbor Watch Bulletin"], footer)) == BODY


def test_a_headline_broken_in_two_on_the_page_is_one_title() -> None:
    lines = [
        "Harbor Watch Bulletin",
        "",
        "Coast Guards of",
        "Three Allies Begin Joint Patrol Training Near Busan",
    ]
    lines += ["", *[x for sentence in BODY for x in (sentence, "")]]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert [b.text for b in cleaned.blocks] == BODY


@pytest.mark.parametrize(
    "above",
    [
        # a photo caption, with its credit, above the headline
        "Commandant Ana Ruiz (L) greets the crews of the three services at the pier. Image: Harbor Authority",
        # an item of a list of other stories
        "▲ Coast guards of three allies begin joint patrol training near Busan harbor",
        # the speaker's card: a name, a comma, an office
        "Ana Ruiz, Commandant of the Harbor Coast Guard of the Allies",
    ],
)
def test_a_caption_a_list_item_or_a_name_card_above_the_headline_is_not_it(above: str) -> None:
    assert clean(page(["Harbor Watch Bulletin", above], [])).title == HEADLINE


def test_a_row_of_labels_parted_by_colons_is_a_breadcrumb() -> None:
    kind = chrome_kind("Home : Media : Press Releases : Article View")
    assert kind is not None and kind[0] == "navigation"


def test_a_date_in_brackets_is_no_news_agency_credit() -> None:
    from alliance_archive.document import is_caption

    assert is_caption("Ministers meet at the port office, Busan. (AP Photo/Jane Doe)")
    assert not is_caption("Harbor Authority Spokesperson's Weekly Briefing (April 6, 2021)")
    # an agency's name before a dash opens a wire story: a dateline, no credit
    assert not is_caption("SEOUL (AP) \u2014 The ministers met at the port office on Monday.")
    assert not is_caption("Seoul (Yonhap) -- The ministers met at the port office on Monday.")


def test_a_date_after_a_dash_is_the_pages_not_the_headlines() -> None:
    assert clean(page([], [], headline=f"{HEADLINE} - August 14, 2023")).title == HEADLINE


def test_a_date_line_above_the_headline_is_not_it() -> None:
    # a release's date with a word or two: title-cased and sharing the article's words, no headline
    sentence_case = "Coast guards of three allies begin joint patrol training near Busan"
    lines = page(["Harbor Watch Bulletin", "Coast Guards Busan August 14, 2023"], [], sentence_case)
    assert clean(lines).title == sentence_case


@pytest.mark.parametrize(
    "raw",
    [
        f"{HEADLINE} 14 August",  # the posting date fused to the headline
        f"{HEADLINE} \u2013 Harbor Department of Coast Guard Affairs",  # the site's name after a dash
    ],
)
def test_a_fused_date_or_a_site_name_after_a_dash_is_not_the_headlines(raw: str) -> None:
    assert clean(page(["Harbor Watch Bulletin"], [], headline=raw)).title == HEADLINE


def test_a_date_tied_to_the_headline_by_a_word_or_a_comma_stays() -> None:
    for raw in (f"{HEADLINE} on 14 August", f"{HEADLINE}, August 14, 2023"):
        assert clean(page(["Harbor Watch Bulletin"], [], headline=raw)).title == raw


def test_a_wire_summary_in_parentheses_is_not_the_headline() -> None:
    note = "(Coast guards of three allies begin joint patrol training near Busan harbor) (1250)"
    assert clean(page(["Harbor Watch Bulletin", note], [])).title == HEADLINE


def test_everything_below_the_sites_copyright_notice_is_footer() -> None:
    below = [
        "Use your Quayside account to sign in. You will also get our alerts.",
        "Forgot the tide tables?",
        "Harbor Watch Blog",
    ]
    lines = page(["Harbor Watch Bulletin"], ["\u00a92022 Quayside Media Inc.", *below])
    cleaned = clean(lines)
    assert [b.text for b in cleaned.blocks] == BODY
    reasons = {d.text: d.reason for d in cleaned.drops}
    assert all("copyright" in reasons[line] for line in below)
    # a credit with a year in the middle of the article ends nothing
    middle = page(["Harbor Watch Bulletin"], [])
    middle.insert(middle.index(BODY[1]), "\u00a92022 Quayside Media Inc.")
    assert [b.text for b in clean(middle).blocks] == BODY


def test_a_headline_cut_short_above_its_whole_copy_is_not_it() -> None:
    # the page's title, truncated, then the headline whole with the site's name after a bar
    cut = "Coast guards of three allies begin joint patrol"
    whole = "Coast guards of three allies begin joint patrol training near Busan"
    lines = page([cut, f"{whole} | HARBOR WATCH BULLETIN Harbor Watch Bulletin"], [], headline="")
    assert clean([x for x in lines if x != ""]).title == whole


def test_a_place_a_comma_and_a_sentence_case_clause_is_no_name_and_office() -> None:
    headline = "South Harbor, Port City and North Bay begin joint patrol training near Busan"
    assert clean(page(["Harbor Watch Bulletin", "Joint patrols"], [], headline=headline)).title == headline


def test_a_long_government_office_name_above_the_headline_is_the_sites() -> None:
    office = "Office of the Commandant of the Allied Coast Guards"  # nine words
    statement = "Joint Statement on the Coast Guard Patrol Training"
    assert clean(page([office], [], headline=statement)).title == statement


_CUE_WORDS = [
    "(L)", "(R)", "(left)", "(center, Seoul)", "(from L)", "(2nd L)", "(L to R)", "(AP)", "(AP Photo)",
    "(Reuters) --", ", left,", ", far right,", ", back row,", "poses for a photo", "shake hands", "looks on",
    "listens to", "[photo]", "Photo:", "photograph credit:", "file photo", "Image :", "picture", "left", "(",
    ")", ",", "\u2014",
]  # fmt: skip


@given(st.lists(st.sampled_from(_CUE_WORDS) | st.text(max_size=6), max_size=10).map(" ".join))
@example("Ministers meet at the port office, Busan. (AP Photo/Jane Doe)")
@example("SEOUL (AP) \u2014 The ministers met")
def test_a_caption_is_what_one_search_of_all_its_cues_finds(text: str) -> None:
    """The cues are searched group by group, each only where its needles are: the same answer as one
    search of them all, marks alone or every cue."""
    from alliance_archive import document

    for marked, groups in ((False, document._CAPTION_CUES), (True, document._CAPTION_MARKS)):
        every = re.compile("|".join(f"(?:{group.pattern.pattern})" for group in groups), re.I)
        assert document.is_caption(text, marked=marked) == bool(every.search(text))


def test_a_pose_for_the_cameras_is_a_caption_whatever_space_parts_its_words() -> None:
    from alliance_archive import document

    for space in (" ", "\u00a0", "\t"):
        assert document.is_caption(f"The two ministers pose{space}for{space}a{space}group{space}photo")
    assert not document.is_caption("The ministers pushed for a review of the photo rules")


_ARROW_BITS = ["»", "›", "→", "▲", ">", "<", "^", " ", "\t", "\n", "\u00a0", "\u2003", "Next", "a", "-"]


@given(st.lists(st.sampled_from(_ARROW_BITS) | st.text(max_size=3), max_size=8).map("".join))
@example("Read more >")
@example(" < Back")
@example("^ Top\n")
def test_an_arrow_is_found_as_the_one_expression_found_it(text: str) -> None:
    from alliance_archive.document import has_arrow

    one = re.compile(r"[»›→↗↑⇧⬆▲△▴]|\s>\s*$|^\s*<\s|^\s*\^\s")
    assert has_arrow(text) == bool(one.search(text))
