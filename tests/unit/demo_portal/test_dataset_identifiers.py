"""Every identifier in the dataset is right to the check digit and consistent with its owner."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

from demo_dataset_checks import (
    CARD_IN_TEXT,
    edrpou_valid,
    iban_valid,
    luhn_valid,
    phone_e164,
    rnokpp_birthday,
    rnokpp_is_male,
    rnokpp_valid,
    strings_in,
    tables,
)

from privacy_desktop.demo_portal.dataset import Dataset
from privacy_desktop.demo_portal.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, transliterate

NOW = date(2026, 11, 1)
_MALE = {transliterate(n) for n in MALE_FIRST_NAMES} | {
    n.replace("'", a) for n in MALE_FIRST_NAMES for a in "'ʼ’"
}
_FEMALE = {transliterate(n) for n in FEMALE_FIRST_NAMES} | {
    n.replace("'", a) for n in FEMALE_FIRST_NAMES for a in "'ʼ’"
}


def _age(birthday: date) -> int:
    return NOW.year - birthday.year - ((NOW.month, NOW.day) < (birthday.month, birthday.day))


def test_the_validators_accept_known_good_and_reject_altered_codes() -> None:
    assert edrpou_valid("14360506")
    assert edrpou_valid("00032129")
    assert not edrpou_valid("14360507")
    assert iban_valid("UA213223130000026007233566001")
    assert not iban_valid("UA213223130000026007233566002")
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    # 318471069: -3 + 5 + 56 + 36 + 28 + 6 + 0 + 30 + 63 = 221; 221 mod 11 = 1 → check digit 1.
    assert rnokpp_valid("3184710691")
    assert not rnokpp_valid("3184710692")
    assert rnokpp_birthday("3184710691") == date(1987, 3, 12)
    assert rnokpp_is_male("3184710691")


def test_every_rnokpp_is_valid_and_matches_birthday_and_gender(dataset: Dataset) -> None:
    checked_birthday = checked_gender = 0
    for table in ("contacts", "leads"):
        for row in getattr(dataset, table).values():
            code = row["UF_CRM_TAX_NUMBER"]
            if code is None:
                continue
            assert rnokpp_valid(code), code
            if row["BIRTHDATE"]:
                assert rnokpp_birthday(code) == date.fromisoformat(row["BIRTHDATE"][:10])
                checked_birthday += 1
            first = row["NAME"]
            if first in _MALE or first in _FEMALE:
                assert rnokpp_is_male(code) == (first in _MALE), (first, code)
                checked_gender += 1
            if row["HONORIFIC"]:
                assert rnokpp_is_male(code) == (row["HONORIFIC"] == "HNR_UA_1")
    assert checked_birthday > 50
    assert checked_gender > 200
    ages = [
        _age(rnokpp_birthday(r["RQ_INN"]))
        for r in dataset.requisites.values()
        if r["RQ_INN"] is not None
    ]
    assert ages
    assert all(18 <= a <= 80 for a in ages)
    for row in dataset.requisites.values():
        if row["RQ_INN"] is not None:
            assert rnokpp_valid(row["RQ_INN"])
            assert rnokpp_is_male(row["RQ_INN"]) == (row["RQ_FIRST_NAME"] in _MALE)


def test_contact_birthdays_are_of_adults(dataset: Dataset) -> None:
    ages = [
        _age(datetime.fromisoformat(r["BIRTHDATE"]).date())
        for r in dataset.contacts.values()
        if r["BIRTHDATE"]
    ]
    assert len(ages) > 100
    assert min(ages) >= 18
    assert max(ages) <= 80
    assert max(ages) - min(ages) > 40


def test_company_requisites_have_valid_edrpou_and_person_requisites_rnokpp(
    dataset: Dataset,
) -> None:
    companies = persons = 0
    for row in dataset.requisites.values():
        if row["ENTITY_TYPE_ID"] == "4":
            assert edrpou_valid(row["RQ_EDRPOU"]), row["RQ_EDRPOU"]
            assert row["RQ_COMPANY_NAME"] == dataset.companies[int(row["ENTITY_ID"])]["TITLE"]
            assert len(row["RQ_DIRECTOR"].split()) == 3
            companies += 1
        else:
            assert row["PRESET_ID"] == "3"
            assert row["RQ_FIRST_NAME"]
            assert row["RQ_LAST_NAME"]
            if row["RQ_IDENT_DOC_SER"]:
                assert re.fullmatch("[А-ЯІЇЄҐ]{2}", row["RQ_IDENT_DOC_SER"])
                assert re.fullmatch(r"\d{6}", row["RQ_IDENT_DOC_NUM"])
                assert row["RQ_IDENT_DOC"] == "Паспорт"
                assert row["RQ_IDENT_DOC_ISSUED_BY"]
            else:
                assert re.fullmatch(r"\d{9}", row["RQ_IDENT_DOC_NUM"])
                assert row["RQ_IDENT_DOC"] == "ID-картка"
                assert re.fullmatch(r"\d{4}", row["RQ_IDENT_DOC_DEP_CODE"])
            date.fromisoformat(row["RQ_IDENT_DOC_DATE"])
            persons += 1
    assert companies > 50
    assert persons > 300
    assert len({r["RQ_EDRPOU"] for r in dataset.requisites.values() if r["RQ_EDRPOU"]}) == (
        companies
    )


def test_every_iban_is_valid_at_its_banks_mfo(dataset: Dataset) -> None:
    banks = Counter()
    for row in dataset.bank_details.values():
        iban = row["RQ_IBAN"]
        assert iban_valid(iban), iban
        assert iban[4:10] == row["RQ_MFO"]
        assert row["RQ_ACC_CURRENCY"] == "UAH"
        banks[row["RQ_BANK_NAME"]] += 1
    assert banks["АТ КБ «ПриватБанк»"] > 0
    assert len(banks) >= 8
    with_bank = {int(r["ENTITY_ID"]) for r in dataset.bank_details.values()}
    assert len(with_bank) / len(dataset.requisites) > 0.6  # most requisites


def test_passports_in_custom_fields_have_both_forms(dataset: Dataset) -> None:
    forms = Counter()
    for table in ("contacts", "leads"):
        for row in getattr(dataset, table).values():
            passport = row["UF_CRM_PASSPORT"]
            if passport is None:
                continue
            if re.fullmatch("[А-ЯІЇЄҐ]{2}\\d{6}", passport):
                forms["booklet"] += 1
            else:
                assert re.fullmatch(r"\d{9}", passport), passport
                forms["id-card"] += 1
    assert forms["booklet"] > 20
    assert forms["id-card"] > 20


def test_card_numbers_in_free_text_are_luhn_valid(dataset: Dataset) -> None:
    cards = []
    for table in ("contacts", "leads", "deals"):
        for row in getattr(dataset, table).values():
            for key in ("COMMENTS", "UF_CRM_NOTES"):
                text = row.get(key)
                if text:
                    cards += [m.replace(" ", "") for m in CARD_IN_TEXT.findall(text)]
    assert len(cards) >= 5
    assert all(luhn_valid(card) for card in cards)


def test_every_phone_is_a_valid_ukrainian_or_foreign_number(dataset: Dataset) -> None:
    countries = Counter()
    typed = []
    for table in ("contacts", "leads", "companies"):
        for row in getattr(dataset, table).values():
            typed += [e["VALUE"] for e in row.get("PHONE", [])]
            typed += [e["VALUE"] for e in row.get("IM", []) if e["VALUE_TYPE"] == "VIBER"]
    for row in dataset.users.values():
        typed += [row[k] for k in ("PERSONAL_MOBILE", "WORK_PHONE") if row[k]]
    for row in dataset.activities.values():
        typed += [c["VALUE"] for c in row["COMMUNICATIONS"] if c["TYPE"] == "PHONE"]
    for value in typed:
        countries[phone_e164(value)[:3]] += 1
    assert countries["+38"] > 1000
    assert countries["+48"] + countries["+49"] > 5
    assert set(countries) <= {"+38", "+48", "+49"}


def test_phones_are_typed_in_all_the_usual_forms(dataset: Dataset) -> None:
    forms = {
        "+380 67 123 45 67": r"\+380 \d\d \d{3} \d\d \d\d",
        "+380671234567": r"\+380\d{9}",
        "0671234567": r"0\d{9}",
        "067-123-45-67": r"0\d\d-\d{3}-\d\d-\d\d",
        "(067) 123-45-67": r"\(0\d\d\) \d{3}-\d\d-\d\d",
        "+38 (067) 123 45 67": r"\+38 \(0\d\d\) \d{3} \d\d \d\d",
        "380671234567": r"380\d{9}",
        "8 067 123 4567": r"8 0\d\d \d{3} \d{4}",
    }
    values = [e["VALUE"] for r in dataset.contacts.values() for e in r.get("PHONE", [])]
    for example, pattern in forms.items():
        assert re.fullmatch(pattern, example)
        assert any(re.fullmatch(pattern, v) for v in values), example
    operators = Counter(phone_e164(v)[4:6] for v in values if phone_e164(v).startswith("+380"))
    for code in ("50", "66", "95", "99", "67", "68", "96", "97", "98", "63", "73", "93", "44"):
        assert operators[code] > 0, code


def test_phones_emails_and_documents_never_repeat_across_people(dataset: Dataset) -> None:
    owners: dict[str, set[tuple[str, int]]] = {}
    for entity, rows in tables(dataset):
        if entity in ("activity", "bank_detail", "requisite", "deal"):
            continue
        for key, row in rows.items():
            if entity == "user":
                typed = [row[k] for k in ("PERSONAL_MOBILE", "WORK_PHONE") if row[k]]
                for value in [*map(phone_e164, typed), row["EMAIL"].lower()]:
                    owners.setdefault(value, set()).add((entity, key))
                continue
            for kind in ("PHONE", "EMAIL"):
                for entry in row.get(kind, []):
                    value = entry["VALUE"]
                    norm = phone_e164(value) if kind == "PHONE" else value.lower()
                    owners.setdefault(norm, set()).add((entity, key))
    planted_records = {r for p in dataset.planted_people for r in p.records}
    for value, holders in owners.items():
        if len(holders) > 1:
            assert holders <= planted_records, (value, holders)  # only planted people repeat
    ibans = [r["RQ_IBAN"] for r in dataset.bank_details.values()]
    assert len(ibans) == len(set(ibans))


def test_emails_are_transliterated_names_at_real_domains(dataset: Dataset) -> None:
    domains = Counter()
    for row in dataset.contacts.values():
        for entry in row.get("EMAIL", []):
            local, domain = entry["VALUE"].split("@")
            assert re.fullmatch(r"[a-z0-9._]+", local), entry["VALUE"]
            domains[domain] += 1
    for domain in ("gmail.com", "ukr.net", "i.ua", "meta.ua", "outlook.com"):
        assert domains[domain] > 0, domain
    company_mail = [
        e["VALUE"] for r in dataset.companies.values() for e in r["EMAIL"]
    ]  # info@… at the company's own domain
    assert all(re.fullmatch(r"[a-z0-9]+@[a-z0-9.-]+\.[a-z]+", m) for m in company_mail)


def test_free_text_sometimes_carries_a_phone(dataset: Dataset) -> None:
    notes = [r["UF_CRM_NOTES"] for r in dataset.contacts.values() if r["UF_CRM_NOTES"]]
    with_phone = [n for n in notes if "передзвонити" in n]
    assert with_phone
    for note in with_phone:
        typed = note.rsplit(" на ", 1)[1]
        assert phone_e164(typed).startswith("+380")
    assert any(s for s in strings_in(notes) if "знижка" in s)
