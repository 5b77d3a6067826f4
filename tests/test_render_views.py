"""What the pages are made from, through the renderer's public functions on records these tests write:
an official's view (statements spoken and named in, roles, terms, a unique address) and an Atom feed."""

from __future__ import annotations

import feedparser

from alliance_archive.record import Person, Quote
from alliance_archive.registry import parse_registry
from alliance_archive.render import feed, officials_view
from tests.test_record import statement

REGISTRY = parse_registry(
    {"jp-fm": {"title": "Minister for Foreign Affairs", "country": "JP"}},
    [
        {
            "name": "Hana Mori",
            "country": "JP",
            "aliases": ["MORI Hana"],
            "roles": [
                {"title": "Deputy Minister", "start": "2015-01-01", "end": "2018-12-31"},
                {"office": "jp-fm", "start": "2019-01-01"},
            ],
        }
    ],
)
MORI = Person("Hana Mori", "Minister for Foreign Affairs", "JP")
LEE = Person("Lee Min-ho", "Minister of Foreign Affairs", "KR")


def test_an_official_lists_what_they_said_newest_first_and_where_they_were_named() -> None:
    old = statement("old", "2019-05-01", speakers=[MORI], quotes=[Quote("Hana Mori", "We agree.")])
    new = statement(
        "new",
        "2021-06-04",
        speakers=[MORI, LEE],
        quotes=[Quote("Lee Min-ho", "So do we."), Quote("Hana Mori", "Good.")],
    )
    named = statement("named", "2020-01-01", mentioned=[Person("Hana Mori", "Deputy Minister", "JP")])
    views = officials_view([old, named, new], REGISTRY)
    assert list(views) == ["Hana Mori", "Lee Min-ho"]
    mori = views["Hana Mori"]
    assert [a.s.id for a in mori.spoke] == ["new", "old"]
    assert [a.quotes for a in mori.spoke] == [["Good."], ["We agree."]]
    assert [a.role for a in mori.spoke] == ["Minister for Foreign Affairs", "Minister for Foreign Affairs"]
    assert [a.s.id for a in mori.mentioned_in] == ["named"]
    assert mori.roles_seen == ["Minister for Foreign Affairs", "Deputy Minister"]
    assert [t.title for t in mori.terms] == ["Deputy Minister", "Minister for Foreign Affairs"]
    assert mori.summary == "Minister for Foreign Affairs"
    assert mori.activity == "2 statements, mentioned in 1"
    assert (mori.country, mori.country_name, mori.slug) == ("JP", "Japan", "hana-mori")
    lee = views["Lee Min-ho"]
    assert (lee.terms, lee.summary, lee.activity) == ([], "Minister of Foreign Affairs", "1 statement")
    assert (lee.country_name, [a.quotes for a in lee.spoke]) == ("Republic of Korea", [["So do we."]])


def test_an_official_only_named_has_no_statements_in_the_activity() -> None:
    views = officials_view(
        [statement("a", "2020-01-01", mentioned=[Person("Sora Aoki", "", "other")])], REGISTRY
    )
    aoki = views["Sora Aoki"]
    assert (aoki.activity, aoki.summary, aoki.roles_seen, aoki.country_name) == (
        "mentioned in 1",
        "",
        [],
        "Other",
    )


def test_a_registry_alias_shows_the_registry_country_but_not_the_terms() -> None:
    views = officials_view(
        [statement("a", "2020-01-01", speakers=[Person("MORI Hana", "", "other")])], REGISTRY
    )
    assert views["MORI Hana"].country == "JP"
    assert views["MORI Hana"].terms == []


def test_two_officials_with_one_slug_get_distinct_addresses() -> None:
    people = [Person("Kim Min", "", "KR"), Person("Kim-Min", "", "KR"), Person("KIM MIN", "", "KR")]
    views = officials_view([statement("a", "2020-01-01", speakers=people)], REGISTRY)
    assert [v.slug for v in views.values()] == ["kim-min", "kim-min-2", "kim-min-3"]


def test_the_feed_lists_at_most_fifty_entries_in_the_order_given_and_escapes_text() -> None:
    entries = [
        statement(
            f"s{n:02}",
            f"2020-01-{n % 28 + 1:02}" if n else None,
            title=f"Talks <{n}> & more",
            speakers=[MORI] if n % 2 else [],
            publisher="Ministry" if n == 2 else None,
            summary=f"Summary {n} with <b>tags</b>.",
        )
        for n in range(60)
    ]
    xml = feed(
        "Hana Mori",
        entries,
        "feeds/mori.xml",
        "officials/hana-mori/",
        "https://ex.org/",
        "Archive",
        "2024-01-02",
    )
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Hana Mori"
    assert parsed.feed.link == "https://ex.org/officials/hana-mori/"
    assert len(parsed.entries) == 50
    first, second, third = parsed.entries[:3]
    assert first.title == "Talks <0> & more"
    assert first.link == "https://ex.org/statements/s00/"
    assert "published" not in first and first.updated.startswith("2024-01-02")
    assert first.author == "Archive"
    assert second.author == "Hana Mori" and second.published.startswith("2020-01-02")
    assert third.author == "Ministry"
    assert "&lt;b&gt;" in xml and "<b>" not in xml
    assert [e.id for e in parsed.entries] == [f"https://ex.org/statements/s{n:02}/" for n in range(50)]


def test_a_feed_without_a_site_address_links_from_the_root() -> None:
    xml = feed("All", [statement("a", "2020-01-01")], "feed.xml", "", "", "Archive", "2024-01-02")
    parsed = feedparser.parse(xml)
    assert parsed.entries[0].id == "/statements/a/"
