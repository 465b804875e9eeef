"""The search index's files: records in (search.index_records), static JSON files out, read by
theme/static/js/search-engine.js. Why our own and not Pagefind: docs/search.md.

Per language (every file but the entry named by its content, so hosts may cache them forever):
- `<lang>.<hash>.json`, the language's table of contents, the one file a first search needs
  before it knows what else to fetch (the search page preloads it): how many pages, which term
  chunk holds which words, the names of the page chunks, filter lists and price list;
- `t/<hash>.json`, term chunks: the index's terms in order, split every TERM_CHUNK_BYTES, each
  term with the pages it is on (ids as gaps) and a weight per page (title words weigh more);
- `d/<hash>.json`, page chunks: what a result shows (its path from the site's root, title,
  meta, the start of its text for the excerpt), `chunk_size` pages each, in id order (a booth then its products);
- `f/<hash>.json`, one per filter: each value's pages, fetched when a visitor filters or opens
  the filters (the counts);
- `p/<hash>.json`, each page's price (null: none), fetched when a visitor sorts by price.
`entry.json` names each language's table of contents; the search page reads it at build time.

Everything is built in one pass over the records, holding per language only the terms' page
lists (two 4-byte numbers per word and page, in arrays) and the filter lists: a page's text is
written into its chunk and dropped.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from typing import Any, Iterable, Iterator, Mapping

from expo.site.search_words import terms

VERSION = 1
ENTRY = "entry.json"
TERM_CHUNK_BYTES = 16_000  # a first search fetches one chunk per word: small, but not a file per word
MAX_DOC_CHUNKS = 1_000  # the table of contents names each page chunk: it stays under ~15 KB
MIN_CHUNK_SIZE = 16  # pages per page chunk at expo size: 12 results fetch a few KB
EXCERPT_CHARS = 360  # the start of a page's text the result's excerpt is cut from
MAX_WORDS = 3_000  # words indexed per page: exhibitor text is bounded, and so is the index
TITLE_WEIGHT = 3  # a word of the title counts this much more than a word of the text
MAX_WEIGHT = 255
HASH_CHARS = 12


def chunk_size(pages: int) -> int:
    """Pages per page chunk for an index of about `pages` pages."""
    return max(MIN_CHUNK_SIZE, math.ceil(pages / MAX_DOC_CHUNKS))


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _gaps(ids: Iterable[int]) -> list[int]:
    out, last = [], 0
    for page in ids:
        out.append(page - last)
        last = page
    return out


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be", "surrogatepass")


def _excerpt_source(content: str) -> str:
    if len(content) <= EXCERPT_CHARS:
        return content
    cut = content.rfind(" ", 0, EXCERPT_CHARS)
    return content[:cut if cut > 0 else EXCERPT_CHARS] + " …"


class _Files:
    """The bundle's files by name; a name is its content's hash, so the same name with other
    bytes would be a broken index: refused."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, folder: str, data: bytes, prefix: str = "") -> str:
        name = hashlib.sha256(data).hexdigest()[:HASH_CHARS]
        path = f"{folder}{prefix}{name}.json"
        if self.files.setdefault(path, data) != data:
            raise ValueError(f"two search index files share the name {path}")
        return name


class _Language:
    """One language's index, built a page at a time."""

    def __init__(self, lang: str, files: _Files, size_hint: int) -> None:
        self.lang = lang
        self.files = files
        self.size = chunk_size(size_hint)
        self.pages = 0
        self.postings: dict[str, array] = {}  # term -> page, weight, page, weight, ...
        self.filters: dict[str, dict[str, array]] = {}
        self.prices: list[int | None] = []
        self.docs: list[str] = []  # the page chunks' names, in order
        self.chunk: list[dict] = []

    def add(self, record: Mapping[str, Any]) -> None:
        page = self.pages
        self.pages += 1
        meta = dict(record.get("meta") or {})
        title = str(meta.pop("title", "") or "")
        content = str(record.get("content") or "")
        weights: dict[str, int] = {}
        get = weights.get
        for text, weight in ((title, TITLE_WEIGHT), (content, 1)):
            for word, stem in terms(text, self.lang)[:MAX_WORDS]:
                weights[word] = get(word, 0) + weight
                if stem != word:
                    weights[stem] = get(stem, 0) + weight
        postings = self.postings
        for term, weight in weights.items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = array("I")
            found.append(page)
            found.append(weight if weight < MAX_WEIGHT else MAX_WEIGHT)
        filters = record.get("filters") or {}
        for name, values in filters.items():
            for value in dict.fromkeys(values):
                self.filters.setdefault(str(name), {}).setdefault(str(value), array("I")).append(page)
        price = (record.get("sort") or {}).get("harga")
        self.prices.append(int(price) if price not in (None, "") else None)
        self.chunk.append({"u": str(record.get("url") or "").lstrip("/"), "t": title, "m": meta,
                           "j": list(filters.get("jenis") or ()), "c": _excerpt_source(content)})
        if len(self.chunk) == self.size:
            self._flush()

    def _flush(self) -> None:
        if self.chunk:
            self.docs.append(self.files.add("d/", _json(self.chunk)))
            self.chunk = []

    def _term_chunks(self) -> Iterator[tuple[str, str]]:
        """Each term chunk's first term and name."""
        chunk: dict[str, list[int]] = {}
        size = 0
        for term in sorted(self.postings, key=_utf16):  # as JavaScript compares strings
            flat = self.postings.pop(term)  # freed as written
            pages = flat[0::2]
            entry = [x for pair in zip(_gaps(pages), flat[1::2]) for x in pair]
            if chunk and size >= TERM_CHUNK_BYTES:
                yield next(iter(chunk)), self.files.add("t/", _json(chunk))
                chunk, size = {}, 0
            chunk[term] = entry
            size += len(term) + 4 * len(entry)
        if chunk:
            yield next(iter(chunk)), self.files.add("t/", _json(chunk))

    def finish(self) -> tuple[str, int]:
        """Writes what is left; returns the table of contents' name and the page count."""
        self._flush()
        contents = {
            "version": VERSION, "lang": self.lang, "pages": self.pages, "chunk": self.size,
            "docs": self.docs,
            "terms": [[first, name] for first, name in self._term_chunks()],
            "filters": {name: self.files.add("f/", _json({value: _gaps(pages) for value, pages in values.items()}))
                        for name, values in sorted(self.filters.items())},
            "prices": self.files.add("p/", _json(self.prices)),
        }
        name = f"{self.lang}.{self.files.add('', _json(contents), self.lang + '.')}.json"
        return name, self.pages


def index_files(records: Iterable[Mapping[str, Any]], size_hint: int = 0) -> tuple[dict[str, bytes], dict[str, int]]:
    """The bundle's files (path inside the bundle -> bytes) for `records`, and how many pages
    each language's index holds. `size_hint`: about how many pages a language has (the page
    chunks' size; any value gives a correct index)."""
    files = _Files()
    languages: dict[str, _Language] = {}
    for record in records:
        lang = str(record.get("language") or "")
        index = languages.get(lang)
        if index is None:
            index = languages[lang] = _Language(lang, files, size_hint)
        index.add(record)
    entry = {}
    for lang, index in sorted(languages.items()):
        name, pages = index.finish()
        entry[lang] = {"index": name, "pages": pages}
    files.files[ENTRY] = _json({"version": VERSION, "languages": entry})
    return files.files, {lang: data["pages"] for lang, data in entry.items()}
