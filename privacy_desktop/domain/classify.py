"""Classification of an entity's fields and extraction of the personal data in its records.

* Standard fields get their kind and category from :mod:`field_catalogue`.
* Custom (``UF_*``) fields are classified from a sample of their values: a kind wins when at
  least 60 % of the non-empty sampled values are wholly values of that kind (the confidence
  is that share). A field whose values are at least 60 % prose (two words or more) is a
  free-text field like the standard comments: it gets one classification per kind in
  ``TEXT_KINDS`` and is searched for identifiers written inside it. Anything else — a mix of
  kinds with no majority, junk — is not personal data as far as the sample tells. An
  ``address``-typed field holds postal addresses whatever its sample.
* :func:`extract_values` (through a compiled :class:`RecordClassifier`) reads every datum of
  one record, normalised; an invalid value (wrong check digit, impossible date) is skipped.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from privacy_desktop.domain.extraction import RecordClassifier, texts_of
from privacy_desktop.domain.field_catalogue import (
    TEXT_KINDS,
    catalogue,
    default_category,
    text_fields,
)
from privacy_desktop.domain.personal_data import (
    ClassificationSource,
    Entity,
    FieldClassification,
    FieldDescriptor,
    FoundValue,
    PiiKind,
)
from privacy_desktop.domain.validators import (
    is_valid_card,
    is_valid_edrpou,
    is_valid_rnokpp,
    normalise_email,
    normalise_iban,
    normalise_ip,
    normalise_passport,
    normalise_phone,
    normalise_url,
)

__all__ = [
    "MAJORITY",
    "RecordClassifier",
    "classify_fields",
    "detect_kind",
    "extract_values",
]

#: The share of sampled values a kind needs to win a custom field.
MAJORITY = 0.6

#: Custom-field types whose values cannot be told apart by looking at them (links to other
#: records, list items, numbers, dates, files): not sampled.
_UNSAMPLED_TYPES = frozenset(
    {
        "boolean",
        "char",
        "crm",
        "crm_category",
        "crm_company",
        "crm_contact",
        "crm_currency",
        "crm_lead",
        "crm_status",
        "date",
        "datetime",
        "disk_file",
        "double",
        "employee",
        "enumeration",
        "file",
        "hlblock",
        "iblock_element",
        "iblock_section",
        "money",
        "resourcebooking",
        "user",
        "video",
        "vote",
    }
)
_SEPARATORS = str.maketrans("", "", " -\u00a0")
_MESSENGER_HANDLE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.")
#: A word of prose: two letters or more.
_WORD = re.compile(r"[^\W\d_]{2,}")


def detect_kind(value: Any) -> PiiKind | None:
    """What one raw value wholly is, judged from the value alone (used to sample fields).

    Recognised: e-mail, phone, RNOKPP, EDRPOU, passport (booklet; a bare 9-digit number is
    taken for an ID card), IBAN, bank card, IP address, a URL with a scheme or ``www.``,
    a messenger handle ``@name``. Names, addresses and dates cannot be told from their
    values and give None, as does anything invalid (a wrong check digit).

    Args:
        value: a string, number, multi-field item ``{"VALUE": …}`` or list of those (a list
            has a kind when all its items share it).
    """
    if value is None or isinstance(value, bool | float):
        return None
    if isinstance(value, Mapping | list | tuple):
        kinds = {detect_kind(text) for text in texts_of(value)}
        return kinds.pop() if len(kinds) == 1 else None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    if "@" in text:
        return _at_sign_kind(text)
    compact = text.translate(_SEPARATORS)
    if compact.isascii() and compact.isdigit():
        return _digits_kind(text, compact)
    if normalise_iban(text):
        return PiiKind.IBAN
    if normalise_passport(text):
        return PiiKind.PASSPORT
    if normalise_ip(text):
        return PiiKind.IP_ADDRESS
    if normalise_phone(text):
        return PiiKind.PHONE
    lowered = text.lower()
    if lowered.startswith(("http://", "https://", "www.")) and normalise_url(text):
        return PiiKind.WEBSITE
    return None


def _at_sign_kind(text: str) -> PiiKind | None:
    if normalise_email(text):
        return PiiKind.EMAIL
    handle = text[1:].lower()
    if text[0] == "@" and len(handle) >= 3 and set(handle) <= _MESSENGER_HANDLE_CHARS:
        return PiiKind.MESSENGER
    return None


def _digits_kind(text: str, digits: str) -> PiiKind | None:
    """The kind of a value made of digits (and blanks or dashes)."""
    count = len(digits)
    if count == 8:
        return PiiKind.EDRPOU if is_valid_edrpou(digits) else None
    if count == 9 and text == digits:
        return PiiKind.PASSPORT  # an ID card; a 9-digit phone is typed with a 0 or +380
    if count == 10 and digits[0] != "0":
        return PiiKind.RNOKPP if is_valid_rnokpp(digits) else None
    if 13 <= count <= 19 and is_valid_card(digits):
        return PiiKind.BANK_CARD
    return PiiKind.PHONE if normalise_phone(text) else None


def classify_fields(
    entity: Entity,
    descriptors: Sequence[FieldDescriptor],
    samples: Mapping[str, Sequence[Any]],
) -> list[FieldClassification]:
    """The fields of ``entity`` that carry personal data.

    Args:
        entity: the entity.
        descriptors: its fields as the portal describes them; when empty, every catalogue
            field is classified, and every ``UF_*`` field present in ``samples``.
        samples: raw values of custom fields, by field name (a few dozen records' worth).

    Returns:
        The classifications, in the order of ``descriptors`` (catalogue order without them).
        A free-text field gives one classification per kind in ``TEXT_KINDS``.
    """
    structured = catalogue(entity)
    text = text_fields(entity)
    if descriptors:
        wanted: list[tuple[str, FieldDescriptor | None]] = [(d.name, d) for d in descriptors]
    else:
        names = [*structured, *(n for n in text if n not in structured)]
        names += [n for n in samples if n.startswith("UF_") and n not in structured]
        wanted = [(name, None) for name in names]
    result: list[FieldClassification] = []
    seen: set[str] = set()
    for name, descriptor in wanted:
        if name in seen:
            continue
        seen.add(name)
        label = descriptor.label if descriptor is not None else ""
        if name in structured:
            kind, category = structured[name]
            result.append(
                FieldClassification(
                    entity, name, kind, category, ClassificationSource.CATALOGUE, label
                )
            )
        elif name in text:
            result.extend(
                FieldClassification(
                    entity, name, kind, text[name], ClassificationSource.CATALOGUE, label
                )
                for kind in TEXT_KINDS
            )
        elif name.startswith("UF_") or (descriptor is not None and descriptor.is_custom):
            result.extend(_sampled(entity, name, descriptor, samples.get(name, ())))
    return result


def _sampled(
    entity: Entity, name: str, descriptor: FieldDescriptor | None, values: Sequence[Any]
) -> list[FieldClassification]:
    """Classify one custom field from its sampled values (see the module docstring)."""
    field_type = descriptor.type if descriptor is not None else ""
    label = descriptor.label if descriptor is not None else ""
    category = default_category(entity)

    def classified(kind: PiiKind, confidence: float) -> FieldClassification:
        return FieldClassification(
            entity, name, kind, category, ClassificationSource.SAMPLED, label, confidence
        )

    if field_type == "address":  # the type says what every value is
        return [classified(PiiKind.POSTAL_ADDRESS, 1.0)]
    if field_type in _UNSAMPLED_TYPES:
        return []
    texts = [text for value in values for text in texts_of(value) if text.strip()]
    if not texts:
        return []
    total = len(texts)
    counts = Counter(detect_kind(text) for text in texts)
    ranked = [(count, kind) for kind, count in counts.items() if kind is not None]
    if ranked:
        count, kind = max(ranked, key=lambda pair: (pair[0], -_KIND_ORDER[pair[1]]))
        if count / total >= MAJORITY:
            return [classified(kind, count / total)]
    prose = sum(1 for text in texts if len(_WORD.findall(text)) >= 2)
    if prose / total >= MAJORITY:
        # Notes and comments: searched for identifiers written inside them, whatever this
        # sample happened to show, so that the classification does not flap between scans.
        return [classified(kind, prose / total) for kind in TEXT_KINDS]
    return []  # a mix of kinds with no majority, or junk


_KIND_ORDER = {kind: index for index, kind in enumerate(PiiKind)}

# A few compiled plans are kept so that extract_values, called record after record with the
# same classifications, compiles once. The key is the tuple of classifications: comparing it
# with the cached one costs little because the items are the very same objects.
_CACHE_SIZE = 8
_cache: list[tuple[tuple[FieldClassification, ...], RecordClassifier]] = []
_cache_lock = threading.Lock()


def _compiled(fields: Sequence[FieldClassification]) -> RecordClassifier:
    key = tuple(fields)
    for cached_key, compiled in _cache:
        if cached_key == key:
            return compiled
    compiled = RecordClassifier(key)
    with _cache_lock:
        _cache.insert(0, (key, compiled))
        del _cache[_CACHE_SIZE:]
    return compiled


def extract_values(
    record: Mapping[str, Any], fields: Sequence[FieldClassification]
) -> list[FoundValue]:
    """Every personal datum of one record, normalised; empty and invalid values skipped.

    A thin wrapper over :class:`RecordClassifier` (compiled plans are cached); code that
    handles many records may hold a ``RecordClassifier(fields)`` itself.

    Args:
        record: one record as the portal returns it.
        fields: the classifications of its entity's fields.
    """
    return _compiled(fields).extract(record)
