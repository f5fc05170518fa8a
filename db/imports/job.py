"""An import as one job: read, check, stage, merge; the API the command line and the window
share.

A job streams the file (never holds it whole) and maps every row (in two worker processes
for a large file) into a private stage file next to the database (`db.imports.staging`):
the shop database is not written while the file is read and checked. Only a file without
a single refused row is then merged, in short transactions of about a fifth of a second
with a pause after each, so other tills' saves wait at most a fraction of a second
(`db.imports.merge`). Each transaction records the import's progress in `imports`, so a
crash or `kill -9` at any moment leaves either nothing or an unfinished import that
`resume_import` completes or `abandon_import` removes (the customers it added deleted, the
previous values of those it changed put back). A cancelled or failed import is removed the
same way before the job returns; when removing it fails as well (a full disk fails both),
`ImportInterrupted` says that it waits, to be resumed or abandoned like a killed one.

The callbacks (`progress`, `cancelled`, `refused_sink`) are called on the caller's thread.
When the database is a file or a server, the job works through a connection of its own, so
the window may run it on a worker thread.

On a PostgreSQL server the stage file stays on this till (`import_staging.server_stage_folder`)
on a SQLite connection of its own; each merge slice is copied to the server first
(`db.store.engines.postgres_import`). Everything else, progress records, undo and resume
included, is the same code on both engines.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Generic, TypeVar, cast

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.customers.phones import shop_region
from db.errors import UserError
from db.i18n import _
from db.imports import merge as import_merge
from db.imports import staging as import_staging
from db.imports.formats import (
    FORMATS,
    ColumnMap,
    ImportOptions,
    MappedCustomer,
    RefusedRow,
    customer_mapper,
)
from db.imports.source import SourceInfo, open_rows
from db.store import changes
from db.store.connection import database_path, open_database, write
from db.store.location import ServerUrl, server_slug
from db.tills import set_till, till_of

log = logging.getLogger(__name__)

MAX_PROBLEMS_KEPT = 1_000
"""Refused rows kept in a report; all of them go to the errors file."""
SAMPLE_ROWS = 10


@dataclass(frozen=True)
class ImportProgress:
    stage: str
    """'checking', 'staging', 'merging' or 'removing' (a cancelled import undone)."""
    done: int
    total: int | None
    """Rows in the file when known (bytes read give the checking stage's progress)."""
    fraction: float | None = None
    """0.0 .. 1.0 of this stage (checking: estimated from the file's size)."""


Row = TypeVar("Row")


@dataclass(frozen=True)
class ImportPreview(Generic[Row]):
    """What a person sees before importing: the file, the format and the mapping; the
    same for customers (rows: MappedCustomer) and purchases (PurchaseLine)."""

    source: SourceInfo
    format_name: str
    format_label: str
    columns: tuple[ColumnMap, ...]
    sample: tuple[Row | RefusedRow, ...]
    """The first SAMPLE_ROWS rows as the import reads them."""


@dataclass
class ImportReport:
    kind: str
    """'customers' or 'purchases'."""
    format_name: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    """Rows with problems; more than 0 means nothing was imported."""
    problems: list[RefusedRow] = field(default_factory=list)
    """The first MAX_PROBLEMS_KEPT refused rows with all their problems."""
    sample: list[MappedCustomer] = field(default_factory=list)
    unrecognised_allergies: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False
    errors_written: int = 0
    import_id: int | None = None
    unrecognised_total: int = 0
    """All unrecognised allergies; `unrecognised_allergies` keeps MAX_PROBLEMS_KEPT."""
    to_update: int = 0
    """Rows naming a customer that already exists (updated or unchanged)."""
    language_guessed: int = 0
    """Rows whose language was taken from the script of the name (no language column)."""
    kept_in_use: int = 0
    """Cancelled or abandoned: customers the import added that stay, because the counter
    recorded something for them meanwhile (a purchase, complaint, voucher, letter...)."""


Progress = Callable[[ImportProgress], None]
Cancelled = Callable[[], bool]


def preview_customers(db: Database, path: Path,
                      options: ImportOptions) -> ImportPreview[MappedCustomer]:
    """Header, recognised format, mapping and the first SAMPLE_ROWS rows mapped; fast."""
    source, rows = open_rows(path)
    mapper = customer_mapper(source.header, options)
    today = utcnow().date()
    sample: list[MappedCustomer | RefusedRow] = []
    for line, cells in rows:
        sample.append(mapper.map_row(line, cells, today))
        if len(sample) >= SAMPLE_ROWS:
            break
    return ImportPreview(source, mapper.format_name, FORMATS.get(mapper.format_name, ""),
                         mapper.columns, tuple(sample))



CHUNK_ROWS = 2_000
"""Rows read, hashed and mapped together (a worker's task)."""
POOL_MIN_BYTES = 4 * 1024 * 1024
"""Smaller files are mapped in the job's own process (starting workers costs a second)."""
MAX_PENDING = 4
"""Chunks handed to the workers and not yet staged: bounds the memory in flight."""
SLICE_SECONDS = 0.3
"""How long one merge transaction aims to hold the write lock (a slice that merges the
trigram index's segments takes longer than the one before it: a slice grows by at most a
quarter, so one may overshoot this by about half; sizing slices by the slowest of the last
six kept them nearer, a till waited 646 ms at most instead of 740, but made the 1M import
20 s slower). At 0.4 s a slow run of the bench saw a till wait 959 ms, near the 1 s
bound; at 0.3 s the 1M import took as long (198 s against 197 s, the same morning) and
4 saves in 1,213 waited more than 0.5 s instead of 38 in 1,175. Longer slices write each
index page they touch for more rows at once (a slice of a few hundred rows rewrote
thousands of pages of the term table and the row hashes for a row or two each, and left
the trigram index a small segment per slice to merge): 1,000,000 rows merged in 2,422
slices of 0.2 s took 772 s on a busy machine."""
PAUSE_SECONDS = 0.11
"""The pause after each merge transaction. A till waiting for the lock retries at least
every 100 ms (SQLite's busy handler), so a pause a little longer always lets it in: a
save waits at most about one slice plus one retry (about 0.5 s, 0.8 s for a slice that
also merges the trigram index's segments)."""
FIRST_SLICE_ROWS = 500
TERMS_BATCH_ROWS = 20_000
"""New customers whose short search terms a file database merges together
(`db.imports.merge.merge_terms`): the term table's pages are written once for all of
them instead of once per slice of customers (a batch took a tenth of a second at 300,000
rows)."""
JOB_CACHE_KB = 160 * 1024
"""The job connection's page cache: the indexes a merge inserts into at random (search
terms, row hashes, phone digits) stay in memory (1M rows: 340 s with it, 417 s with 64 MB;
peak memory of the import 162 MB either way, within the 300 MB bound)."""


_T = TypeVar("_T")


class ImportPending(UserError):
    """Another import is unfinished; it must be resumed or abandoned first."""


class ImportInterrupted(UserError):
    """The merge stopped (a full disk, the server gone) and removing what it had merged
    failed as well: the import waits, to be resumed or abandoned, as after a kill -9.
    Its message says so; "nothing was saved" would be untrue, for the tills already see
    the customers it added."""

    def __init__(self, message: str, import_id: int) -> None:
        super().__init__(message)
        self.import_id = import_id


@dataclass(frozen=True)
class UnfinishedImport:
    """An import a crash (or kill) interrupted: resumable or removable."""

    id: int
    kind: str
    path: str
    state: str
    """'staging' (nothing merged yet), 'merging' or 'undoing'."""
    started_at: str
    rows: int
    to_add: int
    to_update: int
    added: int
    updated: int

    def describe(self) -> str:
        if self.state == "staging":
            done = _("interrupted while checking the file; nothing was imported yet")
        elif self.state == "merging":
            done = _("{added} of {to_add} customers added, {updated} updated").format(
                added=self.added, to_add=self.to_add, updated=self.updated)
        else:
            done = _("interrupted while being removed")
        return _("import {id} of {path} (started {started}): {done}").format(
            id=self.id, path=self.path, started=self.started_at, done=done)


def unfinished_imports(db: Database) -> list[UnfinishedImport]:
    rows = db.execute(
        "SELECT id, kind, path, state, started_at, rows, to_add, to_update, added, updated "
        "FROM imports WHERE state IN ('staging', 'merging', 'undoing') ORDER BY id"
    ).fetchall()
    return [UnfinishedImport(*r) for r in rows]


def import_customers_file(
    db: Database,
    path: Path,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    refused_sink: Callable[[RefusedRow], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import (or with dry_run only check) a customer file; all or nothing.

    Raises ImportFailed only for a file that cannot be read at all (encoding, header), and
    ImportPending while an interrupted import waits to be resumed or abandoned; refused
    rows come back in the report (`refused` > 0: nothing imported) and each goes to
    `refused_sink` (the command line writes them to the --errors file). A cancelled job
    removes what it staged or merged and returns with `cancelled` set. `workers`: mapping
    processes (None: two for a large file when the machine has two cores).
    """
    path = Path(path)
    with _job_db(db) as jdb:
        waiting = unfinished_imports(jdb)
        if waiting and not dry_run:
            raise ImportPending(
                _("An earlier import was interrupted: {what}. Run 'counterpart import "
                  "resume' to finish it or 'counterpart import abandon' to remove it.")
                .format(what=waiting[0].describe()))
        if not waiting:
            _prune_server_stages(jdb)
        job = _Job(jdb, progress, cancelled, refused_sink)
        if not waiting and not dry_run:
            job.forget_finished()
        return job.run(path, options, dry_run=dry_run, workers=workers)


def _prune_server_stages(db: Database) -> None:
    """Stage files this till kept for imports into this server database that are no longer
    waiting (another till abandoned or finished them): removed before a new import."""
    if not _on_server(db):
        return
    folder = import_staging.server_stage_folder()
    prefix = server_slug(ServerUrl(str(getattr(db, "url")))) + ".import-"  # noqa: B009
    with suppress(OSError):
        for stage in folder.glob(prefix + "*"):
            if stage.name[len(prefix):].isdigit():  # not its -journal
                import_staging.remove_stage(str(stage))


def resume_import(
    db: Database, import_id: int | None = None, *, progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    refused_sink: Callable[[RefusedRow], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Finish an interrupted import (the only one, or `import_id`); an import interrupted
    while checking is checked again from its file, which must not have changed."""
    with _job_db(db) as jdb:
        pending = _pending(jdb, import_id)
        job = _Job(jdb, progress, cancelled, refused_sink)
        return job.resume(pending, workers=workers)


def abandon_import(db: Database, import_id: int | None = None, *,
                   progress: Progress | None = None) -> ImportReport:
    """Remove an interrupted import: what it added deleted, what it changed put back."""
    with _job_db(db) as jdb:
        pending = _pending(jdb, import_id)
        job = _Job(jdb, progress, None, None)
        report = job.report_for(pending)
        job.undo_or_wait(pending.id, _stage_path_of(jdb, pending.id))
        report.cancelled = True
        report.kept_in_use = job.kept
        return report


def _pending(db: Database, import_id: int | None) -> UnfinishedImport:
    waiting = unfinished_imports(db)
    if import_id is not None:
        waiting = [w for w in waiting if w.id == import_id]
    if not waiting:
        raise UserError(_("There is no interrupted import to resume or abandon."))
    return waiting[0]


def _stage_path_of(db: Database, import_id: int) -> str:
    return str(db.execute("SELECT stage_path FROM imports WHERE id = ?",
                          [import_id]).fetchone()[0])


def _on_server(db: Database) -> bool:
    return getattr(db, "engine", "sqlite") == "postgresql"


def _same_till(db: Database, own: Database) -> None:
    """The job's connection writes as the caller's till (the customers an import changes
    were changed at this till)."""
    till = till_of(db)
    if till:
        set_till(own, till)


@contextmanager
def _job_db(db: Database) -> Iterator[Database]:
    """A connection of the job's own for a file or server database (the caller's may be in
    use on another thread); the caller's for an in-memory one."""
    if _on_server(db):
        from db.store.engines.postgres import open_postgres

        server = open_postgres(str(getattr(db, "url")), migrate=False)  # noqa: B009
        own_server = cast(Database, server)
        changes.share_origin(db, own_server)
        _same_till(db, own_server)
        try:
            yield own_server
        finally:
            server.close()
        return
    path = database_path(db)
    if path == ":memory:":
        yield db
        return
    own = open_database(path, migrate=False, quick_check_ms=None)
    changes.share_origin(db, own)  # the caller's console tells its own views
    _same_till(db, own)
    own.execute(f"PRAGMA cache_size = -{JOB_CACHE_KB}")  # index pages of a large merge
    try:
        yield own
    finally:
        with suppress(sqlite3.Error):
            import_staging.detach_stage(own.conn)
        own.close()


class _Cancelled(Exception):
    pass


class _Job:
    def __init__(self, db: Database, progress: Progress | None, cancelled: Cancelled | None,
                 refused_sink: Callable[[RefusedRow], None] | None) -> None:
        self.db = db
        self.conn = db.conn
        self.progress = progress
        self.cancelled = cancelled
        self.sink = refused_sink
        self.region = shop_region(db)
        self.kept = 0
        self.terms_size = FIRST_SLICE_ROWS * 4
        self.stage: sqlite3.Connection | None = None
        """The stage file as `stage`: the shop's own connection with it attached, or for a
        server a connection of the job's own (`import_staging.open_stage`)."""

    def _open_stage(self, path: str, *, fresh: bool) -> sqlite3.Connection:
        if _on_server(self.db):
            self.stage = import_staging.open_stage(path, fresh=fresh)
        else:
            import_staging.attach_stage(self.conn, path, fresh=fresh)
            self.stage = self.conn
        return self.stage

    def _close_stage(self) -> None:
        stage, self.stage = self.stage, None
        if stage is None:
            if not _on_server(self.db):
                import_staging.detach_stage(self.conn)
            return
        if stage is self.conn:
            import_staging.detach_stage(self.conn)
        else:
            stage.close()

    def _staging(self) -> sqlite3.Connection:
        assert self.stage is not None
        return self.stage

    # ---------------------------------------------------------------- the whole job

    def run(self, path: Path, options: ImportOptions, *, dry_run: bool,
            workers: int | None, import_id: int | None = None) -> ImportReport:
        source, _rows = open_rows(path)  # an unreadable file or header fails here, early
        _rows.close()  # type: ignore[attr-defined]
        mapper = customer_mapper(source.header, options)
        report = ImportReport("customers", mapper.format_name, dry_run=dry_run)
        if dry_run:
            fd, stage = tempfile.mkstemp(prefix="counterpart-import-", suffix=".stage")
            os.close(fd)
        elif import_id is None:
            import_id, stage = self._begin(path, options)
        else:
            stage = _stage_path_of(self.db, import_id)
        report.import_id = import_id
        try:
            self._open_stage(stage, fresh=True)
            try:
                self._stage(path, options, source, report, workers)
            except _Cancelled:
                report.cancelled = True
            if not (dry_run or report.refused or report.cancelled):
                import_staging.seal_stage(stage)  # on disk before the merge may start
        except BaseException:
            # Nothing was merged: a file that turns out unreadable half-way (or a second
            # Ctrl-C while checking) leaves no import waiting.
            self._drop_stage(stage, import_id)
            raise
        if dry_run or report.refused or report.cancelled:
            self._drop_stage(stage, import_id)
            return report
        assert import_id is not None
        self._staged(import_id, report)
        return self._merge_or_undo(import_id, stage, report)

    def _drop_stage(self, stage: str, import_id: int | None) -> None:
        with suppress(sqlite3.Error):
            self._close_stage()
        import_staging.remove_stage(stage)
        if import_id is not None:
            with suppress(Exception):
                self._finish(import_id, "undone")

    def resume(self, pending: UnfinishedImport, *, workers: int | None) -> ImportReport:
        row = self.db.execute("SELECT path, file_size, file_mtime_ns, options, stage_path "
                              "FROM imports WHERE id = ?", [pending.id]).fetchone()
        path, size, mtime, options_json, stage = row
        if pending.state == "undoing":
            report = self.report_for(pending)
            self.undo_or_wait(pending.id, stage)
            report.cancelled = True
            report.kept_in_use = self.kept
            return report
        if pending.state == "staging":
            try:
                info = os.stat(path)
            except OSError as exc:
                raise UserError(_("{path} cannot be read any more ({reason}); abandon the "
                                  "import instead.").format(path=path,
                                                            reason=exc.strerror)) from exc
            if (info.st_size, info.st_mtime_ns) != (size, mtime):
                raise UserError(_("{path} has changed since the import started; abandon "
                                  "the import and import the file again.").format(path=path))
            options = ImportOptions(**json.loads(options_json))
            return self.run(Path(path), options, dry_run=False, workers=workers,
                            import_id=pending.id)
        report = self.report_for(pending)
        if not os.path.isfile(stage):
            raise UserError(_("The checked rows of import {id} ({stage}) are gone, so it "
                              "cannot be finished; abandon it and import the file again.")
                            .format(id=pending.id, stage=stage))
        self._open_stage(stage, fresh=False)
        return self._merge_or_undo(pending.id, stage, report)

    def report_for(self, pending: UnfinishedImport) -> ImportReport:
        options = json.loads(self.db.execute("SELECT options FROM imports WHERE id = ?",
                                             [pending.id]).fetchone()[0])
        report = ImportReport(pending.kind, str(options.get("format") or ""))
        report.import_id = pending.id
        report.rows = pending.rows
        return report

    def _begin(self, path: Path, options: ImportOptions) -> tuple[int, str]:
        info = path.stat()
        now = to_iso(utcnow())
        with write(self.db):
            cur = self.conn.execute(
                "INSERT INTO imports (kind, state, path, file_size, file_mtime_ns, options, "
                "stage_path, started_at) VALUES ('customers', 'staging', ?, ?, ?, ?, '', ?)",
                [str(path.resolve()), info.st_size, info.st_mtime_ns,
                 json.dumps(asdict(options), ensure_ascii=False), now])
            import_id = int(cur.lastrowid or 0)
            stage = self._stage_file(import_id)
            self.conn.execute("UPDATE imports SET stage_path = ? WHERE id = ?",
                              [stage, import_id])
        return import_id, stage

    def _stage_file(self, import_id: int) -> str:
        if _on_server(self.db):  # this till's data folder, named for the server database
            folder = import_staging.server_stage_folder()
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            name = server_slug(ServerUrl(str(getattr(self.db, "url"))))  # noqa: B009
            return str(folder / f"{name}.import-{import_id}")
        path = database_path(self.db)
        if path == ":memory:":
            fd, stage = tempfile.mkstemp(prefix="counterpart-import-", suffix=".stage")
            os.close(fd)
            return stage
        return f"{path}.import-{import_id}"

    def _staged(self, import_id: int, report: ImportReport) -> None:
        with write(self.db):
            self.conn.execute(
                "UPDATE imports SET state = 'merging', rows = ?, to_add = ?, to_update = ?, "
                "unchanged = ?, consent_floor = (SELECT coalesce(max(id), 0) FROM consents) "
                "WHERE id = ?",
                [report.rows, report.added, report.updated, report.unchanged, import_id])
        report.added = report.updated = 0

    def _finish(self, import_id: int, state: str) -> None:
        with write(self.db):
            self.conn.execute("UPDATE imports SET state = ?, finished_at = ? WHERE id = ?",
                              [state, to_iso(utcnow()), import_id])
            changes.record(self.db, changes.CUSTOMER, changes.ANY_ID)  # one row per import

    def _tell(self, stage: str, done: int, total: int | None,
              fraction: float | None = None) -> None:
        if self.progress is not None:
            self.progress(ImportProgress(stage, done, total, fraction))

    def _is_cancelled(self) -> bool:
        return self.cancelled is not None and self.cancelled()

    # ---------------------------------------------------------------- checking and staging

    def _stage(self, path: Path, options: ImportOptions, source: SourceInfo,
               report: ImportReport, workers: int | None) -> None:
        source, rows = open_rows(path)
        key = import_staging.fingerprint(source.header, options, report.format_name)
        today = utcnow().date()
        stage = self._staging()
        writer = import_staging.StageWriter(stage, to_iso(utcnow()), self.conn)
        size = max(1, path.stat().st_size)
        if workers is None:
            workers = 2 if size >= POOL_MIN_BYTES and (os.cpu_count() or 1) >= 2 else 1
        pool: ProcessPoolExecutor | None = None
        local: import_staging.RowMapper | None = None
        if workers > 1:
            pool = ProcessPoolExecutor(
                workers, mp_context=get_context("spawn"),
                initializer=import_staging.init_worker,
                initargs=(source.header, options, self.region, today))
        else:
            local = import_staging.RowMapper(source.header, options, self.region, today)
        pending: deque[tuple[Future[list[import_staging.Staged | RefusedRow]],
                             list[tuple[int, list[str], bytes]]]] = deque()
        self.remapper = import_staging.RowMapper(source.header, options, self.region, today)
        identity = self.remapper.mapper.identity  # the re-import fast path's key
        self.late: dict[int, tuple[str, ...]] = {}
        self.today = today
        bytes_per_row = 0.0
        try:
            for chunk in _chunks(rows, CHUNK_ROWS):
                if self._is_cancelled():
                    raise _Cancelled
                if not bytes_per_row:
                    bytes_per_row = sum(len(",".join(c).encode()) + 2
                                        for _l, c in chunk) / len(chunk)
                report.rows += len(chunk)
                stage.execute("BEGIN")
                digests = [import_staging.row_hash(key, cells) for _line, cells in chunk]
                ids = [identity(cells) for _line, cells in chunk]
                known = import_staging.known_hashes(self.conn, ids, digests)
                same = [(i, line) for (line, _c), i, k in zip(chunk, ids, known, strict=True)
                        if k]
                todo = [(line, cells, d) for (line, cells), d, k in zip(chunk, digests, known,
                                                                        strict=True)
                        if not k]
                writer.add_unchanged(same)
                stage.execute("COMMIT")
                samples = SAMPLE_ROWS - len(report.sample)
                if pool is None:
                    assert local is not None
                    self._take(local.map_rows(todo, samples), todo, report, writer)
                else:
                    pending.append((pool.submit(import_staging.map_in_worker, todo, samples),
                                    todo))
                    while len(pending) > MAX_PENDING:
                        future, rows_sent = pending.popleft()
                        self._take(future.result(), rows_sent, report, writer)
                estimate = max(report.rows, int(size / bytes_per_row))
                self._tell("checking", report.rows, None, min(1.0, report.rows / estimate))
            while pending:
                if self._is_cancelled():
                    raise _Cancelled
                future, rows_sent = pending.popleft()
                self._take(future.result(), rows_sent, report, writer)
        finally:
            if pool is not None:
                for future, _sent in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
            rows.close()  # type: ignore[attr-defined]
        for line, (external_id, first) in import_staging.duplicates(stage).items():
            self.late[line] = (_("external_id: {id} is also on line {other}").format(
                id=external_id, other=first),)
        self._refuse_late(path, report)
        self._tell("checking", report.rows, report.rows, 1.0)
        report.added, report.updated = writer.new, writer.changed
        report.unchanged = writer.unchanged
        report.to_update = writer.updates

    def _take(self, results: list[import_staging.Staged | RefusedRow],
              sent: list[tuple[int, list[str], bytes]], report: ImportReport,
              writer: import_staging.StageWriter) -> None:
        staged: list[import_staging.Staged] = []
        for item in results:
            if isinstance(item, RefusedRow):
                self._refuse(item, report)
                continue
            staged.append(item)
            if item.unrecognised:
                report.unrecognised_total += len(item.unrecognised)
                room = MAX_PROBLEMS_KEPT - len(report.unrecognised_allergies)
                report.unrecognised_allergies.extend(
                    (item.line, t) for t in item.unrecognised[:max(0, room)])
            if item.sample is not None and len(report.sample) < SAMPLE_ROWS:
                report.sample.append(item.sample)
            report.language_guessed += item.guessed
        writer.conn.execute("BEGIN")
        if (report.refused or self.late) and not report.dry_run:  # only ids, for repeats
            writer.conn.executemany("INSERT INTO stage.keys VALUES (?, ?)",
                                    [(s.external_id, s.line) for s in staged])
        else:
            cells = {line: row for line, row, _digest in sent}

            def remap(line: int) -> MappedCustomer:
                mapped = self.remapper.mapper.map_row(line, cells[line], self.today)
                assert isinstance(mapped, MappedCustomer)  # it mapped a moment ago
                return mapped

            self.late.update(writer.add(staged, self.today, remap))
        writer.conn.execute("COMMIT")

    def _refuse(self, row: RefusedRow, report: ImportReport) -> None:
        report.refused += 1
        if len(report.problems) < MAX_PROBLEMS_KEPT:
            report.problems.append(row)
        if self.sink is not None:
            self.sink(row)

    def _refuse_late(self, path: Path, report: ImportReport) -> None:
        """Rows refused once the whole file was seen (an external id repeated) or when
        staged (an update that cannot be merged): read again for their cells."""
        if not self.late:
            return
        _source, rows = open_rows(path)
        try:
            for line, cells in rows:
                problems = self.late.get(line)
                if problems is not None:
                    self._refuse(RefusedRow(line, tuple(cells), problems), report)
        finally:
            rows.close()  # type: ignore[attr-defined]

    # ---------------------------------------------------------------- merging and undoing

    def _merge_or_undo(self, import_id: int, stage: str, report: ImportReport) -> ImportReport:
        try:
            self._merge(import_id)
        except _Cancelled:
            self.undo_or_wait(import_id, stage)
            report.cancelled = True
            report.kept_in_use = self.kept
            return report
        except KeyboardInterrupt:
            raise  # stop at once: the import waits for `import resume` or `import abandon`
        except BaseException as exc:
            self.undo_or_wait(import_id, stage, cause=exc)
            raise
        row = self.db.execute("SELECT rows, added, updated, unchanged FROM imports "
                              "WHERE id = ?", [import_id]).fetchone()
        report.rows, report.added, report.updated, report.unchanged = row
        self._close_stage()
        import_staging.remove_stage(stage)
        try:
            self._forget(import_id)
        except Exception:  # noqa: BLE001 - the import is done; the next one forgets them
            log.warning("import %s: its undo records stay until the next import", import_id)
        return report

    def _interrupted(self, import_id: int, exc: BaseException) -> ImportInterrupted:
        try:
            found = [w for w in unfinished_imports(self.db) if w.id == import_id]
        except Exception:  # noqa: BLE001 - the database may not answer at all now
            found = []
        where = found[0].describe() if found else _("import {id}").format(id=import_id)
        return ImportInterrupted(
            _("The import stopped before it was finished: {reason} It waits as it is, "
              "{where}. Once that is put right, finish it with 'counterpart import resume' "
              "or remove it with 'counterpart import abandon' (or on the Import screen).")
            .format(reason=_reason(exc, self.db), where=where), import_id)

    def _merge(self, import_id: int) -> None:
        # The slices' commits are not each flushed to the disk (in WAL mode a crash still
        # leaves every commit whole; a power cut may lose the last few slices, which the
        # progress record loses with them, so a resume redoes them). The finishing commit
        # is flushed again, and with it every slice before it.
        if _on_server(self.db):  # the server's own durability settings apply
            self._merge_slices(import_id)
            self._finish(import_id, "done")
            return
        self.conn.execute("PRAGMA main.synchronous = NORMAL")
        # No checkpoint inside a slice's commit: the pause after it copies the slice into
        # the database file (`_slice`), when the tills may write, instead of under the lock.
        self.conn.execute("PRAGMA main.wal_autocheckpoint = 0")
        try:
            self._merge_slices(import_id)
        finally:
            self.conn.execute("PRAGMA main.synchronous = FULL")
            self.conn.execute("PRAGMA main.wal_autocheckpoint = 1000")
        self._finish(import_id, "done")

    def _merge_slices(self, import_id: int) -> None:
        to_add, to_update, new_done, update_done, terms_done = self.db.execute(
            "SELECT to_add, to_update, new_done, update_done, terms_done FROM imports "
            "WHERE id = ?", [import_id]).fetchone()
        total = to_add + to_update
        size = FIRST_SLICE_ROWS
        later = not _on_server(self.db)  # the terms in batches (`merge.merge_terms`)
        while new_done < to_add:
            if self._is_cancelled():
                raise _Cancelled
            last = min(to_add, new_done + size)

            def add(_n: int, a: int = new_done + 1, b: int = last) -> int:
                return import_merge.merge_new(self.db, self._staging(), import_id, a, b,
                                              to_iso(utcnow()), terms=not later)

            size, _added = self._slice(size, add)
            new_done = last
            if later and (new_done - terms_done >= TERMS_BATCH_ROWS or new_done == to_add):
                terms_done = self._merge_terms(import_id, terms_done, new_done)
            self._tell("merging", new_done + update_done, total,
                       (new_done + update_done) / max(1, total))
        if later and terms_done < new_done:  # resumed after the customers were all in
            terms_done = self._merge_terms(import_id, terms_done, new_done)
        size = FIRST_SLICE_ROWS // 5
        while update_done < to_update:
            if self._is_cancelled():
                raise _Cancelled
            last = min(to_update, update_done + size)

            def change(_n: int, a: int = update_done + 1, b: int = last) -> tuple[int, int]:
                return import_merge.merge_updates(self.db, self._staging(), import_id, a, b,
                                                  to_iso(utcnow()), self.region,
                                                  utcnow().date())

            size, _counts = self._slice(size, change)
            update_done = last
            self._tell("merging", new_done + update_done, total,
                       (new_done + update_done) / max(1, total))

    def _merge_terms(self, import_id: int, done: int, upto: int) -> int:
        while done < upto:
            if self._is_cancelled():
                raise _Cancelled
            last = min(upto, done + self.terms_size)

            def add(_n: int, a: int = done + 1, b: int = last) -> None:
                import_merge.merge_terms(self.db, import_id, a, b)

            self.terms_size, _none = self._slice(self.terms_size, add)
            done = last
        return done

    def _slice(self, size: int, step: Callable[[int], _T]) -> tuple[int, _T]:
        """`step(size)` in one short write transaction, then a pause for other tills;
        returns the next slice size (aiming at SLICE_SECONDS) and what the step returned."""
        started = time.perf_counter()
        with write(self.db):
            result = step(size)
        took = time.perf_counter() - started
        pause_until = time.perf_counter() + PAUSE_SECONDS
        if PAUSE_SECONDS and not _on_server(self.db):
            # Copy the slice into the database file while the tills have the lock (a
            # passive checkpoint never blocks them), so the WAL file is reused instead of
            # growing by every slice when a till's reads keep the automatic one short.
            with suppress(sqlite3.Error):
                self.conn.execute("PRAGMA main.wal_checkpoint(PASSIVE)").fetchall()
        time.sleep(max(0.0, pause_until - time.perf_counter()))
        factor = min(1.25, max(0.25, SLICE_SECONDS / took)) if took > 0 else 1.25
        return max(20, min(50_000, int(size * factor))), result

    def undo_or_wait(self, import_id: int, stage: str,
                     cause: BaseException | None = None) -> None:
        """`undo`; when that fails (the disk is full), ImportInterrupted: the import waits,
        and a message that said "nothing was saved" would be untrue. `cause`: what made the
        merge stop, named in the message (else the undo's own failure, most likely the
        same fault)."""
        try:
            self.undo(import_id, stage)
        except Exception as exc:  # noqa: BLE001 - said in the message, chained
            reason = cause if cause is not None else exc
            raise self._interrupted(import_id, reason) from reason

    def undo(self, import_id: int, stage: str) -> None:
        """Remove an import in short transactions; the stage file goes too."""
        with suppress(sqlite3.Error):
            self._close_stage()
        with write(self.db):
            self.conn.execute("UPDATE imports SET state = 'undoing' WHERE id = ? "
                              "AND state != 'staging'", [import_id])
        total = int(self.db.execute(
            "SELECT added + updated FROM imports WHERE id = ?", [import_id]).fetchone()[0])
        done = 0
        size = FIRST_SLICE_ROWS // 5
        while True:
            size, count = self._slice(size, lambda n: import_merge.undo_updates(
                self.db, import_id, n, self.region))
            if not count:
                break
            done += count
            self._tell("removing", done, total, done / max(1, total))
        size = FIRST_SLICE_ROWS
        while True:
            size, result = self._slice(size, lambda n: import_merge.undo_added(
                self.db, import_id, n))
            if result is None:
                break
            removed, kept = result
            self.kept += kept
            done += removed + kept
            self._tell("removing", done, total, done / max(1, total))
        self._finish(import_id, "undone")
        import_staging.remove_stage(stage)

    def forget_finished(self) -> None:
        """Drop the undo records a finished import could not drop itself (its disk was
        full just then): they would otherwise stay for good."""
        left = self.db.execute(
            "SELECT import_id FROM import_undo UNION SELECT import_id FROM import_added "
            "EXCEPT SELECT id FROM imports WHERE state != 'done'").fetchall()
        for (import_id,) in left:
            self._forget(int(import_id))

    def _forget(self, import_id: int) -> None:
        while True:
            _size, count = self._slice(2_000, lambda n: import_merge.forget_undo(
                self.db, import_id, n))
            if not count:
                return


def _reason(exc: BaseException, db: Database) -> str:
    """What stopped a merge, in a sentence that claims nothing about what was saved."""
    from db.errors import DatabaseReadOnly, DiskFull, DiskIOError, ServerUnavailable
    from db.store.faults import describe_fault

    path = database_path(db)  # a server's URL without its password
    known = exc if isinstance(exc, UserError) else describe_fault(exc, path)
    if isinstance(known, DiskFull):
        return _("the disk holding {path} is full.").format(path=path)
    if isinstance(known, DiskIOError):
        return _("the disk holding {path} reported an input/output error.").format(path=path)
    if isinstance(known, DatabaseReadOnly):
        return _("{path} cannot be written any more.").format(path=path)
    if isinstance(known, ServerUnavailable):
        return _("the database server {url} cannot be reached.").format(url=path)
    text = str(known if known is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _chunks(rows: Iterator[tuple[int, list[str]]],
            size: int) -> Iterator[list[tuple[int, list[str]]]]:
    chunk: list[tuple[int, list[str]]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
