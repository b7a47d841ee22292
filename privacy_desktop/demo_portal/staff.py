"""The portal's employees (user.get rows) and their department tree (department.get rows)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.kyiv_time import DATA_NOW, THREE_YEARS, kyiv_midnight_iso
from privacy_desktop.demo_portal.names import transliterate
from privacy_desktop.demo_portal.people import Person, PersonFactory, phone_display
from privacy_desktop.demo_portal.places import DEPARTMENT_NAMES, POSITIONS
from privacy_desktop.demo_portal.records_common import (
    OWN_COMPANY,
    OWN_DOMAIN,
    PHOTO_BASE,
    RecordContext,
    iso,
)


@dataclass(frozen=True)
class TechnicalUser:
    """A user account an integration acts as."""

    originator_id: str
    first_name: str
    last_name: str
    mailbox: str


@dataclass
class Staff:
    users: dict[int, dict[str, Any]]
    departments: dict[int, dict[str, Any]]
    regular_ids: list[int]  # employees who author ordinary records (not technical users)
    technical_ids: dict[str, int]  # originator_id → its technical user's ID


def build_departments(rng: random.Random, users: int) -> dict[int, dict[str, Any]]:
    """A root department named after the company, and sub-departments under it."""
    count = 1 + min(len(DEPARTMENT_NAMES), max(1, users // 4))
    departments: dict[int, dict[str, Any]] = {1: {"ID": "1", "NAME": OWN_COMPANY, "SORT": 500}}
    for index in range(1, count):
        dep_id = index + 1
        # "Sales — West/East" go under Sales when Sales exists; the rest under the root.
        name = DEPARTMENT_NAMES[index - 1]
        parent = "2" if "—" in name else "1"
        departments[dep_id] = {
            "ID": str(dep_id),
            "NAME": name,
            "SORT": 500 + index * 10,
            "PARENT": parent,
        }
    del rng  # the tree is fixed by size; kept in the signature for future variety
    return departments


def _user_row(
    rng: random.Random,
    ctx: RecordContext,
    user_id: int,
    person: Person,
    *,
    department: int,
    position: str,
    email: str,
    mobile_style: str | None = None,
) -> dict[str, Any]:
    registered = DATA_NOW - THREE_YEARS - int(rng.random() * 2 * 365 * 86_400)
    if user_id == 1:
        registered = DATA_NOW - THREE_YEARS - 3 * 365 * 86_400
    last_login = DATA_NOW - int(rng.random() * 20 * 86_400)
    mobile = person.phones[0] if person.phones else None
    style = mobile_style or ctx.phone_style(rng)
    work_phone = person.phones[1] if len(person.phones) > 1 else None
    has_photo = rng.random() < 0.7
    photo = (
        f"{PHOTO_BASE}/{rng.getrandbits(12):03x}/{rng.getrandbits(128):032x}/avatar.jpg"
        if has_photo
        else ""
    )
    return {
        "ID": str(user_id),
        "XML_ID": f"{rng.getrandbits(32):08x}",
        "ACTIVE": True,
        "NAME": ctx.spell(rng, person.first),
        "LAST_NAME": ctx.spell(rng, person.last),
        "SECOND_NAME": ctx.spell(rng, person.second) if rng.random() < 0.8 else "",
        "TITLE": "",
        "EMAIL": email,
        "LAST_LOGIN": iso(last_login),
        "DATE_REGISTER": iso(registered),
        "LAST_ACTIVITY_DATE": iso(last_login + 3_600),
        "TIMESTAMP_X": iso(max(registered, last_login - int(rng.random() * 90 * 86_400))),
        "IS_ONLINE": "N",
        "TIME_ZONE": "Europe/Kiev" if rng.random() < 0.3 else "",
        "TIME_ZONE_OFFSET": "7200",
        "PERSONAL_PROFESSION": "",
        "PERSONAL_WWW": "",
        "PERSONAL_ICQ": "",
        "PERSONAL_GENDER": "M" if person.male else "F",
        "PERSONAL_BIRTHDAY": kyiv_midnight_iso(person.birthday) if rng.random() < 0.85 else "",
        "PERSONAL_PHOTO": photo,
        "PERSONAL_PHONE": "",
        "PERSONAL_FAX": "",
        "PERSONAL_MOBILE": phone_display(mobile, style, rng) if mobile else "",
        "PERSONAL_PAGER": "",
        "PERSONAL_STREET": person.address_line,
        "PERSONAL_MAILBOX": "",
        "PERSONAL_CITY": ctx.spell(rng, person.city.name),
        "PERSONAL_STATE": person.city.oblast,
        "PERSONAL_ZIP": person.postal_code,
        "PERSONAL_COUNTRY": "",
        "PERSONAL_NOTES": "",
        "WORK_COMPANY": OWN_COMPANY,
        "WORK_DEPARTMENT": "",
        "WORK_POSITION": position,
        "WORK_WWW": "",
        "WORK_PHONE": phone_display(work_phone, "parens", rng) if work_phone else "",
        "WORK_FAX": "",
        "WORK_STREET": "",
        "WORK_CITY": "",
        "WORK_STATE": "",
        "WORK_ZIP": "",
        "WORK_COUNTRY": "",
        "UF_DEPARTMENT": [department],
        "UF_PHONE_INNER": str(100 + user_id),
        "UF_SKYPE": f"live:.cid.{rng.getrandbits(40):010x}" if rng.random() < 0.3 else "",
        "UF_EMPLOYMENT_DATE": iso(registered)[:10],
        "UF_INTERESTS": "",
        "USER_TYPE": "employee",
    }


#: WORK_POSITION of an integration's technical user (these accounts are no people).
TECHNICAL_POSITION = "Технічний користувач інтеграції"

TECHNICAL_USERS = (
    TechnicalUser("ringostat", "Ringostat", "Інтеграція", "ringostat"),
    TechnicalUser("1c-sync", "Обмін", "1С", "1c-exchange"),
)


def build_staff(
    rng: random.Random,
    ctx: RecordContext,
    factory: PersonFactory,
    total_users: int,
    planted_employee: tuple[Person, str] | None,
) -> tuple[Staff, int | None]:
    """Users 1..total_users: the admin first, employees, then technical users (≥ 5 users).

    ``planted_employee`` is (person, phone style) of a planted person who also works here.
    Returns the staff and the planted employee's user ID (None if none was placed).
    """
    departments = build_departments(rng, total_users)
    dep_ids = [int(d) for d in departments]
    technical = TECHNICAL_USERS if total_users >= 5 else ()
    employees = total_users - len(technical)
    planted_id: int | None = None
    if planted_employee is not None and employees >= 3:
        planted_id = 2 + rng.randrange(employees - 1)
    users: dict[int, dict[str, Any]] = {}
    used_logins: set[str] = set()
    for user_id in range(1, employees + 1):
        style = None
        if user_id == planted_id and planted_employee is not None:
            person, style = planted_employee
        else:
            phones = 1 if rng.random() < 0.8 else 2
            person = factory.person(rng, phones=phones, emails=0, working_age=True)
        if user_id == 1:
            department, position = 1, "Директор"
        else:
            department = dep_ids[rng.randrange(len(dep_ids))]
            position = POSITIONS[rng.randrange(len(POSITIONS))]
        login = transliterate(person.first).lower()[:1] + "." + transliterate(person.last).lower()
        while login in used_logins:
            login += str(rng.randrange(10))
        used_logins.add(login)
        email = factory.unique.email(rng, login, OWN_DOMAIN)
        if user_id == planted_id:
            person.emails.append(email)
        row = _user_row(
            rng,
            ctx,
            user_id,
            person,
            department=department,
            position=position,
            email=email,
            mobile_style=style,
        )
        if user_id != 1 and rng.random() < 0.08:
            row["ACTIVE"] = False  # dismissed: users are never deleted, only deactivated
        users[user_id] = row
    technical_ids: dict[str, int] = {}
    for offset, tech in enumerate(technical):
        user_id = employees + 1 + offset
        technical_ids[tech.originator_id] = user_id
        registered = DATA_NOW - THREE_YEARS + 30 * 86_400 * (offset + 1)
        users[user_id] = _technical_row(user_id, tech, registered, factory, rng)
    for dep_id, dep_row in departments.items():
        members = [u for u, user in users.items() if dep_id in user["UF_DEPARTMENT"]]
        if members and dep_id != 1:
            dep_row["UF_HEAD"] = str(members[0])
    departments[1]["UF_HEAD"] = "1"
    regular = list(range(1, employees + 1))
    return Staff(users, departments, regular, technical_ids), planted_id


def _technical_row(
    user_id: int,
    tech: TechnicalUser,
    registered: int,
    factory: PersonFactory,
    rng: random.Random,
) -> dict[str, Any]:
    blank = dict.fromkeys(
        (
            "TITLE",
            "SECOND_NAME",
            "PERSONAL_PROFESSION",
            "PERSONAL_WWW",
            "PERSONAL_ICQ",
            "PERSONAL_GENDER",
            "PERSONAL_BIRTHDAY",
            "PERSONAL_PHOTO",
            "PERSONAL_PHONE",
            "PERSONAL_FAX",
            "PERSONAL_MOBILE",
            "PERSONAL_PAGER",
            "PERSONAL_STREET",
            "PERSONAL_MAILBOX",
            "PERSONAL_CITY",
            "PERSONAL_STATE",
            "PERSONAL_ZIP",
            "PERSONAL_COUNTRY",
            "PERSONAL_NOTES",
            "WORK_DEPARTMENT",
            "WORK_WWW",
            "WORK_PHONE",
            "WORK_FAX",
            "WORK_STREET",
            "WORK_CITY",
            "WORK_STATE",
            "WORK_ZIP",
            "WORK_COUNTRY",
            "UF_SKYPE",
            "UF_INTERESTS",
            "TIME_ZONE",
        ),
        "",
    )
    last_login = DATA_NOW - int(rng.random() * 86_400)
    return {
        "ID": str(user_id),
        "XML_ID": f"{rng.getrandbits(32):08x}",
        "ACTIVE": True,
        "NAME": tech.first_name,
        "LAST_NAME": tech.last_name,
        "EMAIL": factory.unique.email(rng, tech.mailbox, OWN_DOMAIN),
        "LAST_LOGIN": iso(last_login),
        "DATE_REGISTER": iso(registered),
        "LAST_ACTIVITY_DATE": iso(last_login),
        "TIMESTAMP_X": iso(registered),
        "IS_ONLINE": "N",
        "TIME_ZONE_OFFSET": "7200",
        "WORK_COMPANY": OWN_COMPANY,
        "WORK_POSITION": TECHNICAL_POSITION,
        "UF_DEPARTMENT": [1],
        "UF_PHONE_INNER": "",
        "UF_EMPLOYMENT_DATE": iso(registered)[:10],
        "USER_TYPE": "employee",
        **blank,
    }
