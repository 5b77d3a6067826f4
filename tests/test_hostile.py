"""Scraped text is inert: a seed full of HTML, Markdown, Jinja and YAML syntax builds a site on which
every one of those constructs appears as the characters the article had, never as markup, a template
expression or metadata: in the page body and title, the front matter, the search index,
statements.json, the feed and every index page."""

from __future__ import annotations

import html
import json
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
import pytest

from alliance_archive import pipeline, render
from tests.conftest import FIXTURES, build_project, make_project

HOSTILE_DIR = FIXTURES / "hostile"
HOSTILE_SEED = (HOSTILE_DIR / "hostile.txt").read_text(encoding="utf-8")
NORMAL_SEED = (HOSTILE_DIR / "normal.txt").read_text(encoding="utf-8")

TITLE = 'Allies Reject "<script>alert(1)</script>" Claims {{ config }} in Joint Talks'
# Every construct of the hostile seed, as the characters a reader must see on the page.
LITERALS = [
    "**bold**",
    "_em_",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>body{display:none}</style>",
    "<script>alert(2)</script>",
    "<!-- comment -->",
    "![img](http://example.com/x.png)",
    "&lt;b&gt;bold&lt;/b&gt;",
    "# Heading",
    "| a | b |",
    '!!! warning "x"',
    "The admonition body is indented by four spaces",
    "{% raw %}{% include 'x' %}{% endraw %}",
    "title: pwned",
    "tags: [pwned]",
]
# The markdown extensions of mkdocs.yml, to render statements.json's Markdown text as a consumer would.
MD_EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "md_in_html"]


