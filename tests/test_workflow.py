"""The GitHub Pages workflow is valid (actionlint) and builds strictly with the pinned lock file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint is installed with the dev dependencies"
    return found


def test_actionlint_accepts_the_workflow() -> None:
    result = subprocess.run([_actionlint(), str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_strictly_and_deploys_with_the_official_actions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "mkdocs build --strict" in runs
    assert "requirements.lock" in runs
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_installer_is_pinned_before_the_locks_are_installed() -> None:
    """pip 23.2 (Python 3.11's venv) resolves a locked package's extra to the newest release on the
    index and then refuses it under --require-hashes; both install paths pin pip first."""
    pip_lock = ROOT / "requirements-pip.lock"
    assert "pip==" in pip_lock.read_text(encoding="utf-8")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert runs.index("requirements-pip.lock") < runs.index("-r requirements.lock")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert makefile.index("-r requirements-pip.lock") < makefile.index("-r requirements-dev.lock")
