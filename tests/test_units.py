"""Pure functions: dates, slugs, grouping, ordering, summaries."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify

from mkdocs_blog_archive import structured
from mkdocs_blog_archive.archive import (
    Archive,
    ArchivePage,
    Post,
    group_by_term,
    make_slug,
    sort_posts,
)
from mkdocs_blog_archive.dates import DateError, date_formatter, date_from_file_name, parse_date
from mkdocs_blog_archive.kinds import CATEGORIES
from mkdocs_blog_archive.plan import PlanOptions, place
from mkdocs_blog_archive.render import relative_url
from mkdocs_blog_archive.summary import (
    _CJK,
    _marks,
    count_words,
    html_to_text,
    reading_minutes,
    summarize,
    truncate_words,
)

UTC = dt.timezone.utc
PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 5, 16), dt.datetime(2026, 5, 16, tzinfo=PARIS)),
        (dt.datetime(2026, 5, 16, 10), dt.datetime(2026, 5, 16, 10, tzinfo=PARIS)),
        ("2026-05-16T10:00:00+02:00", dt.datetime(2026, 5, 16, 8, tzinfo=UTC)),
        ("2026-05-16", dt.datetime(2026, 5, 16, tzinfo=PARIS)),
        ("May 16, 2026", dt.datetime(2026, 5, 16, tzinfo=PARIS)),
        ("16 May 2026 14:00 UTC", dt.datetime(2026, 5, 16, 14, tzinfo=UTC)),
    ],
)
def test_parse_date(value: object, expected: dt.datetime) -> None:
    parsed = parse_date(value, PARIS)
    assert parsed == expected and parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["", "soon", "5", "2026-02-30", [2026], 1.5, True, None])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(DateError):
        parse_date(value, UTC)


def test_date_from_file_name() -> None:
    assert date_from_file_name("2026-05-16-hello", UTC) == dt.datetime(2026, 5, 16, tzinfo=UTC)
    assert date_from_file_name("hello", UTC) is None
    assert date_from_file_name("2026-05-16", UTC) is None  # no slug after the date
    with pytest.raises(DateError):
        date_from_file_name("2026-02-30-x", UTC)


def test_date_formatter() -> None:
    date = dt.datetime(2026, 5, 6, tzinfo=UTC)
    assert date_formatter("long", "en")(date) == "May 6, 2026"
    assert date_formatter("long", "de_DE")(date) == "6. Mai 2026"
    assert date_formatter("long", "pt-BR")(date) == "6 de maio de 2026"
    assert date_formatter("%d/%m/%Y", "en")(date) == "06/05/2026"
    assert date_formatter("long", "xx-nonsense")(date) == "May 6, 2026"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Architecture", "architecture"),
        ("Data Science", "data-science"),
        ("../../etc", "etc"),
        ("<script>x</script>", "scriptxscript"),
        ("Café", "cafe"),
        ("中文", "中文"),
        ("a/b\\c", "abc"),
    ],
)
def test_make_slug(name: str, slug: str) -> None:
    assert make_slug(name) == slug


def test_make_slug_fallbacks() -> None:
    assert make_slug("!!!").startswith("c-")
    assert make_slug("!!!") == make_slug("!!!") != make_slug("???")
    assert len(make_slug("é" * 500).encode()) <= 120


@given(st.text("ab-./_09Z é\\", max_size=14))
def test_make_slug_of_a_plain_name_as_slugify_makes_it(name: str) -> None:
    """The shortcut for URL-like names gives what Markdown's slugify gives."""
    slug = (slugify(name, "-") or slugify(name, "-", unicode=True)).strip("-.")
    assert make_slug(name) == slug or (not slug and make_slug(name).startswith("c-"))
    assert make_slug("blog/posts/2026/05/post-0001/") == "blogposts202605post-0001"


def _post(uri: str, day: int, categories: list[str], title: str = "") -> Post:
    date = dt.datetime(2026, 1, day, tzinfo=UTC)
    return Post(uri, uri, date, {"categories": tuple(categories)}, title=title or uri)


