"""bench/audit.py's score logic (`invoke audit`): scores out of 100, the targets of issue 12, the
table and what counts as a miss. Lighthouse itself is too slow for the suite; it runs in the audit."""

import gzip
import http.client
import importlib.util
import threading

from sitekit import REPO

spec = importlib.util.spec_from_file_location("bench_audit", REPO / "bench" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def report(performance, accessibility, practices, seo):
    return {"categories": {"performance": {"score": performance}, "accessibility": {"score": accessibility},
                           "best-practices": {"score": practices}, "seo": {"score": seo}}}


def test_scores_are_out_of_100_and_an_unmeasured_category_is_none():
    assert audit.scores(report(0.954, 1, 1, 1)) == {
        "performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert audit.scores(report(None, 1, 0.92, 1))["performance"] is None


def test_a_miss_is_below_the_target_or_unmeasured():
    assert audit.misses({"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}) == []
    assert audit.misses({"performance": 94, "accessibility": 99, "best-practices": 100, "seo": None}) == [
        "performance", "accessibility", "seo"]


def test_the_table_shows_targets_and_marks_each_miss():
    rows = {"home /": audit.scores(report(0.98, 1, 1, 1)), "booth /booth/a/": audit.scores(report(0.9, 1, None, 0.92))}
    assert audit.table(rows).splitlines() == [
        "                 performance  accessibility  best practices     SEO",
        "target                  >=95            100             100     100",
        "home /                    98            100             100     100",
        "booth /booth/a/          90!            100              -!     92!",
    ]


def test_costly_audits_name_what_lost_points_weighted_first():
    lighthouse = {"categories": {"seo": {"auditRefs": [
        {"id": "hreflang", "weight": 1}, {"id": "meta-description", "weight": 3}, {"id": "viewport", "weight": 3},
        {"id": "structured-data", "weight": 0}]}},
        "audits": {"hreflang": {"score": 0, "title": "Valid hreflang"},
                   "meta-description": {"score": 0, "title": "Has a meta description"},
                   "viewport": {"score": 1, "title": "Viewport"},
                   "structured-data": {"score": None, "scoreDisplayMode": "manual", "title": "Structured data"}}}
    assert audit.costly_audits(lighthouse, "seo") == [
        "meta-description (0.00): Has a meta description", "hreflang (0.00): Valid hreflang"]


def test_the_audit_server_gzips_text_like_a_static_host_and_serves_photos_as_they_are(tmp_path):
    (tmp_path / "index.html").write_text("<p>halo</p>" * 50, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8jpeg")
    server = audit.http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), audit.functools.partial(audit._AuditHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        def get(path):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            return response.status, response.getheader("Content-Encoding"), response.read()

        status, encoding, body = get("/")
        assert (status, encoding, gzip.decompress(body)) == (200, "gzip", ("<p>halo</p>" * 50).encode())
        assert get("/photo.jpg") == (200, None, b"\xff\xd8jpeg")
        assert get("/missing/")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
