"""The nomination workflow: request/nominate → approve (within capacity) / reject /
wait-list → withdraw; completion and its JP credit; notices.

Capacity is guaranteed by the database: every state change locks the program row
(``SELECT … FOR NO KEY UPDATE``: writers of one program wait for each other, while
a row that only references the program — a roll-up row of its participants
written by a level writer — is not blocked) before counting approved seats, so
concurrent approvals of one program run one after the other. Locks are always
taken program first, then nomination, then the nominees (employees) and their
units, so two writers cannot deadlock.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from activities.rollups import employees_lock
from audit.services import audit_record
from competencies.models import Dimension
from evaluations.rollups import due_follow_ups_refresh, program_changes_refresh
from evaluations.selectors import PROGRAM
from ledger.services import jp_credit_clear, jp_credit_set
from notices.services import notice_create
from people.models import Employee, User
from people.permissions import can, check, is_self, runs_province
from people.selectors import employees_visible_to, heads_over_unit
from programs.models import Nomination, Program
from programs.permissions import (
    COMPLETE_NOMINATION,
    DECIDE,
    DECIDE_NOMINATION,
    NOMINATE,
    REQUEST_SEAT,
    WITHDRAW,
)
from programs.rules import can_transition, eligibility_errors
from sosiokultural.formatting import day
from sosiokultural.models import save_fields

State = Nomination.State


class CapacityFull(ValidationError):
    """All seats of the program are taken."""


def _state_label(state: str) -> str:
    return str(State(state).label)


def employee_eligibility_errors(program: Program, employee: Employee) -> list[str]:
    return eligibility_errors(
        position_type_id=employee.position_type_id,
        position_type_name=str(employee.position_type),
        employment_status=employee.employment_status,
        status_label=employee.get_employment_status_display(),
        is_active=employee.is_active,
        eligible_position_type_ids={
            p.pk for p in program.eligible_position_types.all()
        },
        eligible_statuses=program.eligible_statuses,
    )


def _origin_state(*, by: User, employee: Employee) -> str:
    """Heads nominate employees of their subtree; staff request for themselves."""
    if can(by, NOMINATE):
        if not employees_visible_to(by).filter(pk=employee.pk).exists():
            raise PermissionDenied(_("Pegawai ini berada di luar unit Anda."))
        return State.NOMINATED
    if runs_province(by):
        raise PermissionDenied(
            _("BPSDM memutuskan usulan; usulan diajukan oleh kepala unit atau pegawai.")
        )
    if not (can(by, REQUEST_SEAT) and is_self(by, employee)):
        raise PermissionDenied(_("Pegawai hanya dapat mengajukan dirinya sendiri."))
    return State.REQUESTED


def _nomination_errors(
    *, program: Program, employee: Employee, today: date
) -> list[str]:
    errors = []
    if not program.registration_open_on(today):
        errors.append(
            _("Pendaftaran program ini dibuka %(start)s s.d. %(end)s.")
            % {
                "start": day(program.registration_opens_on),
                "end": day(program.registration_closes_on),
            }
        )
    errors += employee_eligibility_errors(program, employee)
    live = (
        Nomination.objects.filter(program=program, employee=employee)
        .exclude(state__in=Nomination.CLOSED)
        .first()
    )
    if live is not None:
        errors.append(
            _("%(name)s sudah diusulkan untuk program ini (status: %(state)s).")
            % {"name": employee.name, "state": live.get_state_display()}
        )
    return errors


@transaction.atomic
def nominations_create(
    *,
    program: Program,
    employees: Iterable[Employee],
    by: User,
    reason: str,
    dimension: Dimension | None = None,
    today: date | None = None,
) -> list[Nomination]:
    """Nominate (head) or request (staff) seats for several employees: all or
    nothing; every problem is reported with the employee's name."""
    today = today or timezone.localdate()
    employees = list(employees)
    if not reason.strip():
        raise ValidationError({"reason": _("Alasan usulan wajib diisi.")})
    if not employees:
        raise ValidationError({"employees": _("Pilih paling sedikit satu pegawai.")})
    states = {e.pk: _origin_state(by=by, employee=e) for e in employees}
    errors = []
    for employee in employees:
        for message in _nomination_errors(
            program=program, employee=employee, today=today
        ):
            prefix = "" if message.startswith(employee.name) else f"{employee.name}: "
            errors.append(prefix + message)
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)))
    created = []
    for employee in employees:
        try:
            with transaction.atomic():
                created.append(
                    Nomination.objects.create(
                        program=program,
                        employee=employee,
                        state=states[employee.pk],
                        reason=reason.strip(),
                        dimension=dimension,
                        created_by=by,
                    )
                )
        except IntegrityError as exc:
            # A concurrent request for the same employee won the unique index.
            raise ValidationError(
                _("%(name)s sudah diusulkan untuk program ini.")
                % {"name": employee.name}
            ) from exc
    _participation_changed(*created)
    return created