def test_group_by_category_one_pass_and_clashes() -> None:
    posts = [
        _post("a", 1, ["AI", "Architecture", "AI"]),
        _post("b", 2, ["ai"]),
        _post("c", 3, ["Architecture"]),
        _post("d", 4, ["ai"]),
    ]
    found, clashes = group_by_term(posts, CATEGORIES)
    archives = {archive.slug: archive for archive in found}
    assert {slug: [p.src_uri for p in a.posts] for slug, a in archives.items()} == {
        "ai": ["a", "b", "d"],
        "architecture": ["a", "c"],
    }
    place(archives["ai"], PlanOptions("blog", (CATEGORIES,)))
    assert archives["ai"].src_uri == "blog/category/ai.md"
    assert posts[0].categories == ("AI", "Architecture")
    assert posts[1].categories == ("AI",)
    assert [(c.kept, c.merged, c.src_uri) for c in clashes] == [("AI", "ai", "b")]


def test_sort_posts_newest_first_then_title_then_path() -> None:
    posts = [_post("x", 1, [], "B"), _post("y", 2, [], "Z"), _post("z", 1, [], "a")]
    assert [p.src_uri for p in sort_posts(posts)] == ["y", "z", "x"]


def test_relative_url() -> None:
    assert relative_url("blog/", "blog/category/ai/") == "../../../blog/"
    assert relative_url("blog/", "") == "blog/"
    assert relative_url("", "") == "./"
    assert relative_url("blog/x.html", "blog/category/ai/index.html") == "../../../blog/x.html"


def test_summaries() -> None:
    html = (
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>\n'
        '<div class="admonition"><p class="admonition-title">Note</p><p>In box.</p></div>\n'
        "<p>First <em>para</em> &amp; more.</p>\n<p>Second.</p>"
    )
    assert summarize(html, None, 60) == "In box."
    assert summarize("<h1>T</h1><p>One.</p><!-- more --><p>Two</p>", None, 60) == "One."
    assert summarize(html, "  Given   text ", 60) == "Given text"
    assert summarize("<p>a b c d</p>", None, 2) == "a b…"
    assert summarize("<p>a, b, c</p>", None, 2) == "a, b…"
    assert summarize("", None, 60) == ""
    assert summarize("<h1>T</h1><pre><code>x</code></pre>", None, 60) == ""


def test_html_to_text_skips_scripts_and_permalinks() -> None:
    text = html_to_text('<h2>Sub<a class="headerlink">¶</a></h2><script>x()</script><p>a<br>b</p>')
    assert text == "Sub a b"


def test_truncate_words_keeps_short_text() -> None:
    assert truncate_words("one two", 5) == "one two"
    assert truncate_words("one two", 0) == "one two"
    assert truncate_words(" one\n two  three. four", 3) == "one two three…"


FACTS = structured.Facts("https://example.com/", "A & B", {"ann": ("Ann", "https://x/ann/")})


def test_archive_structured_data_names_at_most_item_list_max_posts() -> None:
    posts = [_post(f"p{n}.md", 1 + n % 28, [], title=f"P&amp;{n}") for n in range(150)]
    for post in posts:
        post.url = f"{post.src_uri[:-3]}/"
    archive = Archive(CATEGORIES, "AI", "ai", posts=posts)
    page = ArchivePage(archive, 1, "blog/category/ai.md", "blog/category/ai/")
    archive.pages.append(page)
    html = structured.archive_tags("", page, "AI &lt;x&gt;", posts, FACTS)
    [script] = BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')
    data = json.loads(script.get_text())
    assert data["name"] == "AI <x>" and data["isPartOf"]["name"] == "A & B"
    items = data["mainEntity"]["itemListElement"]
    assert data["mainEntity"]["numberOfItems"] == 150
    assert len(items) == structured.ITEM_LIST_MAX
    assert items[0] == {
        "@type": "ListItem", "position": 1, "url": "https://example.com/p0/", "name": "P&0"
    }  # fmt: skip
    assert "<x>" not in script.get_text() and "&" not in script.get_text()  # JSON escapes


