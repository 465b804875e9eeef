"""Pelican entry point: settings the expo relies on, and the expo generator."""

from __future__ import annotations

from pelican import signals

from expo.site.generator import ExpoGenerator
from expo.settings import ExpoSettings


def apply_defaults(pelican) -> None:
    """Run once Pelican has read pelicanconf.py, before any generator exists."""
    settings = pelican.settings
    expo = ExpoSettings.from_pelican(settings)  # a typo in EXPO_* stops here, clearly
    # Exhibitor text is untrusted: escape every value in every template, whatever the config.
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
    # If an organiser points PATH at the project root, exhibitor Markdown must not become posts.
    folder = expo.exhibitors_path.strip("/")
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(settings.get(key, []))
        if folder not in excludes:
            settings[key] = excludes + [folder]


def get_generators(pelican):
    return ExpoGenerator


def register() -> None:
    signals.initialized.connect(apply_defaults)
    signals.get_generators.connect(get_generators)
