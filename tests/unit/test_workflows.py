"""GitHub Actions workflows: triggers, least privilege, and actions pinned to commits."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def test_tests_run_on_pull_requests_with_a_read_only_token() -> None:
    wf = _load("test.yml")
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    steps = wf["jobs"]["test"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in steps)


def test_deploy_runs_on_main_only_after_the_tests_with_the_official_pages_actions() -> None:
    wf = _load("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}
    jobs = wf["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "workflow_call" in _load("test.yml")["on"]
    uses = [s.get("uses", "").split("@")[0] for j in jobs.values() for s in j.get("steps", [])]
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}" in uses
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in jobs["build"]  # build gets the read-only default


def test_review_report_runs_monthly_and_may_only_write_issues() -> None:
    wf = _load("review.yml")
    (schedule,) = wf["on"]["schedule"]
    _minute, _hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("1", "*", "*")
    assert wf["permissions"] == {"contents": "read"}
    assert wf["jobs"]["report"]["permissions"] == {"contents": "read", "issues": "write"}
    runs = " ".join(s.get("run", "") for s in wf["jobs"]["report"]["steps"])
    assert "make review-report" in runs and "gh issue edit" in runs and "gh issue create" in runs


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_no_workflow_uses_pull_request_target_or_an_unpinned_action(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    wf = _load(path.name)
    triggers = wf["on"] if isinstance(wf["on"], (dict, list)) else [wf["on"]]
    assert "pull_request_target" not in triggers
    for job in wf["jobs"].values():
        refs = [job["uses"]] if "uses" in job else [s["uses"] for s in job["steps"] if "uses" in s]
        for ref in refs:
            assert ref.startswith("./") or PINNED.match(ref), f"{path.name}: {ref} is not pinned"
    for line in text.splitlines():
        if re.search(r"uses: [\w-]+/", line):
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line}"
