"""Per-call policy of the client: which calls may be resent, valid method names, counters."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from privacy_desktop.portal.errors import (
    BadResponse,
    OperatingLimit,
    PortalError,
    PortalTimeout,
    PortalUnreachable,
    RateLimited,
    ServerError,
)

_METHOD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*")
_WRITE_SUFFIXES = (".add", ".update", ".delete")


@dataclass
class ClientStats:
    """Counters of one client, safe to update from several threads."""

    requests: int = 0
    retries: int = 0
    refused_rate_limit: int = 0
    refused_operating: int = 0
    token_refreshes: int = 0
    waited_s: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, name: str, amount: float = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def snapshot(self) -> dict[str, float]:
        """The counters at one moment (``dataclasses.asdict`` cannot copy the lock)."""
        with self._lock:
            return {
                "requests": self.requests,
                "retries": self.retries,
                "refused_rate_limit": self.refused_rate_limit,
                "refused_operating": self.refused_operating,
                "token_refreshes": self.token_refreshes,
                "waited_s": self.waited_s,
            }


def check_method_name(method: str) -> None:
    """A method name goes into the URL path: nothing but a dotted name may get there."""
    if _METHOD_NAME.fullmatch(method) is None:
        raise ValueError(f"not a REST method name: {method!r}")


def is_write_method(method: str) -> bool:
    """Methods that change data: not safe to resend once they may have executed."""
    return method.lower().endswith(_WRITE_SUFFIXES)


def is_retriable(failure: PortalError, writes: bool) -> bool:
    """Whether a failed request may be sent again (``writes``: it changes data)."""
    if isinstance(failure, RateLimited | OperatingLimit):
        return True  # refused before executing: safe even for writes
    if isinstance(failure, PortalTimeout | PortalUnreachable):
        return True  # for writes only failures before sending get this far
    if isinstance(failure, BadResponse) and 300 <= (failure.http_status or 0) < 400:
        return False  # a redirect (domain change) will not go away by asking again
    # A 5xx or a garbled answer may follow an executed write: resend reads only.
    return not writes and isinstance(failure, ServerError | BadResponse)
