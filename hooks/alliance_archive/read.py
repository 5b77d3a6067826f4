"""Stage 1: find seed files and turn their bytes into lines of text.

Seeds are copied from the web by hand, so this stage tolerates what copying produces: byte-order
marks, UTF-16, legacy Windows encodings, mojibake, NUL bytes, CRLF or lone-CR line ends. Line numbers
stay those of ``text.split("\\n")`` over the decoded file, so removed lines can be cited by number.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
import ftfy

MAX_SEED_BYTES = 20 * 1024 * 1024

# Only repair text that was decoded with the wrong codec; leave quotes, widths and entities as typed.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
)


class SeedError(Exception):
    """A seed that cannot become a page; the message names the problem for an editor."""


@dataclass(frozen=True)
class Seed:
    """One raw input: its file name, the decoded lines and a digest of the bytes."""

    name: str
    path: Path
    lines: list[str]
    sha256: str
    encoding: str

    @property
    def stem(self) -> str:
        return self.path.stem


IGNORED = re.compile(r"^(\.|#)|~$|\.swp$|\.swo$|\.tmp$|\.bak$")


def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The seed files to build, in name order, and the files refused with a reason.

    Hidden files, editor swap and backup files and anything not ending in ``.txt`` are ignored
    silently (corrections, ``*.yml``, are read beside their seed). A link that leads outside the
    seeds folder is refused.
    """
    if not seeds_dir.is_dir():
        return [], []
    root = seeds_dir.resolve()
    seeds: list[Path] = []
    refused: list[tuple[Path, str]] = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if IGNORED.search(path.name) or path.suffix.lower() != ".txt":
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                refused.append((path, "refused: it is a link to a file outside the seeds folder"))
                continue
        if not path.is_file():
            continue
        seeds.append(path)
    return seeds, refused


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, and the name of the encoding used."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    # UTF-32 first: its little-endian mark begins with UTF-16's (FF FE)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    even, odd = data[0::2], data[1::2]
    if len(data) >= 8:
        # UTF-16 saved without a byte-order mark: every other byte of English text is NUL
        for encoding, zeros, letters in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros.count(0) > 0.9 * len(zeros) and letters.count(0) < 0.1 * len(letters):
                return data.decode(encoding, errors="replace"), encoding
    # Text copied from Western web pages without a declared encoding is nearly always Windows-1252
    # (a superset of Latin-1's printable range); detectors confuse it with other code pages on
    # mostly-English text, so it is tried first and the detector only gets what it cannot decode.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


# the ASCII control characters but tab, line feed, form feed and carriage return; characters beyond
# ASCII are looked at one by one (most seeds have few)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _looks_binary(text: str) -> bool:
    """More than a tenth of the first 20,000 characters are replacement characters, controls (but
    tab, line feed, form feed and carriage return), surrogates, private-use or unassigned."""
    if not text:
        return False
    sample = text[:20000]
    bad = len(_ASCII_CONTROL.findall(sample)) + sum(
        1
        for m in _NON_ASCII.finditer(sample)
        if (ch := m.group()) == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )
    return bad / len(sample) > 0.10


_LETTERS = re.compile(r"[^\W\d_]{2}")
_LONGEST_WORD = 200


def _not_text(text: str) -> str | None:
    """Why decoded text is still no article: no word at all, or one unbroken run of characters."""
    if not _LETTERS.search(text):
        return "not text: it holds no words (no run of letters anywhere)"
    parts = text.split(maxsplit=1)
    if len(parts) == 1 and len(parts[0]) > _LONGEST_WORD:
        return f"not text: one unbroken run of {len(parts[0]):,} characters with no spaces"
    return None


# a character other than printable ASCII, tab, form feed, carriage return and the punctuation news text
# is full of (curly quotes, dashes, the ellipsis, bullets, single guillemets). That punctuation is
# Windows-1252's upper half, whose bytes can only continue a UTF-8 sequence, never begin one (mojibake
# needs a character of U+00C0-U+00FF to begin one); none of it is a control, format or combining
# character, and all of it is NFC already: ftfy, as configured, has nothing to repair in a line of it
_NOT_PLAIN = re.compile("[^\t\f\r\x20-\x7e\u2018-\u201f\u2013-\u2015\u2026\u2022\u2039\u203a]")


def _fixed(line: str) -> str:
    """``line`` with mojibake and control characters repaired (ftfy); a line of printable ASCII (or
    tabs) and plain punctuation has nothing of either, and is kept as it is without asking ftfy."""
    if not line or not _NOT_PLAIN.search(line):
        return line
    return ftfy.fix_text(line, _FTFY_CONFIG)


def to_lines(text: str) -> list[str]:
    """Split into lines the way the record numbers them; CRLF and lone CR count as one line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return [_fixed(line) for line in text.split("\n")]


def read_seed(path: Path) -> Seed:
    """Read one seed file; raise :class:`SeedError` if it cannot become a page."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SeedError(f"unreadable: {exc.strerror}") from exc
    if size > MAX_SEED_BYTES:
        raise SeedError(f"too large: {size // (1024 * 1024)} MB; seeds over 20 MB are not built")
    data = path.read_bytes()
    text, encoding = decode(data)
    if _looks_binary(text):
        raise SeedError("not text: it looks like a binary file saved with a .txt name")
    lines = to_lines(text)
    if not any(line.strip() for line in lines):
        raise SeedError("empty: the file holds no text")
    refusal = _not_text(text)
    if refusal:
        raise SeedError(refusal)
    return Seed(
        name=path.name,
        path=path,
        lines=lines,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )
