"""The scope table covers every documented scope, and exposure counts this portal's data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacy_desktop.domain.i18n import UserMessage
from privacy_desktop.domain.inventory import InventorySummary
from privacy_desktop.domain.personal_data import Entity, PiiKind
from privacy_desktop.domain.scopes import (
    REACH_TEXTS,
    SCOPES,
    Exposure,
    exposure,
    normalise_scopes,
    parse_scopes,
)
from tests.unit.domain.scope_helpers import scaled, scope_sets, summaries, summary

#: api-reference/scopes/permissions.md (with its deprecated task scopes and user variants).
DOCUMENTED_TABLE = [
    "ai_admin",
    "biconnector",
    "bizproc",
    "booking",
    "calendar",
    "call",
    "cashbox",
    "catalog",
    "crm",
    "documentgenerator",
    "crm.documentgenerator",
    "delivery",
    "department",
    "disk",
    "entity",
    "im",
    "imbot",
    "imopenlines",
    "landing",
    "lists",
    "log",
    "mailservice",
    "messageservice",
    "pay_system",
    "pull",
    "rpa",
    "sale",
    "sign.b2e",
    "sonet_group",
    "socialnetwork",
    "task",
    "telephony",
    "timeman",
    "user",
    "user_brief",
    "user_basic",
    "user.userfield",
    "userfieldconfig",
    "userconsent",
    "vote",
    "tasks",
    "tasks_extended",
    "tasksmobile",
]
#: Scopes named on method pages of the same documentation.
DOCUMENTED_ON_PAGES = [
    "basic",
    "humanresources",
    "humanresources.hcmlink",
    "imconnector",
    "intranet",
    "main",
    "mail",
    "note",
    "contact_center",
    "placement",
    "mobile",
    "salescenter",
]
#: What a portal answers to scope?full=true (the official Python SDK's integration test).
PORTAL_FULL_LIST = [
    "booking",
    "biconnector",
    "telephony",
    "call",
    "timeman",
    "task",
    "tasks_extended",
    "log",
    "sonet_group",
    "sign.b2e",
    "sale",
    "cashbox",
    "delivery",
    "pay_system",
    "rpa",
    "placement",
    "user",
    "user_brief",
    "user_basic",
    "user.userfield",
    "entity",
    "pull",
    "pull_channel",
    "mobile",
    "messageservice",
    "mailservice",
    "lists",
    "landing",
    "landing_cloud",
    "department",
    "contact_center",
    "crm",
    "imopenlines",
    "imbot",
    "im",
    "humanresources.hcmlink",
    "forum",
    "documentgenerator",
    "disk",
    "catalog",
    "calendar",
    "bizproc",
    "ai_admin",
    "userconsent",
    "rating",
    "smile",
    "userfieldconfig",
    "baas",
    "calendarmobile",
    "catalogmobile",
    "iblock",
    "im.import",
    "imconnector",
    "intranet",
    "main",
    "notifications",
    "appform",
    "configuration.import",
    "rest",
    "salescenter",
    "socialnetwork",
    "tasks",
    "tasksmobile",
    "vote",
]


def contacts_portal() -> InventorySummary:
    return summary(
        [
            (Entity.CONTACT, "NAME", PiiKind.PERSON_NAME, 48_213),
            (Entity.CONTACT, "PHONE", PiiKind.PHONE, 40_000),
            (Entity.CONTACT, "UF_CRM_PHONE2", PiiKind.PHONE, 1_200),
            (Entity.CONTACT, "EMAIL", PiiKind.EMAIL, 30_500),
            (Entity.REQUISITE, "RQ_INN", PiiKind.RNOKPP, 9_000),
            (Entity.LEAD, "PHONE", PiiKind.PHONE, 500),
            (Entity.USER, "NAME", PiiKind.PERSON_NAME, 120),
            (Entity.USER, "PERSONAL_MOBILE", PiiKind.PHONE, 100),
            (Entity.USER, "LAST_LOGIN", PiiKind.LOGIN_TIME, 110),
        ],
        {Entity.CONTACT: 48_213, Entity.REQUISITE: 9_500, Entity.LEAD: 700, Entity.USER: 120},
    )


@pytest.mark.parametrize(
    "code", sorted({*DOCUMENTED_TABLE, *DOCUMENTED_ON_PAGES, *PORTAL_FULL_LIST})
)
def test_every_documented_scope_is_mapped(code: str) -> None:
    info = SCOPES[code]
    assert info.code == code
    assert info.description.strip()
    assert info.categories or not info.reaches_personal_data


def test_aliases_reach_what_their_scope_reaches() -> None:
    aliases = [info for info in SCOPES.values() if info.alias_of is not None]
    assert {info.code for info in aliases} >= {"tasks", "socialnetwork", "crm.documentgenerator"}
    for info in aliases:
        target = SCOPES[info.alias_of or ""]
        assert (info.kinds, info.entities, info.arbitrary) == (
            target.kinds,
            target.entities,
            target.arbitrary,
        )


def test_every_inventory_entity_is_reached_by_some_scope() -> None:
    reached = {entity for info in SCOPES.values() for entity in info.entities}
    assert reached == set(Entity)


def test_user_variants_narrow_from_user_to_brief() -> None:
    user, basic, brief = SCOPES["user"], SCOPES["user_basic"], SCOPES["user_brief"]
    assert brief.kinds < basic.kinds < user.kinds
    assert PiiKind.PHONE not in brief.kinds
    assert PiiKind.LOGIN_TIME in user.kinds - basic.kinds
    assert SCOPES["crm"].weight == 3
    assert SCOPES["catalog"].weight == 0
    assert not SCOPES["placement"].reaches_personal_data


def test_scope_lists_parse_as_portals_and_people_write_them() -> None:
    assert parse_scopes(" CRM,user;user  task\n") == ("crm", "task", "user")
    assert parse_scopes("") == ()
    assert normalise_scopes(["Disk", " disk", ""]) == ("disk",)


def test_crm_reaches_contacts_with_their_kinds() -> None:
    result = exposure(["crm"], contacts_portal())
    assert result.inventory_known
    assert result.unknown == ()
    (crm,) = result.scopes
    contact = next(r for r in crm.entities if r.entity is Entity.CONTACT)
    assert contact.records == 48_213
    # Phones: the field holding most of them, not the sum over two fields.
    assert {k.kind: k.records for k in contact.kinds} == {
        PiiKind.PERSON_NAME: 48_213,
        PiiKind.PHONE: 40_000,
        PiiKind.EMAIL: 30_500,
    }
    assert Entity.USER not in {r.entity for r in result.entities}
    assert {k.kind: k.records for k in result.kinds}[PiiKind.PHONE] == 40_500
    assert result.beyond_inventory == ("crm",)
    assert UserMessage("Scopes", REACH_TEXTS[Entity.CONTACT], ("crm",), 48_213) in (crm.messages())
    assert any("reaches contacts: 48213" in line.english() for line in crm.messages())


def test_user_brief_does_not_see_employees_phones() -> None:
    brief = exposure(["user_brief"], contacts_portal())
    full = exposure(["user"], contacts_portal())
    assert {k.kind for k in brief.entities[0].kinds} == {PiiKind.PERSON_NAME}
    assert {k.kind for k in full.entities[0].kinds} == {
        PiiKind.PERSON_NAME,
        PiiKind.PHONE,
        PiiKind.LOGIN_TIME,
    }
    both = exposure(["user_brief", "user"], contacts_portal())
    assert both.entities[0].scopes == ("user", "user_brief")
    assert both.entities[0].kinds == full.entities[0].kinds


def test_unknown_scopes_are_reported_not_ignored() -> None:
    result = exposure(["crm", "Future.Scope"], contacts_portal())
    assert result.unknown == ("future.scope",)
    assert any("future.scope" in line.english() for line in result.messages())


def test_without_an_inventory_scopes_still_say_what_they_reach() -> None:
    for result in (exposure(["crm"], None), exposure(["crm"], _never_scanned())):
        assert not result.inventory_known
        assert result.kinds == ()
        assert {r.entity for r in result.entities} >= {Entity.CONTACT, Entity.REQUISITE}
        assert all(r.records == 0 for r in result.entities)
        assert PiiKind.RNOKPP in result.potential_kinds
        assert result.records == 0


def _never_scanned() -> InventorySummary:
    base = contacts_portal()
    return InventorySummary(base.portal, None, {}, {}, {}, ())


def _numbers(result: Exposure) -> tuple[dict[PiiKind, int], dict[Entity, int], int]:
    return (
        {k.kind: k.records for k in result.kinds},
        {r.entity: r.records for r in result.entities},
        result.records,
    )


def _not_less(small: Exposure, large: Exposure) -> None:
    small_kinds, small_entities, small_records = _numbers(small)
    large_kinds, large_entities, large_records = _numbers(large)
    for kind, records in small_kinds.items():
        assert large_kinds.get(kind, 0) >= records
    for entity, records in small_entities.items():
        assert large_entities.get(entity, 0) >= records
    assert large_records >= small_records
    assert set(small.unknown) <= set(large.unknown)
    assert small.potential_kinds <= large.potential_kinds


@given(scope_sets, scope_sets, summaries())
def test_more_scopes_never_reach_less(
    first: frozenset[str], extra: frozenset[str], portal: InventorySummary
) -> None:
    _not_less(exposure(first, portal), exposure(first | extra, portal))


@given(scope_sets, summaries(), st.integers(min_value=1, max_value=50))
def test_more_data_never_reaches_less(
    scopes: frozenset[str], portal: InventorySummary, factor: int
) -> None:
    _not_less(exposure(scopes, portal), exposure(scopes, scaled(portal, factor)))
