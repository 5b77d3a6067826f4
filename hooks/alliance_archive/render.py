"""Stage 4: records to Markdown pages (Jinja templates in ``templates/``) and the JSON data file."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any, TypeVar

import frontmatter
import jinja2
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import YAML_RE as FRONT_MATTER

from . import cite, export, forked, frontyaml, history, rawblocks, timeline
from .extract import Theme, themes
from .record import Removed, Statement, archive_json
from .registry import COUNTRY_NAMES, COUNTRY_ORDER, Registry, Term, registry
from .related import Link, link_events
from .textutil import md_escape, sentences, slugify

T = TypeVar("T")

# An index page lists at most this many statements; longer lists go on to numbered pages
# (years/2020.md, years/2020/2.md, ...), so no index page grows past a few hundred kilobytes.
LIST_PAGE_SIZE = 200
OFFICIAL_PAGE_SIZE = 100  # an official's page also shows each statement's quotes
QUOTES_PAGE_SIZE = 200  # quotes on one page of the Quotes listing (quotes.md, quotes/2.md, ...)
# Above this many statements, the generated pages (statements, and each official's, year's and
# theme's listing) stay out of Material's header search, whose index every reader downloads whole
# before a first search (about 3.5 MB per 1,000 statements); statements are found through the
# Explore page's Pagefind index instead. The Officials, Years and Themes index pages stay in it.
MATERIAL_SEARCH_MAX_STATEMENTS = 500
# An official's open term is shaded to the chart's last year: past the last year a date can have, and
# the few years a chart adds after it to show at least timeline.MIN_YEARS.
OPEN_TERM_END = dt.MAXYEAR + timeline.MIN_YEARS
# the statement pages' front matter: every text double-quoted, written in one pass (frontyaml)
_FRONT_MATTER = frontyaml.Handler()


def _longdate(value: object) -> str:
    if value is None or value == "":
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


def _monthyear(value: object) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day:%B %Y}"


def _html_text(value: object) -> str:
    """Text for a raw HTML block of a page: every character shown as itself, none taken as markup."""
    return html.escape(str(value), quote=True)


def _text(value: object) -> str:
    """Seed text as the text of an element in a raw HTML block: shown as itself, as Markdown shows the
    same text escaped with ``md`` (its quotation marks need no escaping there)."""
    return html.escape(str(value), quote=False)


# Markdown extensions (MkDocs' own, then those of the archive's mkdocs.yml) that do nothing to a
# paragraph of escaped seed text but resolve its escapes: a site with only these may have its
# statements' plain paragraphs written as HTML (``statement_page_parts``)
PLAIN_PARAGRAPH_EXTENSIONS = frozenset(
    {"toc", "tables", "fenced_code", "admonition", "pymdownx.details", "attr_list", "md_in_html"}
)


@cache
def _address(path: str, directory_urls: bool) -> str:
    """The address MkDocs gives the page or file at ``path`` (under docs/)."""
    return File(path, src_dir=None, dest_dir="", use_directory_urls=directory_urls).url


@dataclass(frozen=True)
class Links:
    """Links on one generated page that are written as HTML, not as Markdown links, where a page lists
    many: Python-Markdown spent most of such a page's conversion reading its links. ``to`` gives the
    address MkDocs would have written for the same Markdown link: relative to the page, for the site's
    ``use_directory_urls``. The addresses are made from the archive's own files (a test follows every
    link of a built site)."""

    page: str  # the page's path under docs/
    directory_urls: bool = True

    def to(self, target: str) -> str:
        """The escaped ``href`` of a link to ``target``: a path under docs/, or "" for this page, and a
        #fragment if any."""
        path, mark, fragment = target.partition("#")
        here = _address(self.page, self.directory_urls)
        url = get_relative_url(_address(path, self.directory_urls), here) if path else ""
        return html.escape(url + mark + fragment, quote=True)


def _data_url(text: str, mime: str) -> str:
    """``text`` as a ``data:`` address (UTF-8, base64: letters, digits, "+", "/" and "=" only), for a
    download link that needs no file of its own beside the page."""
    return f"data:{mime};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def _quote_text(text: str) -> str:
    """A quote as shown between quotation marks: no trailing comma or colon from the sentence around it."""
    return text.strip().strip('\u201c\u201d"').rstrip(" ,;:")


