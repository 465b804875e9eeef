import sys
from pathlib import Path

# tests import their helpers (sitekit, htmlkit) by plain name
sys.path.insert(0, str(Path(__file__).resolve().parent))


import shutil  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """The demo expo of this repository, built once: its output/ folder."""
    from expo.cli.build import build
    from sitekit import REPO

    root = tmp_path_factory.mktemp("demo")
    for name in ("content", "exhibitors", "theme"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "pelicanconf.py", root / "pelicanconf.py")
    result = build(root)
    assert result.warnings == []
    return root / "output"
