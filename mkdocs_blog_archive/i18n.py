"""Built-in translations of the plugin's labels, and counts in the language's plural forms.

`translations/<language>.yml` holds each language's labels; English fills any gap. Plural
forms (one, few, many, other …) come from CLDR through babel, so "21 статья" and "5 статей"
are both right.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path

import babel
import yaml
from babel.numbers import format_decimal

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
COUNT_LABELS = tuple(f"post_count_{form}" for form in PLURAL_FORMS)


def languages() -> list[str]:
    """The languages with built-in labels."""
    return sorted(path.stem for path in TRANSLATIONS_DIR.glob("*.yml"))


def language_of(locale: str) -> str:
    """The built-in language for a locale such as `pt_BR`, `zh-Hant` or `de`; else `en`."""
    code = locale.replace("-", "_").split("_")[0].lower()
    return code if (TRANSLATIONS_DIR / f"{code}.yml").is_file() else "en"


@functools.cache
def _builtin(language: str) -> dict[str, str]:
    with open(TRANSLATIONS_DIR / f"{language}.yml", encoding="utf-8") as file:
        labels: dict[str, str] = yaml.safe_load(file)
    return labels


def builtin_labels(language: str) -> dict[str, str]:
    """A language's labels, English where it has none; its count labels stand alone (an
    English "{count} posts" is no fallback for a language's missing plural form)."""
    labels = {k: v for k, v in _builtin("en").items() if k not in COUNT_LABELS}
    labels.update(_builtin(language))
    return labels


def resolve_labels(locale: str, overrides: Mapping[str, str | None]) -> dict[str, str]:
    """The labels a site shows: the built-in ones of its language, then the site's own.

    A site that sets any `post_count_*` label sets its plural forms itself: forms it leaves
    out fall back to its `post_count_other`, not to the built-in ones.
    """
    labels = builtin_labels(language_of(locale))
    given = {key: value for key, value in overrides.items() if value is not None}
    if any(key in COUNT_LABELS for key in given):
        for key in COUNT_LABELS:
            labels.pop(key, None)
        if "post_count_other" not in given:
            given["post_count_other"] = given.get("post_count_one") or "{count}"
    labels.update(given)
    return labels


def count_formatter(locale: str, labels: Mapping[str, str]) -> Callable[[int], str]:
    """`count(21)` → "21 posts": the label of the number's plural form, with the number
    written as the locale writes it ("1,000" / "1 000")."""
    try:
        parsed = babel.Locale.parse(locale.replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        parsed = babel.Locale("en")
    other = labels["post_count_other"]
    cache: dict[int, str] = {}

    def count(number: int) -> str:
        text = cache.get(number)
        if text is None:
            label = labels.get(f"post_count_{parsed.plural_form(number)}", other)
            text = cache[number] = label.format(count=format_decimal(number, locale=parsed))
        return text

    return count
