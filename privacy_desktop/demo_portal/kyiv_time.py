"""Kyiv wall-clock time for generated records, without relying on the OS time-zone database.

Ukraine follows the EU summer-time rule: UTC+3 from the last Sunday of March 01:00 UTC to the
last Sunday of October 01:00 UTC, UTC+2 otherwise. Implemented here (instead of zoneinfo)
because Windows builds may lack tzdata, and caching day strings keeps 100 000 records fast.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

#: The generated portal's "now": data spreads over the three years before it. Fixed, so the
#: same seed gives the same dataset whenever it is generated.
DATA_NOW = int(datetime(2026, 11, 1, 10, 0, tzinfo=UTC).timestamp())
THREE_YEARS = 3 * 365 * 86_400

_EPOCH_DATE = date(1970, 1, 1)
_summer_bounds: dict[int, tuple[int, int]] = {}


def _last_sunday_0100_utc(year: int, month: int) -> int:
    last_day = date(year, month, 31)  # March and October both have 31 days
    sunday = last_day - timedelta(days=(last_day.weekday() + 1) % 7)
    return (sunday - _EPOCH_DATE).days * 86_400 + 3_600


def _summer(year: int) -> tuple[int, int]:
    bounds = _summer_bounds.get(year)
    if bounds is None:
        bounds = (_last_sunday_0100_utc(year, 3), _last_sunday_0100_utc(year, 10))
        _summer_bounds[year] = bounds
    return bounds


def kyiv_offset_hours(utc_ts: int) -> int:
    """Kyiv's UTC offset in hours (2 or 3) at a UNIX time (today's rule for every year)."""
    # The approximate year may be off by one only around New Year, which is winter anyway.
    start, end = _summer(1970 + utc_ts // 31_556_952)
    return 3 if start <= utc_ts < end else 2


_hour_parts: dict[int, tuple[str, str]] = {}


def _hour_part(hour_number: int) -> tuple[str, str]:
    """("YYYY-MM-DDTHH:", "+0X:00") of a UTC hour (offsets change only at whole hours)."""
    parts = _hour_parts.get(hour_number)
    if parts is None:
        utc_ts = hour_number * 3_600
        offset = kyiv_offset_hours(utc_ts)
        day, second = divmod(utc_ts + offset * 3_600, 86_400)
        day_text = (_EPOCH_DATE + timedelta(days=day)).isoformat()
        parts = (f"{day_text}T{second // 3_600:02d}:", f"+0{offset}:00")
        _hour_parts[hour_number] = parts
    return parts


def kyiv_iso(utc_ts: int) -> str:
    """ISO 8601 with the Kyiv offset, as a portal in Kyiv answers: 2024-03-05T14:02:11+02:00."""
    hour, rest = divmod(utc_ts, 3_600)
    parts = _hour_parts.get(hour) or _hour_part(hour)
    minute, second = divmod(rest, 60)
    return f"{parts[0]}{minute:02d}:{second:02d}{parts[1]}"


_midnights: dict[date, str] = {}


def kyiv_midnight_iso(day: date) -> str:
    """A date as the portal serialises a date-typed CRM field: local midnight with offset."""
    text = _midnights.get(day)
    if text is None:
        noon_utc = (day - _EPOCH_DATE).days * 86_400 + 10 * 3_600
        text = f"{day.isoformat()}T00:00:00+0{kyiv_offset_hours(noon_utc)}:00"
        _midnights[day] = text
    return text


def kyiv_wall_clock_to_utc(wall_clock: datetime) -> int:
    """The UNIX time of a naive Kyiv wall-clock time (how a portal reads dates without offset).

    In the hour that repeats when summer time ends, the later (winter) reading is taken.
    """
    as_utc = int(wall_clock.replace(tzinfo=UTC).timestamp())
    return as_utc - 3_600 * kyiv_offset_hours(as_utc - 7_200)
