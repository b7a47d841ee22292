"""CRM business records: companies, deals, requisites and their bank details."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from privacy_desktop.demo_portal.kyiv_time import DATA_NOW, kyiv_midnight_iso
from privacy_desktop.demo_portal.names import transliterate
from privacy_desktop.demo_portal.people import Person, UniqueValues
from privacy_desktop.demo_portal.places import (
    BANKS,
    BRAND_HEADS,
    BRAND_TAILS,
    CITIES,
    COMPANY_TLDS,
    COMPANY_TYPES,
    COUNTRY,
    ID_CARD_ISSUERS,
    INDUSTRIES,
    LEGAL_FORMS,
    PASSPORT_ISSUERS,
    STREETS,
)
from privacy_desktop.demo_portal.records_common import RecordContext, iso

_LEGAL_FORM_FULL = {
    "ТОВ": "Товариство з обмеженою відповідальністю",
    "ПП": "Приватне підприємство",
    "АТ": "Акціонерне товариство",
    "ПрАТ": "Приватне акціонерне товариство",
    "ФГ": "Фермерське господарство",
}
DEAL_STAGES = (
    ("NEW", "P"),
    ("PREPARATION", "P"),
    ("PREPAYMENT_INVOICE", "P"),
    ("EXECUTING", "P"),
    ("FINAL_INVOICE", "P"),
    ("WON", "S"),
    ("WON", "S"),
    ("LOSE", "F"),
)
DEAL_TYPES = ("SALE", "COMPLEX", "GOODS", "SERVICES", "SERVICE")
_DEAL_SUBJECTS = (
    "Постачання обладнання",
    "Річне обслуговування",
    "Поставка насіння",
    "Розробка сайту",
    "Оренда спецтехніки",
    "Консалтинг",
    "Ремонт офісу",
    "Постачання канцтоварів",
    "Впровадження CRM",
    "Логістичні послуги",
)

#: Every requisite row carries all of these, None where the preset does not use them.
REQUISITE_RQ_KEYS = (
    "RQ_NAME",
    "RQ_FIRST_NAME",
    "RQ_LAST_NAME",
    "RQ_SECOND_NAME",
    "RQ_INN",
    "RQ_IDENT_DOC",
    "RQ_IDENT_DOC_SER",
    "RQ_IDENT_DOC_NUM",
    "RQ_IDENT_DOC_DATE",
    "RQ_IDENT_DOC_ISSUED_BY",
    "RQ_IDENT_DOC_DEP_CODE",
    "RQ_COMPANY_NAME",
    "RQ_COMPANY_FULL_NAME",
    "RQ_EDRPOU",
    "RQ_DIRECTOR",
    "RQ_ACCOUNTANT",
    "RQ_VAT_PAYER",
    "RQ_EMAIL",
    "RQ_PHONE",
)
#: Requisite presets of a Ukrainian portal.
PRESET_COMPANY = ("1", "Організація")
PRESET_PERSON = ("3", "Фізична особа")


class CompanyInfo:
    """What other records need to know about a generated company."""

    __slots__ = ("domain", "id", "title")

    def __init__(self, company_id: int, title: str, domain: str) -> None:
        self.id = company_id
        self.title = title
        self.domain = domain


def company_name(rng: random.Random) -> tuple[str, str, str]:
    """(legal form, brand, web domain) of a new company."""
    brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_TAILS)
    form = rng.choice(LEGAL_FORMS)
    domain = transliterate(brand).lower() + rng.choice(COMPANY_TLDS)
    return form, brand, domain


def company_row(
    ctx: RecordContext,
    rng: random.Random,
    unique: UniqueValues,
    company_id: int,
    *,
    created: tuple[int, int],
    created_by: str,
    origin: tuple[str, str] | None,
) -> tuple[dict[str, Any], CompanyInfo, str]:
    """A crm.company row, its summary, and its legal form."""
    form, brand, domain = company_name(rng)
    title = f"{form} «{brand}»"
    city = rng.choice(CITIES)
    phones = [unique.landline(rng)]
    if rng.random() < 0.5:
        phones.append(unique.mobile(rng))
    mailbox = rng.choice(("info", "office", "sales", "buh"))
    row: dict[str, Any] = {
        "ID": str(company_id),
        "TITLE": title,
        "COMPANY_TYPE": rng.choice(COMPANY_TYPES),
        "INDUSTRY": rng.choice(INDUSTRIES),
        "EMPLOYEES": rng.choice(("EMPLOYEES_1", "EMPLOYEES_2", "EMPLOYEES_3", "EMPLOYEES_4")),
        "REVENUE": f"{rng.randrange(1, 500) * 10_000}.00",
        "CURRENCY_ID": "UAH",
        "COMMENTS": None,
        "OPENED": "Y",
        "IS_MY_COMPANY": "N",
        "ADDRESS": f"{rng.choice(STREETS)}, {rng.randrange(1, 120)}",
        "ADDRESS_CITY": city.name,
        "ADDRESS_POSTAL_CODE": f"{rng.randrange(city.postal_low, city.postal_high):05d}",
        "ADDRESS_PROVINCE": city.oblast or None,
        "ADDRESS_COUNTRY": COUNTRY,
        "ADDRESS_LEGAL": None,
        "BANKING_DETAILS": None,
        "HAS_PHONE": "Y",
        "HAS_EMAIL": "Y",
        "HAS_IMOL": "N",
        "ASSIGNED_BY_ID": ctx.staff(rng),
        "CREATED_BY_ID": created_by,
        "MODIFY_BY_ID": created_by if origin is not None else ctx.staff(rng),
        "DATE_CREATE": iso(created[0]),
        "DATE_MODIFY": iso(created[1]),
        "LEAD_ID": None,
        "ORIGINATOR_ID": origin[0] if origin else None,
        "ORIGIN_ID": origin[1] if origin else None,
        "ORIGIN_VERSION": None,
        "PHONE": ctx.phone_entries(rng, phones, value_type="WORK"),
        "EMAIL": [ctx.multifield("EMAIL", "WORK", unique.email(rng, mailbox, domain))],
        "WEB": [ctx.multifield("WEB", "WORK", f"https://{domain}")],
        "UF_CRM_NOTES": None,
        "UF_CRM_LOYALTY_LEVEL": rng.choice(("45", "46", "47", None)),
    }
    return row, CompanyInfo(company_id, title, domain), form


def deal_row(
    ctx: RecordContext,
    rng: random.Random,
    unique: UniqueValues,
    deal_id: int,
    *,
    created: tuple[int, int],
    contact_id: int | None,
    company_id: int | None,
    delivery_address: str | None,
) -> dict[str, Any]:
    """A crm.deal row; a few carry a bank-card number in COMMENTS."""
    stage, semantic = rng.choice(DEAL_STAGES)
    amount = rng.randrange(1, 400) * 1_000
    begin = created[0]
    close = min(begin + rng.randrange(7, 120) * 86_400, DATA_NOW + 60 * 86_400)
    comments: str | None = None
    roll = rng.random()
    if roll < 0.04:
        card = unique.card(rng)
        comments = f"Клієнт оплатив карткою {card}, чек надіслано на пошту"
    elif roll < 0.25:
        comments = rng.choice(
            ("Потрібен договір з ПДВ", "Оплата частинами", "Доставка до 15 числа")
        )
    created_by = ctx.staff(rng)
    return {
        "ID": str(deal_id),
        "TITLE": f"{rng.choice(_DEAL_SUBJECTS)} №{deal_id}",
        "TYPE_ID": rng.choice(DEAL_TYPES),
        "CATEGORY_ID": "0",
        "STAGE_ID": stage,
        "STAGE_SEMANTIC_ID": semantic,
        "IS_NEW": "Y" if stage == "NEW" else "N",
        "IS_RECURRING": "N",
        "PROBABILITY": None,
        "CURRENCY_ID": "UAH",
        "OPPORTUNITY": f"{amount}.00",
        "IS_MANUAL_OPPORTUNITY": "N",
        "TAX_VALUE": f"{amount / 6:.2f}",
        "COMPANY_ID": str(company_id) if company_id is not None else "0",
        "CONTACT_ID": str(contact_id) if contact_id is not None else None,
        "LEAD_ID": None,
        "BEGINDATE": kyiv_midnight_iso_ts(begin),
        "CLOSEDATE": kyiv_midnight_iso_ts(close),
        "OPENED": "Y",
        "CLOSED": "N" if semantic == "P" else "Y",
        "COMMENTS": comments,
        "ADDITIONAL_INFO": None,
        "ASSIGNED_BY_ID": ctx.staff(rng),
        "CREATED_BY_ID": created_by,
        "MODIFY_BY_ID": ctx.staff(rng),
        "DATE_CREATE": iso(created[0]),
        "DATE_MODIFY": iso(created[1]),
        "SOURCE_ID": rng.choice(("CALL", "WEB", "EMAIL", "RECOMMENDATION", None)),
        "SOURCE_DESCRIPTION": None,
        "ORIGINATOR_ID": None,
        "ORIGIN_ID": None,
        "UF_CRM_DELIVERY_ADDRESS": delivery_address,
        "UF_CRM_CONTRACT_NO": f"Д-{deal_id:05d}/{rng.randrange(20, 27)}",
    }


def kyiv_midnight_iso_ts(utc_ts: int) -> str:
    """The Kyiv date (as a date-typed field) of a UNIX time."""
    return kyiv_midnight_iso(date.fromordinal(date(1970, 1, 1).toordinal() + utc_ts // 86_400))


#: Every requisite row starts from this: its keys in API order, RQ_* fields empty.
_REQUISITE_TEMPLATE: dict[str, Any] = dict.fromkeys(
    (
        "ID", "ENTITY_TYPE_ID", "ENTITY_ID", "PRESET_ID", "NAME", "CODE", "XML_ID",
        "ORIGINATOR_ID", "ACTIVE", "ADDRESS_ONLY", "SORT", "DATE_CREATE", "DATE_MODIFY",
        "CREATED_BY_ID", "MODIFY_BY_ID", *REQUISITE_RQ_KEYS,
    )
)  # fmt: skip
_REQUISITE_TEMPLATE.update(ACTIVE="Y", ADDRESS_ONLY="N", SORT="500")

#: The keys of a bank-detail row in API order (bank_detail_row fills every one of them).
BANK_DETAIL_KEYS = (
    "ID", "ENTITY_ID", "COUNTRY_ID", "NAME", "CODE", "XML_ID", "ORIGINATOR_ID", "ACTIVE",
    "SORT", "DATE_CREATE", "DATE_MODIFY", "CREATED_BY_ID", "MODIFY_BY_ID", "RQ_BANK_NAME",
    "RQ_BANK_ADDR", "RQ_MFO", "RQ_SWIFT", "RQ_IBAN", "RQ_ACC_NUM", "RQ_ACC_CURRENCY",
    "COMMENTS",
)  # fmt: skip


def blank_requisite() -> dict[str, Any]:
    """A requisite row with every key in API order and no RQ_* value (writes start here)."""
    return dict(_REQUISITE_TEMPLATE)


def _requisite_base(
    requisite_id: int,
    entity_type_id: str,
    owner: dict[str, Any],
    preset: tuple[str, str],
    *,
    created_by: str,
    modify_by: str,
    origin: tuple[str, str] | None,
) -> dict[str, Any]:
    """A requisite of ``owner`` (a contact or company row), dated like its owner."""
    row = dict(_REQUISITE_TEMPLATE)
    row["ID"] = str(requisite_id)
    row["ENTITY_TYPE_ID"] = entity_type_id
    row["ENTITY_ID"] = owner["ID"]
    row["PRESET_ID"], row["NAME"] = preset
    if origin is not None:
        row["ORIGINATOR_ID"] = origin[0]
    row["DATE_CREATE"] = owner["DATE_CREATE"]
    row["DATE_MODIFY"] = owner["DATE_MODIFY"]
    row["CREATED_BY_ID"] = created_by
    row["MODIFY_BY_ID"] = modify_by
    return row


def person_requisite_row(
    ctx: RecordContext,
    rng: random.Random,
    unique: UniqueValues,
    requisite_id: int,
    contact: dict[str, Any],
    person: Person,
    *,
    rnokpp: str,
    names: tuple[str, str | None, str],
) -> dict[str, Any]:
    """A person-preset requisite: names, RNOKPP (RQ_INN) and an ID document."""
    staff = ctx.staff(rng)
    row = _requisite_base(
        requisite_id, "3", contact, PRESET_PERSON, created_by=staff, modify_by=staff, origin=None
    )
    first, second, last = names
    series, number = unique.passport(rng)
    issued_year = min(person.birthday.year + rng.choice((16, 18, 25, 45)), 2026)
    issued = f"{issued_year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    row.update(
        RQ_NAME=" ".join(part for part in (last, first, second) if part),
        RQ_FIRST_NAME=first,
        RQ_LAST_NAME=last,
        RQ_SECOND_NAME=second,
        RQ_INN=rnokpp,
        RQ_IDENT_DOC="Паспорт" if series else "ID-картка",
        RQ_IDENT_DOC_SER=series or None,
        RQ_IDENT_DOC_NUM=number,
        RQ_IDENT_DOC_DATE=issued,
        RQ_IDENT_DOC_ISSUED_BY=rng.choice(PASSPORT_ISSUERS) if series else None,
        RQ_IDENT_DOC_DEP_CODE=None if series else rng.choice(ID_CARD_ISSUERS),
    )
    return row


def company_requisite_row(
    ctx: RecordContext,
    rng: random.Random,
    unique: UniqueValues,
    requisite_id: int,
    company: CompanyInfo,
    company_row: dict[str, Any],
    legal_form: str,
    director: Person,
    *,
    created_by: str | None,
    origin: tuple[str, str] | None,
) -> dict[str, Any]:
    """An organisation-preset requisite: names, EDRPOU, director."""
    author = created_by or ctx.staff(rng)
    row = _requisite_base(
        requisite_id,
        "4",
        company_row,
        PRESET_COMPANY,
        created_by=author,
        modify_by=author if origin else ctx.staff(rng),
        origin=origin,
    )
    brand = company.title.split("«", 1)[-1].rstrip("»")
    row.update(
        RQ_NAME=company.title,
        RQ_COMPANY_NAME=company.title,
        RQ_COMPANY_FULL_NAME=f"{_LEGAL_FORM_FULL[legal_form]} «{brand}»",
        RQ_EDRPOU=unique.edrpou(rng),
        RQ_DIRECTOR=f"{director.last} {director.first} {director.second}".replace("'", "ʼ"),
        RQ_VAT_PAYER="Y" if rng.random() < 0.6 else "N",
    )
    return row


def bank_detail_row(
    rng: random.Random,
    unique: UniqueValues,
    bank_detail_id: int,
    requisite: dict[str, Any],
    *,
    personal: bool,
) -> dict[str, Any]:
    """A crm.requisite.bankdetail row with a valid UA IBAN at a real bank's MFO."""
    bank_name, mfo, swift = rng.choice(BANKS)
    return {
        "ID": str(bank_detail_id),
        "ENTITY_ID": requisite["ID"],
        "COUNTRY_ID": "14",
        "NAME": "Основний рахунок" if rng.random() < 0.8 else "Картковий рахунок",
        "CODE": None,
        "XML_ID": None,
        "ORIGINATOR_ID": requisite["ORIGINATOR_ID"],
        "ACTIVE": "Y",
        "SORT": "500",
        "DATE_CREATE": requisite["DATE_CREATE"],
        "DATE_MODIFY": requisite["DATE_MODIFY"],
        "CREATED_BY_ID": requisite["CREATED_BY_ID"],
        "MODIFY_BY_ID": requisite["MODIFY_BY_ID"],
        "RQ_BANK_NAME": bank_name,
        "RQ_BANK_ADDR": None,
        "RQ_MFO": mfo,
        "RQ_SWIFT": swift,
        "RQ_IBAN": unique.iban(rng, mfo, personal),
        "RQ_ACC_NUM": None,
        "RQ_ACC_CURRENCY": "UAH",
        "COMMENTS": None,
    }
