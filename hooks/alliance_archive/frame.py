"""The parts of Material's page frame that read the same on many pages, made once per build.

Material draws the site navigation into every page twice: the tabs along the top and the sidebar.
A page the navigation does not list (a statement page) is marked in neither, and every link in them
is made relative to the page's folder, so every such page in the same parent folder
(``statements/<id>/``) shows them exactly alike; so does the footer, which such a page has no
previous or next page in, and the page settings Material gives its scripts. The overrides
(``overrides/partials/nav.html``, ``tabs.html`` and ``footer.html``, and the ``config`` block of
``main.html``) take the part made for the first such page (:func:`made_once`, :func:`kept`) or make it
and keep it (:func:`keep`); any other page gets Material's own partial, made for it alone. The
header reads alike there too but for the page's title: ``overrides/partials/header.html`` takes the
header made for the first such page, around its title, and puts each page's title in
(:func:`made_around_title`). Material's templates stay reachable under ``material/``
(:func:`install`), for the overrides to include the partials they stand in for. A build starts with
none kept (:func:`install` forgets them), since the navigation may have changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

PREFIX = "material"  # Material's own templates, as the overrides include them ("material/partials/nav.html")

# (part, parent folder) -> the part as made for the first page outside the navigation in that folder
_KEPT: dict[tuple[str, str], markupsafe.Markup] = {}


def _addresses(items: Iterable[Any]) -> Iterator[str]:
    """The address of every page and link of the navigation, sections opened."""
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        children = getattr(item, "children", None)
        if children:
            yield from _addresses(children)


def folder(page: Any, nav: Any) -> str | None:
    """The parent folder whose pages outside the navigation share ``page``'s frame, or None where
    something the navigation links to lies at or inside the page's own address: the page is in the
    navigation (marked there as the current one), or the link would read differently from there."""
    if page is None or nav is None:
        return None
    url = getattr(page, "url", None)
    if not isinstance(url, str) or not url or any(a.startswith(url) for a in _addresses(nav.items)):
        return None
    return url.rstrip("/").rpartition("/")[0]


def kept(part: str, page: Any, nav: Any) -> markupsafe.Markup | None:
    """The ``part`` made already for a page sharing ``page``'s frame; None: make it."""
    where = folder(page, nav)
    return None if where is None else _KEPT.get((part, where))


def keep(part: str, page: Any, nav: Any, made: str) -> markupsafe.Markup:
    """``made``, kept for the other pages sharing ``page``'s frame (where there are any)."""
    html = markupsafe.Markup(made)
    where = folder(page, nav)
    if where is not None:
        _KEPT[(part, where)] = html
    return html


# the title a header made for a folder is made with, to be cut out there: no title holds it
_TITLE_MARK = "\x00archive-frame-title\x00"
# how Material's header writes a page's title (material/partials/header.html, "header-topic")
HEADER_TITLE = "archive/header-title.html"  # its name among the theme's templates
_HEADER_TITLE = (
    "{% if page.meta and page.meta.title %}{{ page.meta.title }}{% else %}{{ page.title }}{% endif %}"
)
# (part, parent folder) -> the part as made for the first page there, before and after its title
_AROUND: dict[tuple[str, str], tuple[str, str]] = {}
# the (part, folder) pairs whose part cannot be made once around the title
_AROUND_NOT: set[tuple[str, str]] = set()


class _Titled:
    """A page as it reads with another title (in its meta too, where it sets one there)."""

    def __init__(self, page: Any, title: str) -> None:
        self._page = page
        self.title = title
        meta = getattr(page, "meta", None)
        self.meta = {**meta, "title": title} if meta and meta.get("title") else meta

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@jinja2.pass_context
def made_around_title(context: jinja2.runtime.Context, part: str, template: str) -> markupsafe.Markup:
    """``template`` (Material's header) as the page being themed shows it. The header shows the page's
    title and otherwise reads alike on the pages sharing a frame: it is made once for them, with a
    mark for the title, and each page's own title is put where the mark was. Where the first page's
    header made that way differs from the one made with its title, each page gets its own."""
    page, nav = context.get("page"), context.get("nav")
    env = context.environment
    title = env.get_template(HEADER_TITLE).render(page=page)  # compiled and kept as the theme's are
    where = folder(page, nav)
    around = _AROUND.get((part, where)) if where is not None else None
    if around is None:
        made = env.get_template(template).render(context.get_all())
        if where is None or (part, where) in _AROUND_NOT:
            return markupsafe.Markup(made)
        marked = env.get_template(template).render({**context.get_all(), "page": _Titled(page, _TITLE_MARK)})
        before, mark, after = marked.partition(_TITLE_MARK)
        if not mark or before + title + after != made:
            _AROUND_NOT.add((part, where))
            return markupsafe.Markup(made)
        around = _AROUND[(part, where)] = (before, after)
    return markupsafe.Markup(around[0] + title + around[1])


@jinja2.pass_context
def made_once(context: jinja2.runtime.Context, part: str, template: str) -> markupsafe.Markup:
    """``template`` (one of Material's partials) as the page being themed shows it: kept from a page
    sharing its frame, else made now with the page's context (and kept where others share it)."""
    page, nav = context.get("page"), context.get("nav")
    made = kept(part, page, nav)
    if made is None:
        made = keep(part, page, nav, context.environment.get_template(template).render(context.get_all()))
    return made


def install(env: jinja2.Environment, material_templates: Path) -> None:
    """Make Material's own templates reachable under ``material/``, and the header's title as a
    template of the theme, and give the overrides
    ``archive_frame`` (a partial made once), ``archive_frame_kept`` and ``archive_frame_keep`` (for a
    block of the overrides' own); forget the parts a previous build kept."""
    _KEPT.clear()
    _AROUND.clear()
    _AROUND_NOT.clear()
    if env.loader is not None and not getattr(env.loader, "archive_frame", False):
        loader = jinja2.ChoiceLoader(
            [
                env.loader,
                jinja2.PrefixLoader({PREFIX: jinja2.FileSystemLoader(str(material_templates))}),
                jinja2.DictLoader({HEADER_TITLE: _HEADER_TITLE}),
            ]
        )
        loader.archive_frame = True  # type: ignore[attr-defined]
        env.loader = loader
    env.globals["archive_frame"] = made_once
    env.globals["archive_frame_titled"] = made_around_title
    env.globals["archive_frame_kept"] = kept
    env.globals["archive_frame_keep"] = keep
