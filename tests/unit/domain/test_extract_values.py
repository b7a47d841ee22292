"""Reading the personal data of one record: normalised, invalid values skipped."""

from __future__ import annotations

from typing import Any

from classify_helpers import luhn_complete

from privacy_desktop.domain.classify import RecordClassifier, classify_fields, extract_values
from privacy_desktop.domain.personal_data import (
    Category,
    ClassificationSource,
    Entity,
    FieldClassification,
    FieldDescriptor,
    FoundValue,
    PiiKind,
)

CARD = luhn_complete("414962123456789")
CONTACT_FIELDS = classify_fields(Entity.CONTACT, [], {})


def _found(record: dict[str, Any], fields: list[FieldClassification]) -> set[tuple[str, str, str]]:
    return {(v.field, v.kind.value, v.value) for v in extract_values(record, fields)}


def test_a_contact() -> None:
    record = {
        "ID": "17",
        "NAME": "Мар’яна",
        "SECOND_NAME": None,
        "LAST_NAME": "Шевченко",
        "BIRTHDATE": "1990-02-01T00:00:00+02:00",
        "POST": "Бухгалтер",
        "ADDRESS": "вул. Шевченка, 12",
        "ADDRESS_COUNTRY": "Україна",
        "PHONE": [
            {"ID": "1", "VALUE_TYPE": "MOBILE", "VALUE": "(067) 123-45-67", "TYPE_ID": "PHONE"},
            {"ID": "2", "VALUE_TYPE": "WORK", "VALUE": "+380 12 345 67 89", "TYPE_ID": "PHONE"},
            {"ID": "3", "VALUE_TYPE": "WORK", "VALUE": "044 234 56 78 (бухгалтерія)"},
        ],
        "EMAIL": [{"ID": "4", "VALUE_TYPE": "HOME", "VALUE": "Maryana@Ukr.Net"}],
        "IM": [{"ID": "5", "VALUE_TYPE": "VIBER", "VALUE": "+380671234567"}],
        "WEB": [{"ID": "6", "VALUE_TYPE": "OTHER", "VALUE": "https://facebook.com/shevchenko.7/"}],
        "PHOTO": {"id": 42, "showUrl": "/upload/photo.jpg"},
        "COMMENTS": f"Картка для повернення: {CARD}",
        "HAS_PHONE": "Y",
        "OPENED": True,
    }
    assert _found(record, CONTACT_FIELDS) == {
        ("NAME", "person_name", "мар'яна"),
        ("LAST_NAME", "person_name", "шевченко"),
        ("BIRTHDATE", "birthday", "1990-02-01"),
        ("POST", "job_title", "бухгалтер"),
        ("ADDRESS", "postal_address", "вул. шевченка, 12"),
        ("ADDRESS_COUNTRY", "postal_address", "україна"),
        ("PHONE", "phone", "+380671234567"),
        ("PHONE", "phone", "+380442345678"),  # found amid the words
        ("EMAIL", "email", "maryana@ukr.net"),
        ("IM", "messenger", "+380671234567"),
        ("WEB", "website", "https://facebook.com/shevchenko.7"),
        ("PHOTO", "photo", "/upload/photo.jpg"),
        ("COMMENTS", "bank_card", CARD),
    }


def test_display_is_the_value_as_the_portal_holds_it() -> None:
    record = {"PHONE": [{"VALUE": "(067) 123-45-67"}], "NAME": "  Олег "}
    assert extract_values(record, CONTACT_FIELDS) == [
        FoundValue("NAME", PiiKind.PERSON_NAME, "олег", "  Олег "),
        FoundValue("PHONE", PiiKind.PHONE, "+380671234567", "(067) 123-45-67"),
    ]


def test_invalid_and_empty_values_are_skipped() -> None:
    fields = classify_fields(Entity.REQUISITE, [], {})
    record = {
        "RQ_INN": "3184710692",  # wrong check digit
        "RQ_EDRPOU": "14360507",
        "RQ_EMAIL": "not an address",
        "RQ_PHONE": "",
        "RQ_FIRST_NAME": "—",
        "RQ_LAST_NAME": None,
        "RQ_DIRECTOR": False,
    }
    assert extract_values(record, fields) == []
    assert extract_values({}, fields) == []


def test_a_passport_is_its_series_and_number() -> None:
    fields = classify_fields(Entity.REQUISITE, [], {})
    booklet = {"RQ_IDENT_DOC_SER": "МК", "RQ_IDENT_DOC_NUM": "123456"}
    id_card = {"RQ_IDENT_DOC_SER": None, "RQ_IDENT_DOC_NUM": "003456789"}
    assert extract_values(booklet, fields) == [
        FoundValue("RQ_IDENT_DOC_NUM", PiiKind.PASSPORT, "МК123456", "МК 123456")
    ]
    assert _found(id_card, fields) == {("RQ_IDENT_DOC_NUM", "passport", "003456789")}
    assert extract_values({"RQ_IDENT_DOC_SER": "МК"}, fields) == []


