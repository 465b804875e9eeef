"""ExpoGenerator: the Pelican generator that turns the catalog into the planned output files.

`generate_context` reads and validates every exhibitor (raising `ContentErrors` with all
problems before anything is written), plans every output file in every language, refuses
collisions and encodes the photos the cache lacks; `generate_output` hands each planned file to
its producer (outputs.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from jinja2 import pass_context
from markupsafe import Markup
from pelican.generators import Generator

from expo.content.catalog import require_catalog
from expo.content.errors import ContentError, ContentErrors
from expo.images.photos import catalog_pictures, prepare_photos, remember_digests, remember_photos, share_pictures
from expo.images.recipe import SHARE_SIZE
from expo.project import expo_settings_of, project_root
from expo.site import linked_data, structured
from expo.site.agenda import agenda_days
from expo.site.analytics import ANALYTICS_SCRIPT, script_tag
from expo.site.assets import theme_assets
from expo.site.headers import ImmutableFolders, headers_of
from expo.site.cards import Cards
from expo.site.fragments import Fragments
from expo.site.cart import cart_product, cart_text
from expo.site.early import EarlyFiles
from expo.site.incremental import (DIGEST_SIZE, PREVIOUS_OUTPUT_KEY, Previous, carry_over, content_digests, digest_at,
                                    file_digest, manifest_path, site_digest, templated, tree_digest_of)
from expo.site.linked_data import jsonld
from expo.site.outputs import BEFORE_PAGES, DATA_EXPORTS, PRODUCERS, Output
from expo.site.pictures import picture_html
from expo.site.plan import (SEARCH_INDEX, SITEMAP_PAGES, SITEMAP_PARTS, Plan, PlannedFile, Site, find_collisions,
                             in_sitemap, normalised_path)
from expo.site.progress import PROGRESS_KEY
from expo.site.render import PageWriter, aside, workers_for, write_pages
from expo.site.routes import Routes, url_of
from expo.site.spare import claim, reconcile, remove_left_empty, remove_whole_folders
from expo.site.search import CREDENTIAL_FILTERS, PRICE_BANDS, search_contents
from expo.site.storefront import hero_image
from expo.site.template_cache import compiled_templates
from expo.site.structured import product_jsonld
from expo.site.text import Text
from expo.values.addresses import full_address


def absolute_siteurl(settings: dict) -> str:
    """SITEURL only when it is a real address: a local preview has none to put in messages."""
    url = settings.get("SITEURL") or ""
    return url if url.startswith(("http://", "https://")) else ""


def page_gettext(text: Text) -> dict:
    """A page's `_`, `gettext` and `ngettext`, in its language (`text`): interface text as Jinja's
    i18n extension's newstyle functions give it under autoescape, which the plugin forces
    (Markup, always %-formatted). Bound to the language, not context functions reading the
    page's `t`: Jinja hands a context function called in a loop, or in a block after a `{% set
    %}`, a copy of the whole context, per call; most of a page's 27 calls were such. A message
    without variables is formatted once per language."""
    plain: dict[str, Markup] = {}

    def gettext(message: str, **variables) -> Markup:
        if variables:
            return Markup(text.gettext(message)) % variables
        rv = plain.get(message)
        if rv is None:
            rv = plain[message] = Markup(text.gettext(message)) % {}
        return rv

    def ngettext(singular: str, plural: str, count: int, **variables) -> Markup:
        variables.setdefault("num", count)
        return Markup(text.ngettext(singular, plural, count)) % variables

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


@pass_context
def _gettext(context, message: str, **variables) -> str:
    """Interface text in the language of the page being rendered (its `t`), for a template
    rendered without the page writer's helpers (which bind `page_gettext` to each page)."""
    text = context.get("t")
    rv = text.gettext(message) if text is not None else message
    if context.eval_ctx.autoescape:
        rv = Markup(rv)
    return rv % variables


@pass_context
def _ngettext(context, singular: str, plural: str, count: int, **variables) -> str:
    variables.setdefault("num", count)
    text = context.get("t")
    if text is None:
        rv = singular if count == 1 else plural
    else:
        rv = text.ngettext(singular, plural, count)
    if context.eval_ctx.autoescape:
        rv = Markup(rv)
    return rv % variables


# At most this many files to make are held from the walk that makes the digests (a rebuild
# after an edit makes a few); more (a first build) are found by walking the plan again.
HELD_FILES = 10_000


class _SitemapParts:
    """Each sitemap's input: a digest of the addresses it lists (plan.in_sitemap), SITEMAP_URLS
    at a time, gathered in a walk of the plan; the sitemap index's: how many sitemaps there are."""

    def __init__(self):
        self.parts: list = []
        self.count = 0

    def add(self, path: str) -> None:
        if self.count % structured.SITEMAP_URLS == 0:
            self.parts.append(hashlib.sha256())
        self.parts[-1].update(path.encode("utf-8", "surrogatepass") + b"\n")
        self.count += 1

    def inputs(self, parts: int) -> dict[str, str]:
        empty = hashlib.sha256()
        return {SITEMAP_PARTS: str(parts), **{f"{SITEMAP_PAGES}:{part}": (self.parts[part] if part < len(self.parts)
                                                                           else empty).hexdigest()
                                             for part in range(parts)}}


def _done() -> None:
    """Waits for nothing: no process was started."""


class ExpoGenerator(Generator):
    def generate_context(self) -> None:
        self.expo = expo_settings_of(self.settings)
        root = project_root(self.settings)
        remember_digests(root, self.expo)
        self.catalog, self.problems = require_catalog(root, self.expo)
        self.warnings: list[ContentError] = [p for p in self.problems if not p.is_error]
        siteurl = absolute_siteurl(self.settings)
        theme = theme_assets(Path(self.theme) / "static")
        self.asset_names = published = {name: public for name, public, _path in theme}
        routes = {lang: Routes(self.expo, Text(lang, self.expo), siteurl, published) for lang in self.expo.languages}
        pictures = catalog_pictures(self.catalog)
        hero, hero_problems = hero_image(root, self.expo)
        if hero_problems:
            raise ContentErrors(hero_problems)
        content_pages = tuple(self.context.get("pages", []) + self.context.get("hidden_pages", []))
        # Analytics off: not even our event script is published.
        assets = tuple((public, path) for name, public, path in theme
                       if self.expo.analytics or name != ANALYTICS_SCRIPT)
        site = Site(self.catalog, routes, self.expo.exhibitors_path, self.expo.directory_per_page,
                    content_pages=content_pages, photos=tuple(pictures),
                    shared_photos=frozenset(p.key for p in share_pictures(self.catalog)), assets=assets,
                    hero_image=hero)
        self.plan = Plan(site)
        intros = self._read_intros()
        self.previous = self._previous()
        # The search index and the data exports start as soon as the walk knows they changed
        self.early = EarlyFiles(Path(self.output_path), siteurl, self.plan,
                                self.previous.folder if self.previous is not None else None)
        try:
            clash = self._walk_plan(content_pages, intros)  # starts the search index
            if clash:  # two files may land on one path: walk again to name them
                collisions = find_collisions(self.plan, self.expo.exhibitors_path)
                if collisions:
                    raise ContentErrors(collisions)
            # A rebuild that holds its few files makes the data exports while it goes on
            self.early_exports = self.early.start(
                [file for _index, file in self.to_make or () if file.kind in DATA_EXPORTS])
            # Photos are encoded before any page is written: a photo that fails to decode stops the
            # build with a report, and pages get each photo's placeholder colour.
            self.photos = prepare_photos(self.catalog, root, self.expo, progress=sys.stderr.isatty())
        except BaseException:
            self.early.drop()
            raise
        self.context.update(expo=self.expo, catalog=self.catalog, expo_intros=intros,
                            expo_photo_colours=self.photos.placeholders)
        self.env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
        # Ours already are newstyle: replace the extension's wrappers (and its `_` alias) by them.
        self.env.globals.update(gettext=_gettext, ngettext=_ngettext, _=_gettext)
        self.env.bytecode_cache = compiled_templates(self.env, self.expo.image_cache_dir(root).parent / "templates")
        self.env.globals.update(product_jsonld=product_jsonld, picture_html=picture_html,
                                cart_product=cart_product, cart_text=cart_text, jsonld=jsonld,
                                linked_data=linked_data, full_address=full_address, SHARE_SIZE=SHARE_SIZE,
                                price_bands=PRICE_BANDS, credential_filters=CREDENTIAL_FILTERS,
                                agenda_days=agenda_days)
        self.env.globals.update(analytics_tags=script_tag, ANALYTICS_SCRIPT=ANALYTICS_SCRIPT)
        # The search page names the index's files, read from the index written before the pages.
        self.env.globals.update(search_contents=functools.partial(search_contents, Path(self.output_path)))
        self.cards = Cards(self.photos.placeholders)  # a fresh cache per build
        self.env.globals["fragment"] = Fragments()  # a fresh cache per build
        self.page_text = {lang: page_gettext(routes.text) for lang, routes in routes.items()}

    def _page_helpers(self, page: dict) -> dict:
        """Template functions bound to one page (PageWriter): its language's interface text, and
        the cards and `picture` at its SITEURL."""
        t = page["t"]
        return {**self.page_text[t.lang], **self.cards.for_page(t, page["routes"], page["SITEURL"])}

    def _read_intros(self) -> dict:
        """content/home.md (and home.en.md): the organiser's welcome text on the home page."""
        from pelican.contents import Page

        intros = {}
        for lang in self.expo.languages:
            name = "home.md" if lang == self.expo.default_language else f"home.{lang}.md"
            if (Path(self.path) / name).is_file():
                intros[lang] = self.readers.read_file(base_path=self.path, path=name, content_class=Page,
                                                      context=self.context)
        return intros

    def _walk_plan(self, content_pages: tuple, intros: dict) -> bool:
        """One walk of the plan: the digest of every planned file's inputs (incremental.py),
        laid end to end in `self.digests` in the plan's order; the count of each kind; which
        files of the last build this one makes from the same inputs (`self.same`, by their place
        in its manifest) and whether all of them are (`self.all_same`); the files to make
        (`self.to_make`); where the search files are. Returns True if two files may land on one
        path (find_collisions tells)."""
        menu = [(p.slug, p.title, [(t.lang, t.title) for t in p.translations]) for p in content_pages]
        site = site_digest(self.settings, [repr(self.expo), repr(menu), repr({k: v.content for k, v in intros.items()}),
                                           repr(sorted(self.asset_names.items()))])
        pages = templated(site, Path(self.theme))
        content = content_digests(self.catalog)
        extra = {f"page:{p.slug}": repr([(v.lang, v.metadata, v.content) for v in (p, *p.translations)])
                 for p in content_pages}
        extra.update((f"photo:{picture.key}", picture.key) for picture in self.plan.site.photos)  # named by content
        # The search page names the index's files: a new index, a new search page.
        search_digests = [file_digest(file, site, content, extra) for file in self.plan.search]
        extra[SEARCH_INDEX] = " ".join(digest.hex() for digest in search_digests) or "-"
        previous = self.previous
        self.early_index = self.early.start(
            [file for file, digest in zip(self.plan.search, search_digests) if file.kind in BEFORE_PAGES
             and (previous is None or previous.place_if_same(file.save_as, digest) < 0)])
        immutable, listed = ImmutableFolders(), _SitemapParts()
        self.same = bytearray(len(previous) if previous is not None else 0)  # by place in its manifest
        self.all_same = previous is not None
        # The files not made from the same inputs last time, with their place in the plan: a
        # rebuild after an edit makes a few, held here (at most HELD_FILES) so that no other
        # walk of the plan looks for them; None when there are more.
        self.to_make: list[tuple[int, PlannedFile]] | None = []
        self.counts = Counter()
        self.digests = bytearray()
        self.search_at: list[int] = []  # the search files' places in the plan
        seen: set[int] = set()  # a hash per path, for this walk only
        clash = False
        for file in self.plan:
            path = normalised_path(file.save_as)
            where = hash(path)
            clash = clash or where in seen
            seen.add(where)
            kind = file.kind
            self.counts[kind] += 1
            immutable.add(file, path)
            if kind == "page":
                if in_sitemap(file):
                    listed.add(url_of(file.save_as))
            elif kind == "asset":
                extra[file.inputs[0]] = tree_digest_of(file.values["file"])
            elif kind == "headers":  # the last file: made from the folders of the whole plan
                extra[file.inputs[0]] = headers_of(immutable.folders())
            elif kind in ("sitemap", "sitemap_index") and SITEMAP_PARTS not in extra:  # after the pages
                extra.update(listed.inputs(file.values["parts"]))
            if kind == "search":  # made above: the search page names it
                digest = search_digests[len(self.search_at)]
                self.search_at.append(len(self.digests) // DIGEST_SIZE)
            else:
                digest = file_digest(file, pages if kind == "page" else site, content, extra)
            place = previous.place_if_same(file.save_as, digest) if previous is not None else -1
            if place >= 0:
                self.same[place] = 1
            else:
                self.all_same = False
                if self.to_make is not None and len(self.to_make) < HELD_FILES:
                    self.to_make.append((len(self.digests) // DIGEST_SIZE, file))
                else:
                    self.to_make = None
            self.digests += digest
        return clash

    def generate_output(self, writer) -> None:
        folder = Path(self.output_path)
        pages = PageWriter(self.get_template, self.context, self.output_path, self.settings["RELATIVE_URLS"],
                           helpers=self._page_helpers)
        output = Output(writer, pages.write, folder, absolute_siteurl(self.settings), self.plan, self.photos.cache)
        whole = {file.save_as: file.values["whole_folder"] for file in self.plan.search if file.values.get("whole_folder")}
        self.carried = carry_over(self.previous, self.same, self.all_same, self.counts.total(), whole)
        output.previous = self.previous.folder if self.previous else None
        self.written: Counter = Counter()  # made in this build; the rest linked from the last
        self.made_first: list[tuple[int, PlannedFile]] = []
        self.emptied: list[str] = []  # the spare's folders left empty, removed if still empty at the end
        if self.carried.kept:  # output/ already is this site: the build keeps it (cli/build.py)
            self.early.done()  # nothing was started: nothing changed
            return
        self._first_files(folder, output, self._claim_spare(folder, whole.values()), whole.values())
        try:
            first: dict[str, PlannedFile] = {}  # the first page of each template
            for _index, file in self._still_to_make():
                self.written[file.kind] += 1
                if file.kind == "page":
                    first.setdefault(file.template, file)
            rendered_first = {file.save_as for file in first.values()}
            aside_made = {file.save_as for file in self.early_exports}

            def remaining(pages_wanted: bool) -> Iterator[PlannedFile]:
                for _index, file in self._still_to_make():
                    if (file.kind == "page") == pages_wanted and file.save_as not in rendered_first \
                            and file.save_as not in aside_made:
                        yield file

            self._write_pages(list(first.values()), remaining(True), pages,
                              (functools.partial(PRODUCERS[file.kind], file, output) for file in remaining(False)))
            self.early.move_in(self.early_exports, folder)
        except BaseException:
            self.early.drop()
            raise
        self.early.done()
        remove_left_empty(self.emptied)
        remember_photos(self.photos)

    def _claim_spare(self, folder: Path, whole_folders) -> Previous | None:
        """The new tree starts as the tree before the last one when it was kept (spare.py): its
        folders are already there, and its files that are the same as output/'s stay. The
        folders made whole (the search index) are removed from it first."""
        spare = claim(self.previous, folder) if self.previous is not None else None
        if spare is not None:
            remove_whole_folders(spare, whole_folders)
        return spare

    def _first_files(self, folder: Path, output: Output, spare: Previous | None, whole_folders) -> None:
        """The files the pages read (the search index: BEFORE_PAGES): linked when unchanged,
        else started early (early.py) and moved in once the spare is brought up to date and the
        unchanged files are linked into the new tree. One that could not be linked (touched
        since) is made now, in a process of its own (render.aside), while that goes on."""
        first = [(index, file) for index, file in zip(self.search_at, self.plan.search) if file.kind in BEFORE_PAGES]
        places = [(self.previous.place(file.save_as), file.save_as) for _index, file in first] if self.previous else []
        self.carried.link(folder, [(place, save_as) for place, save_as in places if place is not None])
        self.made_first = [(index, file) for index, file in first if not self.carried.is_linked(file.save_as)]
        self.written.update(file.kind for _index, file in self.made_first)
        late = [file for _index, file in self.made_first if not self.early.holds(file)]
        made = aside(lambda: [PRODUCERS[file.kind](file, output) for file in late]) if late else _done
        try:
            if spare is not None:
                self.emptied = reconcile(spare, self.previous, self.same, self.carried.linked, whole_folders)
            self.carried.link(folder)
            made()
            self.early.move_in(self.early_index, folder)
        except BaseException:
            with contextlib.suppress(BaseException):  # each process reaped before the failure goes on
                made()
            self.early.drop()
            raise

    def _still_to_make(self) -> Iterator[tuple[int, PlannedFile]]:
        """The files this build makes after the first ones, with their place in the plan: those
        held from the walk of the plan, or (too many to hold, or some touched since the last
        build) another walk of it."""
        if self.to_make is not None and not self.carried.failed:
            return ((index, file) for index, file in self.to_make if file.kind not in BEFORE_PAGES)
        return ((index, file) for index, file in enumerate(self.plan)
                if file.kind not in BEFORE_PAGES and not self.carried.is_linked(file.save_as))

    def made_rows(self) -> Iterator[tuple[str, bytes]]:
        """For the manifest: the path and digest of each file this build made."""
        if not self.carried.kept:
            for index, file in itertools.chain(self.made_first, self._still_to_make()):
                yield file.save_as, digest_at(self.digests, index)

    def _write_pages(self, first: list[PlannedFile], rest: Iterator[PlannedFile], pages: PageWriter,
                     meanwhile) -> None:
        """Every page to make, on every core (render.py); `meanwhile`'s jobs write the other
        files here. The first page of each template (`first`; `rest` are the others) is rendered
        here first: its template and the ones it extends or imports are compiled once, before
        the workers fork, and a template error comes from this process. Progress (a terminal's
        display, PROGRESS_KEY) counts the pages carried over from the last build as done."""
        self.env.auto_reload = False  # no stat of every template file for every page: nothing edits them mid-build
        total = self.counts["page"]
        count = self.written["page"] - len(first)
        # Decided before the display draws: its refresh thread would make the process look threaded.
        workers = workers_for(count, self.expo.render_workers)
        report = self.settings.get(PROGRESS_KEY)
        before = total - count

        def progress(done: int) -> None:
            if report is not None:
                report("pages", before + done, total)

        for file in first:
            pages.write(file)
        progress(0)
        write_pages(rest, pages.write, workers, while_waiting=meanwhile, progress=progress, count=count)

    def _previous(self) -> Previous | None:
        """The last build's output, when the build says where it is (`EXPO__OUTPUT`)."""
        final = self.settings.get(PREVIOUS_OUTPUT_KEY)
        if not final:
            return None
        return Previous.load(manifest_path(project_root(self.settings), self.expo), Path(final))

