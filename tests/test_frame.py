"""The parts of Material's page frame made once for the pages outside the navigation in one folder
(alliance_archive.frame): the site is the same as with every part made for every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import material
import pytest

from alliance_archive import frame
from tests.conftest import FIXTURES, SEEDS, build_project, make_project
from tests.test_page_cache import tree


def _page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def _nav(*items: Any) -> SimpleNamespace:
    return SimpleNamespace(items=list(items))  # frame reads only the navigation's items


def test_pages_outside_the_navigation_in_one_folder_share_their_frame() -> None:
    home, about = _page(""), _page("about/")
    nav = _nav(home, SimpleNamespace(title="More", children=[about]))
    assert frame.folder(_page("statements/a/"), nav) == "statements"
    assert frame.folder(_page("statements/b/"), nav) == "statements"
    assert frame.folder(_page("officials/kim/"), nav) == "officials"
    assert frame.folder(_page("statements/a.html"), nav) == "statements"  # without directory addresses


def test_a_page_in_the_navigation_has_a_frame_of_its_own() -> None:
    home, about = _page(""), _page("about/")
    nav = _nav(home, SimpleNamespace(title="More", children=[about]))
    assert frame.folder(about, nav) is None
    assert frame.folder(home, nav) is None
    assert frame.folder(None, nav) is None
    assert frame.folder(_page("statements/a/"), None) is None


def test_a_page_holding_something_the_navigation_links_to_has_a_frame_of_its_own() -> None:
    # its link to that address reads "data/" from it and "../a/data/" from its neighbours
    nav = _nav(_page(""), SimpleNamespace(title="Data", children=[_page("statements/a/data/")]))
    assert frame.folder(_page("statements/a/"), nav) is None
    assert frame.folder(_page("statements/b/"), nav) == "statements"


def test_a_part_is_kept_for_its_folder_only() -> None:
    nav = _nav(_page(""))
    frame._KEPT.clear()
    assert frame.kept("nav", _page("statements/a/"), nav) is None
    frame.keep("nav", _page("statements/a/"), nav, "<nav>statements</nav>")
    assert frame.kept("nav", _page("statements/b/"), nav) == "<nav>statements</nav>"
    assert frame.kept("tabs", _page("statements/b/"), nav) is None
    assert frame.kept("nav", _page("officials/kim/"), nav) is None
    assert frame.keep("nav", _page(""), _nav(_page("")), "<nav>home</nav>") == "<nav>home</nav>"
    assert frame.kept("nav", _page(""), _nav(_page(""))) is None  # in the navigation: never kept
    frame._KEPT.clear()


def _themed(body: str, header: str) -> jinja2.Environment:
    """A theme whose page template draws ``header`` through ``archive_frame_titled``."""
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"page.html": body, "header.html": header}), autoescape=False
    )
    frame.install(env, Path(material.__file__).resolve().parent / "templates")
    env.globals["shown"] = []
    return env


def _header_pages(env: jinja2.Environment, *pages: SimpleNamespace) -> list[str]:
    nav = _nav(_page(""))
    return [env.get_template("page.html").render(page=p, nav=nav) for p in pages]


def _titled(url: str, title: str, meta: dict[str, str] | None = None) -> SimpleNamespace:
    return SimpleNamespace(url=url, title=title, meta=meta or {})


@pytest.fixture
def no_header_kept() -> Iterator[None]:
    """No header kept from another test, before or after."""
    frame._AROUND.clear()
    frame._AROUND_NOT.clear()
    yield
    frame._AROUND.clear()
    frame._AROUND_NOT.clear()


@pytest.mark.usefixtures("no_header_kept")
def test_a_header_is_made_once_per_folder_and_shows_each_page_its_own_title() -> None:
    # the header notes each time it is made in a list (showing nothing of it)
    header = '<header>{{ shown.append(1) or "" }}[{{ page.meta.title or page.title }}]</header>'
    env = _themed('{{ archive_frame_titled("header", "header.html") }}', header)
    a, b = _titled("statements/a/", "Talks", {"title": "Meta title"}), _titled("statements/b/", "<b>Other")
    c = _titled("statements/c/", "Third", {"title": "Third's own"})
    assert _header_pages(env, a, b, c) == [
        "<header>[Meta title]</header>",
        "<header>[<b>Other]</header>",
        "<header>[Third's own]</header>",
    ]
    assert len(env.globals["shown"]) == 2  # for the first page, with its title and with the mark
    # a page of another folder gets a header of its own
    assert _header_pages(env, _titled("officials/kim/", "Kim")) == ["<header>[Kim]</header>"]
    assert len(env.globals["shown"]) == 4


@pytest.mark.usefixtures("no_header_kept")
def test_a_header_showing_the_title_twice_or_reading_differently_is_made_for_each_page() -> None:
    header = "{{ shown.append(1) or '' }}<h title='{{ page.title }}'>{{ page.title }}</h>"
    env = _themed('{{ archive_frame_titled("header", "header.html") }}', header)
    pages = [_titled(f"statements/{t}/", t) for t in ("One", "Two", "Three")]
    assert _header_pages(env, *pages) == [f"<h title='{t}'>{t}</h>" for t in ("One", "Two", "Three")]
    assert len(env.globals["shown"]) == 4  # tried with the mark for the first page only
    # the header writes the title otherwise than Material's does: the first page's check finds it
    header = '<h>{{ page.title | replace("O", "0") }}</h>'
    env = _themed('{{ archive_frame_titled("header", "header.html") }}', header)
    years = _titled("years/a/", "One"), _titled("years/b/", "TwO")
    assert _header_pages(env, *years) == ["<h>0ne</h>", "<h>Tw0</h>"]
    assert not frame._AROUND


def test_the_site_is_the_same_as_with_every_part_made_for_every_page(tmp_path: Path) -> None:
    seeds = {p.name: p.read_bytes() for p in [*SEEDS.glob("*.txt"), *(FIXTURES / "hostile").glob("*.txt")]}
    found: list[str] = []
    kept = frame.kept

    def counting(part: str, page: Any, nav: Any) -> Any:
        made = kept(part, page, nav)
        if made is not None:
            found.append(part)
        return made

    class Around(dict[tuple[str, str], tuple[str, str]]):
        def get(self, key: Any, default: Any = None) -> Any:
            made = super().get(key, default)
            if made is not None:
                found.append(key[0])
            return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frame, "kept", counting)
        patch.setattr(frame, "_AROUND", Around())
        shared = build_project(make_project(tmp_path / "shared", seeds))
        patch.setattr(frame, "folder", lambda page, nav: None)
        each = build_project(make_project(tmp_path / "each", seeds))
    # every part was found kept for some page (the statement pages after the first)
    assert set(found) == {"nav", "tabs", "footer", "config", "header"}
    assert tree(shared, skip=("pagefind/",)) == tree(each, skip=("pagefind/",))
