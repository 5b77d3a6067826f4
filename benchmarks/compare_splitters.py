"""Sentence splitters compared: the archive's own (``textutil.sentences``) against maintained ones.

Three measures, printed as a table per splitter:

- **cases**: hand-written paragraphs (below) with the sentences a careful reader sees: abbreviations
  ("U.S.", "Amb.", "Gen.", "No."), initials ("Kurt M. Campbell"), months ("Sept."), quotes and
  brackets closing a sentence. Score: paragraphs split exactly right.
- **corpus**: every paragraph of the development corpus (``../shared/corpus``, read in place).
  There is no sentence gold there, so two error counts that need none: sentences ending in a title
  abbreviation or an initial (a title never ends a sentence: "... said Amb." / "Rahm Emanuel" is a
  wrong split), and sentences over 400 characters that hold a ". X" boundary the splitter missed.
- **scaling**: seconds for a hostile paragraph ("Mr. " repeated; an upper-case title repeated) of
  25 KB and of 100 KB; a linear splitter takes about 4 times as long for the larger one.

The maintained splitters are optional here (they are not dependencies of the archive): install
them into any environment with ``pip install pysbd syntok sentencex`` and run this script from it
with the archive's package importable (``PYTHONPATH=hooks``). Missing ones are reported as such.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from alliance_archive.textutil import sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

CASES: list[list[str]] = [
    ["The U.S. and Japan agreed to meet again.", "Officials said the talks went well."],
    ["Amb. Rahm Emanuel spoke first.", "He was followed by Gen. Paul LaCamera of U.S. Forces Korea."],
    ["Deputy Secretary Kurt M. Campbell arrived in Seoul on Sept. 5.", "He met the minister."],
    ["Resolution No. 2397 was adopted in 2017.", "It tightened sanctions on the DPRK."],
    ['"The alliance is ironclad," the secretary said.', "The minister agreed."],
    ['She said: "We will stand together."', "Then the meeting ended."],
    ["The ministers met at 10 a.m. on Monday.", "They issued a statement (in English and Korean)."],
    ["Mr. Kim and Ms. Lee attended.", "Dr. Tanaka did not."],
    ["The delegation visited the U.N. headquarters.", "It then flew to Washington, D.C. for talks."],
    ["Will the talks resume?", "Nobody knows!", "The next round is set for Jan. 12."],
    ["Lt. Gen. Smith and Adm. Aquilino briefed Sen. Reed and Rep. Smith.", "The hearing lasted an hour."],
    ["Cooperation between the U.S., Japan and the ROK is strong.", "The three will meet in Tokyo."],
]

TITLE_ABBREVIATIONS = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Sen|Rep|Gov|Amb|No|St|Sgt|Capt|Maj|Prof|[A-Z])\.$"
)
MISSED = re.compile(r"[a-z]{3}[.!?][\"'\u201d\u2019)]?\s+[A-Z][a-z]")


def _pysbd() -> Callable[[str], list[str]] | None:
    try:
        import pysbd  # type: ignore[import-not-found]
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def _syntok() -> Callable[[str], list[str]] | None:
    try:
        import syntok.segmenter as segmenter  # type: ignore[import-not-found]
    except ImportError:
        return None

    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence).strip())
        return [s for s in out if s]

    return split


def _sentencex() -> Callable[[str], list[str]] | None:
    try:
        from sentencex import segment  # type: ignore[import-not-found]
    except ImportError:
        return None
    return lambda text: [s.strip() for s in segment("en", text) if s.strip()]


def corpus_paragraphs() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8-sig", errors="replace").split("\n"):
            if len(line.split()) >= 5:
                out.append(line.strip())
    return out


def score(name: str, split: Callable[[str], list[str]], paragraphs: list[str]) -> None:
    exact = sum(1 for case in CASES if split(" ".join(case)) == case)
    wrong_after_abbrev = missed = total = 0
    for paragraph in paragraphs:
        parts = split(paragraph)
        total += len(parts)
        wrong_after_abbrev += sum(1 for p in parts[:-1] if TITLE_ABBREVIATIONS.search(p))
        missed += sum(1 for p in parts if len(p) > 400 and MISSED.search(p))
    timings = []
    for unit in ("Mr. ", "SECRETARY OF STATE "):
        row = []
        for size in (25_000, 100_000):
            text = unit * (size // len(unit))
            start = time.perf_counter()
            split(text)
            row.append(time.perf_counter() - start)
        timings.append(row)
    scaling = "  ".join(
        f"{unit!r}: {a:6.3f} s / {b:6.3f} s (x{b / a if a else float('inf'):4.1f})"
        for unit, (a, b) in zip(("Mr. ", "TITLE "), timings, strict=True)
    )
    print(
        f"{name:10} cases {exact:2}/{len(CASES)}  corpus: {total:5} sentences, "
        f"{wrong_after_abbrev:3} split after a title or initial, {missed:3} long ones with a missed end  "
        f"scaling 25 KB / 100 KB {scaling}"
    )


def main() -> int:
    paragraphs = corpus_paragraphs() if CORPUS.is_dir() else []
    print(f"{len(CASES)} cases, {len(paragraphs)} corpus paragraphs from {CORPUS}")
    score("archive", sentences, paragraphs)
    for name, make in (("pysbd", _pysbd), ("syntok", _syntok), ("sentencex", _sentencex)):
        split = make()
        if split is None:
            print(f"{name:10} not installed (pip install {name})")
            continue
        score(name, split, paragraphs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
