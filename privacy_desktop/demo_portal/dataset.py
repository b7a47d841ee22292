"""The demo portal's generated Ukrainian dataset: every record in the legacy REST shape.

``generate(config)`` is deterministic for (seed, sizes). Each part draws from its own
``random.Random`` stream, so changing one entity's size leaves the other entities' data
largely the same. Ground truth for tests and benchmarks comes with the data:
``planted_people`` (who is where, for person search) and ``integrations`` (which records
integrations wrote). Treat the rows as read-only: activities of one owner share their
ENTITY_SETTINGS dict.

Entity names used in ground truth: "contact", "lead", "company", "deal", "user", "requisite",
"bank_detail", "activity".
"""

from __future__ import annotations

import gc
import random
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.activities import build_activities
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.consents import agreements, consent_rows
from privacy_desktop.demo_portal.integrations import choose_integrations
from privacy_desktop.demo_portal.people import PersonFactory, UniqueValues
from privacy_desktop.demo_portal.planted import PlantPlan, make_plans
from privacy_desktop.demo_portal.records_common import RecordContext
from privacy_desktop.demo_portal.schema import entity_field_descriptions, userfield_rows
from privacy_desktop.demo_portal.staff import build_staff
from privacy_desktop.demo_portal.tables import (
    IdSequence,
    build_companies,
    build_contacts,
    build_deals,
    build_leads,
)


@dataclass(frozen=True)
class PlantedPerson:
    """One human who appears in several records (ground truth for person search).

    Attributes:
        key: a stable label ("planted-1" …).
        names: every "NAME LAST_NAME" spelling used in their records: Cyrillic, Latin
            transliteration, apostrophe variants (ʼ ' ’), one typo.
        phones_e164: their normalised phones (+380…).
        emails: their e-mail addresses.
        rnokpp: their tax number if any record holds it.
        records: every (entity, ID) that shows them, activities with their communications
            included.
    """

    key: str
    names: tuple[str, ...]
    phones_e164: tuple[str, ...]
    emails: tuple[str, ...]
    rnokpp: str | None
    records: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class IntegrationFootprint:
    """An integration that wrote data: exactly the records whose ORIGINATOR_ID names it.

    Attributes:
        originator_id: the ORIGINATOR_ID value, e.g. "ringostat", "wp-forms", "1c-sync".
        created_by_user_id: its technical user (CREATED_BY_ID / AUTHOR_ID), if it has one.
        records: entity → count of records it created.
        activity_provider_id: PROVIDER_ID on activities it created, if any.
    """

    originator_id: str
    created_by_user_id: int | None
    records: dict[str, int]
    activity_provider_id: str | None


@dataclass
class Dataset:
    """The portal's contents, each record exactly as the legacy REST API returns it."""

    users: dict[int, dict[str, Any]]
    departments: dict[int, dict[str, Any]]
    contacts: dict[int, dict[str, Any]]
    leads: dict[int, dict[str, Any]]
    companies: dict[int, dict[str, Any]]
    deals: dict[int, dict[str, Any]]
    requisites: dict[int, dict[str, Any]]
    bank_details: dict[int, dict[str, Any]]
    activities: dict[int, dict[str, Any]]
    agreements: dict[int, dict[str, Any]]
    agreement_texts: dict[int, str]
    consents: list[dict[str, Any]]
    userfields: dict[str, list[dict[str, Any]]]
    entity_fields: dict[str, dict[str, dict[str, Any]]]
    planted_people: list[PlantedPerson]
    integrations: list[IntegrationFootprint]


def generate(config: DemoPortalConfig) -> Dataset:
    """Generate the dataset ``config`` describes (same seed and sizes → equal datasets)."""
    # Millions of fresh dicts and lists would trigger the cyclic collector over and over,
    # each pass walking everything built so far; the rows hold no cycles, so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(config)
    finally:
        if collecting:
            gc.enable()


