"""Themes: each id applies to what its definition covers and not to what PRODUCT.md says it is not for,
and only the article's kept text gives themes, never the page chrome removed around it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_archive.clean import Block, clean
from alliance_archive.extract import extract, find_themes, themes

POSITIVE = {
    "alliance": [
        "The U.S.-Japan alliance remains the cornerstone of peace and prosperity in the Indo-Pacific.",
        "The Secretary reaffirmed the ironclad commitment of the United States to the defense of the "
        "Republic of Korea, including extended deterrence.",
    ],
    "trilateral-cooperation": [
        "The United States, Japan, and the Republic of Korea will hold trilateral talks in Seoul next month.",
    ],
    "north-korea": ["North Korea launched two ballistic missiles toward the sea on Sunday morning."],
    "denuclearization": [
        "The ministers called for the complete denuclearization of the Korean Peninsula.",
    ],
    "sanctions": [
        "They pledged to fully implement the UN Security Council resolutions on the DPRK.",
        "The Treasury announced new sanctions on three shipping companies.",
    ],
    "regional-security": [
        "The ministers underscored the importance of peace and stability across the Taiwan Strait.",
        "They voiced concern about China's coercion of its neighbours.",
    ],
    "defense-posture": [
        "The two militaries will hold joint exercises off the coast of Okinawa next month.",
        "The ministers agreed to deepen cooperation on missile defense.",
    ],
    "economy-trade": [
        "The leaders agreed to strengthen supply chains for semiconductors and batteries.",
        "The two sides discussed ways to expand trade and investment.",
    ],
    "democracy-human-rights": [
        "The ministers called for an immediate resolution of the abductions issue.",
        "They condemned the DPRK's human rights abuses against its own people.",
    ],
    "maritime-security": [
        "They opposed any unilateral attempt to change the status quo in the East China Sea.",
        "The ministers stressed the importance of freedom of navigation.",
    ],
    "humanitarian-aid": [
        "Japan and the United States provided disaster relief to the islands hit by the typhoon.",
        "The allies pledged humanitarian assistance to the people of the region.",
    ],
    "climate-energy": [
        "The two countries will cooperate on clean energy and the fight against climate change.",
        "The ministers discussed energy security in light of rising fuel prices.",
    ],
    "global-issues": [
        "The ministers discussed continued support for Ukraine.",
        "They agreed to cooperate on cyber threats and global health.",
    ],
    "people-to-people": [
        "The leaders welcomed the growth of student exchanges between the two countries.",
        "The program will expand people-to-people ties through cultural events.",
    ],
}

# Sentences from what the vocabulary says a theme is "not for" (and plain near-misses).
NEGATIVE = {
    "alliance": [
        "The U.S. and its allies condemned the launch.",
        "Japan and the Republic of Korea agreed to improve their bilateral ties.",
    ],
    "trilateral-cooperation": [
        "The leaders of Australia, India, Japan and the United States met in Tokyo for the Quad summit.",
        "The Six-Party Talks brought together China, Japan, Russia, South Korea, the United States and "
        "North Korea.",
    ],
    "north-korea": ["The ministers discussed coast guard cooperation in South Korea's southern ports."],
    "denuclearization": [
        "The ministers discussed Iran's nuclear program and urged Tehran to return to negotiations.",
    ],
    "sanctions": ["The allies will keep up pressure on Pyongyang to return to dialogue."],
    "regional-security": ["The leaders discussed peace and security on the Korean Peninsula."],
    "defense-posture": [
        "Secretary Austin reaffirmed the U.S. commitment to the defense of Japan.",
    ],
    "economy-trade": ["Both countries share a commitment to democracy and a market economy."],
    "democracy-human-rights": ["The ministers stressed the importance of the rule of law."],
    "maritime-security": [
        "The ministers condemned the sinking of the Cheonan, which killed 46 sailors.",
    ],
    "humanitarian-aid": [
        "The Secretary expressed his deepest condolences to the families of the victims of the accident.",
    ],
    "climate-energy": [
        "The ministers said the security environment in the region has grown more severe.",
        "The political climate in both capitals has changed since the election.",
    ],
    "global-issues": ["The allies will work together to address global challenges."],
    "people-to-people": ["The ministers exchanged views on the situation in the region."],
}


def themes_of(*sentences: str) -> dict[str, str]:
    return find_themes([Block("paragraph", i + 1, s) for i, s in enumerate(sentences)])


def test_every_theme_has_examples() -> None:
    assert set(POSITIVE) == set(themes()) == set(NEGATIVE)


@pytest.mark.parametrize(
    ("theme", "sentence"), [(t, s) for t, ss in POSITIVE.items() for s in ss], ids=lambda x: x[:40]
)
def test_positive(theme: str, sentence: str) -> None:
    found = themes_of(sentence)
    assert theme in found
    assert found[theme] == sentence


@pytest.mark.parametrize(
    ("theme", "sentence"), [(t, s) for t, ss in NEGATIVE.items() for s in ss], ids=lambda x: x[:40]
)
def test_negative(theme: str, sentence: str) -> None:
    assert theme not in themes_of(sentence)


def test_generic_words_tag_nothing() -> None:
    assert (
        themes_of(
            "The two leaders affirmed their shared values and discussed security and economic priorities.",
            "They agreed to work together on global challenges.",
        )
        == {}
    )


def test_theme_evidence_is_the_first_sentence_that_gives_it() -> None:
    found = themes_of(
        "The ministers met for two hours. North Korea's latest launch was the first topic.",
        "They also discussed North Korea's missile programme at length.",
    )
    assert found["north-korea"] == "North Korea's latest launch was the first topic."


def test_themes_come_only_from_kept_text_not_from_chrome() -> None:
    lines = [
        "Breaking News",
        "Tags: North Korea, Sanctions, Trade",
        "Coast Guards Agree on Joint Rescue Training",
        "",
        "June 4, 2021",
        "",
        "The coast guards of the two countries will hold joint search-and-rescue training twice a year, "
        "officials announced on Tuesday.",
        "",
        "Also read: North Korea fires two missiles into the sea as sanctions bite",
        "",
        "Under the plan, crews from each service will spend three weeks aboard the other's cutters.",
        "",
        "Related: Climate change threatens the fishing trade in the region",
        "Share",
    ]
    cleaned = clean(lines)
    dropped = {d.line for d in cleaned.drops}
    assert {1, 2, 9, 13, 14} <= dropped
    found = extract(cleaned)
    assert "north-korea" not in found.themes
    assert "sanctions" not in found.themes
    assert "economy-trade" not in found.themes
    assert "climate-energy" not in found.themes


def test_the_same_sentence_in_the_body_does_give_the_theme() -> None:
    lines = [
        "Coast Guards Agree on Joint Rescue Training",
        "",
        "June 4, 2021",
        "",
        "The coast guards of the two countries will hold joint search-and-rescue training twice a year, "
        "officials announced on Tuesday.",
        "",
        "The officials said the drills would also prepare crews for a possible launch by North Korea.",
    ]
    assert "north-korea" in extract(clean(lines)).themes


_ALL_SENTENCES = sorted({s for examples in (*POSITIVE.values(), *NEGATIVE.values()) for s in examples})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_ALL_SENTENCES), min_size=1, max_size=5), min_size=1, max_size=4))
def test_themes_of_paragraphs_are_those_of_their_sentences(groups: list[list[str]]) -> None:
    """A block's sentences are searched only with the patterns whose needles the block holds: that
    shortcut never changes which sentence gives a theme, anchored and negative patterns included."""
    blocks = [Block("paragraph", i + 1, " ".join(group)) for i, group in enumerate(groups)]
    one_by_one = [Block("paragraph", i + 1, s) for i, s in enumerate(s for group in groups for s in group)]
    assert find_themes(blocks) == find_themes(one_by_one)
