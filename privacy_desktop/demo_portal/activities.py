"""CRM activities (calls, e-mails, meetings) in crm.activity.list shape, all values strings."""

from __future__ import annotations

import random
from typing import Any

from privacy_desktop.demo_portal.integrations import (
    RINGOSTAT,
    RINGOSTAT_PROVIDER,
    IntegrationChoice,
)
from privacy_desktop.demo_portal.kyiv_time import DATA_NOW
from privacy_desktop.demo_portal.records_common import RecordContext, iso
from privacy_desktop.demo_portal.tables import IdSequence

#: OWNER_TYPE_ID / ENTITY_TYPE_ID of CRM entities.
LEAD_TYPE, CONTACT_TYPE, COMPANY_TYPE = "1", "3", "4"

CALL, EMAIL, MEETING = "call", "email", "meeting"
#: kind → (TYPE_ID, PROVIDER_ID, PROVIDER_TYPE_ID)
_KINDS = {
    CALL: ("2", "VOXIMPLANT_CALL", "CALL"),
    EMAIL: ("4", "CRM_EMAIL", "EMAIL"),
    MEETING: ("1", "CRM_MEETING", "MEETING"),
}
_EMAIL_SUBJECTS = (
    "Комерційна пропозиція",
    "Рахунок на оплату",
    "Договір на підпис",
    "Підтвердження замовлення",
    "Акт виконаних робіт",
    "Запрошення на зустріч",
)
_EMAIL_BODIES = (
    "Добрий день, %s!\n\nНадсилаємо комерційну пропозицію, про яку домовлялися телефоном. "
    "Ціни дійсні до кінця місяця.\n\nЗ повагою,\nвідділ продажів",
    "Вітаю, %s!\n\nУ вкладенні рахунок на оплату. Прохання сплатити протягом трьох "
    "банківських днів.\n\nДякуємо за співпрацю!",
    "Доброго дня, %s.\n\nПідтверджуємо ваше замовлення, доставка Новою поштою завтра. "
    "Номер ТТН надішлемо окремо.\n\nГарного дня!",
    "%s, добрий день!\n\nНагадуємо про зустріч у четвер о 14:00 у нашому офісі.\n\nДо зустрічі!",
)
_MEETING_SUBJECTS = (
    "Зустріч в офісі",
    "Презентація продукту",
    "Підписання договору",
    "Виїзд на об'єкт",
)
_MEETING_PLACES = (
    "Офіс, переговорна 2",
    "Київ, вул. Хрещатик, 22",
    "Онлайн, Google Meet",
    "Львів, площа Ринок, 10",
)


def entity_settings(owner_type_id: str, owner: dict[str, Any]) -> dict[str, Any]:
    """How a communication names its owner; shared by all of one owner's activities."""
    if owner_type_id == COMPANY_TYPE:
        return {"COMPANY_TITLE": owner["TITLE"]}
    settings = {
        "HONORIFIC": owner.get("HONORIFIC") or "",
        "NAME": owner["NAME"] or "",
        "SECOND_NAME": owner["SECOND_NAME"] or "",
        "LAST_NAME": owner["LAST_NAME"] or "",
    }
    if owner_type_id == LEAD_TYPE:
        settings["LEAD_TITLE"] = owner["TITLE"]
    else:
        settings["COMPANY_TITLE"] = ""
        settings["COMPANY_ID"] = owner.get("COMPANY_ID") or "0"
    return settings


def communication(
    ctx: RecordContext,
    type_name: str,
    value: str,
    owner_type_id: str,
    owner_id: str,
    settings: dict[str, Any],
) -> dict[str, Any]:
    """One COMMUNICATIONS entry: the owner's phone or e-mail and how the owner is named."""
    return {
        "ID": ctx.communication_id(),
        "TYPE": type_name,
        "VALUE": value,
        "ENTITY_ID": owner_id,
        "ENTITY_TYPE_ID": owner_type_id,
        "ENTITY_SETTINGS": settings,
    }