def _generate(config: DemoPortalConfig) -> Dataset:

    def stream(part: str) -> random.Random:
        return random.Random(f"{config.seed}:{part}")  # str seeds hash with SHA-512: stable

    unique = UniqueValues()
    factory = PersonFactory(unique)
    contact_ids = IdSequence(stream("contact-ids")).take(config.contacts)
    lead_ids = IdSequence(stream("lead-ids")).take(config.leads)
    company_ids = IdSequence(stream("company-ids")).take(config.companies)
    deal_ids = IdSequence(stream("deal-ids")).take(config.deals)

    plans = make_plans(stream("planted"), factory, contact_ids, lead_ids)
    employee = next(
        ((plan.person, plan.employee_style) for plan in plans if plan.employee_style), None
    )
    ctx = RecordContext(staff_ids=(1,))
    staff, planted_user_id = build_staff(
        stream("staff"), ctx, factory, max(config.users, 1), employee
    )
    ctx.staff_ids = tuple(staff.regular_ids)
    planted_ids = {(spec.entity, spec.record_id) for plan in plans for spec in plan.specs}
    choice = choose_integrations(
        stream("integrations"),
        staff.technical_ids,
        contact_ids,
        lead_ids,
        company_ids,
        planted_ids,
    )

    requisite_ids = IdSequence(stream("requisite-ids"))
    bank_ids = IdSequence(stream("bank-ids"))
    requisites: dict[int, dict[str, Any]] = {}
    bank_details: dict[int, dict[str, Any]] = {}
    companies, company_infos, company_created = build_companies(
        stream("companies"),
        ctx,
        factory,
        company_ids,
        choice,
        requisite_ids,
        bank_ids,
        requisites,
        bank_details,
    )
    contacts, contact_created, plant_requisites = build_contacts(
        stream("contacts"),
        ctx,
        factory,
        contact_ids,
        company_infos,
        plans,
        choice,
        requisite_ids,
        bank_ids,
        requisites,
        bank_details,
    )
    leads, lead_created = build_leads(
        stream("leads"), ctx, factory, lead_ids, plans, choice, company_infos
    )
    deals = build_deals(stream("deals"), ctx, unique, deal_ids, contact_ids, company_ids)
    activities = build_activities(
        stream("activities"),
        ctx,
        IdSequence(stream("activity-ids")),
        choice,
        (contacts, contact_created),
        (leads, lead_created),
        (companies, company_created),
    )
    agreement_rows, agreement_texts = agreements()
    return Dataset(
        users=staff.users,
        departments=staff.departments,
        contacts=contacts,
        leads=leads,
        companies=companies,
        deals=deals,
        requisites=requisites,
        bank_details=bank_details,
        activities=activities,
        agreements=agreement_rows,
        agreement_texts=agreement_texts,
        consents=consent_rows(stream("consents"), contact_ids),
        userfields=userfield_rows(),
        entity_fields=entity_field_descriptions(),
        planted_people=_planted_truth(
            plans,
            contacts,
            leads,
            staff.users,
            requisites,
            activities,
            plant_requisites,
            planted_user_id,
        ),
        integrations=[
            IntegrationFootprint(originator, user_id, records, provider)
            for originator, user_id, records, provider in choice.footprints()
        ],
    )


def _planted_truth(
    plans: list[PlantPlan],
    contacts: dict[int, dict[str, Any]],
    leads: dict[int, dict[str, Any]],
    users: dict[int, dict[str, Any]],
    requisites: dict[int, dict[str, Any]],
    activities: dict[int, dict[str, Any]],
    plant_requisites: dict[str, int],
    planted_user_id: int | None,
) -> list[PlantedPerson]:
    """What each plan became, read back from the generated rows."""
    type_ids = {"lead": "1", "contact": "3"}
    wanted = {(type_ids[s.entity], str(s.record_id)) for plan in plans for s in plan.specs}
    owners: dict[tuple[str, int], list[int]] = {}
    for activity_id, row in activities.items():
        owner = (row["OWNER_TYPE_ID"], row["OWNER_ID"])
        if owner in wanted and row["COMMUNICATIONS"]:
            entity = "lead" if owner[0] == "1" else "contact"
            owners.setdefault((entity, int(owner[1])), []).append(activity_id)
    truth = []
    for plan in plans:
        records: list[tuple[str, int]] = []
        names: list[str] = []
        for spec in plan.specs:
            row = (contacts if spec.entity == "contact" else leads)[spec.record_id]
            records.append((spec.entity, spec.record_id))
            names.append(f"{row['NAME']} {row['LAST_NAME']}")
            records.extend(("activity", a) for a in owners.get((spec.entity, spec.record_id), []))
        requisite_id = plant_requisites.get(plan.key)
        if requisite_id is not None:
            records.append(("requisite", requisite_id))
            row = requisites[requisite_id]
            names.append(f"{row['RQ_FIRST_NAME']} {row['RQ_LAST_NAME']}")
        if plan.employee_style is not None and planted_user_id is not None:
            records.append(("user", planted_user_id))
            names.append(f"{users[planted_user_id]['NAME']} {users[planted_user_id]['LAST_NAME']}")
        shows_rnokpp = requisite_id is not None or any(s.tax_number for s in plan.specs)
        truth.append(
            PlantedPerson(
                key=plan.key,
                names=tuple(dict.fromkeys(names)),
                phones_e164=tuple(plan.person.phones),
                emails=tuple(plan.person.emails),
                rnokpp=plan.person.rnokpp if shows_rnokpp else None,
                records=tuple(sorted(records)),
            )
        )
    return truth
