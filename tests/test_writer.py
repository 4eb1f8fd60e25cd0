"""`mkdocs-blog-archive write-pages`: the archive as plain files, for Zensical and others."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Site, post, run_build, write_site

from mkdocs_blog_archive import writer

DOCS: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "blog/posts/a.md": post("2026-05-01", "Alpha", ["AI"]),
    "blog/posts/b.md": post("2026-05-02", "Beta", ["AI", "Ops"]),
    "blog/posts/c.md": post("2026-04-01", "Gamma", ["Ops"]),
}
OUT = "blog-archive-pages"


def _site(tmp_path: Path, theme: str = "mkdocs") -> Path:
    return write_site(tmp_path / "site", DOCS, {"theme": {"name": theme}})


def _run(config_file: Path, *args: str) -> int:
    return writer.main(["write-pages", "-f", str(config_file), *args])


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_pages_render_without_the_plugin(tmp_path: Path, theme: str) -> None:
    """What Zensical does: a build that runs no plugins renders the written pages, and every
    link in them reaches a page of the site."""
    config_file = _site(tmp_path, theme)
    assert _run(config_file) == 0
    out = config_file.parent / "docs" / OUT
    written = _tree(out)
    assert {"blog/index.md", "blog/category/ai.md", "blog/category/ops.md"} <= set(written)
    assert {"blog/atom.xml", "blog/feed.xml", "blog/feed.json"} <= set(written)
    assert "blog/category/ai/atom.xml" in written and "blog-archive/blog-archive.css" in written
    manifest = json.loads(written[writer.MANIFEST])
    assert set(manifest) == set(written) - {writer.MANIFEST}
    front = yaml.safe_load(written["blog/category/ai.md"].decode().split("---")[1])
    assert front == {"title": "AI"}  # titled by name, headed "AI Articles"

    # Now build those files with no plugin at all, as a generator that runs none would.
    settings = yaml.safe_load(config_file.read_text("utf-8"))
    settings["plugins"] = []
    settings["extra_css"] = [f"{OUT}/blog-archive/blog-archive.css"]
    config_file.write_text(yaml.safe_dump(settings), "utf-8")
    run_build(config_file)
    site = Site(config_file.parent)
    page = f"{OUT}/blog/category/ai/index.html"
    assert site.count(page) == "2 posts"
    entries = site.listing(page)
    assert [e["title"] for e in entries] == ["Beta", "Alpha"]
    for entry in entries:
        assert site.resolve(page, entry["href"]).is_file(), entry["href"]
    assert site.resolve(page, entry["href"]) == site.site_dir / "blog/posts/a/index.html"
    back = site.soup(page).select_one(".blog-archive-back a")
    assert back is not None
    assert site.resolve(page, str(back["href"])) == site.site_dir / OUT / "blog/index.html"
    index = site.soup(f"{OUT}/blog/index.html")
    for link in index.select(".blog-archive a[href]"):
        assert site.resolve(f"{OUT}/blog/index.html", str(link["href"])).is_file(), link
    feed = (site.site_dir / OUT / "blog/feed.json").read_text("utf-8")
    assert f"https://example.com/{OUT}/blog/feed.json" in feed


def test_a_second_run_rewrites_nothing(tmp_path: Path) -> None:
    config_file = _site(tmp_path)
    out_dir, first = writer.write_pages(str(config_file), None)
    assert first.written and not first.refused
    stamps = {p: p.stat().st_mtime_ns for p in out_dir.rglob("*")}
    out_dir2, second = writer.write_pages(str(config_file), None)
    assert out_dir2 == out_dir
    assert second.written == [] and second.removed == [] and second.refused == []
    assert sorted(second.unchanged) == sorted(first.written)
    assert {p: p.stat().st_mtime_ns for p in out_dir.rglob("*")} == stamps


def test_it_never_overwrites_a_file_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = _site(tmp_path)
    out = config_file.parent / "docs" / OUT
    mine = out / "blog/index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own page\n", "utf-8")
    assert _run(config_file) == 1
    assert mine.read_text("utf-8") == "# My own page\n"
    assert f"refused: {mine}" in capsys.readouterr().err
    assert (out / "blog/category/ai.md").is_file()  # the rest is written
    assert "blog/index.md" not in writer.read_manifest(out)


def test_an_edited_file_is_left_alone(tmp_path: Path) -> None:
    config_file = _site(tmp_path)
    assert _run(config_file) == 0
    page = config_file.parent / "docs" / OUT / "blog/category/ops.md"
    page.write_text("edited by hand\n", "utf-8")
    assert _run(config_file) == 1
    assert page.read_text("utf-8") == "edited by hand\n"


def test_pages_that_are_gone_are_removed(tmp_path: Path) -> None:
    config_file = _site(tmp_path)
    assert _run(config_file) == 0
    docs = config_file.parent / "docs"
    (docs / "blog/posts/c.md").unlink()
    (docs / "blog/posts/b.md").write_text(post("2026-05-02", "Beta", ["AI"]), "utf-8")
    out_dir, report = writer.write_pages(str(config_file), None)
    assert "blog/category/ops.md" in report.removed
    assert not (out_dir / "blog/category/ops.md").exists()
    assert "blog/category/ops.md" not in writer.read_manifest(out_dir)


def test_a_folder_outside_docs_dir(tmp_path: Path) -> None:
    config_file = _site(tmp_path)
    target = tmp_path / "elsewhere"
    assert _run(config_file, "--out", str(target)) == 0
    assert (target / "blog/index.md").is_file()
    listing = (target / "blog/category/ai.md").read_text("utf-8")
    assert 'href="../../../blog/posts/b/"' in listing  # links as from blog/category/ai/
    assert not (config_file.parent / "docs" / OUT).exists()


def test_no_plugin_in_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = write_site(tmp_path / "site", DOCS, {"plugins": []})
    assert _run(config_file) == 2
    assert "no blog-archive plugin" in capsys.readouterr().err


def test_the_command_is_installed(tmp_path: Path) -> None:
    config_file = _site(tmp_path)
    script = Path(sys.executable).parent / "mkdocs-blog-archive"
    result = subprocess.run(
        [str(script), "write-pages", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "written" in result.stdout


def test_the_plugin_builds_as_usual_after_a_run(make_site: Any, tmp_path: Path) -> None:
    """The same plugin object, used by write-pages, leaves the next normal build alone."""
    config_file = _site(tmp_path)
    assert _run(config_file) == 0
    run_build(config_file)
    site = Site(config_file.parent)
    assert site.count("blog/category/ai/index.html") == "2 posts"


EXAMPLE = Path(__file__).parent.parent / "example_site"


def test_zensical_builds_the_written_pages(tmp_path: Path) -> None:
    """The real thing: Zensical (which runs no MkDocs plugins) builds the example site with
    the pages write-pages wrote, and every link in our listings reaches a page it built."""
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.is_file():
        pytest.skip("zensical is not installed (pip install -e '.[test]')")
    import shutil

    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    assert _run(root / "mkdocs.yml") == 0
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"extra_css:\n  - {OUT}/blog-archive/blog-archive.css\n")
    result = subprocess.run(
        [str(zensical), "build", "-f", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = Site(root)
    page = f"{OUT}/blog/category/engineering/index.html"
    assert site.count(page) == "21 posts"
    soup = site.soup(page)
    links = soup.select(".blog-archive a[href], .blog-archive-back a[href]")
    assert len(links) > 20
    for link in links:
        assert site.resolve(page, str(link["href"])).is_file(), link["href"]
    assert (site.site_dir / OUT / "blog/category/engineering/feed.json").is_file()
    css = soup.select_one('link[href$="blog-archive.css"]')
    assert css is not None
    assert (
        site.resolve(page, str(css["href"]))
        == site.site_dir / OUT / "blog-archive/blog-archive.css"
    )


def test_a_broken_manifest_protects_every_file(tmp_path: Path) -> None:
    """A manifest that is not JSON (or not a mapping) is taken as none: nothing already there
    is overwritten, since nothing proves the command wrote it."""
    config_file = _site(tmp_path)
    assert _run(config_file) == 0
    out = config_file.parent / "docs" / OUT
    page = out / "blog/category/ai.md"
    before = page.read_bytes()
    for broken in ("{not json", "[1, 2]"):
        (out / writer.MANIFEST).write_text(broken, "utf-8")
        _, report = writer.write_pages(str(config_file), None)
        assert "blog/category/ai.md" in report.refused and report.written == []
        assert page.read_bytes() == before
