"""The shared text helpers through their public functions: lines compared whatever their quotes, dashes,
case and spacing; words and English function words counted; paragraphs split into sentences with
abbreviations kept whole; a very long paragraph split at sentences, spaces or by size; seed text
escaped so Markdown shows it as typed; slugs for addresses."""

from __future__ import annotations

import re
import unicodedata

import markdown
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alliance_archive import textutil
from alliance_archive.textutil import (
    comparable,
    english_word_count,
    has_english_word,
    md_escape,
    normalize,
    paragraphs,
    sentences,
    slugify,
    words,
)


def test_normalize_folds_case_quotes_dashes_and_spaces() -> None:
    assert normalize("  The \u201cAlliance\u201d\u00a0 Today  ") == 'the "alliance" today'
    assert normalize("Japan\u2019s role") == "japan's role"
    assert normalize("U.S. \u2013 Japan \u2014 ROK") == "u.s.-japan-rok"
    assert normalize("U.S.\u2212Japan") == normalize("U.S.-Japan") == "u.s.-japan"
    assert normalize("\uff21\uff22") == "ab"  # full-width letters as NFKC reads them
    assert normalize("STRASSE") == normalize("straße")


def _normalize_by_expressions(text: str) -> str:
    """``normalize`` as its rules read, every step on every text (it skips those plain ASCII needs not)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).translate(textutil._QUOTES)
    text = re.sub(r"[\u2010-\u2015\u2212-]+", "-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@given(
    st.text(
        alphabet=st.sampled_from("aZ 9-.\t\n\x1c\u00a0\u2010\u2013\u2212\u2019\u201c\u3000\uff21\ufb01é"),
        max_size=16,
    )
)
@example("  a -\t- B\x1c")
def test_normalize_reads_plain_ascii_as_every_text(text: str) -> None:
    assert normalize.__wrapped__(text) == _normalize_by_expressions(text)


def test_comparable_keeps_letters_and_digits_only() -> None:
    assert comparable("The Alliance, at 70!") == comparable("the alliance at 70") == "theallianceat70"
    assert comparable("U.S.\u2013Japan") == "usjapan"


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
@example("Tab\tand_under_score, 70% -- [A-Z] ~^`")
def test_comparable_reads_plain_ascii_as_the_expression_does(text: str) -> None:
    """Plain ASCII takes a quicker road (a translation table): it gives what the NFKC form, case
    folding and the expression give, character for character."""
    comparable.cache_clear()
    expected = re.sub(r"[^\w]+", "", unicodedata.normalize("NFKC", text).casefold())
    assert comparable(text) == expected


def test_words_are_runs_of_letters() -> None:
    assert words("The U.S.-Japan alliance, 70 years on: Japan\u2019s view.") == [
        "The",
        "U.S.-Japan",
        "alliance",
        "years",
        "on",
        "Japan\u2019s",
        "view.",
    ]
    assert words("2024 12:30") == []


def test_english_function_words_are_counted() -> None:
    assert (
        english_word_count("The ministers of the two countries met in Seoul.") == 5
    )  # the, of, the, two, in
    assert english_word_count("Das Treffen fand in Seoul statt.") == 1  # in
    assert english_word_count("THE AND OF") == 3
    assert english_word_count("") == 0


@given(
    st.lists(
        st.sampled_from(["the", "The.", "of'", "9and", "x-in", "Seoul", " ", ".", "'", "-", "\u00e9"])
    ).map("".join)
)
@example("Menteri Luar Negeri Indonesia")
@example("Menteri Luar Negeri Indonesia bertemu rekan dari Korea pada hari Senin di Jakarta, THE")
@example("talks. The")
def test_a_text_holds_an_english_word_where_the_count_finds_one(text: str) -> None:
    assert has_english_word(text) is (english_word_count(text) > 0)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The ministers met. They agreed.", ["The ministers met.", "They agreed."]),
        ("Did they agree? Yes! They did.", ["Did they agree?", "Yes!", "They did."]),
        (
            "The U.S. and Japan met on Sept. 28 in Tokyo. Mr. Kim and Dr. Lee attended.",
            ["The U.S. and Japan met on Sept. 28 in Tokyo.", "Mr. Kim and Dr. Lee attended."],
        ),
        ('"We agree," he said. "So do we."', ['"We agree," he said.', '"So do we."']),
        ('"We agree." They left.', ['"We agree."', "They left."]),
        ("(The talks ended.) They left.", ["(The talks ended.)", "They left."]),
        ("He said: \u201cWe agree.\u201d They left.", ["He said: \u201cWe agree.\u201d", "They left."]),
        ("Gen. Park spoke. 2024 was a good year.", ["Gen. Park spoke.", "2024 was a good year."]),
        ("President John F. Kennedy spoke.", ["President John F. Kennedy spoke."]),
        ("no capital. after the stop", ["no capital. after the stop"]),
        ("1. The allies met. They left.", ["1. The allies met.", "They left."]),
        ("The steps follow. 12. The allies met.", ["The steps follow.", "12. The allies met."]),
        ("  12. An indented list number.", ["12. An indented list number."]),  # five characters
        ("   12. Indented further.", ["12.", "Indented further."]),  # six: no list number
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2024. The allies met again.",
        "1. The allies met.",
        "7) The allies met.",
        "- not a list item",
        "# not a heading",
        "> not a quote",
        "*not emphasis* and _not_ either",
        "[not a link](http://example.org)",
        "<b>not bold</b> & not an entity: &amp;",
        "`not code` \\ and a backslash",
        "{not: jinja} !not an image",
        "+ not a list item",
    ],
)
def test_md_escape_renders_seed_text_exactly_as_typed(line: str) -> None:
    page = markdown.markdown(md_escape(line))
    assert page.startswith("<p>") and page.endswith("</p>"), page
    shown = page.removeprefix("<p>").removesuffix("</p>")
    assert shown == line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), page


def test_md_escape_strips_the_ends() -> None:
    assert md_escape("  The allies met.  \n") == "The allies met."


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("The U.S.-Japan Alliance: The Cornerstone", "us-japan-alliance-cornerstone"),
        ("A Statement on the Launch", "statement-on-the-launch"),
        ("An Alliance; A Promise", "alliance-promise"),
        ("Japan\u2019s View of the ROK", "japans-view-of-the-rok"),
        ("Séoul et Tōkyō", "seoul-et-tokyo"),
        ("!!!", "untitled"),
        ("", "untitled"),
        ("Theater Missile Defense", "theater-missile-defense"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugify_cuts_long_titles_at_a_word() -> None:
    title = (
        "Joint Statement of the Foreign Ministers on the Alliance and Trilateral Cooperation in the Region"
    )
    # the cut falls strictly inside the limit (a word ending exactly at it goes too: slugs stay stable)
    assert slugify(title, max_length=40) == "joint-statement-of-the-foreign"
    assert slugify(title, max_length=41) == "joint-statement-of-the-foreign-ministers"
    assert slugify("abc-def", max_length=7) == "abc-def"
    assert slugify("abc-defg", max_length=7) == "abc"


def test_function_words_are_counted_before_a_full_stop_or_after_an_apostrophe() -> None:
    assert english_word_count("It was said.") == 3
    assert english_word_count("'the' 'and'") == 2


def test_md_escape_leaves_quotation_marks_as_typed() -> None:
    line = 'He said "yes" and it\'s fine'
    assert markdown.markdown(md_escape(line)) == f"<p>{line}</p>"


def test_slugify_joins_lower_case_abbreviations_too() -> None:
    assert slugify("the u.s. view") == "us-view"


def test_slugify_keeps_eighty_characters_by_default() -> None:
    assert slugify("a" * 40 + " " + "b" * 39) == "a" * 40 + "-" + "b" * 39
    assert slugify("a" * 40 + " " + "b" * 40) == "a" * 40


def sentence(length: int, letter: str = "a") -> str:
    """A sentence of ``length`` characters: one capitalised word and its full stop."""
    return letter.upper() + letter * (length - 2) + "."


def test_a_paragraph_up_to_four_thousand_characters_stays_whole() -> None:
    text = " ".join([sentence(1000)] * 3 + [sentence(997)])  # four sentences, 4,000 characters
    assert len(text) == 4000
    assert paragraphs(text) == [text]
    longer = " ".join([sentence(999), sentence(999), sentence(1000), sentence(1000)])  # 4,001
    assert paragraphs(longer) == [f"{sentence(999)} {sentence(999)}", sentence(1000), sentence(1000)]


def test_a_long_paragraph_groups_whole_sentences_up_to_two_thousand_characters() -> None:
    # lengths chosen so that each group ends exactly at 2,000 characters with its joining spaces,
    # or one character past it
    lengths = [999, 1000, 1000, 1000, 999, 600, 600, 798, 600, 600, 799, 500]
    parts = [sentence(n, letter) for n, letter in zip(lengths, "abcdefghijkl", strict=True)]
    text = " ".join(parts)
    assert paragraphs(text) == [
        f"{parts[0]} {parts[1]}",  # 999 + 1 + 1000 = 2000
        parts[2],  # with the next one it would make 2001
        f"{parts[3]} {parts[4]}",  # 1000 + 1 + 999 = 2000 again after a cut
        f"{parts[5]} {parts[6]} {parts[7]}",  # three sentences: 600 + 1 + 600 + 1 + 798 = 2000
        f"{parts[8]} {parts[9]}",  # 600 + 1 + 600 + 1 + 799 would make 2001
        f"{parts[10]} {parts[11]}",
    ]


def test_a_sentence_of_exactly_two_thousand_characters_is_not_cut() -> None:
    long_one = "A" + "a" * 1400 + "  " + "b" * 596 + "."  # a double space inside, kept as written
    assert len(long_one) == 2000
    text = f"{long_one} {sentence(2200, 'c')} {long_one}"
    assert paragraphs(text)[0] == long_one
    assert paragraphs(text)[-1] == long_one


def test_a_longer_sentence_is_cut_at_its_last_space_in_the_second_thousand() -> None:
    a, b, c, d = "A" + "a" * 1199, "b" * 600, "c" * 800, "d" * 2000
    text = f"{a} {b}  {c} {d}."
    # the first cut at the last space before 2,000 (not the first after 1,000, nor one further on),
    # its spaces dropped; the rest has a space only before 1,000, so it is cut at 2,000 characters
    assert paragraphs(text) == [f"{a} {b}", f"{c} {d[:1199]}", f"{d[1199:]}."]


def test_a_run_without_spaces_is_cut_every_two_thousand_characters() -> None:
    assert paragraphs("y" * 10_000) == ["y" * 2000] * 5


def test_a_small_target_cuts_at_the_last_space_before_it() -> None:
    assert paragraphs("a bc de", longest=3, target=3) == ["a", "bc", "de"]


def _sentences_by_lookbehind(text: str) -> list[str]:
    """``sentences`` as it was written with the mark looked behind for: the oracle of the test below."""
    end = re.compile(r"""(?<=[.!?])(["'\u201d\u2019)\]]*)\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")
    parts: list[str] = []
    start = 0
    for m in end.finditer(text):
        stop = m.start()
        if textutil._ABBREV.search(text, max(start, stop - textutil._ABBREV_REACH), stop):
            continue
        if stop - start <= 5 and textutil._LIST_NUMBER.fullmatch(text, start, stop):
            continue
        parts.append(text[start : m.end(1)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


@given(
    st.lists(
        st.sampled_from(
            [
                ".",
                "!",
                "?",
                " ",
                "  ",
                "\n",
                '"',
                "\u201d",
                "\u201c",
                ")",
                "(",
                "A",
                "b",
                "U.S.",
                "Mr.",
                "1.",
                "9",
                "Sept.",
                "'",
                "\u2019",
            ]
        ),
        max_size=25,
    ).map("".join)
)
@example('He said "yes." Then "No!" (Later.) 2. Next U.S. Army. Mr. Kim')
def test_sentences_are_split_where_the_lookbehind_form_split_them(text: str) -> None:
    assert sentences(text) == _sentences_by_lookbehind(text)


def test_a_cache_of_short_texts_works_a_long_one_out_again_without_keeping_it() -> None:
    calls: list[int] = []

    @textutil.kept_when_short(8)
    def size(text: str) -> int:
        calls.append(len(text))
        return len(text)

    short, long = "a" * textutil.SHORT_TEXT, "a" * (textutil.SHORT_TEXT + 1)
    assert [size(t) for t in (short, short, long, long)] == [len(t) for t in (short, short, long, long)]
    assert calls == [len(short), len(long), len(long)]  # the short text once, the long one each time
    assert size.cache_info().currsize == 1  # type: ignore[attr-defined]
    size.cache_clear()  # type: ignore[attr-defined]
    assert size.cache_info().currsize == 0  # type: ignore[attr-defined]
