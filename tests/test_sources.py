"""Where posts come from: dates from git history, and several blogs in one site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from conftest import Site, post, run_build, write_site


def _git(root: Path, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
    )
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_dates_from_the_commits_that_added_the_files(tmp_path: Path) -> None:
    config = {"plugins": [{"blog-archive": {"git_dates": True, "posts": ["notes/**"]}}]}
    write_site(tmp_path, {"index.md": "# Home\n", "notes/old.md": "# Old\n\nFirst.\n"}, config)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "one", date="2025-03-04T10:00:00+02:00")
    (tmp_path / "docs/notes/new.md").write_text("# New\n\nSecond.\n")
    (tmp_path / "docs/notes/dated.md").write_text("---\ndate: 2020-01-01\n---\n# Dated\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "two", date="2026-06-07T08:00:00+00:00")
    (tmp_path / "docs/notes/untracked.md").write_text("# Untracked\n")

    assert run_build(tmp_path / "mkdocs.yml") == []
    site = Site(tmp_path)
    entries = site.listing("blog/index.html")
    assert [(e["title"], e["datetime"]) for e in entries] == [
        ("New", "2026-06-07T08:00:00+00:00"),
        ("Old", "2025-03-04T10:00:00+02:00"),
        ("Dated", "2020-01-01T00:00:00+00:00"),  # its own date wins over git's
    ]


def test_git_dates_give_the_last_change_as_the_updated_date(tmp_path: Path) -> None:
    config = {"plugins": [{"blog-archive": {"git_dates": True, "posts": ["notes/**"]}}]}
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "notes/edited.md": "# Edited\n\nFirst.\n",
        "notes/once.md": "# Once\n\nOnly.\n",
        "notes/own.md": "---\ndate: 2025-01-01\nupdated: 2025-02-01\n---\n# Own\n\nText.\n",
    }
    write_site(tmp_path, docs, config)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "one", date="2025-03-04T10:00:00+00:00")
    (tmp_path / "docs/notes/edited.md").write_text("# Edited\n\nFirst, then more.\n")
    (tmp_path / "docs/notes/own.md").write_text(docs["notes/own.md"] + "More.\n")  # type: ignore[operator]
    _git(tmp_path, "commit", "-q", "-am", "two", date="2026-06-07T08:00:00+00:00")

    assert run_build(tmp_path / "mkdocs.yml") == []
    site = Site(tmp_path)
    updated = site.soup("notes/edited/index.html").select_one(".blog-archive-updated time")
    assert updated is not None and updated["datetime"] == "2026-06-07T08:00:00+00:00"
    assert site.soup("notes/once/index.html").select_one(".blog-archive-updated") is None
    own = site.soup("notes/own/index.html").select_one(".blog-archive-updated time")
    assert own is not None and str(own["datetime"]).startswith("2025-02-01")  # its own wins


def test_git_dates_outside_a_repository_warn(make_site: Any, tmp_path: Path) -> None:
    config = {"plugins": [{"blog-archive": {"git_dates": True}}]}
    site: Site = make_site(
        {"a.md": post("2026-01-01", "A")},
        config,
        expect=[r"git_dates: cannot read the git history of .*docs"],
    )
    assert site.count("blog/index.html") == "1 post"


def test_two_blogs_in_one_site(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "articles/a.md": post("2026-01-01", "Article", ["Design"]),
        "articles/b.md": post("2026-01-02", "Other article", ["Design"]),
        "changes/v1.md": post("2026-01-03", "Version 1", ["Major"]),
    }
    config = {
        "plugins": [
            {"blog-archive": {"blog_dir": "blog", "posts": ["articles/**"]}},
            {"blog-archive": {"blog_dir": "releases", "posts": ["changes/**"]}},
        ]
    }
    site: Site = make_site(docs, config)
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Other article", "Article"]
    assert [e["title"] for e in site.listing("releases/index.html")] == ["Version 1"]
    assert site.count("blog/category/design/index.html") == "2 posts"
    assert site.count("releases/category/major/index.html") == "1 post"
    assert not site.exists("blog/category/major/index.html")
    assert (site.site_dir / "releases/feed.xml").is_file()
    blocks = site.soup("changes/v1/index.html").select("div.blog-archive-post-links")
    assert len(blocks) == 1  # only its own blog adds back-links
    back = blocks[0].select_one("a.blog-archive-back")
    assert back is not None
    assert site.resolve("changes/v1/index.html", str(back["href"])).parent.name == "releases"
