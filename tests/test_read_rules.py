"""Reading seeds, rule by rule, on bytes these tests write: each byte-order mark and the encoding it
names, UTF-16 without a mark, Windows-1252 before the detector, the binary and size limits, text with no
word or no space in it, and the messages an editor sees."""

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
    # words with spaces: a seed that is text, exactly 3 MB of it
    path = write(tmp_path, b"ab " * (1024 * 1024))
    monkeypatch.setattr(read, "MAX_SEED_BYTES", 3 * 1024 * 1024)
    assert read_seed(path).lines[0].startswith("ab ab ")
    monkeypatch.setattr(read, "MAX_SEED_BYTES", 3 * 1024 * 1024 - 1)
    with pytest.raises(SeedError, match=r"^too large: 3 MB; seeds over 20 MB are not built$"):
        read_seed(path)


def test_a_binary_file_is_refused_above_one_bad_character_in_ten(tmp_path: Path) -> None:
    # 9 control characters in 100 pass; 11 do not
    ok = ("ab " * 30 + "a" + "\x01" * 9).encode()  # 91 characters of words, 9 bad
    bad = ("ab " * 29 + "ab" + "\x01" * 11).encode()  # 89 and 11
    assert read_seed(write(tmp_path, ok, "ok.txt")).lines
    with pytest.raises(SeedError, match=r"^not text: it looks like a binary file saved with a \.txt name$"):
        read_seed(write(tmp_path, bad, "bad.txt"))
    tabs = ("ab\t" * 50 + "\n\r\f" * 10).encode()
    assert read_seed(write(tmp_path, tabs, "tabs.txt")).lines


def test_replacement_characters_count_as_binary(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="not text"):
        read_seed(write(tmp_path, ("\ufffd" * 20 + "a" * 80).encode()))


def test_only_the_first_twenty_thousand_characters_are_sampled(tmp_path: Path) -> None:
    data = ("ab " * 6666 + "ab" + "\x01" * 5000).encode()  # 20,000 characters of words first
    assert read_seed(write(tmp_path, data)).lines


def test_a_blank_seed_is_empty(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"^empty: the file holds no text$"):
        read_seed(write(tmp_path, b" \n\t\n"))


# -- the limits exactly at their edges -----------------------------------------------------------------


def test_broken_bytes_after_a_mark_become_replacement_characters() -> None:
    assert decode(codecs.BOM_UTF8 + b"ok \xff") == ("ok \ufffd", "utf-8-sig")
    assert decode(codecs.BOM_UTF16_LE + b"o\x00k\x00!") == ("ok\ufffd", "utf-16")
    assert decode(codecs.BOM_UTF32_LE + b"o\x00\x00\x00!") == ("o\ufffd", "utf-32")


def test_bytes_no_codec_or_detector_reads_are_windows_1252_with_replacements() -> None:
    # the detector gives up on these; Windows-1252 leaves 0x81 undefined
    data = b"\x81\x00\xe9\x00\x00\x00\x81"
    assert decode(data) == ("\ufffd\x00\u00e9\x00\x00\x00\ufffd", "cp1252")


def test_utf16_without_a_mark_from_eight_bytes() -> None:
    assert decode("\u00e9a\u00e9a".encode("utf-16-le")) == ("\u00e9a\u00e9a", "utf-16-le")
    # an odd last byte is a replacement character, not an error
    assert decode("\u00e9a\u00e9a".encode("utf-16-le") + b"a") == ("\u00e9a\u00e9a\ufffd", "utf-16-le")


def _pairs(letters: list[int], zeros: list[int]) -> bytes:
    return bytes(b for pair in zip(letters, zeros, strict=True) for b in pair)


def test_utf16_without_a_mark_needs_more_than_nine_zeros_in_ten() -> None:
    letters = [0xE9] + [0x61] * 9
    assert decode(_pairs(letters, [0] * 10))[1] == "utf-16-le"
    assert decode(_pairs(letters, [0] * 9 + [0x62]))[1] == "cp1252"  # exactly nine in ten


def test_utf16_without_a_mark_needs_fewer_than_one_zero_letter_in_ten() -> None:
    assert decode(_pairs([0xE9] + [0x61] * 18 + [0], [0] * 20))[1] == "utf-16-le"  # one in twenty
    assert decode(_pairs([0xE9] + [0x61] * 8 + [0], [0] * 10))[1] == "cp1252"  # one in ten
    assert decode(_pairs([0xE9] + [0] * 9, [0] * 10))[1] == "cp1252"  # nearly all zero


def test_exactly_one_bad_character_in_ten_is_still_text(tmp_path: Path) -> None:
    assert read_seed(write(tmp_path, ("a" * 90 + "\x01" * 10).encode())).lines


@pytest.mark.parametrize("char", ["\ue000", "\u0378"], ids=["private-use", "unassigned"])
def test_private_use_and_unassigned_characters_count_as_binary(tmp_path: Path, char: str) -> None:
    with pytest.raises(SeedError, match="not text"):
        read_seed(write(tmp_path, ("a" * 80 + char * 20).encode()))


def test_the_sample_is_exactly_twenty_thousand_characters(tmp_path: Path) -> None:
    # 2,000 bad characters in the first 20,000 is one in ten, not more; the next one is outside
    data = ("ab " * 6000 + "\x01" * 2000 + "\x01" + "ab " * 33).encode()
    assert read_seed(write(tmp_path, data)).lines


def test_files_after_a_refused_link_or_a_folder_are_still_found(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("Elsewhere\n")
    (seeds / "a-link.txt").symlink_to(outside)
    (seeds / "b-folder.txt").mkdir()
    (seeds / "c.txt").write_text("Headline\n")
    found, refused = read.list_seeds(seeds)
    assert [p.name for p in found] == ["c.txt"]
    assert refused == [(seeds / "a-link.txt", "refused: it is a link to a file outside the seeds folder")]


def test_a_seed_without_a_run_of_letters_is_refused_as_holding_no_words(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"^not text: it holds no words \(no run of letters anywhere\)$"):
        read_seed(write(tmp_path, b"12 345 -- 6.7 ? !\n"))
    assert read_seed(write(tmp_path, b"12 ab 345\n")).lines == ["12 ab 345", ""]


def test_one_unbroken_run_over_two_hundred_characters_is_refused(tmp_path: Path) -> None:
    assert read_seed(write(tmp_path, b"\n" + b"a" * 200 + b"\n")).lines[1] == "a" * 200
    with pytest.raises(SeedError, match=r"^not text: one unbroken run of 1,201 characters with no spaces$"):
        read_seed(write(tmp_path, b"  " + b"a" * 1201 + b"\n"))
    # the same run with one more word beside it is text
    assert read_seed(write(tmp_path, b"a" * 1201 + b" word\n")).lines[0].endswith(" word")
