"""The plugins blog sites already run, next to ours: for each, a real `--strict` build of a
small blog (in both orders where the order can matter) checks what that plugin's users care
about. The README's compatibility table says the same."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import Tag
from conftest import Site, post, run_build, write_site

ORDERS = ["theirs first", "ours first"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _plugins(theirs: Any, order: str, ours: Any = "blog-archive") -> list[Any]:
    return [theirs, ours] if order == "theirs first" else [ours, theirs]


BLOG = {
    "index.md": "# Home\n\nWelcome.\n",
    "blog/posts/first.md": post("2026-01-10", "First light", ["Engineering"]),
    "blog/posts/second.md": post("2026-02-11", "Second wind", ["Engineering", "Community"]),
    "blog/posts/third.md": post("2026-03-12", "Third time", ["Community"]),
}


def _nav_titles(site: Site, path: str) -> list[str]:
    """The primary nav's entries (links and section labels), in order, on Material."""
    nav = site.soup(path).select_one("nav.md-nav--primary")
    assert nav is not None
    return [
        " ".join(item.get_text(" ", strip=True).split())
        for item in nav.select("a.md-nav__link, label.md-nav__link")
        if item.get_text(strip=True)
    ]


# mkdocs-static-i18n ----------------------------------------------------------------------

I18N_SUFFIX = {
    "index.md": "# Home\n",
    "index.fr.md": "# Accueil\n",
    "blog/posts/hello.md": post("2026-01-02", "Hello", ["Engineering"]),
    "blog/posts/hello.fr.md": post("2026-01-02", "Bonjour", ["Ingénierie"]),
    "blog/posts/only.md": post("2026-02-03", "Only in English", ["Engineering"]),
    "blog/posts/shared.md": post("2026-03-04", "Shared year", ["News"]),
    "blog/posts/shared.fr.md": post("2026-03-04", "Année partagée", ["News"]),
}
I18N_FOLDER = {
    ("fr/" if name.endswith(".fr.md") else "en/") + name.replace(".fr.md", ".md"): text
    for name, text in I18N_SUFFIX.items()
}


def _i18n(structure: str) -> dict[str, Any]:
    return {
        "i18n": {
            "docs_structure": structure,
            "languages": [
                {"locale": "en", "default": True, "name": "English"},
                {"locale": "fr", "name": "Français"},
            ],
        }
    }


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("structure", ["suffix", "folder"])
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_i18n_gives_each_language_its_own_blog(
    make_site: Any, structure: str, order: str, theme: str
) -> None:
    pytest.importorskip("mkdocs_static_i18n")
    docs = I18N_SUFFIX if structure == "suffix" else I18N_FOLDER
    config = {"theme": {"name": theme}, "plugins": _plugins(_i18n(structure), order)}
    site: Site = make_site(docs, config, strict=True)
    english = [entry["title"] for entry in site.listing("blog/index.html")]
    french = [entry["title"] for entry in site.listing("fr/blog/index.html")]
    assert english == ["Shared year", "Only in English", "Hello"]
    assert french == ["Année partagée", "Bonjour"]
    assert [e["title"] for e in site.listing("fr/blog/category/ingenierie/index.html")] == [
        "Bonjour"
    ]
    assert not site.exists("blog/category/ingenierie/index.html")
    assert not site.exists("fr/blog/category/engineering/index.html")
    # Each language's labels and dates.
    assert site.count("fr/blog/index.html") == "2 articles"
    assert site.count("blog/index.html") == "3 posts"
    assert site.listing("fr/blog/index.html")[1]["date"] == "2 janvier 2026"
    assert site.listing("blog/index.html")[2]["date"] == "January 2, 2026"
    # Links from the French pages stay in French.
    for entry in site.listing("fr/blog/2026/index.html"):
        target = site.resolve("fr/blog/2026/index.html", entry["href"])
        assert target.relative_to(site.site_dir).parts[0] == "fr"
    # Each language's feed lists its own posts.
    feed = feedparser.parse((site.site_dir / "fr/blog/feed.xml").read_bytes())
    assert [entry.title for entry in feed.entries] == ["Année partagée", "Bonjour"]
    english_feed = feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes())
    assert len(english_feed.entries) == 3


