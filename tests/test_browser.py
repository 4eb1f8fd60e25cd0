"""A reader's walk through the example site in a real browser: Debian's chromium, driven by
Playwright, on Material (light and dark), the mkdocs and the readthedocs theme, with axe-core
(WCAG 2.2 AA and best practice) on every kind of page at a desktop's and a phone's width.
Screenshots of each page go to `test-artifacts/screenshots/` (or `$BLOG_ARCHIVE_ARTIFACTS`)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ENGINE, run_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EXAMPLE = Path(__file__).parent.parent / "example_site"
ARTIFACTS = Path(
    os.environ.get("BLOG_ARCHIVE_ARTIFACTS", Path(__file__).parent.parent / "test-artifacts")
)
# The flags a closed network needs: no background connections, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).is_file(),
        reason="chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
    ),
    pytest.mark.skipif(
        ENGINE != "mkdocs", reason="the browser walk runs once, on the MkDocs build"
    ),
]


def _build(tmp: Path, theme: str) -> Path:
    root = tmp / theme
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    if theme != "material":
        settings = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
        settings["theme"] = {"name": theme, "highlightjs": False}  # it loads from a CDN
        (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), "utf-8")
    assert run_build(root / "mkdocs.yml", strict=True) == []
    return root / "site"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The example site built on material and on mkdocs, each served on localhost."""
    tmp = tmp_path_factory.mktemp("browser")
    servers, urls = [], {}
    for theme in ("material", "mkdocs", "readthedocs"):
        handler = functools.partial(_QuietHandler, directory=str(_build(tmp, theme)))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        urls[theme] = f"http://127.0.0.1:{server.server_address[1]}/"
    yield urls
    for server in servers:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _shot(page: Any, name: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def _luminance(css_color: str) -> float:
    parts = css_color[css_color.index("(") + 1 : css_color.index(")")].split(",")
    red, green, blue = (float(part) for part in parts[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize(
    ("theme", "scheme"), [("material", "light"), ("material", "dark"), ("mkdocs", "light")]
)
def test_a_reader_walks_the_archive(
    browser: Any, served: dict[str, str], theme: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    name = f"{theme}-{scheme}"
    try:
        # The blog index: its heading, the count, the categories with their counts.
        page.goto(served[theme] + "blog/")
        assert page.locator("h1").first.inner_text().strip("¶ \n") == "Journal"  # the user's
        assert page.locator(".blog-archive-index").is_visible()
        assert page.locator(".blog-archive-count").first.inner_text().endswith("posts")
        engineering = page.locator(".blog-archive-categories a", has_text="Engineering")
        assert engineering.is_visible()
        _shot(page, f"{name}-1-blog-index")

        # A category page: back-link, heading, "21 posts", posts newest first.
        engineering.click()
        page.wait_for_url("**/blog/category/engineering/")
        assert page.locator("h1").first.inner_text().strip("¶ \n") == "Engineering Articles"
        assert page.locator(".blog-archive-count").inner_text().strip() == "21 posts"
        assert page.locator(".blog-archive-back a").is_visible()
        entries = page.locator(".blog-archive-post")
        assert entries.count() == 10  # per_page: 10
        dates = page.locator(".blog-archive-post time").evaluate_all(
            "times => times.map(t => t.getAttribute('datetime'))"
        )
        assert dates == sorted(dates, reverse=True)
        first = entries.first.locator("a.blog-archive-post-title")
        title = first.inner_text().strip()
        if theme == "material":  # Material's own excerpt markup, with its icons
            assert entries.first.evaluate("e => e.matches('article.md-post.md-post--excerpt')")
            scheme_name = page.locator("body").get_attribute("data-md-color-scheme")
            assert scheme_name == ("slate" if scheme == "dark" else "default")
            summary = entries.first.locator(".blog-archive-post-summary")
            text_light = _luminance(summary.evaluate("e => getComputedStyle(e).color"))
            assert text_light > 0.6 if scheme == "dark" else text_light < 0.4
        else:
            assert page.locator(".blog-archive svg").count() == 0
        _shot(page, f"{name}-2-category")

        # A post: its heading, and the back-link block with the date and categories.
        first.click()
        assert page.locator("h1").first.inner_text().strip("¶ \n") == title
        block = page.locator("div.blog-archive-post-links")
        assert block.is_visible()
        assert "Back to Blog" in block.inner_text()
        assert block.locator("time").inner_text().strip()
        if theme == "material":  # Material's icons, inlined from its .icons folder
            assert block.locator("svg").first.bounding_box()["width"] > 0
        _shot(page, f"{name}-3-post")

        # The post's category link leads back to the category page; Back to Blog to the index.
        block.locator("a.blog-archive-category-link", has_text="Engineering").click()
        page.wait_for_url("**/blog/category/engineering/")
        assert page.locator(".blog-archive-count").inner_text().strip() == "21 posts"
        _shot(page, f"{name}-4-category-again")
        page.locator(".blog-archive-back a").click()
        page.wait_for_url("**/blog/")
        assert page.locator(".blog-archive-index").is_visible()
        assert errors == []
    finally:
        context.close()


PAGE_KINDS = {
    "index": "blog/",
    "category": "blog/category/engineering/",
    "page-2": "blog/category/engineering/page/2/",
    "tag": "blog/tag/speed/",
    "tags-index": "blog/tag/",
    "author": "blog/author/maintainers/",
    "year": "blog/2026/",
    "month": "blog/2026/07/",
    "series": "blog/series/making-it-fast/",
    "post": "blog/posts/2026/07/measuring-overhead/",
    "home": "",
}
LOOKS = [("material", "light"), ("material", "dark"), ("mkdocs", "light"), ("readthedocs", "light")]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Whether an element axe names is in the plugin's markup (inside one of our blocks).
OURS = """target => {
    const element = document.querySelector(target);
    return !!(element && element.closest('[class*="blog-archive"]'));
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("theme", "scheme"), LOOKS)
def test_axe_finds_nothing_in_our_markup(
    browser: Any, served: dict[str, str], theme: str, scheme: str, width: int
) -> None:
    """Every kind of page, on every look, at both widths: no axe violation whose element is
    in the plugin's markup (the themes' own are theirs), no same-origin request that fails,
    every heading we write has an id; a screenshot of each page stays as an artifact."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    height = 900 if width > 800 else 844
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height})
    page = context.new_page()
    failed: list[str] = []
    origin = served[theme]
    page.on(
        "response",
        lambda response: (
            failed.append(response.url)
            if response.status >= 400 and response.url.startswith(origin)
            else None
        ),
    )
    found: dict[str, list[str]] = {}
    try:
        for kind, path in PAGE_KINDS.items():
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            folder = ARTIFACTS / "screenshots" / "axe"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(folder / f"{theme}-{scheme}-{width}-{kind}.png"), full_page=True
            )
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            for violation in result.response["violations"]:
                for node in violation["nodes"]:
                    target = node["target"][-1]
                    if page.evaluate(OURS, target if isinstance(target, str) else target[0]):
                        found.setdefault(kind, []).append(
                            f"{violation['id']}: {node['html'][:120]}"
                        )
            unnamed = page.evaluate(
                """() => [...document.querySelectorAll(
                    '[class*="blog-archive"] :is(h1,h2,h3,h4), h1.blog-archive-heading'
                )].filter(h => !h.id).map(h => h.outerHTML.slice(0, 80))"""
            )
            if unnamed:
                found.setdefault(kind, []).extend(f"heading without id: {h}" for h in unnamed)
        assert found == {}
        assert failed == []
    finally:
        context.close()
