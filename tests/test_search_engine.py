"""The search engine itself: the words rule shared by the index (expo/site/search_words.py) and
the browser (theme/static/js/search-engine.js, run here with node against index files on disk),
and what a query finds, filters, sorts and counts, compared with the same computed in Python."""

from __future__ import annotations

import json
import random
import subprocess

import pytest

from expo.site import search_index
from expo.site.search import write_index
from expo.site.search_words import stem_en, stem_id, terms
from sitekit import REPO
from test_cart import node

ENGINE_JS = REPO / "theme" / "static" / "js" / "search-engine.js"

TEXTS = [
    "Kain Batik Tulis Parang, pewarna alam. Rp1.250.000 – Rp2.000.000.",
    "Keripiknya renyah! Kerajinan perhiasan, anyaman pandan; ditenun tangan dan diolah sendiri.",
    "Membuat, memakai, menjual, menulis, mengolah, menyapu, pengrajin, pembuatan, penjualan, kesehatan.",
    "Bekerja, diperbaiki, memperbaiki, digunakan, menyukai, dikirimi, mewarnai, terasi, selai, durian.",
    "Kué lapis légit, CAFÉ, ﬁne ＦＵＬＬ-WIDTH ① ² İstanbul straße ΣΊΣΥΦΟΣ",
    "Bags, boxes, glasses, cookies, cookie, batteries, battery, shoes, dishes, series, keys, bus.",
    "500gr 2kg 10x20cm kode-7a_b snake_case under_score 12.000",
    "日本語のテキスト 中文 한국어 العربية हिन्दी ไทย emoji 🎉 and 𝒜𝒷𝒸 𠀋𠀋",
    "x" * 100 + " " + "é" * 50 + " " + "𠀋" * 45,
    "", "   ", "—", "a b c",
]


def run_node(script: str, data) -> object:
    result = subprocess.run([node(), "-e", script, str(ENGINE_JS)], input=json.dumps(data),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["id", "en", "fr"])
def test_the_browser_makes_the_same_terms_of_a_query_as_the_index_of_a_page(lang):
    script = ("const s = require(process.argv[1]);"
              "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(data.texts.map(t => s.terms(t, data.lang))));")
    got = run_node(script, {"texts": TEXTS, "lang": lang})
    assert got == [[list(pair) for pair in terms(text, lang)] for text in TEXTS]


@pytest.mark.parametrize("word, stem", [
    ("batik", "batik"), ("batiknya", "batik"), ("kerajinan", "rajin"), ("perhiasan", "hias"),
    ("anyaman", "anyam"), ("ditenun", "tenun"), ("tenunan", "tenun"), ("makanan", "makan"),
    ("minuman", "minum"), ("membuat", "buat"), ("memakai", "pakai"), ("menjual", "jual"),
    ("penjualan", "jual"), ("pembuatan", "buat"), ("bekerja", "kerja"), ("diperbaiki", "baik"),
    ("olahan", "olah"), ("diolah", "olah"), ("mengolah", "olah"), ("kopinya", "kopi"),
    ("kain", "kain"), ("tas", "tas"), ("ikan", "ikan"), ("selai", "selai"), ("500gr", "500gr"),
])
def test_indonesian_stems(word, stem):
    assert stem_id(word) == stem


@pytest.mark.parametrize("word, stem", [
    ("bags", "bag"), ("boxes", "box"), ("glasses", "glass"), ("cookies", "cooki"), ("cookie", "cooki"),
    ("batteries", "batteri"), ("battery", "batteri"), ("shoes", "shoe"), ("bus", "bus"), ("batik", "batik"),
])
def test_english_stems(word, stem):
    assert stem_en(word) == stem


# --- the engine against an index on disk ----------------------------------------------------

ENGINE_RUN = """
const path = require('path'), fs = require('fs');
const s = require(process.argv[1]);
const data = JSON.parse(fs.readFileSync(0, 'utf8'));
global.fetch = (url) => Promise.resolve(fs.existsSync(url)
  ? { ok: true, json: () => Promise.resolve(JSON.parse(fs.readFileSync(url, 'utf8'))) }
  : { ok: false, status: 404 });
const engine = new s.Engine(data.base, data.contents, data.lang);
(async () => {
  const out = [];
  for (const q of data.queries) {
    const found = await engine.search(q.query, q.options);
    const items = await Promise.all(found.results.map(r => r.data()));
    out.push({ urls: items.map(i => i.url), counts: found.filters || null,
               excerpt: items.length ? items[0].excerpt : null });
  }
  out.push({ all: await engine.filters() });
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
"""

VOCABULARY = ["kain", "batik", "keripik", "tempe", "kopi", "sabun", "anyaman", "tenun", "kerajinan",
              "perhiasan", "makanan", "minuman", "pandan", "jahe", "madu", "rotan", "bambu", "kulit"]


def make_records(count: int) -> list[dict]:
    rng = random.Random(7)
    records = []
    for n in range(count):
        chosen = rng.sample(VOCABULARY, 3) + [f"kode{n:04d}"]
        price = rng.choice([None, rng.randrange(1_000, 900_000)])
        records.append({"url": f"/p/{n}/", "language": "id", "content": " ".join(chosen[1:]) + ".",
                        "meta": {"title": chosen[0].title(), "harga": f"Rp{price}" if price else ""},
                        "filters": {"kategori": [f"k{n % 4}"], "jenis": ["produk" if n % 5 else "booth"]},
                        "sort": {"harga": str(price)} if price else {}})
    return records


