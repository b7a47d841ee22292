"""Portal and webhook addresses: parsing, normalising and the HTTPS rule."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP
from privacy_desktop.portal.credentials import WebhookCredentials
from privacy_desktop.portal.errors import InvalidPortalUrl, message

_SECRET = re.compile(r"[A-Za-z0-9_]{6,128}")
_METHOD = re.compile(r"[A-Za-z][A-Za-z0-9_.]*")
_HOST = re.compile(
    r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
)
_WEBHOOK_SHAPE = "https://<portal>/rest/<user id>/<secret>/"


def _invalid(text: str, *args: str) -> InvalidPortalUrl:
    return InvalidPortalUrl(message(text, *args))


def _split(url: str) -> tuple[str, str, str]:
    """(scheme, netloc, path) of ``url``; a missing scheme means https."""
    text = url.strip()
    if not text:
        raise _invalid(QT_TRANSLATE_NOOP("PortalError", "The address is empty."))
    if any(ch.isspace() for ch in text):
        raise _invalid(QT_TRANSLATE_NOOP("PortalError", "The address must not contain spaces."))
    if "://" not in text:
        text = "https://" + text
    parts: SplitResult | None = None
    port: int | None = None
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        parts = None  # the parser's message may quote the address (and its secret)
    if parts is None:
        raise _invalid(QT_TRANSLATE_NOOP("PortalError", "The address is not a valid web address."))
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise _invalid(QT_TRANSLATE_NOOP("PortalError", "The address must start with https://."))
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        raise _invalid(
            QT_TRANSLATE_NOOP("PortalError", "The address must not contain a user name.")
        )
    if not _valid_host(host):
        raise _invalid(
            QT_TRANSLATE_NOOP("PortalError", "The address has no valid portal host name.")
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return scheme, netloc, parts.path


def _valid_host(host: str) -> bool:
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _HOST.fullmatch(host) is not None
    return True


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_transport_security(url: str) -> None:
    """Refuse plain ``http://`` except to a loopback address (a real portal speaks HTTPS only).

    Raises:
        InvalidPortalUrl: for http:// to another host or any scheme other than http(s).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "https":
        return
    if scheme == "http" and is_loopback_host(parts.hostname or ""):
        return
    if scheme == "http":
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "Plain http:// is refused: a Bitrix24 portal must be reached over https:// so "
                "that the credential cannot be intercepted.",
            )
        )
    raise _invalid(QT_TRANSLATE_NOOP("PortalError", "The address must start with https://."))


def normalise_portal_url(url: str) -> str:
    """``"host"`` or ``"https://host/"`` → ``"https://host"`` (lower-case host, port kept).

    Raises:
        InvalidPortalUrl: when there is no usable host.
    """
    scheme, netloc, _path = _split(url)
    return f"{scheme}://{netloc.lower()}"


def parse_webhook_url(url: str) -> WebhookCredentials:
    """Parse an inbound webhook address into its parts.

    Accepts the address with or without a trailing slash, with a method name and with a
    ``.json`` suffix (``https://host/rest/1/secret/profile.json``). A query string or fragment
    is ignored. Plain http is accepted only for a loopback host.

    Raises:
        InvalidPortalUrl: with a message that says what exactly is wrong.
    """
    scheme, netloc, path = _split(url)
    segments = [segment for segment in path.split("/") if segment]
    if not segments or segments[0].lower() != "rest":
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "This is not an inbound webhook address. It should look like %1",
            ),
            _WEBHOOK_SHAPE,
        )
    rest = segments[1:]
    if rest and rest[0].lower() == "api":
        rest = rest[1:]  # REST 3.0 form; the legacy API lives at the same user/secret
    if len(rest) < 2:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The webhook address is incomplete: the user id or the secret is missing. It "
                "should look like %1",
            ),
            _WEBHOOK_SHAPE,
        )
    user_text, secret = rest[0], rest[1]
    if not user_text.isdigit() or int(user_text) <= 0:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The webhook address must have the user's number after /rest/ (for example "
                "/rest/1/…).",
            )
        )
    if _SECRET.fullmatch(secret) is None:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The webhook secret in the address is not valid: it must be letters and digits "
                "only. Copy the address again from the portal.",
            )
        )
    extra = rest[2:]
    if len(extra) > 1 or (extra and _METHOD.fullmatch(extra[0]) is None):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PortalError",
                "The webhook address has unexpected parts after the secret. It should look like %1",
            ),
            _WEBHOOK_SHAPE,
        )
    base = f"{scheme}://{netloc.lower()}"
    check_transport_security(base)
    user_id = int(user_text)
    return WebhookCredentials(rest_base=f"{base}/rest/{user_id}/", user_id=user_id, secret=secret)
