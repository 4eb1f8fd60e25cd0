"""Reading post dates from front matter or file names, and showing them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from dateutil import parser as dateparser

_FILE_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_HAS_YEAR = re.compile(r"\d{4}")


class DateError(ValueError):
    """A date value that cannot be read; the message says why."""


def parse_date(value: Any, tz: dt.tzinfo) -> dt.datetime:
    """Turn a front-matter date into an aware datetime.

    YAML already gives `date`/`datetime` objects for ISO values; strings in other forms are
    read with python-dateutil. Values without a time zone get `tz`; a bare date is midnight.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__} {value!r}")
    text = value.strip()
    if not text:
        raise DateError("the date is empty")
    try:
        parsed = dateparser.isoparse(text)
    except (ValueError, OverflowError):
        # A lenient parse fills missing parts from a default, so insist on a year at least.
        if not _HAS_YEAR.search(text):
            raise DateError(f"cannot read {value!r} as a date") from None
        try:
            parsed = dateparser.parse(text, default=dt.datetime(2000, 1, 1))
        except (ValueError, OverflowError) as error:
            raise DateError(f"cannot read {value!r} as a date ({error})") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def date_from_file_name(name: str, tz: dt.tzinfo) -> dt.datetime | None:
    """The date of a `YYYY-MM-DD-slug.md` file name, or None when the name has no such prefix."""
    match = _FILE_NAME_DATE.match(name)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.datetime(year, month, day, tzinfo=tz)
    except ValueError as error:
        raise DateError(f"file name date {match.group(0)[:-1]!r} is not a date ({error})") from None


BABEL_STYLES = ("full", "long", "medium", "short")


def date_formatter(pattern: str, locale: str) -> Callable[[dt.datetime], str]:
    """A function showing dates with a strftime pattern (contains `%`) or a babel pattern/style.

    Each day is formatted once (babel's `format_date` shows only the day); a strftime pattern
    may show the time too, so there each datetime is formatted once.
    """
    if "%" in pattern:
        shown: dict[dt.datetime, str] = {}

        def strftime(date: dt.datetime) -> str:
            text = shown.get(date)
            if text is None:
                text = shown[date] = date.strftime(pattern)
            return text

        return strftime
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import get_date_format, parse_pattern

    try:
        babel_locale = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        babel_locale = Locale.parse("en")
    # What babel's `format_date` does per call, done once: the locale and pattern looked up.
    if pattern in BABEL_STYLES:
        compiled = get_date_format(pattern, babel_locale)  # type: ignore[arg-type]
    else:
        compiled = parse_pattern(pattern)

    days: dict[dt.date, str] = {}

    def babel_date(date: dt.datetime) -> str:
        day = date.date()
        text = days.get(day)
        if text is None:
            text = days[day] = str(compiled.apply(day, babel_locale))
        return text

    return babel_date


def month_formatter(locale: str) -> Callable[[int, int], str]:
    """A function naming a month of a year in the site's language ("May 2026", "Mai 2026")."""
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import format_skeleton

    try:
        babel_locale = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        babel_locale = Locale.parse("en")
    return lambda year, month: str(
        format_skeleton("yMMMM", dt.date(year, month, 1), locale=babel_locale)
    )
