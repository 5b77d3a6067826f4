"""Stage 1: seed files found in the seeds folder and their bytes decoded into numbered lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alliance_archive import read
from alliance_archive.read import SeedError, decode, list_seeds, read_seed, to_lines

ARTICLE = "Allies Meet in Seoul\n\nThe ministers said the “alliance” remains strong.\n"


def write(tmp_path: Path, data: bytes, name: str = "seed.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_drops_the_mark(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, codecs.BOM_UTF8 + ARTICLE.encode("utf-8")))
    assert seed.lines[0] == "Allies Meet in Seoul"
    assert seed.lines[2] == "The ministers said the “alliance” remains strong."
    assert not any("\ufeff" in line for line in seed.lines)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    seed = read_seed(write(tmp_path, bom + ARTICLE.encode(codec)))
    assert seed.lines[:3] == ["Allies Meet in Seoul", "", "The ministers said the “alliance” remains strong."]
    assert not any("\ufeff" in line or "\x00" in line for line in seed.lines)


def test_cp1252_without_bom_keeps_curly_quotes(tmp_path: Path) -> None:
    text = (
        "Envoys Discuss Exchanges\n\n"
        "The ambassador said the programme \u201cbrings our students together\u201d and "
        "praised the university\u2019s work \u2013 a model for others.\n"
    )
    data = text.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data
    seed = read_seed(write(tmp_path, data))
    assert seed.lines[2] == text.split("\n")[2]


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    seed = read_seed(
        write(tmp_path, "Title Line Here\n\nWe donâ€™t expect changes, the minister said.\n".encode())
    )
    assert seed.lines[2] == "We don’t expect changes, the minister said."


def test_nul_bytes_are_removed(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, b"Allies Meet\n\nThe min\x00isters met in Tokyo.\x00\n"))
    assert seed.lines[2] == "The ministers met in Tokyo."


@pytest.mark.parametrize("eol", [b"\r\n", b"\r"])
def test_crlf_and_lone_cr_end_lines(tmp_path: Path, eol: bytes) -> None:
    data = eol.join([b"Headline", b"", b"First paragraph.", b"Second paragraph."]) + eol
    seed = read_seed(write(tmp_path, data))
    assert seed.lines == ["Headline", "", "First paragraph.", "Second paragraph.", ""]
    assert not any("\r" in line for line in seed.lines)


def test_line_numbers_follow_split_on_newline() -> None:
    assert to_lines("a\r\nb\rc\n\nd") == ["a", "b", "c", "", "d"]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t \r\n", codecs.BOM_UTF8 + b"\n \n"])
def test_empty_or_blank_seed_is_an_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(SeedError, match="empty"):
        read_seed(write(tmp_path, data))


def test_binary_data_is_an_error(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(SeedError, match="binary"):
        read_seed(write(tmp_path, png))


def test_seed_keeps_a_digest_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    data = codecs.BOM_UTF8 + ARTICLE.encode("utf-8")
    seed = read_seed(write(tmp_path, data))
    assert seed.sha256 == hashlib.sha256(data).hexdigest()


def test_decode_reports_the_encoding() -> None:
    assert decode(codecs.BOM_UTF8 + b"abc") == ("abc", "utf-8-sig")
    assert decode("abc".encode("utf-16"))[0] == "abc"


# -- finding seeds -----------------------------------------------------------------------------


def test_list_seeds_ignores_hidden_editor_and_other_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in [
        "b.txt",
        "a.txt",
        ".hidden.txt",
        ".#a.txt",
        "a.txt~",
        ".a.txt.swp",
        "notes.md",
        "a.yml",
        "c.TXT",
    ]:
        (seeds / name).write_text("Headline\n\nA sentence of the article is here.\n")
    (seeds / "folder.txt").mkdir()
    found, refused = list_seeds(seeds)
    assert [p.name for p in found] == ["a.txt", "b.txt", "c.TXT"]
    assert refused == []


def test_list_seeds_refuses_a_link_outside_the_folder(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Not a seed\n\nThis file lives outside the seeds folder.\n")
    (seeds / "evil.txt").symlink_to(outside)
    found, refused = list_seeds(seeds)
    assert found == []
    assert [p.name for p, _ in refused] == ["evil.txt"]
    assert "outside" in refused[0][1]


def test_list_seeds_accepts_a_link_inside_the_folder(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "sub" / "real.txt").write_text("Headline\n\nA sentence of the article is here.\n")
    (seeds / "linked.txt").symlink_to(seeds / "sub" / "real.txt")
    found, refused = list_seeds(seeds)
    assert [p.name for p in found] == ["linked.txt"]
    assert refused == []


def test_list_seeds_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_seeds(tmp_path / "nowhere") == ([], [])


_PLAIN_ALPHABET = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "\t\f\r"
    + ("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2013\u2014\u2015\u2026\u2022\u2039\u203a")
)


@settings(max_examples=500)
@given(st.text(alphabet=_PLAIN_ALPHABET, max_size=60))
@example("\u201cWe stand together,\u201d he said \u2014 twice\u2026")
@example("\u2019\u2019\u2013\u201d\u2022")
def test_a_line_of_plain_punctuation_is_one_ftfy_leaves_as_it_is(line: str) -> None:
    """The lines kept without asking ftfy (read._NOT_PLAIN finds nothing in them) are lines ftfy keeps."""
    assert not read._NOT_PLAIN.search(line)
    assert ftfy.fix_text(line, read._FTFY_CONFIG) == line
