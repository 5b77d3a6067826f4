"""Share and find: a description from the article's first sentence, Open Graph and Twitter card tags,
a sitemap dated by each seed's last change, and a search index without the pages' evidence blocks."""

from __future__ import annotations

import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alliance_archive import history
from alliance_archive.textutil import sentences
from tests.conftest import build_project, make_project

SEED_A = """Allies Meet in Tokyo

TOKYO, May 2, 2022

Foreign Minister Yoshimasa Hayashi said the alliance remains the cornerstone of peace in the region.
"""
SEED_B = """Allies Meet in Seoul

SEOUL, June 3, 2022

Foreign Minister Park Jin said the alliance with the United States is stronger than ever before.
"""


class Meta(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, list[str]] = {}
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        key = values.get("name") or values.get("property")
        if tag == "meta" and key:
            self.tags.setdefault(key, []).append(values.get("content", ""))


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def test_statement_description_is_the_first_sentence(seeds_site: Path) -> None:
    for r in _records(seeds_site):
        meta = Meta((seeds_site / r["url"] / "index.html").read_text(encoding="utf-8")).tags
        first_paragraph = next(p for p in r["text"].split("\n\n") if not p.startswith(("#", "<")))
        first = sentences(" ".join(_plain(first_paragraph).split()))[0]
        assert meta["description"] == [first[:300].rsplit(" ", 1)[0] + "…" if len(first) > 300 else first]
        assert meta["og:description"] == meta["description"] == meta["twitter:description"]
        assert meta["og:title"] == [r["title"]] == meta["twitter:title"]
        assert meta.get("article:published_time", []) == ([r["date"]] if r["date"] else [])


@pytest.mark.parametrize("page", ["", "about/", "officials/", "themes/alliance/", "data/", "quotes/"])
def test_every_page_has_open_graph_and_twitter_tags(seeds_site: Path, page: str) -> None:
    meta = Meta((seeds_site / page / "index.html").read_text(encoding="utf-8")).tags
    assert meta["og:type"] == ["website"]
    assert meta["og:site_name"] == ["Alliance Archive"]
    assert meta["og:url"] == [f"https://alliance-archive.github.io/alliance-archive/{page}"]
    assert meta["og:title"][0] and meta["og:description"][0]
    assert meta["twitter:card"] == ["summary"]
    assert "citation_title" not in meta


def _sitemap(site: Path) -> dict[str, str | None]:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    out: dict[str, str | None] = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        loc = re.search(r"<loc>(.*?)</loc>", block).group(1)  # type: ignore[union-attr]
        lastmod = re.search(r"<lastmod>(.*?)</lastmod>", block)
        out[loc.removeprefix("https://alliance-archive.github.io/alliance-archive/")] = (
            lastmod.group(1) if lastmod else None
        )
    return out


def test_sitemap_dates_every_statement(seeds_site: Path) -> None:
    sitemap = _sitemap(seeds_site)
    for r in _records(seeds_site):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", sitemap[r["url"]] or ""), r["url"]


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org")
    env.update(GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00Z", GIT_COMMITTER_DATE=f"{date}T12:00:00Z")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env, timeout=60)


def _history_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, {"a.txt": SEED_A})
    _git(project, "init", "-q")
    _git(project, "add", "seeds/a.txt")
    _git(project, "commit", "-q", "-m", "a", date="2021-01-02")
    (project / "seeds" / "b.txt").write_text(SEED_B, encoding="utf-8")
    _git(project, "add", "seeds/b.txt")
    _git(project, "commit", "-q", "-m", "b", date="2022-05-06")
    (project / "seeds" / "a.yml").write_text("places: [Tokyo]\n", encoding="utf-8")
    _git(project, "add", "seeds/a.yml")
    _git(project, "commit", "-q", "-m", "a corrected", date="2023-07-08")
    return project


def test_last_changed_reads_each_seeds_last_commit(tmp_path: Path) -> None:
    project = _history_project(tmp_path)
    changed = history.last_changed(project)
    assert changed == {"seeds/a.txt": "2021-01-02", "seeds/b.txt": "2022-05-06", "seeds/a.yml": "2023-07-08"}
    assert history.lastmod(changed, "seeds/a.txt") == "2023-07-08"  # its correction changed later
    assert history.lastmod(changed, "seeds/b.txt") == "2022-05-06"
    assert history.lastmod(changed, "seeds/c.txt") is None


def test_no_history_outside_git_or_in_a_shallow_clone(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    assert history.last_changed(plain) == {}
    project = _history_project(tmp_path / "full")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(shallow))
    assert history.last_changed(shallow) == {}


def test_sitemap_uses_the_seeds_history(tmp_path: Path) -> None:
    project = _history_project(tmp_path)
    site = build_project(project, strict=True)
    sitemap = _sitemap(site)
    by_seed = {Path(r["source"]["file"]).name: r["url"] for r in _records(site)}
    assert sitemap[by_seed["a.txt"]] == "2023-07-08"
    assert sitemap[by_seed["b.txt"]] == "2022-05-06"


def test_search_index_leaves_out_the_evidence_blocks(seeds_site: Path) -> None:
    index = json.loads((seeds_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    records = _records(seeds_site)
    for r in records:
        docs = [d for d in index["docs"] if d["location"].split("#")[0] == r["url"]]
        assert docs, r["url"]
        text = " ".join(d["title"] + " " + d["text"] for d in docs)
        for block in ("Why these themes", "Source notes", "Cite this statement", "left out of the article"):
            assert block not in text, f"{r['url']}: {block}"
        for removed in r["removed"]:
            # a removed line that is not also the title or part of the article (a repeated headline)
            if len(removed["text"]) > 25 and removed["text"] not in r["text"] + r["title"]:
                assert removed["text"] not in text, f"{r['url']}: a removed line is searchable"
        assert "BibTeX" not in text and "@misc{" not in text
        # the article itself is indexed
        body = next(p for p in r["text"].split("\n\n") if not p.startswith(("#", "<")))
        words = _plain(body).split()[:6]
        assert " ".join(words) in " ".join(text.split()), r["url"]
