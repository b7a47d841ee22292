"""Logs without secrets or personal data.

:class:`RedactionFilter` rewrites every record that reaches the application's log handler:
webhook secrets in REST paths, ``auth=`` and token parameters, bearer tokens, e-mail
addresses, phone numbers and long digit runs (RNOKPP tax numbers, IBANs, card numbers) are
replaced by markers. The filter sits on the handler, so records propagated from any library
logger (httpx logs every request URL) pass through it too.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from io import TextIOWrapper
from pathlib import Path

#: What replaces a scrubbed value.
MARK = "[redacted]"

LOG_FILE_NAME = "privacy-desktop.log"
_MAX_BYTES = 2 * 1024 * 1024
_BACKUPS = 5
_HANDLER_FLAG = "_privacy_desktop_handler"

_SECRET_KEYS = (
    r"auth|access_token|refresh_token|client_secret|secret|password|code|"
    r"application_token|AUTH_ID|REFRESH_ID"
)

# Order matters: URL secrets before the generic digit rules, e-mail before phone.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Inbound webhook: /rest/<user id>/<secret>/<method> (the user id is not secret).
    (re.compile(r"(/rest/\d+/)[^/\s?#\"']+"), rf"\g<1>{MARK}"),
    # key=value in query strings and form bodies, and "key": "value" in JSON or reprs.
    (
        re.compile(rf"(?i)(\b(?:{_SECRET_KEYS})\b=)[^&\s\"',;]+"),
        rf"\g<1>{MARK}",
    ),
    (
        re.compile(rf"(?i)([\"']?\b(?:{_SECRET_KEYS})\b[\"']?\s*:\s*[\"'])[^\"']*"),
        rf"\g<1>{MARK}",
    ),
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]+"), rf"\g<1>{MARK}"),
    # E-mail addresses.
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # IBAN-like: two letters, two check digits, 11-30 alphanumerics (UA IBANs are 29 long).
    (re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}\b"), "[iban]"),
    # International phone numbers: + and 10-15 digits with the usual separators.
    (re.compile(r"\+\d(?:[\s().-]*\d){9,14}"), "[phone]"),
    # Ukrainian national format: 0XX XXX XX XX with optional separators/parentheses.
    (re.compile(r"(?<!\d)\(?0\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)"), "[phone]"),
    # Long digit runs: RNOKPP (10 digits), card and account numbers, unformatted phones.
    (re.compile(r"(?<!\d)\d{10,}(?!\d)"), "[number]"),
)


def redact(text: str) -> str:
    """``text`` with every secret and personal datum the rules know replaced by a marker."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class RedactionFilter(logging.Filter):
    """Scrubs a record's message, arguments, traceback and stack before it is written.

    The record is changed in place (message formatted, arguments dropped), so every handler
    after this filter sees the scrubbed text only. Records are never dropped.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A malformed format string: keep what there is, scrubbed.
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_logging(log_dir: Path, level: int = logging.INFO) -> None:
    """Log to a rotating file in ``log_dir`` (0600) through :class:`RedactionFilter`.

    Calling it again replaces the handler it installed before (e.g. after ``--data-dir``).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_FLAG, False):
            root.removeHandler(handler)
            handler.close()
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    # Create the file owner-only before the handler opens it with the umask's mode.
    os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    handler = _PrivateRotatingFileHandler(
        log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    setattr(handler, _HANDLER_FLAG, True)
    handler.addFilter(RedactionFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs each request line at INFO; the filter would scrub it, but it is noise.
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Keeps rotated log files owner-only as well."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream
