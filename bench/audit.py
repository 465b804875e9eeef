"""Lighthouse on the built site: `invoke audit` (`python bench/audit.py`).

Audits the site as it is published: the project (content/, exhibitors/, theme/, pelicanconf.py)
is copied into a temporary folder and built there with SITEURL set to the local address it is
served from, because a preview build (`invoke build`) has no address and so no canonical URL,
og:url or absolute hreflang, which Lighthouse's SEO category requires. The copy keeps the
project's output/ and its incremental-build manifest untouched. `--output` audits the project's
output/ as it is instead (built first when missing). Either is served on 127.0.0.1 by the preview
server of `invoke serve` (the site's own 404 page included), with gzip for text files as static
hosts (GitHub Pages, Netlify) serve them. Then it runs Lighthouse from npm
(node_modules/.bin/lighthouse, installed by `npm ci`) with Debian's chromium on the home page,
a booth page and a product page, mobile form factor (Lighthouse's default: a phone screen,
simulated slow 4G and a 4x slower CPU), and prints the four category scores per page against
the targets of issue 12. Exits 1 when a target is missed, naming the audits that cost points.

Network throttling is simulated from one unthrottled load, so the performance score moves a
few points with the machine's load; the other three categories do not depend on speed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from expo.cli.preview import PreviewHandler  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
# category id in Lighthouse's report -> (column title, lowest passing score out of 100)
TARGETS = {"performance": ("performance", 95), "accessibility": ("accessibility", 100),
           "best-practices": ("best practices", 100), "seo": ("SEO", 100)}


def pages_to_audit(output: Path) -> dict[str, str]:
    """The paths of the home page, the first booth page and its first product page."""
    booths = sorted(page.parent for page in output.glob("booth/*/index.html"))
    products = sorted(output.glob("booth/*/*/index.html"))
    if not booths or not products:
        raise SystemExit(f"Tidak ada halaman booth atau produk di {output} / "
                         f"no booth or product page in {output}")
    product = products[0].parent
    return {"home": "/", "booth": f"/booth/{booths[0].name}/",
            "product": f"/booth/{product.parent.name}/{product.name}/"}


def scores(report: dict) -> dict[str, int | None]:
    """The category scores of one Lighthouse JSON report, out of 100 (None: not measured)."""
    categories = report.get("categories", {})
    return {key: None if categories.get(key, {}).get("score") is None
            else round(categories[key]["score"] * 100) for key in TARGETS}


def misses(page_scores: dict[str, int | None]) -> list[str]:
    """The categories whose score is below its target (an unmeasured one counts as missed)."""
    return [key for key, (_, lowest) in TARGETS.items()
            if page_scores.get(key) is None or page_scores[key] < lowest]


def costly_audits(report: dict, category: str) -> list[str]:
    """The audits of a category that scored below 1, weighted ones first: what to fix."""
    audits = report.get("audits", {})
    refs = sorted(report.get("categories", {}).get(category, {}).get("auditRefs", []),
                  key=lambda ref: -ref.get("weight", 0))
    found = []
    for ref in refs:
        audit = audits.get(ref["id"], {})
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") != "informative":
            found.append(f"{ref['id']} ({audit['score']:.2f}): {audit.get('title', '')}")
    return found


def table(rows: dict[str, dict[str, int | None]]) -> str:
    """Pages down, categories across, the target on the first line; a missed target gets a '!'."""
    width = max(len("target"), *(len(page) for page in rows))
    columns = [title for title, _ in TARGETS.values()]
    widths = [max(len(title), 6) for title in columns]

    def line(first: str, cells: list[str]) -> str:
        return "  ".join([first.ljust(width)] + [cell.rjust(w) for cell, w in zip(cells, widths)])

    lines = [line("", columns),
             line("target", [(">=" if lowest < 100 else "") + str(lowest) for _, lowest in TARGETS.values()])]
    for page, page_scores in rows.items():
        missed = misses(page_scores)
        lines.append(line(page, [("-" if page_scores.get(key) is None else str(page_scores[key]))
                                 + ("!" if key in missed else "") for key in TARGETS]))
    return "\n".join(lines)


def lighthouse(url: str) -> dict:
    """One Lighthouse run on `url`: the JSON report."""
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               "--form-factor=mobile", f"--only-categories={','.join(TARGETS)}",
               f"--chrome-flags={CHROME_FLAGS}"]
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"Lighthouse gagal / failed on {url}:\n{done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".webmanifest", ".xml", ".txt")


class _AuditHandler(PreviewHandler):
    """The preview server, quiet, with gzip for text files like a static host."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if (not path.name.endswith(COMPRESSED) or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # redirects, 404s and photos as the preview serves them
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)  # SimpleHTTPRequestHandler copies it out


