"""The project: its folder and its settings file, read once into Pelican's settings and the typed
`ExpoSettings`.

Every command and the Pelican generator take a `Project` (the generator finds the typed settings
in Pelican's settings under `EXPO_SETTINGS_KEY`), so the settings file is read once, by the file
name the organiser gave, and its mistakes are all reported together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from expo.settings import LANGUAGES, ExpoSettings, SettingsError

# Where the typed settings travel inside Pelican's settings dict. Not an EXPO_* name: those are
# the organiser's options, and an unknown EXPO_* name is a mistake.
EXPO_SETTINGS_KEY = "EXPO__SETTINGS"


@dataclass(frozen=True)
class Project:
    root: Path  # the folder holding the settings file, resolved
    settings_file: str  # as the organiser named it: 'pelicanconf.py', 'publishconf.py'
    pelican: dict[str, Any]  # Pelican's settings, with the typed settings under EXPO_SETTINGS_KEY
    expo: ExpoSettings

    @property
    def exhibitors_dir(self) -> Path:
        return self.expo.exhibitors_dir(self.root)

    @property
    def image_cache_dir(self) -> Path:
        return self.expo.image_cache_dir(self.root)


def load_project(root: Path, settings_file: str = "pelicanconf.py", lang: str | None = None,
                 overrides: dict[str, Any] | None = None) -> Project:
    """Read `settings_file` once; raise SettingsError with every mistake in it.

    `lang` overrides the language of content messages (`--lang`); `overrides` are Pelican
    settings that win over the file (the build's staging OUTPUT_PATH)."""
    from pelican.settings import read_settings

    root = root.resolve()
    path = root / settings_file
    if not path.is_file():
        raise SettingsError([f"tidak ditemukan di {root} / not found in {root}"], settings_file)
    try:
        settings = read_settings(str(path), override=dict(overrides or {}))
    except SyntaxError as exc:
        raise SettingsError([f"baris ini bukan kode Python yang sah: periksa tanda kutip, kurung dan koma "
                             f"(invalid Python on this line: {exc.msg})"], settings_file, [exc.lineno]) from None
    except Exception as exc:  # Pelican raises plain ValueError/Exception for bad settings
        raise SettingsError([str(exc)], settings_file) from None
    settings.setdefault("EXPO_ROOT_PATH", str(root))
    try:
        expo = ExpoSettings.from_pelican(settings, settings_file)
    except SettingsError as exc:
        raise exc.with_lines(path.read_text(encoding="utf-8", errors="replace")) from None
    if lang is not None:
        if lang not in LANGUAGES:
            raise SettingsError(['--lang harus "id" atau "en" (--lang must be "id" or "en")'], settings_file)
        expo = replace(expo, lang=lang)
    settings[EXPO_SETTINGS_KEY] = expo
    return Project(root, settings_file, settings, expo)


def expo_settings_of(settings: dict[str, Any]) -> ExpoSettings:
    """The typed settings inside Pelican's settings; read them there if Pelican was started
    directly (`pelican content`) rather than through a Project."""
    expo = settings.get(EXPO_SETTINGS_KEY)
    if expo is None:
        expo = settings[EXPO_SETTINGS_KEY] = ExpoSettings.from_pelican(settings)
    return expo


def project_root(settings: dict[str, Any]) -> Path:
    """The folder holding the settings file: `EXPO_ROOT_PATH` if set, else the parent of content/."""
    return Path(settings.get("EXPO_ROOT_PATH") or Path(settings["PATH"]).parent).resolve()
