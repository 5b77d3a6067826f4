"""Every odd file an editor can drop into seeds/: each builds a statement page with the right text,
or is refused with exactly one warning naming the file and the reason while the rest of the site
builds (and ``mkdocs build --strict`` fails on it). Bad corrections name the seed and the field, and
no Python traceback reaches an editor for a problem in their data."""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import build_project, make_project

NORMAL_NAME = "normal.txt"
NORMAL = (
    "\n\n".join(
        [
            "Allies Pledge Closer Cooperation on Maritime Security",
            "WASHINGTON, March 3, 2021",
            "Secretary of State Antony Blinken said on Wednesday that the United States and Japan "
            "will deepen their cooperation on maritime security in the region.",
            "The two governments agreed to hold further talks on supply chains and economic security "
            "later this year, officials said.",
        ]
    )
    + "\n"
)
NORMAL_TITLE = "Allies Pledge Closer Cooperation on Maritime Security"

# Curly quotes, a dash and accented letters: what a legacy encoding gets wrong first.
ACCENTED_TITLE = "Japan’s Minister Says Alliance “Stronger Than Ever” — Café Talks"
ACCENTED = (
    "\n\n".join(
        [
            ACCENTED_TITLE,
            "TOKYO, May 2, 2022",
            "Japan’s foreign minister said on Monday that the alliance with the United States was "
            "“stronger than ever” after talks at a café near the ministry.",
            "The minister added that both governments would keep working together on regional security, "
            "naïve as some critics might find it.",
        ]
    )
    + "\n"
)
ACCENTED_BODY = [
    "Japan’s foreign minister said on Monday that the alliance with the United States was "
    "“stronger than ever” after talks at a café near the ministry.",
    "naïve as some critics might find it.",
]


