"""Exhibitor folders -> raw documents that remember the line of every value.

No rules about fields live here (that is `parsing.py`); this module only reads files safely:
UTF-8 (with or without BOM, CRLF fine), size-bounded, YAML with the safe C loader, no tags
beyond plain values, no anchors/aliases (they are how "billion laughs" bombs work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from expo.content.errors import WARNING, ContentError
from expo.content.yamlhelp import comment_cut, diagnose
from expo.values.slugs import SLUG_RE
from expo.values.paths import is_plain_file_inside, plain_files

try:  # libyaml is about 6x faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

YAML_NAME = "exhibitor.yml"
ABOUT_NAMES = {"id": "about.md", "en": "about.en.md"}
MAX_ABOUT_KILOBYTES = 64
MAX_DEPTH = 16  # the contract nests 4 deep; deeper input is hostile or a mistake
_ABOUT_NAME = re.compile(r"about(\.[a-z]{2})?\.md\Z")  # about.md, about.en.md

# Plain YAML scalars we accept; anything else (!!python/..., !!binary, custom tags) is refused.
_SCALAR_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp")
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

Path_ = tuple  # a location inside the document: ('products', 0, 'name')


@dataclass(frozen=True)
class RawDocument:
    """Plain Python values from one YAML file, with the 1-based line of each value."""

    data: Any
    lines: dict[Path_, int]
    # Scalars as written: YAML reads 0271234567 as an octal int, but a phone number or a
    # registration number must keep the digits the exhibitor typed.
    written: dict[Path_, str] = field(default_factory=dict)
    # Values already reported by the loader (a refused tag or alias): no second message there.
    refused: frozenset = frozenset()

    def is_refused(self, path: Path_) -> bool:
        return any(path[:i] in self.refused for i in range(len(path) + 1))

    def line(self, path: Path_) -> int:
        """Line of `path`, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass(frozen=True)
class RawExhibitor:
    slug: str
    folder: Path
    display_path: str  # 'exhibitors/<slug>', used in messages
    document: RawDocument | None
    about: dict[str, str] = field(default_factory=dict)  # lang -> Markdown text
    problems: tuple[ContentError, ...] = ()
    # Photos checked where they already are instead of in `folder` (import-csv validates a
    # planned booth against the --photos folder without copying anything): name -> file.
    photo_sources: Mapping[str, Path] = field(default_factory=dict)

    @property
    def yml_path(self) -> str:
        return f"{self.display_path}/{YAML_NAME}"


