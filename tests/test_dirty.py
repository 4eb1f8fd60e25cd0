"""Incremental builds: after an edit, a `--dirty` rebuild (as `mkdocs serve --dirty` runs it,
one plugin object across builds; and as a second `mkdocs build --dirty` process) writes every
archive page and feed exactly as a fresh build of the edited sources does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ENGINE, post
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

_LAST: dict[str, Any] = {}
EPOCH = "1780000000"  # MkDocs' build date, fixed: fresh and dirty builds alike

CONFIG: dict[str, Any] = {
    "site_name": "Dirty",
    "site_url": "https://example.com/",
    "theme": {"name": "mkdocs"},
    "plugins": [
        {
            "blog-archive": {
                "month_archives": True,
                "per_page": 2,
                "related": 2,
                "excerpts": True,
                "feeds": {"full_content": True},
            }
        }
    ],
}

DOCS: dict[str, str] = {
    "index.md": '# Home\n\n<!-- blog-archive:posts limit="3" -->\n',  # any page's listing
    "blog/index.md": "# Journal\n\nOur notes.\n",
    "blog/posts/a.md": post("2026-01-05", "Alpha", ["Engineering"]),
    "blog/posts/b.md": post("2026-02-06", "Bravo", ["Engineering", "Community"]),
    "blog/posts/c.md": post("2026-03-07", "Charlie", ["Community"]),
    "blog/posts/d.md": post("2025-12-08", "Delta", ["Releases"]),
    "blog/posts/e.md": (
        "---\ndate: 2026-03-09\ntags: [speed]\n---\n\n# Echo\n\nEcho summary.\n\n<!-- more -->\n"
        "\nThe rest of Echo.\n"
    ),
}


def _edit(name: str, text: str | None) -> Callable[[dict[str, str]], dict[str, str]]:
    def apply(docs: dict[str, str]) -> dict[str, str]:
        changed = dict(docs)
        if text is None:
            changed.pop(name)
        else:
            changed[name] = text
        return changed

    return apply


def _rename(docs: dict[str, str]) -> dict[str, str]:
    changed = dict(docs)
    changed["blog/posts/b-renamed.md"] = changed.pop("blog/posts/b.md")
    return changed


EDITS: dict[str, Callable[[dict[str, str]], dict[str, str]]] = {
    "title": _edit("blog/posts/a.md", post("2026-01-05", "Alpha, retitled", ["Engineering"])),
    "summary": _edit(
        "blog/posts/c.md", post("2026-03-07", "Charlie", ["Community"], "A new first line.")
    ),
    "excerpt": _edit(
        "blog/posts/e.md",
        "---\ndate: 2026-03-09\ntags: [speed]\n---\n\n# Echo\n\nNew excerpt.\n\n<!-- more -->\n",
    ),
    "date": _edit("blog/posts/d.md", post("2026-03-20", "Delta", ["Releases"])),
    "categories": _edit("blog/posts/d.md", post("2025-12-08", "Delta", ["Security"])),
    "draft": _edit(
        "blog/posts/c.md",
        "---\ndate: 2026-03-07\ndraft: true\ncategories: [Community]\n---\n\n# Charlie\n\nText.\n",
    ),
    "new post": _edit("blog/posts/f.md", post("2026-04-01", "Foxtrot", ["Engineering"])),
    "deleted post": _edit("blog/posts/c.md", None),
    "renamed file": _rename,
    "a title in the nav": _edit("index.md", "# Start\n"),
}


def _write(root: Path, docs: dict[str, str], before: dict[str, str] | None = None) -> Path:
    """Write mkdocs.yml and the docs; with `before`, only what changed (as an editor saves
    one file: the other files keep their times, which is what `--dirty` looks at)."""
    config_file = root / "mkdocs.yml"
    if before is None:
        root.mkdir(parents=True, exist_ok=True)
        config_file.write_text(yaml.safe_dump(CONFIG), "utf-8")
    for name in set(before or {}) - set(docs):
        (root / "docs" / name).unlink()
    for name, text in docs.items():
        if before is not None and before.get(name) == text:
            continue
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return config_file


def _serve_builds(root: Path, steps: list[dict[str, str]]) -> None:
    """Builds as `mkdocs serve --dirty` makes them: one plugin object, `on_startup` once."""
    cache = MkDocsConfig.plugins.plugin_cache
    cache.pop("blog-archive", None)
    try:
        before = None
        for number, docs in enumerate(steps):
            config = load_config(str(_write(root, docs, before)))
            if number == 0:
                config.plugins.on_startup(command="serve", dirty=True)
            build(config, dirty=True)
            before = docs
        _LAST["plugin"] = cache["blog-archive"]
    finally:
        cache.pop("blog-archive", None)


def _process_builds(root: Path, steps: list[dict[str, str]]) -> None:
    """`mkdocs build --dirty` after each edit, each a process of its own (the first, into an
    empty site, renders every post and writes the cache)."""
    before = None
    for docs in steps:
        _process_build(root, before, docs)
        before = docs


def _process_build(root: Path, before: dict[str, str] | None, docs: dict[str, str]) -> None:
    config_file = _write(root, docs, before)
    command = [sys.executable, "-m", ENGINE, "build", "-q", "--dirty", "-f", str(config_file)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _fresh(root: Path, docs: dict[str, str], command: str = "build") -> Path:
    """A full build of `docs`, by a new plugin object (as `command` runs it: `serve` shows
    drafts)."""
    cache = MkDocsConfig.plugins.plugin_cache
    cache.pop("blog-archive", None)
    config = load_config(str(_write(root, docs)))
    config.plugins.on_startup(command=command, dirty=False)
    build(config)
    cache.pop("blog-archive", None)
    return root / "site"


def _ours(site_dir: Path, posts: set[str]) -> dict[str, bytes]:
    """The archive pages and feeds: every output under blog/ but the posts' own pages; and
    the home page, whose marker lists the newest posts."""
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in [site_dir / "index.html", *sorted((site_dir / "blog").rglob("*"))]
        if path.is_file()
        and path.suffix in {".html", ".xml", ".json"}
        and str(path.relative_to(site_dir)) not in posts
    }


def _post_pages(site_dir: Path) -> set[str]:
    return {
        str(path.relative_to(site_dir))
        for path in (site_dir / "blog/posts").rglob("index.html")
        if path.parent != site_dir / "blog/posts"
    }


@pytest.mark.parametrize("mode", ["serve --dirty", "build --dirty"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_dirty_rebuild_equals_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str, mode: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    edited = EDITS[edit](DOCS)
    dirty_root = tmp_path / "dirty"
    (_serve_builds if mode == "serve --dirty" else _process_builds)(dirty_root, [DOCS, edited])
    fresh = _fresh(tmp_path / "fresh", edited, mode.split()[0])
    posts = _post_pages(dirty_root / "site") | _post_pages(fresh)
    assert _ours(dirty_root / "site", posts) == _ours(fresh, posts)
    changed = [name for name in edited if edited[name] != DOCS.get(name)]
    for name in changed:  # the edited post itself is rebuilt: all of it as fresh
        page = f"{name.removeprefix('blog/')[:-3]}/index.html"
        page = f"blog/{page}"
        if (fresh / page).exists() and "draft" not in edited[name]:
            assert (dirty_root / "site" / page).read_bytes() == (fresh / page).read_bytes()


def test_dirty_rebuild_renders_only_the_edited_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_blog_archive import finish

    taken: list[str] = []
    original = finish._take

    def take(page: Any, *rest: Any) -> Any:
        taken.append(page.file.src_uri)
        return original(page, *rest)

    monkeypatch.setattr(finish, "_take", take)
    edited = EDITS["title"](DOCS)
    _serve_builds(tmp_path / "dirty", [DOCS])
    assert len(taken) == 5
    taken.clear()
    _serve_builds(tmp_path / "dirty", [DOCS, edited])
    assert taken[-1:] == ["blog/posts/a.md"]


def _cache_file(root: Path) -> Path:
    found = list((root / ".cache/blog-archive").glob("posts-*.json"))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "damage",
    ["empty", "not json", "truncated", "wrong version", "wrong shape", "read-only folder"],
)
def test_a_damaged_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """Whatever happened to the cache file, a dirty build writes what a fresh build writes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "dirty"
    _process_builds(root, [DOCS])  # one dirty build: the cache file is written
    path = _cache_file(root)
    text = path.read_text("utf-8")
    if damage == "empty":
        path.write_text("", "utf-8")
    elif damage == "not json":
        path.write_text("<html>", "utf-8")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], "utf-8")
    elif damage == "wrong version":
        data = json.loads(text)
        data["salt"] = "0:0.0.0:x:blog"
        path.write_text(json.dumps(data), "utf-8")
    elif damage == "wrong shape":
        data = json.loads(text)
        data["posts"] = {"blog/posts/a.md": ["key", {"title": 1, "unknown": 2}]}
        path.write_text(json.dumps(data), "utf-8")
    else:
        path.unlink()
        path.parent.chmod(0o500)
    edited = EDITS["title"](DOCS)
    try:
        _process_build(root, DOCS, edited)
    finally:
        path.parent.chmod(0o700)
    fresh = _fresh(tmp_path / "fresh", edited)
    posts = _post_pages(root / "site") | _post_pages(fresh)
    assert _ours(root / "site", posts) == _ours(fresh, posts)


