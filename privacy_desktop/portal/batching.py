"""Batch requests for listings: the client protocol and per-command retries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.envelope import ApiResponse, BatchResult
from privacy_desktop.portal.errors import PortalError, bad_response
from privacy_desktop.portal.policy import is_retriable

#: How often one failed batch command is sent again before its error is raised.
COMMAND_RETRIES = 5


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


class ListingClient(Protocol):
    """What the listing needs of a client (``BitrixClient`` provides it)."""

    def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        cancel: CancelToken | None = None,
    ) -> ApiResponse: ...

    def batch(
        self,
        commands: Mapping[str, tuple[str, Mapping[str, Any]]],
        *,
        halt: bool = False,
        cancel: CancelToken | None = None,
    ) -> BatchResult: ...

    def batch_capacity(self, method: str) -> int:
        """How many commands of ``method`` fit one batch under the operating budget."""
        ...

    def cost_known(self, method: str) -> bool:
        """Whether a full batch of ``method`` may be sent (no limit, a known cost, or nothing
        spent on it yet)."""
        ...


def is_transient(error: PortalError) -> bool:
    """A batch command error worth sending the command again for (list commands are reads,
    so the client's own retry policy for reads decides)."""
    return is_retriable(error, writes=False)


def batch_with_retries(
    client: ListingClient,
    commands: Mapping[str, tuple[str, Mapping[str, Any]]],
    cancel: CancelToken | None,
    retries: int = COMMAND_RETRIES,
) -> dict[str, Any]:
    """Run a batch; re-send only failed commands; every command's result, or raise."""
    results: dict[str, Any] = {}
    left = dict(commands)
    for attempt in range(retries + 1):
        _check(cancel)
        answer = client.batch(left, cancel=cancel)
        for key in list(left):
            if key in answer.results:
                results[key] = answer.results[key]
                del left[key]
            elif key in answer.errors:
                error = answer.errors[key]
                if not is_transient(error) or attempt == retries:
                    raise error
        if not left:
            return results
    # Commands that came back with neither a result nor an error, every time.
    raise bad_response("batch", None, f"no answer for {len(left)} command(s)")
