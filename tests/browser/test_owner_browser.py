"""The owner page (pemilik/<folder>/) on a phone, in a real browser (fixtures from test_site.py)."""

from __future__ import annotations

import pytest

from test_site import PHONE, browser, project, site, sync_api, visit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

LONG_ADDRESS = "https://dinkopukm.jatengprov.go.id/expo-umkm-virtual/en/booth/batik-tulis-sogan-pekalongan-pesindon/"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_booth_address_to_share_wraps_on_a_phone(project, visit, prefix):
    """A published site shows the full address, which can be longer than a phone is wide."""
    folder = sorted(p.name for p in (project / "output" / "pemilik").iterdir())[0]
    page = visit().open(f"{prefix}/pemilik/{folder}/")
    page.locator("article.owner a strong").first.evaluate("(el, text) => el.textContent = text", LONG_ADDRESS)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