def pick_kind(rng: random.Random, owner: dict[str, Any]) -> str:
    """Calls need a phone and e-mails an address; meetings need neither."""
    roll = rng.random()
    if roll < 0.55 and "PHONE" in owner:
        return CALL
    if roll < 0.85 and "EMAIL" in owner:
        return EMAIL
    if "PHONE" in owner and roll < 0.95:
        return CALL
    return MEETING


def activity_row(
    ctx: RecordContext,
    rng: random.Random,
    *,
    kind: str,
    owner_type_id: str,
    owner_id: int,
    owner: dict[str, Any],
    owner_created: int,
    settings: dict[str, Any],
    author: str | None = None,
    origin: tuple[str, str] | None = None,
    provider_id: str | None = None,
) -> tuple[int, dict[str, Any]]:
    """(START_TIME as UNIX time, a crm.activity row bound to ``owner``).

    ``settings`` is the owner's ENTITY_SETTINGS (see entity_settings); rows share it, so
    treat rows as read-only.
    """
    type_id, default_provider, provider_type = _KINDS[kind]
    r = rng.random
    start = owner_created + 600 + int(r() * max(DATA_NOW - owner_created - 7_200, 60))
    if start > DATA_NOW - 3_600:
        start = DATA_NOW - 3_600
    end = start + (int(r() * 600) + 30 if kind == CALL else 3_600)
    direction = "1" if r() < 0.5 else "2"
    completed = "Y" if end < DATA_NOW - 86_400 or r() < 0.5 else "N"
    responsible = ctx.staff(rng)
    owner_key = owner["ID"]
    phone_entries = owner.get("PHONE")
    email_entries = owner.get("EMAIL")
    comm_type = ""
    value = ""
    location = ""
    description = ""
    if kind == EMAIL and email_entries:
        comm_type, value = "EMAIL", email_entries[0]["VALUE"]
        subject = _EMAIL_SUBJECTS[int(r() * len(_EMAIL_SUBJECTS))]
        name = owner.get("NAME") or owner.get("TITLE") or ""
        description = _EMAIL_BODIES[int(r() * len(_EMAIL_BODIES))] % name
    elif kind == CALL and phone_entries:
        comm_type, value = "PHONE", phone_entries[int(r() * len(phone_entries))]["VALUE"]
        subject = ("Вхідний дзвінок від " if direction == "1" else "Вихідний дзвінок до ") + value
        if r() >= 0.7:
            description = "Клієнт просить передзвонити завтра"
    else:
        if phone_entries:
            comm_type, value = "PHONE", phone_entries[0]["VALUE"]
        elif email_entries:
            comm_type, value = "EMAIL", email_entries[0]["VALUE"]
        subject = _MEETING_SUBJECTS[int(r() * len(_MEETING_SUBJECTS))]
        location = _MEETING_PLACES[int(r() * len(_MEETING_PLACES))]
    comms: list[dict[str, Any]] = []
    if comm_type:
        comms.append(communication(ctx, comm_type, value, owner_type_id, owner_key, settings))
    author_id = author or responsible
    start_text = iso(start)
    end_text = iso(end)
    return start, {
        "ID": "",  # numbered once all activities are sorted by START_TIME
        "OWNER_ID": owner_key,
        "OWNER_TYPE_ID": owner_type_id,
        "TYPE_ID": type_id,
        "PROVIDER_ID": provider_id or default_provider,
        "PROVIDER_TYPE_ID": provider_type,
        "PROVIDER_GROUP_ID": None,
        "ASSOCIATED_ENTITY_ID": "0",  # a call's is its own ID, set when numbered
        "SUBJECT": subject,
        "CREATED": start_text,
        "LAST_UPDATED": end_text if completed == "Y" else start_text,
        "START_TIME": start_text,
        "END_TIME": end_text,
        "DEADLINE": end_text,
        "COMPLETED": completed,
        "STATUS": "2" if completed == "Y" else "1",
        "RESPONSIBLE_ID": responsible,
        "PRIORITY": "2",
        "NOTIFY_TYPE": "1",
        "NOTIFY_VALUE": "15",
        "DESCRIPTION": description,
        "DESCRIPTION_TYPE": "1",
        "DIRECTION": direction if kind != MEETING else "0",
        "LOCATION": location,
        "SETTINGS": [],
        "ORIGINATOR_ID": origin[0] if origin else None,
        "ORIGIN_ID": origin[1] if origin else None,
        "AUTHOR_ID": author_id,
        "EDITOR_ID": author_id,
        "COMMUNICATIONS": comms,
    }


