"""The editor's command line.

``python -m alliance_archive inspect seeds/FILE.txt`` prints the record extracted from one seed with
the evidence for each field (which line gave the date, which sentence made a speaker or a theme, the
headline's runners-up), so a wrong field can be corrected in a minute.

``python -m alliance_archive review seeds/`` lists the seeds whose fields are least certain, worst
first, with the evidence and the correction line to write.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .clean import clean
from .pipeline import build_archive, build_statement
from .read import SeedError, read_seed
from .registry import registry
from .review import as_text, review


def inspect(path: Path, as_json: bool = False) -> int:
    try:
        s = build_statement(path, registry(path.resolve().parent))  # with the site's officials.yml
    except SeedError as exc:
        print(f"seeds/{path.name}: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(s.to_json(), ensure_ascii=False, indent=2))
        return 0
    choice = clean(read_seed(path).lines).title_choice
    ranked = choice.ranked if choice else []
    edited = set(s.overridden)

    def mark(field: str) -> str:
        return "  [set by an editor]" if field in edited else ""

    print(f"seed       {s.source_file}  (sha256 {s.source_sha256[:16]}…)")
    print(f"title      {s.title}{mark('title')}")
    for ev in s.evidence:
        if ev.field == "title":
            print(f"           confidence {ev.confidence:.2f}{'; ' + ev.doubt if ev.doubt else ''}")
    print(f"date       {s.date or 'none'}  ({s.date_basis}){mark('date')}")
    if s.date_range:
        print(f"date range {s.date_range.earliest} to {s.date_range.latest}: {s.date_range.basis}")
    for p in s.speakers:
        print(f"speaker    {p.name} — {p.role} ({p.country}){mark('speakers')}")
    for p in s.mentioned:
        print(f"mentioned  {p.name} — {p.role} ({p.country}){mark('mentioned')}")
    print(f"themes     {', '.join(s.themes) or 'none'}{mark('themes')}")
    print(f"places     {', '.join(s.places) or 'none'}{mark('places')}")
    print(f"publisher  {s.publisher or 'none'}{mark('publisher')}")
    if ranked:
        print("\nheadline candidates (best first)")
        for c in ranked[:4]:
            print(f"  {c.score:6.2f}  line {c.index + 1:<4} {c.text[:70]}")
            print(f"          {'; '.join(c.evidence)[:160]}")
    print("\nevidence")
    for ev in s.evidence:
        where = f"line {ev.line}" if ev.line else "text"
        doubt = f"  [confidence {ev.confidence:.2f}: {ev.doubt}]" if ev.confidence < 1 else ""
        print(f"  {ev.field:<10} {ev.value:<28} {where}: {ev.text[:150]}{doubt}")
    print(f"\nremoved lines ({len(s.removed)})")
    for r in s.removed:
        print(f"  {r.line:>4}  {r.reason:<45} {r.text.strip()[:80]}")
    return 0


def review_seeds(seeds: Path, as_json: bool = False) -> int:
    archive = build_archive(seeds)
    for name, problem in archive.problems:
        print(f"seeds/{name}: not built ({problem})", file=sys.stderr)
    reviews = review(archive.statements)
    if as_json:
        out = [
            {
                "seed": r.statement.source_file,
                "confidence": r.confidence,
                "correction_file": r.correction_file,
                "fields": [d.__dict__ for d in r.doubts],
            }
            for r in reviews
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(as_text(reviews), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliance_archive", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("inspect", help="print one seed's record with the evidence for each field")
    cmd.add_argument("seed", type=Path, help="a seed file, e.g. seeds/000_example.txt")
    cmd.add_argument("--json", action="store_true", help="print the record as JSON instead")
    rev = sub.add_parser("review", help="list the seeds whose fields are least certain, worst first")
    rev.add_argument("seeds", type=Path, help="the seeds folder, e.g. seeds/")
    rev.add_argument("--json", action="store_true", help="print the list as JSON instead")
    args = parser.parse_args(argv)
    if args.command == "review":
        if not args.seeds.is_dir():
            print(f"{args.seeds}: no such folder", file=sys.stderr)
            return 2
        try:
            return review_seeds(args.seeds, args.json)
        except BrokenPipeError:
            return 0
    if not args.seed.is_file():
        print(f"{args.seed}: no such seed file", file=sys.stderr)
        return 2
    try:
        return inspect(args.seed, args.json)
    except BrokenPipeError:  # output piped into `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
