"""Exhibitor Markdown -> safe HTML: rendered with markdown-it-py, then cleaned with an allow-list.

Exhibitor text is untrusted, and a pull request's Markdown is rendered on CI by validate and
again by build, so the converter must have linear worst cases. Python-Markdown does not:
`"1. " * 600` ends in a RecursionError in its list processor, and runs of `[`, `![` or `[a](`
cost quadratic time (5,000 `[` about 5 s, 40,000 about 7 minutes). markdown-it-py (CommonMark)
was measured on the same inputs and on the other shapes a parser can choke on (emphasis runs,
backticks, `<`, entities, tables, quotes, nested lists): every case grows linearly, the
slowest (`![` repeated) costs about 20 microseconds per character, so the largest text a booth
may hold (256 KB of exhibitor.yml plus two 64 KB about files) stays within seconds; nesting of
lists and quotes stops at `maxNesting` (20) instead of recursing. bench/hostile.py prints these
figures; tests/test_hostile.py checks that doubling the input about doubles the time.

Raw HTML is not interpreted (it shows as text); links are kept only when they are absolute
http(s) addresses, so `//evil.io`, `/\\evil.io` and relative paths become plain text. nh3 (the
Rust ammonia sanitiser) then keeps only formatting tags, as a second lock.

A catalog holds thousands of texts: each is converted once per process (texts that repeat,
like a shared shipping note, cost a lookup), and between builds the converter's HTML is kept by
content in `markdown.json` in the cache folder (`remember_markdown` / `keep_markdown`), so a
rebuild converts only new or edited texts. Only the conversion is cached: nh3 cleans every
text on every build, so a tampered cache file still cannot put a script on a page.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import markdown_it
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "del", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "code", "pre", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
MAX_NESTING = 20  # lists and quotes deeper than this stay text: no recursion, no deep HTML
# Headings in exhibitor text sit below the page's own h1: '# Cerita' becomes an h2.
_HEADING_SHIFT = {"h1": "h2", "h5": "h4", "h6": "h4"}

_MARKDOWN = (MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
             .enable("table").enable("strikethrough"))


_lock = threading.Lock()  # `invoke serve --watch` builds beside a server thread

CACHE_NAME = "markdown.json"
# The HTML changes with the converter's version and options: another recipe, another cache.
_RECIPE = f"markdown-it {markdown_it.__version__} commonmark table strikethrough nesting {MAX_NESTING} v1"
_saved: dict[str, str] = {}  # text digest -> converted HTML, as the last build kept it
_used: dict[str, str] = {}  # the same for the texts converted or reused since then
_recording: list[str] | None = None  # keys of the texts read inside `texts_read()`


def _to_html(text: str) -> str:
    """The converter's HTML for `text`, converted at most once per process and cache."""
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    html = _used.get(key)
    if html is None:
        html = _saved.get(key)
    if html is None:
        html = _convert(text)
    _used[key] = html
    if _recording is not None:
        _recording.append(key)
    return html


@contextlib.contextmanager
def texts_read() -> Iterator[list[str]]:
    """The cache keys of the texts converted inside the block: the booth cache keeps them with
    the booth, so that markdown.json still holds them while the booth comes from that cache."""
    global _recording
    keys: list[str] = []
    outer, _recording = _recording, keys
    try:
        yield keys
    finally:
        _recording = outer


def keep_texts(keys) -> None:
    """Texts of a booth read from the booth cache: kept in markdown.json as if converted."""
    for key in keys:
        html = _used.get(key) or _saved.get(key)
        if html is not None:
            _used[key] = html


def _convert(text: str) -> str:
    with _lock:
        tokens = _MARKDOWN.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_SHIFT.get(token.tag, token.tag)
        if token.type in ("th_open", "td_open"):
            _style_to_align(token)
        if token.children:
            token.children = _only_web_links(token.children)
    return _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})


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
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )
    return Markup(clean)


def is_web_link(href: str) -> bool:
    """An absolute http(s) address with a host: not '//evil.io', '/\\evil.io' or 'http:evil'."""
    try:
        parts = urlsplit(href)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) \
            and href[len(parts.scheme) + 1:].startswith("//")
    except ValueError:
        return False


def _only_web_links(children: list) -> list:
    """Inline tokens with every link that is not an absolute http(s) address unwrapped to its
    text (CommonMark links do not nest, so one flag pairs each open with its close)."""
    kept, dropping = [], False
    for token in children:
        if token.type == "link_open" and not is_web_link(token.attrGet("href") or ""):
            dropping = True
            continue
        if token.type == "link_close" and dropping:
            dropping = False
            continue
        kept.append(token)
    return kept


def _style_to_align(token) -> None:
    """markdown-it writes column alignment as a style, which the sanitiser drops; keep it."""
    style = token.attrGet("style") or ""
    if style.startswith("text-align:"):
        token.attrs.pop("style", None)
        token.attrSet("align", style.split(":", 1)[1])
