"""From an HTTP request to a reply: faults, rate limit, credentials, method, envelope.

Kept apart from the socket handling (``handler.py``) so the decision logic is plain Python.
"""

from __future__ import annotations

import json
import logging
import traceback
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.envelope import (
    RestError,
    internal_error,
    method_not_found,
    php_json,
)
from privacy_desktop.demo_portal.executor import Executor
from privacy_desktop.demo_portal.faults import HTML_503, HTML_PAGE, FaultPlan, garbage_body
from privacy_desktop.demo_portal.limits import LeakyBucket
from privacy_desktop.demo_portal.oauth import Caller, Credentials, OAuthError
from privacy_desktop.demo_portal.params import BadParameters, decode_request
from privacy_desktop.demo_portal.stats import StatsCounter

_log = logging.getLogger(__name__)

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """What to do with the connection: send a response, reset it, or hang and close it."""

    status: int = 200
    body: bytes = b""
    content_type: str = JSON_TYPE
    action: str = "send"  # "send" | "reset" | "hang"


def json_reply(status: int, body: Any) -> Reply:
    return Reply(status, php_json(body))


def error_reply(error: RestError) -> Reply:
    return json_reply(error.status, error.body())


class RestService:
    """Serves ``/rest/…``, ``/oauth/…`` and ``/_demo/stats``."""

    def __init__(
        self,
        executor: Executor,
        credentials: Credentials,
        stats: StatsCounter,
        faults: FaultPlan,
        bucket: LeakyBucket | None,
    ) -> None:
        self.executor = executor
        self.credentials = credentials
        self.stats = stats
        self.faults = faults
        self.bucket = bucket
        self.base_url = ""

    # ---------------------------------------------------------------- /rest
    def rest(self, client: str, path: str, query: str, body: bytes, content_type: str) -> Reply:
        self.stats.request()
        fault = self.faults.draw()  # decided before anything is executed
        if fault is not None:
            self.stats.fault(fault)
            return self._fault_reply(fault)
        if self.bucket is not None and not self.bucket.admit(client):
            self.stats.refused_rate_limit()
            return error_reply(RestError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"))
        try:
            return self._rest_call(path, query, body, content_type)
        except RestError as error:
            return error_reply(error)
        except Exception as error:  # any bug becomes an envelope, never a traceback page
            _log_failure(error)
            return error_reply(internal_error())

    def _rest_call(self, path: str, query: str, body: bytes, content_type: str) -> Reply:
        try:
            params = decode_request(query, body, content_type)
        except BadParameters as error:
            raise RestError(400, "INVALID_REQUEST", f"Bad request: {error}") from error
        segments = path.removeprefix("/rest/").split("/")
        if segments and segments[-1] == "":
            segments.pop()
        caller: Caller
        if len(segments) == 1 and segments[0] != "api":
            token = params.pop("auth", None)
            if not isinstance(token, str) or not token:
                raise RestError(401, "NO_AUTH_FOUND", "Wrong authorization data")
            caller = self.credentials.token_caller(token)
            method = segments[0]
        elif len(segments) == 3:
            caller = self.credentials.webhook_caller(segments[0], segments[1])
            params.pop("auth", None)
            method = segments[2]
        else:
            raise method_not_found()
        method = method.lower().removesuffix(".json")
        outcome = self.executor.call(caller, method, params)
        envelope: dict[str, Any] = {"result": outcome.result}
        if outcome.total is not None:
            envelope["total"] = outcome.total
        if outcome.next is not None:
            envelope["next"] = outcome.next
        envelope["time"] = outcome.time
        return json_reply(200, envelope)

    def _fault_reply(self, fault: str) -> Reply:
        if fault == "503":
            return Reply(503, HTML_503, HTML_TYPE)
        if fault == "500":
            return error_reply(internal_error())
        if fault == "reset":
            return Reply(action="reset")
        if fault == "timeout":
            return Reply(action="hang")
        if fault == "garbage":
            whole = php_json({"result": [{"ID": "1", "NAME": "Demo"}], "total": 1})
            return Reply(200, garbage_body(whole))
        return Reply(200, HTML_PAGE, HTML_TYPE)

    # ---------------------------------------------------------------- /oauth
    def token(self, query: str, body: bytes, content_type: str) -> Reply:
        try:
            params = decode_request(query, body, content_type)
            answer = self.credentials.token_response(params, self.base_url + "/rest/")
        except BadParameters:
            return json_reply(400, {"error": "invalid_request", "error_description": "Bad body"})
        except OAuthError as error:
            return json_reply(
                error.status, {"error": error.error, "error_description": error.description}
            )
        if params.get("grant_type") == "refresh_token":
            self.stats.token_refresh()
        else:
            self.stats.token_exchange()
        return json_reply(200, answer)

    def authorize(self, query: str, admin_user_id: int) -> Reply:
        try:
            params = decode_request(query, b"", "")
        except BadParameters:
            params = {}
        status, page = self.credentials.authorize_page(params, admin_user_id)
        return Reply(status, page.encode("utf-8"), HTML_TYPE)

    # ---------------------------------------------------------------- /_demo
    def stats_reply(self) -> Reply:
        return Reply(200, json.dumps(self.stats.snapshot().as_json()).encode("ascii"))


def _log_failure(error: BaseException) -> None:
    """Log where a server error happened without its message (it may carry personal data)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(f"{frame.name}:{frame.lineno}" for frame in reversed(frames[-4:]))
    _log.error("demo portal internal error %s at %s", type(error).__name__, where)
