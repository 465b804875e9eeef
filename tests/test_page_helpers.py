"""What makes a full re-render fast without changing a page (issue 9, item 3): cards built once
(expo/site/cards.py), cached fragments (fragments.py), page-bound gettext and pictures
(generator.page_gettext, pictures.page_picture) and compiled templates kept between builds.
The pages themselves are compared with a clean build by test_incremental.py and test_render.py."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from types import SimpleNamespace

from jinja2 import DictLoader, Environment
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from expo.cli.build import build
from expo.images.pipeline import Picture, Rendition
from expo.settings import ExpoSettings
from expo.site.cards import Cards
from expo.site.fragments import Fragments
from expo.site.generator import _gettext, _ngettext, page_gettext
from expo.site.template_cache import compiled_templates
from expo.site.text import Text
from htmlkit import Page
from sitekit import make_project

EVIL = '<script>alert(1)</script>"&'


def _picture(name: str) -> Picture:
    base = f"media/toko/{name}-1a2b3c4d5e"
    return Picture(Path(f"{name}.jpg"), f"{name}key", "foto", 800, 600,
                   (Rendition(base, 400, 300, "image/avif"), Rendition(base, 400, 300, "image/jpeg")),
                   Rendition(base, 1200, 630, "image/jpeg", share=True))


def _page(lang: str = "id"):
    t = SimpleNamespace(lang=lang, product_name=lambda p: p.name, tagline=lambda e: e.tagline,
                        category_label=lambda key: key.title())
    routes = SimpleNamespace(product=lambda p: f"booth/toko/{p.slug}/", booth=lambda e: f"booth/{e.slug}/")
    return t, routes


def test_a_card_is_escaped_made_once_and_kept_apart_by_language_depth_and_variant():
    product = SimpleNamespace(slug="kain", name=f"Kain {EVIL}", price_text="Rp1.000", booth_name=f"Toko {EVIL}",
                              photo=_picture("kain"))
    cards = Cards({"kainkey": "#123456"})
    t, routes = _page()
    card = cards.for_page(t, routes, "../..")["product_card"]
    first = card(product)
    assert isinstance(first, Markup) and card(product) is first  # the second use is the first's markup
    assert "<script>" not in first and "Kain &lt;script&gt;alert(1)&lt;/script&gt;&#34;&amp;" in first
    assert '<p class="meta">Toko &lt;script&gt;' in first and 'style="background-color:#123456"' in first
    assert first.startswith('<article class="card product-card">\n  <a href="../../booth/toko/kain/">\n')
    assert first.endswith('</h3>\n  </a>\n<p class="price">Rp1.000</p><p class="meta">Toko &lt;script&gt;alert(1)'
                          '&lt;/script&gt;&#34;&amp;</p></article>')
    assert 'data-srcset="../../media' in card(product, show_booth=False, defer=True)
    assert "<h2>" in card(product, level=2) and 'src="../media' in cards.for_page(t, routes, "..")["product_card"](product)
    english = cards.for_page(_page("en")[0], routes, "../..")["product_card"](product)
    assert english is not first and english == first  # its own entry (names and labels differ by language)


def test_a_booth_card_shows_the_cover_else_the_first_product_and_escapes_the_booth():
    booth = SimpleNamespace(slug="toko", name=f"Toko {EVIL}", category="batik", city=f"Kota {EVIL}",
                            tagline=None, cover=None, products=[SimpleNamespace(photo=_picture("kain"))])
    t, routes = _page()
    card = Cards({}).for_page(t, routes, "..")["booth_card"](booth, eager=True, level=2)
    assert "kain-1a2b3c4d5e-400.jpg" in card and 'fetchpriority="high"' in card and 'class="tagline"' not in card
    assert "<h2>Toko &lt;script&gt;" in card and "<p class=\"meta\">Batik · Kota &lt;script&gt;" in card


def test_a_fragment_renders_its_body_once_per_key():
    env = Environment(loader=DictLoader({"page": "{% call fragment('head', lang) %}{{ lang }} {{ n }}{% endcall %}"}),
                      autoescape=True)
    env.globals["fragment"] = Fragments()
    template = env.get_template("page")
    assert [template.render(lang=lang, n=n) for lang, n in (("id", 1), ("id", 2), ("en", 3))] == ["id 1", "id 1", "en 3"]


def test_page_gettext_gives_what_the_context_gettext_gives(tmp_path):
    env = Environment(loader=DictLoader({"page": "{{ _('Pesan') }}|{{ _('Toko %(name)s juga ada di:', name=name) }}|"
                                                 "{{ _('100%% asli') }}|{{ ngettext('%(num)s booth', '%(num)s booth', 2) }}"}),
                      autoescape=True, extensions=["jinja2.ext.i18n"])
    env.globals.update(_=_gettext, gettext=_gettext, ngettext=_ngettext)
    template = env.get_template("page")
    for lang in ("id", "en"):
        text = Text(lang, ExpoSettings())
        by_context = template.render(t=text, name=EVIL)
        bound = template.render(t=text, name=EVIL, **page_gettext(text))
        assert bound == by_context and "&lt;script&gt;" in bound and "100% asli" in bound
    assert template.render(t=Text("en", ExpoSettings()), name="x", **page_gettext(Text("en", ExpoSettings()))).startswith("Order|")


def test_content_pages_mark_their_own_menu_entry_in_the_cached_header(tmp_path):
    root = make_project(tmp_path)
    (root / "content/pages/cara.md").write_text("Title: Cara Bergabung\nSlug: cara-bergabung\n\nDaftar.\n", encoding="utf-8")
    site = build(root).output
    for path, title in (("tentang/index.html", "Tentang Expo"), ("cara-bergabung/index.html", "Cara Bergabung")):
        marked = [a.text for a in Page(site / path, site).find_all("a") if a.attrs.get("aria-current") == "page"]
        assert marked == [title], path


def test_compiled_templates_are_kept_and_named_by_what_shapes_them(tmp_path):
    def environment(**options):
        env = Environment(loader=DictLoader({"page": "{% if x %}\n{{ x }}\n{% endif %}"}), autoescape=True, **options)
        env.bytecode_cache = compiled_templates(env, tmp_path / "templates")
        return env

    assert environment().get_template("page").render(x=1) == "\n1\n"
    assert environment().get_template("page").render(x=1) == "\n1\n"  # from the cache
    assert len(list((tmp_path / "templates").iterdir())) == 1
    assert environment(trim_blocks=True).get_template("page").render(x=1) == "1\n"  # not the other's code
    assert len(list((tmp_path / "templates").iterdir())) == 2


def test_a_compiled_template_not_signed_with_our_key_is_never_loaded(tmp_path):
    """Loading compiled code runs it: a cache file from a pull request (here: another template's
    code, filed under this template's source, signed with another key) is ignored, and the
    template is compiled from its source again."""
    def environment(text: str) -> Environment:
        env = Environment(loader=DictLoader({"page": text}), autoescape=True)
        env.bytecode_cache = compiled_templates(env, tmp_path / "templates")
        return env

    assert environment("{{ x }} asli").get_template("page").render(x=1) == "1 asli"
    (cached,) = (tmp_path / "templates").iterdir()
    forged = Bucket(environment("{{ x }} palsu"), "page", BytecodeCache.get_source_checksum(None, "{{ x }} asli"))
    forged.code = forged.environment.compile("{{ x }} palsu", "page", "page")
    body = forged.bytecode_to_string()
    cached.write_bytes(hmac.new(b"k" * 32, body, hashlib.sha256).digest() + body)
    assert environment("{{ x }} asli").get_template("page").render(x=1) == "1 asli"


def test_the_card_cache_is_bounded(monkeypatch):
    import expo.site.cards as cards_module

    monkeypatch.setattr(cards_module, "CACHE_MAX", 3)
    cards = Cards({})
    t, routes = _page()
    card = cards.for_page(t, routes, "..")["product_card"]
    products = [SimpleNamespace(slug=f"p{n}", name=f"P{n}", price_text=None, booth_name="Toko", photo=_picture("kain"))
                for n in range(7)]
    made = [card(p) for p in products]
    assert len(cards._made) <= 3 and [card(p) for p in products] == made  # same markup, made again
