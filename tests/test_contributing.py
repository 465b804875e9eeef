"""CONTRIBUTING.md / .en.md show the real template and messages exactly as they print.

The example messages are produced here from folders with the documented mistakes; when a message
text or the template changes, this test names the guide that needs the same change.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from expo.content.catalog import load_catalog
from expo.text.messages import render
from expo.cli.scaffold import scaffold_text
from expo.settings import ExpoSettings
from expo.values.editions import Edition
from sitekit import REPO, write_exhibitor, write_photo

GUIDES = {"id": REPO / "CONTRIBUTING.md", "en": REPO / "CONTRIBUTING.en.md"}

MISTAKES = {
    "batik-sari": """\
name: Batik Sari
tagline: Batik tulis
category: bati
city: Kota Pekalongan
owners:
  - "@sari batik"
whatsapp: "0812-3456"
markteplaces:
  - https://www.tokopedia.com/batiksari
website: batiksari
video: https://www.instagram.com/reel/abc
credentials:
  nib: "12345"
products:
  - name: Kain Batik Tulis Parang
    price: 150.000
    photos:
      - kain.JPG
  - name: Selendang
    price: murah
    photos:
      - foto-selendang.jpg
  - name: Taplak
    photos:
      - ../rahasia.jpg
""",
    "Kue Bu Ani": "name: Kue\n",
    "keripik-bu-sri": "name: Keripik Bu Sri\ncategory: kuliner\n",
    "toko-tabs": "name: Toko\n\tcategory: batik\n",
    "toko-kolon": "name: Toko\ncategory batik\ncity: x\n",
    "toko-spasi": "name: Toko\ncity:Kabupaten Semarang\n",
    "toko-contoh": (
        "name: Toko Contoh\ncategory: kuliner\ncity: Kab. Semarng\nowners: [bu-sri]\n"
        'whatsapp: "0812-3456-7890"\nproducts:\n  - name: Keripik Tempe #1 Ambarawa\n    price: 0\n'
        "    photos: [keripik.jpg]\n"),
    "toko-kurang": (
        'name: Toko Kurang\ncategory: kuliner\nowners: [bu-sri]\nwhatsapp: "(0285) 123456"\n'
        "marketplaces:\n  - https://www.bukalapak.com/u/toko\nproducts:\n  - name: Tahu\n"
        "    price: 5000\n    price_max: 4000\n    photos: [tempe.jpg]\n"),
    "toko-edisi": (
        "name: Toko Edisi\ncategory: kuliner\ncity: Batang\nowners: [bu-sri]\nwhatsapp: 0812-2233-4455\n"
        "editions: [2024]\nproducts:\n  - name: Tahu\n    photos: [tempe.jpg]\n"),
    "toko-besar": (
        "name: Toko Besar\ncategory: kuliner\ncity: Batang\nowners: [bu-sri]\nwhatsapp: 0812-2233-4455\n"
        "products:\n  - name: Tahu\n    photos: [besar.jpg, rusak.jpg, sedang.jpg]\n"),
}

OWNERSHIP = [
    ("pr_foreign_edit", {"folder": "exhibitors/batik-sari/", "owners": "@sari-batik", "author": "@budi-santoso"}),
    ("pr_new_folder_not_owner", {"folder": "exhibitors/toko-budi/", "author": "@budi-santoso",
                                 "login": "budi-santoso"}),
    ("pr_site_file", {}),
    ("pr_failed", {"count": 3, "author": "@budi-santoso"}),
]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, set[str]]:
    root = tmp_path_factory.mktemp("guide")
    for slug, text in MISTAKES.items():
        write_exhibitor(root, slug, text)
    write_photo(root / "exhibitors" / "toko-besar" / "sedang.jpg")
    with open(root / "exhibitors" / "toko-besar" / "besar.jpg", "wb") as big:
        big.truncate(26 * 1024 * 1024)  # sparse: the size check reads the size, not the bytes
    (root / "exhibitors" / "toko-besar" / "rusak.jpg").write_bytes(b"bukan foto")
    with open(root / "exhibitors" / "toko-besar" / "sedang.jpg", "r+b") as medium:
        medium.truncate(9 * 1024 * 1024)  # a real photo, padded past the advised size
    (root / "exhibitors" / "toko-kosong").mkdir()
    write_photo(root / "exhibitors" / "toko-contoh" / "keripik.HEIC")
    # an expo with two editions, so the guide's edition example is what exhibitors would read
    editions = tuple(Edition(key, f"Expo {key}", dt.date(int(key), 11, 16), dt.date(int(key), 11, 30))
                     for key in ("2025", "2026"))
    _, problems = load_catalog(root, ExpoSettings(editions=editions))
    return {lang: {p.format(lang) for p in problems} for lang in GUIDES}


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_shows_the_template_new_exhibitor_writes(lang):
    assert scaffold_text("nama-toko") in GUIDES[lang].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", GUIDES)
def test_every_example_message_is_printed_exactly_so(lang, printed):
    text = GUIDES[lang].read_text(encoding="utf-8")
    section = text[text.index("## 8."):text.index("## 9.")]
    examples = re.findall(r"^\| `(exhibitors/[^`]+)` \|", section, flags=re.M)
    assert len(examples) >= 20
    assert [e for e in examples if e not in printed[lang]] == []
    first = re.search(r"^exhibitors/\S+:3: category: .*$", section, flags=re.M).group(0)
    assert first in printed[lang]


@pytest.mark.parametrize("lang", GUIDES)
def test_ownership_examples_are_the_check_pr_texts(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    rendered = {render(key, other, params) for key, params in OWNERSHIP for other in GUIDES}
    shown = re.findall(r"^  (?:ID|EN): (.*)$", text, flags=re.M)
    full = [line for line in shown if not line.endswith("...")]
    assert len(full) == 3
    assert [line for line in full if line not in rendered] == []
    summary = render("pr_failed", lang, dict(OWNERSHIP[3][1]))
    assert summary in text


JOIN_PAGE = REPO / "content" / "pages" / "join.md"


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_starts_with_a_quick_path_on_one_screen(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    quick = text[text.index("## "):text.index("## ", text.index("## ") + 3)]
    assert len(quick.split()) < 420  # one phone screen or two, not 3,500 words
    form, pull_request = quick.index("Daftar booth / Ubah booth"), quick.index("Create pull request")
    assert form < pull_request  # the Issue Form first, the pull request second
    red = "Tanda silang merah sebelum foto diunggah itu wajar" if lang == "id" else \
        "A red cross before the photos are uploaded is normal"
    assert red in quick


def test_the_join_page_says_what_the_guide_says():
    """The site's "Cara Bergabung" page and the guide's quick path give the same ways in, in the
    same order, and the same advice about the red check."""
    join = JOIN_PAGE.read_text(encoding="utf-8")
    guide = GUIDES["id"].read_text(encoding="utf-8")
    for phrase in ("Daftar booth / Ubah booth", "Create pull request", "patch-1",
                   "Tanda silang merah sebelum foto diunggah itu wajar", "spreadsheet"):
        assert phrase in join and phrase in guide, phrase
    assert join.index("Daftar booth / Ubah booth") < join.index("Create pull request")
    assert "Salin contoh dari booth lain" not in join  # the examples of another booth are not yours


@pytest.mark.parametrize("path", [GUIDES["id"], GUIDES["en"], JOIN_PAGE, REPO / "docs" / "import-csv.md"])
def test_no_typos_or_ambiguous_counts(path):
    text = path.read_text(encoding="utf-8")
    assert "memrogram" not in text
    assert re.search(r"\d+ huruf", text) is None  # a count of characters: "karakter"
