"""Stage 4: records to Markdown pages (Jinja templates in ``templates/``) and the JSON data file."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

import frontmatter
import jinja2
import yaml

from .extract import Theme, themes
from .record import Statement, archive_json
from .registry import COUNTRY_NAMES, COUNTRY_ORDER, Registry, Term, registry
from .textutil import md_escape, slugify

T = TypeVar("T")

# An index page lists at most this many statements; longer lists go on to numbered pages
# (years/2020.md, years/2020/2.md, ...), so no index page grows past a few hundred kilobytes.
LIST_PAGE_SIZE = 200
OFFICIAL_PAGE_SIZE = 100  # an official's page also shows each statement's quotes
# Above this many statements, the generated pages (statements, and each official's, year's and
# theme's listing) stay out of Material's header search, whose index every reader downloads whole
# before a first search (about 3.5 MB per 1,000 statements); statements are found through the
# Explore page's Pagefind index instead. The Officials, Years and Themes index pages stay in it.
MATERIAL_SEARCH_MAX_STATEMENTS = 500
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


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


def _quote_text(text: str) -> str:
    """A quote as shown between quotation marks: no trailing comma or colon from the sentence around it."""
    return text.strip().strip('\u201c\u201d"').rstrip(" ,;:")


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
    env.filters["longdate"] = _longdate
    env.filters["monthyear"] = _monthyear
    env.filters["quote_text"] = _quote_text
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

    ``base`` is a path under docs/ one folder deep (``years/2020``). An empty list still has its
    first page.
    """
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    stem = base.rsplit("/", 1)[-1]
    out = []
    for number, chunk in enumerate(chunks, 1):
        if number == 1:
            links = [(n, f"{stem}.md" if n == 1 else f"{stem}/{n}.md") for n in range(1, len(chunks) + 1)]
            path, up = f"{base}.md", "../"
        else:
            links = [(n, f"../{stem}.md" if n == 1 else f"{n}.md") for n in range(1, len(chunks) + 1)]
            path, up = f"{base}/{number}.md", "../../"
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


def statement_page(
    s: Statement, officials: dict[str, str], source_url: str, header_search: bool = True
) -> str:
    """The statement's page: its record as front matter (python-frontmatter), then the rendered body."""
    labels = {tid: t.label for tid, t in themes().items()}
    body = render("statement.md.jinja", s=s, officials=officials, theme_labels=labels, source_url=source_url)
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
    }
    if not header_search:
        meta["search"] = {"exclude": True}
    post = frontmatter.Post(body, None, **meta)
    return frontmatter.dumps(post, sort_keys=False, Dumper=_Dumper) + "\n"


def _description(s: Statement) -> str:
    who = ", ".join(p.name for p in s.speakers) or "Statement"
    when = _longdate(s.date) if s.date else "undated"
    return f"{who}, {when}: {s.title}"


def pages(
    statements: list[Statement],
    reg: Registry | None = None,
    repo_url: str = "",
    site_url: str = "",
    site_name: str = "Alliance Archive",
) -> dict[str, str]:
    """Every generated page, by its path under docs/ (as MkDocs sees it), and the JSON data file."""
    reg = reg or registry()
    out: dict[str, str] = {}
    views = officials_view(statements, reg)
    slugs = {name: v.slug for name, v in views.items()}
    header_search = len(statements) <= MATERIAL_SEARCH_MAX_STATEMENTS
    for s in statements:
        source_url = (
            f"{repo_url.rstrip('/')}/blob/main/{s.source_file}" if repo_url else f"../../{s.source_file}"
        )
        out[f"statements/{s.id}.md"] = statement_page(s, slugs, source_url, header_search)

    for v in views.values():
        items = [("spoke", a) for a in v.spoke] + [("mentioned", a) for a in v.mentioned_in]
        for path, part, pager in paginate(f"officials/{v.slug}", items, OFFICIAL_PAGE_SIZE):
            out[path] = render(
                "official.md.jinja",
                o=v,
                spoke=[a for kind, a in part if kind == "spoke"],
                mentioned=[a for kind, a in part if kind == "mentioned"],
                pager=pager,
                header_search=header_search,
            )
    groups = []
    for code in COUNTRY_ORDER:
        people = sorted((v for v in views.values() if v.country == code), key=lambda v: v.name)
        if people:
            groups.append((COUNTRY_NAMES[code], people))
    out["officials/index.md"] = render("officials_index.md.jinja", groups=groups)

    by_year: dict[str, list[Statement]] = {}
    for s in statements:
        by_year.setdefault(s.year, []).append(s)
    dated = sorted((y for y in by_year if y != "undated"), reverse=True)
    for y in dated:
        year_list = _newest_first(by_year[y])
        for path, chunk, pager in paginate(f"years/{y}", year_list, LIST_PAGE_SIZE):
            out[path] = render(
                "year.md.jinja",
                label=y,
                statements=chunk,
                total=len(year_list),
                undated=False,
                pager=pager,
                header_search=header_search,
            )
    undated = sorted(by_year.get("undated", []), key=lambda s: s.title)
    for path, chunk, pager in paginate("years/undated", undated, LIST_PAGE_SIZE):
        out[path] = render(
            "year.md.jinja",
            label="Undated statements",
            statements=chunk,
            total=len(undated),
            undated=True,
            pager=pager,
            header_search=header_search,
        )
    year_rows = [(y, y, len(by_year[y])) for y in dated] + [("Undated", "undated", len(undated))]
    out["years/index.md"] = render("years_index.md.jinja", years=year_rows, total=len(statements))

    by_theme: dict[str, list[Statement]] = {tid: [] for tid in themes()}
    for s in _newest_first(statements):
        for tid in s.themes:
            by_theme.setdefault(tid, []).append(s)
    theme_list: list[tuple[Theme, int]] = [(t, len(by_theme[t.id])) for t in themes().values()]
    for t, count in theme_list:
        for path, chunk, pager in paginate(f"themes/{t.id}", by_theme[t.id], LIST_PAGE_SIZE):
            out[path] = render(
                "theme.md.jinja", t=t, count=count, statements=chunk, pager=pager, header_search=header_search
            )
    out["themes/index.md"] = render("themes_index.md.jinja", themes=theme_list)

    newest = [s for s in _newest_first(statements) if s.date]
    span = (newest[-1].date[:4], newest[0].date[:4]) if newest else None  # type: ignore[index]
    out["index.md"] = render(
        "home.md.jinja",
        total=len(statements),
        officials=len(views),
        years=span,
        year_count=len(dated),
        undated=len(undated),
        themes=len(themes()),
        latest=(newest + [s for s in statements if not s.date])[:10],
    )
    feed_entries = (newest + [s for s in statements if not s.date])[:50]
    out["feed.xml"] = (
        xml_environment()
        .get_template("feed.xml.jinja")
        .render(
            site_url=site_url or "/",
            site_name=site_name,
            updated=newest[0].date if newest else dt.date.today().isoformat(),
            entries=feed_entries,
        )
    )
    out["data/statements.json"] = json.dumps(archive_json(statements), ensure_ascii=False, indent=1) + "\n"
    return out
