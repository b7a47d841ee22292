"""Integrations that wrote CRM data: which records they created and how they marked them.

Three integrations, as on a typical Ukrainian portal:

- "ringostat" (telephony) creates leads from calls and call activities with its own
  PROVIDER_ID, acting as a technical user;
- "wp-forms" (a WordPress site's form) creates leads through the admin's webhook, so its
  records carry the admin as CREATED_BY_ID and no technical user;
- "1c-sync" (accounting exchange) creates companies, their requisites and bank details, and
  some contacts, with ORIGIN_ID set to the 1C object's GUID, acting as a technical user.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

RINGOSTAT = "ringostat"
WP_FORMS = "wp-forms"
ONE_C = "1c-sync"
RINGOSTAT_PROVIDER = "RINGOSTAT_CALL"
#: The user whose webhook the website form uses.
WEBHOOK_OWNER = "1"


class IntegrationChoice:
    """Which records each integration creates, and the tally of what it created."""

    def __init__(
        self,
        rng: random.Random,
        technical_ids: dict[str, int],
        ringostat_leads: set[int],
        wp_leads: set[int],
        one_c_companies: set[int],
        one_c_contacts: set[int],
    ) -> None:
        self._rng = rng
        self.technical_ids = technical_ids
        self.ringostat_leads = ringostat_leads
        self.wp_leads = wp_leads
        self.one_c_companies = one_c_companies
        self.one_c_contacts = one_c_contacts
        self.created: Counter[tuple[str, str]] = Counter()  # (originator, entity) → count

    def author(self, originator: str, fallback: str) -> str:
        """CREATED_BY_ID of a record the integration writes: its technical user if any."""
        if originator == WP_FORMS:
            return WEBHOOK_OWNER
        technical = self.technical_ids.get(originator)
        return str(technical) if technical is not None else fallback

    def origin_id(self, originator: str) -> str:
        rng = self._rng
        if originator == ONE_C:
            h = f"{rng.getrandbits(128):032x}"
            return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        if originator == RINGOSTAT:
            return f"rs-{rng.randrange(10**8, 10**9)}"
        return f"wpf-entry-{rng.randrange(1, 10**5)}"

    def mark(self, originator: str, entity: str) -> None:
        self.created[(originator, entity)] += 1

    def ringostat_calls_contacts(self) -> bool:
        return RINGOSTAT in self.technical_ids or bool(self.ringostat_leads)

    def footprints(self) -> list[tuple[str, int | None, dict[str, int], str | None]]:
        """(originator_id, technical user, records by entity, activity PROVIDER_ID)."""
        out = []
        for originator in (RINGOSTAT, WP_FORMS, ONE_C):
            records = {e: n for (o, e), n in sorted(self.created.items()) if o == originator}
            if not records:
                continue
            provider = RINGOSTAT_PROVIDER if "activity" in records else None
            out.append((originator, self.technical_ids.get(originator), records, provider))
        return out


def _share(rng: random.Random, ids: Iterable[int], share: float, minimum: int) -> set[int]:
    pool = sorted(ids)
    count = min(len(pool), max(minimum, round(len(pool) * share)))
    return set(rng.sample(pool, count))


def choose_integrations(
    rng: random.Random,
    technical_ids: dict[str, int],
    contact_ids: list[int],
    lead_ids: list[int],
    company_ids: list[int],
    planted: set[tuple[str, int]],
) -> IntegrationChoice:
    """Pick the records each integration creates (never a planted person's records)."""
    free_leads = [i for i in lead_ids if ("lead", i) not in planted]
    ringostat = _share(rng, free_leads, 0.08, 1 if len(free_leads) >= 10 else 0)
    wp_forms = _share(
        rng, [i for i in free_leads if i not in ringostat], 0.12, 1 if len(free_leads) >= 10 else 0
    )
    one_c_companies = _share(rng, company_ids, 0.25, 1 if len(company_ids) >= 4 else 0)
    free_contacts = [i for i in contact_ids if ("contact", i) not in planted]
    one_c_contacts = _share(rng, free_contacts, 0.04, 1 if len(free_contacts) >= 20 else 0)
    return IntegrationChoice(
        random.Random(rng.getrandbits(64)),
        technical_ids,
        ringostat,
        wp_forms,
        one_c_companies,
        one_c_contacts,
    )
