"""Running one method call as a portal does: checks, simulated execution time, budget, ``time``.

Order of the checks, as a real portal makes them: the method must exist, application-context
methods refuse webhooks, the credential must hold the method's scope, and the method's
operating budget must not be exhausted. Then the handler runs, the call sleeps its simulated
duration (no lock held) and that duration is charged to the (credential, method) budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from privacy_desktop.demo_portal.batch import run_batch
from privacy_desktop.demo_portal.crm_methods import crm_methods
from privacy_desktop.demo_portal.crm_writes import write_methods
from privacy_desktop.demo_portal.envelope import RestError, method_not_found, portal_datetime
from privacy_desktop.demo_portal.faults import BatchFaultPlan
from privacy_desktop.demo_portal.limits import OperatingBudget
from privacy_desktop.demo_portal.live_data import LiveData
from privacy_desktop.demo_portal.oauth import Caller, Credentials
from privacy_desktop.demo_portal.params import Params
from privacy_desktop.demo_portal.portal_data import PortalData
from privacy_desktop.demo_portal.registry import CallContext, CallResult, MethodSpec, Registry
from privacy_desktop.demo_portal.stats import StatsCounter
from privacy_desktop.demo_portal.system_methods import system_methods
from privacy_desktop.demo_portal.user_methods import user_methods

BATCH_METHOD = "batch"


@dataclass(frozen=True)
class Outcome:
    """A successful call: its result, list counters and ``time`` block."""

    result: Any
    total: int | None
    next: int | None
    time: dict[str, Any]


class Executor:
    """Executes method calls against the portal's data with its limits and counters."""

    def __init__(
        self,
        data: PortalData,
        credentials: Credentials,
        budget: OperatingBudget,
        stats: StatsCounter,
        batch_faults: BatchFaultPlan,
    ) -> None:
        self.live = LiveData(data)
        self.credentials = credentials
        self.budget = budget
        self.stats = stats
        self.batch_faults = batch_faults
        config = data.config
        self._time_scale = config.time_scale
        self._cloud = config.effective_limits().operating_limit is not None
        self.registry = Registry()
        self.registry.add(system_methods())
        self.registry.add(user_methods())
        self.registry.add(crm_methods())
        self.registry.add(write_methods())
        self.registry.add([MethodSpec(BATCH_METHOD, lambda context: run_batch(self, context))])

    @property
    def data(self) -> PortalData:
        """The portal's data as of now (see LiveData: each call keeps the one it started on)."""
        return self.live.current

    def simulated_cost(self, result: CallResult) -> float:
        config = self.data.config
        seconds = (
            config.cost_per_call
            + config.cost_per_record * result.records
            + config.count_cost_per_row * result.counted_rows
        )
        return max(0.0, seconds * self._time_scale)

    def call(
        self, caller: Caller, method: str, params: dict[str, Any], *, in_batch: bool = False
    ) -> Outcome:
        """Run ``method``; raises :class:`RestError` for every refusal or method error."""
        spec = self.registry.get(method)
        if spec is None:
            raise method_not_found()
        if in_batch and spec.name == BATCH_METHOD:
            raise RestError(
                405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage"
            )
        if spec.webhook_refusal is not None and not caller.is_app:
            raise spec.webhook_refusal
        if spec.scopes and not spec.scopes & caller.scopes:
            holder = "access token" if caller.is_app else "webhook token"
            raise RestError(
                self.data.config.insufficient_scope_status,
                "insufficient_scope",
                f"The request requires higher privileges than provided by the {holder}",
            )
        charged = spec.name != BATCH_METHOD  # the outer batch is not charged, its parts are
        if charged and self.budget.blocked(caller.credential, spec.name):
            self.stats.refused_operating()
            raise RestError(
                429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."
            )
        context = CallContext(
            caller, Params(params), self.live.current, self.registry, self.credentials, self.live
        )
        started = time.time()
        failure: RestError | None = None
        try:
            result = spec.handler(context)
        except RestError as error:
            failure, result = error, CallResult(result=None)
        if charged:
            processing = self.simulated_cost(result)
            time.sleep(processing)
            self.budget.charge(caller.credential, spec.name, processing)
        else:
            processing = result.extra_cost
        self.stats.method_call(spec.name)
        if failure is not None:
            raise failure
        finished = time.time()
        return Outcome(
            result=result.result,
            total=result.total,
            next=result.next,
            time=self.time_block(caller, spec.name, started, finished, processing),
        )

    def time_block(
        self, caller: Caller, method: str, started: float, finished: float, processing: float
    ) -> dict[str, Any]:
        block: dict[str, Any] = {
            "start": started,
            "finish": finished,
            "duration": finished - started,
            "processing": processing,
            "date_start": portal_datetime(started),
            "date_finish": portal_datetime(finished),
        }
        if self._cloud:  # on-premise portals without a resource limit do not report it
            state = self.budget.state(caller.credential, method)
            block["operating_reset_at"] = state.reset_at
            block["operating"] = state.operating
        return block
