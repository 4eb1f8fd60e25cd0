"""Guards of the speed design (the figures themselves come from benchmarks/run.py)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import markdown
import pytest
from conftest import Site, post
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import meta


def test_every_page_is_converted_from_markdown_exactly_once(
    make_site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversions: Counter[str] = Counter()
    convert = markdown.Markdown.convert

    def counting_convert(self: markdown.Markdown, source: str) -> str:
        conversions[source] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for number in range(40):
        categories = [f"Topic {number % 5}", f"Area {number % 3}"]
        body = f"First paragraph {number}.\n\n<!-- more -->\n\nThe rest of post {number}."
        docs[f"blog/posts/p{number}.md"] = post(
            f"2026-03-{number % 28 + 1:02d}", f"Post {number}", categories, body
        )
    site: Site = make_site(docs, {"theme": {"name": "material"}})

    pages = 1 + 40 + 1 + 5 + 3 + 1  # home, posts, blog index, Topic and Area pages, 2026
    assert sum(conversions.values()) == pages
    assert set(conversions.values()) == {1}
    assert len(site.listing("blog/category/topic-0/index.html")) == 8


@pytest.mark.parametrize("url_format", ["", "{yyyy}/{slug}"])  # slugs come from that one read
def test_each_post_is_read_once_and_mkdocs_gets_what_it_would_have_read(
    make_site: Any, monkeypatch: pytest.MonkeyPatch, url_format: str
) -> None:
    """The plugin reads each post in `on_files` and hands the Markdown and front matter over
    to MkDocs (no second read, no second YAML parse): the page must get exactly what MkDocs'
    own reading would give, whatever the file's line endings, BOM or first lines."""
    reads: Counter[str] = Counter()
    content_string = File.content_string

    def counting_read(self: File) -> str:
        reads[self.src_uri] += 1
        return content_string.fget(self)  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(File, "content_string", property(counting_read, content_string.fset))
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    render = Page.render

    def recording_render(self: Page, config: Any, files: Any) -> None:
        seen[self.file.src_uri] = (self.markdown or "", dict(self.meta))
        render(self, config, files)

    monkeypatch.setattr(Page, "render", recording_render)
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/plain.md": post("2026-03-01", "Plain", ["News"]),
        "blog/posts/crlf.md": "\ufeff---\r\ndate: 2026-03-02\r\ntags: [a]\r\n---\r\n\r\n"
        "# Windows\r\n\r\nLine one.\r\n".encode(),
        "blog/posts/rule.md": "---\ndate: 2026-03-03\n---\n---\n\nAfter a rule.\n\n---\n",
        "blog/posts/note.md": "---\ndate: 2026-03-04\n---\n\nNote: not metadata.\n\nText.\n",
        "blog/posts/2026-03-05-named.md": "# Dated by its name\n\nText.\n",
        "blog/posts/dots.md": "---\ndate: 2026-03-06\n...\n\n# Dots\n\nText.\n",
    }
    config = {"plugins": [{"blog-archive": {"post_url_format": url_format}}]}
    site: Site = make_site(docs, config)

    for name in docs:
        source = (site.docs_dir / name).read_text(encoding="utf-8-sig")
        assert seen[name] == meta.get_data(source), name
        assert reads[name] == 1, name  # by the plugin only: MkDocs took it from there
    assert len(site.listing("blog/index.html")) == 6


def test_a_post_the_nav_names_keeps_the_title_the_nav_gives(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("2026-03-01", "From the page", ["News"]),
        "blog/posts/b.md": post("2026-03-02", "Also from the page", ["News"]),
    }
    nav = [
        {"Home": "index.md"},
        {"Title from the nav": "blog/posts/a.md"},
        {"Another nav title": "./blog/posts/b.md"},  # MkDocs normalizes the path
    ]
    site: Site = make_site(docs, {"nav": nav})
    links = [a.get_text(strip=True) for a in site.soup("index.html").select("a")]
    assert "Title from the nav" in links and "Another nav title" in links
    assert site.soup("blog/posts/a/index.html").select_one("h1").get_text() == "From the page"


def test_a_plugin_that_reads_sources_its_own_way_still_does(make_site: Any) -> None:
    hook = (
        "def on_page_read_source(page, config):\n"
        "    if page.file.src_uri == 'blog/posts/a.md':\n"
        "        return '---\\ndate: 2026-03-01\\n---\\n\\n# Replaced\\n\\nBy the hook.\\n'\n"
    )
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("2026-03-01", "Original", ["News"]),
        "blog/posts/b.md": post("2026-03-02", "Untouched", ["News"]),
        "../hooks.py": hook,  # beside mkdocs.yml
    }
    site: Site = make_site(docs, {"hooks": ["hooks.py"]})
    assert site.soup("blog/posts/a/index.html").select_one("h1").get_text() == "Replaced"
    assert site.soup("blog/posts/b/index.html").select_one("h1").get_text() == "Untouched"