# --- a small HTML reader -------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return squash("".join(self.parts))

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Page(HTMLParser):
    """Every element of an HTML page with its attributes and text, and the page's comments."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.comments: list[str] = []
        self._open: list[Element] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def article_text(self) -> str:
        articles = self.find("article")
        assert articles, "no <article> in the page"
        return articles[0].text


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def heading_text(element: Element) -> str:
    return element.text.removesuffix("¶").strip()


def assert_no_active_markup(page: Page, where: str) -> None:
    """Nothing from the seed became an element, attribute or URL that acts."""
    for script in page.find("script"):
        assert "alert" not in script.text, f"{where}: a <script> from the seed: {script.text[:80]}"
    assert not page.find("iframe"), f"{where}: an <iframe> from the seed"
    for style in page.find("style"):
        assert "display:none" not in style.text, f"{where}: a <style> from the seed"
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"{where}: <{element.tag} {name}={value!r}>"
            if name in ("href", "src", "action", "formaction", "data"):
                assert not value.strip().lower().startswith("javascript:"), (
                    f"{where}: <{element.tag} {name}={value!r}>"
                )
    for img in page.find("img"):
        assert img.attrs.get("src") not in ("x", "http://example.com/x.png"), (
            f"{where}: an <img> from the seed"
        )
    assert not [c for c in page.comments if c.strip() == "comment"], f"{where}: an HTML comment from the seed"


def assert_no_formatting_from_seed(page: Page, where: str) -> None:
    """Markdown and admonition syntax in the seed made no table, heading, admonition, bold or italics."""
    # the archive's own tables (timeline figures, theme counts) are fine; the seed's | a | b | is not
    headers = [th.text for th in page.find("th")]
    assert "a" not in headers and "b" not in headers, f"{where}: a <table> from the seed's | a | b | lines"
    for level in ("h1", "h2", "h3", "h4", "h5", "h6"):
        for h in page.find(level):
            assert heading_text(h) not in ("Heading", "x", "pwned"), f"{where}: <{level}>{h.text}</{level}>"
    for element in page.elements:
        assert not (element.classes & {"admonition", "warning"}), f"{where}: an admonition from the seed"
    for tag in ("strong", "b"):
        assert "bold" not in [e.text for e in page.find(tag)], f"{where}: <{tag}>bold</{tag}> from **bold**"
    for tag in ("em", "i"):
        assert "em" not in [e.text for e in page.find(tag)], f"{where}: <{tag}>em</{tag}> from _em_"


# --- the site built from the hostile seed ---------------------------------------------------------


@dataclass
class HostileSite:
    site: Path
    project: Path
    warnings: list[str]
    record: dict


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    project = make_project(
        tmp_path_factory.mktemp("hostile"), {"hostile.txt": HOSTILE_SEED, "normal.txt": NORMAL_SEED}
    )
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        site = build_project(project)
    finally:
        logger.removeHandler(handler)
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    records = [r for r in data["statements"] if r["source"]["file"] == "seeds/hostile.txt"]
    assert len(records) == 1, "the hostile seed gave no statement"
    return HostileSite(site, project, messages, records[0])


def page_of(hostile: HostileSite, url: str) -> Page:
    path = hostile.site / url / "index.html" if url else hostile.site / "index.html"
    return Page(path.read_text(encoding="utf-8"))


def test_hostile_seed_builds_without_warnings(hostile: HostileSite) -> None:
    assert hostile.warnings == []
    assert hostile.record["title"] == TITLE


def test_statement_page_has_no_markup_from_the_seed(hostile: HostileSite) -> None:
    page = page_of(hostile, hostile.record["url"])
    assert_no_active_markup(page, "statement page")
    assert_no_formatting_from_seed(page, "statement page")


def test_statement_page_shows_the_characters_the_article_had(hostile: HostileSite) -> None:
    page = page_of(hostile, hostile.record["url"])
    text = page.article_text()
    for literal in LITERALS:
        assert literal in text, f"the page does not show {literal!r}"
    # the Jinja expression was not evaluated anywhere in the body
    assert "{{ config }}" in text
    assert "site_name" not in text


def test_statement_page_title_is_text(hostile: HostileSite) -> None:
    page = page_of(hostile, hostile.record["url"])
    h1s = page.find("h1")
    assert [heading_text(h) for h in h1s] == [TITLE]
    assert [t.text for t in page.find("title")] == [f"{TITLE} - Alliance Archive"]
    metas = page.find("meta")
    descriptions = [m.attrs["content"] for m in metas if m.attrs.get("name") == "description"]
    # the description is the article's first sentence, character for character
    first = "Foreign Minister Yoshimasa Hayashi said the **bold** pledge and the _em_ priority would guide"
    assert len(descriptions) == 1 and descriptions[0].startswith(first)
    # the head's citation, Open Graph and Twitter tags hold the title as text
    by_key = {(m.attrs.get("name") or m.attrs.get("property")): m.attrs.get("content") for m in metas}
    for key in ("citation_title", "og:title", "twitter:title"):
        assert by_key.get(key) == TITLE, key
    assert (by_key.get("og:description") or "").startswith(first)
    topics = [e for e in page.elements if "md-header__topic" in e.classes]
    assert TITLE in [t.text for t in topics]


def test_front_matter_holds_no_metadata_from_the_seed(hostile: HostileSite) -> None:
    archive = pipeline.build_archive(hostile.project / "seeds")
    assert archive.problems == []
    statement = next(s for s in archive.statements if s.source_file == "seeds/hostile.txt")
    post = frontmatter.loads(render.pages(archive.statements)[f"statements/{statement.id}.md"])
    tags = [str(t).lower() for t in post.metadata.get("tags", [])]
    assert not any("pwned" in t for t in tags), tags
    assert html.unescape(str(post.metadata["title"])) == TITLE
    assert post.metadata["record"]["title"] == TITLE
    assert "layout" not in post.metadata and "pwned" not in json.dumps(post.metadata.get("tags"))
    # the body carries no second front-matter block that MkDocs or a reader might take as metadata
    assert not post.content.lstrip().startswith("---")


def test_statements_json_keeps_the_exact_strings(hostile: HostileSite) -> None:
    record = hostile.record
    assert record["title"] == TITLE
    raw_lines = HOSTILE_SEED.split("\n")
    removed = {r["line"]: r["text"] for r in record["removed"]}
    for number, text in removed.items():
        assert text == raw_lines[number - 1]
    # the text is Markdown: rendered as a consumer would render it, it shows every kept line verbatim
    rendered = Page(markdown.markdown(record["text"], extensions=MD_EXTENSIONS))
    assert_no_active_markup(rendered, "statements.json text")
    assert_no_formatting_from_seed(rendered, "statements.json text")
    shown = squash("".join(e.text + " " for e in rendered.elements if e.tag in ("p", "h2", "li")))
    for number, line in enumerate(raw_lines, start=1):
        if line.strip() and number not in removed:
            assert squash(line) in shown, f"line {number} is not in the record's text: {line!r}"
    for raw in ("<script", "<img", "<iframe", "<style", "<!--"):
        assert raw not in record["text"]


def test_search_index_has_no_raw_markup(hostile: HostileSite) -> None:
    index = json.loads((hostile.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith(hostile.record["url"])]
    assert entries
    for doc in index["docs"]:
        for key in ("title", "text"):
            for raw in ("<script", "<img", "<iframe", "<style", "<!--", "<table"):
                assert raw not in doc[key], f"{doc['location']} {key}: {raw}"
    titles = [html.unescape(d["title"]) for d in entries]
    assert TITLE in titles


def test_feed_entry_is_text(hostile: HostileSite) -> None:
    feed = ET.parse(hostile.site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = [
        e
        for e in feed.findall("a:entry", ns)
        if hostile.record["id"] in (e.find("a:link", ns).get("href") or "")  # type: ignore[union-attr]
    ]
    assert len(entries) == 1
    entry = entries[0]
    title = entry.find("a:title", ns)
    assert title is not None and title.text == TITLE and len(title) == 0
    summary = entry.find("a:summary", ns)
    assert summary is not None and len(summary) == 0 and summary.get("type") in (None, "text")
    # the summary opens the article: its first paragraphs, character for character
    for literal in ("**bold**", "_em_", "<img src=x onerror=alert(1)>", "[link](javascript:alert(1))"):
        assert literal in (summary.text or ""), f"the feed summary does not show {literal!r}"


def test_citations_and_feeds_hold_the_title_as_text(hostile: HostileSite) -> None:
    import feedparser

    from tests.test_cite import _balanced, downloads

    folder = hostile.site / hostile.record["url"]
    files = downloads((folder / "index.html").read_text(encoding="utf-8"))
    bib = files[f"{hostile.record['id']}.bib"][1]
    assert _balanced(bib), bib
    assert json.loads(files[f"{hostile.record['id']}.json"][1])[0]["title"] == TITLE
    page = page_of(hostile, hostile.record["url"])
    chicago = [e.text for e in page.elements if "aa-cite-chicago" in e.classes]
    assert len(chicago) == 1 and TITLE in chicago[0]
    codes = [e.text for e in page.find("code") if "@misc{" in e.text]
    assert len(codes) == 1 and "Allies Reject" in codes[0]
    feeds = [hostile.site / "feed.xml", *hostile.site.glob("officials/*/feed.xml")]
    feeds += [hostile.site / "themes" / t / "feed.xml" for t in hostile.record["themes"]]
    found = 0
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, path
        titles = [e.title for e in parsed.entries if hostile.record["id"] in e.link]
        assert titles in ([], [TITLE]), path
        found += len(titles)
    assert found >= 1 + len(hostile.record["themes"]) + len(hostile.record["speakers"])


INDEX_PAGES = ["", "officials/", "years/", "themes/", "years/undated/", "quotes/"]


def test_index_pages_have_no_markup_from_the_seed(hostile: HostileSite) -> None:
    record = hostile.record
    assert record["date"] is None, "the hostile seed is meant to be undated (listed on years/undated/)"
    listing = ["", "years/undated/"]
    listing += [f"themes/{t}/" for t in record["themes"]]
    listing += [f"officials/{p['name'].lower().replace(' ', '-')}/" for p in record["speakers"]]
    assert record["speakers"] and record["themes"]
    for url in INDEX_PAGES + listing:
        page = page_of(hostile, url)
        assert_no_active_markup(page, url or "home")
        assert_no_formatting_from_seed(page, url or "home")
    for url in listing:
        page = page_of(hostile, url)
        links = [a for a in page.find("a") if record["id"] in a.attrs.get("href", "")]
        assert links, f"{url or 'home'} does not list the statement"
        assert TITLE in [a.text for a in links], f"{url or 'home'}: {[a.text for a in links]}"


def test_no_page_of_the_site_runs_seed_markup(hostile: HostileSite) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert_no_active_markup(Page(path.read_text(encoding="utf-8")), str(path.relative_to(hostile.site)))


# --- line-start Markdown --------------------------------------------------------------------------

LINE_START_SEED = """Allies Meet in Tokyo for Annual Security Talks

