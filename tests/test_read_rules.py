"""Reading seeds, rule by rule, on bytes these tests write: each byte-order mark and the encoding it
names, UTF-16 without a mark, Windows-1252 before the detector, the binary and size limits, and the
messages an editor sees."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from alliance_archive import read
from alliance_archive.read import SeedError, decode, read_seed, to_lines

TEXT = "Allies Meet in S\u00e9oul\nThe ministers said the alliance remains strong.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("said", "said \u201cthat\u201d").encode("cp1252"), "cp1252"),
    ],
)
def test_each_encoding_is_read_and_named(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text.replace("\u201cthat\u201d ", "") == TEXT


def test_a_short_text_that_is_not_utf8_is_windows_1252() -> None:
    # under eight bytes a file is too short to tell UTF-16 by its zero bytes
    assert decode("caf\u00e9".encode("cp1252")) == ("caf\u00e9", "cp1252")
    # plain ASCII in UTF-16 is valid UTF-8 with NUL bytes, which the lines then drop
    assert decode(b"A\x00B\x00") == ("A\x00B\x00", "utf-8")
    assert to_lines(decode("Seoul talks".encode("utf-16-le"))[0]) == ["Seoul talks"]


def test_utf16_without_a_mark_needs_mostly_zero_bytes_on_one_side() -> None:
    # Windows-1252 text with a few NUL bytes is not UTF-16
    data = b"\xe9t\xe9 " * 10 + b"\x00" * 4
    assert decode(data)[1] == "cp1252"


def test_text_windows_1252_cannot_decode_goes_to_the_detector() -> None:
    # Shift-JIS punctuation (、。) uses bytes Windows-1252 leaves undefined
    japanese = "日米同盟は、地域の平和と安定の礎であると両大臣は述べた。" * 5
    text, encoding = decode(japanese.encode("shift_jis"))
    assert encoding in {"cp932", "shift_jis"}
    assert text == japanese


def test_lines_split_on_every_line_end_and_keep_blank_lines() -> None:
    assert to_lines("a\r\nb\rc\n\nd\x00e") == ["a", "b", "c", "", "de"]
    assert to_lines("caf\u00c3\u00a9") == ["caf\u00e9"]  # mojibake repaired line by line
    assert to_lines("\u201cquoted\u201d &amp; ＡＢ") == ["\u201cquoted\u201d &amp; ＡＢ"]  # left as typed


def write(tmp_path: Path, data: bytes, name: str = "talks.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_seed_is_read_with_its_name_stem_lines_digest_and_encoding(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, TEXT.encode("utf-16")))
    assert (seed.name, seed.stem, seed.encoding) == ("talks.txt", "talks", "utf-16")
    assert seed.lines == [*TEXT.split("\n")]
    assert seed.path == tmp_path / "talks.txt"
    assert len(seed.sha256) == 64


def test_a_missing_seed_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"^unreadable: No such file or directory$"):
        read_seed(tmp_path / "gone.txt")


def test_a_seed_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, b"x" * (3 * 1024 * 1024))
    monkeypatch.setattr(read, "MAX_SEED_BYTES", 3 * 1024 * 1024)
    assert read_seed(path).lines == ["x" * (3 * 1024 * 1024)]
    monkeypatch.setattr(read, "MAX_SEED_BYTES", 3 * 1024 * 1024 - 1)
    with pytest.raises(SeedError, match=r"^too large: 3 MB; seeds over 20 MB are not built$"):
        read_seed(path)


def test_a_binary_file_is_refused_above_one_bad_character_in_ten(tmp_path: Path) -> None:
    # 9 control characters in 100 pass; 11 do not
    ok = ("a" * 91 + "\x01" * 9).encode()
    bad = ("a" * 89 + "\x01" * 11).encode()
    assert read_seed(write(tmp_path, ok, "ok.txt")).lines
    with pytest.raises(SeedError, match=r"^not text: it looks like a binary file saved with a \.txt name$"):
        read_seed(write(tmp_path, bad, "bad.txt"))
    tabs = ("a\t" * 50 + "\n\r\f" * 10).encode()
    assert read_seed(write(tmp_path, tabs, "tabs.txt")).lines


def test_replacement_characters_count_as_binary(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="not text"):
        read_seed(write(tmp_path, ("\ufffd" * 20 + "a" * 80).encode()))


def test_only_the_first_twenty_thousand_characters_are_sampled(tmp_path: Path) -> None:
    data = ("a" * 20000 + "\x01" * 5000).encode()
    assert read_seed(write(tmp_path, data)).lines


def test_a_blank_seed_is_empty(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"^empty: the file holds no text$"):
        read_seed(write(tmp_path, b" \n\t\n"))
