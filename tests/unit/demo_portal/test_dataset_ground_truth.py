"""The dataset's ground truth (planted people, integration footprints) matches its records."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from demo_dataset_checks import phone_e164, phones_in_text, strings_in, tables

from privacy_desktop.demo_portal.dataset import Dataset, PlantedPerson
from privacy_desktop.demo_portal.names import APOSTROPHES


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _row(dataset: Dataset, entity: str, key: int) -> dict[str, Any]:
    return dict(tables(dataset))[entity][key]


def _identifiers(row: dict[str, Any]) -> tuple[set[str], set[str], set[str]]:
    """(phones E.164, e-mails, every string) a row carries."""
    texts = set(strings_in(row))
    phones = set()
    for text in texts:
        phones |= phones_in_text(text)
    emails = {t.lower() for t in texts if re.fullmatch(r"[^@\s]+@[^@\s]+", t)}
    return phones, emails, texts


def _shows(person: PlantedPerson, row: dict[str, Any]) -> bool:
    phones, emails, texts = _identifiers(row)
    return bool(
        phones & set(person.phones_e164)
        or emails & set(person.emails)
        or (person.rnokpp is not None and person.rnokpp in texts)
    )


def test_there_are_enough_planted_people(dataset: Dataset, default_dataset: Dataset) -> None:
    assert len(default_dataset.planted_people) >= 5
    assert 5 <= len(dataset.planted_people) <= 20
    keys = [p.key for p in dataset.planted_people]
    assert len(keys) == len(set(keys))


def test_each_planted_record_really_shows_the_person(dataset: Dataset) -> None:
    for person in dataset.planted_people:
        assert len({e for e, _ in person.records if e != "activity"}) >= 1
        assert len([r for r in person.records if r[0] != "activity"]) >= 2
        spellings = set()
        for entity, key in person.records:
            row = _row(dataset, entity, key)
            assert _shows(person, row), (person.key, entity, key)
            if entity == "requisite":
                spellings.add(f"{row['RQ_FIRST_NAME']} {row['RQ_LAST_NAME']}")
                assert row["RQ_INN"] == person.rnokpp
            elif entity != "activity":
                spellings.add(f"{row['NAME']} {row['LAST_NAME']}")
            else:
                settings = row["COMMUNICATIONS"][0]["ENTITY_SETTINGS"]
                assert f"{settings['NAME']} {settings['LAST_NAME']}" in person.names
        assert spellings == set(person.names), person.key
        for phone in person.phones_e164:
            assert phone_e164(phone) == phone


def test_no_other_record_matches_a_planted_person(dataset: Dataset) -> None:
    """Stricter than _shows: any string whose digits contain a planted phone's last nine
    digits or RNOKPP, or whose text contains a planted e-mail, counts as a match."""
    planted = {r for p in dataset.planted_people for r in p.records}
    digit_marks = {p[-9:] for person in dataset.planted_people for p in person.phones_e164}
    digit_marks |= {p.rnokpp for p in dataset.planted_people if p.rnokpp}
    emails = {e for person in dataset.planted_people for e in person.emails}
    scanned = 0
    for entity, rows in tables(dataset):
        for key, row in rows.items():
            if (entity, key) in planted:
                continue
            for text in strings_in(row):
                digits = re.sub(r"\D", "", text)
                if len(digits) >= 9:
                    scanned += 1
                    assert not any(m in digits for m in digit_marks), (entity, key, text)
                if "@" in text:
                    assert text.lower() not in emails, (entity, key, text)
    assert scanned > 10_000


def test_planted_variants_cover_every_way_people_get_scattered(dataset: Dataset) -> None:
    people = dataset.planted_people
    latin = [p for p in people if any(re.fullmatch(r"[A-Za-z ]+", n) for n in p.names)]
    assert latin
    for person in latin:
        assert any(re.search("[А-ЯІЇЄҐа-яіїєґ]", n) for n in person.names)
    apostrophe_forms = {a for p in people for n in p.names for a in APOSTROPHES if a in n}
    assert apostrophe_forms == set(APOSTROPHES)
    typos = 0
    for person in people:
        surnames = [n.split(" ", 1)[1] for n in person.names if re.search("[а-яі]", n)]
        typos += any(_levenshtein(a, b) == 1 for a in surnames for b in surnames)
    assert typos >= 1
    assert any(("user", key) for p in people for (e, key) in p.records if e == "user")
    assert any(e == "requisite" for p in people for e, _ in p.records)
    assert any(p.rnokpp is not None for p in people)
    shared_email = False
    for person in people:
        holders = Counter()
        for entity, key in person.records:
            row = _row(dataset, entity, key)
            if entity in ("contact", "lead"):
                for email in {e["VALUE"] for e in row.get("EMAIL", [])}:
                    holders[(email, entity)] += 1
        emails = {email for email, _ in holders}
        shared_email |= any((e, "contact") in holders and (e, "lead") in holders for e in emails)
    assert shared_email


def test_planted_phone_is_typed_differently_across_records(dataset: Dataset) -> None:
    differing = 0
    for person in dataset.planted_people:
        typed = set()
        for entity, key in person.records:
            if entity in ("contact", "lead"):
                row = _row(dataset, entity, key)
                typed |= {
                    e["VALUE"]
                    for e in row.get("PHONE", [])
                    if phone_e164(e["VALUE"]) == person.phones_e164[0]
                }
        differing += len(typed) >= 2
    assert differing >= 3


@pytest.mark.parametrize("fixture", ["dataset", "default_dataset"])
def test_integration_footprints_equal_a_recount(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    dataset: Dataset = request.getfixturevalue(fixture)
    recount: dict[str, Counter[str]] = {}
    for entity, rows in tables(dataset):
        for row in rows.values():
            originator = row.get("ORIGINATOR_ID")
            if originator is not None:
                recount.setdefault(originator, Counter())[entity] += 1
    truth = {f.originator_id: f for f in dataset.integrations}
    assert set(truth) == set(recount) == {"ringostat", "wp-forms", "1c-sync"}
    for originator, counts in recount.items():
        assert truth[originator].records == dict(counts), originator


def test_technical_users_created_exactly_their_integrations_records(dataset: Dataset) -> None:
    technical = {f.created_by_user_id: f for f in dataset.integrations if f.created_by_user_id}
    assert len(technical) == 2
    for user_id, footprint in technical.items():
        assert dataset.users[user_id]["WORK_POSITION"].startswith("Технічний")
        for entity, rows in tables(dataset):
            for row in rows.values():
                author = row.get("CREATED_BY_ID", row.get("AUTHOR_ID"))
                mine = row.get("ORIGINATOR_ID") == footprint.originator_id
                assert (author == str(user_id)) == mine, (entity, row["ID"])
                if entity != "activity" and "MODIFY_BY_ID" in row and not mine:
                    assert row["MODIFY_BY_ID"] != str(user_id)


def test_integration_markers_look_like_their_sources(dataset: Dataset) -> None:
    truth = {f.originator_id: f for f in dataset.integrations}
    assert truth["wp-forms"].created_by_user_id is None
    assert truth["ringostat"].activity_provider_id == "RINGOSTAT_CALL"
    assert truth["ringostat"].records.keys() >= {"lead", "activity"}
    assert truth["1c-sync"].records.keys() >= {"company", "contact"}
    for row in dataset.activities.values():
        ringostat = row["ORIGINATOR_ID"] == "ringostat"
        assert (row["PROVIDER_ID"] == "RINGOSTAT_CALL") == ringostat
        if ringostat:
            assert row["TYPE_ID"] == "2"
            assert row["ORIGIN_ID"].startswith("rs-")
    guid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    for table in ("companies", "contacts"):
        for row in getattr(dataset, table).values():
            if row["ORIGINATOR_ID"] == "1c-sync":
                assert guid.fullmatch(row["ORIGIN_ID"])
            else:
                assert row["ORIGIN_ID"] is None
    for row in dataset.leads.values():
        if row["ORIGINATOR_ID"] == "wp-forms":
            assert row["SOURCE_ID"] == "WEB"
            assert row["CREATED_BY_ID"] == "1"
