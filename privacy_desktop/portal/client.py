"""The Bitrix24 REST client: transport, envelope, limits and bounded retries.

One ``httpx.Client`` (keep-alive, pool of ``max_connections``) per :class:`BitrixClient`;
every method is thread-safe. Before each request the client waits for the rate limiter and
the operating-time ledger, so that steady operation runs at the portal's limits without
being refused; refusals that happen anyway (another program shares the limits) are retried
with exponential backoff and full jitter, a bounded number of times.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from privacy_desktop import __version__
from privacy_desktop.domain.portals import PortalLimits
from privacy_desktop.domain.progress import Cancelled, CancelToken
from privacy_desktop.portal.auth import OAuthSession
from privacy_desktop.portal.credentials import WebhookCredentials
from privacy_desktop.portal.envelope import (
    ApiResponse,
    BatchResult,
    batch_command,
    batch_result,
    charge,
    success,
)
from privacy_desktop.portal.errors import (
    OperatingLimit,
    PortalError,
    RateLimited,
    TokenExpired,
    bad_response,
    code_text,
    error_for,
)
from privacy_desktop.portal.limiter import OperatingLedger, RateLimiter, Sleep
from privacy_desktop.portal.policy import (
    ClientStats,
    check_method_name,
    is_retriable,
    is_write_method,
)
from privacy_desktop.portal.transport import (
    decode_json,
    install_log_redaction,
    request_was_sent,
    transport_error,
)
from privacy_desktop.portal.urls import check_transport_security

__all__ = ["ApiResponse", "BatchResult", "BitrixClient", "ClientStats"]

_log = logging.getLogger(__name__)

MAX_BATCH = 50
_SLICE_S = 0.05


@dataclass(frozen=True)
class _Call:
    """One logical request: what to send and how to account for it."""

    method: str
    body: Mapping[str, Any]
    calls: Mapping[str, int]  # method → sub-calls, for the operating ledger
    writes: bool


class BitrixClient:
    """A thread-safe client of one portal.

    Args:
        auth: webhook credentials or an OAuth session.
        limits: the portal's limits, honoured before each request.
        timeout: seconds per HTTP request.
        max_retries: retries per call after a transient failure (refusal, 5xx, timeout…).
        max_connections: size of the HTTP connection pool.
        transport: an httpx transport (tests).
        cancel: cancels every wait of this client.
        backoff_base: the first backoff ceiling, seconds; doubles per retry.
        backoff_cap: the largest backoff ceiling, seconds.
    """

    def __init__(
        self,
        auth: WebhookCredentials | OAuthSession,
        limits: PortalLimits,
        *,
        timeout: float = 30.0,
        max_retries: int = 6,
        max_connections: int = 8,
        transport: httpx.BaseTransport | None = None,
        cancel: CancelToken | None = None,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
    ) -> None:
        install_log_redaction()
        check_transport_security(auth.rest_base)
        self._auth = auth
        self._timeout = timeout
        self._max_retries = max(0, max_retries)
        self._cancel = cancel
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._random = random.Random()
        self.limits = limits
        self.limiter = RateLimiter(limits.rate, limits.burst)
        self.ledger = OperatingLedger(limits.operating_limit, limits.operating_window)
        self.stats = ClientStats()
        self._http = httpx.Client(
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
            headers={
                "Accept": "application/json",
                "User-Agent": f"privacy-desktop/{__version__}",
            },
            follow_redirects=False,
        )

    @property
    def rest_base(self) -> str:
        """The REST base URL; it never contains a secret."""
        return self._auth.rest_base

    def __enter__(self) -> BitrixClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # ---------------------------------------------------------------- public calls
    def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        cancel: CancelToken | None = None,
    ) -> ApiResponse:
        """Call one method.

        Raises:
            PortalError: the typed error of the failure (after bounded retries).
            Cancelled: a cancel token was set during a wait.
        """
        check_method_name(method)
        body = dict(params or {})
        data, _status = self._perform(
            _Call(method, body, {method: 1}, is_write_method(method)), cancel
        )
        return success(data)

    def batch(
        self,
        commands: Mapping[str, tuple[str, Mapping[str, Any]]],
        *,
        halt: bool = False,
        cancel: CancelToken | None = None,
    ) -> BatchResult:
        """Run up to 50 commands in one request (one rate-limit token).

        A failing command does not fail the batch: its error is in ``BatchResult.errors``.

        Raises:
            ValueError: more than 50 commands, or none.
            PortalError: the batch request itself failed.
        """
        if not commands or len(commands) > MAX_BATCH:
            raise ValueError(f"a batch holds 1 to {MAX_BATCH} commands, not {len(commands)}")
        methods = {str(key): method for key, (method, _params) in commands.items()}
        for method in methods.values():
            check_method_name(method)
        calls: dict[str, int] = {}
        for method in methods.values():
            calls[method] = calls.get(method, 0) + 1
        body = {
            "halt": 1 if halt else 0,
            "cmd": {str(key): batch_command(m, p) for key, (m, p) in commands.items()},
        }
        writes = any(is_write_method(method) for method in methods.values())
        data, status = self._perform(_Call("batch", body, calls, writes), cancel, methods)
        answer = batch_result(data, methods, status, self._secrets())
        for key, error in answer.errors.items():
            if isinstance(error, OperatingLimit):
                # The ledger under-estimated (another program?): hold the method a bucket's time.
                self.stats.add("refused_operating")
                self.ledger.block(methods[key], self.limits.operating_window / 10)
        return answer

    def cost_known(self, method: str) -> bool:
        """Whether a full batch of ``method`` may be sent: no operating limit, its cost is
        known from an earlier answer, or nothing has been spent on it yet (see
        :meth:`OperatingLedger.untouched`)."""
        return (
            self.limits.operating_limit is None
            or self.ledger.expected_cost(method) > 0
            or self.ledger.untouched(method)
        )

    def batch_capacity(self, method: str) -> int:
        """How many commands of ``method`` one batch should hold so that it fits the
        method's operating budget (at most 50)."""
        capacity = self.ledger.capacity(method)
        if capacity is None:
            return MAX_BATCH
        full = max(1, min(MAX_BATCH, capacity))
        # What is left of the budget now, unless that is a scrap: a batch sized to the free
        # budget runs at once instead of waiting for room for a whole one.
        now = self.ledger.affordable_now(method) or 0
        return min(full, now) if now >= max(1, full // 4) else full

    # ---------------------------------------------------------------- machinery
    def _secrets(self) -> tuple[str, ...]:
        if isinstance(self._auth, WebhookCredentials):
            return (self._auth.secret,)
        return self._auth.secrets()

    def _sleeper(self, cancel: CancelToken | None) -> Sleep:
        tokens = [token for token in (self._cancel, cancel) if token is not None]
        if not tokens:

            def plain(seconds: float) -> bool:
                time.sleep(seconds)
                return False

            return plain
        if len(tokens) == 1:
            return tokens[0].wait

        def either(seconds: float) -> bool:
            deadline = time.monotonic() + seconds
            while True:
                if any(token.cancelled for token in tokens):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if tokens[0].wait(min(left, _SLICE_S)):
                    return True

        return either

    def _backoff(self, attempt: int, sleep: Sleep) -> None:
        ceiling = min(self._backoff_cap, self._backoff_base * (2**attempt))
        pause = self._random.uniform(0.0, ceiling)
        self.stats.add("waited_s", pause)
        if sleep(pause):
            raise Cancelled

    def _target(self, call: _Call) -> tuple[str, dict[str, Any], str | None]:
        """URL, JSON body, and the access token used (OAuth) for one attempt."""
        if isinstance(self._auth, WebhookCredentials):
            return self._auth.method_url(call.method), dict(call.body), None
        tokens = self._auth.tokens
        if time.time() >= tokens.expires_at:
            # Known to be expired: renew first instead of spending a request on a refusal.
            if self._auth.refresh(tokens.access_token):
                self.stats.add("token_refreshes")
            tokens = self._auth.tokens
        body = dict(call.body)
        body["auth"] = tokens.access_token
        return tokens.client_endpoint + call.method, body, tokens.access_token

    def _perform(
        self,
        call: _Call,
        cancel: CancelToken | None,
        batch_methods: Mapping[str, str] | None = None,
    ) -> tuple[dict[str, Any], int]:
        sleep = self._sleeper(cancel)
        attempt = 0
        refreshed = False
        while True:
            for token in (self._cancel, cancel):
                if token is not None:
                    token.raise_if_cancelled()
            # Operating budget first, rate slot last: the slot is taken right before sending.
            reservation, waited = self.ledger.reserve(call.calls, sleep)
            try:
                waited += self.limiter.acquire(sleep)
            except Cancelled:
                self.ledger.settle(reservation, None)
                raise
            self.stats.add("waited_s", waited)
            charged = final = executed = False
            try:
                url, body, used_token = self._target(call)
                self.stats.add("requests")
                try:
                    response = self._http.post(url, json=body)
                except httpx.TransportError as exc:
                    # The httpx exception's text holds the URL (and a webhook secret); only
                    # our own error leaves, raised outside this handler (no __context__).
                    failure: PortalError = transport_error(exc, call.method, self._timeout)
                    executed = request_was_sent(exc)
                    final = call.writes and executed
                else:
                    data, failure_or_none = self._read(call, response)
                    if failure_or_none is None:
                        charge(self.ledger, reservation, call.method, data, batch_methods)
                        charged = True
                        return data, response.status_code
                    failure = failure_or_none
                    executed = not isinstance(failure, RateLimited | OperatingLimit)
            finally:
                if not charged:
                    # An error answer reports no time, but the method ran: charge the estimate.
                    self.ledger.settle(reservation, None, executed=executed)
            # ---- the attempt failed: decide whether and how to try again
            if final:
                raise failure  # a write that may have executed is never sent again
            if failure.code == "expired_token" and used_token is not None and not refreshed:
                assert isinstance(self._auth, OAuthSession)
                if self._auth.refresh(used_token):
                    self.stats.add("token_refreshes")
                    _log.info("OAuth access token renewed after expired_token")
                refreshed = True
                continue  # the retry after a refresh is not one of the bounded retries
            if isinstance(failure, TokenExpired) and used_token is None:
                raise failure  # a webhook has no token to renew
            if not is_retriable(failure, call.writes) or attempt >= self._max_retries:
                raise failure
            attempt += 1
            self.stats.add("retries")
            _log.debug(
                "retry %d/%d of %s after %s %s",
                attempt,
                self._max_retries,
                call.method,
                type(failure).__name__,
                failure.code,
            )
            if isinstance(failure, RateLimited):
                self.limiter.mark_full()
                self._backoff(attempt, sleep)
            elif isinstance(failure, OperatingLimit):
                self._hold_blocked_methods(call, attempt)
            else:
                self._backoff(attempt, sleep)

    def _read(
        self, call: _Call, response: httpx.Response
    ) -> tuple[dict[str, Any], PortalError | None]:
        """The envelope of an answer, or the failure it reports."""
        try:
            data = decode_json(response, call.method)
        except PortalError as exc:
            return {}, exc
        if not isinstance(data, dict):
            return {}, bad_response(call.method, response.status_code, "not an object")
        if "error" in data:
            error = error_for(
                code_text(data.get("error")),
                str(data.get("error_description", "")),
                method=call.method,
                http_status=response.status_code,
                secrets=self._secrets(),
            )
            if isinstance(error, RateLimited):
                self.stats.add("refused_rate_limit")
            elif isinstance(error, OperatingLimit):
                self.stats.add("refused_operating")
            return data, error
        if response.status_code >= 400 or "result" not in data:
            return data, bad_response(call.method, response.status_code, "no result in answer")
        return data, None

    def _hold_blocked_methods(self, call: _Call, attempt: int) -> None:
        """On 429 wait until the portal's reset time if known, else a backoff."""
        for method in call.calls:
            reset_in = self.ledger.floor_reset_in(method)
            if reset_in is None or reset_in <= 0:
                ceiling = min(self._backoff_cap, self._backoff_base * (2**attempt))
                reset_in = self._random.uniform(ceiling / 2, ceiling)
            self.ledger.block(method, reset_in)
