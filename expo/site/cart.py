"""What the WhatsApp cart (theme/static/js/cart.js) needs from the build (pure).

The cart lives in the visitor's browser (localStorage); there is no server. Each product page
carries the product's data (names in every language, price, the booth's WhatsApp digits and
code) and the cart page carries the message templates of its language, both as JSON in a
<script type="application/json"> block (escaped by `script_json`). The JavaScript fills the
templates with the same rule as `orders.order_message`.

Order codes look like UVO26-K7Q-3F2A: the organiser's prefix, the booth's code and a random part
made in the browser. A booth's code comes from its folder name alone, so it stays the same while
other booths join; only when two booths' codes would be equal do both get a longer one.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter

from markupsafe import Markup

from expo.content.models import Catalog, Exhibitor, Product
from expo.site.routes import Routes
from expo.site.structured import script_json

# No 0/O or 1/I: the exhibitor may read the code out over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
MAX_QUANTITY = 999  # the cart's limits, shared with cart.js through the page data
MAX_NOTE = 200


def _code(slug: str, length: int) -> str:
    digest = int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:8], "big")
    letters = []
    for _ in range(length):
        digest, index = divmod(digest, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[index])
    return "".join(letters)


@functools.lru_cache(maxsize=4)
def booth_codes(slugs: tuple[str, ...]) -> dict[str, str]:
    """A short code per booth folder, unique among `slugs`: 3 letters, more where two clash."""
    codes: dict[str, str] = {}
    for length in range(3, 13):
        pending = [s for s in slugs if s not in codes]
        if not pending:
            break
        trial = {s: _code(s, length) for s in pending}
        taken = Counter(codes.values())  # a Counter, not list.count: 23,000 booths made that quadratic
        taken.update(trial.values())
        for slug, code in trial.items():
            if taken[code] == 1:
                codes[slug] = code
    return codes


_last_codes: list = [None, {}]  # [the catalog's exhibitors, their codes]: one catalog per build


def booth_code(catalog: Catalog, exhibitor: Exhibitor) -> str:
    # Called for every product page: the codes are worked out once per catalog, not rebuilt
    # (and hashed) from every booth's slug on each call, which grew with the catalog.
    if _last_codes[0] is not catalog.exhibitors:
        _last_codes[:] = [catalog.exhibitors, booth_codes(tuple(e.slug for e in catalog.exhibitors))]
    return _last_codes[1][exhibitor.slug]


def cart_product(product: Product, exhibitor: Exhibitor, routes: Routes, catalog: Catalog) -> Markup | None:
    """The product as the cart stores it; None when its booth has no WhatsApp to order on."""
    if exhibitor.whatsapp is None:
        return None
    fixed = product.price is not None and product.price_max in (None, product.price)
    data = {
        "id": f"{exhibitor.slug}/{product.slug}",
        "booth": exhibitor.slug,
        "boothName": exhibitor.name,
        "boothCode": booth_code(catalog, exhibitor),
        "wa": exhibitor.whatsapp.digits,
        "name": {"id": product.name, "en": product.name_en or product.name},
        "price": product.price if fixed else None,  # a unit price the cart can multiply
        "priceText": product.price_text,
        "path": routes.product(product)[len(routes.prefix):],  # the cart adds its language
    }
    return script_json(data)


def cart_text(routes: Routes) -> Markup:
    """The cart page's message templates and labels, in the page's language."""
    t = routes.text
    english = t.english
    data = {
        "lang": routes.lang,
        "prefix": routes.prefix,
        "expo": t.expo_name,
        "codePrefix": routes.expo.order_code_prefix,
        "maxQuantity": MAX_QUANTITY,
        "maxNote": MAX_NOTE,
        "message": routes.expo.cart_message_en if english else routes.expo.cart_message,
        # {quantity} {product} {price} {subtotal}, {note}: one order line and its note
        "item": t.gettext("- {quantity} × {product} @ {price} = {subtotal}"),
        "itemAsk": t.gettext("- {quantity} × {product} ({price})"),
        "note": t.gettext("  Catatan: {note}"),
        "ask": t.gettext("mohon info harganya"),
        "totalAsk": t.gettext("{total} + barang yang harganya perlu ditanyakan"),
        "send": t.gettext("Kirim pesanan ke {booth} via WhatsApp"),
        "quantity": t.gettext("Jumlah"),
        "noteLabel": t.gettext("Catatan (ukuran, warna)"),
        "remove": t.gettext("Hapus"),
        "total": t.gettext("Total"),
        "code": t.gettext("Kode pesanan"),
    }
    return script_json(data)
