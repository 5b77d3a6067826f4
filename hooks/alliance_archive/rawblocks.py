"""Generated HTML blocks that Markdown passes through without reading them again.

The templates write the parts of a page that are HTML already (a statement's source notes, its
citation formats, the wrappers around its metadata) between two marker lines::

    <!-- aa:raw -->
    <details class="info"> ... </details>
    <!-- /aa:raw -->

Python-Markdown keeps a raw HTML block as it is, but finds where it ends by feeding it to an HTML
parser written in Python: on a statement page that parse cost more than converting the article.
:class:`RawBlocks` sets each marked block aside before that parser runs and puts it back, unread,
where it stood, through Markdown's own store of raw HTML (the same way the parser's blocks come
back). A block may open an element that a later block closes (a ``<div>`` around Markdown
paragraphs); the Markdown between them is converted as usual.

Only lines that are exactly a marker count, and seed text never makes one: every seed value in a
template is escaped (``<`` becomes ``&lt;``). A start marker without an end marker is left to
Markdown, as any other HTML. The work is one pass over the page's lines.

A statement's article is Markdown (its seed text escaped), and most of it is plain paragraphs, which
Markdown turns into ``<p>`` elements holding the same text with its backslash escapes resolved.
:func:`paragraphs_as_html` writes each run of them that way, in a marked block, so converting a
statement page reads only its headings, lists and the like; the page is the same.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache

from markdown import Extension, Markdown, util
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

START = "<!-- aa:raw -->"
END = "<!-- /aa:raw -->"

# after Python-Markdown's whitespace normaliser (30: it strips the characters a placeholder is made
# of) and before its raw HTML parser (20)
PRIORITY = 25


class _SetAside(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None  # the lines of the open block, after its start marker
        opened_at = 0
        for line in lines:
            if block is None:
                if line == START:
                    block, opened_at = [], len(out)
                out.append(line)
            elif line == END:
                del out[opened_at:]
                placeholder = self.md.htmlStash.store("\n".join(block))
                out.extend(("", placeholder, ""))
                block = None
            else:
                block.append(line)
                out.append(line)
        return out


# a line of spaces alone, matched from the line end before it
_SPACES_ONLY_LINE = re.compile(r"\n +(?=\n)")


class _NormalizeWhitespace(Preprocessor):
    """Python-Markdown's whitespace normaliser (``NormalizeWhitespace``), giving the same text: it
    empties the lines that hold only spaces with an expression matched from each line end, where the
    original looks behind for a line end at every position of the page (a tenth of converting a
    statement page, whose raw blocks are set aside only after this runs)."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        source = source.expandtabs(self.md.tab_length)
        source = _SPACES_ONLY_LINE.sub("\n", source)
        return source.split("\n")


# Python-Markdown's own inline patterns (3.7 to 3.11), by name. What they need in a text to match there:
# a backslash, a backtick, "[", "!", "<", "&", an emphasis delimiter ("*", "_", and any other one
# registered), or two spaces ending a line (a line break); a text holding a placeholder (STX) is left
# to them too, unless it is a raw HTML block's placeholder alone
_INLINE_PATTERNS = frozenset(
    {
        *("backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference"),
        *("short_image_ref", "autolink", "automail", "linebreak", "html", "entity"),
        *("not_strong", "em_strong", "em_strong2"),
    }
)
_MAY_BE_INLINE = r"[\\`\[!<&*_\x02{delimiters}]|  \n"


@cache
def _may_be_inline(delimiters: str) -> re.Pattern[str]:
    return re.compile(_MAY_BE_INLINE.format(delimiters=re.escape(delimiters)))


class _PlainText(Treeprocessor):
    """Marks each text of the tree that no inline pattern can match as done (``AtomicString``), just
    before Python-Markdown's inline processor, which then passes it by instead of trying each of its
    patterns at it: a heading of plain words, and the paragraph holding only a raw block's
    placeholder (most of a statement page's tree, whose article is raw blocks). A text holding any
    character a pattern starts with is left to them, and the step does nothing where an extension has
    added an inline pattern of its own: the page is the same."""

    def run(self, root: etree.Element) -> None:
        patterns = self.md.inlinePatterns
        if sum(name in patterns for name in _INLINE_PATTERNS) != len(patterns):  # one of another kind
            return
        delimiters = getattr(self.md.delimiters, "tokens", None) or []
        may_be_inline = _may_be_inline("".join(delimiters)).search
        placeholder = util.HTML_PLACEHOLDER_RE.fullmatch
        for element in root.iter():
            text = element.text
            if text and type(text) is str and (not may_be_inline(text) or placeholder(text)):
                element.text = util.AtomicString(text)
            tail = element.tail
            if tail and type(tail) is str and not may_be_inline(tail):
                element.tail = util.AtomicString(tail)


class RawBlocks(Extension):
    """Marked HTML blocks pass through a page's conversion untouched (see the module's description),
    and texts no inline pattern can match are not tried with them (``_PlainText``)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_SetAside(md), "aa_raw_blocks", PRIORITY)
        # in the place of Python-Markdown's own, under its name and priority
        md.preprocessors.register(_NormalizeWhitespace(md), "normalize_whitespace", 30)
        # just before the inline processor (20)
        md.treeprocessors.register(_PlainText(md), "aa_plain_text", 20.5)


# A paragraph of seed text as the archive escapes it (textutil.md_escape) that Markdown's inline
# patterns leave as it is but for its backslash escapes: no character that starts a pattern unescaped
# (code, emphasis, links, images, HTML, entities other than the three escaped ones, line breaks, an
# escaped ">" that Markdown writes as "&gt;"), and nothing at its start that begins a block (a
# heading, a list, a quote, HTML, an admonition or details marker, a table, an indented line).
# (the three kinds of piece begin with different characters, so a paragraph is cut into them one way
# only: runs of plain characters are taken whole and never given back, which keeps the match linear)
_PLAIN_PARAGRAPH = re.compile(
    r"(?!\d+[.)])(?=[^\s#>+=:?!|*_<-])"
    r"(?:[^\\`*_{}\[\]<>!#&\n\r\t\x02\x03]++|\\[\\`*_{}\[\]()#+\-.!]|&(?:amp|lt|gt);)++"
    r"(?<!\s)"
)
_ESCAPED = re.compile(r"\\(.)")


def _html(paragraphs: list[str]) -> str:
    return "\n".join((START, *("<p>" + _ESCAPED.sub(r"\1", p) + "</p>" for p in paragraphs), END))


def paragraphs_as_html(markdown: str) -> str:
    """``markdown`` with each run of plain paragraphs (see above) written as the HTML Markdown makes
    of them, in a raw block: the same page, without Markdown reading its longest part. Anything else
    (headings, lists, labelled turns, captions) stays Markdown."""
    body = markdown.rstrip("\n")
    out: list[str] = []
    run: list[str] = []
    for block in body.split("\n\n") if body else []:
        if _PLAIN_PARAGRAPH.fullmatch(block):
            run.append(block)
            continue
        if run:
            out.append(_html(run))
            run = []
        out.append(block)
    if run:
        out.append(_html(run))
    return "\n\n".join(out) + markdown[len(body) :]
