"""Safe publishing: EXPO_SITEURL is checked before anything is built, and a site served from a
sub-path (GitHub Pages: https://user.github.io/expo/) has every link right."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from expo.site.siteurl import SiteUrlError, published_siteurl
from htmlkit import pages
from sitekit import REPO, make_project

MISSING = (
    "publishconf.py: EXPO_SITEURL belum diisi. Situs yang diterbitkan perlu alamatnya untuk tautan, "
    "sitemap dan pesan WhatsApp: jalankan EXPO_SITEURL=https://expo.example.go.id invoke publish "
    "(untuk pratinjau cukup invoke build) / EXPO_SITEURL is not set. A published site needs its "
    "address for links, the sitemap and WhatsApp messages: run "
    "EXPO_SITEURL=https://expo.example.go.id invoke publish (for a preview, invoke build is enough)")
NO_SCHEME = (
    'publishconf.py: EXPO_SITEURL "expo.example.go.id" tidak diawali https://: pakai '
    'EXPO_SITEURL=https://expo.example.go.id (EXPO_SITEURL "expo.example.go.id" does not start '
    'with https://: use EXPO_SITEURL=https://expo.example.go.id)')


def invoke(root: Path, *args: str, siteurl: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "EXPO_SITEURL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    if siteurl is not None:
        env["EXPO_SITEURL"] = siteurl
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=root, capture_output=True,
                          text=True, timeout=300, env=env)


@pytest.fixture
def project(tmp_path) -> Path:
    root = make_project(tmp_path / "p")
    for name in ("tasks.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    return root


@pytest.mark.parametrize("value, expected", [
    ("https://expo.example.go.id", "https://expo.example.go.id"),
    (" https://expo.example.go.id/ ", "https://expo.example.go.id"),
    ("HTTPS://Expo.Example.go.id/Expo/", "https://expo.example.go.id/Expo"),
    ("https://user.github.io/expo/", "https://user.github.io/expo"),
    ("https://dinkop.example.go.id:8443/pameran/2026", "https://dinkop.example.go.id:8443/pameran/2026"),
    ("https://xn--pamern-wva.id", "https://xn--pamern-wva.id"),
])
def test_a_good_address_is_kept_without_its_trailing_slash(value, expected):
    assert published_siteurl(value) == expected


@pytest.mark.parametrize("value, problem, fix", [
    ("expo.example.go.id", "tidak diawali https://", "https://expo.example.go.id"),
    ("expo.example.go.id/expo", "tidak diawali https://", "https://expo.example.go.id/expo"),
    ("http://expo.example.go.id", "tidak diawali https://", "https://expo.example.go.id"),
    ("https:/expo.example.go.id", "tidak diawali https://", "https://expo.example.go.id"),
    ("ftp://expo.example.go.id", "tidak diawali https://", "https://expo.example.go.id"),
    ("https://expo.example.go.id/?utm_source=wa", "memuat ? atau # (alamat situs tidak punya query atau fragmen)",
     "https://expo.example.go.id"),
    ("https://user.github.io/expo/#beranda", "memuat ? atau # (alamat situs tidak punya query atau fragmen)",
     "https://user.github.io/expo"),
    ("https://expo.example.go.id?", "memuat ? atau # (alamat situs tidak punya query atau fragmen)",
     "https://expo.example.go.id"),
    ("https://localhost", "tidak memuat nama host yang sah, misalnya expo.example.go.id", "https://expo.example.go.id"),
    ("https://192.168.1.10", "tidak memuat nama host yang sah, misalnya expo.example.go.id", "https://expo.example.go.id"),
    ("https://expo_example.go.id", "tidak memuat nama host yang sah, misalnya expo.example.go.id", "https://expo.example.go.id"),
    ("https://-expo.go.id", "tidak memuat nama host yang sah, misalnya expo.example.go.id", "https://expo.example.go.id"),
    ("https://admin:rahasia@expo.example.go.id", "tidak memuat nama host yang sah, misalnya expo.example.go.id",
     "https://expo.example.go.id"),
    ("https://expo.example.go.id:99999", "tidak memuat nama host yang sah, misalnya expo.example.go.id",
     "https://expo.example.go.id"),
    ("https://", "tidak memuat nama host yang sah, misalnya expo.example.go.id", "https://expo.example.go.id"),
    ("https://expo.example.go.id/pameran umkm", "memuat path yang tidak sah (spasi, // atau ..)",
     "https://expo.example.go.id"),
    ("https://expo.example.go.id//expo", "memuat path yang tidak sah (spasi, // atau ..)", "https://expo.example.go.id"),
    ("https://expo.example.go.id/expo/index.html", "menunjuk ke sebuah file, bukan folder situs",
     "https://expo.example.go.id/expo"),
])
def test_a_bad_address_is_named_with_its_fix(value, problem, fix):
    with pytest.raises(SiteUrlError) as caught:
        published_siteurl(value)
    message = str(caught.value)
    assert message.startswith(f'EXPO_SITEURL "{value}" {problem}: pakai EXPO_SITEURL={fix} (EXPO_SITEURL "{value}" ')
    assert message.endswith(f": use EXPO_SITEURL={fix})")
    if "://" in fix:
        assert published_siteurl(fix) == fix  # the fix offered is itself accepted


@pytest.mark.parametrize("siteurl, message", [(None, MISSING), ("", MISSING), ("expo.example.go.id", NO_SCHEME)])
def test_publish_without_a_good_address_fails_before_building(project, siteurl, message):
    result = invoke(project, "publish", siteurl=siteurl)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [message]
    assert not (project / "output").exists() and not list(project.glob(".output-*"))


SUBPATH = "https://user.github.io/expo"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    """`invoke publish` for a GitHub Pages project site; the preview built first with a broken
    EXPO_SITEURL in the environment shows that `invoke build` ignores it."""
    root = make_project(tmp_path_factory.mktemp("subpath") / "p")
    for name in ("tasks.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    preview = invoke(root, "build", siteurl="expo.example.go.id")
    assert preview.returncode == 0, preview.stderr
    result = invoke(root, "publish", siteurl=SUBPATH + "/")
    assert result.returncode == 0, result.stderr
    return root / "output"


def _target(site: Path, page: Path, url: str) -> Path | None:
    """The file an internal URL of a page served under SUBPATH reaches; None for other sites,
    mailto: and in-page anchors. An address under the host but outside the sub-path, or a
    root-relative one (which drops the sub-path), fails the test."""
    parts = urlsplit(url)
    base = urlsplit(SUBPATH)
    if parts.scheme in ("mailto", "tel") or url.startswith("#"):
        return None
    if parts.scheme and parts.netloc != base.netloc:
        return None  # another site: wa.me, marketplaces, video hosts
    if parts.scheme or url.startswith("/"):
        assert parts.path == base.path or parts.path.startswith(base.path + "/"), (page, url)
        target = site / unquote(parts.path[len(base.path):]).lstrip("/")
    else:  # relative to the page's folder
        target = (page.parent / unquote(parts.path)).resolve()
        assert site.resolve() in target.parents or target == site.resolve(), (page, url)
    return target / "index.html" if target.is_dir() else target


def test_every_link_of_a_subpath_site_reaches_a_file(subpath_site):
    checked = 0
    for page in pages(subpath_site):
        urls = page.references() + [e.attrs["content"] for e in page.elements
                                    if e.tag == "meta" and e.attrs.get("content", "").startswith("https://")]
        for url in urls:
            target = _target(subpath_site, page.path, url)
            if target is not None:
                assert target.is_file(), f"{page.path.relative_to(subpath_site)}: {url} -> nothing"
                checked += 1
    assert checked > 1000  # every page's navigation, photos, alternates and link previews


def test_a_subpath_site_map_and_order_links_carry_the_subpath(subpath_site):
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SUBPATH}/booth/batik-sari/</loc>" in sitemap
    assert "<loc>https://user.github.io/booth/" not in sitemap
    assert (subpath_site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\nSitemap: {SUBPATH}/sitemap.xml\n")
    product = (subpath_site / "booth/batik-sari/kain-batik-tulis-parang/index.html").read_text(encoding="utf-8")
    assert "user.github.io%2Fexpo%2Fbooth%2Fbatik-sari%2Fkain-batik-tulis-parang%2F" in product  # wa.me text


# --- _headers for Netlify and Cloudflare Pages

IMMUTABLE = "public, max-age=31536000, immutable"


def _parse_headers(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a _headers file as both hosts read it: a path line, then indented
    'Name: value' lines; '#' starts a comment."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line.startswith("/"), line
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            assert name and value.strip(), line
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """Cloudflare's and Netlify's matching for what the file uses: literal text, '*' at the end
    matching anything (slashes too)."""
    assert "*" not in pattern[:-1] and ":" not in pattern, pattern  # nothing either host reads differently
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def _served(site: Path) -> dict[str, Path]:
    """Every address the host answers from output/: '/booth/x/' for booth/x/index.html too."""
    paths = {}
    for file in site.rglob("*"):
        if file.is_file() and file.name != "_headers":
            relative = file.relative_to(site).as_posix()
            paths["/" + relative] = file
            if file.name == "index.html":
                paths["/" + relative[: -len("index.html")]] = file
    return paths


def _headers_for(rules, path: str) -> dict[str, str]:
    """All matching rules' headers; a header set twice gets its values joined with ', ', as
    Cloudflare Pages documents."""
    joined: dict[str, str] = {}
    for pattern, headers in rules:
        if _matches(pattern, path):
            for name, value in headers:
                joined[name] = f"{joined[name]}, {value}" if name in joined else value
    return joined


def test_headers_keep_only_files_named_by_content_for_a_year(demo):
    text = (demo / "_headers").read_text(encoding="utf-8")
    rules = _parse_headers(text)
    assert len(rules) <= 100 and all(len(line) <= 2000 for line in text.splitlines())  # Cloudflare's limits
    served = _served(demo)
    kept = {path for path in served if _headers_for(rules, path).get("Cache-Control") == IMMUTABLE}
    for path in served:
        headers = _headers_for(rules, path)
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", path
        assert headers.get("Cache-Control") in (None, IMMUTABLE), path  # never two values glued
    for pattern, _headers in rules:  # every rule means files that exist
        assert any(_matches(pattern, path) for path in served), pattern
    assert not [p for p in kept if p.endswith((".html", "/"))]  # no page is kept a year
    # What is kept is named by its content: a photo's key, a digest, a search index chunk's hash.
    assert all(re.search(r"[0-9a-f]{7,}", p.rsplit("/", 1)[-1]) for p in kept), kept
    photos = [p for p in served if p.startswith("/media/")]
    assert photos and set(photos) <= kept
    assert {p for p in served if p.startswith("/theme/")} <= kept
    assert {"/indeks/t/", "/indeks/d/", "/indeks/f/", "/indeks/p/"} == {p[:10] for p in kept if p.startswith("/indeks/")}
    for changing in ("/", "/index.html", "/booth/batik-sogan-pekalongan/", "/expo-share.jpg", "/en/",
                     "/indeks/entry.json", "/products.csv",
                     "/manifest.webmanifest", "/favicon.ico"):
        assert changing in served and changing not in kept, changing


def test_theme_files_are_published_under_their_digest(demo):
    digest = hashlib.sha256((REPO / "theme/static/css/expo.css").read_bytes()).hexdigest()[:10]
    assert [p.name for p in (demo / "theme/css").iterdir()] == [f"expo.{digest}.css"]
    assert f'href="./theme/css/expo.{digest}.css"' in (demo / "index.html").read_text(encoding="utf-8")


def test_a_file_that_may_change_takes_its_folder_out_of_the_year_long_rule():
    from expo.site.headers import immutable_folders
    from expo.site.plan import PlannedFile

    def photo(path):
        return PlannedFile(path, "photo", "exhibitors/x", None, ())

    plan = [photo("media/a/kain-1a2b3c4d5e-400.jpg"), photo("media/b/tas-1a2b3c4d5e-400.jpg"),
            PlannedFile("theme/css/expo.1a2b3c4d5e.css", "asset", "theme", None, ()),
            PlannedFile("theme/banner.jpg", "asset", "settings", None, ()),
            PlannedFile("index.html", "page", "settings", "id", ())]
    assert immutable_folders(plan) == ["media/", "theme/css/"]
    plan.append(PlannedFile("media/expo-share.jpg", "share_image", "settings", None, ()))
    assert immutable_folders(plan) == ["media/a/", "media/b/", "theme/css/"]
