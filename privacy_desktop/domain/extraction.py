"""Reading the personal data out of one record, fast: it runs on every scanned record.

:class:`RecordClassifier` is compiled once from the field classifications of an entity: for
each field it keeps the field's kind(s), its normaliser and one small closure for its value
shape, so ``extract(record)`` only looks up the classified fields and never re-decides
anything per record. A plain string of a single-kind field is normalised inline; names,
addresses and job titles repeat from record to record, so what such a text yields is
remembered per field (a bounded memo). A compiled classifier may be shared between threads:
the memo is only ever touched with single dict operations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from privacy_desktop.domain.embedded import EMBEDDED_KINDS, find_embedded
from privacy_desktop.domain.field_catalogue import COMPANION_PREFIX, CONDITIONS, text_fields
from privacy_desktop.domain.personal_data import FieldClassification, FoundValue, PiiKind
from privacy_desktop.domain.validators import (
    is_valid_edrpou,
    is_valid_rnokpp,
    normalise_card,
    normalise_date,
    normalise_datetime,
    normalise_email,
    normalise_gender,
    normalise_iban,
    normalise_ip,
    normalise_passport,
    normalise_phone,
    normalise_text,
    normalise_url,
)

Normaliser = Callable[[str], str | None]
#: (raw field value, whole record, output list) → appends what it finds.
Extractor = Callable[[Any, Mapping[str, Any], list[FoundValue]], None]

_DIGIT_SEPARATORS = str.maketrans("", "", " -\u00a0")


def _digits_checked(valid: Callable[[str], bool]) -> Normaliser:
    def normalise(text: str) -> str | None:
        compact = text.strip().translate(_DIGIT_SEPARATORS)
        return compact if valid(compact) else None

    return normalise


def _messenger(text: str) -> str | None:
    # A Viber or WhatsApp account is a phone number: matched as one.
    return normalise_phone(text) or normalise_text(text)


def _website(text: str) -> str | None:
    return normalise_url(text) or normalise_text(text)


def _address(text: str) -> str | None:
    # Address-typed user fields hold "address|latitude;longitude|id".
    return normalise_text(text.split("|", 1)[0])


def _photo(text: str) -> str | None:
    stripped = text.strip()
    return stripped or None


def _moment_or_text(text: str) -> str | None:
    return normalise_datetime(text) or normalise_text(text)


NORMALISERS: dict[PiiKind, Normaliser] = {
    PiiKind.PERSON_NAME: normalise_text,
    PiiKind.PHONE: normalise_phone,
    PiiKind.EMAIL: normalise_email,
    PiiKind.POSTAL_ADDRESS: _address,
    PiiKind.BIRTHDAY: normalise_date,
    PiiKind.GENDER: normalise_gender,
    PiiKind.PHOTO: _photo,
    PiiKind.MESSENGER: _messenger,
    PiiKind.WEBSITE: _website,
    PiiKind.RNOKPP: _digits_checked(is_valid_rnokpp),
    PiiKind.EDRPOU: _digits_checked(is_valid_edrpou),
    PiiKind.PASSPORT: normalise_passport,
    PiiKind.IBAN: normalise_iban,
    PiiKind.BANK_CARD: normalise_card,
    PiiKind.IP_ADDRESS: normalise_ip,
    PiiKind.JOB_TITLE: normalise_text,
    PiiKind.LOGIN_TIME: normalise_datetime,
    PiiKind.COMMUNICATION: _moment_or_text,
    PiiKind.CONSENT: _moment_or_text,
}
"""How each kind's values are normalised (None: not a valid value of that kind)."""

#: Kinds whose values repeat across records (first names, patronymics, cities, positions):
#: what a field yields for a given text is remembered (FoundValue is immutable, so one object
#: serves every record holding that text). The memo is emptied when it reaches _MEMO_SIZE.
_REPEATING = frozenset({PiiKind.PERSON_NAME, PiiKind.POSTAL_ADDRESS, PiiKind.JOB_TITLE})
_MEMO_SIZE = 4096
_MISSING: Any = object()


