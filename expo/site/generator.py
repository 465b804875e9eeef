"""ExpoGenerator: the Pelican generator that turns the catalog into pages and photos.

`generate_context` loads and validates every exhibitor (raising `ContentErrors` with all
problems before anything is written); `generate_output` renders the pages and the photos.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pelican.generators import Generator

from expo.content.catalog import require_catalog
from expo.content.errors import ContentError, ContentErrors
from expo.site.plan import find_collisions, plan_pages
from expo.images.photos import prepare_photos, publish_photos, remember_digests
from expo.settings import ExpoSettings
from expo.site.structured import page_path, product_jsonld, robots_txt, sitemap_xml


def project_root(settings: dict) -> Path:
    """The folder holding pelicanconf.py: `EXPO_ROOT_PATH` if set, else the parent of content/."""
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
        self.planned = plan_pages(self.catalog, self.expo)
        pelican_pages = [(p.save_as, f"content/{p.relative_source_path}")
                         for p in self.context.get("pages", []) + self.context.get("hidden_pages", [])]
        collisions = find_collisions(self.planned, pelican_pages)
        if collisions:
            raise ContentErrors(collisions)
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
        self.env.globals["product_jsonld"] = product_jsonld
        for page in self.planned:
            writer.write_file(page.save_as, self.get_template(page.template), self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], **page.values)
        siteurl = absolute_siteurl(self.settings)
        if siteurl:  # search engines need full addresses; a local preview has none
            paths = [page_path(p.save_as) for p in self.planned if p.template != "expo_404"]
            paths += [page_path(p.save_as) for p in self.context.get("pages", [])]
            output = Path(self.output_path)
            (output / "sitemap.xml").write_text(sitemap_xml(siteurl, paths), encoding="utf-8")
            (output / "robots.txt").write_text(robots_txt(siteurl), encoding="utf-8")
        publish_photos(self.photos, Path(self.output_path))