def test_a_full_build_reads_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache that lies (another post's title under a valid key) changes nothing in a full
    build: only dirty builds read it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "site"
    _process_builds(root, [DOCS])
    path = _cache_file(root)
    data = json.loads(path.read_text("utf-8"))
    for entry in data["posts"].values():
        entry[1]["title"] = "Lie"
    path.write_text(json.dumps(data), "utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    assert "Lie" not in (root / "site/blog/index.html").read_text("utf-8")


def test_archive_pages_the_edit_leaves_alone_are_not_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "dirty"
    _serve_builds(root, [DOCS])
    untouched = root / "site/blog/category/releases/index.html"
    touched = root / "site/blog/category/engineering/index.html"
    os.utime(untouched, (1, 1))
    os.utime(touched, (1, 1))
    _serve_builds_again(root, DOCS, EDITS["title"](DOCS))
    assert untouched.stat().st_mtime == 1  # Delta's category: Alpha's edit leaves it alone
    assert touched.stat().st_mtime > 1


def _serve_builds_again(root: Path, before: dict[str, str], docs: dict[str, str]) -> None:
    """One more `serve --dirty` build by the plugin object of the last `_serve_builds`."""
    cache = MkDocsConfig.plugins.plugin_cache
    cache["blog-archive"] = _LAST["plugin"]
    try:
        build(load_config(str(_write(root, docs, before))), dirty=True)
    finally:
        cache.pop("blog-archive", None)


def test_an_edited_template_override_shows_after_a_dirty_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listings are made from templates a theme's custom_dir may override: editing one
    makes every listing again, as a fresh build would."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    from mkdocs_blog_archive.render import TEMPLATES_DIR

    original = (Path(TEMPLATES_DIR) / "blog-archive/post-entry.html").read_text("utf-8")
    root = tmp_path / "dirty"
    override = root / "overrides/blog-archive/post-entry.html"
    override.parent.mkdir(parents=True)
    override.write_text(original, "utf-8")
    monkeypatch.setitem(CONFIG, "theme", {"name": "mkdocs", "custom_dir": "overrides"})
    _serve_builds(root, [DOCS])
    override.write_text(original.replace("blog-archive-post", "blog-archive-post marked", 1))
    os.utime(override, ns=(10**18, 10**18))  # surely newer than the first build
    _serve_builds_again(root, DOCS, DOCS)
    page = (root / "site/blog/category/releases/index.html").read_text("utf-8")
    assert "marked" in page
