"""The preview server of `invoke serve`: output/ as a static host serves it, the site's own 404
page included, on this computer or (`--lan`) on the local network for a look on a phone."""

from __future__ import annotations

import http.server
import re
import socket
from pathlib import Path


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; a missing path gets the site's 404.html (the English one under /en/),
    like GitHub Pages and Netlify do, instead of Python's bare error page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        first = self.path.lstrip("/").split("/", 1)[0].split("?", 1)[0]  # 'en' of /en/x/
        candidates = [root / first / "404.html"] if re.fullmatch(r"[a-z]{2}", first) else []
        return next((page for page in candidates + [root / "404.html"] if page.is_file()), None)


def lan_address() -> str | None:
    """This computer's address on the local network (the one a phone on the same Wi-Fi
    reaches), or None. Connecting a UDP socket sends nothing; it only picks the route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
