"""Exhibitor Markdown -> safe HTML: rendered with Markdown, then cleaned with an allow-list.

Exhibitor text is untrusted. nh3 (the Rust ammonia sanitiser) keeps formatting tags and drops
scripts, event handlers, iframes, styles and every link scheme except http(s).

A catalog holds thousands of texts: one Markdown converter per process is reused (building one
costs more than converting a description), and each text is converted once, so texts that repeat
(many booths paste the same shipping note) cost a lookup. Between builds, Markdown's output is kept by content in `markdown.json` in the
cache folder (`remember_markdown` / `keep_markdown`), so a rebuild converts only new or edited
texts. Only Markdown's step is cached: nh3 cleans every text on every build, so a tampered cache
file still cannot put a script on a page.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

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


_EXTENSIONS = ("tables", "sane_lists")
_converter: markdown.Markdown | None = None
_converter_lock = threading.Lock()  # `invoke serve --watch` builds beside a server thread

CACHE_NAME = "markdown.json"
# Markdown's output changes with its version and extensions: another recipe, another cache.
_RECIPE = f"markdown {markdown.__version__} {' '.join(_EXTENSIONS)} html"
_saved: dict[str, str] = {}  # text digest -> Markdown's HTML, as the last build kept it
_used: dict[str, str] = {}  # the same for the texts converted or reused since then


def _to_html(text: str) -> str:
    """Markdown's HTML for `text`, converted at most once per process and cache."""
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    html = _used.get(key)
    if html is None:
        html = _saved.get(key)
    if html is None:
        html = _convert(text)
    _used[key] = html
    return html


def _convert(text: str) -> str:
    global _converter
    with _converter_lock:
        if _converter is None:
            _converter = markdown.Markdown(extensions=list(_EXTENSIONS), output_format="html")
        return _converter.reset().convert(text)  # reset: no reference links leak between texts


def remember_markdown(cache_dir: Path) -> None:
    """Load what the last build kept, before the catalog is read; start a new list of used texts."""
    global _saved, _used
    _used = {}
    try:
        data = json.loads((cache_dir / CACHE_NAME).read_text(encoding="utf-8"))
        saved = data["html"] if data.get("recipe") == _RECIPE else {}
        _saved = {str(k): str(v) for k, v in saved.items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        _saved = {}


def keep_markdown(cache_dir: Path) -> None:
    """Save the texts of this build (and no others) for the next one, and free the memory."""
    global _saved, _used
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{CACHE_NAME}.{os.getpid()}"
    tmp.write_text(json.dumps({"recipe": _RECIPE, "html": _used}), encoding="utf-8")
    tmp.replace(cache_dir / CACHE_NAME)
    _saved, _used = {}, {}


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
