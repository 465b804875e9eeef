"""ExpoGenerator: the Pelican generator that turns the catalog into pages and photos.

`generate_context` loads and validates every exhibitor (raising `ContentErrors` with all
problems before anything is written); `generate_output` renders the pages and the photos.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pelican.generators import Generator

from .catalog import require_catalog
from .errors import ContentError
from .models import Catalog, Group
from .photos import prepare_photos, publish_photos, remember_digests
from .settings import ExpoSettings
from .urls import fill

log = logging.getLogger(__name__)


def project_root(settings: dict) -> Path:
    """The folder holding pelicanconf.py: `EXPO_ROOT` if set, else the parent of content/."""
    return Path(settings.get("EXPO_ROOT_PATH") or Path(settings["PATH"]).parent).resolve()


def absolute_siteurl(settings: dict) -> str:
    """SITEURL only when it is a real address: a local preview has none to put in messages."""
    url = settings.get("SITEURL") or ""
    return url if url.startswith(("http://", "https://")) else ""


class ExpoGenerator(Generator):
    def generate_context(self) -> None:
        self.expo = ExpoSettings.from_pelican(self.settings)
        remember_digests(project_root(self.settings), self.expo)
        self.catalog, self.problems = require_catalog(
            project_root(self.settings), self.expo, absolute_siteurl(self.settings))
        self.warnings: list[ContentError] = [p for p in self.problems if not p.is_error]
        # Photos are encoded before any page is written: a photo that fails to decode stops the
        # build with a report, and pages get each photo's placeholder colour.
        self.photos = prepare_photos(self.catalog, project_root(self.settings), self.expo,
                                     progress=sys.stderr.isatty())
        self.context.update(expo=self.expo, catalog=self.catalog, expo_intro=self._read_intro(),
                            expo_photo_colours=self.photos.placeholders)

    def _read_intro(self):
        """content/home.md, if any: the organiser's welcome text on the home page."""
        from pelican.contents import Page

        if not (Path(self.path) / "home.md").is_file():
            return None
        return self.readers.read_file(base_path=self.path, path="home.md", content_class=Page,
                                      context=self.context)

    def generate_output(self, writer) -> None:
        catalog: Catalog = self.catalog
        expo = self.expo
        self._write(writer, "index.html", "expo_home", page_name="home")
        self._write_directory(writer, catalog, expo)
        for exhibitor in catalog.exhibitors:
            self._write(writer, fill(expo.booth_save_as, slug=exhibitor.slug), "expo_booth",
                        exhibitor=exhibitor, page_name="booth")
            for product in exhibitor.products:
                self._write(writer, fill(expo.product_save_as, booth=exhibitor.slug, slug=product.slug),
                            "expo_product", exhibitor=exhibitor, product=product, page_name="product")
        for group in catalog.categories:
            self._write_group(writer, group, expo.category_save_as, "category")
        for group in catalog.cities:
            self._write_group(writer, group, expo.city_save_as, "city")
        self._write(writer, expo.cities_save_as, "expo_cities", page_name="cities")
        self._write(writer, "404.html", "expo_404", page_name="404")
        publish_photos(self.photos, Path(self.output_path))

    def _write_group(self, writer, group: Group, save_as: str, kind: str) -> None:
        self._write(writer, fill(save_as, slug=group.key), "expo_group", group=group, group_kind=kind,
                    page_name=kind)

    def _write_directory(self, writer, catalog: Catalog, expo: ExpoSettings) -> None:
        per_page = expo.directory_per_page
        booths = catalog.exhibitors
        pages = max(1, -(-len(booths) // per_page))
        for number in range(1, pages + 1):
            save_as = expo.directory_save_as if number == 1 else fill(expo.directory_page_save_as, page=number)
            self._write(
                writer, save_as, "expo_directory", page_name="directory",
                booths=booths[(number - 1) * per_page: number * per_page],
                page_number=number, page_count=pages,
                previous_url=_directory_url(expo, number - 1) if number > 1 else None,
                next_url=_directory_url(expo, number + 1) if number < pages else None,
            )

    def _write(self, writer, save_as: str, template: str, **values) -> None:
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], override_output=True,
                          **values)


def _directory_url(expo: ExpoSettings, number: int) -> str:
    return expo.directory_url if number == 1 else fill(expo.directory_page_url, page=number)

