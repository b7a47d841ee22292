"""Typed errors of the portal client, one class per way a call can fail.

Every error carries a translatable :class:`UserMessage` (context ``PortalError``) and the
portal's own error code *as sent* (``""``, ``"0"``, ``"400"`` and sentences are all real
codes). Nothing here ever holds a secret: callers pass texts that :func:`redact` has cleaned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

CONTEXT = "PortalError"
_DETAIL_MAX = 300


def message(source: str, *args: str) -> UserMessage:
    """A ``PortalError`` message; ``source`` must be marked with ``QT_TRANSLATE_NOOP``."""
    return UserMessage(CONTEXT, source, tuple(args))


class PortalError(PrivacyDesktopError):
    """A call to the portal failed.

    Attributes:
        code: the portal's error code as a string, kept as sent ("" when there was none).
        http_status: the HTTP status of the answer, or None (transport errors, batch commands).
    """

    def __init__(
        self,
        message: UserMessage,
        detail: str = "",
        *,
        code: str = "",
        http_status: int | None = None,
    ) -> None:
        super().__init__(message, detail[:_DETAIL_MAX])
        self.code = code
        self.http_status = http_status


class InvalidPortalUrl(PortalError):
    """The address is malformed, not a webhook address, or plain http to a remote host."""


class AuthenticationFailed(PortalError):
    """The portal or the OAuth server did not accept the credential."""


class TokenExpired(AuthenticationFailed):
    """The access token expired and could not be renewed."""


class InsufficientScope(PortalError):
    """The webhook or application lacks the permission (scope) a method needs."""


class MethodNotFound(PortalError):
    """The portal does not know the method (or hides it without the scope)."""


class AccessDenied(PortalError):
    """The portal refused: the user, plan or credential type may not do this."""


class RateLimited(PortalError):
    """QUERY_LIMIT_EXCEEDED persisted after the bounded retries."""


class OperatingLimit(PortalError):
    """OPERATION_TIME_LIMIT persisted after the bounded waiting."""


class ServerError(PortalError):
    """The portal failed internally (5xx, INTERNAL_SERVER_ERROR, ERROR_UNEXPECTED_ANSWER)."""


class BadResponse(PortalError):
    """The answer was not JSON or not a Bitrix24 envelope."""


class PortalTimeout(PortalError):
    """The portal did not answer in time, even after retrying."""


class PortalUnreachable(PortalError):
    """No connection: refused, reset, DNS or TLS failure, even after retrying."""


class MethodError(PortalError):
    """Any other error a method reported."""


# Codes of credential failures and the message shown for each.
_AUTH_MESSAGES: dict[str, str] = {
    "NO_AUTH_FOUND": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal did not accept the webhook or token. Check that the webhook address is "
        "copied completely and that the webhook still exists.",
    ),
    "INVALID_CREDENTIALS": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal has no active webhook with this user id and secret. It may have been "
        "deleted or have expired; create a new one and paste its address.",
    ),
    "invalid_token": QT_TRANSLATE_NOOP(
        "PortalError",
        "The access token is not valid. Connect the application to the portal again.",
    ),
    "invalid_grant": QT_TRANSLATE_NOOP(
        "PortalError",
        "The authorization code or renewal token is not valid any more. Connect the "
        "application to the portal again.",
    ),
    "invalid_client": QT_TRANSLATE_NOOP(
        "PortalError",
        "The OAuth server did not accept the application's client id or secret, or the "
        "application is not installed on the portal.",
    ),
    "invalid_request": QT_TRANSLATE_NOOP(
        "PortalError", "The OAuth server refused the request as malformed."
    ),
    "authorization_error": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal could not sign in the user of this credential; the user may have been "
        "dismissed.",
    ),
    "APPLICATION_NOT_FOUND": QT_TRANSLATE_NOOP(
        "PortalError",
        "The application is not installed on the portal any more. Connect it again.",
    ),
    "ERROR_OAUTH": QT_TRANSLATE_NOOP(
        "PortalError",
        "The application is not installed on the portal any more. Connect it again.",
    ),
}
_HTTPS_REQUIRED = QT_TRANSLATE_NOOP(
    "PortalError", "The portal accepts this credential only over HTTPS."
)
_AUTH_FALLBACK = QT_TRANSLATE_NOOP(
    "PortalError", "The portal did not accept the credential (error %1)."
)
_TOKEN_EXPIRED = QT_TRANSLATE_NOOP(
    "PortalError",
    "The access token has expired and could not be renewed. Connect the application to the "
    "portal again.",
)

_ACCESS_MESSAGES: dict[str, str] = {
    "WRONG_AUTH_TYPE": QT_TRANSLATE_NOOP(
        "PortalError",
        "The method %1 works only for an installed application, not through a webhook.",
    ),
    "user_access_error": QT_TRANSLATE_NOOP(
        "PortalError",
        "The application is not allowed for this user. Ask the portal administrator to "
        "give the user access to it.",
    ),
    "PORTAL_DELETED": QT_TRANSLATE_NOOP("PortalError", "The portal has been deleted or closed."),
    "OVERLOAD_LIMIT": QT_TRANSLATE_NOOP(
        "PortalError",
        "Bitrix24 has blocked REST access to this portal because of overload. Contact "
        "Bitrix24 support.",
    ),
    "PAYMENT_REQUIRED": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's or the application's subscription has ended; REST access is closed "
        "until it is paid.",
    ),
    "METHOD_CONFIRM_WAITING": QT_TRANSLATE_NOOP(
        "PortalError", "The method %1 is waiting for the portal administrator's approval."
    ),
    "METHOD_CONFIRM_DENIED": QT_TRANSLATE_NOOP(
        "PortalError", "The portal administrator did not approve the method %1."
    ),
}
_ACCESS_FALLBACK = QT_TRANSLATE_NOOP(
    "PortalError",
    "The portal denied access to %1. The user of this credential may lack the rights, or "
    "the portal's plan may not include REST access.",
)
_SCOPE = QT_TRANSLATE_NOOP(
    "PortalError",
    "The webhook or application lacks the permission (scope) needed for %1. Add the scope "
    "in the portal's developer resources and try again.",
)
_NOT_FOUND = QT_TRANSLATE_NOOP(
    "PortalError",
    "The portal does not know the method %1. It may be misspelt, need a module the portal "
    "lacks, or need a scope this credential does not have.",
)
_RATE = QT_TRANSLATE_NOOP(
    "PortalError",
    "The portal kept refusing requests as too frequent (rate limit). Another program may be "
    "using the same portal heavily; try again in a few minutes.",
)
_OPERATING = QT_TRANSLATE_NOOP(
    "PortalError",
    "The portal has temporarily blocked the method %1 because it used up its execution "
    "time. Try again in a few minutes.",
)
_SERVER = QT_TRANSLATE_NOOP(
    "PortalError", "The portal reported an internal error while running %1. Try again later."
)
_METHOD = QT_TRANSLATE_NOOP("PortalError", "The portal refused the call %1: %2")
_METHOD_NO_TEXT = QT_TRANSLATE_NOOP("PortalError", "The portal refused the call %1.")

_RETRIABLE_SERVER_CODES = {"INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER"}
_SCOPE_CODES = {"insufficient_scope", "invalid_scope"}


def code_text(raw: object) -> str:
    """The error code as a string, kept as sent (``0`` → ``"0"``, None → ``""``)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