def statements(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def record_for(site: Path, name: str) -> dict:
    found = [r for r in statements(site) if r["source"]["file"] == f"seeds/{name}"]
    assert len(found) == 1, f"seeds/{name} gave {len(found)} statements"
    return found[0]


def page_html(site: Path, record: dict) -> str:
    page = site / record["url"] / "index.html"
    assert page.is_file(), record["url"]
    return page.read_text(encoding="utf-8")


def assert_normal_seed_built(site: Path) -> None:
    record = record_for(site, NORMAL_NAME)
    assert record["title"] == NORMAL_TITLE
    assert (site / record["url"] / "index.html").is_file()


def assert_builds_as_text(build_site, name: str, data: bytes) -> dict:
    """Build ``data`` as seeds/NAME beside a normal seed; return its record (no warning allowed)."""
    site = build_site({name: data, NORMAL_NAME: NORMAL})
    assert_normal_seed_built(site)
    record = record_for(site, name)
    html = page_html(site, record)
    assert record["title"] in html or record["title"].replace("’", "&rsquo;") in html
    return record


def assert_refused(
    build_site, tmp_path: Path, warnings_logged: list, seeds: dict, name: str, reason: str
) -> None:
    """One warning naming seeds/NAME and the reason; the normal seed still built; --strict fails."""
    site = build_site(seeds)
    messages = [r.getMessage() for r in warnings_logged]
    assert len(messages) == 1, messages
    assert f"seeds/{name}" in messages[0]
    assert re.search(reason, messages[0], re.I), messages[0]
    assert "Traceback" not in messages[0]
    assert_normal_seed_built(site)
    assert not [r for r in statements(site) if r["source"]["file"] == f"seeds/{name}"]
    with pytest.raises(Abort):
        build_project(make_project(tmp_path / "strict", seeds), strict=True)


# --- seeds that cannot become a page -------------------------------------------------------------


@pytest.mark.expect_warnings
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n\n", "\u00a0\u2003\n \n".encode()])
def test_empty_or_whitespace_seed_is_refused(build_site, tmp_path, warnings_logged, content) -> None:
    seeds = {"blank.txt": content, NORMAL_NAME: NORMAL}
    assert_refused(build_site, tmp_path, warnings_logged, seeds, "blank.txt", r"empty|no text")


def _random_bytes(n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


@pytest.mark.expect_warnings
@pytest.mark.parametrize(
    "content",
    [
        _random_bytes(6000, 1),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(3000, 2),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _random_bytes(3000, 3),
    ],
    ids=["random", "png", "zip"],
)
def test_binary_file_named_txt_is_refused(build_site, tmp_path, warnings_logged, content) -> None:
    seeds = {"photo.txt": content, NORMAL_NAME: NORMAL}
    assert_refused(build_site, tmp_path, warnings_logged, seeds, "photo.txt", r"not text|binary")


@pytest.mark.expect_warnings
def test_link_outside_the_seeds_folder_is_refused(tmp_path, warnings_logged) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text(NORMAL.replace("Maritime Security", "Secrets From Outside"), encoding="utf-8")
    for where in ("plain", "strict"):
        project = make_project(tmp_path / where, {NORMAL_NAME: NORMAL})
        (project / "seeds" / "evil.txt").symlink_to(secret)
        (project / "seeds" / "up.txt").symlink_to(Path("..") / ".." / "outside.txt")
        if where == "plain":
            site = build_project(project)
            messages = sorted(r.getMessage() for r in warnings_logged)
            assert len(messages) == 2, messages
            for name, message in zip(["evil.txt", "up.txt"], messages, strict=True):
                assert f"seeds/{name}" in message
                assert re.search(r"outside|link", message, re.I), message
            assert_normal_seed_built(site)
            assert [r["source"]["file"] for r in statements(site)] == [f"seeds/{NORMAL_NAME}"]
            assert "Secrets From Outside" not in (site / "data" / "statements.json").read_text("utf-8")
        else:
            with pytest.raises(Abort):
                build_project(project, strict=True)


def test_link_inside_the_seeds_folder_builds(tmp_path) -> None:
    project = make_project(tmp_path, {NORMAL_NAME: NORMAL})
    (project / "seeds" / "alias.txt").symlink_to(NORMAL_NAME)
    site = build_project(project, strict=True)
    assert_normal_seed_built(site)


# --- encodings and line ends ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ACCENTED.encode("utf-16"),  # with its byte-order mark
        codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"),
        codecs.BOM_UTF8 + ACCENTED.encode("utf-8"),
    ],
    ids=["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"],
)
def test_byte_order_marks_decode(build_site, data) -> None:
    record = assert_builds_as_text(build_site, "bom.txt", data)
    assert record["title"] == ACCENTED_TITLE
    assert record["date"] == "2022-05-02"
    for sentence in ACCENTED_BODY:
        assert sentence in record["text"]
    assert "\ufeff" not in record["title"] + record["text"]


def test_windows_1252_without_bom_decodes(build_site) -> None:
    record = assert_builds_as_text(build_site, "cp1252.txt", ACCENTED.encode("cp1252"))
    assert record["title"] == ACCENTED_TITLE
    for sentence in ACCENTED_BODY:
        assert sentence in record["text"]


def test_latin_1_without_bom_decodes(build_site) -> None:
    plain = ACCENTED.translate(str.maketrans({"’": "'", "“": '"', "”": '"', "—": "-"}))
    record = assert_builds_as_text(build_site, "latin1.txt", plain.encode("latin-1"))
    assert record["title"] == 'Japan\'s Minister Says Alliance "Stronger Than Ever" - Café Talks'
    assert "talks at a café near the ministry." in record["text"]
    assert "naïve as some critics" in record["text"]


def test_mojibake_is_repaired(build_site) -> None:
    # UTF-8 read as Windows-1252 and saved again as UTF-8: "Japanâ€™s", "cafÃ©"
    broken = ACCENTED.replace("“", '"').replace("”", '"').encode("utf-8").decode("cp1252").encode("utf-8")
    assert "â€™".encode() in broken and "Ã©".encode() in broken
    record = assert_builds_as_text(build_site, "mojibake.txt", broken)
    assert record["title"] == 'Japan’s Minister Says Alliance "Stronger Than Ever" — Café Talks'
    assert "Japan’s foreign minister" in record["text"]
    assert "a café near the ministry" in record["text"]
    assert "naïve" in record["text"]
    for garbage in ("â€", "Ã"):
        assert garbage not in record["title"] + record["text"]


