"""jusText beside the archive's cleaner, on the same gold-annotated texts and the same line figures.

    .venv/bin/python scripts/compare_justext.py --gold ../shared/corpus [--gold DIR --raw DIR]

Each non-blank line of a raw text is given to jusText 3 (English stoplist, default settings) as one
paragraph; a line jusText calls boilerplate counts as removed. The archive's figures come from running
its own pipeline on the same files. The figures follow ``score.py`` of the development data:
boilerplate recall (gold boilerplate lines removed), boilerplate precision (removed lines that are gold
boilerplate, headline and caption lines not counted) and content recall (article lines kept).
"""

from __future__ import annotations

import argparse
import html
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from alliance_archive.clean import clean
from alliance_archive.read import read_seed


@dataclass
class Tally:
    bp_total: int = 0
    bp_removed: int = 0
    removed_total: int = 0
    content_total: int = 0
    content_kept: int = 0

    def add(self, removed: set[int], bp: set[int], dont_care: set[int], content: set[int]) -> None:
        self.bp_total += len(bp)
        self.bp_removed += len(bp & removed)
        self.removed_total += len(removed - dont_care)
        self.content_total += len(content)
        self.content_kept += len(content - removed)

    def figures(self) -> str:
        recall = self.bp_removed / self.bp_total if self.bp_total else 1.0
        precision = self.bp_removed / self.removed_total if self.removed_total else 1.0
        content = self.content_kept / self.content_total if self.content_total else 1.0
        return (
            f"boilerplate_recall={recall:.3f} boilerplate_precision={precision:.3f} "
            f"content_recall={content:.3f}"
        )


def justext_removed(lines: list[str]) -> set[int]:
    import justext

    numbered = [(i, line) for i, line in enumerate(lines, 1) if line.strip()]
    page = (
        "<html><body>"
        + "".join(f"<p>{html.escape(line.strip())}</p>" for _, line in numbered)
        + "</body></html>"
    )
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    removed: set[int] = set()
    for p in paragraphs:
        # "/html[1]/body[1]/p[7]": the 7th non-blank line
        position = int(p.xpath.rsplit("[", 1)[1].rstrip("]"))
        if p.is_boilerplate:
            removed.add(numbered[position - 1][0])
    return removed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", required=True)
    ap.add_argument("--raw", type=Path, action="append", default=[])
    args = ap.parse_args()
    ours, theirs = Tally(), Tally()
    n = 0
    for gold_dir in args.gold:
        for gpath in sorted(gold_dir.glob("*.gold.yml")):
            g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
            raw = next((d / g["file"] for d in [gold_dir, *args.raw] if (d / g["file"]).exists()), None)
            if raw is None:
                print(f"raw file {g['file']} not found", file=sys.stderr)
                return 2
            lines = raw.read_text(encoding="utf-8-sig").split("\n")
            bp = {int(x["line"]) for x in g.get("boilerplate_lines") or []}
            title_lines = {int(g.get("title_line") or 0)}
            dont_care = {int(x["line"]) for x in g.get("caption_lines") or []} | title_lines
            content = {i for i, line in enumerate(lines, 1) if line.strip()} - bp - dont_care
            cleaned = clean(read_seed(raw).lines)
            ours.add({d.line for d in cleaned.drops}, bp, dont_care, content)
            theirs.add(justext_removed(lines), bp, dont_care, content)
            n += 1
    print(f"documents={n}")
    print(f"archive  {ours.figures()}")
    print(f"jusText  {theirs.figures()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