# A removed line repeated this many times or more (page chrome pasted thousands of times) is listed
# once with all its line numbers, so the Source notes stay readable and cheap to build.
REPEATS_LISTED_ONCE = 10


def _removed_groups(removed: list[Removed]) -> list[tuple[list[int], str, str]]:
    """(line numbers, reason, text) per entry of the Source notes, in the order of the first line."""
    counts = Counter((r.text, r.reason) for r in removed)
    groups: dict[tuple[str, str], list[int]] = {}
    out: list[tuple[list[int], str, str]] = []
    for r in removed:
        key = (r.text, r.reason)
        if counts[key] < REPEATS_LISTED_ONCE:
            out.append(([r.line], r.reason, r.text))
        elif key in groups:
            groups[key].append(r.line)
        else:
            groups[key] = [r.line]
            out.append((groups[key], r.reason, r.text))
    return out


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("alliance_archive", "templates"),
        autoescape=False,  # Markdown, not HTML: seed text goes through the `md` filter instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["md"] = md_escape
    env.filters["h"] = _html_text
    env.filters["text"] = _text
    env.filters["longdate"] = _longdate
    env.filters["monthyear"] = _monthyear
    env.filters["quote_text"] = _quote_text
    env.filters["data_url"] = _data_url
    env.filters["removed_groups"] = _removed_groups
    # the marker lines around an HTML block that Markdown passes through unread (see rawblocks)
    env.globals["raw"] = rawblocks.START
    env.globals["end_raw"] = rawblocks.END
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


@cache
def xml_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("alliance_archive", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


@dataclass
class Appearance:
    s: Statement
    role: str = ""
    quotes: list[str] = field(default_factory=list)


@dataclass
class OfficialView:
    name: str
    slug: str
    country: str
    terms: list[Term] = field(default_factory=list)
    roles_seen: list[str] = field(default_factory=list)
    spoke: list[Appearance] = field(default_factory=list)
    mentioned_in: list[Appearance] = field(default_factory=list)

    @property
    def country_name(self) -> str:
        return COUNTRY_NAMES.get(self.country, "Other")

    @property
    def activity(self) -> str:
        parts = []
        if self.spoke:
            parts.append(f"{len(self.spoke)} statement{'s' if len(self.spoke) != 1 else ''}")
        if self.mentioned_in:
            parts.append(f"mentioned in {len(self.mentioned_in)}")
        return ", ".join(parts)

    @property
    def summary(self) -> str:
        if self.terms:
            return self.terms[-1].title
        return self.roles_seen[0] if self.roles_seen else ""


@dataclass(frozen=True)
class Pager:
    """Where one page of a long listing sits: its number, the links to every page, the way up."""

    number: int
    links: list[tuple[int, str]]  # (page number, Markdown link from this page)
    up: str  # from this page to the docs root: "../" on the first page, "../../" on the others

    @property
    def count(self) -> int:
        return len(self.links)


def paginate(base: str, items: list[T], size: int) -> list[tuple[str, list[T], Pager]]:
    """``items`` cut into pages of ``size``: the first at ``base.md``, then ``base/2.md``, ``base/3.md`` ...

    ``base`` is a path under docs/ (``years/2020``, ``quotes``). An empty list still has its first page.
    """
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    stem = base.rsplit("/", 1)[-1]
    root = "../" * base.count("/")  # from base.md's folder to the docs root
    out = []
    for number, chunk in enumerate(chunks, 1):
        if number == 1:
            links = [(n, f"{stem}.md" if n == 1 else f"{stem}/{n}.md") for n in range(1, len(chunks) + 1)]
            path, up = f"{base}.md", root
        else:
            links = [(n, f"../{stem}.md" if n == 1 else f"{n}.md") for n in range(1, len(chunks) + 1)]
            path, up = f"{base}/{number}.md", root + "../"
        out.append((path, chunk, Pager(number, links, up)))
    return out


def _newest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: (s.date or "", s.title), reverse=True)


def officials_view(statements: list[Statement], reg: Registry) -> dict[str, OfficialView]:
    """Everyone who speaks in or is named by a statement, keyed by name, with unique slugs."""
    views: dict[str, OfficialView] = {}
    slugs: set[str] = set()

    def view_for(name: str, country: str) -> OfficialView:
        if name not in views:
            official = next(iter(reg.lookup(name)), None)
            base = slugify(name)
            slug, n = base, 2
            while slug in slugs:
                slug, n = f"{base}-{n}", n + 1
            slugs.add(slug)
            views[name] = OfficialView(
                name=name,
                slug=slug,
                country=official.country if official else country,
                terms=list(official.terms) if official and official.name == name else [],
            )
        return views[name]

    for s in _newest_first(statements):
        for p in s.speakers:
            v = view_for(p.name, p.country)
            quotes = [q.text for q in s.quotes if q.speaker == p.name]
            v.spoke.append(Appearance(s, p.role, quotes))
            if p.role and p.role not in v.roles_seen:
                v.roles_seen.append(p.role)
        for p in s.mentioned:
            v = view_for(p.name, p.country)
            v.mentioned_in.append(Appearance(s, p.role))
            if p.role and p.role not in v.roles_seen:
                v.roles_seen.append(p.role)
    return views


MAX_RELATED = 12  # a statement page lists its strongest links to other accounts of its event


@dataclass(frozen=True)
class Related:
    """Another account of the same event, as a statement page lists it."""

    s: Statement
    link: Link


def statement_page(s: Statement, officials: dict[str, str], source_url: str, **options: Any) -> str:
    """The statement's page: its record as front matter (python-frontmatter), then the rendered body
    (``options``: those of ``statement_page_parts``)."""
    return statement_page_parts(s, officials, source_url, **options)[0]


def statement_page_parts(
    s: Statement,
    officials: dict[str, str],
    source_url: str,
    page_url: str = "",
    related: list[Related] | None = None,
    site_name: str = cite.ARCHIVE,
    lastmod: str | None = None,
    more_related: int = 0,
    header_search: bool = True,
    directory_urls: bool = True,
    paragraphs_html: bool = False,
) -> tuple[str, dict[str, object]]:
    """The statement's page and the front matter written at its top, as data. With
    ``paragraphs_html``, the article's plain paragraphs are written as the HTML Markdown would make of
    them (``rawblocks.paragraphs_as_html``): for a site whose Markdown extensions leave such paragraphs
    as they are (``PLAIN_PARAGRAPH_EXTENSIONS``)."""
    labels = {tid: t.label for tid, t in themes().items()}
    page_url = page_url or s.url
    body = render(
        "statement.md.jinja",
        s=s,
        officials=officials,
        theme_labels=labels,
        source_url=source_url,
        related=related or [],
        more_related=more_related,
        chicago=cite.chicago(s, page_url, site_name),
        bibtex=cite.bibtex(s, page_url, site_name),
        csl=cite.csl_json(s, page_url, site_name),
        link=Links(f"statements/{s.id}.md", directory_urls),
        article=rawblocks.paragraphs_as_html(s.text) if paragraphs_html else s.text,
    )
    record = s.to_json()
    record.pop("text")
    meta: dict[str, object] = {
        "hide": ["navigation"],
        # the theme inserts these into HTML without escaping them: escape here, once
        "title": html.escape(s.title, quote=True),
        "description": html.escape(_description(s), quote=True),
        "tags": [labels[t] for t in s.themes],
        "record": record,
        "edited_fields": list(s.overridden),
        # raw text for overrides/main.html, which escapes it: citation_* tags and Open Graph
        "citation": [list(tag) for tag in cite.meta_tags(s, page_url, site_name)],
        "og_type": "article",
    }
    if s.date:
        meta["published"] = s.date
    if lastmod:
        meta["lastmod"] = lastmod  # the sitemap's date (archive.py sets the page's update_date from it)
    if not header_search:
        meta["search"] = {"exclude": True}
    post = frontmatter.Post(body, None, **meta)
    return frontmatter.dumps(post, handler=_FRONT_MATTER) + "\n", meta


@dataclass(frozen=True)
class FrontMatter:
    """A generated page's front matter as data, beside a checksum of the YAML it was written as: a
    build reads it from here instead of parsing that YAML again (``archive.py``), where the page's
    text is the one generated. On a statement page the YAML holds the whole record: parsing it cost
    more than a third of converting the page."""

    checksum: int  # zlib.crc32 of the YAML between the page's front matter markers, as UTF-8
    packed: bytes  # the front matter, pickled: each build that reads it gets its own copy

    @classmethod
    def of(cls, page: str, meta: dict[str, object]) -> FrontMatter | None:
        found = FRONT_MATTER.match(page)
        if found is None:
            return None
        checksum = zlib.crc32(found.group(1).encode("utf-8", "surrogateescape"))
        return cls(checksum, pickle.dumps(meta, pickle.HIGHEST_PROTOCOL))

    def matches(self, yaml_text: str) -> bool:
        return zlib.crc32(yaml_text.encode("utf-8", "surrogateescape")) == self.checksum

    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = pickle.loads(self.packed)
        return meta


