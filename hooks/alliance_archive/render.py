"""Stage 4: records to Markdown pages (Jinja templates in ``templates/``) and the JSON data file."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import frontmatter
import jinja2

from .extract import Theme, themes
from .record import Removed, Statement, archive_json
from .registry import COUNTRY_NAMES, COUNTRY_ORDER, Registry, Term, registry
from .textutil import md_escape, slugify


def _longdate(value: object) -> str:
    if value is None or value == "":
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


def _monthyear(value: object) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day:%B %Y}"


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
    env.filters["longdate"] = _longdate
    env.filters["monthyear"] = _monthyear
    env.filters["quote_text"] = _quote_text
    env.filters["removed_groups"] = _removed_groups
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


def statement_page(s: Statement, officials: dict[str, str], source_url: str) -> str:
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
    post = frontmatter.Post(body, None, **meta)
    return frontmatter.dumps(post, sort_keys=False) + "\n"


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
    for s in statements:
        source_url = (
            f"{repo_url.rstrip('/')}/blob/main/{s.source_file}" if repo_url else f"../../{s.source_file}"
        )
        out[f"statements/{s.id}.md"] = statement_page(s, slugs, source_url)

    for v in views.values():
        out[f"officials/{v.slug}.md"] = render("official.md.jinja", o=v)
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
        out[f"years/{y}.md"] = render(
            "year.md.jinja", label=y, statements=_newest_first(by_year[y]), undated=False
        )
    undated = sorted(by_year.get("undated", []), key=lambda s: s.title)
    out["years/undated.md"] = render(
        "year.md.jinja", label="Undated statements", statements=undated, undated=True
    )
    year_rows = [(y, y, len(by_year[y])) for y in dated] + [("Undated", "undated", len(undated))]
    out["years/index.md"] = render("years_index.md.jinja", years=year_rows, total=len(statements))

    counts = {tid: sum(1 for s in statements if tid in s.themes) for tid in themes()}
    theme_list: list[tuple[Theme, int]] = [(t, counts[t.id]) for t in themes().values()]
    for t, count in theme_list:
        out[f"themes/{t.id}.md"] = render("theme.md.jinja", t=t, count=count)
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
