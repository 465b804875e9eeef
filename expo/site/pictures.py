"""<picture> markup for a processed photo, built once per photo and use in Python.

A Jinja macro rebuilt the same srcset for every card on every page (1.5 M escapes for a
2,900-page expo); here each distinct use is rendered once and reused.
"""

from __future__ import annotations

import functools

from markupsafe import Markup, escape

from expo.images.pipeline import Picture


@functools.lru_cache(maxsize=8192)
def picture_html(pic: Picture, sizes: str, siteurl: str, colour: str = "", eager: bool = False,
                 lazy: bool = True, class_: str = "") -> Markup:
    """eager: the page's first, largest image (fetchpriority high, neither lazy nor async);
    lazy=False for small images above the fold. Every <img> carries width and height."""
    base = escape(siteurl)
    sizes_attr = escape(sizes)

    def srcset(mime: str) -> str:
        return ", ".join(f"{base}/{escape(r.url)} {r.width}w" for r in pic.renditions if r.mime == mime)

    sources = "".join(f'\n  <source type="{mime}" sizes="{sizes_attr}" srcset="{srcset(mime)}">'
                      for mime in pic.mimes if mime != "image/jpeg")
    fallback = pic.fallback
    attributes = [f'src="{base}/{escape(fallback.url)}"', f'sizes="{sizes_attr}"',
                  f'srcset="{srcset("image/jpeg")}"', f'width="{fallback.width}"',
                  f'height="{fallback.height}"', f'alt="{escape(pic.alt)}"']
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
    return Markup(f"<picture>{sources}\n  <img {' '.join(attributes)}>\n</picture>")
