"""Masks personal data for display: enough to recognise a value, not enough to use it.

The drill-down table shows every value masked until the person asks to reveal a row (which
the inventory service writes to the audit log). The masks keep the shape a person recognises
— the first letter of a name, the operator code of a phone, the last digits of an account —
and never the length of free text, which would leak more than it helps.
"""

from __future__ import annotations

from privacy_desktop.domain.personal_data import PiiKind

#: What stands for the hidden part of a value.
STARS = "***"

#: Kinds whose value is an identifier: only its last characters stay visible.
_IDENTIFIERS = frozenset(
    {
        PiiKind.RNOKPP,
        PiiKind.EDRPOU,
        PiiKind.PASSPORT,
        PiiKind.IBAN,
        PiiKind.BANK_CARD,
    }
)


def mask_word(word: str) -> str:
    """``Олена`` → ``О***а``: the first and last letter of a word of three letters or more."""
    if len(word) >= 3:
        return word[0] + STARS + word[-1]
    return word[:1] + STARS if word else ""


def mask_name(text: str) -> str:
    """Each word of a name masked on its own: ``Олена Петренко`` → ``О***а П***о``."""
    return " ".join(mask_word(word) for word in text.split())


def mask_phone(text: str) -> str:
    """The country and operator code and the last two digits stay: ``+38067*****67``.

    Separators are kept so that a formatted number still looks like itself; every other
    digit becomes a star (a phone's length is no secret, its digits are).
    """
    digits = sum(1 for char in text if char.isdigit())
    keep_head = 5 if digits >= 10 else 0
    keep_tail = 2 if digits >= 6 else 0
    out: list[str] = []
    seen = 0
    for char in text:
        if char.isdigit():
            seen += 1
            visible = seen <= keep_head or seen > digits - keep_tail
            out.append(char if visible else "*")
        else:
            out.append(char)
    return "".join(out)


def mask_email(text: str) -> str:
    """Only the first letter of the mailbox: ``ivan@example.com`` → ``i***@…``."""
    local, at, _domain = text.partition("@")
    if not at:
        return mask_word(text)
    return local[:1] + STARS + "@\u2026"


def mask_identifier(text: str) -> str:
    """The last characters of an identifier stay: ``UA21…1234`` → ``UA***1234``.

    A UA IBAN also keeps its country code, as bank statements print it.
    """
    compact = "".join(char for char in text if char.isalnum())
    if len(compact) <= 4:
        return STARS
    tail = 4 if len(compact) >= 10 else 2
    head = compact[:2] if compact[:2].isalpha() else ""
    return head + STARS + compact[-tail:]


def mask_text(text: str) -> str:
    """Free text (an address, a subject, a date): its first character only."""
    stripped = text.strip()
    return stripped[:1] + STARS if stripped else ""


def mask_value(text: str, kind: PiiKind) -> str:
    """The masked form of one personal datum of ``kind``.

    Args:
        text: the value as the portal holds it.
        kind: what it is.

    Returns:
        The masked text ("" for an empty value).
    """
    if not text:
        return ""
    if kind is PiiKind.PERSON_NAME:
        return mask_name(text)
    if kind is PiiKind.PHONE:
        return mask_phone(text)
    if kind is PiiKind.EMAIL:
        return mask_email(text)
    if kind in _IDENTIFIERS:
        return mask_identifier(text)
    return mask_text(text)