def error_for(
    code: str,
    description: str,
    *,
    method: str,
    http_status: int | None,
    secrets: Iterable[str] = (),
) -> PortalError:
    """Map a portal error envelope to its typed exception. Branches on the code, not status.

    Args:
        code: the ``error`` field as a string (see :func:`code_text`).
        description: the ``error_description`` field (may be empty).
        method: the REST method called (named in messages; never a secret).
        http_status: the HTTP status, or None for a batch command's error.
        secrets: strings to scrub from the description before it goes into ``detail``.
    """
    status = f"HTTP {http_status} " if http_status is not None else ""
    detail = redact(f"{method}: {status}{code or '(no code)'}: {description}".strip(), secrets)

    def make(cls: type[PortalError], text: UserMessage) -> PortalError:
        return cls(text, detail, code=code, http_status=http_status)

    if code == "expired_token":
        return make(TokenExpired, message(_TOKEN_EXPIRED))
    if code == "INVALID_REQUEST" and "https" in description.lower():
        return make(AuthenticationFailed, message(_HTTPS_REQUIRED))
    if code in _AUTH_MESSAGES:
        return make(AuthenticationFailed, message(_AUTH_MESSAGES[code]))
    if code in _SCOPE_CODES:
        return make(InsufficientScope, message(_SCOPE, method))
    if code == "ERROR_METHOD_NOT_FOUND":
        return make(MethodNotFound, message(_NOT_FOUND, method))
    if code in _ACCESS_MESSAGES:
        text = _ACCESS_MESSAGES[code]
        return make(AccessDenied, message(text, method) if "%1" in text else message(text))
    if code in ("ACCESS_DENIED", "allowed_only_intranet_user"):
        return make(AccessDenied, message(_ACCESS_FALLBACK, method))
    if code == "QUERY_LIMIT_EXCEEDED":
        return make(RateLimited, message(_RATE))
    if code == "OPERATION_TIME_LIMIT":
        return make(OperatingLimit, message(_OPERATING, method))
    if code in _RETRIABLE_SERVER_CODES or (http_status is not None and http_status >= 500):
        return make(ServerError, message(_SERVER, method))
    if http_status == 401:
        # An undocumented 401 is still a credential problem: never refresh, never retry.
        return make(AuthenticationFailed, message(_AUTH_FALLBACK, code or str(http_status)))
    text = redact(description.strip(), secrets)[:_DETAIL_MAX]
    if text:
        return make(MethodError, message(_METHOD, method, text))
    return make(MethodError, message(_METHOD_NO_TEXT, method))


