"""Cached template fragments: a part of a template that thousands of pages share, rendered once
per key instead of once per page (Hugo's partialCached).

In a template, `{% call fragment('site-header', lang, SITEURL, page_name) %}...{% endcall %}`
renders its body the first time a key is seen and gives the same markup for every later page
with that key. The key must name everything the body reads that can differ between pages (the
language, SITEURL, which is relative to the page's folder, the page kind...): a value left out
would show the first page's on all the others. base.html caches its head links, header and
footer this way: on a product page they were a fifth of its rendering (about 60 template
expressions and calls).

One `Fragments` per build (the generator makes it); pages rendered in worker processes each
fill their own copy, starting from what the build process had when it forked.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup


class Fragments:
    """The template global `fragment(*key, caller)`."""

    def __init__(self) -> None:
        self._made: dict[tuple, Markup] = {}

    def __call__(self, *key: object, caller: Callable[[], Markup]) -> Markup:
        html = self._made.get(key)
        if html is None:
            html = self._made[key] = Markup(caller())
        return html