#: Keys of a file or multi-field value that hold its text, in order of preference.
_VALUE_KEYS = ("VALUE", "value", "downloadUrl", "showUrl", "url", "id", "ID")


def texts_of(raw: Any) -> list[str]:
    """The text values inside a raw field value: a string, a number, a multi-field list
    (``[{"VALUE": …}, …]``), a file object, or a list of those. Booleans and empties are
    dropped."""
    if raw.__class__ is str:
        return [raw] if raw else []
    if raw.__class__ is list:  # the common multi-field shape, read without recursion
        out = []
        for item in raw:
            value = item.get("VALUE") if item.__class__ is dict else None
            if value.__class__ is not str:
                break
            if value:
                out.append(value)
        else:
            return out
    out = []
    _collect(raw, out)
    return out


def _collect(raw: Any, out: list[str]) -> None:
    if raw is None or raw is True or raw is False:
        return
    if isinstance(raw, str):
        if raw:
            out.append(raw)
    elif isinstance(raw, int | float):
        out.append(str(raw))
    elif isinstance(raw, Mapping):
        for key in _VALUE_KEYS:
            value = raw.get(key)
            if value not in (None, ""):
                _collect(value, out)
                return
    elif isinstance(raw, list | tuple):
        for item in raw:
            _collect(item, out)


def _single(field: str, kind: PiiKind, normalise: Normaliser) -> Extractor:
    """One kind in a structured field; identifiers typed amid other words are searched for."""
    embeddable = kind in EMBEDDED_KINDS
    wanted = (kind,)

    def extract(raw: Any, record: Mapping[str, Any], out: list[FoundValue]) -> None:
        if raw.__class__ is str:
            value = normalise(raw)
            if value is not None:
                out.append(FoundValue(field, kind, value, raw))
            elif embeddable:
                for _, found, written in find_embedded(raw, wanted):
                    out.append(FoundValue(field, kind, found, written))
            return
        for text in texts_of(raw):
            value = normalise(text)
            if value is not None:
                out.append(FoundValue(field, kind, value, text))
            elif embeddable:
                for _, found, written in find_embedded(text, wanted):
                    out.append(FoundValue(field, kind, found, written))

    return extract


def _several(field: str, kinds: Sequence[PiiKind]) -> Extractor:
    """A free-text field (or one classified with several kinds).

    Kinds the free-text search knows are searched for in the text (a value that is wholly
    an identifier is found that way too); any other kind is read from the whole value.
    """
    plain = [(kind, NORMALISERS[kind]) for kind in kinds if kind not in EMBEDDED_KINDS]
    wanted = frozenset(kind for kind in kinds if kind in EMBEDDED_KINDS)

    def extract(raw: Any, record: Mapping[str, Any], out: list[FoundValue]) -> None:
        for text in texts_of(raw):
            for kind, normalise in plain:
                value = normalise(text)
                if value is not None:
                    out.append(FoundValue(field, kind, value, text))
            if wanted:
                for kind, found, written in find_embedded(text, wanted):
                    out.append(FoundValue(field, kind, found, written))

    return extract


def _communications(field: str) -> Extractor:
    """Activity COMMUNICATIONS: the other party's phone or e-mail, normalised by its TYPE."""
    kind = PiiKind.COMMUNICATION

    def extract(raw: Any, record: Mapping[str, Any], out: list[FoundValue]) -> None:
        items = raw if isinstance(raw, list | tuple) else [raw]
        for item in items:
            if isinstance(item, Mapping):
                text = str(item.get("VALUE") or "")
                if not text:
                    continue
                comm_type = str(item.get("TYPE") or "").upper()
                if comm_type == "PHONE":
                    value = normalise_phone(text)
                elif comm_type == "EMAIL":
                    value = normalise_email(text)
                else:
                    value = normalise_text(text)
            elif isinstance(item, str) and item:
                text, value = item, _moment_or_text(item)
            else:
                continue
            if value is not None:
                out.append(FoundValue(field, kind, value, text))

    return extract


