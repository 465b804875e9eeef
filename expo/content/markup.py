"""Exhibitor Markdown -> safe HTML: rendered with Markdown, then cleaned with an allow-list.

Exhibitor text is untrusted. nh3 (the Rust ammonia sanitiser) keeps formatting tags and drops
scripts, event handlers, iframes, styles and every link scheme except http(s).

A catalog holds thousands of texts: one Markdown converter per process is reused (building one
costs more than converting a description), and each text is converted once per process, so
`invoke serve --watch` rebuilds and texts that repeat (many booths paste the same shipping note)
cost a lookup.
"""

from __future__ import annotations

import functools
import threading

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "del", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "code", "pre", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
# Headings in exhibitor text sit below the page's own h1: '# Cerita' becomes an h2.
_HEADING_SHIFT = {"<h1>": "<h2>", "</h1>": "</h2>", "<h5>": "<h4>", "</h5>": "</h4>",
                  "<h6>": "<h4>", "</h6>": "</h4>"}


_converter: markdown.Markdown | None = None
_converter_lock = threading.Lock()  # `invoke serve --watch` builds beside a server thread


def _to_html(text: str) -> str:
    global _converter
    with _converter_lock:
        if _converter is None:
            _converter = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        return _converter.reset().convert(text)  # reset: no reference links leak between texts


# Bounded so that a long `invoke serve --watch` session does not keep every text it ever saw;
# a build converts each distinct text once whatever the size (misses only cost a conversion).
@functools.lru_cache(maxsize=1 << 16)
def render_markdown(text: str) -> Markup:
    html = _to_html(text)
    for old, new in _HEADING_SHIFT.items():
        html = html.replace(old, new)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )
    return Markup(clean)
