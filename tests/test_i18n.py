"""Built-in translations: every language has every label, and counts take its plural forms."""

from __future__ import annotations

import string
from typing import Any

import pytest
from conftest import post

from mkdocs_blog_archive import i18n
from mkdocs_blog_archive.config import Labels

LANGUAGES = ["de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "zh"]

# "N posts" for 0, 1, 2, 5 and 21 in each language, by its CLDR plural rules.
COUNTS = {
    "en": ["0 posts", "1 post", "2 posts", "5 posts", "21 posts"],
    "de": ["0 Artikel", "1 Artikel", "2 Artikel", "5 Artikel", "21 Artikel"],
    "fr": ["0 article", "1 article", "2 articles", "5 articles", "21 articles"],
    "es": ["0 artículos", "1 artículo", "2 artículos", "5 artículos", "21 artículos"],
    "pt": ["0 artigo", "1 artigo", "2 artigos", "5 artigos", "21 artigos"],
    "it": ["0 articoli", "1 articolo", "2 articoli", "5 articoli", "21 articoli"],
    "nl": ["0 artikelen", "1 artikel", "2 artikelen", "5 artikelen", "21 artikelen"],
    "pl": ["0 artykułów", "1 artykuł", "2 artykuły", "5 artykułów", "21 artykułów"],
    "ru": ["0 статей", "1 статья", "2 статьи", "5 статей", "21 статья"],
    "zh": ["0 篇文章", "1 篇文章", "2 篇文章", "5 篇文章", "21 篇文章"],
    "ja": ["0 件の記事", "1 件の記事", "2 件の記事", "5 件の記事", "21 件の記事"],
    "ko": ["글 0개", "글 1개", "글 2개", "글 5개", "글 21개"],
}


def test_the_languages_are_all_there() -> None:
    assert i18n.languages() == LANGUAGES
    assert sorted(COUNTS) == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_is_translated(language: str) -> None:
    raw = i18n._builtin(language)
    options = {key for key, _ in Labels._schema}
    count_labels = set(i18n.COUNT_LABELS)
    assert set(raw) <= options, f"unknown labels in {language}.yml"
    assert options - count_labels <= set(raw), f"missing in {language}.yml"
    assert "post_count_other" in raw
    for key, text in raw.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(_en(key)) if name}, (
            f"{language}.yml {key}: {text!r} must use the placeholders of the English label"
        )


def _en(key: str) -> str:
    return i18n._builtin("en").get(key) or i18n._builtin("en")["post_count_other"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms(language: str) -> None:
    labels = i18n.resolve_labels(language, {})
    count = i18n.count_formatter(language, labels)
    assert [count(n) for n in (0, 1, 2, 5, 21)] == COUNTS[language]


@pytest.mark.parametrize(
    ("locale", "language"),
    [("pt_BR", "pt"), ("pt-BR", "pt"), ("zh_CN", "zh"), ("DE", "de"), ("sv", "en"), ("", "en")],
)
def test_a_locale_picks_its_language(locale: str, language: str) -> None:
    assert i18n.language_of(locale) == language


def test_large_counts_are_written_as_the_locale_writes_them() -> None:
    assert i18n.count_formatter("en", i18n.resolve_labels("en", {}))(1234) == "1,234 posts"
    fr = i18n.count_formatter("fr", i18n.resolve_labels("fr", {}))
    assert fr(1_000_000).endswith("d\u2019articles")


def test_a_site_label_wins_and_its_own_plural_forms_stand_alone() -> None:
    labels = i18n.resolve_labels("ru", {"blog": "Журнал", "post_count_other": "{count} шт."})
    assert labels["blog"] == "Журнал"
    assert labels["back_to_blog"] == "Назад к блогу"
    count = i18n.count_formatter("ru", labels)
    assert [count(n) for n in (1, 2, 5)] == ["1 шт.", "2 шт.", "5 шт."]


def test_an_unknown_locale_falls_back_to_english() -> None:
    labels = i18n.resolve_labels("xx_YY", {})
    assert labels["back_to_blog"] == "Back to Blog"
    assert i18n.count_formatter("xx_YY", labels)(2) == "2 posts"


@pytest.mark.parametrize(
    ("theme", "language", "back", "count"),
    [
        ({"name": "material", "language": "de"}, "de", "Zurück zum Blog", "2 Artikel"),
        ({"name": "mkdocs", "locale": "ru"}, "ru", "Назад к блогу", "2 статьи"),
        ({"name": "readthedocs", "locale": "pl"}, "pl", "Powrót do bloga", "2 artykuły"),
    ],
)
def test_the_theme_language_translates_the_pages(
    make_site: Any, theme: dict[str, str], language: str, back: str, count: str
) -> None:
    docs = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("2026-05-01", "A", ["AI"]),
        "blog/posts/b.md": post("2026-05-02", "B", ["AI"]),
    }
    site = make_site(docs, {"theme": theme})
    category = site.soup("blog/category/ai/index.html")
    assert category.select_one(".blog-archive-back a").get_text(strip=True).endswith(back)
    assert category.select_one(".blog-archive-count").get_text(strip=True) == count
    page = site.soup("blog/posts/a/index.html")
    assert back in page.select_one(".blog-archive-post-links").get_text()
