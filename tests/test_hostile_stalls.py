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
    assert growth(lambda n: render_markdown(unit * (n // len(unit))), 16_000) < LINEAR


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
