"""The example site builds with --strict and shows a real archive."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Site, run_build

EXAMPLE = Path(__file__).parent.parent / "example_site"


def test_example_site_builds_strict_and_links_resolve(tmp_path: Path) -> None:
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    warnings = run_build(root / "mkdocs.yml", strict=True)
    assert warnings == []
    site = Site(root)

    categories = sorted(p.name for p in (site.site_dir / "blog/category").iterdir())
    assert len(categories) >= 4
    counts = {name: site.count(f"blog/category/{name}/index.html") for name in categories}
    assert counts["engineering"] == "21 posts"
    assert counts["releases"] == "1 post"
    posts = list((site.docs_dir / "blog/posts").rglob("*.md"))
    drafts = [p for p in posts if "\ndraft: true\n" in p.read_text()]
    assert len(posts) - len(drafts) >= 25 and drafts
    assert site.count("blog/index.html") == f"{len(posts) - len(drafts)} posts"
    assert site.exists("blog/page/3/index.html")  # per_page: 10
    assert site.count("blog/series/making-it-fast/index.html") == "4 posts"
    assert site.count("blog/tag/speed/index.html") == "5 posts"
    assert site.count("blog/author/perf/index.html") == "5 posts"
    assert site.count("blog/2026/07/index.html") == "13 posts"
    assert site.count("releases/index.html") == "2 posts"
    assert not site.exists("blog/posts/2026/08/feeds-design/index.html")  # the draft

    # The user's own introduction on the Guides page stays, with the listing below it.
    guides = site.soup("blog/category/guides/index.html")
    assert "This introduction is a page we wrote" in guides.get_text()

    # Every link on every archive page and post resolves to a built file.
    pages = [p for p in site.site_dir.glob("blog/**/index.html")]
    assert len(pages) > 30
    for page in pages:
        relative = str(page.relative_to(site.site_dir))
        soup = site.soup(relative)
        for link in soup.select(
            ".blog-archive a[href], .blog-archive-post-links a[href], .blog-archive-back a[href]"
        ):
            if "://" in str(link["href"]):
                continue  # a link that leaves the site
            target = site.resolve(relative, str(link["href"]))
            assert target.is_file(), (relative, link["href"])