def nomination_create(
    *,
    program: Program,
    employee: Employee,
    by: User,
    reason: str,
    dimension: Dimension | None = None,
    today: date | None = None,
) -> Nomination:
    return nominations_create(
        program=program,
        employees=[employee],
        by=by,
        reason=reason,
        dimension=dimension,
        today=today,
    )[0]


# -- decisions (BPSDM) -------------------------------------------------------------


def _require_bpsdm(user: User) -> None:
    check(user, DECIDE, message=_("Hanya admin BPSDM yang memutuskan usulan."))


def _check_decider(user: User, nomination: Nomination) -> None:
    check(
        user,
        DECIDE_NOMINATION,
        nomination,
        message=_("Usulan tentang diri sendiri diputuskan oleh admin BPSDM lain."),
    )


def _check_completer(user: User, nomination: Nomination) -> None:
    check(
        user,
        COMPLETE_NOMINATION,
        nomination,
        message=_(
            "Hasil program dicatat oleh admin BPSDM; tidak untuk usulan diri sendiri."
        ),
    )


def _lock(nomination_id: int) -> tuple[Program, Nomination]:
    """Lock the program row, then the nomination (always in this order)."""
    program_id = Nomination.objects.values_list("program_id", flat=True).get(
        pk=nomination_id
    )
    program = Program.objects.select_for_update(no_key=True).get(pk=program_id)
    nomination = Nomination.objects.select_for_update().get(pk=nomination_id)
    return program, nomination


def _check_transition(nomination: Nomination, target: str) -> None:
    if not can_transition(nomination.state, target):
        raise ValidationError(
            _("Usulan berstatus %(current)s tidak dapat diubah menjadi %(target)s.")
            % {
                "current": _state_label(nomination.state),
                "target": _state_label(target),
            }
        )


def _approved_count(program: Program) -> int:
    return Nomination.objects.filter(program=program, state=State.APPROVED).count()


def _participation_changed(*nominations: Nomination) -> None:
    """The effectiveness report's roll-up of the programs' participants and the
    follow-up queue's roll-up of due follow-ups, in the nominees' units, follow
    the nominations in this transaction (a fixed number of queries for any
    number of nominations)."""
    # The nominees locked first (as a move locks them), so their unit cannot
    # change before the commit.
    units = sorted(set(employees_lock(n.employee_id for n in nominations).values()))
    program_ids = {n.program_id for n in nominations}
    program_changes_refresh(program_ids=program_ids, unit_ids=units)
    # A nomination is due on its program's end day (the units are locked above).
    due_follow_ups_refresh(
        unit_ids=units,
        kind=PROGRAM,
        days=Program.objects.filter(pk__in=program_ids).values_list(
            "ends_on", flat=True
        ),
        locked=True,
    )


def _set_state(nomination: Nomination, state: str, by: User | None, **extra) -> None:
    before = nomination.state
    save_fields(
        nomination,
        {"state": state, "decided_by": by, "decided_at": timezone.now(), **extra},
    )
    audit_record(
        actor=by,
        action=f"nomination.{state}",
        target=nomination,
        before={"state": before},
        after={"state": state, **extra},
    )