def test_nul_bytes_are_dropped(build_site) -> None:
    data = ACCENTED.replace("foreign minister", "foreign\x00 minis\x00ter").encode("utf-8") + b"\x00\x00"
    record = assert_builds_as_text(build_site, "nul.txt", data)
    assert record["title"] == ACCENTED_TITLE
    assert ACCENTED_BODY[0] in record["text"]
    assert "\x00" not in json.dumps(record, ensure_ascii=False).replace("\\u0000", "\x00")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_line_ends(build_site, newline) -> None:
    data = ACCENTED.replace("\n", newline).encode("utf-8")
    record = assert_builds_as_text(build_site, "lineends.txt", data)
    assert record["title"] == ACCENTED_TITLE
    assert record["date"] == "2022-05-02"
    every_string = json.dumps(record, ensure_ascii=False)
    assert "\\r" not in every_string and "\r" not in every_string
    for sentence in ACCENTED_BODY:
        assert sentence in record["text"]
    # removed lines are numbered as the editor sees them: title on line 1, dateline on line 3
    removed = {r["line"]: r["text"] for r in record["removed"]}
    assert removed.get(1) == ACCENTED_TITLE
    assert removed.get(3) == "TOKYO, May 2, 2022"


# --- size -----------------------------------------------------------------------------------------

# A guard against a hang, not a speed target: build speed is measured by benchmarks/bench_build.py.
BUILD_BUDGET_SECONDS = 600


def _paragraph(i: int) -> str:
    return (
        f"In meeting number {i}, the delegations reviewed item {i * 7 % 1000} of the agenda and agreed that "
        f"the alliance remains central to peace and security in the region. Officials noted that working "
        f"group {i % 97} would report on supply chains and maritime security before session {i + 1} convenes."
    )