def _description(s: Statement, limit: int = 300) -> str:
    """The article's first sentence (a search engine's snippet), else who spoke, when, and the title."""
    first = next(iter(sentences(" ".join(s.summary.split()))), "")
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + "…"
    if first:
        return first
    who = ", ".join(p.name for p in s.speakers) or "Statement"
    when = _longdate(s.date) if s.date else "undated"
    return f"{who}, {when}: {s.title}"


def feed(
    title: str,
    entries: list[Statement],
    feed_path: str,
    page_path: str,
    site_url: str,
    site_name: str,
    updated: str,
) -> str:
    """An Atom feed of ``entries`` (newest first, at most 50)."""
    return (
        xml_environment()
        .get_template("feed.xml.jinja")
        .render(
            site_url=site_url or "/",
            site_name=site_name,
            title=title,
            feed_path=feed_path,
            page_path=page_path,
            updated=updated,
            entries=entries[:50],
        )
    )


def svg(chart: timeline.Chart | None) -> str:
    """A chart as inline SVG (XML-escaped), or "" when there is nothing to draw."""
    if chart is None:
        return ""
    return xml_environment().get_template("timeline.svg.jinja").render(c=chart).strip()


def chart_block(chart: timeline.Chart | None) -> str:
    """A chart and its text alternative (the figures as a table), as Markdown: one raw block of HTML,
    which Markdown passes through unread (rawblocks; its HTML parser cost more than the page)."""
    if chart is None:
        return ""
    table = render("timeline_table.html.jinja", c=chart).strip()
    return f"{rawblocks.START}\n{svg(chart)}\n{table}\n{rawblocks.END}"


def _newest_dated_then_undated(statements: list[Statement]) -> list[Statement]:
    statements = list({s.id: s for s in statements}.values())  # once each, even if spoken in and named
    newest = [s for s in _newest_first(statements) if s.date]
    return newest + sorted((s for s in statements if not s.date), key=lambda s: s.title)


