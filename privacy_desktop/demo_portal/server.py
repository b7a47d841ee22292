"""The demo portal: a local HTTP server on 127.0.0.1 that behaves like a Bitrix24 portal.

It serves the legacy REST API for webhooks and an installed local OAuth application, the
OAuth token server, and ``/_demo/stats``. Its behaviour follows REST-REFERENCE.md §7.

Example::

    with DemoPortal(DemoPortalConfig(contacts=60)) as portal:
        httpx.get(portal.webhook_url + "crm.contact.list")
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any
from urllib.parse import urlencode, urlsplit

from privacy_desktop.demo_portal import record_writes
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.dataset import Dataset, generate
from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.executor import Executor
from privacy_desktop.demo_portal.faults import BatchFaultPlan, FaultPlan
from privacy_desktop.demo_portal.handler import PortalHTTPServer
from privacy_desktop.demo_portal.limits import LeakyBucket, OperatingBudget
from privacy_desktop.demo_portal.live_data import RecycledRecord
from privacy_desktop.demo_portal.oauth import Credentials
from privacy_desktop.demo_portal.portal_data import PortalData
from privacy_desktop.demo_portal.rest_service import RestService
from privacy_desktop.demo_portal.stats import DemoStats, StatsCounter

__all__ = ["DemoPortal", "DemoStats", "RecycledRecord", "RestError"]

#: The administrator who owns the default webhook and signs in for the OAuth browser step.
ADMIN_USER_ID = 1


class DemoPortal:
    """A running (after :meth:`start`) demo portal; also a context manager.

    Args:
        config: what to simulate.
        port: the port to bind on 127.0.0.1; 0 picks a free one.
    """

    def __init__(self, config: DemoPortalConfig = DemoPortalConfig(), port: int = 0) -> None:  # noqa: B008 - frozen
        self.config = config
        self._port = port
        dataset = generate(config)
        self._credentials = Credentials(
            config.seed, config.oauth_scopes, config.token_lifetime, config.code_lifetime
        )
        self._default_secret = self._credentials.add_webhook(
            ADMIN_USER_ID, config.webhook_scopes, None
        )
        self._stats = StatsCounter()
        limits = config.effective_limits()
        bucket = LeakyBucket(limits.rate, limits.burst) if limits.rate is not None else None
        executor = Executor(
            PortalData.build(config, dataset),
            self._credentials,
            OperatingBudget(limits.operating_limit, limits.operating_window),
            self._stats,
            BatchFaultPlan(config.batch_fault_rate, config.fault_seed),
        )
        self._live = executor.live
        self._service = RestService(
            executor,
            self._credentials,
            self._stats,
            FaultPlan(config.fault_rate, config.fault_seed, config.fault_kinds),
            bucket,
        )
        self._server: PortalHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Bind 127.0.0.1 and serve in background threads."""
        if self._server is not None:
            return
        server = PortalHTTPServer(
            ("127.0.0.1", self._port), self._service, self.config.fault_hang, ADMIN_USER_ID
        )
        self._port = server.server_address[1]
        self._service.base_url = self.base_url
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"demo-portal-{self._port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close every open connection."""
        server, thread = self._server, self._thread
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join()
        self._server = self._thread = None

    def __enter__(self) -> DemoPortal:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # ---------------------------------------------------------------- addresses
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the port is known once started when 0 was asked)."""
        if self._port == 0:
            raise RuntimeError("the demo portal has no port before start()")
        return f"http://127.0.0.1:{self._port}"

    @property
    def webhook_url(self) -> str:
        """The default webhook of user 1 (an administrator) with ``config.webhook_scopes``."""
        return f"{self.base_url}/rest/{ADMIN_USER_ID}/{self._default_secret}/"

    def add_webhook(
        self, user_id: int, scopes: Sequence[str], expires_at: float | None = None
    ) -> str:
        """Create an inbound webhook as ``user_id`` would in the portal's UI; returns its URL."""
        secret = self._credentials.add_webhook(user_id, scopes, expires_at)
        return f"{self.base_url}/rest/{user_id}/{secret}/"

    def remove_webhook(self, url: str) -> None:
        """Delete a webhook as an administrator would in Developer resources."""
        segments = [segment for segment in urlsplit(url).path.split("/") if segment]
        if len(segments) >= 3 and segments[0] == "rest":
            self._credentials.remove_webhook(segments[2])

    # ---------------------------------------------------------------- OAuth
    @property
    def oauth_client_id(self) -> str:
        return self._credentials.client_id

    @property
    def oauth_client_secret(self) -> str:
        return self._credentials.client_secret

    @property
    def oauth_token_url(self) -> str:
        return self.base_url + "/oauth/token/"

    def authorize_url(self, state: str = "") -> str:
        query = {"client_id": self.oauth_client_id}
        if state:
            query["state"] = state
        return f"{self.base_url}/oauth/authorize/?{urlencode(query)}"

    def issue_authorization_code(self, user_id: int = ADMIN_USER_ID) -> str:
        """What the browser step yields: a code valid ``config.code_lifetime`` seconds."""
        return self._credentials.issue_code(user_id)

    def expire_access_tokens(self) -> None:
        """Every access token issued so far now answers ``expired_token``."""
        self._credentials.expire_access_tokens()

    def uninstall_oauth_app(self) -> None:
        """Remove the local application: all its tokens and refresh tokens die."""
        self._credentials.uninstall()

    # ---------------------------------------------------------------- data
    @property
    def dataset(self) -> Dataset:
        """The portal's contents now, as a snapshot: writes made later do not change it.

        Ground truth that describes the generated data (``planted_people``,
        ``integrations``) is not updated by writes.
        """
        return self._live.current.dataset

    def add_record(
        self,
        entity: str,
        fields: Mapping[str, Any],
        *,
        user_id: int = ADMIN_USER_ID,
        import_mode: bool = False,
    ) -> int:
        """Add a record exactly as ``crm.<entity>.add`` would; returns its ID.

        Args:
            entity: "contact", "lead", "company", "deal", "requisite" or "bank_detail".
            fields: the ``fields`` parameter of the REST method.
            user_id: whose credential writes (CREATED_BY_ID, MODIFY_BY_ID).
            import_mode: the ``IMPORT`` option: DATE_CREATE, DATE_MODIFY, CREATED_BY_ID and
                MODIFY_BY_ID may be given (to plant old records).

        Raises:
            RestError: what the REST method would answer.
        """
        return record_writes.add_record(
            self._live, entity, fields, user_id=user_id, import_mode=import_mode
        )

    def update_record(
        self,
        entity: str,
        record_id: int,
        changes: Mapping[str, Any],
        *,
        user_id: int = ADMIN_USER_ID,
    ) -> None:
        """Change a record exactly as ``<entity>.update`` would (``user`` as ``user.update``).

        Raises:
            RestError: what the REST method would answer.
        """
        record_writes.update_record(self._live, entity, record_id, changes, user_id=user_id)

    def delete_record(self, entity: str, record_id: int, *, user_id: int = ADMIN_USER_ID) -> None:
        """Delete a record and what goes with it exactly as ``<entity>.delete`` would.

        Raises:
            RestError: what the REST method would answer.
        """
        record_writes.delete_record(self._live, entity, record_id, user_id=user_id)

    def record(self, entity: str, record_id: int) -> dict[str, Any] | None:
        """A copy of one record as the portal holds it now (None if there is none)."""
        return record_writes.record(self._live, entity, record_id)

    def recycle_bin(self) -> list[RecycledRecord]:
        """Records deleted so far with what went with them, oldest first."""
        return self._live.recycle_bin()

    def set_clock(self, clock: Callable[[], float]) -> None:
        """Use ``clock`` (UNIX time) for DATE_MODIFY/TIMESTAMP_X of later writes."""
        self._live.clock = clock

    # ---------------------------------------------------------------- counters
    def stats(self) -> DemoStats:
        return self._stats.snapshot()

    def reset_stats(self) -> None:
        self._stats.reset()
