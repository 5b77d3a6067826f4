"""Stage 2: page chrome is removed with a reason, and every sentence of the article is kept.

Each fixture is a small invented article in the shape a copied web page takes: a headline, some page
furniture of one kind, and a body whose sentences must all survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from alliance_archive.clean import Cleaned, chrome_kind, clean, vocabulary
from alliance_archive.pipeline import render_text

HEADLINE = "Allies Agree to Expand Coast Guard Training Program"
BODY = [
    "The coast guards of the two countries will hold joint search-and-rescue training twice a year, "
    "officials announced on Tuesday.",
    "Under the plan, crews from each service will spend three weeks aboard the other's cutters to learn "
    "shared procedures for storms and collisions.",
    "A senior official said the first rotation would begin in the autumn and involve about forty sailors.",
]


@dataclass(frozen=True)
class Case:
    id: str
    lines: list[str]
    chrome: list[str]  # the raw lines that must be removed
    reason: str  # a regular expression the removal reason must match
    body: tuple[str, ...] = tuple(BODY)


def article(before: list[str] = (), header: list[str] = (), middle: list[str] = (), after: list[str] = ()):  # type: ignore[assignment]
    """Chrome above the headline, between headline and body, between paragraphs, after the body."""
    out = [*before, HEADLINE, "", *header, ""]
    out += [BODY[0], "", *middle, "", BODY[1], "", BODY[2], "", *after]
    return out


CASES = [
    Case(
        "skip-links",
        article(before=["Skip to main content", "Accessibility links", "Skip navigation"]),
        ["Skip to main content", "Accessibility links", "Skip navigation"],
        r"navigation",
    ),
    Case(
        "breadcrumb",
        article(before=["Home > News > Asia Pacific"]),
        ["Home > News > Asia Pacific"],
        r"breadcrumb|navigation",
    ),
    Case(
        "breadcrumb-slashes",
        article(before=["Home / Press Releases / 2021"]),
        ["Home / Press Releases / 2021"],
        r"breadcrumb|navigation",
    ),
    Case(
        "section-labels",
        article(before=["Breaking News", "Politics"], header=["Diplomacy"]),
        ["Breaking News", "Politics", "Diplomacy"],
        r"section|navigation|label",
    ),
    Case(
        "language-switcher",
        article(header=["한국어 | 日本語 | Tiếng Việt | Русский | English"]),
        ["한국어 | 日本語 | Tiếng Việt | Русский | English"],
        r"language",
    ),
    Case(
        "korean-caption",
        article(middle=["해양경찰 대원들이 합동 훈련에 참가하고 있다."]),
        ["해양경찰 대원들이 합동 훈련에 참가하고 있다."],
        r"language",
    ),
    Case(
        "japanese-caption",
        article(middle=["海上保安庁の巡視船が港に入る様子"]),
        ["海上保安庁の巡視船が港に入る様子"],
        r"language",
    ),
    Case(
        "vietnamese-line",
        article(middle=["Lực lượng tuần duyên hai nước tổ chức diễn tập chung tại cảng biển phía nam."]),
        ["Lực lượng tuần duyên hai nước tổ chức diễn tập chung tại cảng biển phía nam."],
        r"language",
    ),
    Case(
        "cyrillic-line",
        article(after=["Береговая охрана двух стран провела совместные учения."]),
        ["Береговая охрана двух стран провела совместные учения."],
        r"language",
    ),
    Case(
        "latin-script-without-accents",
        article(middle=["Menteri Luar Negeri kedua negara bertemu dan membahas kerja sama maritim"]),
        ["Menteri Luar Negeri kedua negara bertemu dan membahas kerja sama maritim"],
        r"language",
    ),
    Case(
        "font-size-tokens",
        article(before=["XS", "SM", "MD", "LG"]),
        ["XS", "SM", "MD", "LG"],
        r"font",
    ),
    Case(
        "font-size-one-line",
        article(before=["XS SM MD LG"]),
        ["XS SM MD LG"],
        r"font",
    ),
    Case(
        "media-player",
        article(
            middle=["Please wait", "No media source currently available", "0:00 0:02:17 0:00", "Direct link"]
        ),
        ["Please wait", "No media source currently available", "0:00 0:02:17 0:00", "Direct link"],
        r"player|media",
    ),
    Case(
        "timecode-alone",
        article(middle=["01:45"]),
        ["01:45"],
        r"player|timestamp|time",
    ),
    Case(
        "date-line",
        article(header=["November 9, 2021"]),
        ["November 9, 2021"],
        r"date",
    ),
    Case(
        "posted-date-line",
        article(header=["Posted on 2019-11-04 09:30"]),
        ["Posted on 2019-11-04 09:30"],
        r"date",
    ),
    Case(
        "read-time",
        article(header=["5 min read"]),
        ["5 min read"],
        r"read",
    ),
    Case(
        "view-counter",
        article(header=["2,481 views"]),
        ["2,481 views"],
        r"counter|number",
    ),
    Case(
        "stray-number",
        article(middle=["318"]),
        ["318"],
        r"counter|number",
    ),
    Case(
        "share-print-subscribe",
        article(header=["Share", "Print", "Email"], after=["Subscribe", "Share this article"]),
        ["Share", "Print", "Email", "Subscribe", "Share this article"],
        r"share|print|subscribe",
    ),
    Case(
        "cookie-notice",
        article(
            after=[
                "We use cookies to give you the best experience on our website. By continuing you accept "
                "our cookie policy."
            ]
        ),
        [
            "We use cookies to give you the best experience on our website. By continuing you accept "
            "our cookie policy."
        ],
        r"cookie|consent",
    ),
    Case(
        "also-read",
        article(middle=["Also read: Ministers weigh new rules for fishing fleets"]),
        ["Also read: Ministers weigh new rules for fishing fleets"],
        r"related",
    ),
    Case(
        "related",
        article(after=["Related: Port cities sign sister agreements"]),
        ["Related: Port cities sign sister agreements"],
        r"related",
    ),
    Case(
        "separators",
        article(middle=["--"], after=["--", "", "--"]),
        ["--"],
        r"separator",
    ),
    Case(
        "originally-appeared",
        article(
            after=["This entry originally appeared on Harbor Notes, the official blog of the Coast Guard."]
        ),
        ["This entry originally appeared on Harbor Notes, the official blog of the Coast Guard."],
        r"footer",
    ),
    Case(
        "repeated-headline",
        article(header=[HEADLINE]),
        [HEADLINE],
        r"repeat",
    ),
    Case(
        "sign-up-footer",
        article(
            after=[
                "Sign up for our newsletter",
                "Get the week's top stories delivered to your inbox.",
                "Email address",
                "Subscribe",
                "Privacy Policy",
                "Terms of Use",
            ]
        ),
        [
            "Sign up for our newsletter",
            "Get the week's top stories delivered to your inbox.",
            "Email address",
            "Subscribe",
            "Privacy Policy",
            "Terms of Use",
        ],
        r"footer|sign|subscribe|share|cookie|tags|newsletter",
    ),
]

CAPTION = (
    "Coast guard officers from both countries shake hands aboard a patrol vessel in Busan on "
    "June 2, 2021 (Photo: Coast Guard)."
)
CASES += [
    Case(
        "repeated-caption",
        [HEADLINE, "", CAPTION, "", BODY[0], "", BODY[1], "", CAPTION, "", BODY[2], ""],
        [],  # the second copy, checked below by line number
        r"repeat",
        body=(CAPTION, *BODY),
    ),
]

TEASER_PARAGRAPH = (
    "\u201cEvery hour our crews train together is an hour we save when a real storm comes,\u201d the "
    "commander of the exercise said, adding that both services would publish a joint manual next year."
)
TEASER = "\u201cEvery hour our crews train together is an hour we save when a real storm comes,\u201d"
CASES += [
    Case(
        "pull-quote-teaser",
        [HEADLINE, "", BODY[0], "", TEASER, "", BODY[1], "", TEASER_PARAGRAPH, "", BODY[2], ""],
        [TEASER],
        r"teaser|repeat",
        body=(BODY[0], BODY[1], TEASER_PARAGRAPH, BODY[2]),
    ),
]


def kept_text(cleaned: Cleaned) -> list[str]:
    return [b.text for b in cleaned.blocks]


def assert_body_kept_in_order(cleaned: Cleaned, body: tuple[str, ...]) -> None:
    kept = kept_text(cleaned)
    joined = "\n".join(kept)
    pos = 0
    for sentence in body:
        at = joined.find(sentence, pos)
        assert at >= 0, f"article text lost or out of order: {sentence!r}\nkept: {kept}"
        pos = at + len(sentence)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_chrome_is_removed_and_the_article_kept(case: Case) -> None:
    cleaned = clean(case.lines)
    assert cleaned.title == HEADLINE
    assert_body_kept_in_order(cleaned, case.body)
    drops = {d.line: d for d in cleaned.drops}
    for number, raw in enumerate(case.lines, start=1):
        if raw not in case.chrome or number == cleaned.title_line:
            continue
        assert number in drops, f"line {number} kept: {raw!r}"
        assert re.search(case.reason, drops[number].reason, re.I), (raw, drops[number].reason)
    for block in cleaned.blocks:
        assert block.text not in case.chrome


def test_every_non_blank_line_is_kept_or_removed() -> None:
    for case in CASES:
        cleaned = clean(case.lines)
        accounted = {b.line for b in cleaned.blocks} | {d.line for d in cleaned.drops}
        nonblank = {i for i, line in enumerate(case.lines, start=1) if line.strip()}
        assert accounted == nonblank, case.id
        assert {b.line for b in cleaned.blocks}.isdisjoint({d.line for d in cleaned.drops})


def test_removed_lines_keep_their_raw_text_and_number() -> None:
    case = next(c for c in CASES if c.id == "media-player")
    cleaned = clean(case.lines)
    for removed in cleaned.removed:
        assert case.lines[removed.line - 1] == removed.text
        assert removed.reason


def test_repeated_caption_keeps_only_the_first_copy() -> None:
    case = next(c for c in CASES if c.id == "repeated-caption")
    cleaned = clean(case.lines)
    captions = [b for b in cleaned.blocks if b.text == CAPTION]
    assert [b.line for b in captions] == [3]
    assert captions[0].kind == "caption"
    second = {d.line: d for d in cleaned.drops}[9]
    assert re.search(r"repeat", second.reason) and "caption" in second.reason


def test_a_caption_can_still_give_the_date() -> None:
    from alliance_archive.extract import extract

    case = next(c for c in CASES if c.id == "repeated-caption")
    assert extract(clean(case.lines)).date == "2021-06-02"


def test_pull_quote_teaser_is_dropped_but_the_paragraph_kept() -> None:
    case = next(c for c in CASES if c.id == "pull-quote-teaser")
    cleaned = clean(case.lines)
    assert 5 in {d.line for d in cleaned.drops}
    assert [b.line for b in cleaned.blocks if b.text == TEASER_PARAGRAPH] == [9]


def test_a_sentence_that_mentions_chrome_words_stays() -> None:
    sentences = [
        "The minister said officials would share intelligence on missile launches in real time from now on.",
        "Readers of the joint statement will find that both sides agreed to print a common training manual.",
        "He told reporters the news of the agreement would be welcomed by fishing towns along the coast.",
    ]
    lines = [HEADLINE, "", *sentences]
    cleaned = clean(lines)
    assert kept_text(cleaned) == sentences


# -- structure -------------------------------------------------------------------------------


def test_subheadings_become_markdown_headings() -> None:
    lines = [
        HEADLINE,
        "",
        BODY[0],
        "",
        "Training at Sea",
        "",
        BODY[1],
        "",
        "Next Steps for Both Services",
        "",
        BODY[2],
    ]
    cleaned = clean(lines)
    assert [b.kind for b in cleaned.blocks] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]
    text = render_text(cleaned)
    assert "\n## Training at Sea\n" in text
    assert "\n## Next Steps for Both Services\n" in text
    assert text.index("Training at Sea") < text.index("crews from each service")


def test_numbered_items_stay_a_numbered_list() -> None:
    items = [
        "1. Hold joint search-and-rescue drills twice a year.",
        "2. Exchange liaison officers between the two headquarters.",
        "3. Publish a shared manual for storm response.",
    ]
    intro = "The agreement sets out three steps for the coming year:"
    lines = [HEADLINE, "", BODY[0], "", intro, "", *items, "", BODY[2]]
    cleaned = clean(lines)
    assert intro in kept_text(cleaned)
    numbered = [b for b in cleaned.blocks if b.kind == "numbered"]
    assert [b.label for b in numbered] == ["1", "2", "3"]
    assert numbered[1].text == "Exchange liaison officers between the two headquarters."
    text = render_text(cleaned)
    assert "1. Hold joint search-and-rescue drills twice a year." in text
    assert "3. Publish a shared manual for storm response." in text


def test_bulleted_items_stay_a_bulleted_list() -> None:
    items = ["• Joint drills in the spring", "• A shared storm manual", "• New radio links between ports"]
    intro = "The two sides agreed on the following measures for the year ahead:"
    lines = [HEADLINE, "", BODY[0], "", intro, "", *items, "", BODY[2]]
    cleaned = clean(lines)
    assert intro in kept_text(cleaned)
    bullets = [b for b in cleaned.blocks if b.kind == "bullet"]
    assert [b.text for b in bullets] == [
        "Joint drills in the spring",
        "A shared storm manual",
        "New radio links between ports",
    ]
    text = render_text(cleaned)
    assert "- Joint drills in the spring\n\n- A shared storm manual" in text


@pytest.mark.parametrize(
    "items",
    [
        ["• Joint drills in the spring", "• A shared storm manual", "• New radio links between ports"],
        ["- Joint drills in the spring", "- A shared storm manual", "- New radio links between ports"],
        ["1. Joint drills in the spring", "2. A shared storm manual", "3. New radio links between ports"],
    ],
    ids=["bullets", "dashes", "numbers"],
)
def test_an_article_that_opens_with_a_list_keeps_it(items: list[str]) -> None:
    intro = "The two coast guards agreed on the following measures for the year ahead:"
    lines = [HEADLINE, "", "June 4, 2021", "", intro, "", *items, "", BODY[2]]
    cleaned = clean(lines)
    kept = kept_text(cleaned)
    assert kept == [
        intro,
        "Joint drills in the spring",
        "A shared storm manual",
        "New radio links between ports",
        BODY[2],
    ]
    assert {b.kind for b in cleaned.blocks[1:4]} <= {"bullet", "numbered"}


def test_transcript_labels_stay_with_their_turn() -> None:
    lines = [
        "Remarks to the Press After the Coast Guard Talks",
        "",
        "SECRETARY SMITH: Good afternoon. We had a productive discussion about training our crews together.",
        "",
        "QUESTION: Will the drills include submarines?",
        "",
        "MINISTER TANAKA: No, the drills are about rescue at sea, and they will begin in the autumn.",
        "",
        "We expect about forty sailors from each side in the first rotation.",
    ]
    cleaned = clean(lines)
    turns = [b for b in cleaned.blocks if b.kind == "turn"]
    assert [b.label for b in turns] == ["SECRETARY SMITH", "QUESTION", "MINISTER TANAKA"]
    assert turns[0].text.startswith("Good afternoon. We had a productive discussion")
    text = render_text(cleaned)
    assert "**SECRETARY SMITH:** Good afternoon." in text
    assert "**MINISTER TANAKA:** No, the drills are about rescue at sea" in text
    assert "We expect about forty sailors from each side in the first rotation." in text


def test_photo_caption_is_kept_as_a_caption() -> None:
    lines = [HEADLINE, "", CAPTION, "", *BODY]
    cleaned = clean(lines)
    caption = [b for b in cleaned.blocks if b.kind == "caption"]
    assert [b.text for b in caption] == [CAPTION]
    assert 'class="aa-caption"' in render_text(cleaned)
    assert [b.kind for b in cleaned.blocks if b.text in BODY] == ["paragraph"] * 3


def test_seed_markup_stays_text() -> None:
    lines = [
        HEADLINE,
        "",
        "The officials said <script>alert(1)</script> was found in a phishing e-mail sent to crews, "
        "along with {{ config.site_name }} and **bold** markers.",
    ]
    text = render_text(clean(lines))
    assert "<script>" not in text
    assert "{{" not in text
    assert "**bold**" not in text
    assert re.search(r"&lt;script&gt;", text)


def test_a_yaml_block_at_the_top_is_chrome_not_metadata_or_title() -> None:
    lines = ["---", "title: Not The Headline", "tags: [injected]", "---", HEADLINE, "", BODY[0], "", BODY[1]]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert {d.line for d in cleaned.drops if "YAML" in d.reason} == {1, 2, 3, 4}
    assert_body_kept_in_order(cleaned, (BODY[0], BODY[1]))


def test_dashes_that_open_an_article_without_a_yaml_block_are_not_swallowed() -> None:
    lines = ["---", HEADLINE, "", BODY[0], "", "---", BODY[1]]
    cleaned = clean(lines)
    assert cleaned.title == HEADLINE
    assert_body_kept_in_order(cleaned, (BODY[0], BODY[1]))


@pytest.mark.parametrize("line", ["5 min read", "READING TIME: 4 minutes", "2 Hours Read", "Read time 3 min"])
def test_a_read_time_line_is_chrome_by_its_words_in_any_case_vocabulary_or_not(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_CHROME_VOCABULARY", "off")
    vocabulary.cache_clear()
    chrome_kind.cache_clear()
    try:
        assert chrome_kind(line) == ("read_time", "read-time line")
    finally:
        vocabulary.cache_clear()
        chrome_kind.cache_clear()
