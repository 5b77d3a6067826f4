"""Marked HTML blocks pass through Markdown unread (alliance_archive.rawblocks), as the generated
pages need: a block comes out exactly as written, Markdown between an opening and a closing block is
converted as usual, seed text never makes a marker, and the pass is linear in the page."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alliance_archive import rawblocks, render
from alliance_archive.textutil import md_escape
from tests.conftest import FIXTURES, SEEDS, build_project, make_project
from tests.test_page_cache import tree

START, END = rawblocks.START, rawblocks.END
EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "md_in_html", "toc", "tables"]


def convert(text: str, *, marked: bool = True) -> str:
    extensions: list[object] = [*EXTENSIONS, rawblocks.RawBlocks()] if marked else list(EXTENSIONS)
    return markdown.Markdown(extensions=extensions).convert(text)  # type: ignore[arg-type]


BLOCKS = [
    # blank lines, an indented line and Markdown-looking text inside one element
    """<details class="info">
<summary>Source notes</summary>

    <p>an indented line</p>

<p>*not emphasis* [not](a-link.md) # not a heading</p>
</details>""",
    # two elements one after the other, escaped text, an attribute without a value
    """<div class="aa-evidence" data-search-exclude>
<ul>
<li>
<p><strong>Alliance</strong>: a &lt;b&gt; &amp; “quote”</p>
</li>
</ul>
</div>
<details class="quote"><summary>Quotes (1)</summary>
<p>x</p>
</details>""",
    # an inline SVG figure, as the timeline charts are drawn
    """<figure class="aa-timeline" data-search-exclude>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title>
