"""The parts of Material's page frame made once for the pages outside the navigation in one folder
(alliance_archive.frame): the site is the same as with every part made for every page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

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


def test_the_site_is_the_same_as_with_every_part_made_for_every_page(tmp_path: Path) -> None:
    seeds = {p.name: p.read_bytes() for p in [*SEEDS.glob("*.txt"), *(FIXTURES / "hostile").glob("*.txt")]}
    found: list[str] = []
    kept = frame.kept

    def counting(part: str, page: Any, nav: Any) -> Any:
        made = kept(part, page, nav)
        if made is not None:
            found.append(part)
        return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frame, "kept", counting)
        shared = build_project(make_project(tmp_path / "shared", seeds))
        patch.setattr(frame, "kept", lambda part, page, nav: None)
        each = build_project(make_project(tmp_path / "each", seeds))
    # every part was found kept for some page (the statement pages after the first)
    assert set(found) == {"nav", "tabs", "footer", "config"}
    assert tree(shared, skip=("pagefind/",)) == tree(each, skip=("pagefind/",))