def discover(exhibitors_dir: Path) -> list[Path]:
    """Exhibitor folders in a stable order; hidden folders and loose files are ignored."""
    if not exhibitors_dir.is_dir():
        return []
    return sorted(p for p in exhibitors_dir.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_exhibitor(folder: Path, display_root: str, max_yaml_kb: int,
                   siblings: frozenset[str] = frozenset()) -> RawExhibitor:
    """One booth folder; `siblings` are the names of the other folders beside it."""
    slug = folder.name
    display = f"{display_root}/{slug}"
    problems: list[ContentError] = []
    if not SLUG_RE.match(slug):
        problems.append(_folder_name_problem(slug, display, siblings))
    if folder.is_symlink():  # its files would come from wherever the link points
        problems.append(ContentError(display, None, "", "folder_link", {"slug": slug}))
        return RawExhibitor(slug, folder, display, None, {}, tuple(problems))
    problems.extend(stray_entries(folder, display))
    yml_path = f"{display}/{YAML_NAME}"
    source = folder / YAML_NAME
    document = None
    if source.is_symlink():  # reading it would read whatever it points at
        problems.append(ContentError(yml_path, None, "", "yaml_link"))
    elif not is_plain_file_inside(source, folder):
        misnamed = _misnamed_yaml(folder)
        if misnamed:  # 'Exhibitor.yml', 'exhibitor.yaml': never read, so say how to rename it
            problems.append(ContentError(f"{display}/{misnamed}", None, "", "yaml_misnamed",
                                         {"found": f"{display}/{misnamed}", "wanted": yml_path}))
        else:
            problems.append(ContentError(yml_path, None, "", "yaml_missing"))
    else:
        text = _read_text(source, yml_path, max_yaml_kb, "yaml", problems)
        if text is not None:
            document = parse_yaml(text, yml_path, problems)
    about = {}
    for lang, name in ABOUT_NAMES.items():
        path = folder / name
        if path.is_symlink():
            problems.append(ContentError(f"{display}/{name}", None, "", "about_link", {"name": name}))
        elif is_plain_file_inside(path, folder):
            text = _read_text(path, f"{display}/{name}", MAX_ABOUT_KILOBYTES, "text", problems)
            if text is not None:
                about[lang] = text
    return RawExhibitor(slug, folder, display, document, about, tuple(problems))


def stray_entries(folder: Path, display: str) -> list[ContentError]:
    """Anything in a booth folder besides exhibitor.yml, about*.md and photos: a tasks.py there
    would run when an organiser types `invoke` inside the folder, and a page or script would
    sit in the repository looking like part of the booth. Photo-named entries are judged
    where exhibitor.yml names them; a link named like a booth file is reported by its reader."""
    from expo.images.pipeline import photo_name_problem

    found = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if name == YAML_NAME or (_ABOUT_NAME.match(name) and entry.is_symlink()):
            continue
        if name.casefold() in _YAML_LOOKALIKES and entry.is_file() and not (folder / YAML_NAME).is_file():
            continue  # 'Exhibitor.yml' instead of exhibitor.yml: reported with the exact rename
        if entry.is_dir() and not entry.is_symlink():
            found.append(ContentError(f"{display}/{name}", None, "", "booth_stray_folder", {"name": name}))
        elif not (_ABOUT_NAME.match(name) or photo_name_problem(name) is None):
            found.append(ContentError(f"{display}/{name}", None, "", "booth_stray_file", {"name": name}))
    return found


def _folder_name_problem(slug: str, display: str, siblings: frozenset[str]) -> ContentError:
    """'Batik-Sari' beside 'batik-sari' is the same folder on Windows and macOS and the same
    address once lower-cased: a collision with that booth, never a hint to rename onto it."""
    same = sorted(s for s in siblings if s != slug and s.casefold() == slug.casefold())
    suggestion = suggest_slug(slug)
    if same or suggestion in siblings:
        other = same[0] if same else suggestion
        free = next(f"{other}-{i}" for i in range(2, len(siblings) + 3) if f"{other}-{i}" not in siblings)
        return ContentError(display, None, "", "folder_case_collision",
                            {"slug": slug, "other": other, "suggestion": free})
    return ContentError(display, None, "", "folder_slug", {"slug": slug, "suggestion": suggestion})


# What people name the booth file by mistake: another case, the .yaml spelling, a plural
_YAML_LOOKALIKES = {"exhibitor.yml", "exhibitor.yaml", "exhibitors.yml", "exhibitors.yaml",
                    "exhibitor.yml.txt", "exhibitor.txt"}


def _misnamed_yaml(folder: Path) -> str | None:
    try:
        names = sorted(plain_files(folder))
    except OSError:
        return None
    return next((n for n in names if n.casefold() in _YAML_LOOKALIKES and n != YAML_NAME), None)


def misplaced_booth_files(exhibitors_dir: Path, display_root: str) -> list[ContentError]:
    """Booth files the build never reads because they are in the wrong place: a loose
    `exhibitors/x.yml`, or a folder `Exhibitors/` beside `exhibitors/`. Each names the rename."""
    problems = []
    if exhibitors_dir.is_dir():
        for path in sorted(exhibitors_dir.iterdir()):
            if path.is_file() and path.suffix.casefold() in (".yml", ".yaml"):
                stem = path.stem if path.stem.casefold() not in ("exhibitor", "exhibitors") else "<nama-folder>"
                problems.append(ContentError(f"{display_root}/{path.name}", None, "", "yaml_loose", {
                    "found": f"{display_root}/{path.name}", "wanted": f"{display_root}/{stem}/{YAML_NAME}",
                    "rename": f"{stem}/{YAML_NAME}"}))
    parent, name = exhibitors_dir.parent, exhibitors_dir.name
    if parent.is_dir():
        for path in sorted(parent.iterdir()):
            if path.is_dir() and path.name != name and path.name.casefold() == name.casefold():
                shown = display_root.rsplit("/", 1)[0] + "/" + path.name if "/" in display_root else path.name
                for booth in sorted(p for p in path.iterdir() if p.is_dir()):
                    problems.append(ContentError(f"{shown}/{booth.name}", None, "", "folder_case", {
                        "found": f"{shown}/{booth.name}/", "wanted": f"{display_root}/{booth.name}/"}))
    return problems


def suggest_slug(name: str) -> str:
    from expo.values.slugs import slugify

    return slugify(name) or "nama-usaha"


def _read_text(path: Path, display: str, max_kb: int, kind: str, problems: list) -> str | None:
    size = path.stat().st_size
    if size > max_kb * 1024:
        key = "yaml_too_large" if kind == "yaml" else "text_file_too_large"
        problems.append(ContentError(display, None, "", key, {"size": -(-size // 1024), "limit": max_kb}))
        return None
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        key = "yaml_encoding" if kind == "yaml" else "text_encoding"
        problems.append(ContentError(display, line, "", key, {"offset": exc.start + 1}))
        return None


def parse_yaml(text: str, display: str, problems: list[ContentError]) -> RawDocument | None:
    """Compose (not construct) so every value keeps its line; refuse tags and aliases."""
    try:
        too_deep = _first_too_deep(text)
        if too_deep is not None:
            problems.append(ContentError(display, too_deep, "", "yaml_too_deep", {"limit": MAX_DEPTH}))
            return None
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "maximum nesting depth" in (exc.problem or ""):
            # libyaml (PyYAML 6.0.4 on) stops deep nesting itself, before our event check
            problems.append(ContentError(display, mark.line + 1 if mark else None, "", "yaml_too_deep",
                                         {"limit": MAX_DEPTH}))
            return None
        found = diagnose(text, exc.problem or "", exc.problem_mark, exc.context, exc.context_mark)
        problems.append(ContentError(display, found.line, "", "yaml_syntax",
                                     {"line": found.line, "column": found.column, "problem": found.key}))
        return None
    except yaml.reader.ReaderError as exc:  # control characters, e.g. pasted from a PDF
        line = text[: exc.position].count("\n") + 1
        problems.append(ContentError(display, line, "", "yaml_control_character", {"code": f"U+{exc.character:04X}"}))
        return None
    except yaml.YAMLError:  # no position: say what to check, never the parser's English
        problems.append(ContentError(display, None, "", "yaml_syntax_unplaced"))
        return None
    if node is None:
        return RawDocument({}, {})
    walker = _Walker(display, problems, text)
    data = walker.value(node, ())
    return RawDocument(data, walker.lines, walker.written, frozenset(walker.refused))


def _first_too_deep(text: str) -> int | None:
    """Line where nesting passes MAX_DEPTH, found from the event stream before composing:
    libyaml's composer recurses per level and a file of nested brackets can crash it."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


class _Walker:
    """Turns composed nodes into plain values, recording lines and refusing unsafe YAML."""

    def __init__(self, display: str, problems: list[ContentError], text: str = ""):
        self.display = display
        self.lines_of_text = text.splitlines()
        self.problems = problems
        self.lines: dict[Path_, int] = {}
        self.written: dict[Path_, str] = {}
        self.seen: set[int] = set()
        self.alias_reported = False
        self.refused: set[Path_] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def _problem(self, node: yaml.Node, path: Path_, message: str, **params: Any) -> None:
        self.refused.add(path)
        if message == "yaml_alias":  # one is enough: a bomb has thousands
            if self.alias_reported:
                return
            self.alias_reported = True
        field_name = format_field(path)
        self.problems.append(ContentError(self.display, node.start_mark.line + 1, field_name, message, params))

    def value(self, node: yaml.Node, path: Path_) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:  # the composer hands back the same node for every alias
            self._problem(node, path, "yaml_alias")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                self._problem(node, path, "yaml_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!"))
                return None
            self.written[path] = node.value
            if not node.style and node.tag.endswith(":str"):  # plain: not quoted, not a | block
                cut = comment_cut(self.lines_of_text, node.end_mark)
                if cut:  # 'name: Keripik Tempe #1 Ambarawa' reads as "Keripik Tempe"
                    self.problems.append(ContentError(
                        self.display, node.start_mark.line + 1, format_field(path), "yaml_comment_cut",
                        {"value": node.value, "rest": cut}, WARNING))
            try:
                return self.constructor.construct_object(node)
            except (yaml.YAMLError, ValueError, OverflowError):
                # e.g. a timestamp such as 2026-13-45: keep the text, the field rule judges it
                return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._problem(node, path, "yaml_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!"))
                return None
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _MAP_TAG:
            self._problem(node, path, "yaml_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!"))
            return None
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, path, "yaml_alias")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self._problem(key_node, path, "yaml_not_mapping")
                continue
            key = str(key_node.value)
            child = path + (key,)
            if key in result:
                self._problem(key_node, child, "yaml_duplicate_key", key=key, first_line=self.lines[child])
                continue
            self.lines[child] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, child)
        return result


def format_field(path: Path_) -> str:
    """('products', 1, 'price') -> 'products[2].price' (1-based, as people count)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out