#: Activities per owner, drawn uniformly: contacts ≈ 2, leads ≈ 1, companies ≈ 1/3.
_PER_CONTACT = (0, 1, 1, 2, 2, 2, 3, 3, 4)
_PER_LEAD = (0, 1, 1, 2)
_PER_COMPANY = (0, 0, 1)


def build_activities(
    rng: random.Random,
    ctx: RecordContext,
    ids: IdSequence,
    choice: IntegrationChoice,
    contacts: tuple[dict[int, dict[str, Any]], dict[int, int]],
    leads: tuple[dict[int, dict[str, Any]], dict[int, int]],
    companies: tuple[dict[int, dict[str, Any]], dict[int, int]],
) -> dict[int, dict[str, Any]]:
    """Activities of every owner, IDs ascending with START_TIME as a portal assigns them.

    Each argument pair is (rows, creation UNIX time by ID). Ringostat writes the calls about
    its own leads and some calls about contacts.
    """
    made: list[tuple[int, dict[str, Any]]] = []
    ringostat = choice.ringostat_calls_contacts()
    owners = (
        (CONTACT_TYPE, contacts, _PER_CONTACT),
        (LEAD_TYPE, leads, _PER_LEAD),
        (COMPANY_TYPE, companies, _PER_COMPANY),
    )
    for owner_type, (rows, created_at), counts in owners:
        for owner_id, owner in rows.items():
            created = created_at[owner_id]
            count = counts[int(rng.random() * len(counts))]
            extra_call = (
                owner_type == LEAD_TYPE and owner_id in choice.ringostat_leads and "PHONE" in owner
            )
            if count == 0 and not extra_call:
                continue
            settings = entity_settings(owner_type, owner)
            for _ in range(count):
                kind = pick_kind(rng, owner)
                if kind == CALL and ringostat and rng.random() < 0.08:
                    made.append(
                        _ringostat_call(
                            ctx, rng, choice, owner_type, owner_id, owner, created, settings
                        )
                    )
                    continue
                made.append(
                    activity_row(
                        ctx,
                        rng,
                        kind=kind,
                        owner_type_id=owner_type,
                        owner_id=owner_id,
                        owner=owner,
                        owner_created=created,
                        settings=settings,
                    )
                )
            if extra_call:
                made.append(
                    _ringostat_call(
                        ctx, rng, choice, owner_type, owner_id, owner, created, settings
                    )
                )
    made.sort(key=_start_time)
    activities: dict[int, dict[str, Any]] = {}
    for _, row in made:
        activity_id = ids.next_id()
        row["ID"] = str(activity_id)
        if row["TYPE_ID"] == "2":  # a call's associated entity is the call itself
            row["ASSOCIATED_ENTITY_ID"] = row["ID"]
        activities[activity_id] = row
    return activities


def _start_time(item: tuple[int, dict[str, Any]]) -> int:
    return item[0]


def _ringostat_call(
    ctx: RecordContext,
    rng: random.Random,
    choice: IntegrationChoice,
    owner_type: str,
    owner_id: int,
    owner: dict[str, Any],
    created: int,
    settings: dict[str, Any],
) -> tuple[int, dict[str, Any]]:
    choice.mark(RINGOSTAT, "activity")
    return activity_row(
        ctx,
        rng,
        kind=CALL,
        owner_type_id=owner_type,
        owner_id=owner_id,
        owner=owner,
        owner_created=created,
        settings=settings,
        author=choice.author(RINGOSTAT, ctx.staff(rng)),
        origin=(RINGOSTAT, choice.origin_id(RINGOSTAT)),
        provider_id=RINGOSTAT_PROVIDER,
    )
