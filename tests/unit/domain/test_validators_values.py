"""E-mail, web, IP addresses, dates, gender and plain text."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desktop.domain.validators import (
    normalise_date,
    normalise_datetime,
    normalise_email,
    normalise_gender,
    normalise_ip,
    normalise_text,
    normalise_url,
)


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("Ivan.Petrenko@Ukr.Net", "ivan.petrenko@ukr.net"),
        ("  o.kovalenko@pryklad-plus.com.ua ", "o.kovalenko@pryklad-plus.com.ua"),
        ("mailto:buh@firma.ua", "buh@firma.ua"),
        ("mar'iana_shevchenko7@gmail.com", "mar'iana_shevchenko7@gmail.com"),
        ("info+crm@sub.domain.org", "info+crm@sub.domain.org"),
        ("пошта@приклад.укр", "пошта@приклад.укр"),
    ],
)
def test_valid_emails(typed: str, normal: str) -> None:
    assert normalise_email(typed) == normal


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "ivan",
        "ivan@",
        "@ukr.net",
        "ivan@ukr",
        "ivan..petrenko@ukr.net",
        ".ivan@ukr.net",
        "ivan@ukr..net",
        "ivan petrenko@ukr.net",
        "ivan@ukr.net, petro@ukr.net",
        "ivan@-ukr.net",
        "a" * 250 + "@ukr.net",
    ],
)
def test_invalid_emails(typed: str) -> None:
    assert normalise_email(typed) is None


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("https://facebook.com/petrenko.123/", "https://facebook.com/petrenko.123"),
        ("HTTP://Petrenko42.com.ua", "http://petrenko42.com.ua"),
        ("www.linkedin.com/in/ivan", "www.linkedin.com/in/ivan"),
        ("petrenko.com.ua", "petrenko.com.ua"),
    ],
)
def test_urls(typed: str, normal: str) -> None:
    assert normalise_url(typed) == normal


@pytest.mark.parametrize("typed", ["", "petrenko", "12.03.1985", "http://", "a b.com"])
def test_not_urls(typed: str) -> None:
    assert normalise_url(typed) is None


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("91.200.12.7", "91.200.12.7"),
        (" 178.0.0.1 ", "178.0.0.1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::1", "::1"),
    ],
)
def test_ip_addresses(typed: str, normal: str) -> None:
    assert normalise_ip(typed) == normal


@pytest.mark.parametrize("typed", ["", "256.1.1.1", "1.2.3", "1.2.3.4.5", "localhost", "gggg::1"])
def test_not_ip_addresses(typed: str) -> None:
    assert normalise_ip(typed) is None


@pytest.mark.parametrize(
    ("typed", "day", "moment"),
    [
        ("2001-11-11T00:00:00+02:00", "2001-11-11", "2001-11-11T00:00:00+02:00"),
        ("2024-07-23 08:08:50", "2024-07-23", "2024-07-23T08:08:50"),
        ("24.08.2023 13:19:39", "2023-08-24", "2023-08-24T13:19:39"),
        ("1.2.1990", "1990-02-01", "1990-02-01"),
        ("1990-02-01", "1990-02-01", "1990-02-01"),
        ("2024-07-23T08:08:50Z", "2024-07-23", "2024-07-23T08:08:50+00:00"),
        ("2024-07-23T08:08:50+0300", "2024-07-23", "2024-07-23T08:08:50+03:00"),
        ("2024-07-23T08:08", "2024-07-23", "2024-07-23T08:08:00"),
    ],
)
def test_dates(typed: str, day: str, moment: str) -> None:
    assert normalise_date(typed) == day
    assert normalise_datetime(typed) == moment


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "0000-00-00",
        "2001-02-30",
        "2001-02-30T00:00:00+02:00",
        "31.04.2020",
        "2020-13-01",
        "2024-07-23T25:00:00",
        "2024-07-23T23:61:00+02:00",
        "вчора",
        "12/03/1985",
    ],
)
def test_invalid_dates(typed: str) -> None:
    assert normalise_date(typed) is None
    assert normalise_datetime(typed) is None


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.times())
def test_every_iso_date_time_round_trips(day: date, clock: time) -> None:
    typed = f"{day}T{clock:%H:%M:%S}+02:00"
    assert normalise_date(typed) == str(day)
    assert normalise_datetime(typed) == typed


@pytest.mark.parametrize(
    ("typed", "normal"),
    [("M", "M"), ("F", "F"), ("f", "F"), ("Female", "F"), ("чоловіча", "M"), ("Ж", "F")],
)
def test_genders(typed: str, normal: str) -> None:
    assert normalise_gender(typed) == normal


@pytest.mark.parametrize("typed", ["", "N", "X", "unknown", "-"])
def test_not_genders(typed: str) -> None:
    assert normalise_gender(typed) is None


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("  Мар’яна   ", "мар'яна"),
        ("Марʼяна", "мар'яна"),
        ("Мар'яна", "мар'яна"),
        ("вул. Шевченка,\n12", "вул. шевченка, 12"),
        ("Kovalenko", "kovalenko"),
    ],
)
def test_text(typed: str, normal: str) -> None:
    assert normalise_text(typed) == normal


@pytest.mark.parametrize("typed", ["", "   ", "---", "'", "—"])
def test_text_without_letters_is_none(typed: str) -> None:
    assert normalise_text(typed) is None
