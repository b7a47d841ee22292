"""What the client and the OAuth code share about HTTP: error mapping, JSON, log redaction.

httpx puts the request URL — with a webhook secret in its path, or tokens in its query — into
its exception texts and its INFO log line. Exceptions are therefore re-raised as
:class:`PortalError` ``from None`` and the ``httpx``/``httpcore`` loggers get a filter that
scrubs those parts before any handler sees a record.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

import httpx

from privacy_desktop.portal.errors import (
    PortalError,
    bad_response,
    redact,
    timeout_error,
    unreachable_error,
)

_install_lock = threading.Lock()
_installed = False


class RedactingFilter(logging.Filter):
    """Scrubs webhook secrets and token parameters out of a log record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except (TypeError, ValueError):
            return True
        clean = redact(text)
        if clean != text:
            record.msg = clean
            record.args = None
        return True


def install_log_redaction() -> None:
    """Attach :class:`RedactingFilter` to the loggers of httpx and httpcore (once)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).addFilter(RedactingFilter())
        _installed = True


def transport_error(exc: httpx.TransportError, method: str, timeout: float) -> PortalError:
    """A PortalError for an httpx failure; the exception text (with the URL) is dropped."""
    if isinstance(exc, httpx.TimeoutException):
        return timeout_error(method, timeout)
    if isinstance(exc, httpx.ConnectError):
        # Only classified here; the text itself (which may hold the URL) goes nowhere.
        text = str(exc).lower()
        if "ssl" in text or "certificate" in text:
            return unreachable_error(method, "tls")
        if "name" in text and ("resolution" in text or "service" in text or "known" in text):
            return unreachable_error(method, "dns")
        return unreachable_error(method, "refused")
    return unreachable_error(method, "reset")


def request_was_sent(exc: httpx.TransportError) -> bool:
    """False when the request certainly never reached the server (safe to resend)."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def decode_json(response: httpx.Response, method: str) -> Any:
    """The JSON body, or a BadResponse/ServerError for anything else."""
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        pass  # the decoder's exception holds the body: raise ours outside the handler
    content_type = response.headers.get("content-type", "?").split(";")[0]
    raise bad_response(method, response.status_code, f"not JSON ({content_type})")
