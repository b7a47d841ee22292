"""Which phases each entity of a scan goes through, and what they list.

* ``pending`` — nothing stored yet for the entity in this scan.
* ``records`` (a full scan, or an entity the previous scan did not complete) — every record.
* ``changes`` (an incremental scan) — records modified after the previous scan began, minus
  a safety margin (``>DATE_MODIFY``; users ``>TIMESTAMP_X``; activities ``>LAST_UPDATED``).
* ``ids`` (after ``changes``) — every ID, to find deleted records and any the store lacks.
* ``done`` / ``skipped`` — finished, or refused by the portal (its scope or method).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from privacy_desktop.domain.inventory import ScanKind, ScanState
from privacy_desktop.portal.errors import AccessDenied, InsufficientScope, MethodNotFound
from privacy_desktop.services.scan_sources import SOURCE_BY_ENTITY, EntitySource
from privacy_desktop.services.scan_survey import PageRequest

#: The portal refuses the entity: skip it and say why, instead of failing the scan.
SCOPE_ERRORS = (InsufficientScope, MethodNotFound, AccessDenied)


class Phase(StrEnum):
    PENDING = "pending"
    RECORDS = "records"
    CHANGES = "changes"
    IDS = "ids"
    DONE = "done"
    SKIPPED = "skipped"


def first_phase(state: ScanState, previous: ScanState | None, source: EntitySource) -> Phase:
    """CHANGES when an incremental scan can rely on the previous scan's records of the
    entity and on a modification date; RECORDS (everything) otherwise."""
    if (
        state.info.kind is not ScanKind.INCREMENTAL
        or source.modified_field is None
        or previous is None
        or state.since is None
    ):
        return Phase.RECORDS
    before = {item.entity: item.phase for item in previous.entities}
    return Phase.CHANGES if before.get(source.entity) == Phase.DONE else Phase.RECORDS


def phase_params(source: EntitySource, phase: Phase, since: str | None) -> dict[str, Any]:
    """The listing parameters of ``phase`` (without paging or ID bounds)."""
    if phase is Phase.IDS:
        return {**source.id_params, "select": ["ID"]}
    params = dict(source.params)
    if phase is Phase.CHANGES and source.modified_field and since:
        params[source.filter_key] = {">" + source.modified_field: since}
    return params


def survey_requests(
    state: ScanState, previous: ScanState | None, entities: Sequence[str] = ()
) -> tuple[list[PageRequest], list[EntitySource]]:
    """The first pages every unfinished entity will list, and the entities whose fields
    must be described (those not classified yet)."""
    pages: list[PageRequest] = []
    describe: list[EntitySource] = []
    for item in state.entities:
        if entities and item.entity not in entities:
            continue
        source = SOURCE_BY_ENTITY[item.entity]
        phase = Phase(item.phase)
        if phase in (Phase.DONE, Phase.SKIPPED):
            continue
        if phase is Phase.PENDING:
            describe.append(source)
            phase = first_phase(state, previous, source)
        phases = [phase, Phase.IDS] if phase is Phase.CHANGES else [phase]
        for each in phases:
            pages.append(PageRequest(source, each.value, phase_params(source, each, state.since)))
    return pages, describe
