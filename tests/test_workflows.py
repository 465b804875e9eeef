"""The GitHub Actions workflows parse, run on the right events with the right permissions, and
only call invoke tasks (and options) that exist."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
from pathlib import Path

import jsonschema
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
            try:
                words = shlex.split(line, comments=True)
            except ValueError:  # a line continuation or an unbalanced quote: plain words do
                words = line.split()
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


WORKFLOW_FILES = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
ISSUE_FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "booth.yml"


def vendored_schema(name: str) -> dict:
    """SchemaStore's published schema, as shipped inside check-jsonschema (no network)."""
    from importlib.resources import files

    return json.loads((files("check_jsonschema.builtin_schemas.vendor") / name).read_text(encoding="utf-8"))


def test_the_workflows_are_the_expected_ones():
    assert WORKFLOW_FILES == ["deploy.yml", "issue-to-booth.yml", "pull-request-comment.yml", "pull-request.yml"]


@pytest.mark.parametrize("name", WORKFLOW_FILES)
def test_workflow_matches_the_published_schema(name):
    document = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    document["on"] = document.pop(True)  # YAML 1.1 reads `on` as True; GitHub reads the key "on"
    jsonschema.Draft7Validator(vendored_schema("github-workflows.json")).validate(document)


def test_issue_form_matches_the_published_schema():
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(vendored_schema("github-issue-forms.json")).validate(form)


@pytest.mark.parametrize("name", WORKFLOW_FILES)
def test_workflow_commands_exist_and_actions_are_pinned(name):
    workflow = load(name)
    collection = tasks()
    for task, options in invoke_calls(workflow):
        assert task in collection.task_names, f"{name}: invoke {task} is not a task"
        known = {n for argument in collection[task].get_arguments() for n in argument.names}
        assert set(options) <= known, f"{name}: invoke {task} has no option {options}"
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+(/[a-z-]+)?@v\d+", step["uses"]), step["uses"]
    # Text from an issue or a pull request reaches a shell only through environment variables,
    # and no workflow hands a secret to anything.
    for step in steps(workflow):
        assert "${{ github.event" not in step.get("run", "") and "${{ github.event" not in step.get("with", {}).get("script", "")
    assert not re.search(r"\$\{\{[^}]*secrets", (WORKFLOWS / name).read_text(encoding="utf-8"))


def test_pull_request_checks_run_the_base_branch_code():
    workflow = load("pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}  # never pull_request_target
    assert workflow["permissions"] == {"contents": "read"}
    check = workflow["jobs"]["check"]
    assert check["env"] == {"BASE": "origin/${{ github.base_ref }}",
                            "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
                            "AUTHOR": "${{ github.event.pull_request.user.login }}"}
    checkout, worktree, python, install, review, upload = check["steps"]
    # the pull request is checked out as data in pr/, with no token left behind
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"path": "pr", "fetch-depth": 0, "persist-credentials": False}
    assert worktree["run"] == 'git -C pr worktree add --detach "$GITHUB_WORKSPACE/base" "$BASE"'
    assert python["with"]["cache-dependency-path"] == "base/pyproject.toml"
    # everything that runs comes from base/
    assert install == {"name": "Install the base branch", "working-directory": "base", "run": "pip install -e ."}
    assert review["working-directory"] == "base"
    assert invoke_calls({"jobs": {"check": {"steps": [review]}}}) == [("review", ["base", "head", "author", "output"])]
    assert review["timeout-minutes"] < check["timeout-minutes"]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["name"] == "review"
    assert upload["if"] == "${{ !cancelled() }}"
    for step in check["steps"]:
        assert "pr/" not in step.get("run", "").replace("-C pr worktree", "")
    # the preview is built from the pull request only after review passed, read-only, no secrets
    build = workflow["jobs"]["build"]
    assert build["needs"] == "check" and "if" not in build
    assert build["permissions"] == {"contents": "read"}
    assert dict(invoke_calls({"jobs": {"build": build}})) == {"build": []}
    cache = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert cache["uses"].startswith("actions/cache/restore@")  # a pull request never writes the cache
    checkout = build["steps"][0]
    assert checkout["with"]["persist-credentials"] is False