def pages(
    statements: list[Statement],
    reg: Registry | None = None,
    repo_url: str = "",
    site_url: str = "",
    site_name: str = "Alliance Archive",
    events: dict[str, list[Link]] | None = None,
    changed: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every generated page and data file, by its path under docs/ (as MkDocs sees it)."""
    return dict(iter_pages(statements, reg, repo_url, site_url, site_name, events, changed))


@dataclass(frozen=True)
class _Site:
    """What every statement's files are made with, besides the statement."""

    slugs: dict[str, str]
    events: dict[str, list[Link]]
    by_id: dict[str, Statement]
    base: str
    repo_url: str
    site_name: str
    changed: dict[str, str]
    header_search: bool
    directory_urls: bool
    paragraphs_html: bool


def _statement_files(s: Statement, site: _Site) -> _Made:
    """A statement's page (its citation downloads are ``data:`` links on it: no files of their own)."""
    source_url = (
        f"{site.repo_url.rstrip('/')}/blob/main/{s.source_file}"
        if site.repo_url
        else f"../../{s.source_file}"
    )
    related = [
        Related(site.by_id[link.other], link)
        for link in site.events.get(s.id, [])
        if link.other in site.by_id
    ]
    page, meta = statement_page_parts(
        s,
        site.slugs,
        source_url,
        page_url=site.base + s.url,
        related=related[:MAX_RELATED],
        more_related=len(related) - len(related[:MAX_RELATED]),
        site_name=site.site_name,
        lastmod=history.lastmod(site.changed, s.source_file),
        header_search=site.header_search,
        directory_urls=site.directory_urls,
        paragraphs_html=site.paragraphs_html,
    )
    path = f"statements/{s.id}.md"
    files = [(path, page)]
    front = FrontMatter.of(page, meta)
    return files, {path: front} if front is not None else {}


def iter_pages(
    statements: list[Statement],
    reg: Registry | None = None,
    repo_url: str = "",
    site_url: str = "",
    site_name: str = "Alliance Archive",
    events: dict[str, list[Link]] | None = None,
    changed: dict[str, str] | None = None,
    jobs: int = 0,
    directory_urls: bool = True,
    front_matter: dict[str, FrontMatter] | None = None,
    paragraphs_html: bool = False,
) -> Iterator[tuple[str, str]]:
    """The pages of ``pages`` one at a time (path, content), so a large build need not hold them all.
    With ``front_matter``, the front matter of each statement page is put there as data too;
    ``paragraphs_html``: see ``statement_page_parts``.

    The pages are made in groups (a statement's page and citation files, an official's pages and
    feed, a year's pages ...; see ``_page_groups``). With ``jobs`` of two or more, a large archive's
    groups are made in that many forked worker processes (``alliance_archive.forked``): the same pages,
    in the same order. Links written as HTML point where MkDocs puts pages with ``directory_urls``
    (its ``use_directory_urls``)."""
    groups = _page_groups(
        statements,
        reg or registry(),
        repo_url,
        site_url,
        site_name,
        events,
        changed,
        directory_urls,
        paragraphs_html,
    )
    for files, fronts in forked.map_in_order(_made, groups, jobs):
        if front_matter is not None:
            front_matter.update(fronts)
        yield from files


_Files = list[tuple[str, str]]
_Made = tuple[_Files, dict[str, FrontMatter]]  # files, and the front matter of those that are pages


def _made(group: Callable[[], _Files | _Made]) -> _Made:
    made = group()
    return made if isinstance(made, tuple) else (made, {})


def _page_groups(
    statements: list[Statement],
    reg: Registry,
    repo_url: str,
    site_url: str,
    site_name: str,
    events: dict[str, list[Link]] | None,
    changed: dict[str, str] | None,
    directory_urls: bool,
    paragraphs_html: bool = False,
) -> list[Callable[[], _Files | _Made]]:
    """Every generated file, as a list of groups in the order the files are written: each group is a
    call that makes a few files (path, content) and needs nothing another group makes."""
    views = officials_view(statements, reg)
    slugs = {name: v.slug for name, v in views.items()}
    if events is None:
        events = link_events(statements).links
    by_id = {s.id: s for s in statements}
    base = site_url or "/"
    dated_all = [s for s in statements if s.date]
    archive_updated = max((s.date for s in dated_all if s.date), default=dt.date.today().isoformat())
    header_search = len(statements) <= MATERIAL_SEARCH_MAX_STATEMENTS
    site = _Site(
        slugs,
        events,
        by_id,
        base,
        repo_url,
        site_name,
        changed or {},
        header_search,
        directory_urls,
        paragraphs_html,
    )
    groups: list[Callable[[], _Files | _Made]] = [partial(_statement_files, s, site=site) for s in statements]

    def official(v: OfficialView) -> _Files:
        made = [a.s for a in v.spoke]
        mentioned = [a.s for a in v.mentioned_in]
        no_date = sum(1 for x in made + mentioned if not x.date)
        chart = timeline.chart(
            "aa-official-timeline",
            f"Statements by {v.name} per year",
            [("Statements made", timeline.per_year(made)), ("Mentioned in", timeline.per_year(mentioned))],
            note=f"{no_date} undated statement{'s' if no_date != 1 else ''} not shown." if no_date else "",
            span=_term_years(v),
            shade=[(t.start.year, t.end.year if t.end else OPEN_TERM_END) for t in v.terms],
            shade_label="years in office",
        )
        items = [("spoke", a) for a in v.spoke] + [("mentioned", a) for a in v.mentioned_in]
        files = [
            (
                path,
                render(
                    "official.md.jinja",
                    o=v,
                    spoke=[a for kind, a in part if kind == "spoke"],
                    mentioned=[a for kind, a in part if kind == "mentioned"],
                    pager=pager,
                    header_search=header_search,
                    chart=chart_block(chart),
                    feed_title=f"{site_name}: {v.name}",
                    link=Links(path, directory_urls),
                ),
            )
            for path, part, pager in paginate(f"officials/{v.slug}", items, OFFICIAL_PAGE_SIZE)
        ]
        files.append(
            (
                f"officials/{v.slug}/feed.xml",
                feed(
                    f"{site_name}: statements by or naming {v.name}",
                    _newest_dated_then_undated(made + mentioned),
                    f"officials/{v.slug}/feed.xml",
                    f"officials/{v.slug}/",
                    site_url,
                    site_name,
                    archive_updated,
                ),
            )
        )
        return files

    groups += [partial(official, v) for v in views.values()]

    def quotes_and_officials() -> _Files:
        country_groups = []
        for code in COUNTRY_ORDER:
            people = sorted((v for v in views.values() if v.country == code), key=lambda v: v.name)
            if people:
                country_groups.append((COUNTRY_NAMES[code], people))
        quoted = [
            (country, v, item)
            for country, people in _quote_groups(views)
            for v, items in people
            for item in items
        ]
        pages = paginate("quotes", quoted, QUOTES_PAGE_SIZE)
        files = [
            (
                path,
                render(
                    "quotes.md.jinja",
                    groups=_regrouped(part, pages[pager.number - 2][1][-1] if pager.number > 1 else None),
                    index=_quoted_index(pages) if pager.number == 1 and pager.count > 1 else [],
                    pager=pager,
                    header_search=header_search,
                    link=Links(path, directory_urls),
                ),
            )
            for path, part, pager in pages
        ]
        files.append(("officials/index.md", render("officials_index.md.jinja", groups=country_groups)))
        return files

    groups.append(quotes_and_officials)

    by_year: dict[str, list[Statement]] = {}
    for s in statements:
        by_year.setdefault(s.year, []).append(s)
    dated = sorted((y for y in by_year if y != "undated"), reverse=True)
    undated = sorted(by_year.get("undated", []), key=lambda s: s.title)

    def year(label: str, stem: str, listed: list[Statement], is_undated: bool) -> _Files:
        return [
            (
                path,
                render(
                    "year.md.jinja",
                    label=label,
                    statements=chunk,
                    total=len(listed),
                    undated=is_undated,
                    pager=pager,
                    header_search=header_search,
                    link=Links(path, directory_urls),
                ),
            )
            for path, chunk, pager in paginate(f"years/{stem}", listed, LIST_PAGE_SIZE)
        ]

    groups += [partial(year, y, y, _newest_first(by_year[y]), False) for y in dated]
    groups.append(partial(year, "Undated statements", "undated", undated, True))
    year_rows = [(y, y, len(by_year[y])) for y in dated] + [("Undated", "undated", len(undated))]
    groups.append(
        lambda: [("years/index.md", render("years_index.md.jinja", years=year_rows, total=len(statements)))]
    )

    by_theme: dict[str, list[Statement]] = {tid: [] for tid in themes()}
    for s in _newest_first(statements):
        for tid in s.themes:
            by_theme[tid].append(s)
    theme_list: list[tuple[Theme, int]] = [(t, len(by_theme[t.id])) for t in themes().values()]

    def theme(t: Theme, count: int) -> _Files:
        files = [
            (
                path,
                render(
                    "theme.md.jinja",
                    t=t,
                    count=count,
                    statements=chunk,
                    pager=pager,
                    header_search=header_search,
                    feed_title=f"{site_name}: {t.label}",
                    link=Links(path, directory_urls),
                ),
            )
            for path, chunk, pager in paginate(f"themes/{t.id}", by_theme[t.id], LIST_PAGE_SIZE)
        ]
        files.append(
            (
                f"themes/{t.id}/feed.xml",
                feed(
                    f"{site_name}: {t.label}",
                    _newest_dated_then_undated(by_theme[t.id]),
                    f"themes/{t.id}/feed.xml",
                    f"themes/{t.id}/",
                    site_url,
                    site_name,
                    archive_updated,
                ),
            )
        )
        return files

    groups += [partial(theme, t, count) for t, count in theme_list]

    def themes_index() -> _Files:
        ranked = sorted(theme_list, key=lambda tc: (-tc[1], tc[0].label))
        content = render(
            "themes_index.md.jinja",
            themes=theme_list,
            ranked=ranked,
            total=len(statements),
            peak=max(c for _, c in theme_list),
        )
        return [("themes/index.md", content)]

    groups.append(themes_index)
    newest = [s for s in _newest_first(statements) if s.date]

    def home_and_feed() -> _Files:
        span = (newest[-1].date[:4], newest[0].date[:4]) if newest else None  # type: ignore[index]
        home_chart = timeline.chart(
            "aa-archive-timeline",
            "Statements per year, by the country of their speakers",
            _country_rows(statements),
            note=(
                "A statement with speakers from several countries counts once in each of their rows."
                + (
                    f" {len(undated)} undated statement{'s' if len(undated) != 1 else ''} not shown."
                    if undated
                    else ""
                )
            ),
        )
        home = render(
            "home.md.jinja",
            chart=chart_block(home_chart),
            total=len(statements),
            officials=len(views),
            years=span,
            year_count=len(dated),
            undated=len(undated),
            themes=len(themes()),
            latest=(newest + [s for s in statements if not s.date])[:10],
        )
        feed_entries = newest + [s for s in statements if not s.date]
        latest = feed(
            f"{site_name}: latest statements",
            feed_entries,
            "feed.xml",
            "",
            site_url,
            site_name,
            archive_updated,
        )
        return [("index.md", home), ("feed.xml", latest)]

    groups.append(home_and_feed)
    groups.append(
        lambda: [
            (
                "data/statements.json",
                json.dumps(archive_json(statements), ensure_ascii=False, indent=1) + "\n",
            )
        ]
    )
    groups.append(lambda: [("data/statements.csv", export.csv_text(statements))])
    groups.append(lambda: [("data/statements.schema.json", export.schema_json(list(themes())))])
    return groups


def _term_years(v: OfficialView) -> tuple[int, int] | None:
    """The years of an official's terms in the registry (an open term ends with its last start year)."""
    if not v.terms:
        return None
    ends = [t.end.year if t.end else t.start.year for t in v.terms]
    return min(t.start.year for t in v.terms), max(ends)


def _country_rows(statements: list[Statement]) -> list[tuple[str, dict[int, int]]]:
    """Yearly counts per country of the speakers, then for statements that report no speaker."""
    rows = []
    for code in COUNTRY_ORDER:
        group = [s for s in statements if any(p.country == code for p in s.speakers)]
        rows.append((COUNTRY_NAMES[code], timeline.per_year(group)))
    rows.append(("No speaker named", timeline.per_year([s for s in statements if not s.speakers])))
    return rows


@dataclass(frozen=True)
class QuoteItem:
    s: Statement
    text: str


_Quoted = tuple[str, OfficialView, QuoteItem]  # a quote with its official and the official's country


def _regrouped(
    part: list[_Quoted], before: _Quoted | None
) -> list[tuple[str, list[tuple[OfficialView, list[QuoteItem], bool]]]]:
    """One page of the Quotes listing grouped again by country and official; an official whose quotes
    began on the page ``before`` (its last quote) is marked as continued."""
    groups: list[tuple[str, list[tuple[OfficialView, list[QuoteItem], bool]]]] = []
    for country, v, item in part:
        if not groups or groups[-1][0] != country:
            groups.append((country, []))
        people = groups[-1][1]
        if not people or people[-1][0] is not v:
            people.append((v, [], before is not None and before[1] is v))  # an official's quotes run on
        people[-1][1].append(item)
    return groups


def _quoted_index(
    pages: list[tuple[str, list[_Quoted], Pager]],
) -> list[tuple[str, list[tuple[OfficialView, str]]]]:
    """Every official quoted, by country, with a link from the first page to the page their quotes
    begin on."""
    index: list[tuple[str, list[tuple[OfficialView, str]]]] = []
    seen: set[str] = set()
    links = pages[0][2].links
    for (_, part, _), (_, link) in zip(pages, links, strict=True):
        for country, v, _ in part:
            if v.name in seen:
                continue
            seen.add(v.name)
            if not index or index[-1][0] != country:
                index.append((country, []))
            index[-1][1].append((v, link))
    return index


def _quote_groups(
    views: dict[str, OfficialView],
) -> list[tuple[str, list[tuple[OfficialView, list[QuoteItem]]]]]:
    """Every quote, by country, then official (by name), then statement (newest first)."""
    groups = []
    for code in COUNTRY_ORDER:
        people = []
        for v in sorted((v for v in views.values() if v.country == code), key=lambda v: v.name):
            items = [QuoteItem(a.s, q) for a in v.spoke for q in a.quotes]
            if items:
                people.append((v, items))
        if people:
            groups.append((COUNTRY_NAMES[code], people))
    return groups
