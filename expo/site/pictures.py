"""<picture> markup for a processed photo, built once per photo and use in Python.

A Jinja macro rebuilt the same srcset for every card on every page (1.5 M escapes for a
2,900-page expo); here each distinct use is rendered once and reused.
"""

from __future__ import annotations

import functools
from typing import Callable, Mapping

from markupsafe import Markup, escape

from expo.images.pipeline import Picture


@functools.lru_cache(maxsize=8192)
def picture_html(pic: Picture, sizes: str, siteurl: str, colour: str = "", eager: bool = False,
                 lazy: bool = True, class_: str = "", alt: str | None = None, defer: bool = False) -> Markup:
    """eager: the page's first, largest image (fetchpriority high, neither lazy nor async);
    lazy=False for small images above the fold. Every <img> carries width and height.
    alt: instead of the photo's own ('' where a heading next to it already names it).
    defer: fetched only once on screen (expo.js swaps data-srcset in when it scrolls into view),
    for images a browser's own lazy loading would fetch too early: it loads everything within
    1250-2500 px, so a phone fetched every swipe photo and every card below the first screen.
    Without JavaScript the <noscript> copy loads as usual."""
    base = escape(siteurl)
    sizes_attr = escape(sizes)

    def srcset(mime: str) -> str:
        return ", ".join(f"{base}/{escape(r.url)} {r.width}w" for r in pic.renditions if r.mime == mime)

    sources = "".join(f'\n  <source type="{mime}" sizes="{sizes_attr}" srcset="{srcset(mime)}">'
                      for mime in pic.mimes if mime != "image/jpeg")
    fallback = pic.fallback
    attributes = [f'src="{base}/{escape(fallback.url)}"', f'sizes="{sizes_attr}"',
                  f'srcset="{srcset("image/jpeg")}"', f'width="{fallback.width}"',
                  f'height="{fallback.height}"', f'alt="{escape(pic.alt if alt is None else alt)}"']
    if class_:
        attributes.append(f'class="{escape(class_)}"')
    if colour:
        attributes.append(f'style="background-color:{escape(colour)}"')
    if eager:
        attributes.append('fetchpriority="high"')
    else:
        if lazy:
            attributes.append('loading="lazy"')
        attributes.append('decoding="async"')
    html = f"<picture>{sources}\n  <img {' '.join(attributes)}>\n</picture>"
    if defer:
        waiting = html.replace(' srcset="', ' data-srcset="').replace(' src="', ' data-src="')
        html = waiting.replace("<img ", "<img data-defer ") + f"<noscript>{html}</noscript>"
    return Markup(html)


def page_picture(siteurl: str, colours: Mapping[str, str]) -> Callable[..., Markup]:
    """The templates' `picture(pic, sizes, eager=False, lazy=True, class_='', alt=None,
    defer=False)` of one page: `picture_html` at the page's SITEURL, with the photo's placeholder
    colour (`colours`: photo key -> colour, the photo pipeline's). A plain function bound to the
    page (render.py's helpers), not a macro: a macro call costs a dozen Python calls."""
    def picture(pic: Picture, sizes: str, eager: bool = False, lazy: bool = True, class_: str = "",
                alt: str | None = None, defer: bool = False) -> Markup:
        return picture_html(pic, sizes, siteurl, colours.get(pic.key, ""), eager, lazy, class_, alt, defer)
    return picture
