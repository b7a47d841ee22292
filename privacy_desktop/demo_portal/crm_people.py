"""CRM records about people: contacts and leads, in crm.contact.list / crm.lead.list shape."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.kyiv_time import kyiv_midnight_iso
from privacy_desktop.demo_portal.names import HONORIFIC_FEMALE, HONORIFIC_MALE, transliterate
from privacy_desktop.demo_portal.people import Person, PersonFactory, UniqueValues, phone_display
from privacy_desktop.demo_portal.places import CLIENT_POSTS, COUNTRY
from privacy_desktop.demo_portal.records_common import RecordContext, iso

CONTACT_TYPES = ("CLIENT", "CLIENT", "CLIENT", "SUPPLIER", "PARTNER", "OTHER")
SOURCES = (
    "CALL",
    "CALL",
    "EMAIL",
    "WEB",
    "WEB",
    "ADVERTISING",
    "PARTNER",
    "RECOMMENDATION",
    "TRADE_SHOW",
    "WEBFORM",
    "CALLBACK",
    "OTHER",
)
LEAD_STATUSES = (
    ("NEW", "P"),
    ("NEW", "P"),
    ("IN_PROCESS", "P"),
    ("IN_PROCESS", "P"),
    ("PROCESSED", "P"),
    ("CONVERTED", "S"),
    ("CONVERTED", "S"),
    ("JUNK", "F"),
)
LEAD_TITLES = (
    "Заявка з сайту",
    "Вхідний дзвінок",
    "Запит на прорахунок",
    "Лід з Facebook",
    "Запит комерційної пропозиції",
    "Заявка на консультацію",
    "Повторне звернення",
    "Замовлення зворотного дзвінка",
    "Запит з виставки",
    "Лист на загальну пошту",
)
#: UF_CRM_LOYALTY_LEVEL enumeration item IDs (see schema.py).
LOYALTY_IDS = ("45", "46", "47")

_PLAIN_NOTES = (
    "Постійний клієнт, знижка 5%",
    "Надіслати каталог Новою поштою",
    "Не телефонувати у вихідні",
    "Цікавиться оптовими цінами",
    "Віддає перевагу Viber",
    "Рахунок надсилати на e-mail бухгалтерії",
    "Потребує консультації щодо гарантії",
)
_PLAIN_COMMENTS = (
    "Познайомилися на виставці «Агро-2024»",
    "Рекомендація від партнера",
    "Попросив надіслати договір на підпис",
    "Клієнт з 2019 року",
    "[B]Важливо:[/B] узгодити графік доставки",
)


@dataclass(frozen=True)
class Written:
    """How one record writes a person's name (apostrophe form, Latin letters, a typo)."""

    first: str
    second: str | None
    last: str


def written_cyrillic(ctx: RecordContext, rng: random.Random, person: Person) -> Written:
    """The person's name as an ordinary Ukrainian-speaking employee types it."""
    second = ctx.spell(rng, person.second) if rng.random() < 0.6 else None
    return Written(ctx.spell(rng, person.first), second, ctx.spell(rng, person.last))


def written_latin(person: Person) -> Written:
    return Written(transliterate(person.first), None, transliterate(person.last))


def free_text_with_identifier(rng: random.Random, unique: UniqueValues, ctx: RecordContext) -> str:
    """A note that carries a personal datum in free text: another phone or a card number."""
    if rng.random() < 0.5:
        phone = phone_display(unique.mobile(rng), ctx.phone_style(rng), rng)
        return f"Просив передзвонити після 18:00 на {phone}"
    card = unique.card(rng)
    if rng.random() < 0.5:
        card = " ".join(card[i : i + 4] for i in range(0, 16, 4))
    return f"Номер картки для повернення коштів: {card}"


