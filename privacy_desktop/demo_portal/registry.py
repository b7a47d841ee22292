"""The pieces every method handler shares: its context, its result and its registration."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.oauth import Caller, Credentials
from privacy_desktop.demo_portal.params import Params

if TYPE_CHECKING:
    from privacy_desktop.demo_portal.live_data import LiveData
    from privacy_desktop.demo_portal.portal_data import PortalData


@dataclass(frozen=True)
class CallResult:
    """What a method produced.

    Attributes:
        result: the ``result`` member of the envelope.
        total: for list methods, ``total`` (0 when the count was skipped with ``start=-1``).
        next: the ``start`` of the next page, only when more rows remain.
        records: rows returned (priced at ``cost_per_record``).
        counted_rows: rows counted for ``total`` (priced at ``count_cost_per_row``).
        extra_cost: simulated seconds already spent by sub-calls (batch), not re-charged.
    """

    result: Any
    total: int | None = None
    next: int | None = None
    records: int = 0
    counted_rows: int = 0
    extra_cost: float = 0.0


@dataclass(frozen=True)
class CallContext:
    """A method call: who calls, with which parameters, against which data.

    ``data`` is the snapshot current when the call began (it never changes under the
    handler); write methods change the portal through ``live``.
    """

    caller: Caller
    params: Params
    data: PortalData
    registry: Registry
    credentials: Credentials
    live: LiveData | None = None

    def writer(self) -> LiveData:
        """The portal's changeable state (present for every call the executor runs)."""
        if self.live is None:
            raise RuntimeError("this call context cannot change the portal")
        return self.live


Handler = Callable[[CallContext], CallResult]


@dataclass(frozen=True)
class MethodSpec:
    """A REST method: its name, the scopes that allow it (empty: ``basic``, always allowed),
    and, for application-context methods, the refusal a webhook gets."""

    name: str
    handler: Handler
    scopes: frozenset[str] = frozenset()
    webhook_refusal: RestError | None = None

    @property
    def scope(self) -> str:
        """The scope ``methods?scope=`` files the method under."""
        return min(self.scopes) if self.scopes else "basic"


@dataclass
class Registry:
    """Every method the demo portal serves, by lower-case name."""

    methods: dict[str, MethodSpec] = field(default_factory=dict)

    def add(self, specs: Iterable[MethodSpec]) -> None:
        for spec in specs:
            self.methods[spec.name] = spec

    def get(self, name: str) -> MethodSpec | None:
        return self.methods.get(name.lower())

    def available(self, spec: MethodSpec, caller: Caller) -> bool:
        """Whether ``caller`` may call ``spec`` (scope and credential type)."""
        if spec.webhook_refusal is not None and not caller.is_app:
            return False
        return not spec.scopes or bool(spec.scopes & caller.scopes)


def list_result(rows: list[dict[str, Any]], total: int | None, following: int | None) -> CallResult:
    """A list method's result; ``total`` None (not counted) is reported as 0."""
    return CallResult(
        result=rows,
        total=total if total is not None else 0,
        next=following,
        records=len(rows),
        counted_rows=total or 0,
    )
