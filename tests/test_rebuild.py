"""`mkdocs serve` keeps the plugin object across rebuilds: no state may leak between builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import THEMES, post, run_build, write_site
from mkdocs.config.defaults import MkDocsConfig


def _outputs(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}
    }


def _docs(step: int) -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "a.md": post("2026-01-01", "A", ["Alpha", "Beta"]),
        "b.md": post("2026-01-02", "B", ["Beta"]),
    }
    if step >= 1:  # add a post
        docs["c.md"] = post("2026-01-03", "C", ["Gamma"])
    if step >= 2:  # edit a date
        docs["a.md"] = post("2026-02-01", "A", ["Alpha", "Beta"])
    if step >= 3:  # remove a category
        docs["b.md"] = post("2026-01-02", "B", [])
        docs["a.md"] = post("2026-02-01", "A", ["Alpha"])
    if step >= 4:  # rename a file
        docs["c-renamed.md"] = docs.pop("c.md")
    return docs


@pytest.mark.parametrize("theme", THEMES)
def test_rebuilds_with_one_plugin_object_equal_fresh_builds(
    tmp_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # MkDocs' build date, made fixed
    cache = MkDocsConfig.plugins.plugin_cache
    cache.pop("blog-archive", None)
    config = {"theme": {"name": theme}, "plugins": ["search", "blog-archive"]}
    served = tmp_path / "served"
    served_plugin = None
    for step in range(5):
        if served_plugin is not None:
            cache["blog-archive"] = served_plugin  # as `mkdocs serve` keeps it
        if served.exists():
            shutil.rmtree(served / "docs")
        assert run_build(write_site(served, _docs(step), config)) == []
        if served_plugin is None:
            served_plugin = cache["blog-archive"]
        assert cache["blog-archive"] is served_plugin

        cache.pop("blog-archive")  # a fresh build gets a new plugin object
        fresh = tmp_path / f"fresh{step}"
        assert run_build(write_site(fresh, _docs(step), config)) == []
        assert cache["blog-archive"] is not served_plugin
        assert _outputs(served / "site") == _outputs(fresh / "site"), f"step {step}"
    assert not (served / "site/blog/category/beta").exists()
    assert (served / "site/c-renamed/index.html").exists()
    assert not (served / "site/c/index.html").exists()