def _im_entries(
    ctx: RecordContext, rng: random.Random, person: Person, written: Written
) -> list[dict[str, str]]:
    entries = []
    roll = rng.random()
    if roll < 0.08:
        handle = transliterate(person.first).lower() + "_" + transliterate(person.last).lower()
        entries.append(ctx.multifield("IM", "TELEGRAM", f"@{handle}{rng.randrange(10, 100)}"))
    elif roll < 0.14 and person.phones and person.phones[0].startswith("+380"):
        entries.append(ctx.multifield("IM", "VIBER", person.phones[0]))
    elif roll < 0.17:
        login = transliterate(written.first).lower() + "." + transliterate(person.last).lower()
        entries.append(ctx.multifield("IM", "SKYPE", f"{login}{rng.randrange(100)}"))
    return entries


def _web_entries(ctx: RecordContext, rng: random.Random, person: Person) -> list[dict[str, str]]:
    if rng.random() >= 0.08:
        return []
    slug = transliterate(person.last).lower().replace("'", "")
    if rng.random() < 0.5:
        return [
            ctx.multifield("WEB", "OTHER", f"https://facebook.com/{slug}.{rng.randrange(1000)}")
        ]
    return [ctx.multifield("WEB", "HOME", f"https://{slug}{rng.randrange(100)}.com.ua")]


def add_person_fields(
    row: dict[str, Any],
    ctx: RecordContext,
    rng: random.Random,
    person: Person,
    written: Written,
    *,
    phones: Sequence[str],
    emails: Sequence[str],
    phone_styles: Sequence[str] | None = None,
) -> None:
    """Add the fields contacts and leads share: names, birthday, address, multi-fields."""
    has_address = rng.random() < 0.45
    row.update(
        {
            "HONORIFIC": (HONORIFIC_MALE if person.male else HONORIFIC_FEMALE)
            if rng.random() < 0.3
            else None,
            "NAME": written.first,
            "SECOND_NAME": written.second,
            "LAST_NAME": written.last,
            "BIRTHDATE": kyiv_midnight_iso(person.birthday) if rng.random() < 0.4 else None,
            "POST": CLIENT_POSTS[int(rng.random() * len(CLIENT_POSTS))],
            "ADDRESS": ctx.spell(rng, person.address_line) if has_address else None,
            "ADDRESS_2": None,
            "ADDRESS_CITY": ctx.spell(rng, person.city.name) if has_address else None,
            "ADDRESS_POSTAL_CODE": person.postal_code if has_address else None,
            "ADDRESS_REGION": None,
            "ADDRESS_PROVINCE": (person.city.oblast or None) if has_address else None,
            "ADDRESS_COUNTRY": COUNTRY if has_address else None,
            "HAS_PHONE": "Y" if phones else "N",
            "HAS_EMAIL": "Y" if emails else "N",
            "HAS_IMOL": "N",
        }
    )
    if phones:
        row["PHONE"] = ctx.phone_entries(rng, phones, phone_styles)
    if emails:
        row["EMAIL"] = ctx.email_entries(rng, emails)
    web = _web_entries(ctx, rng, person)
    if web:
        row["WEB"] = web
    im = _im_entries(ctx, rng, person, written)
    if im:
        row["IM"] = im


def add_user_field_values(
    row: dict[str, Any],
    ctx: RecordContext,
    rng: random.Random,
    person: Person,
    factory: PersonFactory,
    tax_number: bool | None = None,
) -> None:
    """Add UF_CRM_* values of a contact or lead: tax number, passport, notes, loyalty level.

    ``tax_number`` forces whether UF_CRM_TAX_NUMBER shows the RNOKPP (None: at random).
    """
    unique = factory.unique
    passport = None
    if rng.random() < 0.2:
        series, number = unique.passport(rng)
        passport = series + number
    roll = rng.random()
    if roll < 0.06:
        notes: str | None = free_text_with_identifier(rng, unique, ctx)
    elif roll < 0.3:
        notes = _PLAIN_NOTES[int(rng.random() * len(_PLAIN_NOTES))]
    else:
        notes = None
    if tax_number is None:
        tax_number = rng.random() < 0.35
    row["UF_CRM_TAX_NUMBER"] = factory.rnokpp(rng, person) if tax_number else None
    row["UF_CRM_PASSPORT"] = passport
    row["UF_CRM_NOTES"] = notes
    row["UF_CRM_LOYALTY_LEVEL"] = LOYALTY_IDS[int(rng.random() * 3)] if rng.random() < 0.5 else None


