"""When each seed last changed, from the repository's history: the sitemap's ``lastmod`` dates.

One ``git log`` over ``seeds/`` gives every file's last commit date. Outside a git checkout, or in a
shallow clone (whose history would date every seed to its one commit), it gives nothing and the
pages keep MkDocs's own date, the day of the build.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def last_changed(root: Path, folder: str = "seeds") -> dict[str, str]:
    """``{"seeds/NAME.txt": "YYYY-MM-DD"}``: the date each file under ``folder`` was last committed."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--", folder)
    if log is None:
        return {}
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    dates: dict[str, str] = {}
    for commit in log.split("\0")[1:]:
        date, *names = commit.strip().split("\n")
        for name in names:
            name = name.strip()
            if name:
                dates.setdefault(name.removeprefix(prefix), date.strip())
    return dates


def lastmod(changed: dict[str, str], source_file: str) -> str | None:
    """The last change of a seed or its correction file (``NAME.yml``), whichever is later."""
    correction = source_file.rsplit(".", 1)[0] + ".yml"
    found = [changed[f] for f in (source_file, correction) if f in changed]
    return max(found) if found else None