def token_expired(detail: str, code: str, http_status: int | None) -> TokenExpired:
    """The access token expired and the refresh was refused (code of the refusal kept)."""
    return TokenExpired(message(_TOKEN_EXPIRED), detail, code=code, http_status=http_status)


def bad_response(method: str, http_status: int | None, what: str) -> PortalError:
    """An answer that is not a JSON envelope; a 5xx one counts as a server error."""
    detail = f"{method}: HTTP {http_status}: {what}"
    if http_status is not None and 300 <= http_status < 400:
        # A portal whose domain changed answers with a redirect (REST-REFERENCE.md §2.1).
        return BadResponse(
            message(
                QT_TRANSLATE_NOOP(
                    "PortalError",
                    "The portal redirected the call %1 to another address; its domain may have "
                    "changed. Check the portal's address and connect it again.",
                ),
                method,
            ),
            detail,
            code="",
            http_status=http_status,
        )
    if http_status is not None and http_status >= 500:
        return ServerError(message(_SERVER, method), detail, code="", http_status=http_status)
    return BadResponse(
        message(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The portal's answer to %1 was not understood (not a valid JSON answer). "
                "Check that the address points to a Bitrix24 portal.",
            ),
            method,
        ),
        detail,
        code="",
        http_status=http_status,
    )


def timeout_error(method: str, seconds: float) -> PortalTimeout:
    return PortalTimeout(
        message(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The portal did not answer %1 in time (%2 s), even after retrying.",
            ),
            method,
            f"{seconds:g}",
        ),
        f"{method}: timeout",
    )


_UNREACHABLE: dict[str, str] = {
    "refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "Could not connect to the portal: the connection was refused. Check the address and "
        "that the portal is up.",
    ),
    "reset": QT_TRANSLATE_NOOP(
        "PortalError",
        "The connection to the portal was interrupted (reset), even after retrying. Check the "
        "network connection.",
    ),
    "tls": QT_TRANSLATE_NOOP(
        "PortalError",
        "Could not establish a secure connection to the portal: its certificate was not "
        "accepted. Check the address; a network device may be intercepting the connection.",
    ),
    "dns": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's host name could not be found. Check the address and the network connection.",
    ),
}


def unreachable_error(method: str, kind: str) -> PortalUnreachable:
    """``kind`` is one of ``refused``, ``reset``, ``tls``, ``dns``."""
    return PortalUnreachable(
        message(_UNREACHABLE.get(kind, _UNREACHABLE["refused"])), f"{method}: {kind}"
    )


_URL_SECRET = re.compile(r"(/rest/(?:api/)?\d+/)[^/?#\s]+")
_QUERY_SECRET = re.compile(
    r"((?:auth|access_token|refresh_token|client_secret|code)=)[^&\s\"']+", re.IGNORECASE
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Remove webhook secrets in URLs, token query parameters and the given strings."""
    text = _URL_SECRET.sub(r"\1***", text)
    text = _QUERY_SECRET.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