TOKYO, May 2, 2022

Foreign Minister Yoshimasa Hayashi said the alliance remains the cornerstone of peace in the region.

> The minister said the allies would stand together in the face of every challenge ahead.

>> Nested quote marks were used by the newspaper to introduce the following remarks today.

=== the page then showed a row of equals signs before more words about the alliance talks.

\\ A backslash opened this line of the article about the allies meeting in Tokyo today.

The talks ended with a joint statement on regional security & economic cooperation, officials said.
"""


def test_line_start_markdown_stays_text(build_site) -> None:
    """A line that opens with quote, heading or escape syntax shows exactly its characters."""
    site = build_site({"quotes.txt": LINE_START_SEED, "normal.txt": NORMAL_SEED})
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    record = next(r for r in data["statements"] if r["source"]["file"] == "seeds/quotes.txt")
    page = Page((site / record["url"] / "index.html").read_text(encoding="utf-8"))
    assert not page.find("blockquote")
    paragraphs = [p.text for p in page.find("p")]
    for line in LINE_START_SEED.split("\n")[4:]:
        if line.strip():
            assert line in paragraphs, f"{line!r} is not shown as written; paragraphs: {paragraphs}"


# --- a quote that holds markup ---------------------------------------------------------------------

QUOTE_SEED = """Ministers Meet in Seoul on Alliance Talks