@given(st.text())
def test_json_ld_script_escapes_exactly_what_it_must(text: str) -> None:
    # `_script` skips its replaces when there is nothing to replace: the same script as always
    # replacing, and no `<`, `>` or `&` left in it to end the script or start markup.
    always = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    script = structured._script(text)
    assert script == f'\n<script type="application/ld+json">{always}</script>'
    inside = script.removeprefix('\n<script type="application/ld+json">')
    assert not any(character in inside.removesuffix("</script>") for character in "<>&")


def test_post_structured_data_keeps_a_heads_own_tags() -> None:
    post = _post("a.md", 1, ["AI"], title="Q &amp; A")
    post.url, post.summary = "a/", 'Say "hi" </script>'
    post.terms.update(authors=("ann", "bob"), tags=("x",))
    head = '<meta property="og:title" content="Mine">'
    soup = BeautifulSoup(structured.post_tags(head, post, FACTS), "html.parser")
    data = json.loads(soup.select_one("script").get_text())  # type: ignore[union-attr]
    assert data["headline"] == "Q & A" and data["description"] == 'Say "hi" </script>'
    assert data["author"] == [
        {"@type": "Person", "name": "Ann", "url": "https://x/ann/"},
        {"@type": "Person", "name": "bob"},
    ]
    properties = [(m["property"], m["content"]) for m in soup.select("meta[property]")]
    assert ("og:title", "Q & A") not in properties  # the head has its own
    assert ("og:site_name", "A & B") in properties and ("article:tag", "x") in properties
    assert [v for k, v in properties if k == "article:author"] == ["https://x/ann/", "bob"]


def test_reading_minutes_of_accented_text_without_cjk() -> None:
    """Non-ASCII text with no CJK in it is counted by words (the text is only searched)."""
    assert reading_minutes("<p>" + "Café crème " * 300 + "</p>", 200, 500) == 3
    assert reading_minutes("<p>" + "Café " * 300 + "東京" * 500 + "</p>", 200, 500) == 4


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("plain English", False),
        ("Café déjà vu, ÿ", False),
        ("Łódź, Ελλάδα, Москва, עברית", False),  # 2-byte UTF-8: no search
        ("“quoted” — and…", True),  # 3-byte punctuation: searched, found without CJK
        ("東京", True),
        ("Café 東京", True),
        ("ĀĂ\u1100", True),
        ("\U00020000", True),
    ],
)
def test_text_that_may_hold_cjk(text: str, may: bool) -> None:
    assert (b"c" in _marks(text)) is may
    assert may or _CJK.search(text) is None  # never a miss


@given(st.text())
def test_text_with_cjk_is_never_taken_for_text_without(text: str) -> None:
    if _CJK.search(text) is not None:
        assert b"c" in _marks(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "one",
        " one  two\tthree\nfour ",
        "Café, s\u2019il plaît — déjà",
        "x\x1fy",
        "東京 “Tokyo” 東京",
        "\u2014 starts wide",
    ],
)
def test_count_words_as_str_split_counts_them(text: str) -> None:
    assert count_words(text) == len(text.split())


@given(st.lists(st.sampled_from([*"ab ,東京가ﾟ。é“\n", "\U00020000", "\U0001f600", "<b>", "</b>"])))
def test_reading_time_counts_every_cjk_character(pieces: list[str]) -> None:
    """Runs of CJK are cut out at once; the count is still one for each character."""
    for text in ("".join(pieces), "".join(pieces) * 40):  # one by one, and in runs
        characters = len(_CJK.findall(text))
        assert reading_minutes(f"<p>{text}</p>", 10**9, 1) == max(1, characters)


_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


@given(st.text(st.characters().filter(lambda c: c in _ASCII_SPACES or not c.isspace())))
def test_count_words_of_any_text_as_str_split(text: str) -> None:
    """Words starting with a character of any UTF-8 length, where only ASCII spaces split."""
    assert count_words(text) == len(text.split())


def test_count_words_keeps_words_joined_by_a_no_break_space() -> None:
    assert count_words("10\u00a0km away") == 2


@given(st.text("ab<>/", max_size=12), st.integers(0, 14), st.text("ab<", max_size=3))
def test_a_head_looked_into_in_its_page_as_if_cut_out(page: str, end: int, text: str) -> None:
    assert (text in structured.Head(page, end)) is (text in page[:end])
