"""The build converts every page with one Markdown converter, reset before each page, where MkDocs sets
up a converter per page: the pages come out the same, one after another, whatever came before."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from alliance_archive import rawblocks
from tests.conftest import ROOT

PAGES = {
    "one.md": "# One\n\n## Talks { #talks }\n\nText with a [link](two.md#later) and a footnote-like [^x].\n\n"
    f'{rawblocks.START}\n<div id="kept"><p>raw *HTML*</p></div>\n{rawblocks.END}\n\n'
    '<div markdown="1">\n**inside** a block\n</div>\n\n!!! note\n    An admonition.\n\n[ref]: https://example.org\n',
    "two.md": "# Two\n\n## Later\n\nA [reference][ref] that only the first page defines.\n\n## Talks\n\n"
    '<p>raw html</p>\n\n??? info "Details"\n    Folded.\n',
    "three.md": "",
    "four.md": "Plain text, no heading: the title comes from elsewhere.\n\n## Talks\n",
}


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("archive_hook_under_test", ROOT / "hooks" / "archive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _site(tmp_path: Path) -> tuple[MkDocsConfig, Files]:
    docs = tmp_path / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    site = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.load_dict(
        {
            "site_name": "Test",
            "docs_dir": str(docs),
            "site_dir": str(tmp_path / "site"),
            "markdown_extensions": site["markdown_extensions"],  # the site's own
        }
    )
    errors, _ = config.validate()
    assert not errors, errors
    config.markdown_extensions.append(rawblocks.RawBlocks())
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in PAGES])
    return config, files


def _rendered(page: Page) -> tuple[object, ...]:
    toc = [(item.id, item.title, [(c.id, c.title) for c in item.children]) for item in page.toc]
    return (page.content, toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors)


def test_pages_converted_in_turn_with_one_converter_are_those_mkdocs_makes(
    hook: ModuleType, tmp_path: Path
) -> None:
    config, files = _site(tmp_path)
    order = [*PAGES, *reversed(PAGES), *PAGES]  # each page after each other one
    ours, theirs = [], []
    for name in order:
        for out, render in ((ours, hook._render), (theirs, None)):
            page = Page(None, files.get_file_from_path(name), config)
            page.markdown = PAGES[name]
            if render is None:
                page.render(config, files)
            else:
                render(page, config, files)
            out.append(_rendered(page))
    assert ours == theirs
    assert any("<h2" in str(r[0]) for r in ours) and any(r[1] for r in ours)


def test_a_new_config_gets_a_new_converter(hook: ModuleType, tmp_path: Path) -> None:
    first, _ = _site(tmp_path / "a")
    second, _ = _site(tmp_path / "b")
    assert hook._converter(first) is hook._converter(first)
    assert hook._converter(second) is not hook._converter(first)
