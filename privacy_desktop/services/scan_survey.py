"""The first request of a scan: every entity's size, first page and field descriptions at once.

A portal answers at most two requests a second on most plans, so what every entity needs
before its listing — how many records there are (``start: 0`` counts them), the first 50 of
them in ID order, the field descriptions — goes into one ``batch`` instead of a few requests
per entity. A table of 50 records or fewer is thereby read completely; a larger one continues
with the parallel listing after its first page. The portal's clock (``server.time``) comes
with it.

A command the portal refuses for a scope (``insufficient_scope``, an unknown method, access
denied) is kept as that entity's error: the scanning service skips the entity and says why.
Transient failures of single commands are sent again, as the listing does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.batching import COMMAND_RETRIES, ListingClient, is_transient
from privacy_desktop.portal.client import MAX_BATCH
from privacy_desktop.portal.errors import PortalError, bad_response
from privacy_desktop.portal.list_query import dialect_for, rows_of
from privacy_desktop.services.scan_sources import EntitySource

Row = dict[str, Any]


@dataclass(frozen=True)
class FirstPage:
    """The counted first page of one listing phase.

    Attributes:
        total: the portal's ``total`` (None if it sent none).
        rows: the first rows in ID order (at most 50).
        complete: the rows are every row of the listing.
    """

    total: int | None
    rows: list[Row]
    complete: bool


@dataclass(frozen=True)
class PageRequest:
    """One first page to ask for: an entity's listing phase with its parameters."""

    source: EntitySource
    phase: str
    params: Mapping[str, Any]


@dataclass
class Survey:
    """What the first request brought.

    Attributes:
        portal_time: the portal's clock (``server.time``), if asked for and answered.
        pages: (entity, phase) → its first page, or the portal's refusal.
        fields: entity → the raw answers of its field-description methods (method → result).
        refused: entity → method → the portal's refusal of a field-description method.
    """

    portal_time: str | None = None
    pages: dict[tuple[Entity, str], FirstPage | PortalError] = field(default_factory=dict)
    fields: dict[Entity, dict[str, Any]] = field(default_factory=dict)
    refused: dict[Entity, dict[str, PortalError]] = field(default_factory=dict)


def counted_page_params(source: EntitySource, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` for the counted first page in ID order (``start: 0``)."""
    query = dict(params)
    if source.method == "user.get":
        query["sort"], query["order"] = "ID", "ASC"
    else:
        query["order"] = {"ID": "ASC"}
    query["start"] = 0
    return query


def take_survey(
    client: ListingClient,
    pages: list[PageRequest],
    describe: list[EntitySource],
    *,
    portal_time: bool,
    cancel: CancelToken | None,
) -> Survey:
    """Ask for the first pages, the field descriptions and the clock in as few batches as
    possible (one, unless there are more than 50 commands)."""
    commands: dict[str, tuple[str, Mapping[str, Any]]] = {}
    meaning: dict[str, tuple[str, Any]] = {}
    for index, request in enumerate(pages):
        key = f"p{index}"
        commands[key] = (request.source.method, counted_page_params(request.source, request.params))
        meaning[key] = ("page", request)
    for source in describe:
        for method in (source.fields_method, source.userfields_method):
            if method:
                key = f"f{len(commands)}"
                commands[key] = (method, {})
                meaning[key] = ("fields", (source.entity, method))
    if portal_time:
        commands["time"] = ("server.time", {})
        meaning["time"] = ("time", None)
    survey = Survey()
    keys = list(commands)
    for start in range(0, len(keys), MAX_BATCH):
        chunk = {key: commands[key] for key in keys[start : start + MAX_BATCH]}
        results, totals, complete, errors = _answers(client, chunk, cancel)
        for key, (kind, what) in ((k, meaning[k]) for k in chunk):
            _absorb(survey, key, kind, what, results, totals, complete, errors)
    return survey


def _answers(
    client: ListingClient,
    commands: Mapping[str, tuple[str, Mapping[str, Any]]],
    cancel: CancelToken | None,
) -> tuple[dict[str, Any], dict[str, int], set[str], dict[str, PortalError]]:
    """Results (with totals and which pages are complete) and lasting errors per command."""
    results: dict[str, Any] = {}
    totals: dict[str, int] = {}
    complete: set[str] = set()
    errors: dict[str, PortalError] = {}
    left = dict(commands)
    for attempt in range(COMMAND_RETRIES + 1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        answer = client.batch(left, cancel=cancel)
        for key in list(left):
            if key in answer.results:
                results[key] = answer.results[key]
                if key in answer.totals:
                    totals[key] = answer.totals[key]
                if key not in answer.nexts:
                    complete.add(key)
                del left[key]
            elif key in answer.errors:
                error = answer.errors[key]
                if not is_transient(error) or attempt == COMMAND_RETRIES:
                    errors[key] = error
                    del left[key]
        if not left:
            break
    for key in left:  # answered with neither a result nor an error, every time
        errors[key] = bad_response(commands[key][0], None, "no answer in the batch")
    return results, totals, complete, errors


def _absorb(
    survey: Survey,
    key: str,
    kind: str,
    what: Any,
    results: Mapping[str, Any],
    totals: Mapping[str, int],
    complete: set[str],
    errors: Mapping[str, PortalError],
) -> None:
    if kind == "time":
        result = results.get(key)
        survey.portal_time = result if isinstance(result, str) and result else None
    elif kind == "fields":
        entity, method = what
        if key in errors:
            survey.refused.setdefault(entity, {})[method] = errors[key]
        else:
            survey.fields.setdefault(entity, {})[method] = results[key]
    else:
        request: PageRequest = what
        slot = (request.source.entity, request.phase)
        if key in errors:
            survey.pages[slot] = errors[key]
            return
        method = request.source.method
        try:
            rows = rows_of(results[key], dialect_for(method), method)
        except PortalError as error:
            survey.pages[slot] = error
            return
        survey.pages[slot] = FirstPage(totals.get(key), rows, key in complete)