def test_i18n_language_switcher_and_sitemap_link_the_same_archive(make_site: Any) -> None:
    """Material's language switcher on an archive page goes to the same archive in the other
    language where that language has it (else to its home); the sitemap says the same."""
    pytest.importorskip("mkdocs_static_i18n")
    config = {"theme": {"name": "material"}, "plugins": ["blog-archive", _i18n("suffix")]}
    site: Site = make_site(I18N_SUFFIX, config, strict=True)

    def switch(path: str) -> dict[str, Path]:
        links = site.soup(path).select(".md-select a[hreflang]")
        return {str(a["hreflang"]): site.resolve(path, str(a["href"])) for a in links}

    year = switch("fr/blog/2026/index.html")
    assert year["en"] == site.site_dir / "blog/2026/index.html"
    news = switch("blog/category/news/index.html")
    assert news["fr"] == site.site_dir / "fr/blog/category/news/index.html"
    engineering = switch("blog/category/engineering/index.html")
    assert engineering["fr"] == site.site_dir / "fr/index.html"  # no such French archive
    sitemap = ElementTree.parse(site.site_dir / "sitemap.xml").getroot()
    alternates = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in sitemap.iter(f"{SITEMAP}url")
    }
    fr_year = alternates["https://example.com/fr/blog/2026/"]
    assert fr_year == {
        "fr": "https://example.com/fr/blog/2026/",
        "en": "https://example.com/blog/2026/",
    }
    assert "https://example.com/fr/blog/category/ingenierie/" in alternates


def test_i18n_keeps_other_languages_posts_out_of_the_nav(make_site: Any) -> None:
    """With i18n's fallback, the French site carries the English-only post at fr/…: it is
    built, but listed nowhere in French and not in the French nav."""
    pytest.importorskip("mkdocs_static_i18n")
    config = {"theme": {"name": "material"}, "plugins": ["blog-archive", _i18n("suffix")]}
    site: Site = make_site(I18N_SUFFIX, config, strict=True)
    assert site.exists("fr/blog/posts/only/index.html")
    assert "Only in English" not in _nav_titles(site, "fr/index.html")
    assert "Only in English" not in [e["title"] for e in site.listing("fr/blog/2026/index.html")]


# mkdocs-redirects ------------------------------------------------------------------------


@pytest.mark.parametrize("order", ORDERS)
def test_redirects_to_any_generated_page(make_site: Any, order: str) -> None:
    pytest.importorskip("mkdocs_redirects")
    maps = {
        "news.md": "blog/category/community.md",
        "older.md": "blog/page/2.md",
        "year.md": "blog/2026.md",
        # mkdocs-redirects takes pages or absolute URLs: a feed is named by its URL.
        "rss.md": "https://example.com/blog/feed.xml",
    }
    redirects = {"redirects": {"redirect_maps": maps}}
    ours = {"blog-archive": {"index_posts": 2, "per_page": 2}}
    site: Site = make_site(BLOG, {"plugins": _plugins(redirects, order, ours)}, strict=True)
    for old, new in [
        ("news/index.html", "blog/category/community/index.html"),
        ("older/index.html", "blog/page/2/index.html"),
        ("year/index.html", "blog/2026/index.html"),
        ("rss/index.html", "blog/feed.xml"),
    ]:
        assert site.redirect(old) == site.site_dir / new, old
        assert (site.site_dir / new).is_file()


# Nav plugins -----------------------------------------------------------------------------

NAV_BLOG = {
    **BLOG,
    "about.md": "# About\n",
    "blog/index.md": "# Journal\n\nNotes.\n",
    "releases/notes/2026-01-05-v1.md": post("2026-01-05", "Version 1"),
}
TWO_BLOGS = [
    {"blog-archive": {"posts": ["blog/posts/**"], "nav_categories": True}},
    {"blog-archive": {"blog_dir": "releases", "posts": ["releases/notes/**"]}},
]
CATEGORIES = ["Categories", "Community", "Engineering"]  # category pages are titled by name


def _nav_site(make_site: Any, theirs: Any, order: str, docs: dict[str, str]) -> Site:
    plugins = [theirs, *TWO_BLOGS] if order == "theirs first" else [*TWO_BLOGS, theirs]
    config = {"theme": {"name": "material", "features": ["navigation.indexes"]}}
    return make_site(docs, {**config, "plugins": plugins}, strict=True)


def _in_order(titles: list[str], wanted: list[str]) -> bool:
    found = iter(titles)
    return all(title in found for title in wanted)


