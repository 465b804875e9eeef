"""Heading levels on every built page only ever go one level deeper at a time (axe's
`heading-order`): screen reader users move through a page by its headings, and a card list's
h3 right under the h1 reads as a missing section. The browser test (tests/browser/
test_accessibility.py) checks the same with axe, including the search results search.js adds."""

from __future__ import annotations

from htmlkit import pages

LEVELS = {f"h{n}": n for n in range(1, 7)}


def skipped_levels(levels: list[int]) -> list[str]:
    """'h1 -> h3' for every heading more than one level below the heading before it."""
    return [f"h{before} -> h{after}" for before, after in zip([0] + levels, levels) if after > before + 1]


def test_skipped_levels():
    assert skipped_levels([1, 2, 3, 2, 3, 3, 1, 2]) == []
    assert skipped_levels([1, 3]) == ["h1 -> h3"]
    assert skipped_levels([2]) == ["h0 -> h2"]  # a page starts with its h1


def test_no_page_skips_a_heading_level(demo):
    checked = set()
    for page in pages(demo):
        levels = [LEVELS[e.tag] for e in page.elements if e.tag in LEVELS]
        assert skipped_levels(levels) == [], page.path
        checked.add(page.path.relative_to(demo).parts[0])
    # the card lists: directory, categories and cities, booths, products, search, home
    assert {"peserta", "kategori", "kota", "booth", "cari", "index.html"} <= checked
