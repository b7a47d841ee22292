"""Builds the CRM tables (companies, contacts, leads, deals) from the record builders."""

from __future__ import annotations

import random
from typing import Any

from privacy_desktop.demo_portal.crm_business import (
    CompanyInfo,
    bank_detail_row,
    company_requisite_row,
    company_row,
    deal_row,
    person_requisite_row,
)
from privacy_desktop.demo_portal.crm_people import (
    add_person_fields,
    add_user_field_values,
    contact_row,
    free_text_with_identifier,
    lead_row,
    written_cyrillic,
    written_latin,
)
from privacy_desktop.demo_portal.integrations import ONE_C, RINGOSTAT, WP_FORMS, IntegrationChoice
from privacy_desktop.demo_portal.people import PersonFactory, UniqueValues
from privacy_desktop.demo_portal.places import CITIES, STREETS
from privacy_desktop.demo_portal.planted import PlantPlan, specs_by_record
from privacy_desktop.demo_portal.records_common import RecordContext

#: Share of IDs missing, as after deletions.
GAP_SHARE = 0.02

Table = dict[int, dict[str, Any]]


class IdSequence:
    """IDs from 1 upwards with about GAP_SHARE of them skipped (deleted records)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next = 1

    def next_id(self) -> int:
        value = self._next
        self._next += 1
        while self._rng.random() < GAP_SHARE:
            self._next += 1
        return value

    def take(self, count: int) -> list[int]:
        return [self.next_id() for _ in range(count)]


def _sorted_times(ctx: RecordContext, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Creation/modification times for ``count`` records, ascending by creation like IDs."""
    return sorted(ctx.created_modified(rng) for _ in range(count))


def build_companies(
    rng: random.Random,
    ctx: RecordContext,
    factory: PersonFactory,
    company_ids: list[int],
    choice: IntegrationChoice,
    requisite_ids: IdSequence,
    bank_ids: IdSequence,
    requisites: Table,
    bank_details: Table,
) -> tuple[Table, list[CompanyInfo], dict[int, int]]:
    """Companies, with an organisation requisite (EDRPOU) and bank details for most."""
    unique = factory.unique
    companies: Table = {}
    infos: list[CompanyInfo] = []
    created_at: dict[int, int] = {}
    for company_id, created in zip(
        company_ids, _sorted_times(ctx, rng, len(company_ids)), strict=True
    ):
        origin = None
        created_by = ctx.staff(rng)
        if company_id in choice.one_c_companies:
            origin = (ONE_C, choice.origin_id(ONE_C))
            created_by = choice.author(ONE_C, created_by)
            choice.mark(ONE_C, "company")
        row, info, form = company_row(
            ctx, rng, unique, company_id, created=created, created_by=created_by, origin=origin
        )
        companies[company_id] = row
        infos.append(info)
        created_at[company_id] = created[0]
        if origin is None and rng.random() >= 0.8:
            continue
        director = factory.person(rng, phones=0, emails=0)
        requisite_id = requisite_ids.next_id()
        requisite = company_requisite_row(
            ctx,
            rng,
            unique,
            requisite_id,
            info,
            row,
            form,
            director,
            created_by=created_by if origin else None,
            origin=origin,
        )
        if origin is not None:
            requisite["XML_ID"] = origin[1]
            choice.mark(ONE_C, "requisite")
        requisites[requisite_id] = requisite
        if origin is not None or rng.random() < 0.85:
            bank_id = bank_ids.next_id()
            bank_details[bank_id] = bank_detail_row(rng, unique, bank_id, requisite, personal=False)
            if origin is not None:
                choice.mark(ONE_C, "bank_detail")
    return companies, infos, created_at