@pytest.mark.parametrize("order", ORDERS)
def test_section_index_keeps_every_category(make_site: Any, order: str) -> None:
    pytest.importorskip("mkdocs_section_index")
    site = _nav_site(make_site, "section-index", order, NAV_BLOG)
    titles = _nav_titles(site, "about/index.html")
    assert _in_order(titles, ["Blog", *CATEGORIES, "Releases"]), titles
    nav = site.soup("about/index.html").select_one("nav.md-nav--primary")
    assert isinstance(nav, Tag)
    links = {a.get_text(" ", strip=True): str(a["href"]) for a in nav.select("a.md-nav__link")}
    assert site.resolve("about/index.html", links["Community"]) == (
        site.site_dir / "blog/category/community/index.html"
    )


AWESOME = {
    "awesome-pages": ("mkdocs_awesome_pages_plugin", ".pages", "\n  - ..."),
    "awesome-nav": ("mkdocs_awesome_nav", ".nav.yml", ""),
}


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("plugin", sorted(AWESOME))
def test_awesome_nav_files_keep_the_users_titles(make_site: Any, plugin: str, order: str) -> None:
    module, name, rest = AWESOME[plugin]
    pytest.importorskip(module)
    docs = {
        **NAV_BLOG,
        f"blog/{name}": f"nav:\n  - Journal: index.md{rest}\n",
        f"releases/{name}": f"nav:\n  - Release notes: index.md{rest}\n",
    }
    if plugin == "awesome-pages" and order == "ours first":
        # awesome-pages warns (a Python warning) of any plugin with a nav step before it.
        with pytest.warns(Warning, match="awesome-pages"):
            site = _nav_site(make_site, plugin, order, docs)
    else:
        site = _nav_site(make_site, plugin, order, docs)
    titles = _nav_titles(site, "about/index.html")
    assert _in_order(titles, [*CATEGORIES, "Release notes"]), titles
    assert "Blog" not in titles[titles.index("Release notes") :]
    assert site.soup("blog/index.html").h1.get_text() == "Journal"  # type: ignore[union-attr]


@pytest.mark.parametrize("order", ORDERS)
def test_literate_nav_keeps_the_users_nav(make_site: Any, order: str) -> None:
    pytest.importorskip("mkdocs_literate_nav")
    summary = (
        "- [Home](index.md)\n- [Journal](blog/index.md)\n"
        "- Topics\n    - [People](blog/category/community.md)\n"
        "    - [Building](blog/category/engineering.md)\n"
        "- [Release notes](releases/index.md)\n"
    )
    site = _nav_site(make_site, "literate-nav", order, {**NAV_BLOG, "SUMMARY.md": summary})
    titles = _nav_titles(site, "index.html")
    assert _in_order(titles, ["Home", "Journal", "Topics", "People", "Building", "Release notes"])


# Material's tags plugin -------------------------------------------------------------------

TAGGED = {
    "index.md": "# Home\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    "blog/posts/tagged.md": (
        "---\ndate: 2026-01-10\ntags: [python, speed]\n---\n\n# Tagged\n\nText.\n"
    ),
}


@pytest.mark.parametrize("order", ORDERS)
def test_material_tags_show_once(make_site: Any, order: str) -> None:
    config = {"theme": {"name": "material"}, "plugins": _plugins("tags", order)}
    site: Site = make_site(TAGGED, config, strict=True)
    page = site.soup("blog/posts/tagged/index.html")
    chips = [tag.get_text(strip=True) for tag in page.select(".md-tag")]
    assert chips == ["python", "speed"]
    assert page.select(".blog-archive-tag-link") == []
    assert site.exists("blog/tag/python/index.html")  # our tag pages are still there


def test_post_tags_option_shows_ours_beside_material_tags(make_site: Any) -> None:
    plugins = ["tags", {"blog-archive": {"post_tags": True}}]
    site: Site = make_site(TAGGED, {"theme": {"name": "material"}, "plugins": plugins})
    page = site.soup("blog/posts/tagged/index.html")
    assert [a.get_text() for a in page.select("a.blog-archive-tag-link")] == ["python", "speed"]


def test_post_tags_shown_without_material_tags(make_site: Any) -> None:
    site: Site = make_site(TAGGED, {"theme": {"name": "material"}})
    page = site.soup("blog/posts/tagged/index.html")
    assert [a.get_text() for a in page.select("a.blog-archive-tag-link")] == ["python", "speed"]


# Search ------------------------------------------------------------------------------------


