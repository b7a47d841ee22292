"""RedactionFilter and install_logging: secrets and personal data never reach a log."""

from __future__ import annotations

import io
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_desktop.security.redaction import (
    LOG_FILE_NAME,
    RedactionFilter,
    install_logging,
    redact,
)

WEBHOOK_SECRET = "k7h2j9x4q1w8e5r3"
ACCESS_TOKEN = "a1b2c3d4e5f6.access"
REFRESH_TOKEN = "r9s8t7u6v5w4.refresh"
CLIENT_SECRET = "CsEcReT0123456789"
EMAIL = "olena.kovalenko@example.com.ua"
PHONES = ("+380 (67) 123-45-67", "+380671234567", "067 123 45 67", "(044) 234-56-78")
RNOKPP = "3012345678"
IBAN = "UA213223130000026007233566001"


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactionFilter())
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


def test_webhook_secrets_are_scrubbed_from_message_and_args(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    url = f"https://example.bitrix24.ua/rest/1/{WEBHOOK_SECRET}/crm.contact.list.json"

    logger.info("HTTP Request: POST %s", url)
    logger.info(f"direct {url}?start=50")

    text = stream.getvalue()
    assert WEBHOOK_SECRET not in text
    assert "https://example.bitrix24.ua/rest/1/[redacted]/crm.contact.list.json" in text


def test_tokens_and_client_secrets_are_scrubbed_in_every_shape(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured

    logger.info("GET /rest/user.get?auth=%s&start=0", ACCESS_TOKEN)
    logger.info("token answer %r", {"access_token": ACCESS_TOKEN, "refresh_token": REFRESH_TOKEN})
    logger.info('{"client_secret": "%s", "expires_in": 3600}', CLIENT_SECRET)
    logger.info(
        "grant_type=refresh_token&client_secret=%s&refresh_token=%s", CLIENT_SECRET, REFRESH_TOKEN
    )
    logger.info("Authorization: Bearer %s", ACCESS_TOKEN)

    text = stream.getvalue()
    for secret in (ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET):
        assert secret not in text
    assert "expires_in" in text
    assert "3600" in text


def test_personal_data_is_scrubbed(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured

    logger.info("contact %s phones %s", EMAIL, ", ".join(PHONES))
    logger.info("requisite RNOKPP=%s IBAN %s", RNOKPP, IBAN)

    text = stream.getvalue()
    for datum in (EMAIL, RNOKPP, IBAN, *PHONES):
        assert datum not in text
    assert "[email]" in text
    assert "[phone]" in text
    assert "[iban]" in text


def test_ordinary_numbers_and_timestamps_survive() -> None:
    line = "page 3 of crm.contact.list: 50 items, id 1234, at 2024-04-03T10:26:32+02:00, 0.25 s"

    assert redact(line) == line


def test_tracebacks_are_scrubbed(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured

    try:
        raise ValueError(f"failed for {EMAIL} at /rest/3/{WEBHOOK_SECRET}/profile")
    except ValueError:
        logger.exception("unexpected")

    text = stream.getvalue()
    assert "Traceback" in text
    assert "ValueError" in text
    assert EMAIL not in text
    assert WEBHOOK_SECRET not in text


def test_a_malformed_format_string_is_still_logged_scrubbed(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured

    logger.info("%s and %s", EMAIL)

    text = stream.getvalue()
    assert EMAIL not in text
    assert "[email]" in text


@pytest.fixture
def clean_root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_install_logging_writes_a_private_scrubbed_file_once(
    tmp_path: Path, clean_root: logging.Logger
) -> None:
    log_dir = tmp_path / "logs"

    install_logging(log_dir)
    install_logging(log_dir)  # again: replaces, never duplicates
    logging.getLogger("privacy_desktop.test").warning(
        "calling %s for %s", f"https://h.example/rest/9/{WEBHOOK_SECRET}/profile", EMAIL
    )
    for handler in clean_root.handlers:
        handler.flush()

    log_file = log_dir / LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert text.count("calling https://h.example/rest/9/[redacted]/profile for [email]") == 1
    assert WEBHOOK_SECRET not in text
    assert EMAIL not in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
