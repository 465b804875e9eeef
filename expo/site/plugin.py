"""Pelican entry point: settings the expo relies on, and the expo generator."""

from __future__ import annotations

from pelican import signals

from expo.project import expo_settings_of
from expo.site.generator import ExpoGenerator


def apply_defaults(pelican) -> None:
    """Run once Pelican has read the settings file, before any generator exists."""
    settings = pelican.settings
    expo = expo_settings_of(settings)  # a mistake in EXPO_* stops here, clearly
    # Exhibitor text is untrusted: escape every value in every template, whatever the config;
    # interface text comes from the gettext catalogs (expo/text/locale).
    jinja = dict(settings.get("JINJA_ENVIRONMENT", {}))
    jinja["autoescape"] = True
    jinja["extensions"] = list(dict.fromkeys([*jinja.get("extensions", []), "jinja2.ext.i18n"]))
    settings["JINJA_ENVIRONMENT"] = jinja
    # If an organiser points PATH at the project root, exhibitor Markdown must not become posts.
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(settings.get(key, []))
        if expo.exhibitors_path not in excludes:
            settings[key] = excludes + [expo.exhibitors_path]
    # Pelican reads content/pages/; the expo writes them, in every language, and the theme's
    # static files through its plan, so every file is collision-checked, counted and incremental.
    settings["PAGE_SAVE_AS"] = settings["PAGE_LANG_SAVE_AS"] = ""
    settings["THEME_STATIC_PATHS"] = []


def get_generators(pelican):
    return ExpoGenerator


def register() -> None:
    signals.initialized.connect(apply_defaults)
    signals.get_generators.connect(get_generators)
