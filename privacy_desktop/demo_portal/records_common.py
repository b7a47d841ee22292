"""What every generated record shares: timestamps, authorship and multi-field entries."""

from __future__ import annotations

import random
from collections.abc import Sequence

from privacy_desktop.demo_portal.identifiers import MOBILE_CODES, PHONE_STYLES
from privacy_desktop.demo_portal.kyiv_time import DATA_NOW, THREE_YEARS, kyiv_iso
from privacy_desktop.demo_portal.names import APOSTROPHES, with_apostrophe
from privacy_desktop.demo_portal.people import phone_display

#: How often each apostrophe is typed: ASCII most, then the official one, then the quote.
_APOSTROPHE_WEIGHTS = (0.3, 0.5, 0.2)
#: Typing habits: some forms are far more common than others.
_STYLE_WEIGHTS = (0.15, 0.2, 0.25, 0.1, 0.1, 0.08, 0.07, 0.05)

#: The portal's own company, employer of every user.
OWN_COMPANY = "ТОВ «Приклад Плюс»"
OWN_DOMAIN = "pryklad-plus.com.ua"
#: Where user photos live (an address that can never resolve).
PHOTO_BASE = "https://demo-portal.invalid/upload/main"


class RecordContext:
    """Shared state of one dataset's record builders.

    Attributes:
        staff_ids: users who create, modify and own ordinary records (technical users never).
        next_multifield_id: the next PHONE/EMAIL/WEB/IM entry ID (one sequence for all CRM).
        next_communication_id: the next activity communication ID.
    """

    def __init__(self, staff_ids: Sequence[int]) -> None:
        self.staff_ids = staff_ids
        self.next_multifield_id = 1
        self.next_communication_id = 1
        # Weighted draws become one index into a 100-slot table (hot path).
        self._style_table = _weighted_table(PHONE_STYLES, _STYLE_WEIGHTS)
        self._apostrophe_table = _weighted_table(APOSTROPHES, _APOSTROPHE_WEIGHTS)

    @property
    def staff_ids(self) -> tuple[int, ...]:
        return self._staff_ids

    @staff_ids.setter
    def staff_ids(self, ids: Sequence[int]) -> None:
        self._staff_ids = tuple(ids)
        # One shared string per user: 100 000 records × 4 user references add up.
        self._staff_texts = tuple(str(i) for i in self._staff_ids)

    def staff(self, rng: random.Random) -> str:
        texts = self._staff_texts
        return texts[int(rng.random() * len(texts))]

    def phone_style(self, rng: random.Random) -> str:
        return self._style_table[int(rng.random() * 100)]

    def apostrophe(self, rng: random.Random) -> str:
        return self._apostrophe_table[int(rng.random() * 100)]

    def spell(self, rng: random.Random, text: str) -> str:
        """``text`` with its apostrophes (if any) written the way this record's author types."""
        if "'" not in text:
            return text
        return with_apostrophe(text, self.apostrophe(rng))

    def created_modified(self, rng: random.Random, after: int | None = None) -> tuple[int, int]:
        """UNIX times of creation and last modification, in the three years before DATA_NOW.

        Most activity is in working hours; creation happens after ``after`` if given.
        """
        low = DATA_NOW - THREE_YEARS if after is None else after + 600
        span = max(DATA_NOW - 3_600 - low, 3_600)
        created = low + int(rng.random() * span)
        created = min(max(low, _working_hours(created, rng)), DATA_NOW - 60)
        if rng.random() < 0.3:
            return created, created
        modified = created + int(rng.random() * (DATA_NOW - created))
        return created, min(max(created, _working_hours(modified, rng)), DATA_NOW - 60)

    def multifield(self, type_id: str, value_type: str, value: str) -> dict[str, str]:
        entry = {
            "ID": str(self.next_multifield_id),
            "VALUE_TYPE": value_type,
            "VALUE": value,
            "TYPE_ID": type_id,
        }
        self.next_multifield_id += 1
        return entry

    def phone_entries(
        self,
        rng: random.Random,
        phones: Sequence[str],
        styles: Sequence[str] | None = None,
        value_type: str = "",
    ) -> list[dict[str, str]]:
        """PHONE multi-field entries, each phone typed in ``styles[i]`` or a random habit."""
        entries = []
        next_id = self.next_multifield_id
        for index, e164 in enumerate(phones):
            style = styles[index] if styles is not None else self.phone_style(rng)
            kind = value_type or ("MOBILE" if e164[4:6] in _MOBILE_PREFIXES else "WORK")
            entries.append(
                {
                    "ID": str(next_id),
                    "VALUE_TYPE": kind,
                    "VALUE": phone_display(e164, style, rng),
                    "TYPE_ID": "PHONE",
                }
            )
            next_id += 1
        self.next_multifield_id = next_id
        return entries

    def email_entries(self, rng: random.Random, emails: Sequence[str]) -> list[dict[str, str]]:
        entries = []
        next_id = self.next_multifield_id
        for email in emails:
            kind = "WORK" if rng.random() < 0.4 else "HOME"
            entries.append({"ID": str(next_id), "VALUE_TYPE": kind, "VALUE": email,
                            "TYPE_ID": "EMAIL"})  # fmt: skip
            next_id += 1
        self.next_multifield_id = next_id
        return entries

    def communication_id(self) -> str:
        value = str(self.next_communication_id)
        self.next_communication_id += 1
        return value


_MOBILE_PREFIXES = frozenset(MOBILE_CODES)


#: ISO 8601 with the Kyiv offset (an alias: this is called for every timestamp).
iso = kyiv_iso


def _working_hours(ts: int, rng: random.Random) -> int:
    """Move most timestamps into 08:00–19:00 Kyiv time of their day (UTC 06:00–17:00)."""
    if rng.random() < 0.1:
        return ts
    day_start = ts - ts % 86_400
    moved = day_start + 6 * 3_600 + int(rng.random() * 11 * 3_600)
    return min(moved, DATA_NOW - 60)


def _weighted_table(values: Sequence[str], weights: Sequence[float]) -> tuple[str, ...]:
    """100 slots, each value in proportion to its weight (weights sum to 1)."""
    table: list[str] = []
    for value, weight in zip(values, weights, strict=True):
        table += [value] * round(weight * 100)
    if len(table) != 100:
        raise ValueError("weights must sum to 1 in whole percent")
    return tuple(table)