def _index(site: Site) -> list[dict[str, str]]:
    data = json.loads((site.site_dir / "search/search_index.json").read_text("utf-8"))
    return list(data["docs"])


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_search_finds_each_post_once(make_site: Any, theme: str) -> None:
    docs = {**BLOG, "blog/index.md": "# Journal\n\nNotes from the team.\n"}
    plugins = ["search", "blog-archive"]
    site: Site = make_site(docs, {"theme": {"name": theme}, "plugins": plugins}, strict=True)
    entries = _index(site)
    for title in ["First light", "Second wind", "Third time"]:
        summary = f"Summary of {title}."
        holders = {e["location"].split("#")[0] for e in entries if summary in e["text"]}
        assert len(holders) == 1, (summary, holders)
    index = [e for e in entries if e["location"] in ("blog/", "blog/index.html")]
    assert index and "Notes from the team." in index[0]["text"]
    assert not any("Summary of" in e["text"] or "First light" in e["title"] for e in index)


def test_search_listings_option_indexes_listings(make_site: Any) -> None:
    plugins = ["search", {"blog-archive": {"search_listings": True}}]
    site: Site = make_site(BLOG, {"plugins": plugins}, strict=True)
    holders = {
        e["location"].split("#")[0] for e in _index(site) if "Summary of First light." in e["text"]
    }
    assert {"blog/", "blog/category/engineering/", "blog/posts/first/"} <= holders


# Other plugins' HTML in feeds and listings ----------------------------------------------------

AUTOREF = {
    "index.md": "# Home\n\n## Install steps\n\nRun it.\n",
    "blog/posts/linked.md": (
        "---\ndate: 2026-01-10\n---\n\n# Linked\n\nSee [the steps][install-steps] first.\n\n"
        "<!-- more -->\n\nMore.\n"
    ),
}


@pytest.mark.parametrize("order", ORDERS)
def test_autorefs_resolved_in_feeds_and_excerpts(make_site: Any, order: str) -> None:
    pytest.importorskip("mkdocs_autorefs")
    ours = {"blog-archive": {"feeds": {"full_content": True}, "excerpts": True}}
    site: Site = make_site(AUTOREF, {"plugins": _plugins("autorefs", order, ours)}, strict=True)
    for name in ["blog/atom.xml", "blog/feed.xml", "blog/feed.json"]:
        text = (site.site_dir / name).read_text("utf-8")
        assert "<autoref" not in text and "&lt;autoref" not in text, name
        assert "#install-steps" in text, name
    excerpt = site.soup("blog/index.html").select_one(".blog-archive-post-excerpt a")
    assert excerpt is not None
    assert site.resolve("blog/index.html", str(excerpt["href"])).parent == site.site_dir


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_post_summary_becomes_the_meta_description(make_site: Any, theme: str) -> None:
    docs = {
        "index.md": "# Home\n",
        "blog/posts/quoted.md": post("2026-01-10", "Quoted", body='Say "hi" & <b>wave</b>.'),
        "blog/posts/described.md": (
            "---\ndate: 2026-01-11\ndescription: Written by hand.\n---\n\n# Described\n\nBody.\n"
        ),
    }
    config = {"theme": {"name": theme}, "site_description": "The site."}
    site: Site = make_site(docs, config, strict=True)

    def description(path: str) -> str:
        tag = site.soup(path).select_one('meta[name="description"]')
        assert tag is not None, path
        return str(tag["content"])

    assert description("blog/posts/quoted/index.html") == 'Say "hi" & wave.'
    assert description("blog/posts/described/index.html") == "Written by hand."


def test_git_revision_dates_stay_off_archive_pages(make_site: Any, tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_git_revision_date_localized_plugin")
    plugins = ["blog-archive", {"git-revision-date-localized": {"enable_creation_date": True}}]
    config = {"theme": {"name": "material"}, "plugins": plugins}
    root = tmp_path / "git-site"
    config_file = write_site(root, BLOG, config)
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "."],
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "posts"],
    ):
        subprocess.run(command, cwd=root, check=True)
    assert run_build(config_file, strict=True) == []
    site = Site(root)
    dates = ".git-revision-date-localized-plugin"
    assert site.soup("blog/posts/first/index.html").select(dates)
    for page in ["blog/index.html", "blog/category/engineering/index.html", "blog/2026/index.html"]:
        assert site.soup(page).select(dates) == [], page


