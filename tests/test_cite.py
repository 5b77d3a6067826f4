"""Citing a statement: Chicago notes, BibTeX, CSL-JSON and the citation_* tags of the page head, in
unit tests on records of our own and on the built site; the About page's citation of the archive."""

from __future__ import annotations

import base64
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alliance_archive import cite, corrections
from alliance_archive.record import Person, Statement
from tests.conftest import ROOT

URL = "https://example.org/archive/statements/allies-meet/"


def record(**changes: object) -> Statement:
    s = Statement(
        id="allies-meet",
        title="Allies Meet in Tokyo",
        date="2021-03-16",
        date_basis="stated",
        date_range=None,
        speakers=[Person("Lloyd Austin", "Secretary of Defense", "US"), Person("Suh Wook", "Minister", "KR")],
        mentioned=[],
        themes=[],
        places=["Tokyo"],
        publisher="U.S. Department of Defense",
        source_file="seeds/allies.txt",
        source_sha256="0" * 64,
        text="",
        removed=[],
        quotes=[],
    )
    for key, value in changes.items():
        setattr(s, key, value)
    return s


def test_chicago_notes_citation() -> None:
    assert cite.chicago(record(), URL) == (
        "Lloyd Austin and Suh Wook, \u201cAllies Meet in Tokyo,\u201d U.S. Department of Defense, "
        f"March 16, 2021, in Alliance Archive, {URL}."
    )


def test_chicago_without_speakers_date_or_publisher() -> None:
    text = cite.chicago(record(speakers=[], date=None, publisher=None, title="Allies Meet."), URL)
    assert text == f"\u201cAllies Meet,\u201d n.d., in Alliance Archive, {URL}."


def test_chicago_lists_three_authors_and_abbreviates_more() -> None:
    people = [Person(n, "", "US") for n in ("A One", "B Two", "C Three", "D Four")]
    assert cite.chicago(record(speakers=people[:3]), URL).startswith("A One, B Two, and C Three, \u201c")
    assert cite.chicago(record(speakers=people), URL).startswith("A One et al., \u201c")


def test_korean_names_are_split_family_name_first() -> None:
    assert cite.split_name(Person("Suh Wook", "", "KR")) == cite.Name("Wook", "Suh")
    assert cite.split_name(Person("Yoon Suk Yeol", "", "KR")) == cite.Name("Suk Yeol", "Yoon")
    assert cite.split_name(Person("Hillary Rodham Clinton", "", "US")) == cite.Name(
        "Hillary Rodham", "Clinton"
    )
    assert cite.split_name(Person("Fumio Kishida", "", "JP")) == cite.Name("Fumio", "Kishida")
    assert cite.split_name(Person("Cher", "", "other")) == cite.Name("", "Cher")


def test_bibtex_entry() -> None:
    entry = cite.bibtex(record(), URL)
    assert entry.startswith("@misc{austin2021alliesmeet,\n")
    assert "  author = {Austin, Lloyd and Suh, Wook},\n" in entry
    assert "  title = {{Allies Meet in Tokyo}},\n" in entry
    assert "  howpublished = {U.S. Department of Defense},\n" in entry
    assert "  year = {2021},\n  month = mar,\n  date = {2021-03-16},\n" in entry
    assert f"  url = {{{URL}}},\n" in entry
    assert entry.endswith("}\n")


_DOWNLOAD = re.compile(
    r'<a download="(?P<name>[^"]+)" '
    r'href="data:(?P<mime>[^;"]+);charset=utf-8;base64,(?P<data>[A-Za-z0-9+/=]*)"'
)


def downloads(page: str) -> dict[str, tuple[str, str]]:
    """The citation downloads of a page: file name -> (media type, the text the browser saves)."""
    return {
        m["name"]: (m["mime"], base64.b64decode(m["data"], validate=True).decode("utf-8"))
        for m in _DOWNLOAD.finditer(page)
    }


def _balanced(text: str) -> bool:
    depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_bibtex_escapes_what_a_title_can_hold() -> None:
    title = "Talks} on 50% of {costs} & R_D #1 $5 ~ ^ \\end"
    entry = cite.bibtex(record(title=title, publisher="A & B"), URL)
    assert _balanced(entry), entry
    escaped = r"Talks\} on 50\% of \{costs\} \& R\_D \#1 \$5 "
    assert escaped + r"\textasciitilde{} \textasciicircum{} \textbackslash{}end" in entry
    assert "howpublished = {A \\& B}" in entry