def _with_prefix(field: str, kind: PiiKind, prefix_field: str) -> Extractor:
    """A value completed by another field of the record (passport series + number)."""
    normalise = NORMALISERS[kind]

    def extract(raw: Any, record: Mapping[str, Any], out: list[FoundValue]) -> None:
        prefix = record.get(prefix_field)
        prefix_text = prefix.strip() if isinstance(prefix, str) else ""
        for text in texts_of(raw):
            written = f"{prefix_text} {text.strip()}" if prefix_text else text
            value = normalise(written)
            if value is not None:
                out.append(FoundValue(field, kind, value, written))

    return extract


def _only_when(condition: tuple[str, str], extractor: Extractor) -> Extractor:
    """``extractor`` applied only to records whose ``condition[0]`` field equals
    ``condition[1]`` (compared as text: the API returns IDs as strings)."""
    other, expected = condition

    def extract(raw: Any, record: Mapping[str, Any], out: list[FoundValue]) -> None:
        if str(record.get(other)) == expected:
            extractor(raw, record, out)

    return extract


#: One step of a plan: the field; for a field of one kind, that kind and its normaliser
#: (applied inline to a plain string) and, for repeating kinds, the memo of what a text
#: yields; the extractor for every other value.
_Step = tuple[
    str, PiiKind | None, Normaliser | None, dict[str, FoundValue | None] | None, Extractor
]


class RecordClassifier:
    """The compiled extraction plan of one set of field classifications.

    Args:
        fields: the classifications of one entity's fields (several kinds per field allowed;
            duplicates ignored).
    """

    __slots__ = ("_plan", "fields")

    def __init__(self, fields: Sequence[FieldClassification]) -> None:
        self.fields = tuple(fields)
        kinds_by_field: dict[str, list[PiiKind]] = {}
        entities: dict[str, FieldClassification] = {}
        for classification in self.fields:
            kinds = kinds_by_field.setdefault(classification.field, [])
            if classification.kind not in kinds:
                kinds.append(classification.kind)
            entities.setdefault(classification.field, classification)
        plan: list[_Step] = []
        for name, kinds in kinds_by_field.items():
            entity = entities[name].entity
            prefix = COMPANION_PREFIX.get((entity, name))
            kind: PiiKind | None = kinds[0] if len(kinds) == 1 else None
            normalise: Normaliser | None = None
            memo: dict[str, FoundValue | None] | None = None
            if kind is PiiKind.COMMUNICATION:
                extractor = _communications(name)
            elif kind is not None and prefix is not None:
                extractor = _with_prefix(name, kind, prefix)
            elif kind is not None and name not in text_fields(entity):
                normalise = NORMALISERS[kind]
                memo = {} if kind in _REPEATING else None
                extractor = _single(name, kind, normalise)
            else:
                extractor = _several(name, kinds)
            condition = CONDITIONS.get((entity, name))
            if condition is not None:
                normalise = memo = None  # every value goes through the condition
                extractor = _only_when(condition, extractor)
            plan.append((name, kind, normalise, memo, extractor))
        self._plan = tuple(plan)

    def extract(self, record: Mapping[str, Any]) -> list[FoundValue]:
        """Every personal datum of ``record``, normalised; empty and invalid values skipped.

        Values come field by field in the order of the classifications, a multi-field's
        values in their order in the record.
        """
        out: list[FoundValue] = []
        append = out.append
        get = record.get
        for name, kind, normalise, memo, extractor in self._plan:
            raw = get(name)
            if not raw:
                continue
            # The common cases — one kind, a plain string — without a further call.
            if normalise is not None and raw.__class__ is str:
                if memo is not None:
                    found = memo.get(raw, _MISSING)
                    if found is _MISSING:
                        value = normalise(raw)
                        found = None
                        if value is not None:
                            found = FoundValue(name, kind, value, raw)  # type: ignore[arg-type]
                        if len(memo) >= _MEMO_SIZE:
                            memo.clear()
                        memo[raw] = found
                    if found is not None:
                        append(found)
                    continue  # these kinds are not searched for inside text
                value = normalise(raw)
                if value is not None:
                    append(FoundValue(name, kind, value, raw))  # type: ignore[arg-type]
                    continue
            extractor(raw, record, out)
        return out
