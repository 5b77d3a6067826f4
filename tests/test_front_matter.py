"""A statement page's front matter is read as the data it was written from, not parsed again.

The archive writes each statement page's record as YAML front matter, and keeps the same front matter
as data beside it (``render.FrontMatter``); the build gives a page that data instead of having MkDocs
parse the YAML, which on a large archive cost more than a third of converting the page. The data is
what the YAML reads back, for every seed, hostile ones included; the site is the same, byte for
byte, as a build that parses every page's YAML; and a page whose text is not the one generated (a
later hook edited it) has its YAML parsed, so the edit shows."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from mkdocs.utils import meta as mkdocs_meta

from alliance_archive import frontyaml, pipeline, render
from tests.conftest import FIXTURES, SEEDS, build_project, make_project
from tests.test_page_cache import tree

# titles and text YAML would read as something else unless the writer quoted them, and characters
# its writer escapes or folds
TRICKY = {
    "yes.txt": "Yes\n\nWashington, 2 May 2023\n\nSecretary of State Antony Blinken said: no.\n",
    "dated.txt": "2023-05-02\n\nTokyo, 2 May 2023\n\nPrime Minister Fumio Kishida met the press.\n",
    "marks.txt": (
        "- item: {a: [1, 2]} & *alias !!python/object '---' # note\n\nSeoul, 3 June 2022\n\n"
        'Foreign Minister Park Jin said ---\nand then: "null" ~ | > %YAML.\n'
    ),
    "spaces.txt": (
        "  Leading and trailing  \t\n\nSeoul, 3 June 2022\n\n"
        "Minister Park Jin said a\u2028line and\u0085next\u00a0words\ttabbed  \n"
    ),
    "long.txt": "Talks " + "word " * 400 + "\n\nSeoul, 3 June 2022\n\nMinister Park Jin spoke at length.\n",
}


def statement_front_matter(seeds: Path) -> list[tuple[str, str, render.FrontMatter]]:
    archive = pipeline.build_archive(seeds, jobs=0)
    fronts: dict[str, render.FrontMatter] = {}
    pages = dict(render.iter_pages(archive.statements, front_matter=fronts))
    assert fronts.keys() == {f"statements/{s.id}.md" for s in archive.statements}
    return [(path, pages[path], front) for path, front in fronts.items()]


@pytest.mark.parametrize("seeds", ["sample", "hostile", "tricky"])
def test_the_front_matter_kept_as_data_is_what_its_yaml_reads_back(tmp_path: Path, seeds: str) -> None:
    if seeds == "sample":
        folder = SEEDS
    else:
        folder = tmp_path / "seeds"
        folder.mkdir()
        files = (
            {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "hostile").glob("*.txt")}
            if seeds == "hostile"
            else TRICKY
        )
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    found = statement_front_matter(folder)
    assert found
    for path, page, front in found:
        markdown, parsed = mkdocs_meta.get_data(page)  # what MkDocs makes of the page
        yaml_text = mkdocs_meta.YAML_RE.match(page).group(1)  # type: ignore[union-attr]
        assert front.matches(yaml_text), path
        assert front.meta() == parsed, path
        # and the pure-Python reader too
        assert front.meta() == yaml.load(yaml_text, Loader=yaml.SafeLoader), path
        assert parsed["record"]["id"] in path
        assert markdown.startswith("# "), path


def test_each_read_gives_its_own_copy_of_the_front_matter() -> None:
    front = statement_front_matter(SEEDS)[0][2]
    first = front.meta()
    first["record"]["title"] = "changed by one page's handler"
    assert front.meta()["record"]["title"] != first["record"]["title"]


def test_front_matter_holding_a_lone_surrogate_is_kept_and_matched() -> None:
    """Text read with its undecodable bytes kept as lone surrogates still checks against its YAML."""
    yaml_text = 'title: "Harbor \udcff talks"\n'  # as MkDocs' pattern finds it, with its line end
    front = render.FrontMatter.of(f"---\n{yaml_text}---\n\nBody\n", {"title": "Harbor \udcff talks"})
    assert front is not None
    assert front.matches(yaml_text)
    assert not front.matches(yaml_text.replace("\udcff", "?"))
    assert front.meta() == {"title": "Harbor \udcff talks"}


@pytest.fixture(autouse=True)
def large_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 0)


def parsed_statement_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the statement pages whose YAML front matter MkDocs parses from now on."""
    parsed: list[str] = []
    get_data = mkdocs_meta.get_data

    def recording(doc: str) -> tuple[str, dict[str, Any]]:
        markdown, data = get_data(doc)
        if isinstance(data.get("record"), dict):
            parsed.append(data["record"]["id"])
        return markdown, data

    monkeypatch.setattr(mkdocs_meta, "get_data", recording)
    return parsed


def test_a_build_reads_no_statement_pages_yaml_and_makes_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one process (no workers): every page is read where the recording sees it
    parsed = parsed_statement_pages(monkeypatch)
    site = build_project(make_project(tmp_path / "data", SEEDS, archive={"jobs": 0}))
    assert parsed == []
    statements = sorted((site / "statements").glob("*/index.html"))
    assert len(statements) == len(list(SEEDS.glob("*.txt")))

    monkeypatch.setattr(render.FrontMatter, "of", classmethod(lambda cls, page, meta: None))
    parsed_site = build_project(make_project(tmp_path / "parsed", SEEDS, archive={"jobs": 0}))
    assert len(parsed) == len(statements)  # the YAML of every statement page parsed this time
    assert tree(site, skip=("pagefind/",)) == tree(parsed_site, skip=("pagefind/",))


EDITING_HOOK = """
def on_files(files, config):
    for file in files:
        if file.src_uri.startswith("statements/") and file.src_uri.endswith(".md"):
            text = file.content_string
            file.content_string = text.replace('\\nog_type: "article"\\n', '\\nog_type: "edited"\\n', 1)
    return files
"""


def test_a_page_edited_after_it_was_generated_has_its_yaml_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path, SEEDS, archive={"jobs": 0})
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"].append("editing_hook.py")  # after the archive's own hook
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (project / "editing_hook.py").write_text(EDITING_HOOK, encoding="utf-8")
    parsed = parsed_statement_pages(monkeypatch)
    with caplog.at_level(logging.WARNING):
        site = build_project(project)
    statements = sorted((site / "statements").glob("*/index.html"))
    assert statements and len(parsed) == len(statements)
    for page in statements:
        html = page.read_text(encoding="utf-8")
        assert '<meta property="og:type" content="edited">' in html, page


# texts YAML would read as something else unless quoted, and characters it escapes, folds or refuses
_TRICKY_TEXT = st.sampled_from(
    [
        "",
        "yes",
        "No",
        "ON",
        "null",
        "~",
        "2023-05-02",
        "1e3",
        "0x1F",
        ".inf",
        "- a",
        "a: b",
        "'q'",
        "#c",
        "---",
        "...",
        "<<",
        "=",
        "&a *a !!str",
        '"q" \\ \\n',
        " lead",
        "trail ",
        "a\nb",
        "a\r\nb",
        "\t",
        "\x85",
        "\u2028\u2029",
        "\ufeff",
        "\x00\x07\x1b\x7f\x9f",
        "\ud83d\ude00",
        "\U0001f600",
        "\ufffe\uffff",
    ]
)
_TEXT = st.text() | _TRICKY_TEXT | st.lists(_TRICKY_TEXT | st.text(max_size=3)).map("".join)
_SCALARS = _TEXT | st.integers() | st.booleans() | st.none()
_KEYS = _TEXT.filter(lambda key: len(key) <= 40)
_FRONT = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(_KEYS, _FRONT, min_size=1, max_size=6))
@example({"title": "Yes", "record": {"date": "2023-05-02", "speakers": [], "n": 3, "ok": True, "x": None}})
@example({"a": [[1, [2, {"b": [3]}]], {}], "c": {"d": {"e": []}}, "": {"---": "..."}})
def test_the_front_matter_reads_back_as_the_data_it_was_written_from(meta: dict[str, Any]) -> None:
    """Whatever the texts hold, the YAML the archive writes reads back as the same data: with PyYAML's
    pure-Python reader, with libyaml's and with MkDocs' own reading of a page (which uses libyaml).
    libyaml refuses the escape of a lone surrogate, which no decoded seed holds (alliance_archive.read
    repairs them), so only the pure-Python reader is asked to read one."""
    text = frontyaml.dump(meta)
    assert yaml.load(text, Loader=yaml.SafeLoader) == meta
    if re.search(r"\\u[dD][89a-fA-F]", text):
        return
    assert yaml.load(text, Loader=yaml.CSafeLoader) == meta
    page = frontmatter.dumps(frontmatter.Post("# Body", None, **meta), handler=frontyaml.Handler())
    body, parsed = mkdocs_meta.get_data(page)
    assert parsed == meta
    assert body == "# Body"


