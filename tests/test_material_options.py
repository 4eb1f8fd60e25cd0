"""Material's options translated (pure functions, called directly): which of ours each sets,
Material's defaults only when switching, ours winning where the site wrote them."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.structure.files import File

from mkdocs_blog_archive import material
from mkdocs_blog_archive.config import BlogArchiveConfig
from mkdocs_blog_archive.frontmatter import FrontMatter
from mkdocs_blog_archive.kinds import site_kinds
from mkdocs_blog_archive.posts import material_title


def options(**given: Any) -> BlogArchiveConfig:
    config = BlogArchiveConfig()
    config.load_dict(given)
    errors, warnings = config.validate()
    assert not errors and not warnings, (errors, warnings)
    return config


def translated(**given: Any) -> tuple[BlogArchiveConfig, material.Migration]:
    config = options(**given)
    migration = material.translate(config, set(given))
    migration.apply(config)
    return config, migration


def test_a_site_of_ours_keeps_every_default() -> None:
    config, migration = translated(per_page=3, post_url_format="{yyyy}/{slug}")
    assert not migration.on and migration.overrides == {}
    assert (config.per_page, config.future_posts, config.index_posts) == (3, False, 10)
    kinds = site_kinds([], True, False)
    assert material.place_kinds(config, kinds, migration.on) == kinds
    assert migration.url_slugs(config.post_url_format) is True  # our slugs


def test_the_switch_gives_materials_defaults() -> None:
    config, migration = translated(material=True)
    assert migration.on
    assert config.post_url_format == "{date}/{slug}"
    assert (config.per_page, config.index_posts, config.future_posts) == (10, 0, True)
    assert config.posts == ["/blog/posts/"]
    assert config.labels.category_heading == "{name}"
    kinds = {k.name: k for k in material.place_kinds(config, site_kinds([], True, False), True)}
    assert kinds["year"].url_format == "archive/{slug}"
    assert kinds["year"].date_formats == ("yyyy", "yyyy")
    assert kinds["categories"].url_format == "category/{slug}"
    assert migration.slugs["categories"]("C++ & Rust") == "c--rust"  # pymdownx, as Material
    assert migration.post_slug("Last Week - August 16") == "last-week---august-16"


@pytest.mark.parametrize(
    ("given", "switching"),
    [
        ({"post_excerpt": "required"}, True),  # any option only Material has
        ({"post_url_format": "posts/{file}"}, True),  # Material's placeholders
        ({"post_url_format": "{slug}"}, False),  # shared: the switch (or the info line)
        ({"blog_dir": "news", "categories_allowed": ["A"]}, False),
        ({"pagination_per_page": 5, "material": False}, False),  # `false` keeps ours
    ],
)
def test_what_says_a_site_is_switching(given: dict[str, Any], switching: bool) -> None:
    assert material.is_switching(options(**given)) is switching


def test_ours_win_where_the_site_wrote_them() -> None:
    config, _ = translated(material=True, per_page=4, future_posts=False, posts=["/x/"])
    assert (config.per_page, config.future_posts, config.posts) == (4, False, ["/x/"])


@pytest.mark.parametrize(
    ("given", "ours"),
    [
        ({"post_readtime": False}, {"reading_time": False}),
        ({"post_readtime_words_per_minute": 100}, {"words_per_minute": 100}),
        ({"post_date_format": "yyyy-MM-dd"}, {"date_format": "yyyy-MM-dd"}),
        ({"draft": True}, {"drafts": True}),
        ({"draft_if_future_date": True}, {"future_posts": False}),
        ({"pagination": False}, {"per_page": 0, "index_posts": 0}),
        ({"pagination_per_page": 7}, {"per_page": 7}),
        ({"archive": False}, {"year_archives": False}),
        ({"post_dir": "{blog}/articles"}, {"posts": ["/blog/articles/"]}),
        ({"blog_dir": ".", "post_dir": "{blog}/posts"}, {"posts": ["/posts/"], "blog_dir": ""}),
        # `material: false`: Material's names still mean what they mean, without its defaults
        ({"material": False, "pagination_per_page": 5}, {"per_page": 5, "future_posts": False}),
    ],
)
def test_materials_names_set_ours(given: dict[str, Any], ours: dict[str, Any]) -> None:
    config, _ = translated(**given)
    assert {key: config[key] for key in ours} == ours


def test_pagination_and_places_per_kind() -> None:
    config, migration = translated(
        pagination_per_page=3,
        categories_pagination=False,
        archive_pagination_per_page=2,
        authors_profiles_pagination=True,
        authors_profiles_url_format="people/{name}",
        categories_url_format="topics/{slug}",
        archive_url_format="{date}",
        archive_url_date_format="yyyy/MM",
        archive_date_format="MMMM yyyy",
    )
    kinds = {k.name: k for k in material.place_kinds(config, site_kinds([], True, False), True)}
    assert (kinds["categories"].per_page, kinds["categories"].url_format) == (0, "topics/{slug}")
    assert (kinds["year"].per_page, kinds["year"].url_format) == (2, "{slug}")
    assert kinds["year"].date_formats == ("yyyy/MM", "MMMM yyyy")
    assert (kinds["authors"].per_page, kinds["authors"].url_format) == (3, "people/{slug}")
    assert kinds["index"].per_page is None and config.per_page == 3
    slug = migration.author_slug({"jd": {"name": "Jane Doe", "slug": "jane"}})
    assert slug("jd") == "Jane Doe"  # `{name}`: placed by the name, as Material does


def test_categories_off_drops_their_pages() -> None:
    config, _ = translated(categories=False)
    names = [k.name for k in material.place_kinds(config, site_kinds([], True, False), True)]
    assert "categories" not in names and "tags" in names


def test_author_slugs_as_written_unless_unsafe() -> None:
    _, migration = translated(material=True)
    slug = migration.author_slug({"a": {"slug": "Ann"}, "b": {"slug": "../up"}, "c": {}})
    assert (slug("a"), slug("b"), slug("c"), slug("Not Listed")) == ("Ann", "up", "c", "Not Listed")


@pytest.mark.parametrize(
    ("path", "safe"),
    [
        ("release-1.11.0", True),
        ("Part2-Of-Three", True),
        ("你好", True),
        ("a/b", True),
        ("../x", False),
        ("a/../b", False),
        ("a\\b", False),
        ("<b>", False),
        ("", False),
        ("a//b", False),
    ],
)
def test_safe_path(path: str, safe: bool) -> None:
    assert material.safe_path(path) is safe


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: Given\n---\n# Heading\n", "Given"),
        ("---\ntitle: 2026\n---\n# Heading\n", "2026"),
        ("---\ndate: 2026-01-01\n---\n\n# Heading #\n", "Heading #"),  # as MkDocs reads it
        ("---\ndate: 2026-01-01\n---\nText first.\n\n# Heading\n", "My post"),  # not first
        ("---\ndate: 2026-01-01\n---\n", "My post"),
    ],
)
def test_material_title(text: str, title: str) -> None:
    import yaml
    from mkdocs.utils import meta

    match = meta.YAML_RE.match(text)
    assert match is not None
    front = FrontMatter(yaml.safe_load(match.group(1)), text, match.end())
    file = File("blog/posts/my-post.md", "/docs", "/site", True)
    assert material_title(file, front) == title


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("post_url_format", "{date}/{title}"),
        ("post_url_format", "{date}"),
        ("post_url_format", "../{slug}"),
        ("categories_url_format", "category/{name}"),
        ("archive_url_format", "archive"),
        ("pagination_url_format", "page"),
        ("post_slugify", "not callable"),
        ("post_excerpt", "sometimes"),
        ("post_url_date_format", "HH:mm"),
        ("pagination_per_page", -1),
    ],
)
def test_bad_material_values_are_refused_by_name(name: str, value: Any) -> None:
    config = BlogArchiveConfig()
    config.load_dict({name: value})
    errors, _ = config.validate()
    assert [key for key, _ in errors] == [name]
