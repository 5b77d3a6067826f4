"""The editor's command line: ``python -m alliance_archive inspect seeds/FILE.txt``.

Prints the record extracted from one seed with the evidence for each field (which line gave the date,
which sentence made a speaker or a theme), so a wrong field can be corrected in a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .pipeline import build_statement
from .read import SeedError
from .registry import registry


def inspect(path: Path, as_json: bool = False) -> int:
    try:
        s = build_statement(path, registry(path.resolve().parent))  # with the site's officials.yml
    except SeedError as exc:
        print(f"seeds/{path.name}: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(s.to_json(), ensure_ascii=False, indent=2))
        return 0
    edited = set(s.overridden)

    def mark(field: str) -> str:
        return "  [set by an editor]" if field in edited else ""

    print(f"seed       {s.source_file}  (sha256 {s.source_sha256[:16]}…)")
    print(f"title      {s.title}{mark('title')}")
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
    print("\nevidence")
    for ev in s.evidence:
        where = f"line {ev.line}" if ev.line else "text"
        doubt = f"  [confidence {ev.confidence:.2f}: {ev.doubt}]" if ev.confidence < 1 else ""
        print(f"  {ev.field:<10} {ev.value:<28} {where}: {ev.text[:150]}{doubt}")
    print(f"\nremoved lines ({len(s.removed)})")
    for r in s.removed:
        print(f"  {r.line:>4}  {r.reason:<45} {r.text.strip()[:80]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliance_archive", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("inspect", help="print one seed's record with the evidence for each field")
    cmd.add_argument("seed", type=Path, help="a seed file, e.g. seeds/000_example.txt")
    cmd.add_argument("--json", action="store_true", help="print the record as JSON instead")
    args = parser.parse_args(argv)
    if not args.seed.is_file():
        print(f"{args.seed}: no such seed file", file=sys.stderr)
        return 2
    try:
        return inspect(args.seed, args.json)
    except BrokenPipeError:  # output piped into `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
