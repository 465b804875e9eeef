"""The GitHub Actions workflows parse, run on the right events with the right permissions, and
only call invoke tasks (and options) that exist."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
import yaml
from invoke import Collection

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def tasks() -> Collection:
    spec = importlib.util.spec_from_file_location("project_tasks", REPO / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Collection.from_module(module)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def invoke_calls(workflow: dict) -> list[tuple[str, list[str]]]:
    """(task, [--options]) for every `invoke <task> ...` in the run scripts."""
    calls = []
    for step in steps(workflow):
        for line in step.get("run", "").splitlines():
            words = shlex.split(line, comments=True)
            for i, word in enumerate(words[:-1]):
                if word != "invoke":
                    continue
                options = []
                for arg in words[i + 2:]:
                    if arg in ("||", "&&", ";", "|", "then", "fi"):
                        break
                    if arg.startswith("--"):
                        options.append(arg[2:].split("=")[0])
                calls.append((words[i + 1], options))
    return calls


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy.yml"])
def test_workflow_commands_exist_and_actions_are_pinned(name):
    workflow = load(name)
    collection = tasks()
    calls = invoke_calls(workflow)
    assert calls
    for task, options in calls:
        assert task in collection.task_names, f"{name}: invoke {task} is not a task"
        known = {n for argument in collection[task].get_arguments() for n in argument.names}
        assert set(options) <= known, f"{name}: invoke {task} has no option {options}"
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+(/[a-z-]+)?@v\d+", step["uses"]), step["uses"]


def test_pull_request_workflow():
    workflow = load("pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}  # never pull_request_target: no secrets
    assert workflow["permissions"] == {"contents": "read"}
    calls = dict(invoke_calls(workflow))
    assert set(calls) == {"validate", "check-pr", "codeowners", "build"}
    assert calls["check-pr"] == ["base", "author"] and calls["validate"] == ["changed-since"]
    all_steps = steps(workflow)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    python = next(s for s in all_steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
    assert any(s.get("run") == "pip install -e ." for s in all_steps)
    upload = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "output/"
    job = workflow["jobs"]["check"]
    assert job["env"]["BASE"] == "origin/${{ github.base_ref }}"
    assert job["env"]["AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    # The pull request's text reaches the shell only through environment variables.
    for step in all_steps:
        assert "${{ github.event" not in step.get("run", "")


def test_deploy_workflow():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    all_steps = steps(workflow)
    uses = [s.get("uses", "").split("@")[0] for s in all_steps]
    for action in ("actions/configure-pages", "actions/cache", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in uses
    cache = next(s for s in all_steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/images"
    assert "hashFiles('exhibitors/**/*.jpg'" in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip() == "expo-images-${{ runner.os }}-"
    assert cache["with"]["key"].startswith("expo-images-${{ runner.os }}-")
    publish = next(s for s in all_steps if s.get("run") == "invoke publish")
    assert publish["env"]["EXPO_SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_pull_request_template_has_the_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") == 5
    for words in ("folder saya sendiri", "foto milik saya", "invoke validate", "tanpa titik",
                  "WhatsApp"):
        assert words in text
