"""Access grants: who was given access to the portal's data, on what ground, and how risky.

Section 4.3 of the Bitrix24 privacy terms: a third-party product installed on the portal is
given access to its data, and Bitrix24 answers for none of what it does with it. Section 3.2
lists the grounds on which personal information may be passed to a third party (3.2.1–3.2.5).

The risk score of a grant (:func:`risk`) is documented there; it is monotone: more scopes,
more reachable data, more signs of activity or a missing ground never lower it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.personal_data import SENSITIVITY, PiiKind
from privacy_desktop.domain.scope_catalogue import ARBITRARY_SENSITIVITY, SCOPES
from privacy_desktop.domain.scopes import Exposure, normalise_scopes


class PartyKind(StrEnum):
    """Who holds the grant."""

    MARKETPLACE_APP = "marketplace_app"
    LOCAL_APP = "local_app"
    INBOUND_WEBHOOK = "inbound_webhook"
    OUTBOUND_WEBHOOK = "outbound_webhook"
    #: This tool's own OAuth connection (or webhook) to the portal.
    OWN_CONNECTION = "own_connection"


class LegalGround(StrEnum):
    """Section 3.2 of the privacy terms: when personal information may go to a third party."""

    CONSENT = "3.2.1"
    CONTRACT = "3.2.2"
    PROTECTION_OF_RIGHTS = "3.2.3"
    THIRD_PARTY_PRODUCT = "3.2.4"
    JUSTICE = "3.2.5"


class GrantStatus(StrEnum):
    """Where a grant stands; only a verified revocation counts as revoked."""

    ACTIVE = "active"
    REVOCATION_REQUESTED = "revocation_requested"
    REVOKED_VERIFIED = "revoked_verified"


class GrantSource(StrEnum):
    """How the register learnt of a grant (a grant may have several)."""

    API = "api"
    FOOTPRINT = "footprint"
    IMPORTED = "imported"
    MANUAL = "manual"
    ONPREM_DB = "onprem_db"


PARTY_NAMES: dict[PartyKind, str] = {
    PartyKind.MARKETPLACE_APP: QT_TRANSLATE_NOOP("Grants", "Marketplace application"),
    PartyKind.LOCAL_APP: QT_TRANSLATE_NOOP("Grants", "Local application"),
    PartyKind.INBOUND_WEBHOOK: QT_TRANSLATE_NOOP("Grants", "Inbound webhook"),
    PartyKind.OUTBOUND_WEBHOOK: QT_TRANSLATE_NOOP("Grants", "Outbound webhook handler"),
    PartyKind.OWN_CONNECTION: QT_TRANSLATE_NOOP("Grants", "This tool's connection"),
}

#: The grounds as the privacy terms word them (section 3.2, abridged).
GROUND_TEXTS: dict[LegalGround, str] = {
    LegalGround.CONSENT: QT_TRANSLATE_NOOP(
        "Grants", "3.2.1 The person agreed to the disclosure in advance"
    ),
    LegalGround.CONTRACT: QT_TRANSLATE_NOOP(
        "Grants",
        "3.2.2 Needed to perform a contract to which the person is a party, beneficiary or "
        "guarantor, or to conclude one on the person's initiative",
    ),
    LegalGround.PROTECTION_OF_RIGHTS: QT_TRANSLATE_NOOP(
        "Grants",
        "3.2.3 Needed to protect the rights and lawful interests of Bitrix24 or third parties "
        "when the person breaches Bitrix24's copyright or licence agreement",
    ),
    LegalGround.THIRD_PARTY_PRODUCT: QT_TRANSLATE_NOOP(
        "Grants",
        "3.2.4 Needed to connect or register third-party products (Marketplace) in the name "
        "of the person or the organisation they represent",
    ),
    LegalGround.JUSTICE: QT_TRANSLATE_NOOP(
        "Grants",
        "3.2.5 Needed for the administration of justice or the enforcement of a court or "
        "other authority's decision under the laws of Ukraine",
    ),
}

STATUS_NAMES: dict[GrantStatus, str] = {
    GrantStatus.ACTIVE: QT_TRANSLATE_NOOP("Grants", "Active"),
    GrantStatus.REVOCATION_REQUESTED: QT_TRANSLATE_NOOP("Grants", "Revocation requested"),
    GrantStatus.REVOKED_VERIFIED: QT_TRANSLATE_NOOP("Grants", "Revoked (verified)"),
}

SOURCE_NAMES: dict[GrantSource, str] = {
    GrantSource.API: QT_TRANSLATE_NOOP("Grants", "Found through the API"),
    GrantSource.FOOTPRINT: QT_TRANSLATE_NOOP("Grants", "Found from data footprints"),
    GrantSource.IMPORTED: QT_TRANSLATE_NOOP("Grants", "Imported from a file"),
    GrantSource.MANUAL: QT_TRANSLATE_NOOP("Grants", "Entered by hand"),
    GrantSource.ONPREM_DB: QT_TRANSLATE_NOOP("Grants", "Read from the portal's database"),
}


def default_ground(party: PartyKind) -> LegalGround | None:
    """The ground a new grant starts with: 3.2.4 for Marketplace apps, otherwise none."""
    return LegalGround.THIRD_PARTY_PRODUCT if party is PartyKind.MARKETPLACE_APP else None


@dataclass(frozen=True)
class Grant:
    """One party's access to the portal, as the register holds it.

    Attributes:
        id: the register's identifier of the grant (stable across scans).
        party: what kind of party it is.
        name: the app's or webhook's name (an app code, a handler's host; never a secret).
        scopes: its scope codes, normalised and sorted.
        installed_by: who installed or created it (a portal user's name or ID), if known.
        installed_at: when (timezone-aware), if known.
        ground: the legal ground (3.2.x), or None if none is recorded.
        purpose: why it has access, in the administrator's words.
        status: where it stands.
        sources: how the register learnt of it, sorted.
        evidence: notes and evidence (footprints, confirmations, tickets), oldest first.
    """

    id: str
    party: PartyKind
    name: str
    scopes: tuple[str, ...]
    installed_by: str | None = None
    installed_at: datetime | None = None
    ground: LegalGround | None = None
    purpose: str = ""
    status: GrantStatus = GrantStatus.ACTIVE
    sources: tuple[GrantSource, ...] = ()
    evidence: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Normalised here so that two grants with the same scopes compare equal however the
        # scopes were written (an import, a portal's comma-string, a person).
        object.__setattr__(self, "scopes", normalise_scopes(self.scopes))
        object.__setattr__(self, "sources", tuple(sorted(set(self.sources))))


@dataclass(frozen=True)
class ActivitySigns:
    """Signs that a grant is in use (from footprints, the API or the portal's database).

    Attributes:
        records_written: portal records it created or changed (data footprints).
        handlers: event handlers and widgets it has registered.
        days_since_last_activity: days since its last known action, None if never seen.
    """

    records_written: int = 0
    handlers: int = 0
    days_since_last_activity: int | None = None


class RiskLevel(StrEnum):
    """A coarse reading of the score for tables and alerts."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


RISK_LEVEL_NAMES: dict[RiskLevel, str] = {
    RiskLevel.LOW: QT_TRANSLATE_NOOP("Grants", "Low"),
    RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("Grants", "Medium"),
    RiskLevel.HIGH: QT_TRANSLATE_NOOP("Grants", "High"),
}


@dataclass(frozen=True)
class RiskScore:
    """A grant's risk, with its factors and the reasons to show.

    Attributes:
        score: 0 (none) to 100.
        level: low (< 25), medium (< 60) or high.
        breadth: the scopes' weight (see :func:`risk`).
        data: the reachable data's weight.
        activity: the activity factor, 1 to 2.5.
        ground: the ground factor, 1 or 1.5.
        reasons: why, for people, most weighty first.
        sensitive_kinds: the most sensitive kinds reached, for the GUI to name beside reasons.
    """

    score: int
    level: RiskLevel
    breadth: float
    data: float
    activity: float
    ground: float
    reasons: tuple[UserMessage, ...]
    sensitive_kinds: tuple[PiiKind, ...]


#: Weight of each point of a scope's sensitivity (so scopes count even before a scan).
BREADTH_PER_SENSITIVITY = 2.0
#: An unknown scope weighs as free-form content: it may reach anything.
UNKNOWN_SCOPE_WEIGHT = ARBITRARY_SENSITIVITY
#: Raw value that maps to a score of about 63 (1 − 1/e).
SCORE_SCALE = 30.0
MISSING_GROUND_FACTOR = 1.5


def risk(grant: Grant, exposure: Exposure, activity: ActivitySigns) -> RiskScore:
    """Score a grant. ``exposure`` must be ``exposure(grant.scopes, summary)``.

    The formula (every term is non-negative and summed in a fixed order, so it is monotone):

    - breadth B = 2 × Σ over scopes of the scope's weight: the highest sensitivity (1–3) of
      what it reaches, 2 for free-form content or an unknown scope, 0 for none;
    - data D = Σ over reachable kinds of sensitivity × log10(1 + records holding it);
    - activity A = 1 + min(1, log10(1 + records written + handlers) / 4)
      + 0.5 if active in the last 30 days, + 0.25 if in the last 180;
    - ground G = 1.5 without a recorded ground, 1 with one;
    - score = round(100 × (1 − e^(−(B + D) × A × G / 30))).

    Args:
        grant: the grant.
        exposure: what its scopes reach in this portal.
        activity: the signs of its activity.

    Returns:
        The score, its factors and the reasons.
    """
    weights = [SCOPES[reach.info.code].weight for reach in exposure.scopes]
    weights += [UNKNOWN_SCOPE_WEIGHT] * len(exposure.unknown)
    breadth = BREADTH_PER_SENSITIVITY * math.fsum(weights)
    data = 0.0
    for kind_reach in exposure.kinds:  # kind order: a superset sums in the same order
        data += SENSITIVITY[kind_reach.kind] * math.log10(1 + kind_reach.records)
    volume = activity.records_written + activity.handlers
    recency = _recency_bonus(activity.days_since_last_activity)
    activity_factor = 1.0 + min(1.0, math.log10(1 + volume) / 4) + recency
    ground_factor = MISSING_GROUND_FACTOR if grant.ground is None else 1.0
    raw = (breadth + data) * activity_factor * ground_factor
    score = round(100 * (1 - math.exp(-raw / SCORE_SCALE)))
    level = RiskLevel.LOW if score < 25 else RiskLevel.MEDIUM if score < 60 else RiskLevel.HIGH
    top = max((SENSITIVITY[k.kind] for k in exposure.kinds if k.records), default=0)
    sensitive = tuple(k.kind for k in exposure.kinds if k.records and SENSITIVITY[k.kind] == top)
    return RiskScore(
        score=score,
        level=level,
        breadth=breadth,
        data=data,
        activity=activity_factor,
        ground=ground_factor,
        reasons=_reasons(grant, exposure, activity, sensitive),
        sensitive_kinds=sensitive,
    )


def _recency_bonus(days: int | None) -> float:
    if days is None:
        return 0.0
    if days <= 30:
        return 0.5
    return 0.25 if days <= 180 else 0.0


def _reasons(
    grant: Grant, exposure: Exposure, activity: ActivitySigns, sensitive: tuple[PiiKind, ...]
) -> tuple[UserMessage, ...]:
    reasons: list[UserMessage] = []
    reaching = [r.info.code for r in exposure.scopes if r.info.reaches_personal_data]
    if reaching:
        text = QT_TRANSLATE_NOOP("Grants", "Scopes reaching personal data (%n): %1")
        reasons.append(UserMessage("Grants", text, (", ".join(reaching),), len(reaching)))
    if exposure.unknown:
        text = QT_TRANSLATE_NOOP("Grants", "Unknown scopes, assumed to reach personal data: %1")
        reasons.append(UserMessage("Grants", text, (", ".join(exposure.unknown),)))
    if not exposure.inventory_known:
        text = QT_TRANSLATE_NOOP(
            "Grants", "The portal has not been scanned: the score weighs the scopes only"
        )
        reasons.append(UserMessage("Grants", text))
    elif exposure.records:
        text = QT_TRANSLATE_NOOP("Grants", "Records with personal data it can reach: %n")
        reasons.append(UserMessage("Grants", text, (), exposure.records))
    if sensitive and SENSITIVITY[sensitive[0]] >= 3:
        text = QT_TRANSLATE_NOOP(
            "Grants", "It reaches highly sensitive data (tax numbers, passports, bank accounts)"
        )
        reasons.append(UserMessage("Grants", text))
    if exposure.beyond_inventory:
        text = QT_TRANSLATE_NOOP(
            "Grants", "Scopes reaching data the inventory does not count (files, chats…): %1"
        )
        reasons.append(UserMessage("Grants", text, (", ".join(exposure.beyond_inventory),)))
    reasons.extend(_activity_reasons(activity))
    if grant.ground is None:
        text = QT_TRANSLATE_NOOP("Grants", "No legal ground (3.2.1–3.2.5) is recorded")
        reasons.append(UserMessage("Grants", text))
    return tuple(reasons)


def _activity_reasons(activity: ActivitySigns) -> list[UserMessage]:
    reasons: list[UserMessage] = []
    if activity.records_written:
        text = QT_TRANSLATE_NOOP("Grants", "Records it created or changed: %n")
        reasons.append(UserMessage("Grants", text, (), activity.records_written))
    if activity.handlers:
        text = QT_TRANSLATE_NOOP("Grants", "Event handlers and widgets it registered: %n")
        reasons.append(UserMessage("Grants", text, (), activity.handlers))
    if activity.days_since_last_activity is not None:
        text = QT_TRANSLATE_NOOP("Grants", "Days since its last known activity: %n")
        reasons.append(UserMessage("Grants", text, (), activity.days_since_last_activity))
    if not reasons:
        text = QT_TRANSLATE_NOOP("Grants", "No sign of activity found")
        reasons.append(UserMessage("Grants", text))
    return reasons
