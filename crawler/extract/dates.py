"""Publication dates as Indonesian pages print them, to aware datetimes (WIB unless told)."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_NAMED = re.compile(r"(?<!\w)(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)")
_NAMED_US = re.compile(r"(?<!\w)([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)")
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)\s*(?:(am|pm|AM|PM)\b)?")
_ZONE = re.compile(r"\b(WIB|WITA|WIT)\b")


def _offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _parse_iso(text: str, default_tz: timezone) -> datetime | None:
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    tz: timezone = default_tz
    if zone == "Z":
        tz = UTC
    elif zone:
        tz = _offset(zone)
    else:
        named = _ZONE.search(text)
        if named:
            tz = ZONES[named.group(1)]
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=tz
        )
    except ValueError:
        return None


def _find_time(text: str) -> tuple[int, int, int]:
    match = _TIME.search(text)
    if not match:
        return 0, 0, 0
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return 0, 0, 0
    return hour, minute, second


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _date_part(text: str) -> tuple[tuple[int, int, int], str] | None:
    """(year, month, day) and the rest of the text (where a time may sit)."""
    named = _NAMED.search(text)
    if named and named.group(2).lower() in MONTHS:
        ymd = (int(named.group(3)), MONTHS[named.group(2).lower()], int(named.group(1)))
        return ymd, text[: named.start()] + " " + text[named.end() :]
    named_us = _NAMED_US.search(text)
    if named_us and named_us.group(1).lower() in MONTHS:
        ymd = (int(named_us.group(3)), MONTHS[named_us.group(1).lower()], int(named_us.group(2)))
        return ymd, text[: named_us.start()] + " " + text[named_us.end() :]
    numeric = _NUMERIC.search(text)
    if numeric:
        ymd = (_year(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
        return ymd, text[: numeric.start()] + " " + text[numeric.end() :]
    return None


def parse_date(text: str | None, default_tz: timezone = WIB) -> datetime | None:
    """Parse one date as printed on a page; None when nothing sensible is found.

    Handles ISO 8601 (with or without offset), `Jumat 11-10-2024,19:28 WIB`,
    `Kamis, 04 Desember 2025`, `Rabu 14 Juni 2023 | 10:15 WITA`, `(21/6/2024)`. Times without a zone
    are read in `default_tz`; WIB/WITA/WIT in the text win.
    """
    if not text:
        return None
    text = " ".join(str(text).split())[:200]
    if not text:
        return None
    found = _parse_iso(text, default_tz)
    if found is not None:
        return found
    zone_match = _ZONE.search(text)
    tz = ZONES[zone_match.group(1)] if zone_match else default_tz
    part = _date_part(text)
    if part is not None:
        (year, month, day), rest = part
        hour, minute, second = _find_time(rest)
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=tz)
        except ValueError:
            return None
    return _dateparser(text, tz)


def _dateparser(text: str, tz: timezone) -> datetime | None:
    """Last resort for forms the patterns above do not know."""
    if not re.search(r"\d", text):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import dateparser

            parsed = dateparser.parse(
                _ZONE.sub("", text),
                languages=["id", "en"],
                settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
            )
    except Exception:  # dateparser raises assorted errors on hostile text
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed


def plausible(value: datetime | None, now: datetime | None = None) -> bool:
    """Reject dates before 1995 or more than two days in the future."""
    if value is None:
        return False
    now = now or datetime.now(UTC)
    return datetime(1995, 1, 1, tzinfo=UTC) <= value <= now + timedelta(days=2)