<rect x="0" y="0" width="1" height="1"/></svg>
</figure>""",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_a_marked_block_comes_out_as_markdown_makes_it_unmarked(block: str) -> None:
    assert convert(f"{START}\n{block}\n{END}") == block
    # what Markdown makes of the same block as raw HTML, parsed: the markers change only the cost
    # (but for the number of blank lines between blocks)
    blank_lines = re.compile(r">\n+<")
    marked = convert(f"para\n\n{START}\n{block}\n{END}\n\nafter")
    unmarked = convert(f"para\n\n{block}\n\nafter", marked=False)
    assert blank_lines.sub(">\n<", marked) == blank_lines.sub(">\n<", unmarked)


def test_markdown_between_an_opening_and_a_closing_block_is_converted() -> None:
    opening, closing = f'{START}\n<div class="aa-meta">\n{END}', f"{START}\n</div>\n{END}"
    page = f"# Title\n\n{opening}\n\n**Date:** [2014](y.md)\n{{ .x }}\n\n{closing}\n\nText."
    assert convert(page) == (
        '<h1 id="title">Title</h1>\n<div class="aa-meta">\n'
        '<p class="x"><strong>Date:</strong> <a href="y.md">2014</a></p>\n</div>\n<p>Text.</p>'
    )


def test_a_block_stands_apart_from_the_text_right_above_and_below_it() -> None:
    # no blank line around the markers: the block still does not end up inside a paragraph
    assert convert(f"before\n{START}\n<div>x</div>\n{END}\nafter") == (
        "<p>before</p>\n<div>x</div>\n<p>after</p>"
    )


def test_a_block_never_closed_is_left_to_markdown() -> None:
    page = f"{START}\n<div>\n\n*a*\n\nend"
    assert convert(page) == convert(page, marked=False)


@pytest.mark.parametrize(
    "line",
    [START, END, f"  {START}", f"{START} ", "<!--aa:raw-->", f"{START}\n<script>alert(1)</script>\n{END}"],
)
def test_seed_text_never_makes_a_marker(line: str) -> None:
    # every seed value reaches a template through md_escape (or HTML escaping): "<" becomes "&lt;"
    text = md_escape(line)
    html = convert(f"{text}\n\nafter")
    assert "<script>" not in html and "<!--" not in html
    assert html.endswith("<p>after</p>")


def test_only_a_line_that_is_exactly_a_marker_counts() -> None:
    for start in (f" {START}", f"{START}x", START.upper()):
        page = f"{start}\n<div>\n\n*a*\n\n</div>\n{END}"
        assert convert(page) == convert(page, marked=False), start


def _cpu(page: str) -> float:
    # the best of five: on a machine busy with other work, a single run can take twice as long
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        convert(page)
        best = min(best, time.process_time() - started)
    return max(best, 0.005)


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "".join(f"{START}\n<p>{i}</p>\n{END}\n\n" for i in range(n)),  # many blocks
        lambda n: f"{START}\n" + "<p>x</p>\n" * n,  # one block never closed
        lambda n: f"{START}\n" * n,  # start markers only
    ],
    ids=["many blocks", "never closed", "start markers only"],
)
def test_setting_blocks_aside_is_linear(shape) -> None:
    # scaling, not a clock: four times the lines may take at most eight times as long
    small, large = _cpu(shape(2_000)), _cpu(shape(8_000))
    assert large / small < 8.0, (small, large)


def test_built_pages_hold_their_blocks_and_no_marker(seeds_site) -> None:
    pages = sorted(seeds_site.rglob("*.html"))
    statements = [p for p in pages if p.parent.parent.name == "statements"]
    assert statements
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # neither a marker nor Markdown's placeholder for a block it set aside is left in a page
        assert "aa:raw" not in text and "\x02" not in text and "wzxhzdk" not in text, page
    for page in statements:
        text = page.read_text(encoding="utf-8")
        meta = text[text.index('<div class="aa-meta">') :].split("</div>", 1)[0]
        # the metadata's Markdown is converted inside its block, its links made into the site's URLs
        assert "<p><strong>Date:</strong>" in meta and 'href="../../years/' in meta and ".md" not in meta
        assert '<div class="aa-cite" data-search-exclude>' in text  # left out of the header search
        assert text.count('<div class="aa-source-notes" data-search-exclude>') == 1


# -- a statement's plain paragraphs written as HTML (rawblocks.paragraphs_as_html) --------------------

# the site's Markdown: MkDocs' own extensions, those of mkdocs.yml and the archive's raw blocks
SITE_EXTENSIONS = ["toc", "tables", "fenced_code", *EXTENSIONS]


def site_html(text: str) -> str:
    extensions: list[object] = [*SITE_EXTENSIONS, rawblocks.RawBlocks()]
    md = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}})  # type: ignore[arg-type]
    return md.convert(text)


CHARS = "aZ09 .,;:()'\"“”-–—/\\`*_{}[]#+!<>&|?=~^%$@\t\r\n\x02\x03\xa0\u2028\u0085\u3000é한"
PIECES = [
    "&amp;",
    "&lt;",
    "&#123;",
    "1. ",
    "- ",
    "# ",
    "??? ",
    "!!! ",
    "    ",
    "  \n",
    "{: .x}",
    "[a](b)",
    "<b>",
]
SEED_CHARS = st.sampled_from([*CHARS, *PIECES])
SEED_TEXT = st.lists(SEED_CHARS, max_size=40).map("".join)
SHAPES = ["", "## ", "- ", "3. ", "**Q:** "]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SHAPES), SEED_TEXT), min_size=1, max_size=6))
def test_plain_paragraphs_as_html_make_the_page_markdown_makes(blocks: list[tuple[str, str]]) -> None:
    # seed text as the archive writes a statement's text: escaped, in paragraphs, headings, items and turns
    text = "\n\n".join(shape + md_escape(t) for shape, t in blocks if md_escape(t)) + "\n"
    assert site_html(rawblocks.paragraphs_as_html(text)) == site_html(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SEED_TEXT, min_size=1, max_size=6))
@example(["\\>"])  # an escaped ">" comes out as "&gt;"
def test_paragraphs_as_html_leave_any_other_markdown_to_markdown(blocks: list[str]) -> None:
    # text as an editor might correct it: Markdown of any kind, which only plain paragraphs leave
    text = "\n\n".join(blocks)
    assert site_html(rawblocks.paragraphs_as_html(text)) == site_html(text)


def test_only_plain_paragraphs_are_written_as_html() -> None:
    text = "# Title\n\nOne \\*two\\* &amp; three.\n\nFour.\n\n## Part\n\n\\- five\n\n- six\n\n7. seven\n\n"
    text += "Eight\n"
    assert rawblocks.paragraphs_as_html(text) == (
        "# Title\n\n"
        f"{START}\n<p>One *two* &amp; three.</p>\n<p>Four.</p>\n{END}\n\n"
        "## Part\n\n"
        f"{START}\n<p>- five</p>\n{END}\n\n"
        "- six\n\n7. seven\n\n"
        f"{START}\n<p>Eight</p>\n{END}\n"
    )


def test_writing_paragraphs_as_html_is_linear() -> None:
    def cpu(size: int) -> float:
        text = "\n\n".join(["A plain sentence, \\*escaped\\* &amp; long. " * 50] * size)
        best = float("inf")
        for _ in range(5):
            started = time.process_time()
            rawblocks.paragraphs_as_html(text)
            best = min(best, time.process_time() - started)
        return best

    assert cpu(4000) < 8 * cpu(1000) + 0.01


def test_a_site_whose_markdown_reads_paragraphs_otherwise_keeps_them_markdown(tmp_path: Path) -> None:
    # the sample and hostile seeds, as the site's Markdown makes them and with one more extension
    # (abbreviations: it would change a paragraph that a definition's word is in, and here none is)
    seeds = {p.name: p.read_bytes() for p in [*SEEDS.glob("*.txt"), *(FIXTURES / "hostile").glob("*.txt")]}
    written = render.iter_pages
    paragraphs_html: list[bool] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        paragraphs_html.append(kwargs["paragraphs_html"])
        return written(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "iter_pages", recording)
        as_html = build_project(make_project(tmp_path / "html", seeds))
        project = make_project(tmp_path / "markdown", seeds)
        config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        config["markdown_extensions"].append("abbr")
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        as_markdown = build_project(project)
    assert paragraphs_html == [True, False]
    assert tree(as_html, skip=("pagefind/",)) == tree(as_markdown, skip=("pagefind/",))


_BACKTRACKING_FORM = re.compile(
    r"(?!\d+[.)])(?=[^\s#>+=:?!|*_<-])"
    r"(?:[^\\`*_{}\[\]<>!#&\n\r\t\x02\x03]|\\[\\`*_{}\[\]()#+\-.!]|&(?:amp|lt|gt);)+"
    r"(?<!\s)"
)


@given(st.text(alphabet="ab 1.)\\*_&amp;lgt#<>\t\n-[]!`", max_size=40))
@example("A plain paragraph \\*with escapes\\* &amp; more. ")
@example("1. a list")
def test_a_plain_paragraph_is_what_the_backtracking_form_of_its_expression_accepts(text: str) -> None:
    """The possessive expression (runs of plain characters never given back) accepts exactly the
    paragraphs its backtracking form does: each piece of a paragraph begins with its own characters."""
    assert bool(rawblocks._PLAIN_PARAGRAPH.fullmatch(text)) == bool(_BACKTRACKING_FORM.fullmatch(text))


@given(st.lists(st.text(alphabet=" \t\r\x02\x03ab\n", max_size=8), max_size=10))
@example(["a", "  ", "   ", "b", " "])
@example(["  ", "\t", " \r\n ", ""])
def test_the_whitespace_normaliser_gives_the_text_python_markdowns_own_gives(lines: list[str]) -> None:
    from markdown.preprocessors import NormalizeWhitespace

    md = markdown.Markdown(extensions=[rawblocks.RawBlocks()])
    assert isinstance(md.preprocessors["normalize_whitespace"], rawblocks._NormalizeWhitespace)
    ours = md.preprocessors["normalize_whitespace"]
    assert ours.run(list(lines)) == NormalizeWhitespace(md).run(list(lines))


# -- texts no inline pattern can match, passed by (rawblocks._PlainText) -----------------------------


def _without_plain_text(text: str, extensions: list[Any]) -> str:
    md = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}})
    md.treeprocessors.deregister("aa_plain_text")
    return md.convert(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([*SHAPES, "> ", "    "]), SEED_TEXT), min_size=1, max_size=6))
@example([("## ", "plain words"), ("", "a \\*b\\* c"), ("", "two  \nlines")])
def test_texts_passed_by_make_the_page_inline_patterns_make(blocks: list[tuple[str, str]]) -> None:
    # Markdown of any kind, with raw blocks between its paragraphs: the same page with the step or without
    parts = [shape + t for shape, t in blocks]
    text = f"\n\n{rawblocks.START}\n<p>raw</p>\n{rawblocks.END}\n\n".join(parts) + "\n"
    extensions: list[Any] = [*SITE_EXTENSIONS, rawblocks.RawBlocks()]
    assert site_html(text) == _without_plain_text(text, extensions)


def test_a_text_no_inline_pattern_can_match_is_not_tried_with_them() -> None:
    md = markdown.Markdown(extensions=[*SITE_EXTENSIONS, rawblocks.RawBlocks()])
    tried: list[str] = []
    inline = md.treeprocessors["inline"]
    handle = inline._InlineProcessor__handleInline  # type: ignore[attr-defined]

    def spy(data: str, index: int = 0) -> str:
        tried.append(str(data))
        return handle(data, index)  # type: ignore[no-any-return]

    inline._InlineProcessor__handleInline = spy  # type: ignore[attr-defined]
    md.convert(f"## Plain heading\n\nA *marked* line.\n\n{rawblocks.START}\n<p>raw</p>\n{rawblocks.END}\n")
    assert tried[0] == "A *marked* line."  # then the text inside the emphasis
    assert not any("Plain" in text or "\x02" in text for text in tried)  # the heading, the placeholder


def test_an_extension_with_an_inline_pattern_of_its_own_has_every_text_tried() -> None:
    md = markdown.Markdown(extensions=[*SITE_EXTENSIONS, "pymdownx.tilde", rawblocks.RawBlocks()])
    assert md.convert("Plain ~~struck~~ words") == "<p>Plain <del>struck</del> words</p>"
