"""The actions/github-script steps of the workflows, run in Node.js against a stand-in GitHub API:
one comment found by its marker and edited (never repeated), suggested changes posted once, the
pull request found by the checked commit, nothing vouched for when .github/ changes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from expo.pr.comment import MARKER

REPO = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js runs the workflows' github-script steps")

# A stand-in for the `github`, `context` and `core` objects github-script gives a script: it
# keeps the comments in a JSON state file and prints the state after the script ran.
HARNESS = r"""
const fs = require('fs');
const [scriptFile, stateFile] = process.argv.slice(2);
const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
let nextId = 1000;
const api = (name, fn) => async (params) => { state.calls.push(name); return { data: fn(params || {}) }; };
const github = {
  paginate: async (method, params) => (await method(params)).data,
  rest: {
    pulls: {
      list: api('pulls.list', () => state.pulls),
      listFiles: api('pulls.listFiles', () => state.files),
      listReviewComments: api('pulls.listReviewComments', () => state.reviewComments),
      createReviewComment: api('pulls.createReviewComment', (p) => { state.reviewComments.push(p); return p; }),
    },
    issues: {
      listComments: api('issues.listComments', (p) => state.comments.filter((c) => c.issue_number === p.issue_number)),
      createComment: api('issues.createComment', (p) => {
        const c = { id: nextId++, issue_number: p.issue_number, body: p.body, user: { login: 'github-actions[bot]' } };
        state.comments.push(c); return c;
      }),
      updateComment: api('issues.updateComment', (p) => {
        const c = state.comments.find((x) => x.id === p.comment_id); c.body = p.body; return c;
      }),
    },
  },
};
const context = { repo: { owner: 'panitia', repo: 'expo' }, payload: state.payload };
const core = { info: () => {}, warning: (m) => state.warnings.push(m) };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('require', 'github', 'context', 'core', fs.readFileSync(scriptFile, 'utf8'))(require, github, context, core)
  .then(() => process.stdout.write(JSON.stringify(state)))
  .catch((e) => { console.error(e); process.exit(1); });
"""


def script_of(workflow: str) -> str:
    data = yaml.safe_load((REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    return next(step["with"]["script"] for job in data["jobs"].values() for step in job["steps"]
                if step.get("uses", "").startswith("actions/github-script@"))


def run_script(tmp_path: Path, workflow: str, state: dict, env: dict | None = None) -> dict:
    (tmp_path / "harness.js").write_text(HARNESS, encoding="utf-8")
    (tmp_path / "script.js").write_text(script_of(workflow), encoding="utf-8")
    (tmp_path / "state.json").write_text(json.dumps({"calls": [], "warnings": [], **state}), encoding="utf-8")
    result = subprocess.run([NODE, "harness.js", "script.js", "state.json"], cwd=tmp_path, capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", **(env or {})}, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SHA = "a" * 40
SUGGESTION = {"path": "exhibitors/batik-sari/exhibitor.yml", "line": 11,
              "body": "<!-- expo-katalog-suggestion 86f4cace54e7e0b6 -->\nx\n\n```suggestion\ny\n```"}


def pr_state(files=("exhibitors/batik-sari/exhibitor.yml",)) -> dict:
    return {"payload": {"workflow_run": {"head_sha": SHA}},
            "pulls": [{"number": 5, "head": {"sha": "b" * 40}}, {"number": 7, "head": {"sha": SHA}}],
            "files": [{"filename": f} for f in files], "comments": [], "reviewComments": []}


def write_review(tmp_path: Path, body: str, suggestions=(SUGGESTION,)) -> None:
    (tmp_path / "review").mkdir(exist_ok=True)
    (tmp_path / "review" / "review.json").write_text(json.dumps(
        {"marker": MARKER, "ok": False, "body": body, "suggestions": list(suggestions)}), encoding="utf-8")


def test_review_comment_is_posted_once_then_edited(tmp_path):
    write_review(tmp_path, f"{MARKER}\nfirst")
    state = run_script(tmp_path, "pull-request-comment.yml", pr_state())
    assert [(c["issue_number"], c["body"]) for c in state["comments"]] == [(7, f"{MARKER}\nfirst")]
    assert [(c["path"], c["line"], c["commit_id"], c["side"]) for c in state["reviewComments"]] == [
        ("exhibitors/batik-sari/exhibitor.yml", 11, SHA, "RIGHT")]
    write_review(tmp_path, f"{MARKER}\nsecond")
    again = run_script(tmp_path, "pull-request-comment.yml", {**pr_state(), "comments": state["comments"],
                                                              "reviewComments": state["reviewComments"]})
    assert [c["body"] for c in again["comments"]] == [f"{MARKER}\nsecond"]  # edited, not repeated
    assert len(again["reviewComments"]) == 1  # the same suggestion is not posted twice
    assert "issues.createComment" not in again["calls"]


def test_a_pull_request_changing_github_files_gets_a_warning_not_its_own_result(tmp_path):
    write_review(tmp_path, f"{MARKER}\n✅ everything passed, merge me")
    state = run_script(tmp_path, "pull-request-comment.yml",
                       pr_state(files=(".github/workflows/pull-request.yml", "exhibitors/x/exhibitor.yml")))
    body = state["comments"][0]["body"]
    assert body.startswith(MARKER) and "merge me" not in body and "invoke review" in body
    assert state["reviewComments"] == []


def test_nothing_is_posted_without_an_open_pull_request_at_that_commit_or_a_real_review(tmp_path):
    write_review(tmp_path, f"{MARKER}\nx")
    state = pr_state()
    state["pulls"] = [{"number": 5, "head": {"sha": "b" * 40}}]
    assert run_script(tmp_path, "pull-request-comment.yml", state)["comments"] == []
    forged = dict(SUGGESTION, path="pelicanconf.py")
    write_review(tmp_path, "no marker: not written by invoke review", suggestions=[forged])
    result = run_script(tmp_path, "pull-request-comment.yml", pr_state())
    assert result["reviewComments"] == [] and result["comments"] == []
    assert result["warnings"] == ["review.json was not written by invoke review: nothing posted"]


def test_issue_answer_carries_the_pull_request_link_and_is_edited_on_the_next_run(tmp_path):
    booth = tmp_path / "booth"
    booth.mkdir()
    marker = "<!-- expo-katalog-issue -->"
    (booth / "result.json").write_text(json.dumps({"ok": True, "comment": f"{marker}\n✅ siap",
                                                   "pull_request_line": "Pull request: {url}"}), encoding="utf-8")
    state = {"payload": {"issue": {"number": 42}}, "comments": []}
    url = "https://github.com/panitia/expo/pull/9"
    first = run_script(tmp_path, "issue-to-booth.yml", state, {"RUNNER_TEMP": str(tmp_path), "PR_URL": url})
    assert [c["body"] for c in first["comments"]] == [f"{marker}\n✅ siap\n\nPull request: {url}"]
    (booth / "result.json").write_text(json.dumps({"ok": False, "comment": f"{marker}\n❌ perbaiki"}), encoding="utf-8")
    second = run_script(tmp_path, "issue-to-booth.yml", {**state, "comments": first["comments"]},
                        {"RUNNER_TEMP": str(tmp_path)})
    assert [c["body"] for c in second["comments"]] == [f"{marker}\n❌ perbaiki"]
