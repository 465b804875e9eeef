"""`invoke translations`: keep the interface catalogs in step with the templates and the code.

Extracts every `_()`/`gettext()`/`N_()` text from theme/templates and expo/ (babel.cfg) into
expo/text/locale/messages.pot and merges it into each language's messages.po, so a translator
only fills in the empty `msgstr`s. `--check` changes nothing and fails when a text is missing
from a catalog or untranslated: the build would show it in Indonesian on an English page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from expo.settings import LANGUAGES
from expo.site.text import LOCALE_DIR, SOURCE_LANGUAGE, catalog_path


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def extract(root: Path, target: Path) -> None:
    _pybabel("extract", "-F", str(root / "babel.cfg"), "-k", "N_", "--no-location", "--sort-output",
             "--omit-header", "-o", str(target), str(root))


def problems(root: Path) -> list[str]:
    """Texts the catalogs lack or leave untranslated, one line each."""
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "messages.pot"
        extract(root, template)
        with template.open("rb") as f:
            wanted = {m.id for m in read_po(f) if m.id}
    found = []
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        path = catalog_path(lang)
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang)
        for message_id in sorted(wanted, key=str):
            message = catalog.get(message_id)
            if message is None or not message.string or message.fuzzy:
                text = message_id if isinstance(message_id, str) else message_id[0]
                found.append(f"{path.relative_to(root)}: untranslated: {text!r}")
    return found


def update(root: Path) -> None:
    """Re-extract the template and merge it into every language's catalog."""
    template = LOCALE_DIR / "messages.pot"
    extract(root, template)
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            _pybabel("update", "--no-wrap", "--omit-header", "-l", lang, "-i", str(template),
                     "-o", str(catalog_path(lang)))
