"""Hostile input that used to crash or stall: Markdown recursion and quadratic parsing, import
planning, photo budgets, report sizes. Each stall is checked for linear growth (tests/growth.py);
bench/hostile.py prints the times of the worst case at each limit."""

from __future__ import annotations

import pytest

from expo.content.markup import render_markdown
from growth import LINEAR, growth
from test_hostile import Y, problems, project_with
from sitekit import GOOD_YML

DESCRIPTION = "Batik tulis **pewarna alam**, 2 x 1,15 m."


def with_description(text: str) -> str:
    assert DESCRIPTION in GOOD_YML
    return GOOD_YML.replace(DESCRIPTION, text)


# --- Markdown -------------------------------------------------------------------------------

def test_nested_list_description_is_rendered_without_recursion(tmp_path):
    assert problems(project_with(tmp_path, with_description("1. " * 600))) == []


def test_nested_list_about_file_is_rendered_without_recursion(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    (root / "exhibitors/batik-sari/about.md").write_text("1. " * 3000 + "\n\n" + "> " * 3000, encoding="utf-8")
    assert problems(root) == []


@pytest.mark.parametrize("unit", ["[", "![", "[a](", "1. ", "> ", "- [", "*a ", "`a", "<"])
def test_markdown_cost_grows_linearly(unit):
    assert growth(lambda n: render_markdown(unit * (n // len(unit))), 8_000) < LINEAR


def test_deep_nesting_stops_at_the_limit():
    html = str(render_markdown("> " * 3000 + "x"))
    assert html.count("<blockquote>") <= 20


@pytest.mark.parametrize("link, shown", [
    ("//evil.io", "klik"), ("/\\evil.io", "klik"), ("/pages/x", "klik"), ("http:evil.io", "klik"),
    ("mailto:a@b.id", "klik"),
    # schemes markdown-it refuses itself stay as typed, as text
    ("javascript:alert(1)", "[klik](javascript:alert(1))"), ("data:text/html,x", "[klik](data:text/html,x)"),
])
def test_only_absolute_web_links_survive(link, shown):
    html = str(render_markdown(f"[klik]({link}) dan [ok](https://batiksari.example.com/)"))
    assert html == f'<p>{shown} dan <a href="https://batiksari.example.com/" rel="nofollow noopener ugc">ok</a></p>\n'


def test_raw_html_is_shown_as_text_and_headings_sit_below_the_page_title():
    assert str(render_markdown("# Cerita\n\n<b>x</b>")) == "<h2>Cerita</h2>\n<p>&lt;b&gt;x&lt;/b&gt;</p>\n"


# --- regular expressions on untrusted text ----------------------------------------------------

def _quiet(read):
    """A reader that may refuse its input; only the time matters here."""
    def run(text):
        try:
            read(text)
        except Exception:  # CredentialError, VideoError: a refusal, not a stall
            pass
    return run


def _regex_cases():
    from expo.content.fields import is_email, is_host_name
    from expo.importer.columns import normalise
    from expo.importer.rows import _SCIENTIFIC, _owners, _parent_field, _urls
    from expo.values.logins import normalize_login
    from expo.text.escape import printable
    from expo.values.credentials import parse_credential
    from expo.values.slugs import SLUG_RE, slugify
    from expo.values.video import parse_video

    return [
        # (name, reader, the adversarial text for a size n)
        ("email dots", is_email, lambda n: "a@" + "a." * (n // 2) + "!"),
        ("email local", is_email, lambda n: "a." * (n // 2) + "@"),
        ("host labels", is_host_name, lambda n: "a" + ".a-a" * (n // 4) + "-"),
        ("host hyphens", is_host_name, lambda n: "a." + "a-" * (n // 2) + "!"),
        ("slug rule", SLUG_RE.match, lambda n: "a-" * (n // 2) + "!"),
        ("slugify", slugify, lambda n: "a-!" * (n // 3)),
        ("login", normalize_login, lambda n: "a-" * (n // 2)),
        ("excel number", _SCIENTIFIC.match, lambda n: "1." + "1" * n + "e"),
        ("header brackets", normalise, lambda n: "(" * n),
        ("header squares", normalise, lambda n: "[" * n),
        ("header spaces", normalise, lambda n: " " * n + "x"),
        ("field name", _parent_field, lambda n: "x" * n + "]"),
        ("url list", _urls, lambda n: " ;," * (n // 3) + "x"),
        ("owner list", _owners, lambda n: ",;\n" * (n // 3) + "x"),
        ("credential", _quiet(lambda text: parse_credential("nib", text)), lambda n: " .-/" * (n // 4) + "x"),
        ("video", _quiet(parse_video), lambda n: "https://youtu.be/" + "a" * n),
        ("escape", printable, lambda n: "\x1b\n" * (n // 2)),
    ]


@pytest.mark.parametrize("case", _regex_cases(), ids=lambda case: case[0])
def test_readers_of_untrusted_text_are_linear(case):
    _name, read, make = case
    assert len(make(200_000)) >= 199_990  # the long input really is long
    assert growth(lambda n: read(make(n)), 100_000) < LINEAR
