"""Exhibitor Markdown: one reused converter per process, each text converted once."""

import markdown

from expo.content import markup

TEXTS = [
    "Batik tulis **pewarna alam**.\n\nLihat [toko kami][toko].\n\n[toko]: https://toko.example.com\n",
    "Lihat [toko kami][toko] juga.\n",  # the definition above must not leak into this text
    "# Cerita\n\n| ukuran | harga |\n|---|---|\n| S | Rp50.000 |\n",
    "3. tiga\n4. empat\n\n- satu\n- dua\n",
    "Tanda <b>tebal</b> dan catatan kaki[^1].\n\n[^1]: bukan ekstensi kami\n",
]


def test_the_reused_converter_writes_what_a_fresh_converter_writes():
    for text in TEXTS + TEXTS[::-1]:
        fresh = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
        assert markup._to_html(text) == fresh


def test_a_reference_defined_in_one_text_does_not_link_in_the_next():
    markup.render_markdown.cache_clear()
    markup.render_markdown(TEXTS[0])
    assert "href" not in markup.render_markdown(TEXTS[1])


def test_each_distinct_text_is_converted_once(monkeypatch):
    markup.render_markdown.cache_clear()
    converted = []
    real = markup._to_html
    monkeypatch.setattr(markup, "_to_html", lambda text: converted.append(text) or real(text))
    first = markup.render_markdown("Keripik **pedas**.")
    again = markup.render_markdown("Keripik **pedas**.")
    other = markup.render_markdown("Keripik *manis*.")
    assert first == again == "<p>Keripik <strong>pedas</strong>.</p>"
    assert other == "<p>Keripik <em>manis</em>.</p>"
    assert converted == ["Keripik **pedas**.", "Keripik *manis*."]
