"""Indonesian publication dates to aware datetimes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from crawler.extract.dates import WIB, WITA, parse_date

WIT = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jumat 11-10-2024,19:28 WIB", datetime(2024, 10, 11, 19, 28, tzinfo=WIB)),
        ("Kamis, 04 Desember 2025", datetime(2025, 12, 4, tzinfo=WIB)),
        ("(21/6/2024)", datetime(2024, 6, 21, tzinfo=WIB)),
        ("Kamis (25/5/2023)", datetime(2023, 5, 25, tzinfo=WIB)),
        ("Rabu 14 Juni 2023", datetime(2023, 6, 14, tzinfo=WIB)),
        ("Senin, 3 Maret 2025 - 08:15 WITA", datetime(2025, 3, 3, 8, 15, tzinfo=WITA)),
        ("11 Oktober 2024 pukul 9.05 WIT", datetime(2024, 10, 11, 9, 5, tzinfo=WIT)),
        ("2024-10-11 19:28:00", datetime(2024, 10, 11, 19, 28, tzinfo=WIB)),
        ("2024-06-21T10:00:00+08:00", datetime(2024, 6, 21, 10, tzinfo=WITA)),
        ("2025-12-01T05:13:00.000+07:00", datetime(2025, 12, 1, 5, 13, tzinfo=WIB)),
        ("Fri, 11 Oct 2024 19:28:00 +0700", datetime(2024, 10, 11, 19, 28, tzinfo=WIB)),
        ("Sabtu, 7 Agustus 2021 | 23.59", datetime(2021, 8, 7, 23, 59, tzinfo=WIB)),
    ],
)
def test_parses(text: str, expected: datetime) -> None:
    got = parse_date(text)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


def test_default_zone_is_used_without_a_label() -> None:
    assert parse_date("Selasa, 1 Desember 2026 - 04:52", WITA) == datetime(2026, 12, 1, 4, 52, tzinfo=WITA)


@pytest.mark.parametrize("text", ["", "   ", "kemarin sore", "31-02-2024", "99/99/9999", "\x00\ufffd" * 50, None])
def test_nonsense_gives_none(text: str | None) -> None:
    assert parse_date(text) is None