def contact_row(
    ctx: RecordContext,
    rng: random.Random,
    contact_id: int,
    *,
    created: tuple[int, int],
    created_by: str,
    origin: tuple[str, str] | None = None,
    company_id: int | None = None,
    comments: str | None = None,
) -> dict[str, Any]:
    """A crm.contact row's standard fields (add_person_fields and add_user_field_values
    complete it)."""
    modify_by = created_by if origin is not None else ctx.staff(rng)
    created_text = iso(created[0])
    row: dict[str, Any] = {
        "ID": str(contact_id),
        "TYPE_ID": CONTACT_TYPES[int(rng.random() * len(CONTACT_TYPES))],
        "SOURCE_ID": SOURCES[int(rng.random() * len(SOURCES))],
        "SOURCE_DESCRIPTION": None,
        "PHOTO": None,
        "COMMENTS": comments,
        "OPENED": "Y" if rng.random() < 0.8 else "N",
        "EXPORT": "Y",
        "ASSIGNED_BY_ID": ctx.staff(rng),
        "CREATED_BY_ID": created_by,
        "MODIFY_BY_ID": modify_by,
        "DATE_CREATE": created_text,
        "DATE_MODIFY": created_text if created[1] == created[0] else iso(created[1]),
        "COMPANY_ID": str(company_id) if company_id is not None else None,
        "LEAD_ID": None,
        "ORIGINATOR_ID": origin[0] if origin else None,
        "ORIGIN_ID": origin[1] if origin else None,
        "ORIGIN_VERSION": None,
        "UTM_SOURCE": None,
        "UTM_MEDIUM": None,
        "UTM_CAMPAIGN": None,
    }
    return row


def lead_row(
    ctx: RecordContext,
    rng: random.Random,
    lead_id: int,
    *,
    created: tuple[int, int],
    created_by: str,
    origin: tuple[str, str] | None = None,
    source_id: str | None = None,
    contact_id: int | None = None,
    company_title: str | None = None,
) -> dict[str, Any]:
    """A crm.lead row's standard fields (completed like a contact's)."""
    status, semantic = LEAD_STATUSES[int(rng.random() * len(LEAD_STATUSES))]
    modify_by = created_by if origin is not None else ctx.staff(rng)
    amount = int(rng.random() * 200) * 500
    utm = rng.random() < 0.25
    return {
        "ID": str(lead_id),
        "TITLE": LEAD_TITLES[int(rng.random() * len(LEAD_TITLES))],
        "STATUS_ID": status,
        "STATUS_SEMANTIC_ID": semantic,
        "STATUS_DESCRIPTION": None,
        "SOURCE_ID": source_id or SOURCES[int(rng.random() * len(SOURCES))],
        "SOURCE_DESCRIPTION": None,
        "COMPANY_TITLE": company_title,
        "COMPANY_ID": None,
        "CONTACT_ID": str(contact_id) if contact_id is not None else None,
        "IS_RETURN_CUSTOMER": "Y" if contact_id is not None else "N",
        "CURRENCY_ID": "UAH",
        "OPPORTUNITY": f"{amount}.00",
        "IS_MANUAL_OPPORTUNITY": "N",
        "OPENED": "Y",
        "COMMENTS": None,
        "ASSIGNED_BY_ID": ctx.staff(rng),
        "CREATED_BY_ID": created_by,
        "MODIFY_BY_ID": modify_by,
        "DATE_CREATE": iso(created[0]),
        "DATE_MODIFY": iso(created[1]),
        "DATE_CLOSED": iso(created[1]) if semantic != "P" else None,
        "ORIGINATOR_ID": origin[0] if origin else None,
        "ORIGIN_ID": origin[1] if origin else None,
        "UTM_SOURCE": "google" if utm else None,
        "UTM_MEDIUM": "cpc" if utm else None,
        "UTM_CAMPAIGN": "brand_ua" if utm else None,
    }