def nomination_approve(
    *, nomination_id: int, by: User, waitlist_if_full: bool = False
) -> Nomination:
    """Approve a seat, or refuse with ``CapacityFull`` (or put the nomination on
    the wait list when ``waitlist_if_full``) when every seat is taken."""
    _require_bpsdm(by)
    with transaction.atomic():
        program, nomination = _lock(nomination_id)
        _check_decider(by, nomination)
        _check_transition(nomination, State.APPROVED)
        if not program.unlimited_seats and _approved_count(program) >= program.capacity:
            if waitlist_if_full and nomination.state != State.WAITLISTED:
                return _waitlist(program, nomination, by)
            raise CapacityFull(
                _(
                    "Kapasitas program %(program)s sudah penuh (%(capacity)s kursi); "
                    "usulan tidak disetujui. Masukkan ke daftar tunggu atau tolak."
                )
                % {"program": program.title, "capacity": program.capacity}
            )
        _set_state(nomination, State.APPROVED, by)
        _participation_changed(nomination)
        _notify(nomination, program, "approved")
    return nomination


def _waitlist(program: Program, nomination: Nomination, by: User) -> Nomination:
    _set_state(nomination, State.WAITLISTED, by, waitlisted_at=timezone.now())
    _participation_changed(nomination)
    _notify(nomination, program, "waitlisted")
    return nomination


def nomination_waitlist(*, nomination_id: int, by: User) -> Nomination:
    _require_bpsdm(by)
    with transaction.atomic():
        program, nomination = _lock(nomination_id)
        _check_decider(by, nomination)
        _check_transition(nomination, State.WAITLISTED)
        return _waitlist(program, nomination, by)


def nomination_reject(*, nomination_id: int, by: User, note: str) -> Nomination:
    _require_bpsdm(by)
    if not note.strip():
        raise ValidationError({"note": _("Alasan penolakan wajib diisi.")})
    with transaction.atomic():
        program, nomination = _lock(nomination_id)
        _check_decider(by, nomination)
        _check_transition(nomination, State.REJECTED)
        _set_state(nomination, State.REJECTED, by, decision_note=note.strip())
        _participation_changed(nomination)
        _notify(nomination, program, "rejected")
    return nomination


def nomination_withdraw(*, nomination_id: int, by: User) -> Nomination:
    """Withdraw a live nomination (the employee, a head above them, or BPSDM).
    A freed seat goes to the first of the wait list, in the same transaction."""
    with transaction.atomic():
        program, nomination = _lock(nomination_id)
        check(by, WITHDRAW, nomination)
        if nomination.outcome:
            raise ValidationError(
                _("Hasil program sudah dicatat; usulan tidak dapat ditarik lagi.")
            )
        _check_transition(nomination, State.WITHDRAWN)
        audit_record(
            actor=by,
            action="nomination.withdrawn",
            target=nomination,
            before={"state": nomination.state},
            after={"state": State.WITHDRAWN},
        )
        nomination.state = State.WITHDRAWN
        nomination.withdrawn_at = timezone.now()
        nomination.save(update_fields=["state", "withdrawn_at"])
        _participation_changed(nomination)
        promote_waitlisted(program=program)
    return nomination


def promote_waitlisted(*, program: Program) -> list[Nomination]:
    """Fill free seats from the wait list, first in first out. The caller holds
    the lock on the program row."""
    waiting = (
        Nomination.objects.select_for_update()
        .filter(program=program, state=State.WAITLISTED)
        .order_by("waitlisted_at", "pk")
    )
    if program.unlimited_seats:
        promoted = list(waiting)
    else:
        free = program.capacity - _approved_count(program)
        if free <= 0:
            return []
        promoted = list(waiting[:free])
    for nomination in promoted:
        _set_state(nomination, State.APPROVED, None)
        _notify(nomination, program, "approved", promoted=True)
    if promoted:
        _participation_changed(*promoted)
    return promoted


