"""Exhibitor Markdown: each text converted once per process, the converter's output kept
between builds by content, and every text sanitised on every build."""

import json

import pytest

from expo.content import markup

TEXTS = [
    "Batik tulis **pewarna alam**.\n\nLihat [toko kami][toko].\n\n[toko]: https://toko.example.com\n",
    "Lihat [toko kami][toko] juga.\n",  # the definition above must not leak into this text
    "# Cerita\n\n| ukuran | harga |\n|---|---|\n| S | Rp50.000 |\n",
    "3. tiga\n4. empat\n\n- satu\n- dua\n",
    "Tanda <b>tebal</b> dan catatan kaki[^1].\n\n[^1]: bukan ekstensi kami\n",
]


@pytest.fixture
def fresh(monkeypatch):
    """A new process: nothing converted, nothing loaded; returns the list of converted texts."""
    monkeypatch.setattr(markup, "_saved", {})
    monkeypatch.setattr(markup, "_used", {})
    converted = []
    real = markup._convert
    monkeypatch.setattr(markup, "_convert", lambda text: converted.append(text) or real(text))
    return converted


def test_converting_again_or_in_another_order_writes_the_same():
    first = [markup._convert(text) for text in TEXTS]
    assert [markup._convert(text) for text in TEXTS[::-1]] == first[::-1]


def test_a_reference_defined_in_one_text_does_not_link_in_the_next(fresh):
    markup.render_markdown(TEXTS[0])
    assert "href" not in markup.render_markdown(TEXTS[1])


def test_each_distinct_text_is_converted_once(fresh):
    first = markup.render_markdown("Keripik **pedas**.")
    again = markup.render_markdown("Keripik **pedas**.")
    other = markup.render_markdown("Keripik *manis*.")
    assert first == again == "<p>Keripik <strong>pedas</strong>.</p>\n"
    assert other == "<p>Keripik <em>manis</em>.</p>\n"
    assert fresh == ["Keripik **pedas**.", "Keripik *manis*."]


def test_the_next_build_converts_only_new_texts_and_keeps_only_this_builds(tmp_path, fresh, monkeypatch):
    before = [markup.render_markdown(t) for t in TEXTS[:3]]
    markup.keep_markdown(tmp_path)
    monkeypatch.setattr(markup, "_used", {})  # the next process
    fresh.clear()
    markup.remember_markdown(tmp_path)
    assert [markup.render_markdown(t) for t in TEXTS[1:4]] == [*before[1:], markup.render_markdown(TEXTS[3])]
    assert fresh == [TEXTS[3]]
    markup.keep_markdown(tmp_path)
    kept = json.loads((tmp_path / markup.CACHE_NAME).read_text(encoding="utf-8"))["html"]
    assert len(kept) == 3  # TEXTS[0] was not used by this build: dropped


def test_a_tampered_cache_cannot_put_a_script_on_a_page(tmp_path, fresh):
    text = "Keripik **pedas**."
    markup.render_markdown(text)
    markup.keep_markdown(tmp_path)
    path = tmp_path / markup.CACHE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["html"] = {key: '<p onclick="x()">ok<script>alert(1)</script></p>' for key in data["html"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    markup.remember_markdown(tmp_path)
    assert markup.render_markdown(text).strip() == "<p>ok</p>" and fresh == [text]


def test_another_markdown_version_or_a_broken_file_is_ignored(tmp_path, fresh, monkeypatch):
    markup.render_markdown("Teh **rosella**.")
    markup.keep_markdown(tmp_path)
    monkeypatch.setattr(markup, "_RECIPE", "markdown 99")
    markup.remember_markdown(tmp_path)
    assert markup._saved == {}
    (tmp_path / markup.CACHE_NAME).write_text("{not json", encoding="utf-8")
    markup.remember_markdown(tmp_path)
    assert markup.render_markdown("Teh **rosella**.") == "<p>Teh <strong>rosella</strong>.</p>\n"


def test_a_rebuild_converts_only_the_edited_description(tmp_path, fresh, monkeypatch):
    from expo.cli.build import build
    from sitekit import GOOD_YML, make_project

    root = make_project(tmp_path / "p")
    build(root)
    first = (root / "output/booth/batik-sari/kain-batik-tulis-parang/index.html").read_text(encoding="utf-8")
    monkeypatch.setattr(markup, "_used", {})  # the next process
    fresh.clear()
    build(root)
    assert fresh == []
    assert (root / "output/booth/batik-sari/kain-batik-tulis-parang/index.html").read_text(encoding="utf-8") == first
    (root / "exhibitors/batik-sari/exhibitor.yml").write_text(
        GOOD_YML.replace("**pewarna alam**", "**pewarna indigo**"), encoding="utf-8")
    build(root)
    assert fresh == ["Batik tulis **pewarna indigo**, 2 x 1,15 m."]
    assert "<strong>pewarna indigo</strong>" in (
        root / "output/booth/batik-sari/kain-batik-tulis-parang/index.html").read_text(encoding="utf-8")
