"""Scanning one entity of a portal: classification, checkpoints, deletions.

The phases are described in :mod:`~privacy_desktop.services.scan_plan`. Each listing phase
starts from its counted first page (brought by the scan's first request, see
:mod:`~privacy_desktop.services.scan_survey`); a larger table continues with the parallel
listing. In the first listing of an entity, pages are held back until enough records are in
hand to classify the custom fields by their values; the classification and the move into the
phase are then committed in one step, and every page after that is committed with the ID
range it completes. A resumed phase lists only the ranges its checkpoints do not cover.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from privacy_desktop.domain.classify import classify_fields
from privacy_desktop.domain.extraction import RecordClassifier
from privacy_desktop.domain.inventory import EntityScanState, ScannedRecord, ScanState
from privacy_desktop.domain.personal_data import FieldClassification, FieldDescriptor
from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.errors import MethodNotFound, PortalError
from privacy_desktop.portal.list_query import dialect_for, rows_of
from privacy_desktop.portal.listing import ListMode, iter_pages
from privacy_desktop.services.scan_coverage import (
    ID_MAX,
    ID_MIN,
    CoverageRecorder,
    Range,
    gaps,
    merge_gaps,
)
from privacy_desktop.services.scan_plan import SCOPE_ERRORS, Phase, first_phase, phase_params
from privacy_desktop.services.scan_progress import ProgressReporter, checking, reading
from privacy_desktop.services.scan_sources import (
    EntitySource,
    descriptors_from_fields,
    descriptors_from_rows,
    descriptors_from_userfields,
)
from privacy_desktop.services.scan_survey import FirstPage, Survey, counted_page_params
from privacy_desktop.services.scan_writer import PageWriter
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository

#: Records held back to classify custom fields by their values before the first is stored.
SAMPLE_RECORDS = 500
#: Separate listings a resumed phase runs at most (neighbouring gaps are joined).
MAX_GAPS = 4
#: Gaps with fewer stored records between them are joined (re-reading those is cheaper
#: than the first request of one more listing).
JOIN_BELOW = 500

Row = Mapping[str, Any]
Page = list[dict[str, Any]]


@dataclass(frozen=True)
class ScanRun:
    """What every entity of one scan shares."""

    client: BitrixClient
    portal: str
    state: ScanState
    previous: ScanState | None
    survey: Survey
    scans: ScanRepository
    writer: RecordWriter
    reporter: ProgressReporter
    cancel: CancelToken | None
    workers: int = 4


class EntityScanner:
    """Runs (or resumes) the phases of one entity."""

    def __init__(self, run: ScanRun, source: EntitySource, state: EntityScanState) -> None:
        self._run = run
        self._source = source
        self._state = state
        self._entity = source.entity
        self._scan_id = run.state.info.id
        self._dialect = dialect_for(source.method)

    def run(self) -> None:
        phase = Phase(self._state.phase)
        if phase in (Phase.DONE, Phase.SKIPPED):
            return
        run = self._run
        try:
            if phase is Phase.PENDING:
                phase = first_phase(run.state, run.previous, self._source)
                self._list(phase, None)
            elif phase in (Phase.RECORDS, Phase.CHANGES):
                self._list(phase, run.scans.fields(self._scan_id, self._entity))
            if phase is Phase.CHANGES:
                run.scans.set_phase(self._scan_id, self._entity, Phase.IDS)
                phase = Phase.IDS
            if phase is Phase.IDS:
                self._check_ids()
            run.writer.delete_unseen(run.portal, self._scan_id, self._entity)
        except SCOPE_ERRORS as error:
            code = error.code or type(error).__name__
            run.writer.delete_unseen(
                run.portal, self._scan_id, self._entity, final_phase=Phase.SKIPPED
            )
            run.scans.set_phase(self._scan_id, self._entity, Phase.SKIPPED, skipped_code=code)

    # ------------------------------------------------------------------ listing phases

    def _first_page(self, phase: Phase) -> tuple[FirstPage, list[Range]]:
        """The phase's counted first page (from the survey, or asked for now) and the ID
        range it covers.

        Raises:
            PortalError: the portal refused it (a scope error skips the entity).
        """
        run, source = self._run, self._source
        found = run.survey.pages.pop((self._entity, phase.value), None)
        if isinstance(found, PortalError):
            raise found
        if found is None:
            params = counted_page_params(source, phase_params(source, phase, run.state.since))
            response = run.client.call(source.method, params, cancel=run.cancel)
            rows = rows_of(response.result, self._dialect, source.method)
            found = FirstPage(response.total, rows, response.next is None)
        if found.complete:
            return found, [(ID_MIN, ID_MAX)]
        if not found.rows:
            return found, []
        last = max(int(row[self._dialect.id_field]) for row in found.rows)
        return found, [(ID_MIN, last + 1)]

    def _list(self, phase: Phase, fields: list[FieldClassification] | None) -> None:
        run, source = self._run, self._source
        first, first_cover = self._first_page(phase)
        resumed = fields is not None
        done = run.writer.seen_count(run.portal, self._scan_id, self._entity) if resumed else 0
        run.reporter.stage(reading(self._entity), done=done, total=first.total)
        covered = run.writer.coverage(self._scan_id, self._entity, phase) if resumed else []
        params = phase_params(source, phase, run.state.since)
        classifier = RecordClassifier(fields) if fields is not None else None
        held: list[tuple[Page, list[Range]]] = [(first.rows, first_cover)]
        with PageWriter(run.writer, run.portal, self._scan_id, self._entity, phase) as pages:
            if classifier is not None:
                self._put(pages, classifier, first.rows, first_cover)
                held = []
            for lo, hi in self._gaps([*covered, *first_cover]):
                recorder = CoverageRecorder(run.client, source.method, self._dialect)
                for page in iter_pages(
                    recorder,
                    source.method,
                    self._bounded(params, lo, hi),
                    cancel=run.cancel,
                    workers=run.workers,
                ):
                    ranges = recorder.take_empty()
                    found = recorder.page_range(page)
                    if found is not None:
                        ranges.append(found)
                    if classifier is None:
                        held.append((page, ranges))
                        if sum(len(rows) for rows, _ in held) < SAMPLE_RECORDS:
                            continue
                        classifier = self._classify(phase, held, first.total)
                        for rows, kept in held:
                            self._put(pages, classifier, rows, kept)
                        held = []
                        continue
                    self._put(pages, classifier, page, ranges)
                # The listing returned every row of [lo, hi): the whole gap is covered.
                ranges = [*recorder.take_empty(), (lo, hi)]
                if classifier is None:
                    held.append(([], ranges))
                else:
                    pages.put([], ranges)
            if classifier is None:
                classifier = self._classify(phase, held, first.total)
                for rows, kept in held:
                    self._put(pages, classifier, rows, kept)
        run.reporter.flush()

    def _check_ids(self) -> None:
        """List every ID; mark stored records seen, fetch any the store lacks."""
        run, source = self._run, self._source
        first, first_cover = self._first_page(Phase.IDS)
        done = run.writer.seen_count(run.portal, self._scan_id, self._entity)
        run.reporter.stage(checking(self._entity), done=done, total=first.total)
        covered = run.writer.coverage(self._scan_id, self._entity, Phase.IDS)
        params = phase_params(source, Phase.IDS, None)
        classifier = RecordClassifier(run.scans.fields(self._scan_id, self._entity) or [])
        self._see(classifier, first.rows, first_cover)
        for lo, hi in self._gaps([*covered, *first_cover]):
            recorder = CoverageRecorder(run.client, source.method, self._dialect)
            for page in iter_pages(
                recorder,
                source.method,
                self._bounded(params, lo, hi),
                cancel=run.cancel,
                workers=run.workers,
            ):
                ranges = recorder.take_empty()
                found = recorder.page_range(page)
                if found is not None:
                    ranges.append(found)
                self._see(classifier, page, ranges)
            for empty_lo, empty_hi in recorder.take_empty():
                run.writer.cover(self._scan_id, self._entity, Phase.IDS, empty_lo, empty_hi)
            run.writer.cover(self._scan_id, self._entity, Phase.IDS, lo, hi)
        run.reporter.flush()

    def _see(self, classifier: RecordClassifier, page: Page, ranges: list[Range]) -> None:
        """Mark a page of IDs seen (with its ranges), fetching records the store lacks."""
        run = self._run
        ids = [int(row[self._dialect.id_field]) for row in page]
        missing = run.writer.mark_seen(
            run.portal, self._scan_id, self._entity, ids, phase=Phase.IDS, covered=ranges
        )
        if missing:
            self._fetch(classifier, missing, ranges)
        run.reporter.advance(len(page))

    def _fetch(
        self, classifier: RecordClassifier, missing: Sequence[int], ranges: Sequence[Range]
    ) -> None:
        """Records listed by ID but not stored (a modification date older than the previous
        scan, e.g. a record restored from the recycle bin): read and store them."""
        run, source = self._run, self._source
        params = self._bounded(dict(source.params), min(missing), max(missing) + 1)
        wanted = set(missing)
        records: list[ScannedRecord] = []
        for page in iter_pages(
            run.client, source.method, params, mode=ListMode.CURSOR, cancel=run.cancel
        ):
            records += [
                self._record(classifier, row)
                for row in page
                if int(row[self._dialect.id_field]) in wanted
            ]
        run.writer.store_page(
            run.portal, self._scan_id, self._entity, records, phase=Phase.IDS, covered=ranges
        )

    # ------------------------------------------------------------------ helpers

    def _gaps(self, covered: Sequence[Range]) -> list[Range]:
        missing = gaps(covered)
        if len(missing) <= 1:
            return missing
        run = self._run
        between = [
            run.writer.stored_between(run.portal, self._entity, missing[i][1], missing[i + 1][0])
            for i in range(len(missing) - 1)
        ]
        return merge_gaps(missing, between, MAX_GAPS, JOIN_BELOW)

    def _bounded(self, base: Mapping[str, Any], lo: int, hi: int) -> dict[str, Any]:
        """``base`` with its filter limited to IDs ``lo <= id < hi``."""
        params = dict(base)
        where = dict(params.get(self._source.filter_key) or {})
        id_field = self._dialect.id_field
        if lo > ID_MIN:
            where[">=" + id_field] = lo
        if hi < ID_MAX:
            where["<" + id_field] = hi
        if where:
            params[self._source.filter_key] = where
        return params

    def _classify(
        self,
        phase: Phase,
        held: Sequence[tuple[Page, list[Range]]],
        total: int | None,
    ) -> RecordClassifier:
        """Classify the entity's fields from their descriptions and the held rows, and
        commit the classification together with the move into ``phase``."""
        sample: list[Row] = [row for page, _ in held for row in page]
        descriptors = self._descriptors(sample)
        samples = {
            item.name: [row.get(item.name) for row in sample]
            for item in descriptors
            if item.is_custom
        }
        fields = classify_fields(self._entity, descriptors, samples)
        previous = self._run.previous
        if phase is Phase.CHANGES and previous is not None:
            # Known fields keep their classification (the changed records are too few to
            # judge them again); only fields not classified before are taken from the sample.
            # Without descriptions or changed rows there is nothing new to judge (and an empty
            # description would make every catalogue field look new).
            before = self._run.scans.fields(previous.info.id, self._entity) or []
            known = {item.field for item in before}
            new = [item for item in fields if item.field not in known] if descriptors else []
            fields = [*before, *new]
        self._run.scans.save_fields(self._scan_id, self._entity, fields, phase=phase, total=total)
        return RecordClassifier(fields)

    def _descriptors(self, rows: Sequence[Row]) -> list[FieldDescriptor]:
        """Descriptions of the entity's fields (brought by the survey), and fields present in
        the rows that no description names."""
        run, source = self._run, self._source
        answers = dict(run.survey.fields.get(self._entity, {}))
        for method, error in run.survey.refused.get(self._entity, {}).items():
            if method == source.userfields_method and isinstance(error, MethodNotFound):
                continue  # no custom-field method: custom fields are still found in the rows
            raise error
        for wanted in (source.fields_method, source.userfields_method):
            if wanted and wanted not in answers:  # not surveyed (a resumed scan)
                try:
                    answers[wanted] = run.client.call(wanted, cancel=run.cancel).result
                except MethodNotFound:
                    if wanted != source.userfields_method:
                        raise
                    answers[wanted] = []
        found: dict[str, FieldDescriptor] = {}
        if source.fields_method:
            described = descriptors_from_fields(self._entity, answers[source.fields_method])
            found.update((item.name, item) for item in described)
        if source.userfields_method:
            custom = descriptors_from_userfields(self._entity, answers[source.userfields_method])
            for item in custom:
                found.setdefault(item.name, item)
        extra = descriptors_from_rows(self._entity, rows, set(found))
        return [*found.values(), *extra]

    def _record(self, classifier: RecordClassifier, row: Row) -> ScannedRecord:
        modified = row.get(self._source.modified_field) if self._source.modified_field else None
        return ScannedRecord(
            record_id=int(row[self._dialect.id_field]),
            modified_at=str(modified) if modified else None,
            title=self._source.title(row),
            values=tuple(classifier.extract(row)),
        )

    def _put(
        self, pages: PageWriter, classifier: RecordClassifier, rows: Page, ranges: list[Range]
    ) -> None:
        if rows or ranges:
            pages.put([self._record(classifier, row) for row in rows], ranges)
        self._run.reporter.advance(len(rows))