def test_csl_json_item() -> None:
    items = json.loads(cite.csl_json(record(), URL))
    assert items == [
        {
            "id": "allies-meet",
            "type": "webpage",
            "title": "Allies Meet in Tokyo",
            "author": [{"family": "Austin", "given": "Lloyd"}, {"family": "Suh", "given": "Wook"}],
            "container-title": "U.S. Department of Defense",
            "issued": {"date-parts": [[2021, 3, 16]]},
            "URL": URL,
            "archive": "Alliance Archive",
            "archive_location": "statements/allies-meet/",
        }
    ]
    undated = json.loads(cite.csl_json(record(date=None, speakers=[]), URL))[0]
    assert "issued" not in undated and "author" not in undated


def test_meta_tags() -> None:
    tags = cite.meta_tags(record(), URL)
    assert tags == [
        ("citation_title", "Allies Meet in Tokyo"),
        ("citation_author", "Lloyd Austin"),
        ("citation_author", "Suh Wook"),
        ("citation_publication_date", "2021/03/16"),
        ("citation_date", "2021/03/16"),
        ("citation_publisher", "U.S. Department of Defense"),
        ("citation_public_url", URL),
        ("citation_language", "en"),
    ]


# --- the built site -------------------------------------------------------------------------------


class Head(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self.meta.append(values)
        elif tag == "link":
            self.links.append(values)

    def named(self, name: str) -> list[str]:
        return [m["content"] for m in self.meta if m.get("name") == name or m.get("property") == name]


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def test_statement_pages_carry_citation_tags(seeds_site: Path) -> None:
    site_url = "https://alliance-archive.github.io/alliance-archive/"
    for r in _records(seeds_site):
        head = Head((seeds_site / r["url"] / "index.html").read_text(encoding="utf-8"))
        assert head.named("citation_title") == [r["title"]]
        assert head.named("citation_author") == [p["name"] for p in r["speakers"]]
        expected_date = [r["date"].replace("-", "/")] if r["date"] else []
        assert head.named("citation_publication_date") == expected_date
        assert head.named("citation_publisher") == ([r["publisher"]] if r["publisher"] else [])
        assert head.named("citation_public_url") == [site_url + r["url"]]
        assert head.named("og:url") == [site_url + r["url"]]
        assert head.named("og:type") == ["article"]


def test_statement_pages_have_a_cite_block_with_downloads(seeds_site: Path) -> None:
    for r in _records(seeds_site):
        folder = seeds_site / r["url"]
        page = (folder / "index.html").read_text(encoding="utf-8")
        block = page[page.index('<div class="aa-cite"') :]
        block = block[: block.index('<div class="aa-evidence"') if "aa-evidence" in block else None]
        assert 'id="cite"' in block
        # the downloads are data: links on the page itself, no files beside it
        files = downloads(block)
        assert sorted(files) == [f"{r['id']}.bib", f"{r['id']}.json"]
        assert sorted(p.name for p in folder.iterdir()) == ["index.html"]
        mime, bib = files[f"{r['id']}.bib"]
        assert mime == "application/x-bibtex"
        assert bib.startswith("@misc{") and _balanced(bib)
        # the page shows the very text of the downloads
        assert re.sub(r"\s+", " ", bib.strip()) in re.sub(r"\s+", " ", html.unescape(block))
        mime, csl = files[f"{r['id']}.json"]
        assert mime == "application/vnd.citationstyles.csl+json"
        assert re.sub(r"\s+", " ", csl.strip()) in re.sub(r"\s+", " ", html.unescape(block))
        items = json.loads(csl)
        assert items[0]["title"] == r["title"] and items[0]["URL"].endswith(r["url"])
        chicago = block[block.index('class="aa-cite-chicago"') :]
        assert r["url"] in chicago.split("</p>", 1)[0]


def test_about_page_cites_the_archive_at_its_address() -> None:
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert site_url is not None
    section = about[about.index("### Citing the archive") :]
    assert site_url.group(1) in section
    assert "@misc{alliancearchive," in section


@pytest.mark.parametrize("name", sorted(corrections.FIELDS))
def test_about_page_documents_every_correction_field(name: str) -> None:
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(name)}:", about, re.M), f"About shows no example of {name!r}"