SEOUL, March 18, 2021

Secretary of State Antony Blinken met Foreign Minister Chung Eui-yong in Seoul on Thursday.

"We reject <script>alert(1)</script> claims and **bold** {{ config }} threats <b>now</b>," \
Secretary of State Antony Blinken said after the meeting.

The ministers also discussed trilateral cooperation with Japan and the alliance.
"""


def test_a_quote_holding_markup_is_shown_as_its_characters_on_every_page_listing_it(build_site) -> None:
    site = build_site({"quote.txt": QUOTE_SEED, "normal.txt": NORMAL_SEED})
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    record = next(r for r in data["statements"] if r["source"]["file"] == "seeds/quote.txt")
    quoted = [q["text"] for q in record["quotes"] if q["speaker"] == "Antony Blinken"]
    assert quoted and "<script>alert(1)</script>" in quoted[0], record["quotes"]
    # the statement's Quotes block, the official's page and the Quotes page each show the quote
    for url in (record["url"], "officials/antony-blinken/", "quotes/"):
        page = Page((site / url / "index.html").read_text(encoding="utf-8"))
        assert_no_active_markup(page, url)
        assert_no_formatting_from_seed(page, url)
        shown = [p.text for p in page.find("p")]
        assert any(
            "<script>alert(1)</script> claims and **bold** {{ config }} threats <b>now</b>" in t
            for t in shown
        ), (
            url,
            shown,
        )
