"""What the demo portal simulates: its data sizes, plan, limits, timings and faults."""

from __future__ import annotations

from dataclasses import dataclass

from privacy_desktop.domain.portals import Plan, PortalLimits


@dataclass(frozen=True)
class DemoPortalConfig:
    """The demo portal's settings; every field has a value that gives a realistic small portal.

    Attributes:
        seed: seeds the generated dataset (same seed and sizes give the same data).
        users, contacts, leads, companies, deals: how many records of each entity to generate,
            exactly. CRM IDs run from 1 with about 2 % missing (as after deletions); user IDs
            have no gaps and include the integrations' technical users (when users ≥ 5).
        plan: the simulated plan; it sets the leaky-bucket rate and size.
        rate: overrides the plan's leaky-bucket drain, requests per second.
        burst: overrides the plan's bucket size.
        time_scale: multiplies every simulated duration: method costs, ``operating_limit``
            and ``operating_window`` (small values make limit tests fast).
        cost_per_call: simulated execution seconds per method call.
        cost_per_record: simulated execution seconds added per record returned.
        count_cost_per_row: seconds added per row of the filtered table when ``start >= 0``
            (counting ``total``), as a real portal does.
        operating_limit: execution seconds one method may use per credential and window.
        operating_window: the resource-limit window, seconds (ten equal buckets).
        token_lifetime: OAuth access-token lifetime, seconds.
        code_lifetime: OAuth authorization-code lifetime, seconds.
        fault_rate: share of /rest requests that get an injected fault.
        fault_seed: seeds the fault injection.
        fault_kinds: which faults may be injected.
        fault_hang: seconds a "timeout" fault holds the connection.
        batch_fault_rate: share of batch sub-commands that fail with INTERNAL_SERVER_ERROR.
        insufficient_scope_status: HTTP status of an insufficient_scope answer (401 mimics
            what the SDK observed, 403 is what the documentation says).
        webhook_scopes: scopes of the default webhook.
        oauth_scopes: scopes of the installed local OAuth application.
    """

    seed: int = 1
    users: int = 25
    contacts: int = 500
    leads: int = 200
    companies: int = 80
    deals: int = 150
    plan: Plan = Plan.STANDARD
    rate: float | None = None
    burst: int | None = None
    time_scale: float = 1.0
    cost_per_call: float = 0.01
    cost_per_record: float = 0.002
    count_cost_per_row: float = 0.00002
    operating_limit: float = 480.0
    operating_window: float = 600.0
    token_lifetime: float = 3600.0
    code_lifetime: float = 30.0
    fault_rate: float = 0.0
    fault_seed: int = 0
    fault_kinds: tuple[str, ...] = ("503", "500", "reset", "timeout", "garbage", "html")
    fault_hang: float = 2.0
    batch_fault_rate: float = 0.0
    insufficient_scope_status: int = 403
    webhook_scopes: tuple[str, ...] = ("crm", "user", "department", "userconsent")
    oauth_scopes: tuple[str, ...] = ("crm", "user", "department", "userconsent")

    def effective_limits(self) -> PortalLimits:
        """The limits a client must honour against this portal.

        Rate and burst come from the plan unless overridden; the resource limit and its
        window are scaled by ``time_scale``. An UNLIMITED plan has neither a request rate
        nor a resource limit, whatever the overrides say about the resource limit.
        """
        base = PortalLimits.for_plan(self.plan)
        window = self.operating_window * self.time_scale
        if self.plan is Plan.UNLIMITED:
            return PortalLimits(
                rate=self.rate,
                burst=self.burst if self.burst is not None else base.burst,
                operating_limit=None,
                operating_window=window,
            )
        return PortalLimits(
            rate=self.rate if self.rate is not None else base.rate,
            burst=self.burst if self.burst is not None else base.burst,
            operating_limit=self.operating_limit * self.time_scale,
            operating_window=window,
        )