@given(_TEXT)
@example("line\nbreak\u2028and\x85more\r")
def test_each_text_is_one_line_of_yaml_however_it_breaks(text: str) -> None:
    """A seed's text cannot close the front matter or start a line of YAML of its own."""
    written = frontyaml.dump({"title": text, "list": [text]})
    assert written.count("\n") == 3
    assert written.splitlines()[0].startswith('title: "')
    assert written.splitlines()[2].startswith('- "')


def test_a_list_used_twice_is_written_twice_not_as_an_alias() -> None:
    shared = ["one", "two"]
    written = frontyaml.dump({"a": shared, "b": {"c": shared}})
    assert written == 'a:\n- "one"\n- "two"\nb:\n  c:\n  - "one"\n  - "two"\n'
    assert "&" not in written and "*" not in written


def test_keys_are_bare_words_where_yaml_reads_them_as_text() -> None:
    written = frontyaml.dump({"og_type": 1, "yes": 2, "Off": 3, "two words": 4, "2023": 5, "": 6})
    assert written.splitlines() == [
        "og_type: 1",
        '"yes": 2',
        '"Off": 3',
        '"two words": 4',
        '"2023": 5',
        '"": 6',
    ]


def test_scalars_are_written_as_yaml_writes_them_and_escapes_in_their_short_forms() -> None:
    meta = {
        "t": True,
        "f": False,
        "n": None,
        "y": -3,
        "s": 'say "a\\b"\n\t\r\x85\x00\x7f\u2028\ufeff \u00e9\u2019\U0001f600',
    }
    assert frontyaml.dump(meta) == (
        't: true\nf: false\n"n": null\n"y": -3\n'
        's: "say \\"a\\\\b\\"\\n\\t\\r\\x85\\x00\\x7F\\u2028\\uFEFF \u00e9\u2019\U0001f600"\n'
    )
    page = frontmatter.dumps(frontmatter.Post("Body", None, **meta), handler=frontyaml.Handler())
    assert page == "---\n" + frontyaml.dump(meta) + "---\n\nBody"


@pytest.mark.parametrize(
    ("meta", "refusal"),
    [
        ({"n": 1.5}, "not 1.5"),
        ({"d": {1: "x"}}, "key must be text, not 1"),
        ({"s": {"a"}}, "not {'a'}"),
        ({"k" * 1001: 1}, "at most 1000 characters, not 1001"),
    ],
)
def test_front_matter_that_is_not_text_numbers_lists_and_mappings_is_refused(
    meta: dict[Any, Any], refusal: str
) -> None:
    with pytest.raises((TypeError, ValueError), match=re.escape(refusal)):
        frontyaml.dump(meta)


def test_a_key_of_the_longest_length_a_reader_takes_is_written() -> None:
    key = "k" * 1000
    assert yaml.safe_load(frontyaml.dump({key: 1, " " + key[1:]: 2})) == {key: 1, " " + key[1:]: 2}
