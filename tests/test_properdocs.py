"""The plugin under ProperDocs, the maintained fork of MkDocs 1.6, which loads plugins
registered under `properdocs.plugins` (and `mkdocs.plugins`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ENGINE, Site

EXAMPLE = Path(__file__).parent.parent / "example_site"


def test_registered_for_properdocs() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="properdocs.plugins")}
    assert names["blog-archive"] == "mkdocs_blog_archive.plugin:BlogArchivePlugin"


def test_the_example_site_builds_strict_under_properdocs(tmp_path: Path) -> None:
    pytest.importorskip("properdocs", reason="properdocs is not installed")
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = Site(root)
    assert site.count("blog/category/engineering/index.html") == "21 posts"
    assert (site.site_dir / "blog/feed.json").is_file()
    block = site.soup("blog/posts/2026/06/back-links/index.html").select_one(
        "div.blog-archive-post-links"
    )
    assert block is not None


@pytest.mark.skipif(ENGINE == "properdocs", reason="this is the run under ProperDocs")
def test_the_whole_suite_passes_under_properdocs() -> None:
    """Every other test again, with ProperDocs building the sites: `BLOG_ARCHIVE_ENGINE`
    makes conftest redirect `mkdocs.*` imports to `properdocs.*`, as `properdocs` does."""
    pytest.importorskip("properdocs", reason="properdocs is not installed")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(Path(__file__).parent),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, BLOG_ARCHIVE_ENGINE="properdocs", NO_MKDOCS_2_WARNING="1"),
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary, summary