# -- completion -------------------------------------------------------------------


def _credit(nomination: Nomination, program: Program) -> None:
    jp_credit_set(
        source_key=nomination.source_key,
        source="external",
        occurred_on=program.ends_on,
        description=_("Program BPSDM: %(title)s") % {"title": program.title},
        jp_credits={nomination.employee_id: program.jp},
        form_id=program.form_id,
    )


@transaction.atomic
def nomination_complete(
    *,
    nomination: Nomination,
    by: User,
    outcome: str,
    attendance_percent: int,
    score=None,
    certificate_number: str = "",
    certificate_file=None,
    today: date | None = None,
) -> Nomination:
    """Record the outcome of an approved participant. Completed → the program's JP
    is credited to the ledger on its end date; not completed → any credit is
    removed."""
    today = today or timezone.localdate()
    program, nomination = _lock(nomination.pk)
    _check_completer(by, nomination)
    errors: dict[str, str] = {}
    if nomination.state != State.APPROVED:
        raise ValidationError(_("Hasil hanya dicatat untuk peserta yang disetujui."))
    if today < program.ends_on:
        raise ValidationError(
            _("Hasil dicatat setelah program berakhir (%(end)s).")
            % {"end": day(program.ends_on)}
        )
    if outcome not in Nomination.Outcome.values:
        errors["outcome"] = _("Pilih hasil program.")
    if attendance_percent is None or not 0 <= attendance_percent <= 100:
        errors["attendance_percent"] = _("Kehadiran antara 0 dan 100 persen.")
    if score is not None and not 0 <= score <= 100:
        errors["score"] = _("Nilai antara 0 dan 100.")
    number = certificate_number.strip()
    if (
        number
        and Nomination.objects.filter(
            certificate_issuer=program.certificate_issuer, certificate_number=number
        )
        .exclude(pk=nomination.pk)
        .exists()
    ):
        errors["certificate_number"] = _(
            "Nomor STTPP %(number)s sudah dipakai untuk peserta lain dari penerbit "
            "%(issuer)s."
        ) % {"number": number, "issuer": program.certificate_issuer}
    if errors:
        raise ValidationError(errors)
    nomination.outcome = outcome
    nomination.attendance_percent = attendance_percent
    nomination.score = score
    nomination.certificate_number = number
    nomination.certificate_issuer = program.certificate_issuer if number else ""
    if certificate_file is not None:
        nomination.certificate_file = certificate_file
    nomination.completed_by = by
    nomination.completed_at = timezone.now()
    try:
        with transaction.atomic():  # a savepoint: a concurrent duplicate is a message
            nomination.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"certificate_number": _("Nomor STTPP ini sudah dipakai; periksa lagi.")}
        ) from exc
    audit_record(
        actor=by,
        action="nomination.complete",
        target=nomination,
        after={
            "outcome": outcome,
            "attendance_percent": attendance_percent,
            "score": score,
            "certificate_number": nomination.certificate_number,
        },
    )
    if outcome == Nomination.Outcome.COMPLETED:
        _credit(nomination, program)
    else:
        jp_credit_clear(source_key=nomination.source_key)
    _participation_changed(nomination)
    return nomination


@transaction.atomic
def nomination_completion_clear(*, nomination: Nomination, by: User) -> Nomination:
    """Undo a recorded outcome (entered by mistake): the JP credit goes too."""
    program, nomination = _lock(nomination.pk)
    _check_completer(by, nomination)
    old_file = nomination.certificate_file.name
    audit_record(
        actor=by,
        action="nomination.completion_clear",
        target=nomination,
        before={
            "outcome": nomination.outcome,
            "attendance_percent": nomination.attendance_percent,
            "score": nomination.score,
            "certificate_number": nomination.certificate_number,
        },
    )
    nomination.outcome = ""
    nomination.attendance_percent = None
    nomination.score = None
    nomination.certificate_number = ""
    nomination.certificate_issuer = ""
    nomination.certificate_file = ""
    nomination.completed_by = None
    nomination.completed_at = None
    nomination.save()
    jp_credit_clear(source_key=nomination.source_key)
    _participation_changed(nomination)
    if old_file:
        storage = Nomination._meta.get_field("certificate_file").storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return nomination