def test_rq_name_is_a_persons_name_only_in_a_contacts_requisite() -> None:
    fields = classify_fields(Entity.REQUISITE, [], {})
    person = {"ENTITY_TYPE_ID": "3", "RQ_NAME": "Шевченко Марʼяна"}
    company = {"ENTITY_TYPE_ID": 4, "RQ_NAME": "ТОВ «Зерно»"}
    assert _found(person, fields) == {("RQ_NAME", "person_name", "шевченко мар'яна")}
    assert extract_values(company, fields) == []


def test_communications_are_normalised_by_their_type() -> None:
    fields = classify_fields(Entity.ACTIVITY, [], {})
    settings = {"NAME": "Олег", "LAST_NAME": "Коваль"}
    record = {
        "SUBJECT": "Вхідний дзвінок від +38 (067) 123 45 67",
        "DESCRIPTION": "Добрий день, Олег!",
        "COMMUNICATIONS": [
            {"TYPE": "PHONE", "VALUE": "+38 (067) 123 45 67", "ENTITY_SETTINGS": settings},
            {"TYPE": "EMAIL", "VALUE": "Oleh@Firma.UA", "ENTITY_SETTINGS": settings},
            {"TYPE": "PHONE", "VALUE": "12345"},  # not a number: skipped
            {"TYPE": "EMAIL", "VALUE": ""},
        ],
    }
    assert _found(record, fields) == {
        ("SUBJECT", "phone", "+380671234567"),
        ("COMMUNICATIONS", "communication", "+380671234567"),
        ("COMMUNICATIONS", "communication", "oleh@firma.ua"),
    }


def test_a_consent_and_a_user() -> None:
    consent = classify_fields(Entity.CONSENT, [], {})
    assert _found({"DATE_INSERT": "2025-03-01T10:00:00+02:00", "IP": "91.200.12.7"}, consent) == {
        ("DATE_INSERT", "consent", "2025-03-01T10:00:00+02:00"),
        ("IP", "ip_address", "91.200.12.7"),
    }
    user = classify_fields(Entity.USER, [], {})
    record = {
        "PERSONAL_GENDER": "F",
        "LAST_LOGIN": "2026-10-30T09:15:00+02:00",
        "PERSONAL_MOBILE": "8 067 123 4567",
        "UF_PHONE_INNER": "101",
        "WORK_COMPANY": "ТОВ «Приклад Плюс»",
        "UF_SKYPE": "live:.cid.0a1b2c",
    }
    assert _found(record, user) == {
        ("PERSONAL_GENDER", "gender", "F"),
        ("LAST_LOGIN", "login_time", "2026-10-30T09:15:00+02:00"),
        ("PERSONAL_MOBILE", "phone", "+380671234567"),
        ("UF_SKYPE", "messenger", "live:.cid.0a1b2c"),
    }


def test_a_sampled_prose_field_and_a_sampled_number_field() -> None:
    descriptors = [
        FieldDescriptor(Entity.LEAD, "UF_NOTES", "Нотатки", "string", is_custom=True),
        FieldDescriptor(Entity.LEAD, "UF_TAX", "ІПН", "integer", is_custom=True),
    ]
    samples: dict[str, list[Any]] = {
        "UF_NOTES": ["Постійний клієнт", "Передзвонити після обіду"],
        "UF_TAX": [3184710691],
    }
    fields = classify_fields(Entity.LEAD, descriptors, samples)
    record = {"UF_NOTES": f"Номер картки {CARD}; тел. 067-123-45-67", "UF_TAX": 3184710691}
    assert _found(record, fields) == {
        ("UF_NOTES", "bank_card", CARD),
        ("UF_NOTES", "phone", "+380671234567"),
        ("UF_TAX", "rnokpp", "3184710691"),
    }


def test_several_kinds_given_by_hand_on_one_field() -> None:
    manual = [
        FieldClassification(Entity.DEAL, "UF_X", kind, Category.OTHER, ClassificationSource.MANUAL)
        for kind in (PiiKind.PERSON_NAME, PiiKind.EMAIL, PiiKind.EMAIL)
    ]
    assert _found({"UF_X": "Олег: oleh@firma.ua"}, manual) == {
        ("UF_X", "person_name", "олег: oleh@firma.ua"),
        ("UF_X", "email", "oleh@firma.ua"),
    }


def test_the_wrapper_and_the_compiled_classifier_agree() -> None:
    record = {"NAME": "Олег", "PHONE": [{"VALUE": "0671234567"}], "COMMENTS": "0501112233"}
    compiled = RecordClassifier(CONTACT_FIELDS)
    assert compiled.extract(record) == extract_values(record, CONTACT_FIELDS)
    copy = [FieldClassification(**vars(c)) for c in CONTACT_FIELDS]
    assert extract_values(record, copy) == compiled.extract(record)
    assert compiled.fields == tuple(CONTACT_FIELDS)