# Plugins that work as they are ------------------------------------------------------------


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(
    ("plugin", "module"),
    [
        ("macros", "mkdocs_macros"),
        ("minify", "mkdocs_minify_plugin"),
        ("glightbox", "mkdocs_glightbox"),
    ],
)
def test_plugins_that_work_as_they_are(
    make_site: Any, plugin: str, module: str, order: str
) -> None:
    pytest.importorskip(module)
    theirs: Any = {"minify": {"minify_html": True}} if plugin == "minify" else plugin
    config = {"theme": {"name": "material"}, "plugins": _plugins(theirs, order)}
    site: Site = make_site(BLOG, config, strict=True)
    assert [e["title"] for e in site.listing("blog/category/engineering/index.html")] == [
        "Second wind",
        "First light",
    ]
    assert site.count("blog/index.html") == "3 posts"


def test_gen_files_pages_can_be_posts(make_site: Any, tmp_path: Path) -> None:
    """mkdocs-gen-files makes pages in its `on_files`, before ours: they can be posts."""
    pytest.importorskip("mkdocs_gen_files")
    script = tmp_path / "gen_posts.py"
    script.write_text(
        "import mkdocs_gen_files\n"
        "with mkdocs_gen_files.open('blog/posts/made.md', 'w') as f:\n"
        "    f.write('---\\ndate: 2026-04-01\\ncategories: [Engineering]\\n---\\n\\n"
        "# Made by a script\\n\\nGenerated text.\\n')\n",
        "utf-8",
    )
    config = {"plugins": [{"gen-files": {"scripts": [str(script)]}}, "blog-archive"]}
    site: Site = make_site(BLOG, config, strict=True)
    titles = [e["title"] for e in site.listing("blog/category/engineering/index.html")]
    assert titles == ["Made by a script", "Second wind", "First light"]


def test_include_markdown_text_reaches_the_summary(make_site: Any) -> None:
    pytest.importorskip("mkdocs_include_markdown_plugin")
    docs = {
        **BLOG,
        "snippets/intro.md": "Included opening words.\n",
        "blog/posts/including.md": (
            "---\ndate: 2026-04-02\n---\n\n# Including\n\n"
            '{% include-markdown "../../snippets/intro.md" %}\n'
        ),
    }
    config = {"plugins": ["include-markdown", "blog-archive"], "exclude_docs": "snippets/\n"}
    site: Site = make_site(docs, config, strict=True)
    entry = site.listing("blog/index.html")[0]
    assert (entry["title"], entry["summary"]) == ("Including", "Included opening words.")


@pytest.mark.parametrize("order", ORDERS)
def test_rss_plugin_beside_ours(make_site: Any, order: str, tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_rss_plugin")
    theirs = {"rss": {"match_path": "blog/posts/.*", "use_git": False}}
    site: Site = make_site(BLOG, {"plugins": _plugins(theirs, order)}, strict=True)
    feed = feedparser.parse((site.site_dir / "feed_rss_created.xml").read_bytes())
    assert sorted(entry.title for entry in feed.entries) == [
        "First light",
        "Second wind",
        "Third time",
    ]
    assert site.count("blog/index.html") == "3 posts"


def test_language_paths() -> None:
    """Paths the options name leave the language out; each language's blog has its folder."""
    from mkdocs_blog_archive.languages import Languages

    suffix = Languages(object(), "fr", "en", ("en", "fr"), folders=False)
    assert suffix.language_of("blog/posts/a.fr.md") == "fr"
    assert suffix.language_of("blog/posts/a.md") == "en"
    assert suffix.language_of("blog/posts/v1.2.md") == "en"
    assert suffix.neutral("blog/posts/a.fr.md") == "blog/posts/a.md"
    assert suffix.neutral("blog/posts/a.md") == "blog/posts/a.md"
    assert suffix.blog_dir("blog") == "fr/blog"
    assert suffix.blog_dir("blog", "en") == "blog"
    assert suffix.url("blog/2026/", "fr") == "fr/blog/2026/"
    assert suffix.unplaced("fr/blog/2026/") == "blog/2026/"
    folders = Languages(object(), "en", "en", ("en", "fr"), folders=True)
    assert folders.language_of("fr/blog/a.md") == "fr"
    assert folders.language_of("blog/a.md") == "en"
    assert folders.neutral("en/blog/a.md") == "blog/a.md"
    assert folders.neutral("fr/blog/a.md") == "blog/a.md"
    assert folders.prefix == ""
    one = Languages(current="en", default="en", codes=("en",))
    assert not one.several and one.first_build
    assert one.neutral("fr/blog/a.fr.md") == "fr/blog/a.fr.md"
    assert one.blog_dir("blog") == "blog"