def recredit_completed(*, program: Program) -> None:
    """Re-credit every completed participant (after the JP or end date changed)."""
    for nomination in Nomination.objects.filter(
        program=program, outcome=Nomination.Outcome.COMPLETED
    ):
        _credit(nomination, program)


# -- notices ----------------------------------------------------------------------

# Marked for translation here, translated when the notice is written.
EVENTS = {
    "approved": (
        "program-approved",
        gettext_noop("Usulan disetujui: %(program)s"),
        gettext_noop(
            "%(name)s disetujui mengikuti %(program)s (%(start)s s.d. %(end)s)."
        ),
    ),
    "promoted": (
        "program-promoted",
        gettext_noop("Naik dari daftar tunggu: %(program)s"),
        gettext_noop(
            "Kursi tersedia: %(name)s kini disetujui mengikuti %(program)s "
            "(%(start)s s.d. %(end)s)."
        ),
    ),
    "rejected": (
        "program-rejected",
        gettext_noop("Usulan ditolak: %(program)s"),
        gettext_noop(
            "Usulan %(name)s untuk %(program)s ditolak BPSDM. Alasan: %(note)s"
        ),
    ),
    "waitlisted": (
        "program-waitlisted",
        gettext_noop("Masuk daftar tunggu: %(program)s"),
        gettext_noop(
            "Kursi %(program)s sudah penuh; %(name)s masuk daftar tunggu dan akan "
            "disetujui otomatis bila ada kursi kosong."
        ),
    ),
    "upcoming": (
        "program-upcoming",
        gettext_noop("Program segera dimulai: %(program)s"),
        gettext_noop(
            "%(program)s yang diikuti %(name)s dimulai %(start)s. Lokasi/tautan: "
            "%(where)s"
        ),
    ),
}


def _recipients(employee: Employee) -> list[User]:
    users = {u.pk: u for u in heads_over_unit(employee.unit)}
    if employee.user_id and employee.user.is_active:
        users[employee.user_id] = employee.user
    return [users[pk] for pk in sorted(users)]


def _notify(
    nomination: Nomination, program: Program, state: str, promoted: bool = False
) -> None:
    """One notice per (nomination, state, recipient): the dedupe key makes a
    repeated call a no-op."""
    employee = Employee.objects.select_related("unit", "user").get(
        pk=nomination.employee_id
    )
    kind, subject, body = EVENTS["promoted" if promoted else state]
    values = {
        "program": program.title,
        "name": employee.name,
        "start": day(program.starts_on),
        "end": day(program.ends_on),
        "note": nomination.decision_note,
        "where": program.location or program.link or "-",
    }
    link = reverse("programs:nomination_detail", args=[nomination.pk])
    for user in _recipients(employee):
        notice_create(
            recipient=user,
            kind=kind,
            dedupe_key=f"nomination:{nomination.pk}:{state}:{user.pk}",
            subject=_(subject) % values,
            body=_(body) % values,
            link=link,
        )


def nominations_remind_upcoming(*, today: date | None = None, days: int = 3) -> int:
    """Remind approved participants (and their heads) of programs starting within
    ``days`` days. Idempotent: one reminder per nomination and recipient."""
    today = today or timezone.localdate()
    nominations = Nomination.objects.filter(
        state=State.APPROVED,
        program__starts_on__gte=today,
        program__starts_on__lte=today + timedelta(days=days),
    ).select_related("program")
    count = 0
    for nomination in nominations:
        with transaction.atomic():
            _notify(nomination, nomination.program, "upcoming")
        count += 1
    return count
