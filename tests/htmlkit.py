"""Parse built pages (stdlib html.parser) so tests check structure, not substrings."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit, unquote


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list["Element"] = field(default_factory=list)


class _Parser(HTMLParser):
    VOID = {"meta", "link", "img", "source", "br", "hr", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if self.open:
            self.open[-1].children.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


class Page:
    def __init__(self, path: Path, site: Path):
        self.path = path
        self.site = site
        parser = _Parser()
        parser.feed(path.read_text(encoding="utf-8"))
        self.elements = parser.elements

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        def matches(e: Element) -> bool:
            if e.tag != tag:
                return False
            for key, value in attrs.items():
                key = key.rstrip("_")
                if key == "class":
                    if value not in e.attrs.get("class", "").split():
                        return False
                elif e.attrs.get(key) != value:
                    return False
            return True

        return [e for e in self.elements if matches(e)]

    def find(self, tag: str, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in {self.path}"
        return found[0]

    def text_of(self, tag: str, **attrs: str) -> str:
        return " ".join(self.find(tag, **attrs).text.split())

    def references(self) -> list[str]:
        """Every URL the page makes the browser follow or fetch."""
        urls = []
        for e in self.elements:
            for key in ("href", "src"):
                if key in e.attrs:
                    urls.append(e.attrs[key])
            if "srcset" in e.attrs:
                urls.extend(part.strip().split(" ")[0] for part in e.attrs["srcset"].split(","))
        return urls

    def resolve(self, url: str) -> Path | None:
        """The file in the site an internal URL points at; None for external URLs."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("#"):
            return None
        here = self.path.parent.relative_to(self.site).as_posix()
        target = normpath(f"{here}/{unquote(parts.path)}") if not parts.path.startswith("/") else parts.path.lstrip("/")
        path = self.site / target
        return path / "index.html" if url.endswith("/") or path.is_dir() else path


def pages(site: Path) -> list[Page]:
    return [Page(p, site) for p in sorted(site.rglob("*.html"))]
