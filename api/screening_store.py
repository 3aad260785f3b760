"""Screening tables and the few statements that touch them.

A screening has one item per distinct resume (keyed by screening and content hash; its bytes stay
here until the screening is deleted or expires) and at most one result per item: the primary key
(screening_id, resume_hash) and ``INSERT ... ON CONFLICT DO NOTHING`` make a result written once
however many times its task runs. The decision log outlives a DELETE until the retention period
ends, for audits.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    and_,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.db import Base, utcnow
from api.screening_records import FileError
from matcher.batch import (
    BLIND_FILE,
    ID_LENGTH,
    ScreenError,
    ScreenRow,
    mark_duplicate,
    rank,
    row_from_error,
    row_from_report,
)
from matcher.records import MatchReport


class Screening(Base):
    __tablename__ = "screenings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    job_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    job_filename: Mapped[str] = mapped_column(String(255))
    job_hash: Mapped[str] = mapped_column(String(64))
    job_summary: Mapped[str] = mapped_column(Text)  # JSON of matcher.batch.JobSummary
    scorer: Mapped[str] = mapped_column(String(100))
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ScreeningItem(Base):
    __tablename__ = "screening_items"

    screening_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("screenings.id", ondelete="CASCADE"), primary_key=True
    )
    resume_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    filenames: Mapped[list[str]] = mapped_column(JSON)  # identical files share one item
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    enqueued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class ScreeningResult(Base):
    __tablename__ = "screening_results"

    screening_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("screenings.id", ondelete="CASCADE"), primary_key=True
    )
    resume_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    report: Mapped[str | None] = mapped_column(Text, nullable=True)  # MatchReport JSON
    error_code: Mapped[str | None] = mapped_column(String(50), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScreeningDecision(Base):
    """The decision log: what was decided, by which scorer, on which inputs, and why."""

    __tablename__ = "screening_decisions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    screening_id: Mapped[str] = mapped_column(String(32), index=True)
    resume_hash: Mapped[str] = mapped_column(String(64))
    job_hash: Mapped[str] = mapped_column(String(64))
    scorer: Mapped[str] = mapped_column(String(100))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    criteria: Mapped[str | None] = mapped_column(Text, nullable=True)  # values and evidence
    error_code: Mapped[str | None] = mapped_column(String(50), nullable=True)
    screening_created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ScreeningResult)


def write_result_once(
    session: Session,
    screening: Screening,
    resume_hash: str,
    outcome: MatchReport | ScreenError,
    criteria: str | None,
) -> bool:
    """Insert the result unless one exists; log the decision only when this call wrote it."""
    report = outcome if isinstance(outcome, MatchReport) else None
    error = outcome if isinstance(outcome, ScreenError) else None
    statement = (
        _insert(session)
        .values(
            screening_id=screening.id,
            resume_hash=resume_hash,
            score=report.score if report else None,
            report=report.model_dump_json() if report else None,
            error_code=error.code if error else None,
            error_message=error.message if error else None,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["screening_id", "resume_hash"])
    )
    written = session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
    if written:
        session.add(
            ScreeningDecision(
                screening_id=screening.id,
                resume_hash=resume_hash,
                job_hash=screening.job_hash,
                scorer=report.scorer if report else screening.scorer,
                score=report.score if report else None,
                band=report.band if report else None,
                criteria=criteria,
                error_code=error.code if error else None,
                screening_created_at=screening.created_at,
                decided_at=utcnow(),
                expires_at=screening.expires_at,
            )
        )
    return written


def _no_result() -> Any:
    return ~(
        select(ScreeningResult.resume_hash)
        .where(
            ScreeningResult.screening_id == ScreeningItem.screening_id,
            ScreeningResult.resume_hash == ScreeningItem.resume_hash,
        )
        .exists()
    )


def claim(session: Session, screening_id: str, resume_hash: str, lease: timedelta) -> bool:
    """Lease an unscored item to this worker; False when it is scored or leased elsewhere."""
    now = utcnow()
    statement = (
        update(ScreeningItem)
        .where(
            ScreeningItem.screening_id == screening_id,
            ScreeningItem.resume_hash == resume_hash,
            or_(ScreeningItem.lease_until.is_(None), ScreeningItem.lease_until < now),
            _no_result(),
        )
        .values(lease_until=now + lease, attempts=ScreeningItem.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    claimed: bool = session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
    return claimed


def release(session: Session, screening_id: str, resume_hash: str) -> None:
    session.execute(
        update(ScreeningItem)
        .where(ScreeningItem.screening_id == screening_id, ScreeningItem.resume_hash == resume_hash)
        .values(lease_until=None)
        .execution_options(synchronize_session=False)
    )


def stale_items(
    session: Session,
    grace: timedelta,
    stale_after: timedelta,
    queued: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Unscored items whose task is gone, marked re-enqueued now: the lease expired (the worker
    died while scoring), or never leased and not in the queue after ``grace`` (the worker died
    between taking the task and leasing the item), or never leased for ``stale_after`` anyway."""
    now = utcnow()
    candidates = and_(
        _no_result(),
        or_(
            ScreeningItem.lease_until < now,
            and_(ScreeningItem.lease_until.is_(None), ScreeningItem.enqueued_at < now - grace),
        ),
    )
    rows = session.execute(
        select(
            ScreeningItem.screening_id,
            ScreeningItem.resume_hash,
            ScreeningItem.lease_until,
            ScreeningItem.enqueued_at,
        ).where(candidates)
    ).all()
    found: list[tuple[str, str]] = []
    for screening_id, resume_hash, lease_until, enqueued_at in rows:
        key = (screening_id, resume_hash)
        waiting = lease_until is None and key in queued
        if waiting and _aware(enqueued_at) >= now - stale_after:
            continue  # still in the queue: its task will come
        found.append(key)
        session.execute(
            update(ScreeningItem)
            .where(
                ScreeningItem.screening_id == screening_id,
                ScreeningItem.resume_hash == resume_hash,
                candidates,
            )
            .values(lease_until=None, enqueued_at=now)
            .execution_options(synchronize_session=False)
        )
    return found


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def progress(session: Session, screening_id: str) -> tuple[int, int]:
    """(done, total) distinct resumes."""
    total = session.scalar(select(func.count()).where(ScreeningItem.screening_id == screening_id))
    done = session.scalar(select(func.count()).where(ScreeningResult.screening_id == screening_id))
    return int(done or 0), int(total or 0)