def _published_copy(root: Path, folder: Path, siteurl: str) -> Path:
    """Build a copy of the project in `folder` with SITEURL set: its output/."""
    from expo.cli.build import build

    for name in ("content", "exhibitors", "theme"):
        shutil.copytree(root / name, folder / name)
    shutil.copy(root / "pelicanconf.py", folder / "pelicanconf.py")
    (folder / "auditconf.py").write_text(
        "import os, sys\nsys.path.append(os.path.dirname(os.path.abspath(__file__)))\n"
        "from pelicanconf import *  # noqa\n"
        f"SITEURL = {siteurl!r}\nRELATIVE_URLS = False\n", encoding="utf-8")
    print(f"Membangun salinan situs / building a copy of the site for {siteurl}", file=sys.stderr)
    return build(folder, settings_file="auditconf.py").output


def _audit_pages(site: str, output: Path, show_audits: bool, reports: Path | None):
    """Lighthouse on each page: the score rows and the audits that cost points."""
    rows, problems = {}, []
    for page, path in pages_to_audit(output).items():
        print(f"Lighthouse: {page} {path}", file=sys.stderr)
        report = lighthouse(site + path)
        rows[f"{page} {path}"] = scores(report)
        if reports:
            reports.mkdir(parents=True, exist_ok=True)
            (reports / f"{page}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        for key in TARGETS if show_audits else misses(rows[f"{page} {path}"]):
            problems += [f"{page} {TARGETS[key][0]}: {audit}" for audit in costly_audits(report, key)]
    return rows, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the expo project (default: this one)")
    parser.add_argument("--show-audits", action="store_true", help="list the audits below 1 of every category")
    parser.add_argument("--output", action="store_true",
                        help="audit the project's output/ as it is (a preview build: no absolute addresses)")
    parser.add_argument("--reports", type=Path, help="also save each page's Lighthouse JSON report in this folder")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE.relative_to(REPO)} tidak ada: jalankan `npm ci` / is missing: run `npm ci`",
              file=sys.stderr)
        return 1
    if not Path(CHROMIUM).is_file():
        print(f"{CHROMIUM} tidak ada / is missing: apt-get install chromium", file=sys.stderr)
        return 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AuditHandler)
    site = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory(prefix="expo-audit-") as folder:
        if args.output:
            output = args.root / "output"
            if not (output / "index.html").is_file():
                from expo.cli.build import build

                print("output/ belum ada, membangun situs / no output/ yet, building the site", file=sys.stderr)
                build(args.root)
        else:
            output = _published_copy(args.root, Path(folder), site)
        server.RequestHandlerClass = functools.partial(_AuditHandler, directory=str(output))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            rows, problems = _audit_pages(site, output, args.show_audits, args.reports)
        finally:
            server.shutdown()
            server.server_close()
    print(table(rows))
    if problems:
        print("\n" + "\n".join(problems))
    missed = any(misses(page_scores) for page_scores in rows.values())
    if missed:
        print("\nTarget tidak tercapai (!) / target missed (!)", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
