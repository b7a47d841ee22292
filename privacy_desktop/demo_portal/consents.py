"""Consent agreements (userconsent.agreement.*) and the consents recorded against them."""

from __future__ import annotations

import random
from typing import Any

from privacy_desktop.demo_portal.kyiv_time import DATA_NOW, THREE_YEARS
from privacy_desktop.demo_portal.records_common import OWN_COMPANY, OWN_DOMAIN, iso

_AGREEMENTS = (
    (
        "Згода на обробку персональних даних для розсилки",
        "Y",
        "Я, заповнюючи цю форму, надаю {company} згоду на обробку моїх персональних даних "
        "(прізвище, ім'я, номер телефону, адреса електронної пошти) з метою надсилання "
        "інформаційних і рекламних повідомлень про товари та послуги. Дані можуть бути "
        "передані розпорядникам: ТОВ «Сендпульс Україна» (розсилки), ТОВ «Київстар» "
        "(SMS-повідомлення). Згоду можна відкликати листом на privacy@{domain}.",
    ),
    (
        "Згода на обробку персональних даних для виконання договору",
        "Y",
        "Я надаю {company} згоду на обробку моїх персональних даних (прізвище, ім'я, "
        "по батькові, РНОКПП, паспортні дані, адреса доставки, номер телефону) з метою "
        "укладення та виконання договору, бухгалтерського та податкового обліку. Дані "
        "передаються ТОВ «Нова Пошта» (доставка) та АТ КБ «ПриватБанк» (платежі) і "
        "зберігаються протягом строку, визначеного законодавством України.",
    ),
    (
        "Згода на запис телефонних розмов",
        "N",
        "Я погоджуюся на запис і зберігання телефонних розмов із {company} з метою "
        "контролю якості обслуговування. Записи обробляє ТОВ «Рінгостат Україна» "
        "(IP-телефонія) і зберігаються вони 12 місяців.",
    ),
)

#: Where recorded consents came from: (ORIGINATOR_ID, URL).
_ORIGINS = (
    ("bitrix/b24form", "https://{domain}/kontakty/"),
    ("bitrix/b24form", "https://{domain}/zamovlennia/"),
    ("main/register", "https://{domain}/reiestratsiia/"),
)


def agreements() -> tuple[dict[int, dict[str, Any]], dict[int, str]]:
    """userconsent.agreement.list rows and their texts, by agreement ID."""
    rows: dict[int, dict[str, Any]] = {}
    texts: dict[int, str] = {}
    for index, (name, active, text) in enumerate(_AGREEMENTS, start=1):
        rows[index] = {"ID": str(index), "NAME": name, "ACTIVE": active, "LANGUAGE_ID": "ua"}
        texts[index] = text.format(company=OWN_COMPANY, domain=OWN_DOMAIN)
    return rows, texts


def consent_rows(rng: random.Random, contact_ids: list[int]) -> list[dict[str, Any]]:
    """Consents recorded by web forms: about one for every four contacts, some anonymous."""
    rows: list[dict[str, Any]] = []
    count = len(contact_ids) // 4
    for index in range(1, count + 1):
        agreement = rng.choice((1, 1, 2, 2, 3))
        originator, url = rng.choice(_ORIGINS)
        contact = rng.choice(contact_ids) if rng.random() < 0.85 else None
        rows.append(
            {
                "ID": str(index),
                "AGREEMENT_ID": str(agreement),
                "DATE_INSERT": iso(DATA_NOW - int(rng.random() * THREE_YEARS)),
                "ACTIVE": "Y",
                "USER_ID": None,
                "CONTACT_ID": str(contact) if contact is not None else None,
                "IP": f"{rng.choice((91, 93, 176, 178, 185, 194))}.{rng.randrange(256)}."
                f"{rng.randrange(256)}.{rng.randrange(1, 255)}",
                "URL": url.format(domain=OWN_DOMAIN),
                "ORIGINATOR_ID": originator,
                "ORIGIN_ID": str(rng.randrange(1, 40)),
            }
        )
    return rows
