"""Product and booth cards: each card's markup built once in Python and reused by every page
that lists it (home, categories, cities, the directory, editions, a booth's products, a product
page's "Produk lain").

A Jinja macro per card was a quarter of a full re-render: a product page shows 8 other
products, each a macro call with its own context, a dozen template calls and escapes. Here a
card is made once per product or booth, language, page depth (SITEURL is relative to the page)
and variant, every exhibitor value escaped, and every later use is a dictionary lookup. The
markup is the one the macros in theme/templates/macros.html had, byte for byte; a theme that
wants other cards defines its own `product_card`/`booth_card` macros and imports them, which
shadows these globals.

One `Cards` per build (the generator makes it, and the page writer binds its cards to each
page): its cache keys on the identity of the catalog's objects, which live as long as the build.
"""

from __future__ import annotations

import functools
from typing import Mapping

from markupsafe import Markup, escape

from expo.site.pictures import page_picture

# The width a card's photo gets at each breakpoint; must match the CSS (2 columns, 3 from 40em,
# 4 for products from 60em; main is 62rem wide at most, the grids' gaps .75rem).
BOOTH_CARD_SIZES = ("(min-width: 64em) 20.2rem, (min-width: 40em) calc((100vw - 3.5rem) / 3), "
                    "calc((100vw - 2.75rem) / 2)")
PRODUCT_CARD_SIZES = ("(min-width: 64em) 15rem, (min-width: 60em) calc((100vw - 4.25rem) / 4), "
                      "(min-width: 40em) calc((100vw - 3.5rem) / 3), calc((100vw - 2.75rem) / 2)")
# Cards kept at most (about 30 MB): a city-wide catalog rendered in one process (a watching
# `invoke serve`) would otherwise keep every card of every variant. Pages come booth by booth,
# so a cleared cache refills with the cards the next pages show.
CACHE_MAX = 20_000


class Cards:
    """`product_card` and `booth_card` of one build; `for_page` binds them to a page."""

    def __init__(self, colours: Mapping[str, str]):
        self.colours = colours  # photo key -> placeholder colour (the photo pipeline's)
        self._made: dict[tuple, Markup] = {}

    def for_page(self, t, routes, siteurl: str) -> dict:
        """The page's `product_card(p, show_booth=True, eager=False, defer=False, level=3)`,
        `booth_card(e, eager=False, level=3)` and `picture(...)` (pictures.page_picture), bound to
        its language and SITEURL. Not context functions: Jinja hands a context function called in
        a loop (a card grid) a copy of the whole context, per call."""
        picture = page_picture(siteurl, self.colours)
        return {"product_card": functools.partial(self.product_card, t, routes, siteurl, picture),
                "booth_card": functools.partial(self.booth_card, t, routes, siteurl, picture),
                "picture": picture}

    def product_card(self, t, routes, siteurl: str, picture, p, show_booth: bool = True, eager: bool = False,
                     defer: bool = False, level: int = 3) -> Markup:
        """`level`: the heading's, one below the heading the card list sits under. A card's
        photo has an empty alt: the card's heading, in the same link, already names it."""
        key = ("p", id(p), t.lang, siteurl, show_booth, eager, defer, level)
        card = self._made.get(key)
        if card is None:
            site = escape(siteurl)
            card = (f'<article class="card product-card">\n'
                    f'  <a href="{site}/{escape(routes.product(p))}">\n'
                    f'    {picture(p.photo, PRODUCT_CARD_SIZES, eager=eager, alt="", defer=defer)}\n'
                    f'    <h{escape(level)}>{escape(t.product_name(p))}</h{escape(level)}>\n'
                    f'  </a>\n')
            if p.price_text:
                card += f'<p class="price">{escape(p.price_text)}</p>'
            if show_booth:
                card += f'<p class="meta">{escape(p.booth_name)}</p>'
            card = self._keep(key, Markup(card + "</article>"))
        return card

    def booth_card(self, t, routes, siteurl: str, picture, e, eager: bool = False, level: int = 3) -> Markup:
        """The cover, else the first product's photo: a logo cropped to 4:3 loses its edges."""
        key = ("b", id(e), t.lang, siteurl, eager, level)
        card = self._made.get(key)
        if card is None:
            site = escape(siteurl)
            tagline = t.tagline(e)
            card = (f'<article class="card booth-card">\n'
                    f'  <a href="{site}/{escape(routes.booth(e))}">\n'
                    f'    {picture(e.cover or e.products[0].photo, BOOTH_CARD_SIZES, eager=eager, alt="")}\n'
                    f'    <h{escape(level)}>{escape(e.name)}</h{escape(level)}>\n'
                    f'  </a>\n'
                    f'  <p class="meta">{escape(t.category_label(e.category))} · {escape(e.city)}</p>\n')
            if tagline:
                card += f'<p class="tagline">{escape(tagline)}</p>'
            card = self._keep(key, Markup(card + "</article>"))
        return card

    def _keep(self, key: tuple, card: Markup) -> Markup:
        if len(self._made) >= CACHE_MAX:
            self._made.clear()
        self._made[key] = card
        return card