def _build_in_subprocess(project: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not finish within {timeout} s")


def test_five_megabyte_seed_builds(tmp_path) -> None:
    paragraphs = []
    size, i = 0, 0
    while size < 5 * 1024 * 1024:
        paragraphs.append(_paragraph(i))
        size += len(paragraphs[-1]) + 2
        i += 1
    text = "Allies Meet in Tokyo for Annual Security Talks\n\nTOKYO, May 2, 2022\n\n" + "\n\n".join(
        paragraphs
    )
    # about a million words, far beyond any article: building it takes longer than the default time
    # budget of one seed, so this archive raises it (as the README tells editors of such archives)
    project = make_project(
        tmp_path, {"big.txt": text + "\n", NORMAL_NAME: NORMAL}, archive={"seed_time_budget": 120}
    )
    done = _build_in_subprocess(project, BUILD_BUDGET_SECONDS)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    site = project / "site"
    assert_normal_seed_built(site)
    record = record_for(site, "big.txt")
    assert record["title"] == "Allies Meet in Tokyo for Annual Security Talks"
    assert record["date"] == "2022-05-02"
    for k in (0, i // 2, i - 1):  # nothing of the article is lost
        assert _paragraph(k) in record["text"]
    assert (site / record["url"] / "index.html").is_file()


def test_one_megabyte_single_line_seed_builds(tmp_path) -> None:
    """A page copied with every line break lost: one 1 MB line, headline first."""
    sentences = []
    size, i = 0, 0
    while size < 1024 * 1024:
        sentences.append(_paragraph(i))
        size += len(sentences[-1]) + 1
        i += 1
    line = "Allies Meet in Tokyo for Annual Security Talks. " + " ".join(sentences)
    assert "\n" not in line
    # cleaning reads a 1 MB line as one piece several times over: about 10 s on a slow machine, near
    # the default time budget of a seed; this test is about keeping the text, so it allows more
    project = make_project(
        tmp_path, {"line.txt": line, NORMAL_NAME: NORMAL}, archive={"seed_time_budget": 120}
    )
    done = _build_in_subprocess(project, BUILD_BUDGET_SECONDS)
    assert done.returncode == 0, done.stderr[-2000:]
    site = project / "site"
    assert_normal_seed_built(site)
    record = record_for(site, "line.txt")
    # a headline, not the whole article, is the title; the article text keeps every sentence
    assert 0 < len(record["title"]) <= 300, f"title of {len(record['title'])} characters"
    assert len(record["id"]) <= 80
    for k in (0, i // 2, i - 1):
        assert _paragraph(k) in record["text"]


# --- text that looks like front matter ------------------------------------------------------------

DASHES = """---
title: Pwned Title From Front Matter
layout: pwned
tags: [pwned]
---

Allies Meet in Tokyo for Annual Security Talks

TOKYO, May 2, 2022

Foreign Minister Yoshimasa Hayashi said the alliance remains the cornerstone of peace in the region.

---

The ministers agreed to meet again next year to review progress on the commitments made at the talks.
"""


def test_seed_opening_with_dashes_is_text_not_front_matter(build_site) -> None:
    record = assert_builds_as_text(build_site, "dashes.txt", DASHES.encode("utf-8"))
    # not read as YAML front matter, nor as an editor's correction
    assert record["title"] != "Pwned Title From Front Matter"
    assert "pwned" not in json.dumps(record["themes"]).lower()
    assert record["date"] == "2022-05-02"
    # nothing is lost: every line is either in the text or listed as removed with a reason
    raw = DASHES.split("\n")
    removed = {r["line"]: r for r in record["removed"]}
    for number, line in enumerate(raw, start=1):
        if line.strip() and line.strip() != "---" and number not in removed:
            assert line in record["text"] or line == record["title"], f"line {number} lost: {line!r}"
    for r in removed.values():
        assert r["text"] == raw[r["line"] - 1] and r["reason"]
    assert "Foreign Minister Yoshimasa Hayashi said the alliance" in record["text"]


# --- slugs and file names -------------------------------------------------------------------------


def _same_title(date: str) -> str:
    return NORMAL.replace(NORMAL_TITLE, "Joint Statement").replace("March 3, 2021", date)


SAME_TITLE_SEEDS: dict[str, bytes | str] = {
    "b-joint.txt": _same_title("March 3, 2021"),
    "a-joint.txt": _same_title("March 3, 2021"),
    "c-joint.txt": _same_title("April 9, 2020"),
    NORMAL_NAME: NORMAL,
}


def test_same_title_gives_distinct_stable_slugs(tmp_path) -> None:
    def ids(where: str, seeds: dict) -> dict[str, str]:
        site = build_project(make_project(tmp_path / where, seeds), strict=True)
        out = {r["source"]["file"]: r["id"] for r in statements(site)}
        for record in statements(site):
            assert (site / record["url"] / "index.html").is_file()
        return out

    first = ids("one", SAME_TITLE_SEEDS)
    joint = [first[f"seeds/{n}"] for n in ("a-joint.txt", "b-joint.txt", "c-joint.txt")]
    assert len(set(joint)) == 3, joint
    for slug in joint:
        assert slug.startswith("joint-statement")
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug
    assert ids("two", SAME_TITLE_SEEDS) == first
    # an unrelated new seed does not move them
    more = {**SAME_TITLE_SEEDS, "other.txt": NORMAL.replace("Maritime Security", "Supply Chains")}
    again = ids("three", more)
    assert {k: v for k, v in again.items() if k in first} == first


ODD_NAMES = {
    "Joint Statement FINAL (v2).txt": "Allies Hold Talks on Supply Chains",
    "Déclaration Séoul Ü.txt": "Allies Hold Talks on Maritime Order",
    "日米 共同声明.txt": "Allies Hold Talks on Extended Deterrence",
}


def test_odd_file_names_get_ascii_slugs_and_work(tmp_path) -> None:
    seeds: dict[str, bytes | str] = {name: NORMAL.replace(NORMAL_TITLE, t) for name, t in ODD_NAMES.items()}
    seeds[NORMAL_NAME] = NORMAL
    site = build_project(make_project(tmp_path, seeds), strict=True)
    for name, title in ODD_NAMES.items():
        record = record_for(site, name)
        assert record["title"] == title
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", record["id"]), record["id"]
        assert record["url"] == f"statements/{record['id']}/"
        html = page_html(site, record)
        # the Source notes link leads to the seed file itself
        hrefs = [unquote(h) for h in re.findall(r'href="([^"]+)"', html)]
        assert any(h.endswith(f"seeds/{name}") for h in hrefs), [h for h in hrefs if "seeds/" in h]
        home = (site / "index.html").read_text(encoding="utf-8")
        assert f'href="{record["url"]}"' in home or f'href="./{record["url"]}"' in home


def test_hidden_backup_swap_and_other_files_are_ignored(tmp_path) -> None:
    seeds: dict[str, bytes | str] = {
        NORMAL_NAME: NORMAL,
        ".hidden.txt": NORMAL.replace("Maritime", "Hidden"),
        "#autosave.txt#": NORMAL.replace("Maritime", "Autosave"),
        "backup.txt~": NORMAL.replace("Maritime", "Backup"),
        ".backup.txt.swp": b"b0VIM 9.0\x00\x00\x00\x00" + _random_bytes(500, 4),
        ".backup.txt.swo": b"b0VIM 9.0\x00\x00\x00\x00",
        "notes.md": "# Notes for editors\n\nNot a seed.\n",
        "README": "Seeds go here.\n",
        "list.csv": "a,b\n1,2\n",
        "photo.jpg": b"\xff\xd8\xff\xe0" + _random_bytes(500, 5),
        "orphan.yml": "title: No seed of this name\n",
    }
    project = make_project(tmp_path, seeds)
    # Emacs keeps a lock as a dangling link named .#NAME
    (project / "seeds" / ".#normal.txt").symlink_to("editor@host.12345:1700000000")
    (project / "seeds" / "drafts").mkdir()
    (project / "seeds" / "drafts" / "draft.txt").write_text(NORMAL.replace("Maritime", "Draft"))
    site = build_project(project, strict=True)  # no warning at all
    assert [r["source"]["file"] for r in statements(site)] == [f"seeds/{NORMAL_NAME}"]
    assert_normal_seed_built(site)


# --- corrections ----------------------------------------------------------------------------------

BAD_CORRECTIONS = [
    ("colour: red\n", r"unknown field 'colour'"),
    ("themes: [alliance, pizza]\n", r"field 'themes': unknown theme 'pizza'"),
    ("date: March 3rd\n", r"field 'date': 'March 3rd' is not a date"),
    ("date: 2021-02-30\n", r"field 'date': day is out of range"),
    ("date: 2021-13-01\n", r"field 'date': month must be in 1\.\.12"),
    ("date_range: {earliest: 2020-01-01, latest: 2020-02-31}\n", r"field 'date_range\.latest': day"),
]


@pytest.mark.expect_warnings
@pytest.mark.parametrize(
    ("correction", "field"), BAD_CORRECTIONS, ids=[c[0].strip() for c in BAD_CORRECTIONS]
)
def test_bad_correction_names_the_seed_and_the_field(tmp_path, warnings_logged, correction, field) -> None:
    seeds: dict[str, bytes | str] = {"fixed.txt": _same_title("June 1, 2021"), "fixed.yml": correction}
    seeds[NORMAL_NAME] = NORMAL
    site = build_project(make_project(tmp_path / "plain", seeds))
    messages = [r.getMessage() for r in warnings_logged]
    assert len(messages) == 1, messages
    assert "seeds/fixed.txt" in messages[0]
    assert re.search(field, messages[0]), messages[0]
    assert_normal_seed_built(site)
    with pytest.raises(Abort):
        build_project(make_project(tmp_path / "strict", seeds), strict=True)


@pytest.mark.parametrize(
    ("seeds", "expected"),
    [
        ({"blank.txt": "  \n"}, r"seeds/blank\.txt.*empty"),
        ({"fixed.txt": _same_title("June 1, 2021"), "fixed.yml": "date: 2021-02-30\n"}, r"seeds/fixed\.txt"),
    ],
    ids=["empty-seed", "impossible-date"],
)
def test_strict_command_line_build_fails_without_traceback(tmp_path, seeds, expected) -> None:
    """What the editor sees from ``mkdocs build --strict``: a message naming the seed, no traceback."""
    project = make_project(tmp_path, {**seeds, NORMAL_NAME: NORMAL})
    done = _build_in_subprocess(project, 60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    assert re.search(expected, done.stderr), done.stderr[-2000:]
