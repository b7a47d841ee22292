"""Grants: defaults, normalisation, and a risk score that is explained and monotone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privacy_desktop.domain.grants import (
    GROUND_TEXTS,
    PARTY_NAMES,
    ActivitySigns,
    Grant,
    GrantSource,
    LegalGround,
    PartyKind,
    RiskLevel,
    default_ground,
    risk,
)
from privacy_desktop.domain.inventory import InventorySummary
from privacy_desktop.domain.personal_data import Entity, PiiKind
from privacy_desktop.domain.scopes import exposure
from tests.unit.domain.scope_helpers import scaled, scope_sets, summaries, summary

grounds = st.none() | st.sampled_from(list(LegalGround))
activities = st.builds(
    ActivitySigns,
    records_written=st.integers(min_value=0, max_value=10**7),
    handlers=st.integers(min_value=0, max_value=500),
    days_since_last_activity=st.none() | st.integers(min_value=0, max_value=5000),
)


def grant(scopes: frozenset[str] | list[str], ground: LegalGround | None = None) -> Grant:
    return Grant(
        id="g1", party=PartyKind.LOCAL_APP, name="crm-sync", scopes=tuple(scopes), ground=ground
    )


def portal() -> InventorySummary:
    return summary(
        [
            (Entity.CONTACT, "NAME", PiiKind.PERSON_NAME, 48_213),
            (Entity.CONTACT, "PHONE", PiiKind.PHONE, 40_000),
            (Entity.REQUISITE, "RQ_INN", PiiKind.RNOKPP, 9_000),
        ],
        {Entity.CONTACT: 48_213, Entity.REQUISITE: 9_000},
    )


def score(
    scopes: frozenset[str] | list[str],
    data: InventorySummary | None,
    signs: ActivitySigns,
    ground: LegalGround | None,
) -> int:
    item = grant(scopes, ground)
    return risk(item, exposure(item.scopes, data), signs).score


def test_marketplace_apps_default_to_third_party_products() -> None:
    assert default_ground(PartyKind.MARKETPLACE_APP) is LegalGround.THIRD_PARTY_PRODUCT
    assert default_ground(PartyKind.INBOUND_WEBHOOK) is None
    assert set(PARTY_NAMES) == set(PartyKind)
    for ground, text in GROUND_TEXTS.items():
        assert text.startswith(ground.value + " ")
    assert set(GROUND_TEXTS) == set(LegalGround)


def test_a_grant_normalises_its_scopes_and_sources() -> None:
    item = Grant(
        id="g",
        party=PartyKind.INBOUND_WEBHOOK,
        name="hook",
        scopes=("User", "crm", "crm "),
        sources=(GrantSource.MANUAL, GrantSource.API, GrantSource.MANUAL),
    )
    assert item.scopes == ("crm", "user")
    assert item.sources == (GrantSource.API, GrantSource.MANUAL)
    assert item == Grant(
        id="g",
        party=PartyKind.INBOUND_WEBHOOK,
        name="hook",
        scopes=("user", "crm"),
        sources=(GrantSource.API, GrantSource.MANUAL),
    )


def test_a_grant_reaching_no_personal_data_scores_nothing() -> None:
    item = grant(["catalog", "placement"], LegalGround.CONTRACT)
    result = risk(item, exposure(item.scopes, portal()), ActivitySigns())
    assert result.score == 0
    assert result.level is RiskLevel.LOW
    assert result.sensitive_kinds == ()


def test_crm_without_a_ground_is_high_and_says_why() -> None:
    item = grant(["crm"])
    signs = ActivitySigns(records_written=3_000, handlers=2, days_since_last_activity=3)
    result = risk(item, exposure(item.scopes, portal()), signs)
    assert result.level is RiskLevel.HIGH
    assert result.sensitive_kinds == (PiiKind.RNOKPP,)
    texts = [reason.english() for reason in result.reasons]
    assert "Scopes reaching personal data (1): crm" in texts
    assert "Records with personal data it can reach: 57213" in texts
    assert "No legal ground (3.2.1–3.2.5) is recorded" in texts
    assert "Records it created or changed: 3000" in texts
    assert all(reason.context == "Grants" for reason in result.reasons)


def test_unknown_scopes_and_a_missing_scan_are_explained() -> None:
    item = grant(["crm", "brand.new"], LegalGround.CONSENT)
    result = risk(item, exposure(item.scopes, None), ActivitySigns())
    texts = [reason.english() for reason in result.reasons]
    assert "Unknown scopes, assumed to reach personal data: brand.new" in texts
    assert "The portal has not been scanned: the score weighs the scopes only" in texts
    assert "No sign of activity found" in texts
    assert result.score > score(["crm"], None, ActivitySigns(), LegalGround.CONSENT) > 0


def test_each_factor_raises_the_score() -> None:
    quiet = ActivitySigns()
    base = score(["user_brief"], portal(), quiet, LegalGround.CONTRACT)
    assert score(["user_brief", "crm"], portal(), quiet, LegalGround.CONTRACT) > base
    assert score(["user_brief"], portal(), quiet, None) > base
    busy = ActivitySigns(records_written=100, days_since_last_activity=1)
    assert score(["user_brief"], portal(), busy, LegalGround.CONTRACT) > base


@given(scope_sets, scope_sets, summaries(), activities, grounds)
def test_more_scopes_never_lower_the_score(
    first: frozenset[str],
    extra: frozenset[str],
    data: InventorySummary,
    signs: ActivitySigns,
    ground: LegalGround | None,
) -> None:
    assert score(first | extra, data, signs, ground) >= score(first, data, signs, ground)


@given(scope_sets, summaries(), st.integers(min_value=1, max_value=1000), activities, grounds)
def test_more_data_never_lowers_the_score(
    scopes: frozenset[str],
    data: InventorySummary,
    factor: int,
    signs: ActivitySigns,
    ground: LegalGround | None,
) -> None:
    assert score(scopes, scaled(data, factor), signs, ground) >= score(scopes, data, signs, ground)


@given(
    scope_sets,
    summaries(),
    activities,
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=5000),
    grounds,
)
def test_more_activity_never_lowers_the_score(
    scopes: frozenset[str],
    data: InventorySummary,
    signs: ActivitySigns,
    more_records: int,
    more_handlers: int,
    sooner: int,
    ground: LegalGround | None,
) -> None:
    days = signs.days_since_last_activity
    busier = ActivitySigns(
        records_written=signs.records_written + more_records,
        handlers=signs.handlers + more_handlers,
        # More recent, or seen at all where it never was.
        days_since_last_activity=max(0, days - sooner) if days is not None else sooner,
    )
    assert score(scopes, data, busier, ground) >= score(scopes, data, signs, ground)


@given(scope_sets, summaries(), activities, st.sampled_from(list(LegalGround)))
def test_a_missing_ground_never_lowers_the_score(
    scopes: frozenset[str], data: InventorySummary, signs: ActivitySigns, ground: LegalGround
) -> None:
    assert score(scopes, data, signs, None) >= score(scopes, data, signs, ground)
    assert 0 <= score(scopes, data, signs, None) <= 100
