"""Pages rendered by worker processes are the bytes one process writes, and a failure in a
worker is reported like one in the build process (expo/site/render.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import expo.site.render as render
from expo.cli.build import BuildFailed, build
from expo.site.plan import PlannedFile
from sitekit import make_project

from test_incremental import edit, tree


def _project(root: Path, workers: int) -> Path:
    return make_project(root, extra_settings=f"EXPO_RENDER_WORKERS = {workers}\n"
                                             'SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n')


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)  # the test site has a few dozen pages


def test_pages_from_worker_processes_equal_pages_from_one_process(tmp_path, always_parallel):
    one = build(_project(tmp_path / "one", 1))
    two = build(_project(tmp_path / "two", 2))
    three = make_project(tmp_path / "three")  # the preview settings: relative URLs per page depth
    relative_one = tree(build(three).output)
    assert two.pages == one.pages > 20
    assert tree(two.output) == tree(one.output)
    (three / "pelicanconf.py").write_text((three / "pelicanconf.py").read_text() + "EXPO_RENDER_WORKERS = 3\n")
    edit(three / "theme/templates/base.html", "</body>", "<!-- edited --></body>")  # every page again
    relative_three = build(three)
    assert relative_three.made["page"] == relative_three.pages
    assert {name: data.replace(b"<!-- edited --></body>", b"</body>")
            for name, data in tree(relative_three.output).items()} == relative_one


def test_a_template_error_in_a_worker_fails_the_build_and_keeps_the_last_site(tmp_path, always_parallel):
    root = _project(tmp_path / "site", 2)
    first = build(root)
    before = tree(first.output)
    # The first page of each template is rendered by the build process itself; this fails on
    # another product page, i.e. in a worker.
    edit(root / "theme/templates/expo_product.html", "{% block content %}",
         "{% block content %}{% if p.slug == 'selendang-sutra' %}{{ p.nothing.wrong }}{% endif %}")
    with pytest.raises(BuildFailed, match="template error"):
        build(root)
    assert tree(root / "output") == before
    assert not list(root.glob(".output-build-*"))


def _planned(n: int) -> list[PlannedFile]:
    return [PlannedFile(f"p{i}/index.html", "page", "x", "id", (), template="t") for i in range(n)]


def test_every_page_is_written_once_and_progress_reaches_the_total(tmp_path):
    written = tmp_path / "written"
    written.mkdir()
    seen = []

    def write(file):
        (written / file.save_as.replace("/", "_")).write_text(str(os.getpid()))

    render.write_pages(_planned(50), write, workers=3, progress=seen.append)
    names = sorted(p.name for p in written.iterdir())
    assert names == sorted(f"p{i}_index.html" for i in range(50))
    assert len({p.read_text() for p in written.iterdir()} - {str(os.getpid())}) > 1  # other processes
    assert seen[-1] == 50 and seen == sorted(seen)


def test_jobs_of_the_build_process_run_while_workers_render(tmp_path):
    done = []
    render.write_pages(_planned(40), lambda file: None, workers=2,
                       while_waiting=(lambda n=n: done.append(n) for n in range(30)))
    assert done == list(range(30))
    with pytest.raises(ValueError, match="here"):
        render.write_pages(_planned(40), lambda file: None, workers=2,
                           while_waiting=[lambda: (_ for _ in ()).throw(ValueError("here"))])


def test_a_worker_exception_is_raised_in_the_build_process(tmp_path):
    def write(file):
        if file.save_as == "p33/index.html":
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        render.write_pages(_planned(60), write, workers=2)


def test_a_worker_that_dies_is_a_failure_not_a_silent_gap():
    def write(file):
        if file.save_as == "p7/index.html":
            os._exit(3)

    with pytest.raises(RuntimeError, match="exit status 3"):
        render.write_pages(_planned(20), write, workers=2)


def test_an_exception_that_cannot_be_pickled_still_names_itself():
    class Odd(Exception):
        def __init__(self, a, b):
            super().__init__(a)

    def write(file):
        raise Odd("kaput", 1)

    with pytest.raises(RuntimeError, match="Odd: kaput"):
        render.write_pages(_planned(4), write, workers=2)


def test_few_pages_or_a_threaded_process_render_here(monkeypatch):
    assert render.workers_for(10) == 1
    assert render.workers_for(5000, wanted=3) == 3
    monkeypatch.setattr(render.threading, "active_count", lambda: 2)  # e.g. invoke serve --watch
    assert render.workers_for(5000, wanted=3) == 1


@pytest.mark.parametrize("threaded", [False, True])
def test_work_aside_writes_its_files_and_its_failure_is_raised_once(tmp_path, threaded):
    """render.aside: a forked process, or a thread when another thread runs (forking a
    threaded process is unsafe); either way its files are written and its error comes back."""
    import threading

    from expo.site.render import aside

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if threaded:
        other.start()
    try:
        assert threading.active_count() == (2 if threaded else 1)
        wait = aside(lambda: (tmp_path / "made.txt").write_text(str(os.getpid()), encoding="utf-8"))
        wait()
        in_this_process = (tmp_path / "made.txt").read_text(encoding="utf-8") == str(os.getpid())
        assert in_this_process is threaded  # forked when no other thread runs

        def broken():
            raise ValueError("disk full")

        wait = aside(broken)
        with pytest.raises(ValueError, match="disk full"):
            wait()
        wait()  # waited once: nothing more to raise
    finally:
        stop.set()
        if threaded:
            other.join()
