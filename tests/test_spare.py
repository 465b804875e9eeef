"""The spare tree (expo/site/spare.py): a build starts from the tree before the last one instead
of an empty folder, and the result is still byte for byte a clean build's, output/ is never
changed before the swap (the spare shares its inodes), and a spare that cannot be trusted is
never used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import expo.cli.build as cli_build
from expo.cli.build import build
from expo.site import spare as spare_module
from sitekit import make_project
from test_incremental import CHANGES, clean_copy, edit, tree

SPARE = ".output-spare"


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def same_as_clean(result, root: Path, clean: Path) -> bool:
    """The same files, byte for byte, and the same folders (none left empty) as a clean build."""
    built = build(clean_copy(root, clean)).output
    return tree(result.output) == tree(built) and folders(result.output) == folders(built)


def tagline(root: Path, text: str) -> None:
    edit(root / "exhibitors/batik-sari/exhibitor.yml", "tagline: ", f"tagline: {text} ")


@pytest.fixture
def claims(monkeypatch):
    """Each build's claim of the spare: True when it started from it."""
    seen: list[bool] = []
    claim = spare_module.claim

    def recorded(previous, staging):
        found = claim(previous, staging)
        seen.append(found is not None)
        return found

    monkeypatch.setattr("expo.site.generator.claim", recorded)
    return seen


def test_the_tree_a_build_replaces_is_kept_as_the_spare_and_the_next_build_starts_from_it(tmp_path, claims):
    root = make_project(tmp_path / "p")
    build(root)
    assert not (root / SPARE).exists()  # nothing replaced yet
    first = inodes(root / "output")
    tagline(root, "Satu.")
    build(root)
    settled(root)  # nothing to wait for: the build made too few files for a refresh
    assert inodes(root / SPARE) == first  # the replaced tree itself, not a copy
    tagline(root, "Dua.")
    result = build(root)
    assert claims == [False, True]
    # The other booth's page folders are the first tree's: not made again
    folders = [name for name in first if name.startswith("booth/keripik-bu-sri") and (root / "output" / name).is_dir()]
    assert len(folders) >= 2 and all(inodes(result.output)[name] == first[name] for name in folders)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


@pytest.mark.parametrize("change", [c for c in CHANGES if c != "a comment only"])
def test_every_kind_of_change_from_the_spare_equals_a_clean_build(tmp_path, change, claims):
    """Two edits, so the second build starts from the spare with files of both trees to fix."""
    root = make_project(tmp_path / "p", extra_settings='EXPO_EDITIONS = [{"key": "2", "name": "Expo II", '
                                                       '"start_date": "2026-11-16", "end_date": "2026-11-30"}]\n')
    build(root)
    tagline(root, "Satu.")
    build(root)
    before = {name: (root / "output" / name).stat() for name in tree(root / "output")}
    CHANGES[change](root)
    result = build(root)
    assert claims[-1] is True  # whatever changed, a template too (test below)
    assert same_as_clean(result, root, tmp_path / "clean")
    # Files this build did not make keep output/'s inode and mtime (rsync sends the rest)
    made = sum(result.made.values())
    kept = [name for name, stat in before.items() if (result.output / name).is_file()
            and (result.output / name).stat().st_ino == stat.st_ino
            and (result.output / name).stat().st_mtime_ns == stat.st_mtime_ns]
    assert len(kept) >= len(tree(result.output)) - made - 60  # the search index's files are counted apart


