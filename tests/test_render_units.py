"""The generated pages and data files, straight from the renderer, for a small archive these tests
write: front matter, titles and seed text kept inert, links and addresses, listings and their pages,
feeds, the charts, and the data files."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import feedparser
import frontmatter
import markupsafe
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from alliance_archive import cite, render
from alliance_archive.extract import themes
from alliance_archive.record import DateRange, Person, Quote, Removed, Statement, archive_json
from alliance_archive.registry import parse_registry
from alliance_archive.related import Link
from tests.test_cite import downloads
from tests.test_record import statement

REGISTRY = parse_registry(
    {"jp-fm": {"title": "Minister for Foreign Affairs", "country": "JP"}},
    [
        {
            "name": "Hana Mori",
            "country": "JP",
            "roles": [
                {"title": "Deputy Minister", "start": "2015-01-01", "end": "2018-12-31"},
                {"office": "jp-fm", "start": "2019-01-01"},
            ],
        }
    ],
)
MORI = Person("Hana Mori", "Minister for Foreign Affairs", "JP")
KIM = Person("Kim Jae-won", "Minister of Foreign Affairs", "KR")
AHN = Person("Ahn Soo", "", "KR")
ROSS = Person("Dana Ross", "Secretary of State", "US")
SITE = "https://example.org/archive/"
REPO = "https://git.example.org/archive/"
NAME = "Test Archive"
HARBOR_TITLE = 'Talks on *ports* & <harbors> "now"'
HARBOR_HEADING = 'Talks on \\*ports\\* &amp; &lt;harbors&gt; "now"'  # the title as inert Markdown
HARBOR_TEXT = 'Talks on *ports* &amp; &lt;harbors&gt; "now"'  # the title as the text of an HTML element


def harbor() -> Statement:
    return statement(
        "harbor-talks",
        "2021-06-04",
        title=HARBOR_TITLE,
        speakers=[MORI, KIM],
        mentioned=[ROSS],
        themes=["alliance", "maritime-security"],
        places=["Tokyo", "Busan_port"],
        publisher="Ministry of *Foreign* Affairs",
        text="The ministers met.\n\nThey agreed.",
        quotes=[
            Quote("Hana Mori", "  \u201cWe will meet again,\u201d "),
            Quote("Kim Jae-won", '"Ports & <docks> matter;:"'),
        ],
        removed=[Removed(1, "Share", "share link"), Removed(2, "  ", "blank line")],
        theme_evidence={"alliance": 'The "alliance" <stands> & holds.'},
        summary="The ministers met in Busan on Friday. They agreed.",
        overridden=["date"],
    )


def archive() -> list[Statement]:
    """Five statements: two of 2021, one of 2019, two undated (one with a range of dates)."""
    return [
        harbor(),
        statement(
            "winter-call",
            "2021-01-15",
            title="Winter call",
            speakers=[KIM],
            mentioned=[Person("Kim Jae-won", "Minister", "KR")],  # speaks and is named
            themes=["alliance"],
        ),
        statement(
            "old-visit",
            "2019-03-02",
            title="Old visit",
            mentioned=[MORI],
            themes=["alliance"],
            publisher="Embassy",
        ),
        statement(
            "zeta-note",
            None,
            title="Zeta note",
            speakers=[ROSS],
            mentioned=[KIM],
            date_range=DateRange("2019-01-01", "2020-06-30", "the terms of the officials named"),
        ),
        statement("alpha-note", None, title="Alpha note", mentioned=[ROSS, AHN]),
    ]


EVENTS = {
    "harbor-talks": [Link("winter-call", ("same day", "both *ministers*"), 5, True), Link("gone", ("x",), 9)],
    "winter-call": [Link("harbor-talks", ("same day",), 5)],
}
CHANGED = {"seeds/harbor-talks.txt": "2024-05-01", "seeds/harbor-talks.yml": "2024-06-01"}


@pytest.fixture
def site() -> dict[str, str]:
    return render.pages(archive(), REGISTRY, REPO, SITE, NAME, EVENTS, CHANGED)


@pytest.fixture
def plain() -> dict[str, str]:
    """The same archive but one undated statement, with every setting left at its default."""
    return render.pages(archive()[:4])


def page_of(content: str) -> frontmatter.Post:
    return frontmatter.loads(content)


def listed(content: str) -> list[str]:
    """The statements a listing links to, in order: a Markdown list (the home page's latest), or an HTML
    one whose addresses are those MkDocs writes (the year, theme and official pages: list items, or an
    official's headings)."""
    found = re.findall(
        r"^(?:- \[.*\]\((?:\.\./)*statements/([^)]+)\.md\)"
        r'|(?:<li>|<h3 id="[^"]*">)<a href="(?:\.\./)*statements/([^/"]+)/">)',
        content,
        re.M,
    )
    return [in_markdown or in_html for in_markdown, in_html in found]


# -- statement pages: front matter -------------------------------------------------------------


def test_a_statement_page_carries_its_record_and_escaped_head_fields_in_the_front_matter(
    site: dict[str, str],
) -> None:
    text = site["statements/harbor-talks.md"]
    assert text.startswith('---\nhide:\n- "navigation"\ntitle: "')
    post = page_of(text)
    assert list(post.metadata) == [
        "hide", "title", "description", "tags", "record", "edited_fields", "citation", "og_type",
        "published", "lastmod",
    ]  # fmt: skip
    assert post["hide"] == ["navigation"]
    assert post["title"] == "Talks on *ports* &amp; &lt;harbors&gt; &quot;now&quot;"
    assert post["description"] == "The ministers met in Busan on Friday."
    assert post["tags"] == ["Alliance", "Maritime security"]
    record = harbor().to_json()
    record.pop("text")
    assert post["record"] == record
    assert post["edited_fields"] == ["date"]
    url = SITE + "statements/harbor-talks/"
    assert post["citation"] == [list(tag) for tag in cite.meta_tags(harbor(), url, NAME)]
    assert ["citation_public_url", url] in post["citation"]
    assert post["og_type"] == "article"
    assert post["published"] == "2021-06-04"
    # the later of the seed's and its correction file's last change
    assert post["lastmod"] == "2024-06-01"
    assert text.endswith("</details>\n</div>\n<!-- /aa:raw -->\n")


def test_a_statement_page_without_a_date_or_a_change_has_no_published_or_lastmod(
    site: dict[str, str],
) -> None:
    post = page_of(site["statements/alpha-note.md"])
    assert "published" not in post.metadata and "lastmod" not in post.metadata
    assert "search" not in post.metadata
    assert post["edited_fields"] == [] and post["tags"] == []
    assert "lastmod" not in page_of(site["statements/winter-call.md"]).metadata


def test_the_description_falls_back_to_who_spoke_when_and_the_title(site: dict[str, str]) -> None:
    assert (
        page_of(site["statements/winter-call.md"])["description"]
        == "Kim Jae-won, 15 January 2021: Winter call"
    )
    assert page_of(site["statements/zeta-note.md"])["description"] == "Dana Ross, undated: Zeta note"
    assert page_of(site["statements/alpha-note.md"])["description"] == "Statement, undated: Alpha note"
    two = statement("two", "2020-02-03", speakers=[MORI, KIM], title="A <b>&</b>")
    slugs = {"Hana Mori": "hana-mori", "Kim Jae-won": "kim-jae-won"}
    assert page_of(render.statement_page(two, slugs, ""))["description"] == (
        "Hana Mori, Kim Jae-won, 3 February 2020: A &lt;b&gt;&amp;&lt;/b&gt;"
    )


def test_a_long_first_sentence_is_cut_at_a_word_to_300_characters() -> None:
    words = "alpha beta gamma delta " * 20  # 460 characters, one sentence
    long = statement("long", "2020-01-01", summary=words.strip() + ".")
    description = page_of(render.statement_page(long, {}, ""))["description"]
    cut = words[:300].rsplit(" ", 1)[0]
    assert description == cut + "\u2026" and len(cut) <= 300 and not cut.endswith(" ")
    exact = ("x" * 299) + "."
    assert page_of(render.statement_page(statement("e", None, summary=exact), {}, ""))["description"] == exact
    over = ("x" * 150) + " " + ("y" * 150) + "."  # 302 characters
    assert page_of(render.statement_page(statement("o", None, summary=over), {}, ""))["description"] == (
        "x" * 150 + "\u2026"
    )
    one_word = ("x" * 300) + "."  # 301 characters, no space to cut at
    assert page_of(render.statement_page(statement("w", None, summary=one_word), {}, ""))["description"] == (
        "x" * 300 + "\u2026"
    )
    # the 300th character a space: the cut drops it, not the word before it
    spaced = "a" * 100 + " " + "b" * 198 + " " + "c" * 10 + "."
    assert page_of(render.statement_page(statement("s", None, summary=spaced), {}, ""))["description"] == (
        "a" * 100 + " " + "b" * 198 + "\u2026"
    )


def test_a_description_escapes_markup_for_the_head() -> None:
    s = statement("m", None, summary='Say "yes" & <no>.')
    assert page_of(render.statement_page(s, {}, ""))["description"] == "Say &quot;yes&quot; &amp; &lt;no&gt;."


def test_a_statement_page_on_its_own_cites_its_relative_address_and_the_archive_name() -> None:
    s = statement("solo", "2020-05-06", speakers=[MORI])
    post = page_of(render.statement_page(s, {"Hana Mori": "hana-mori"}, "../../seeds/solo.txt"))
    assert ["citation_public_url", "statements/solo/"] in post["citation"]
    assert post["citation"] == [list(tag) for tag in cite.meta_tags(s, "statements/solo/", cite.ARCHIVE)]
    assert "in Alliance Archive, statements/solo/." in post.content
    assert "search" not in post.metadata


def test_the_front_matter_gives_back_any_character_of_the_record() -> None:
    # U+0085 (next line) is a line break to YAML: written unescaped it would read back as a space
    s = statement("odd", None, title="Talks\x85in \u2028Seoul \U0001f600", places=["a\x85b"])
    post = page_of(render.statement_page(s, {}, ""))
    assert post["record"]["title"] == s.title and post["record"]["places"] == ["a\x85b"]
    assert post["citation"][0] == ["citation_title", s.title]


def test_a_statement_page_shows_its_citations_to_copy(site: dict[str, str]) -> None:
    body = site["statements/harbor-talks.md"]
    url = SITE + "statements/harbor-talks/"
    assert f"<pre><code>{markupsafe.escape(cite.bibtex(harbor(), url, NAME))}</code></pre>" in body
    assert f"<pre><code>{markupsafe.escape(cite.csl_json(harbor(), url, NAME))}</code></pre>" in body
    chicago = cite.chicago(harbor(), url, NAME)
    assert "in Test Archive" in chicago
    assert f'\n<p class="aa-cite-chicago">{html.escape(chicago, quote=False)}</p>\n' in body
    bib = "data:application/x-bibtex;charset=utf-8;base64," + base64.b64encode(
        cite.bibtex(harbor(), url, NAME).encode()
    ).decode("ascii")
    csl = "data:application/vnd.citationstyles.csl+json;charset=utf-8;base64," + base64.b64encode(
        cite.csl_json(harbor(), url, NAME).encode()
    ).decode("ascii")
    assert (
        f'<a download="harbor-talks.bib" href="{bib}" type="application/x-bibtex">BibTeX</a> · '
        f'<a download="harbor-talks.json" href="{csl}" type="application/vnd.citationstyles.csl+json">'
        "CSL-JSON</a>"
    ) in body
    assert '<a href="../../about/#how-to-cite">About</a>' in body


def test_a_statement_page_given_its_related_accounts_counts_only_those_left_out() -> None:
    other = statement("other", "2020-01-02", title="Other")
    link = Link("other", ("same day",), 3)
    body = render.statement_page(
        statement("one", "2020-01-02"), {}, "", related=[render.Related(other, link)]
    )
    assert "- [Other](other.md) · 2 January 2020: same day\n" in body
    assert "more statement" not in body
    more = render.statement_page(
        statement("one", "2020-01-02"), {}, "", related=[render.Related(other, link)], more_related=1
    )
    assert "1 more statement of the archive is linked to this event as well; [all of 2020]" in more


def test_a_statement_page_can_be_kept_out_of_the_header_search() -> None:
    post = page_of(render.statement_page(statement("q", None), {}, "", header_search=False))
    assert post["search"] == {"exclude": True}
    assert list(post.metadata)[-1] == "search"


# -- statement pages: body ---------------------------------------------------------------------


def test_a_statement_body_shows_seed_text_as_text(site: dict[str, str]) -> None:
    body = page_of(site["statements/harbor-talks.md"]).content
    assert body.startswith(f"# {HARBOR_HEADING}\n")
    # the record block is raw HTML: links as MkDocs writes them, seed text escaped once
    assert '<p><strong>Date:</strong> 4 June 2021 · <a href="../../years/2021/">All of 2021</a></p>' in body
    assert (
        '<p><strong>Speakers:</strong> <a href="../../officials/hana-mori/">Hana Mori</a> '
        '(Minister for Foreign Affairs, JP), <a href="../../officials/kim-jae-won/">Kim Jae-won</a> '
        "(Minister of Foreign Affairs, KR)</p>"
    ) in body
    assert (
        '<p><strong>Mentioned:</strong> <a href="../../officials/dana-ross/">Dana Ross</a> '
        "(Secretary of State)</p>"
    ) in body
    assert "<p><strong>Places:</strong> Tokyo, Busan_port</p>" in body
    assert "<p><strong>Publisher:</strong> Ministry of *Foreign* Affairs</p>" in body
    # quotes and theme evidence are raw HTML: escaped once, quotation marks included
    assert "<p><strong>Hana Mori:</strong> \u201cWe will meet again\u201d</p>" in body
    assert "<p><strong>Kim Jae-won:</strong> \u201cPorts &amp; &lt;docks&gt; matter\u201d</p>" in body
    assert "<p><strong>Alliance</strong>: The &quot;alliance&quot; &lt;stands&gt; &amp; holds.</p>" in body
    assert "&amp;amp;" not in body and "<harbors>" not in body and "<docks>" not in body


def test_a_repository_address_links_the_seed_with_or_without_its_last_slash() -> None:
    for repo in ("https://git.example.org/TEAM-X", "https://git.example.org/TEAM-X/"):
        page = render.pages([statement("s", None)], REGISTRY, repo)["statements/s.md"]
        assert '<a href="https://git.example.org/TEAM-X/blob/main/seeds/s.txt">' in page


def test_a_statement_page_links_its_seed_in_the_repository(
    site: dict[str, str], plain: dict[str, str]
) -> None:
    assert (
        '<a href="https://git.example.org/archive/blob/main/seeds/harbor-talks.txt">'
        "<code>seeds/harbor-talks.txt</code></a>"
    ) in site["statements/harbor-talks.md"]
    # without a repository address, the seed beside the site
    assert '<a href="../../seeds/zeta-note.txt">' in plain["statements/zeta-note.md"]


def test_a_statement_page_lists_other_accounts_of_its_event(site: dict[str, str]) -> None:
    body = site["statements/harbor-talks.md"]
    assert '<a href="#same-event">1 other account of the same event</a>' in body
    assert (
        "- [Winter call](winter-call.md) · 15 January 2021: "
        "same day; both \\*ministers\\* (confirmed by an editor)\n"
    ) in body
    assert "gone" not in body  # a link to a statement not in the archive is dropped
    assert "more statement" not in body
    other = site["statements/winter-call.md"]
    assert (
        f"- [{HARBOR_HEADING}](harbor-talks.md) · 4 June 2021 · Ministry of \\*Foreign\\* Affairs: same day\n"
        in other
    )
    assert "## Other accounts" not in site["statements/old-visit.md"]


def test_the_citation_downloads_are_on_the_statement_page_and_no_files_beside_it(
    site: dict[str, str], plain: dict[str, str]
) -> None:
    url = SITE + "statements/harbor-talks/"
    files = downloads(site["statements/harbor-talks.md"])
    assert files == {
        "harbor-talks.bib": ("application/x-bibtex", cite.bibtex(harbor(), url, NAME)),
        "harbor-talks.json": ("application/vnd.citationstyles.csl+json", cite.csl_json(harbor(), url, NAME)),
    }
    assert json.loads(files["harbor-talks.json"][1])[0]["URL"] == url
    assert not [path for path in site if path.startswith("statements/harbor-talks/")]
    # without a site address the citations give the address from the root, and the archive's name
    bare = downloads(plain["statements/harbor-talks.md"])
    assert json.loads(bare["harbor-talks.json"][1])[0]["URL"] == "/statements/harbor-talks/"
    assert json.loads(bare["harbor-talks.json"][1])[0]["archive"] == "Alliance Archive"
    assert "Alliance Archive" in bare["harbor-talks.bib"][1]
    assert page_of(plain["statements/harbor-talks.md"])["citation"] == [
        list(tag) for tag in cite.meta_tags(harbor(), "/statements/harbor-talks/", "Alliance Archive")
    ]


def test_removed_lines_repeated_ten_times_or_more_are_listed_once() -> None:
    removed = [Removed(n, "Share", "share link") for n in range(1, 20, 2)]  # 10 times
    removed += [Removed(n, "Print", "print link") for n in range(2, 20, 2)]  # 9 times
    removed.insert(0, Removed(0, "Top", "navigation"))
    body = render.statement_page(statement("r", None, removed=removed), {}, "")
    items = re.findall(r"<p><strong>(Lines?) ([\d, ]+)</strong> — <em>([^<]*)</em>: ([^<]*)</p>", body)
    assert items[0] == ("Line", "0", "navigation", "Top")
    assert items[1] == ("Lines", "1, 3, 5, 7, 9, 11, 13, 15, 17, 19", "share link", "Share")
    assert items[2:] == [("Line", str(n), "print link", "Print") for n in range(2, 20, 2)]
    assert "20 lines of the raw text were left out" in body


def test_a_statement_page_with_a_date_range_and_no_speaker() -> None:
    body = render.statement_page(
        statement("u", None, date_range=DateRange("2019-01-01", "2020-06-30", "a <term>")), {}, "x"
    )
    assert (
        "<p><strong>Date:</strong> Undated; between January 2019 and June 2020, from a &lt;term&gt; · "
        in body
    )
    assert '<a href="../../years/undated/">Undated statements</a></p>' in body
    assert "<p><strong>Speakers:</strong> none reported" in body


# -- the template filters ----------------------------------------------------------------------


def test_the_date_filters_take_iso_text_and_dates() -> None:
    env = render.environment()
    longdate = env.from_string("{{ d | longdate }}")
    assert longdate.render(d="2021-06-04") == "4 June 2021"
    assert longdate.render(d=dt.date(2020, 12, 25)) == "25 December 2020"
    assert longdate.render(d=None) == "" and longdate.render(d="") == ""
    monthyear = env.from_string("{{ d | monthyear }}")
    assert monthyear.render(d="2019-03-02") == "March 2019"
    assert monthyear.render(d=dt.date(2018, 7, 1)) == "July 2018"
    # a date with a time of day (YAML reads one from a timestamp) is shown by its day
    assert longdate.render(d=dt.datetime(2020, 2, 3, 10, 30)) == "3 February 2020"
    assert monthyear.render(d=dt.datetime(2020, 2, 3, 10, 30)) == "February 2020"


def test_the_text_filters_keep_seed_text_inert() -> None:
    env = render.environment()
    assert (
        env.from_string("{{ t | md }}").render(t="*a* <b> & [c](d)") == "\\*a\\* &lt;b&gt; &amp; \\[c\\](d)"
    )
    assert env.from_string("{{ t | h }}").render(t="<a href=\"x\">'y'</a> &") == (
        "&lt;a href=&quot;x&quot;&gt;&#x27;y&#x27;&lt;/a&gt; &amp;"
    )
    assert env.from_string("{{ t | quote_text }}").render(t=' \u201c"It holds," he said:\u201d ') == (
        'It holds," he said'
    )
    assert env.from_string("{{ t | quote_text }}").render(t='"Plan X"') == "Plan X"
    assert env.from_string("{{ t | quote_text }}").render(t="XL, ") == "XL"
    # a Markdown template keeps its last newline and is not escaped as HTML
    assert env.from_string("<{{ t }}>\n").render(t="&") == "<&>\n"
    with pytest.raises(Exception, match="missing"):
        env.from_string("{{ missing }}").render()


def test_the_xml_templates_escape_markup() -> None:
    env = render.xml_environment()
    assert env.from_string("<t>{{ t }}</t>").render(t='<b> & "q"') == "<t>&lt;b&gt; &amp; &#34;q&#34;</t>"
    with pytest.raises(Exception, match="missing"):
        env.from_string("{{ missing }}").render()


# -- officials ---------------------------------------------------------------------------------


def test_an_official_page_links_the_feed_and_shows_roles_chart_and_statements(site: dict[str, str]) -> None:
    post = page_of(site["officials/hana-mori.md"])
    assert post.metadata == {
        "hide": ["navigation"],
        "feed": {"href": "officials/hana-mori/feed.xml", "title": "Test Archive: Hana Mori"},
    }
    body = post.content
    assert body.startswith("# Hana Mori\n\n**Country:** Japan\n")
    assert "[Follow this official's statements (Atom feed)](../officials/hana-mori/feed.xml)" in body
    assert "[All quotes in the archive](../quotes.md)" in body
    assert "- Deputy Minister, 1 January 2015 – 31 December 2018\n" in body
    assert "- Minister for Foreign Affairs, 1 January 2019 – present\n" in body
    assert '<title id="aa-official-timeline-title">Statements by Hana Mori per year</title>' in body
    # the chart spans the registry's terms, shaded, with one row each for statements made and named in
    assert (
        "Bars per year, 2015 to 2021, one row each. Totals: Statements made: 1; Mentioned in: 1. "
        "Shaded: years in office (2015–2018, 2019–2021).</desc>"
    ) in body
    # the figures as a table, in the chart's raw block: HTML, as Markdown would have made the table
    assert '</figure>\n<details class="aa-timeline-table">\n<summary>Statements by Hana Mori per' in body
    header = ("Year", "Statements made", "Mentioned in")
    assert "<tr>\n" + "".join(f'<th style="text-align: right;">{c}</th>\n' for c in header) + "</tr>" in body
    assert '<tr>\n<td style="text-align: right;">2021</td>\n<td style="text-align: right;">1</td>\n' in body
    assert "</details>\n<!-- /aa:raw -->" in body
    # each statement under a heading of its own, anchored by its id: HTML, its title escaped
    assert (
        "## Statements (1)\n\n<!-- aa:raw -->\n"
        '<h3 id="statement-harbor-talks"><a href="../../statements/harbor-talks/">' + HARBOR_TEXT + "</a>"
        '<a class="headerlink" href="#statement-harbor-talks" title="Permanent link">&para;</a></h3>\n'
        "<p>4 June 2021 · as Minister for Foreign Affairs</p>\n"
    ) in body
    assert (
        "## Mentioned in (1)\n\n<!-- aa:raw -->\n<ul>\n"
        '<li><a href="../../statements/old-visit/">Old visit</a> · 2 March 2019 · as Minister'
    ) in body
    assert 'aria-label="Pages of this list"' not in body


def test_an_official_chart_notes_the_undated_statements(site: dict[str, str]) -> None:
    ross = site["officials/dana-ross.md"]
    assert "Totals: Mentioned in: 1. 2 undated statements not shown.</desc>" in ross
    assert "Bars per year, 2019 to 2023," in ross  # no terms: five years around the one dated
    # newest first, the undated after the dated
    assert listed(ross.partition("## Mentioned in")[2]) == ["harbor-talks", "alpha-note"]
    assert "Shaded" not in ross and "shaded:" not in ross
    assert (
        "- Secretary of State (as the archive's statements name the role; not in the officials registry)"
        in ross
    )
    kim = site["officials/kim-jae-won.md"]
    assert "Totals: Statements made: 2; Mentioned in: 1. 1 undated statement not shown.</desc>" in kim
    assert "[All quotes in the archive]" in kim
    assert "[All quotes in the archive]" not in ross
    assert "undated statement" not in site["officials/hana-mori.md"]


def test_an_official_chart_runs_to_the_end_of_the_last_term() -> None:
    reg = parse_registry(
        {},
        [
            {
                "name": "Jin Oh",
                "country": "KR",
                "roles": [{"title": "Envoy", "start": "2010-01-01", "end": "2016-06-30"}],
            }
        ],
    )
    pages = render.pages([statement("early", "2008-05-05", speakers=[Person("Jin Oh", "Envoy", "KR")])], reg)
    assert "Bars per year, 2008 to 2016, one row each." in pages["officials/jin-oh.md"]
    assert "Shaded: years in office (2010–2016)." in pages["officials/jin-oh.md"]


def test_an_open_term_is_shaded_to_the_last_year_of_the_chart() -> None:
    reg = parse_registry(
        {},
        [{"name": "Jin Oh", "country": "KR", "roles": [{"title": "Envoy", "start": "2019-01-01"}]}],
    )
    jin = Person("Jin Oh", "Envoy", "KR")
    page = render.pages([statement("a", "2020-05-05", speakers=[jin])], reg)["officials/jin-oh.md"]
    assert "Bars per year, 2017 to 2021, one row each." in page
    assert "Shaded: years in office (2019–2021)." in page
    # even where the chart runs on past the last year a date can have
    reg = parse_registry(
        {},
        [{"name": "Jin Oh", "country": "KR", "roles": [{"title": "Envoy", "start": "9998-01-01"}]}],
    )
    page = render.pages([statement("b", "9999-05-05", speakers=[jin])], reg)["officials/jin-oh.md"]
    assert "Bars per year, 9996 to 10000, one row each." in page
    assert "Shaded: years in office (9998–10000)." in page


def test_an_official_named_only_in_undated_statements_has_no_chart(site: dict[str, str]) -> None:
    ahn = site["officials/ahn-soo.md"]
    assert "<figure" not in ahn and "## Over time" not in ahn
    assert '<li><a href="../../statements/alpha-note/">Alpha note</a> · undated</li>\n' in ahn


def test_an_official_feed_lists_dated_statements_newest_first_then_undated_by_title(
    site: dict[str, str],
) -> None:
    parsed = feedparser.parse(site["officials/dana-ross/feed.xml"])
    assert parsed.feed.title == "Test Archive: statements by or naming Dana Ross"
    assert parsed.feed.author == NAME
    assert parsed.feed.link == SITE + "officials/dana-ross/"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [
        SITE + "officials/dana-ross/feed.xml"
    ]
    assert parsed.feed.updated.startswith("2021-06-04")
    assert [e.id for e in parsed.entries] == [
        SITE + f"statements/{i}/" for i in ("harbor-talks", "alpha-note", "zeta-note")
    ]
    # a statement an official speaks in and is named in is listed once
    kim = feedparser.parse(site["officials/kim-jae-won/feed.xml"])
    assert [e.id.rsplit("/", 2)[1] for e in kim.entries] == ["harbor-talks", "winter-call", "zeta-note"]


def test_the_officials_index_groups_officials_by_country(site: dict[str, str]) -> None:
    body = page_of(site["officials/index.md"]).content
    sections = re.findall(r"^## (.+)$", body, re.M)
    assert sections == ["United States", "Japan", "Republic of Korea"]
    korea = body.split("## Republic of Korea", 1)[1]
    assert korea.strip().splitlines() == [
        "- [Ahn Soo](ahn-soo.md) · mentioned in 1",
        "- [Kim Jae-won](kim-jae-won.md) — Minister of Foreign Affairs · 2 statements, mentioned in 2",
    ]
    assert "- [Dana Ross](dana-ross.md) — Secretary of State · 1 statement, mentioned in 2\n" in body


def test_an_official_of_an_unknown_country_is_under_other() -> None:
    pages = render.pages([statement("o", "2020-01-01", speakers=[Person("Ola Nord", "", "other")])], REGISTRY)
    assert "## Other\n\n- [Ola Nord](ola-nord.md) · 1 statement\n" in pages["officials/index.md"]
    assert "**Country:** Other" in pages["officials/ola-nord.md"]


def test_the_quotes_page_groups_quotes_by_country_and_official(site: dict[str, str]) -> None:
    assert page_of(site["quotes.md"]).metadata == {"hide": ["navigation"]}
    body = page_of(site["quotes.md"]).content
    assert re.findall(r"^##+ .+$", body, re.M) == [
        "## Japan",
        "### [Hana Mori](officials/hana-mori.md)",
        "## Republic of Korea",
        "### [Kim Jae-won](officials/kim-jae-won.md)",
    ]
    assert (
        '<blockquote class="aa-quote">\n<p>\u201cPorts &amp; &lt;docks&gt; matter\u201d</p>\n'
        f'<p class="aa-quote-source">— <a href="../statements/harbor-talks/">{HARBOR_TEXT}</a>, '
        "4 June 2021</p>\n"
        "</blockquote>\n"
    ) in body
    assert "No statement in the archive quotes an official yet." not in body


def _quoted_pair() -> list[Statement]:
    """Two statements quoting two officials of one country: four quotes, one official's in both."""
    s = statement(
        "q",
        "2020-01-01",
        speakers=[Person("Yu Ri", "", "KR"), Person("Ahn Soo", "", "KR")],
        quotes=[Quote("Yu Ri", "One."), Quote("Ahn Soo", "Two."), Quote("Ahn Soo", "Three.")],
    )
    older = statement(
        "p", "2019-01-01", speakers=[Person("Ahn Soo", "", "KR")], quotes=[Quote("Ahn Soo", "Zero.")]
    )
    return [older, s]


def test_quotes_of_several_officials_of_one_country_follow_their_names() -> None:
    body = render.pages(_quoted_pair(), REGISTRY)["quotes.md"]
    assert re.findall(r"^###? .+$", body, re.M) == [
        "## Republic of Korea",
        "### [Ahn Soo](officials/ahn-soo.md)",
        "### [Yu Ri](officials/yu-ri.md)",
    ]
    assert re.findall(r"\u201c(\w+)\.\u201d", body) == ["Two", "Three", "Zero", "One"]


def test_a_long_quotes_listing_goes_on_to_numbered_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "QUOTES_PAGE_SIZE", 2)
    pages = render.pages(_quoted_pair(), REGISTRY)
    first, second = pages["quotes.md"], pages["quotes/2.md"]
    assert "quotes/3.md" not in pages
    assert re.findall(r"^###? .+$", second, re.M) == [
        "## Republic of Korea",
        "### [Ahn Soo](../officials/ahn-soo.md) (continued)",  # from the docs root, one folder down
        "### [Yu Ri](../officials/yu-ri.md)",
    ]
    # each quote on one page only, in the order of the listing
    assert re.findall(r"\u201c(\w+)\.\u201d", first) == ["Two", "Three"]
    assert re.findall(r"\u201c(\w+)\.\u201d", second) == ["Zero", "One"]
    assert '<a href="../../statements/p/">' in second
    # the first page says where each official's quotes begin; the pager links the pages both ways
    assert "- **Republic of Korea:** [Ahn Soo](quotes.md) · [Yu Ri](quotes/2.md)\n" in first
    assert "where their quotes begin" not in second
    assert " [2](quotes/2.md)" in first and " [1](../quotes.md)" in second
    assert page_of(second).content.startswith("# Quotes (page 2)")
    # an official whose quotes all come after the page break is not marked as continued
    monkeypatch.setattr(render, "QUOTES_PAGE_SIZE", 3)
    second = render.pages(_quoted_pair(), REGISTRY)["quotes/2.md"]
    assert re.findall(r"^###? .+$", second, re.M) == [
        "## Republic of Korea",
        "### [Yu Ri](../officials/yu-ri.md)",
    ]


def test_nothing_to_chart_is_no_chart() -> None:
    assert render.svg(None) == "" and render.chart_block(None) == ""


# -- years -------------------------------------------------------------------------------------


def test_a_year_page_lists_its_statements_newest_first(site: dict[str, str]) -> None:
    text = site["years/2021.md"]
    post = page_of(text)
    assert post.metadata == {"hide": ["navigation"]}
    assert post.content.startswith("# 2021\n\n2 statements from 2021, newest first.\n")
    assert listed(text) == ["harbor-talks", "winter-call"]
    assert (
        f'<li><a href="../../statements/harbor-talks/">{HARBOR_TEXT}</a> · 4 June 2021 · '
        "Hana Mori, Kim Jae-won</li>\n" in text
    )
    assert "1 statement from 2019, newest first." in site["years/2019.md"]
    assert text.endswith("\n")


def test_the_undated_page_lists_by_title_with_the_range_of_dates(site: dict[str, str]) -> None:
    text = site["years/undated.md"]
    assert page_of(text).metadata == {"hide": ["navigation"]}
    assert page_of(text).content.startswith("# Undated statements\n\n2 statements carry no date.")
    assert listed(text) == ["alpha-note", "zeta-note"]
    assert (
        '<li><a href="../../statements/alpha-note/">Alpha note</a> · no date range can be inferred</li>\n'
        in text
    )
    assert (
        '<li><a href="../../statements/zeta-note/">Zeta note</a> · between January 2019 and June 2020 '
        "(the terms of the officials named) · Dana Ross</li>\n"
    ) in text


def test_the_years_index_counts_each_year_newest_first_then_the_undated(site: dict[str, str]) -> None:
    body = page_of(site["years/index.md"]).content
    assert "5 statements, by the year they were made or published." in body
    assert re.findall(r"^- .+$", body, re.M) == [
        "- [2021](2021.md) — 2 statements",
        "- [2019](2019.md) — 1 statement",
        "- [Undated](undated.md) — 2 statements",
    ]


def test_one_days_statements_are_listed_in_the_same_order_whatever_the_seed_order() -> None:
    a = statement("a", "2020-05-05", title="Apple", themes=["alliance"], speakers=[KIM])
    b = statement("b", "2020-05-05", title="Banana", themes=["alliance"], speakers=[KIM])
    for given in ([a, b], [b, a]):
        pages = render.pages(given, REGISTRY, events={})
        assert listed(pages["years/2020.md"]) == ["b", "a"]
        assert listed(pages["themes/alliance.md"]) == ["b", "a"]
        official = pages["officials/kim-jae-won.md"]
        assert re.findall(r'^<h3 id="[^"]+"><a href="[^"]+">(\w+)<', official, re.M) == ["Banana", "Apple"]


# -- themes ------------------------------------------------------------------------------------


def test_a_theme_page_lists_its_statements_and_links_its_feed(site: dict[str, str]) -> None:
    text = site["themes/alliance.md"]
    post = page_of(text)
    assert post.metadata == {
        "hide": ["navigation"],
        "feed": {"href": "themes/alliance/feed.xml", "title": "Test Archive: Alliance"},
    }
    assert post.content.startswith("# Alliance\n")
    assert "3 statements in the archive carry this theme, newest first." in text
    assert listed(text) == ["harbor-talks", "winter-call", "old-visit"]
    assert "1 statement in the archive carries this theme." in site["themes/maritime-security.md"]
    assert "0 statements in the archive carry this theme." in site["themes/sanctions.md"]
    assert listed(site["themes/sanctions.md"]) == []


def test_a_theme_feed(site: dict[str, str]) -> None:
    parsed = feedparser.parse(site["themes/alliance/feed.xml"])
    assert parsed.feed.title == "Test Archive: Alliance"
    assert parsed.feed.author == NAME
    assert parsed.feed.link == SITE + "themes/alliance/"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [
        SITE + "themes/alliance/feed.xml"
    ]
    assert parsed.feed.updated.startswith("2021-06-04")
    assert [e.id.rsplit("/", 2)[1] for e in parsed.entries] == ["harbor-talks", "winter-call", "old-visit"]
    assert feedparser.parse(site["themes/sanctions/feed.xml"]).entries == []


def test_the_themes_index_ranks_themes_by_count_then_label(site: dict[str, str]) -> None:
    body = page_of(site["themes/index.md"]).content
    assert "Of the archive's 5 statements, most frequent first" in body
    rows = re.findall(
        r"^\| \[([^]]+)\]\([\w-]+\.md\) \| (\d+) \| .*--aa-share: ([\d.]+)%.*</span>(\d+)% \|$", body, re.M
    )
    labels = {t.label for t in themes().values()}
    assert rows[:2] == [("Alliance", "3", "100.0", "60"), ("Maritime security", "1", "33.3", "20")]
    assert [r[0] for r in rows[2:]] == sorted(labels - {"Alliance", "Maritime security"})
    assert all(r[1:] == ("0", "0.0", "0") for r in rows[2:])
    # then every theme in the vocabulary's order, with its count
    sections = re.findall(r"^## \[([^]]+)\]\([\w-]+\.md\)\n\n.*\n\n(\d+) statements?\.$", body, re.M)
    assert [label for label, _ in sections] == [t.label for t in themes().values()]
    assert dict(sections)["Alliance"] == "3" and dict(sections)["Maritime security"] == "1"


# -- home page and the archive's feed ----------------------------------------------------------


def test_the_home_page_sums_up_the_archive(site: dict[str, str]) -> None:
    body = site["index.md"]
    assert "- **5** statements, 2019–2021 — [the latest](#latest-statements)" in body
    assert "- **4** officials — [browse by official](officials/index.md)" in body
    assert "- **2** years and 2 undated — [browse by year](years/index.md)" in body
    assert f"- **{len(themes())}** themes — [browse by theme](themes/index.md)" in body
    assert listed(body) == ["harbor-talks", "winter-call", "old-visit", "zeta-note", "alpha-note"]
    assert (
        '<title id="aa-archive-timeline-title">Statements per year, by the country of their speakers</title>'
    ) in body
    assert (
        "Totals: Japan: 1; Republic of Korea: 2; No speaker named: 1. A statement with speakers from several "
        "countries counts once in each of their rows. 2 undated statements not shown.</desc>"
    ) in body
    header = ("Year", "Japan", "Republic of Korea", "No speaker named")
    assert "<tr>\n" + "".join(f'<th style="text-align: right;">{c}</th>\n' for c in header) + "</tr>" in body
    assert '</figure>\n<details class="aa-timeline-table">' in body


def test_the_home_page_chart_counts_one_undated_statement(plain: dict[str, str]) -> None:
    assert "in each of their rows. 1 undated statement not shown.</desc>" in plain["index.md"]
    assert "- **1** year and 1 undated —" not in plain["index.md"]  # two years: 2019 and 2021
    assert "- **2** years and 1 undated —" in plain["index.md"]


def test_the_home_page_chart_of_an_archive_with_every_statement_dated(many: dict[str, str]) -> None:
    assert "counts once in each of their rows.</desc>" in many["index.md"]
    assert "- **201** statements, 2020–2020 —" in many["index.md"]
    assert "- **1** year — [browse by year]" in many["index.md"]


def test_the_home_page_of_an_archive_with_nothing_dated() -> None:
    pages = render.pages([statement("a", None, title="Alone")], REGISTRY)
    body = pages["index.md"]
    assert "- **1** statement — [the latest]" in body
    assert "- **0** officials —" in body
    assert "- **0** years and 1 undated —" in body
    assert "## The archive over time" not in body and "<svg" not in body
    assert listed(body) == ["a"]
    today = dt.date.today().isoformat()
    assert f"<updated>{today}T00:00:00Z</updated>" in pages["feed.xml"]
    assert "No statement in the archive quotes an official yet." in pages["quotes.md"]
    assert re.findall(r"^- .+$", pages["years/index.md"], re.M) == ["- [Undated](undated.md) — 1 statement"]


def test_the_archive_feed_lists_the_newest_first_then_the_undated(
    site: dict[str, str], plain: dict[str, str]
) -> None:
    parsed = feedparser.parse(site["feed.xml"])
    assert parsed.feed.title == "Test Archive: latest statements"
    assert parsed.feed.link == SITE
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [SITE + "feed.xml"]
    assert parsed.feed.author == NAME
    assert [e.id.rsplit("/", 2)[1] for e in parsed.entries] == [
        "harbor-talks", "winter-call", "old-visit", "zeta-note", "alpha-note",
    ]  # fmt: skip
    default = feedparser.parse(plain["feed.xml"])
    assert default.feed.title == "Alliance Archive: latest statements"
    assert default.feed.link == "/" and default.entries[0].id == "/statements/harbor-talks/"


def test_the_home_page_lists_the_ten_latest(many: dict[str, str]) -> None:
    latest = listed(many["index.md"].split("## Latest statements", 1)[1])
    assert latest == [f"s{n:03}" for n in range(200, 190, -1)]


# -- long listings -----------------------------------------------------------------------------


@pytest.fixture
def many() -> dict[str, str]:
    """201 statements of one year, all on one theme; one official speaks in 60 and is named in 41."""
    official = Person("Lena Park", "Ambassador", "KR")
    return render.pages(
        [
            statement(
                f"s{n:03}",
                (dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat(),
                title=f"Title {n:03}",
                themes=["alliance"],
                speakers=[official] if n < 60 else [],
                mentioned=[official] if 60 <= n < 101 else [],
            )
            for n in range(201)
        ],
        REGISTRY,
        events={},
    )


def test_a_listing_of_more_than_200_goes_on_to_a_second_page(many: dict[str, str]) -> None:
    first, second = many["years/2020.md"], many["years/2020/2.md"]
    assert len(listed(first)) == 200 and len(listed(second)) == 1
    assert "years/2020/3.md" not in many
    assert "201 statements from 2020, newest first." in first and "201 statements from 2020" in second
    assert "Page 1 of 2:\n **1** [2](2020/2.md)\n\n<!-- aa:raw -->\n</nav>" in first
    assert "Page 2 of 2:\n [1](../2020.md) **2**\n\n<!-- aa:raw -->\n</nav>" in second
    assert page_of(second).content.startswith("# 2020 (page 2)\n")
    assert re.search(r'href="\.\./\.\./\.\./statements/s\d+/"', second)  # one folder deeper
    assert len(listed(many["themes/alliance.md"])) == 200 and len(listed(many["themes/alliance/2.md"])) == 1
    assert page_of(many["themes/alliance/2.md"]).content.startswith("# Alliance (page 2)\n")


def test_an_official_page_holds_100_statements(many: dict[str, str]) -> None:
    first, second = many["officials/lena-park.md"], many["officials/lena-park/2.md"]
    assert "officials/lena-park/3.md" not in many
    assert len(re.findall(r'^<h3 id="statement-', first, re.M)) == 60 and len(listed(first)) == 100
    assert "## Statements (60)" in first and "## Mentioned in (41)" in first
    assert len(listed(second)) == 1 and "## Statements" not in second and "## Mentioned in (41)" in second
    assert page_of(second).content.startswith("# Lena Park (page 2)\n")
    assert "## Roles" in first and "## Roles" not in second
    assert "Page 2 of 2:\n [1](../lena-park.md) **2**\n\n<!-- aa:raw -->\n</nav>" in second


def test_a_feed_holds_the_50_newest(many: dict[str, str]) -> None:
    entries = feedparser.parse(many["feed.xml"]).entries
    assert len(entries) == 50


def test_page_links_name_the_last_part_of_the_base() -> None:
    deep = render.paginate("archive/years/2020", [1, 2, 3], 2)
    assert [path for path, _, _ in deep] == ["archive/years/2020.md", "archive/years/2020/2.md"]
    assert deep[0][2].links == [(1, "2020.md"), (2, "2020/2.md")]
    assert deep[1][2].links == [(1, "../2020.md"), (2, "2.md")]
    top = render.paginate("news", [1, 2, 3], 2)
    assert [path for path, _, _ in top] == ["news.md", "news/2.md"]
    assert top[0][2].links == [(1, "news.md"), (2, "news/2.md")] and top[0][2].count == 2


def test_more_than_500_statements_keep_statement_pages_out_of_the_header_search() -> None:
    def first_page(count: int) -> frontmatter.Post:
        statements = [statement(f"s{n}", None) for n in range(count)]
        path, content = next(render.iter_pages(statements, REGISTRY, events={}))
        assert path == "statements/s0.md"
        return page_of(content)

    small = first_page(500)
    assert "search" not in small.metadata
    assert first_page(501)["search"] == {"exclude": True}
    # settings left at their defaults: the seed beside the site, addresses from the root, the archive's name
    assert '<a href="../../seeds/s0.txt">' in small.content
    assert ["citation_public_url", "/statements/s0/"] in small["citation"]
    assert "in Alliance Archive, /statements/s0/." in small.content


def test_a_large_archive_keeps_its_listings_out_of_the_header_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 4)
    pages = render.pages(archive(), REGISTRY, events={})
    kept_out = [
        path for path, text in pages.items() if path.endswith(".md") and "search" in page_of(text).metadata
    ]
    assert sorted(kept_out) == sorted(
        p
        for p in pages
        if p.endswith(".md")
        and p not in {"index.md", "officials/index.md", "years/index.md", "themes/index.md"}
    )
    assert all(page_of(pages[p])["search"] == {"exclude": True} for p in kept_out)


# -- data files --------------------------------------------------------------------------------


def test_the_data_files_hold_the_whole_archive(site: dict[str, str]) -> None:
    text = site["data/statements.json"]
    assert json.loads(text) == archive_json(archive())
    assert text.startswith('{\n "schema": ') and text.endswith("}\n")
    assert "\u2013" not in text or "\\u2013" not in text
    rows = list(csv.DictReader(io.StringIO(site["data/statements.csv"])))
    assert [r["id"] for r in rows] == [s["id"] for s in archive_json(archive())["statements"]]
    schema = json.loads(site["data/statements.schema.json"])
    assert set(themes()) <= set(json.dumps(schema).replace('"', " ").split())


def test_the_json_data_keeps_non_ascii_text_as_it_is() -> None:
    text = render.pages([statement("k", None, title="Séoul – 서울")], REGISTRY)["data/statements.json"]
    assert "Séoul – 서울" in text


# -- links written as HTML ---------------------------------------------------------------------


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory URLs", "file URLs"])
@pytest.mark.parametrize("page", ["statements/harbor-talks.md", "themes/alliance/2.md", "quotes.md"])
def test_a_link_written_as_html_has_the_address_mkdocs_gives_the_same_markdown_link(
    tmp_path: Path, page: str, directory_urls: bool
) -> None:
    targets = [
        "years/2021.md",
        "officials/hana-mori.md",
        "statements/harbor-talks/cite.bib",
        "about.md#how-to-cite",
        "index.md",
        "themes/alliance.md",
    ]
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    (tmp_path / "docs").mkdir()
    config.load_dict(
        {"site_name": "Test", "docs_dir": str(tmp_path / "docs"), "use_directory_urls": directory_urls}
    )
    errors, _ = config.validate()
    assert not errors
    paths = [page, *(target.split("#")[0] for target in targets)]
    files = Files([File(path, None, str(tmp_path / "site"), directory_urls) for path in paths])
    here = files.get_file_from_path(page)
    assert here is not None
    up = "../" * page.count("/")
    converted = Page(None, here, config)
    converted.markdown = "\n\n".join(f"[{n}]({up}{target})" for n, target in enumerate(targets))
    converted.markdown += "\n\n[self](#cite)"
    converted.render(config, files)
    written = re.findall(r'<a href="([^"]*)">', converted.content or "")
    link = render.Links(page, directory_urls)
    assert written == [link.to(target) for target in [*targets, "#cite"]]


def test_a_link_written_as_html_never_ends_its_attribute() -> None:
    assert render.Links("quotes.md").to('themes/a.md#x"><script>') == "../themes/a/#x&quot;&gt;&lt;script&gt;"
