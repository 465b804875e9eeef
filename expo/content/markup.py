"""Exhibitor Markdown -> safe HTML: rendered with Markdown, then cleaned with an allow-list.

Exhibitor text is untrusted. nh3 (the Rust ammonia sanitiser) keeps formatting tags and drops
scripts, event handlers, iframes, styles and every link scheme except http(s).
"""

from __future__ import annotations

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


def render_markdown(text: str) -> Markup:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
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