def test_output_is_never_changed_before_the_swap(tmp_path, monkeypatch):
    """The spare's files are output/'s inodes: a build that starts from it and fails at the
    very end leaves output/ exactly as it was, every byte and mtime."""
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    snapshot = {name: ((root / "output" / name).read_bytes(), (root / "output" / name).stat().st_mtime_ns)
                for name in tree(root / "output")}
    edit(root / "theme/templates/expo_product.html", '<article class="product"', '<article class="product item"')
    tagline(root, "Dua.")

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cli_build, "_swap", fail)
    with pytest.raises(OSError):
        build(root)
    assert {name: ((root / "output" / name).read_bytes(), (root / "output" / name).stat().st_mtime_ns)
            for name in tree(root / "output")} == snapshot
    monkeypatch.undo()
    result = build(root)  # the spare was used up: a new tree, still right
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_files_added_or_edited_in_output_by_hand_do_not_come_back_through_the_spare(tmp_path, claims):
    root = make_project(tmp_path / "p")
    build(root)
    (root / "output/catatan.txt").write_text("bukan dari build", encoding="utf-8")
    (root / "output/booth/batik-sari/extra").mkdir()
    (root / "output/booth/batik-sari/extra/x.html").write_text("x", encoding="utf-8")
    home = root / "output/index.html"
    home.write_text(home.read_text(encoding="utf-8") + "<!-- diubah -->", encoding="utf-8")
    tagline(root, "Satu.")
    build(root)  # output/ with the extra files becomes the spare
    tagline(root, "Dua.")
    result = build(root)
    assert claims[-1] is True
    assert not (result.output / "catatan.txt").exists() and not (result.output / "booth/batik-sari/extra").exists()
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


@pytest.mark.parametrize("damage", ["manifest gone", "manifest of another tree", "spare gone"])
def test_a_spare_that_cannot_be_trusted_is_not_used(tmp_path, claims, damage):
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    manifest = next(root.rglob(spare_module.SPARE_MANIFEST))
    if damage == "manifest gone":
        manifest.unlink()
    elif damage == "manifest of another tree":
        text = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
        manifest.write_text(text[0].replace(str(root / "output"), str(root / "lain")) + "".join(text[1:]),
                            encoding="utf-8")
    else:
        os.rename(root / SPARE, root / ".output-old-test")
    tagline(root, "Dua.")
    result = build(root)
    assert claims[-1] is False
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
    assert (root / SPARE).is_dir()  # the tree just replaced is the new spare


def test_a_build_killed_after_claiming_the_spare_leaves_no_spare_to_trust(tmp_path, monkeypatch, claims):
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("expo.site.generator.reconcile", killed)
    tagline(root, "Dua.")
    with pytest.raises(KeyboardInterrupt):
        build(root)
    assert not (root / SPARE).exists() and not list(root.rglob(spare_module.SPARE_MANIFEST))
    monkeypatch.undo()
    result = build(root)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_clean_deletes_the_spare(tmp_path):
    from expo.cli.commands import clean

    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    assert (root / SPARE).is_dir()
    clean(root)
    assert not (root / SPARE).exists() and not (root / "output").exists()


def test_a_spare_file_that_cannot_be_removed_stops_the_build_with_a_clear_message(tmp_path, monkeypatch):
    """Never a file of output/ written in place: a spare file the build could not unlink would
    be one, so the build stops, output/ intact, and says what to do."""
    from expo.cli.build import BuildFailed

    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    before = tree(root / "output")
    unlink, rename = os.unlink, os.rename

    def refusing(action):
        def refuse(path, *args, **kwargs):
            if "/.output-build-" in str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return action(path, *args, **kwargs)
        return refuse

    monkeypatch.setattr(os, "unlink", refusing(unlink))  # a file output/ shares
    monkeypatch.setattr(os, "rename", refusing(rename))  # a file only the spare holds
    tagline(root, "Dua.")
    with pytest.raises(BuildFailed) as failure:
        build(root)
    monkeypatch.undo()
    assert str(failure.value).startswith("Folder .output-spare tidak dapat diperbarui (")
    assert "Permission denied" in str(failure.value) and "invoke clean" in str(failure.value)
    assert tree(root / "output") == before


def discarded(root: Path) -> int:
    """Files moved out of the spare to a discard folder, still waiting for the detached delete."""
    return sum(len(files) for old in root.glob(".output-old-*") for _, _, files in os.walk(old))


