"""bench/build.py's generated expo is a valid one, so the benchmark measures real builds."""

import importlib.util
import io
import sys

import pytest

from expo.cli.build import validate
from sitekit import REPO

spec = importlib.util.spec_from_file_location("bench_build", REPO / "bench" / "build.py")
bench = importlib.util.module_from_spec(spec)
sys.modules["bench_build"] = bench  # dataclasses look their module up there
spec.loader.exec_module(bench)


def test_the_generated_expo_validates_and_the_edits_change_what_they_say(tmp_path):
    pool = bench.make_photo_pool(tmp_path / "pool", 3, seed=1)
    root = tmp_path / "expo"
    bench.make_expo(root, 4, 3, pool)
    report = io.StringIO()
    assert validate(root, out=report) == 0, report.getvalue()
    yml = root / "exhibitors" / bench.booth_slug(2) / "exhibitor.yml"
    before = yml.read_text(encoding="utf-8").splitlines()
    bench.edit_tagline(root, 2, "Tagline baru")
    after = yml.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after) if a != b] == [(before[1], "tagline: Tagline baru")]
    assert (root / "exhibitors" / bench.booth_slug(3) / "produk-3.jpg").stat().st_nlink > 1  # shared


def test_sizes_are_booths_by_products():
    assert bench.parse_sizes("152x18, 1500X10") == [(152, 18), (1500, 10)]
    with pytest.raises(SystemExit):
        bench.parse_sizes("152")


def test_rounds_rebuild_after_a_template_edit_beside_pelican_and_keep_the_fastest(tmp_path, monkeypatch):
    calls = []
    seconds = iter([9.0, 5.0, 7.0, 3.0, 6.0, 8.0])  # template, pelican, pelican, template, pelican, ...

    def fake_run(kind, root, profile=None):
        base = (root / "theme" / "templates" / "base.html")
        calls.append((kind, base.read_text(encoding="utf-8").count("bench edit") if kind == "expo" else None))
        return bench.Run(next(seconds), 10, 1, 1, 1.0)

    monkeypatch.setattr(bench, "run_child", fake_run)
    pool = bench.make_photo_pool(tmp_path / "pool", 2, seed=1)
    runs = bench.measure((2, 2), tmp_path, pool, None, builds={"template", "pelican"}, rounds=2)
    assert calls == [("expo", 1), ("pelican", None), ("pelican", None), ("expo", 2), ("pelican", None)]
    assert runs["template"].seconds == 3.0 and runs["pelican"].seconds == 5.0