def build_contacts(
    rng: random.Random,
    ctx: RecordContext,
    factory: PersonFactory,
    contact_ids: list[int],
    companies: list[CompanyInfo],
    plans: list[PlantPlan],
    choice: IntegrationChoice,
    requisite_ids: IdSequence,
    bank_ids: IdSequence,
    requisites: Table,
    bank_details: Table,
) -> tuple[Table, dict[int, int], dict[str, int]]:
    """Contacts (planted people in their planned records), ~30 % with a person requisite.

    Returns the contacts, their creation times, and planted key → requisite ID.
    """
    unique = factory.unique
    planted = specs_by_record(plans)
    contacts: Table = {}
    created_at: dict[int, int] = {}
    plant_requisites: dict[str, int] = {}
    times = _sorted_times(ctx, rng, len(contact_ids))
    company_count = len(companies)
    for contact_id, created in zip(contact_ids, times, strict=True):
        found = planted.get(("contact", contact_id))
        if found is not None:
            plan, spec = found
            person, written = plan.person, spec.written
            phones, emails, styles = spec.phones, spec.emails, spec.phone_styles
            tax_number: bool | None = spec.tax_number
            wants_requisite = spec.requisite
        else:
            person = factory.person(rng)
            written = written_cyrillic(ctx, rng, person)
            phones, emails, styles, tax_number = person.phones, person.emails, None, None
            wants_requisite = rng.random() < 0.3
        origin = None
        created_by = ctx.staff(rng)
        if contact_id in choice.one_c_contacts:
            origin = (ONE_C, choice.origin_id(ONE_C))
            created_by = choice.author(ONE_C, created_by)
            choice.mark(ONE_C, "contact")
        roll = rng.random()
        comments = None
        if roll < 0.02:
            comments = free_text_with_identifier(rng, unique, ctx)
        elif roll < 0.1:
            comments = "Клієнт з 2019 року, працює з нами через партнера"
        company_id = None
        if company_count and rng.random() < 0.4:
            company_id = companies[int(rng.random() * company_count)].id
        row = contact_row(
            ctx,
            rng,
            contact_id,
            created=created,
            created_by=created_by,
            origin=origin,
            company_id=company_id,
            comments=comments,
        )
        add_person_fields(
            row, ctx, rng, person, written, phones=phones, emails=emails, phone_styles=styles
        )
        add_user_field_values(row, ctx, rng, person, factory, tax_number)
        contacts[contact_id] = row
        created_at[contact_id] = created[0]
        if not wants_requisite:
            continue
        requisite_id = requisite_ids.next_id()
        requisite = person_requisite_row(
            ctx,
            rng,
            unique,
            requisite_id,
            row,
            person,
            rnokpp=factory.rnokpp(rng, person),
            names=(written.first, written.second, written.last),
        )
        requisites[requisite_id] = requisite
        if found is not None:
            plant_requisites[found[0].key] = requisite_id
        if rng.random() < 0.75:
            bank_id = bank_ids.next_id()
            bank_details[bank_id] = bank_detail_row(rng, unique, bank_id, requisite, personal=True)
    return contacts, created_at, plant_requisites


def build_leads(
    rng: random.Random,
    ctx: RecordContext,
    factory: PersonFactory,
    lead_ids: list[int],
    plans: list[PlantPlan],
    choice: IntegrationChoice,
    companies: list[CompanyInfo],
) -> tuple[Table, dict[int, int]]:
    """Leads; some from integrations, some typed in Latin letters."""
    planted = specs_by_record(plans)
    leads: Table = {}
    created_at: dict[int, int] = {}
    for lead_id, created in zip(lead_ids, _sorted_times(ctx, rng, len(lead_ids)), strict=True):
        found = planted.get(("lead", lead_id))
        if found is not None:
            plan, spec = found
            person, written = plan.person, spec.written
            phones, emails, styles = spec.phones, spec.emails, spec.phone_styles
            tax_number: bool | None = spec.tax_number
        else:
            person = factory.person(rng)
            latin = rng.random() < 0.08
            written = written_latin(person) if latin else written_cyrillic(ctx, rng, person)
            phones, emails, styles, tax_number = person.phones, person.emails, None, None
        origin = None
        source = None
        created_by = ctx.staff(rng)
        if lead_id in choice.ringostat_leads:
            origin, source = (RINGOSTAT, choice.origin_id(RINGOSTAT)), "CALL"
        elif lead_id in choice.wp_leads:
            origin, source = (WP_FORMS, choice.origin_id(WP_FORMS)), "WEB"
        if origin is not None:
            created_by = choice.author(origin[0], created_by)
            choice.mark(origin[0], "lead")
        company_title = None
        if companies and rng.random() < 0.15:
            company_title = companies[int(rng.random() * len(companies))].title
        row = lead_row(
            ctx,
            rng,
            lead_id,
            created=created,
            created_by=created_by,
            origin=origin,
            source_id=source,
            company_title=company_title,
        )
        add_person_fields(
            row, ctx, rng, person, written, phones=phones, emails=emails, phone_styles=styles
        )
        add_user_field_values(row, ctx, rng, person, factory, tax_number)
        leads[lead_id] = row
        created_at[lead_id] = created[0]
    return leads, created_at


def build_deals(
    rng: random.Random,
    ctx: RecordContext,
    unique: UniqueValues,
    deal_ids: list[int],
    contact_ids: list[int],
    company_ids: list[int],
) -> Table:
    """Deals linked to existing contacts and companies."""
    deals: Table = {}
    for deal_id, created in zip(deal_ids, _sorted_times(ctx, rng, len(deal_ids)), strict=True):
        contact_id = rng.choice(contact_ids) if contact_ids and rng.random() < 0.85 else None
        company_id = rng.choice(company_ids) if company_ids and rng.random() < 0.5 else None
        address = None
        if rng.random() < 0.4:
            city = rng.choice(CITIES)
            address = f"{city.name}, {rng.choice(STREETS)}, {rng.randrange(1, 150)}"
        deals[deal_id] = deal_row(
            ctx,
            rng,
            unique,
            deal_id,
            created=created,
            contact_id=contact_id,
            company_id=company_id,
            delivery_address=address,
        )
    return deals