def test_after_a_template_edit_the_spare_is_used_and_its_stale_pages_are_moved_out_not_deleted(
        tmp_path, claims, monkeypatch):
    """A template edit makes every page again, and the next build's spare (from before the
    edit) has every page stale. Both builds still start from the spare: the stale pages, which
    only the spare holds, are moved to a discard folder the swap deletes off the critical path
    (freeing a file took four times a rename here), and the page folders are not removed and
    made again."""
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    CHANGES["a template"](root)
    moved: list[str] = []
    rename = os.rename

    def recorded(source, target, *args, **kwargs):
        if "/.output-old-" in str(target):
            moved.append(str(source))
        return rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", recorded)
    monkeypatch.setattr(cli_build.subprocess, "Popen", lambda *a, **k: None)  # keep the discard folder to count
    result = build(root)
    assert claims[-1] is True and same_as_clean(result, root, tmp_path / "clean")
    tagline(root, "Dua.")
    pages_before = {name for name in tree(result.output) if name.endswith(".html")}
    page_folders = {name.rpartition("/")[0] for name in pages_before} - {""}
    moved.clear()
    waiting = discarded(root)
    made_folders: list[str] = []
    mkdir = os.mkdir

    def counted(path, *args, **kwargs):
        mkdir(path, *args, **kwargs)  # makedirs(exist_ok=True) tries first: count the folders made
        made_folders.append(str(path))

    monkeypatch.setattr(os, "mkdir", counted)
    result = build(root)
    assert claims[-1] is True and same_as_clean(result, root, tmp_path / "clean2")
    # Every stale page of the spare went to the discard folder, none was unlinked on the way
    assert {m.split("/.output-build-", 1)[1].split("/", 1)[1] for m in moved} >= pages_before
    assert discarded(root) - waiting == len(moved)
    # No page folder was made again (the discard folder and the search index's are new)
    remade = {m for m in made_folders if m.startswith(f"{root}/")
              and any(m.endswith("/" + folder) for folder in page_folders)}
    assert not remade, sorted(remade)[:5]


def test_folders_the_build_no_longer_makes_are_not_left_empty(tmp_path, claims):
    """A removed booth's page folders are emptied in the spare and not filled again: they are
    removed, so the new output/ has no empty folder a clean build lacks."""
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    CHANGES["a booth removed"](root)
    result = build(root)
    assert claims[-1] is True
    assert not any(name.startswith("booth/keripik-bu-sri") for name in folders(result.output))
    assert same_as_clean(result, root, tmp_path / "clean")


def test_output_deleted_by_hand_leaves_no_spare_with_a_manifest_that_is_not_its_own(tmp_path, claims):
    """The last manifest describes output/; when output/ is gone, the spare (an older tree)
    must not be given that manifest."""
    import shutil

    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    shutil.rmtree(root / "output")
    CHANGES["a template"](root)
    result = build(root)  # from the spare: what output/ had is made again
    assert same_as_clean(result, root, tmp_path / "clean0")
    assert not list(root.rglob(spare_module.SPARE_MANIFEST))
    tagline(root, "Dua.")
    result = build(root)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


# --- the refresh after a build that made many files (spare_refresh.py) ---------------------

def settled(root: Path) -> None:
    """Wait for a refresh of the spare still under way: it holds the spare's lock."""
    with spare_module.locked(root / ".cache" / "output-manifest.txt"):
        pass


@pytest.fixture
def refresh_always(monkeypatch):
    """The small test expo makes fewer files than a refresh is worth: refresh after any build."""
    monkeypatch.setattr("expo.site.spare_refresh.WORTH_FILES", 0)


def built_to_a_template_edit(tmp_path: Path) -> Path:
    """A project built, then after a booth's edit, then after a template edit."""
    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    CHANGES["a template"](root)
    build(root)
    return root