def remove(session: Session, screening_id: str) -> bool:
    """Delete a screening's results and stored inputs (the decision log stays until it expires)."""
    session.execute(delete(ScreeningResult).where(ScreeningResult.screening_id == screening_id))
    session.execute(delete(ScreeningItem).where(ScreeningItem.screening_id == screening_id))
    removed: bool = (
        session.execute(delete(Screening).where(Screening.id == screening_id)).rowcount  # type: ignore[attr-defined]
        == 1
    )
    return removed


def purge_expired(session: Session, now: datetime | None = None) -> tuple[int, int]:
    """Remove screenings and decision-log entries past their retention; (screenings, entries)."""
    now = now or utcnow()
    expired = list(session.scalars(select(Screening.id).where(Screening.expires_at < now)))
    for screening_id in expired:
        remove(session, screening_id)
    entries = session.execute(
        delete(ScreeningDecision).where(ScreeningDecision.expires_at < now)
    ).rowcount  # type: ignore[attr-defined]
    return len(expired), int(entries or 0)


def file_errors(session: Session, screening: Screening) -> list[FileError]:
    """Unreadable files, without loading the reports (a status poll stays cheap)."""
    found = session.execute(
        select(ScreeningItem.filenames, ScreeningItem.resume_hash, ScreeningResult)
        .join(
            ScreeningResult,
            (ScreeningResult.screening_id == ScreeningItem.screening_id)
            & (ScreeningResult.resume_hash == ScreeningItem.resume_hash),
        )
        .where(ScreeningItem.screening_id == screening.id, ScreeningResult.error_code.is_not(None))
    ).all()
    errors = []
    for filenames, digest, result in found:
        label = BLIND_FILE.format(id=digest[:ID_LENGTH]) if screening.blind else filenames[0]
        errors.append(
            FileError(file=label, code=result.error_code or "", message=result.error_message or "")
        )
    return sorted(errors, key=lambda e: e.file)


def ranked_rows(session: Session, screening: Screening) -> list[ScreenRow]:
    """The finished results as shortlist rows, copies of a resume marked as duplicates."""
    items = session.scalars(
        select(ScreeningItem).where(ScreeningItem.screening_id == screening.id)
    ).all()
    found = {
        r.resume_hash: r
        for r in session.scalars(
            select(ScreeningResult).where(ScreeningResult.screening_id == screening.id)
        )
    }
    rows: list[ScreenRow] = []
    for item in items:
        result = found.get(item.resume_hash)
        if result is None:
            continue
        first_name = item.filenames[0]
        if result.report is not None:
            report = MatchReport.model_validate_json(result.report)
            row = row_from_report(first_name, item.resume_hash, report, blind=screening.blind)
        else:
            error = ScreenError(code=result.error_code or "", message=result.error_message or "")
            row = row_from_error(first_name, item.resume_hash, error, blind=screening.blind)
        rows.append(row)
        rows += [mark_duplicate(name, row, blind=screening.blind) for name in item.filenames[1:]]
    return rank(rows)
