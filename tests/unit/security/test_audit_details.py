"""The audit details check: facts pass, secrets and personal data are refused."""

from __future__ import annotations

import hashlib

import pytest

from privacy_desktop.security.audit_details import (
    MAX_DETAILS,
    AuditDetailRefused,
    check_details,
)

DIGEST = hashlib.sha256(b"bundle").hexdigest()


@pytest.mark.parametrize(
    "details",
    [
        {},
        {"records": "1250", "category": "1.2", "entity": "crm.contact"},
        {"auth_kind": "webhook", "host": "b24-x1.bitrix24.ua"},
        {"file": "export-2026-11-25T06-51.zip", "format": "json"},
        {"reason": "Користувач попросив видалити дані"},
        {"bundle_sha256": DIGEST},
        {"previous_file": "audit-default.damaged-20260921T141320Z.jsonl"},
    ],
)
def test_plain_facts_pass(details: dict[str, str]) -> None:
    assert check_details(details) == details


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("subject", "taras.shevchenko@example.com"),
        ("contact", "+380 67 123 45 67"),
        ("contact", "067 123 45 67"),
        ("tax_number", "3012345678"),
        ("account", "UA213223130000026007233566001"),
        ("endpoint", "https://x.bitrix24.ua/rest/1/abcd1234efgh5678/"),
        ("query", "auth=0123456789abcdef"),
        ("header", "Bearer abc.def.ghi"),
        ("value", "4tx9k2m7qz1w8b3n"),  # a webhook secret's shape
        ("value", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"),
        ("note", "x" * 1001),
        ("access_token", "short"),
        ("client_secret", "short"),
        ("recovery_code", "ABCD-EFGH"),
        ("Bad-Key", "value"),
        ("checksum", DIGEST),  # a digest only passes under a *_sha256 key
    ],
)
def test_sensitive_details_are_refused_without_echoing_the_value(key: str, value: str) -> None:
    with pytest.raises(AuditDetailRefused) as refused:
        check_details({"records": "3", key: value})
    assert refused.value.key in {key, "?"}
    assert value not in str(refused.value)
    assert value not in refused.value.user_message.args


def test_values_must_be_text_and_not_too_many() -> None:
    with pytest.raises(AuditDetailRefused):
        check_details({"count": 3})  # type: ignore[dict-item]
    many = {f"k{index}": "v" for index in range(MAX_DETAILS + 1)}
    with pytest.raises(AuditDetailRefused):
        check_details(many)