def file_inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_after_a_build_the_spare_is_brought_up_to_date_with_output_in_a_process_of_its_own(
        tmp_path, claims, refresh_always, monkeypatch):
    """The template edit's spare has every page stale; the refresh makes it hold output/'s
    own files and gives it output/'s manifest, so the next build only moves out its own pages."""
    root = built_to_a_template_edit(tmp_path)
    settled(root)
    assert file_inodes(root / SPARE) == file_inodes(root / "output")  # the same files, not copies
    manifests = root / ".cache"
    assert (manifests / spare_module.SPARE_MANIFEST).read_bytes() == (manifests / "output-manifest.txt").read_bytes()
    taken_out: list[str] = []
    rename, unlink = os.rename, os.unlink

    def recorded(action):
        def record(path, *args, **kwargs):
            if "/.output-build-" in str(path):
                taken_out.append(str(path))
            return action(path, *args, **kwargs)
        return record

    monkeypatch.setattr(os, "rename", recorded(rename))
    monkeypatch.setattr(os, "unlink", recorded(unlink))
    tagline(root, "Dua.")
    result = build(root)
    monkeypatch.undo()
    assert claims[-1] is True
    pages = [path for path in taken_out if path.endswith(".html")]
    assert pages and all("batik-sari" in path or "/en/" in path or "index.html" in path for path in pages)
    assert len(pages) < len([name for name in tree(result.output) if name.endswith(".html")]) / 2
    assert same_as_clean(result, root, tmp_path / "clean")


def test_a_refresh_that_finds_output_touched_since_leaves_a_spare_no_build_trusts(
        tmp_path, claims, refresh_always, monkeypatch):
    from expo.site import spare_refresh

    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    settled(root)
    manifest = root / ".cache" / "output-manifest.txt"
    tagline(root, "Dua.")
    with monkeypatch.context() as later:
        later.setattr(spare_refresh, "start", lambda *args: None)  # refreshed by hand below, after the edit
        build(root)
    page = root / "output" / "booth" / "batik-sari" / "index.html"
    page.write_bytes(page.read_bytes() + b"<!-- by hand -->")  # the same inode as in the spare
    spare_refresh.refresh(manifest, root / "output", {})
    assert not (root / ".cache" / spare_module.SPARE_MANIFEST).exists()
    tagline(root, "Tiga.")
    result = build(root)
    assert claims[-1] is False
    assert same_as_clean(result, root, tmp_path / "clean")


def test_a_claim_waits_for_a_refresh_under_way(tmp_path, claims):
    import threading

    root = make_project(tmp_path / "p")
    build(root)
    tagline(root, "Satu.")
    build(root)
    manifest = root / ".cache" / "output-manifest.txt"
    descriptor = spare_module.hold_lock(manifest)  # as a refresh holds it
    tagline(root, "Dua.")
    results = []
    builder = threading.Thread(target=lambda: results.append(build(root)))
    builder.start()
    builder.join(timeout=3)
    assert builder.is_alive() and not results  # waiting at the claim
    os.close(descriptor)
    builder.join(timeout=60)
    assert claims[-1] is True
    assert same_as_clean(results[0], root, tmp_path / "clean")


def test_without_flock_no_refresh_starts_and_builds_stay_right(tmp_path, claims, refresh_always, monkeypatch):
    """Windows has no flock: the spare is then never refreshed beside a build (nothing could
    make a claim wait for it), and each build brings the spare up to date itself."""
    import subprocess

    monkeypatch.setattr(spare_module, "fcntl", None)
    monkeypatch.setattr("expo.site.spare_refresh.CAN_LOCK", False)
    started: list = []
    popen = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda command, *a, **k: started.append(command) or popen(command, *a, **k))
    root = built_to_a_template_edit(tmp_path)
    tagline(root, "Dua.")
    result = build(root)
    assert claims[-1] is True
    assert not [command for command in started if "expo.site.spare_refresh" in command]
    assert same_as_clean(result, root, tmp_path / "clean")
