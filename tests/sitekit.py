"""Build small expo projects in a temporary folder for tests.

A project here is the real theme and settings of this repository plus exhibitors written by the
test, so tests exercise exactly what organisers run.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent

GOOD_YML = """\
name: Batik Sari
tagline: Batik tulis warna alam
category: batik
city: Kota Pekalongan
address: Jl. Hayam Wuruk 12
owners:
  - sari-batik
whatsapp: "0812-2233-4455"
email: sari@example.com
website: https://batiksari.example.com
instagram: "@batiksari"
marketplaces:
  - https://www.tokopedia.com/batiksari
  - https://shopee.co.id/batiksari
video: https://youtu.be/dQw4w9WgXcQ
logo: logo.png
credentials:
  nib: "1234567890123"
joined: 2026-11-01
products:
  - name: Kain Batik Tulis Parang
    price: 850000
    price_max: 1200000
    photos:
      - kain.jpg
    description: |
      Batik tulis **pewarna alam**, 2 x 1,15 m.
    links:
      - https://www.tokopedia.com/batiksari/kain-parang
  - name: Selendang Sutra
    price: 150000
    photos:
      - selendang.jpg
"""

SECOND_YML = """\
name: Keripik Bu Sri
category: kuliner
city: Kabupaten Batang
owners: [bu-sri]
marketplaces:
  - https://shopee.co.id/keripikbusri
video: https://vimeo.com/123456789
products:
  - name: Keripik Tempe
    price: 15000
    photos: [tempe.jpg]
"""


def write_photo(path: Path, size=(900, 700), color=(180, 90, 40), mode="RGB", exif=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new(mode, size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(path, **options)
    return path


def make_project(root: Path, exhibitors: dict[str, str] | None = None, photos: bool = True,
                 extra_settings: str = "") -> Path:
    """A project folder with the repository's theme and settings, and the given exhibitors."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "theme", root / "theme")
    settings = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    settings += "\nEXPO_EDITIONS = []  # the demo's editions: not in test expos unless a test gives some\n"
    (root / "pelicanconf.py").write_text(settings + "\n" + textwrap.dedent(extra_settings), encoding="utf-8")
    pages = root / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text("Title: Tentang Expo\nSlug: tentang\n\nExpo uji.\n", encoding="utf-8")
    (root / "content" / "home.md").write_text("Title: Beranda\n\nSelamat datang.\n",
                                   encoding="utf-8")
    if exhibitors is None:
        exhibitors = {"batik-sari": GOOD_YML, "keripik-bu-sri": SECOND_YML}
    for slug, text in exhibitors.items():
        write_exhibitor(root, slug, text, photos=photos)
    return root


def write_exhibitor(root: Path, slug: str, text: str, photos: bool = True) -> Path:
    folder = root / "exhibitors" / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exhibitor.yml").write_text(text, encoding="utf-8")
    if photos:
        for name in ("kain.jpg", "selendang.jpg", "tempe.jpg", "produk-1.jpg"):
            write_photo(folder / name)
        write_photo(folder / "logo.png", size=(300, 300), color=(20, 40, 160, 128), mode="RGBA")
    return folder
