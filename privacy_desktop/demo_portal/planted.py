"""Planted people: humans spread over several records in the ways real CRMs scatter them.

One person may be a contact typed in Cyrillic, again as a duplicate contact with a typo in the
surname, a lead with the name in Latin letters sharing the contact's e-mail, an employee, and
the owner of a requisite holding their RNOKPP; the same phone is typed differently each time
and apostrophes come in all three forms. The plan is made before any record is built so the
planted identifiers are taken first and no other record can repeat them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from privacy_desktop.demo_portal.crm_people import Written, written_latin
from privacy_desktop.demo_portal.identifiers import PHONE_STYLES
from privacy_desktop.demo_portal.names import (
    APOSTROPHES,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    has_apostrophe,
    one_edit_typo,
    with_apostrophe,
)
from privacy_desktop.demo_portal.people import Person, PersonFactory


@dataclass
class RecordSpec:
    """One CRM record (contact or lead) that shows a planted person."""

    entity: str  # "contact" | "lead"
    record_id: int
    written: Written
    phones: list[str]
    phone_styles: list[str]
    emails: list[str]
    tax_number: bool = False  # UF_CRM_TAX_NUMBER holds the RNOKPP
    requisite: bool = False  # a person requisite with the RNOKPP belongs to this contact


@dataclass
class PlantPlan:
    key: str
    person: Person
    specs: list[RecordSpec] = field(default_factory=list)
    employee_style: str | None = None  # the phone style of their user row, if an employee


def planted_count(contacts: int) -> int:
    """About eight per portal, growing slowly with size; at least five from 50 contacts."""
    if contacts < 10:
        return 0
    if contacts < 50:
        return contacts // 10
    scaled: float = 8 * (contacts / 500) ** 0.2
    return min(20, max(5, round(scaled)))


def _apostrophe_person(factory: PersonFactory, rng: random.Random, index: int) -> Person:
    """A person whose first name has an apostrophe (Мар'яна, В'ячеслав, Дар'я)."""
    male = index % 2 == 1
    pool = [n for n in (MALE_FIRST_NAMES if male else FEMALE_FIRST_NAMES) if "'" in n]
    return factory.person(rng, phones=2, emails=1, male=male, first=rng.choice(pool))


def make_plans(
    rng: random.Random,
    factory: PersonFactory,
    contact_ids: list[int],
    lead_ids: list[int],
) -> list[PlantPlan]:
    """Plans for planted_count(len(contact_ids)) people over the given record IDs."""
    count = planted_count(len(contact_ids))
    if count == 0:
        return []
    free_contacts = rng.sample(contact_ids, min(len(contact_ids), 2 * count))
    free_leads = rng.sample(lead_ids, min(len(lead_ids), 2 * count))
    plans: list[PlantPlan] = []
    for k in range(count):
        if k == 1 or k == 5:
            person = _apostrophe_person(factory, rng, k)
        else:
            person = factory.person(rng, phones=1 + (k % 2), emails=1)
        factory.rnokpp(rng, person)  # taken now, before anyone else's
        plan = PlantPlan(key=f"planted-{k + 1}", person=person)
        styles = [PHONE_STYLES[(k + shift) % len(PHONE_STYLES)] for shift in range(5)]
        cyrillic = _spelling(person, APOSTROPHES[k % 3])
        main = RecordSpec(
            "contact",
            free_contacts.pop(),
            cyrillic,
            list(person.phones),
            styles[: len(person.phones)],
            list(person.emails),
            tax_number=k % 4 in (0, 1),
            requisite=k % 2 == 0,
        )
        plan.specs.append(main)
        if k % 2 == 0 and free_leads:
            latin = written_latin(person)
            plan.specs.append(
                RecordSpec(
                    "lead",
                    free_leads.pop(),
                    latin,
                    person.phones[:1],
                    [styles[2]],
                    list(person.emails),
                )
            )
        if k % 2 == 1 and free_contacts:
            typo_spelling = _spelling(person, APOSTROPHES[(k + 1) % 3])
            typo = Written(
                typo_spelling.first, typo_spelling.second, one_edit_typo(rng, typo_spelling.last)
            )
            plan.specs.append(
                RecordSpec("contact", free_contacts.pop(), typo, person.phones[:1], [styles[3]], [])
            )
        if k % 3 == 1 and free_leads:
            plan.specs.append(
                RecordSpec(
                    "lead",
                    free_leads.pop(),
                    _spelling(person, APOSTROPHES[(k + 2) % 3]),
                    person.phones[-1:],
                    [styles[4]],
                    list(person.emails),
                )
            )
        if k == 3:
            plan.employee_style = styles[4]
        plans.append(plan)
    return plans


def _spelling(person: Person, apostrophe: str) -> Written:
    def spell(text: str) -> str:
        return with_apostrophe(text, apostrophe) if has_apostrophe(text) else text

    return Written(spell(person.first), spell(person.second), spell(person.last))


def specs_by_record(plans: list[PlantPlan]) -> dict[tuple[str, int], tuple[PlantPlan, RecordSpec]]:
    return {(spec.entity, spec.record_id): (plan, spec) for plan in plans for spec in plan.specs}


def full_name(row: dict[str, Any], first_key: str = "NAME", last_key: str = "LAST_NAME") -> str:
    return f"{row[first_key]} {row[last_key]}"