def test_the_comment_workflow_posts_and_runs_nothing_of_the_pull_request():
    workflow = load("pull-request-comment.yml")
    assert workflow["on"] == {"workflow_run": {"workflows": [load("pull-request.yml")["name"]],
                                               "types": ["completed"]}}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [s.get("uses", "").split("@")[0] for s in job["steps"]]
    assert uses == ["actions/download-artifact", "actions/github-script"]  # no checkout, no run
    script = job["steps"][1]["with"]["script"]
    for words in ("<!-- expo-katalog-review -->", "updateComment", "p.head.sha === run.head_sha",
                  "startsWith('.github/')", "createReviewComment", "posted.some((c) => c.body.startsWith(tag))"):
        assert words in script
    from expo.pr.comment import MARKER, SUGGESTION_MARKER

    assert f"'{MARKER}'" in script and f"'{SUGGESTION_MARKER.split('{')[0]}'" in script


def test_issue_to_booth_workflow():
    workflow = load("issue-to-booth.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert workflow["permissions"] == {}
    convert, publish = workflow["jobs"]["convert"], workflow["jobs"]["publish"]
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    assert form["labels"] == ["booth"] and "labels.*.name, 'booth')" in convert["if"]
    assert convert["permissions"] == {"contents": "read"}
    assert invoke_calls({"jobs": {"c": convert}}) == [("issue-to-booth", ["output"])]
    assert convert["steps"][0]["with"]["persist-credentials"] is False
    # the job with write access runs no project code
    assert publish["needs"] == "convert"
    assert publish["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert invoke_calls({"jobs": {"p": publish}}) == []
    assert not any("pip" in s.get("run", "") or "python" in s.get("run", "") for s in publish["steps"])
    shell = next(s["run"] for s in publish["steps"] if "gh pr create" in s.get("run", ""))
    assert '"$slug" =~ ^[a-z0-9]+(-[a-z0-9]+)*$' in shell and '"$branch" =~ ^booth/issue-[0-9]+$' in shell
    from expo.cli.issue_commands import MARKER

    assert f"'{MARKER}'" in publish["steps"][-1]["with"]["script"]


ALLOWED_FORM_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}


def test_issue_form_fields_are_what_import_csv_understands():
    from expo.importer.columns import ALIASES, PRODUCT_COLUMNS, normalise
    from expo.importer.issueform import FORM_ONLY, KIND_LABEL, KIND_UPDATE
    from expo.settings import DEFAULT_CATEGORIES

    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    assert form["name"] == "Daftar booth / Ubah booth" and form["description"]
    ids = [e["id"] for e in form["body"] if "id" in e]
    assert len(ids) == len(set(ids))
    columns = []
    for element in form["body"]:
        assert element["type"] in ALLOWED_FORM_TYPES
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        if label in FORM_ONLY:
            continue
        product = re.fullmatch(r"(.+) (\d)", label)
        column = ALIASES.get(normalise(product.group(1) if product else label))
        assert column, f"import-csv does not know the form field {label!r}"
        assert (column in PRODUCT_COLUMNS) == bool(product), label
        columns.append(column)
    assert {"name", "category", "city", "whatsapp", "product_name", "price", "photos"} <= set(columns)
    by_label = {e["attributes"].get("label"): e for e in form["body"]}
    assert by_label["Kategori"]["attributes"]["options"] == list(DEFAULT_CATEGORIES.values())
    assert KIND_UPDATE in by_label[KIND_LABEL]["attributes"]["options"]
    assert by_label["Foto produk 1"]["type"] == "textarea"  # GitHub accepts dropped files there


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


def test_the_schemas_do_catch_mistakes():
    workflow = load("pull-request.yml")
    workflow["permissions"] = {"contents": "readd"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(vendored_schema("github-workflows.json")).validate(workflow)
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    form["body"][1]["type"] = "file"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(vendored_schema("github-issue-forms.json")).validate(form)