def expected(records: list[dict], query: str, filters: dict) -> list[int]:
    """Which records a query finds, by brute force: each query word is some word of the record
    as written, or its stem, or (3 letters or more) the start of one."""
    found = []
    for n, r in enumerate(records):
        words = terms(r["meta"]["title"] + " " + r["content"], "id")
        if all(any(w == qw or s == qs or (len(qw) >= 3 and w.startswith(qw)) for w, s in words)
               for qw, qs in terms(query, "id")) and all(value in r["filters"].get(name, []) for name, value in filters.items()):
            found.append(n)
    return found


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(search_index, "TERM_CHUNK_BYTES", 150)  # many term chunks
    monkeypatch.setattr(search_index, "MIN_CHUNK_SIZE", 7)  # many page chunks


def test_the_engine_finds_filters_sorts_and_counts_what_a_brute_force_search_does(tmp_path, small_chunks):
    records = make_records(300)
    write_index(records, tmp_path / "indeks", size_hint=300)
    toc_name = json.loads((tmp_path / "indeks/entry.json").read_text())["languages"]["id"]["index"]
    toc = json.loads((tmp_path / "indeks" / toc_name).read_text())
    assert len(toc["terms"]) > 10 and len(toc["docs"]) > 10  # the lookups cross chunks
    queries = [{"query": word, "options": {}} for word in VOCABULARY]
    queries += [{"query": "Kerajinan keripiknya", "options": {}}, {"query": "kerip", "options": {}},
                {"query": "kode0042", "options": {}}, {"query": "tidakada", "options": {}},
                {"query": "!!!", "options": {}},
                {"query": "batik", "options": {"filters": {"kategori": "k1"}, "counts": True}},
                {"query": None, "options": {"filters": {"jenis": "booth", "kategori": "k0"}}},
                {"query": "kopi", "options": {"sort": {"harga": "asc"}}},
                {"query": None, "options": {"filters": {"kategori": "k2"}, "sort": {"harga": "desc"}}}]
    got = run_node(ENGINE_RUN, {"base": str(tmp_path / "indeks") + "/", "contents": toc_name, "lang": "id",
                                "queries": queries})
    for q, answer in zip(queries, got):
        want = expected(records, q["query"] or "", q["options"].get("filters", {}))
        if q["query"] == "!!!":
            want = []  # a query without a word finds nothing
        assert sorted(answer["urls"]) == sorted(f"p/{n}/" for n in want), q
        if "sort" in q["options"]:
            prices = [records[int(u.split("/")[1])]["sort"].get("harga") for u in answer["urls"]]
            priced = [int(p) for p in prices if p]
            assert priced == sorted(priced, reverse=q["options"]["sort"]["harga"] == "desc")
            assert prices == [p for p in prices if p] + [p for p in prices if not p]  # unpriced last
        if q["options"].get("counts"):
            found = [records[int(u.split("/")[1])] for u in answer["urls"]]
            assert answer["counts"]["jenis"] == {
                kind: sum(r["filters"]["jenis"] == [kind] for r in found) for kind in ("booth", "produk")}
    # The title weighs more: a word in a title ranks that page above pages with it in the text.
    first = got[VOCABULARY.index("kopi")]["urls"][0]
    assert records[int(first.split("/")[1])]["meta"]["title"] == "Kopi"
    assert got[-1]["all"]["kategori"] == {f"k{i}": 75 for i in range(4)}
    excerpt = got[VOCABULARY.index("tenun")]["excerpt"]
    assert [text for text, marked in excerpt if marked] == ["tenun"] or excerpt == [[
        records[int(got[VOCABULARY.index("tenun")]["urls"][0].split("/")[1])]["content"], False]]


def test_a_missing_index_file_is_an_error_the_page_can_show(tmp_path):
    write_index(make_records(20), tmp_path / "indeks")
    toc_name = json.loads((tmp_path / "indeks/entry.json").read_text())["languages"]["id"]["index"]
    for chunk in (tmp_path / "indeks/t").iterdir():
        chunk.unlink()
    script = ENGINE_RUN.replace("process.exit(1)", "console.log(JSON.stringify(String(e.message))); process.exit(0)")
    got = run_node(script, {"base": str(tmp_path / "indeks") + "/", "contents": toc_name, "lang": "id",
                            "queries": [{"query": "kain", "options": {}}]})
    assert got.startswith("search index: t/") and got.endswith(" 404")


def test_a_pasted_paragraph_searches_its_first_twelve_words_only(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "TERM_CHUNK_BYTES", 20)  # a term or two per chunk
    records = [{"url": f"/p/{n}/", "language": "id", "content": f"zat{n:03d} umum", "meta": {"title": "Produk"},
                "filters": {}, "sort": {}} for n in range(200)]
    write_index(records, tmp_path / "indeks")
    toc_name = json.loads((tmp_path / "indeks/entry.json").read_text())["languages"]["id"]["index"]
    toc = json.loads((tmp_path / "indeks" / toc_name).read_text())
    assert len(toc["terms"]) > 100  # 200 words over many chunks
    script = ENGINE_RUN.replace("const engine = new s.Engine(data.base, data.contents, data.lang);",
                                "const engine = new s.Engine(data.base, data.contents, data.lang);"
                                "const asked = new Set(); const plain = global.fetch;"
                                "global.fetch = (url) => { asked.add(url); return plain(url); };")
    script = script.replace("out.push({ all: await engine.filters() });", "out.push({ asked: asked.size });")
    paragraph = " ".join(f"zat{n:03d}" for n in range(0, 200, 2))  # 100 words, each in the index
    got = run_node(script, {"base": str(tmp_path / "indeks") + "/", "contents": toc_name, "lang": "id",
                            "queries": [{"query": "umum " + paragraph, "options": {}}]})
    assert got[0]["urls"] == []  # no page has every word
    assert got[-1]["asked"] <= 1 + 12 * 4  # the contents, and up to 4 term chunks for each of 12 words
