"""Creating and editing programs (BPSDM)."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competencies.models import DevelopmentForm, Dimension, FormDimension
from evaluations.rollups import (
    due_follow_ups_of_employees,
    program_changes_refresh,
)
from evaluations.selectors import PROGRAM, due_programs
from people.models import Employee, PositionType
from people.permissions import check
from programs.models import Nomination, Program
from programs.permissions import MANAGE_PROGRAMS
from programs.rules import capacity_error, program_date_errors
from sosiokultural.models import save_fields

VALID_STATUSES = {choice for choice, __ in Employee.Status.choices}
DEFAULT_ISSUER = Program._meta.get_field("certificate_issuer").default


def _require_bpsdm(user) -> None:
    check(
        user,
        MANAGE_PROGRAMS,
        message=_("Hanya admin BPSDM yang dapat mengelola program."),
    )


def _validated(
    *,
    form: DevelopmentForm,
    jp: Decimal | None,
    capacity: int | None,
    unlimited_seats: bool,
    starts_on: date,
    ends_on: date,
    registration_opens_on: date,
    registration_closes_on: date,
    eligible_statuses: Iterable[str],
) -> tuple[Decimal, list[str]]:
    errors: dict[str, str] = {}
    if form.provider != DevelopmentForm.Provider.EXTERNAL:
        errors["form"] = _("Program BPSDM hanya untuk bentuk pengembangan eksternal.")
    if jp is None:
        jp = form.default_jp
    if jp is None or jp <= 0:
        errors["jp"] = _("JP harus diisi dan lebih dari 0.")
    if message := capacity_error(capacity, unlimited_seats):
        errors["capacity"] = message
    errors.update(
        program_date_errors(
            starts_on=starts_on,
            ends_on=ends_on,
            registration_opens_on=registration_opens_on,
            registration_closes_on=registration_closes_on,
            form_code=form.code,
        )
    )
    statuses = sorted(set(eligible_statuses))
    unknown = [s for s in statuses if s not in VALID_STATUSES]
    if unknown:
        errors["eligible_statuses"] = _("Status kepegawaian tidak dikenal: %(s)s.") % {
            "s": ", ".join(unknown)
        }
    if errors:
        raise ValidationError(errors)
    return Decimal(jp), statuses


def _matrix_dimensions(form: DevelopmentForm) -> list[int]:
    return list(
        FormDimension.objects.filter(form=form).values_list("dimension_id", flat=True)
    )


@transaction.atomic
def program_create(
    *,
    by,
    title: str,
    form: DevelopmentForm,
    mode: str,
    starts_on: date,
    ends_on: date,
    capacity: int | None,
    registration_opens_on: date,
    registration_closes_on: date,
    unlimited_seats: bool = False,
    certificate_issuer: str = "",
    jp: Decimal | None = None,
    dimensions: Iterable[Dimension] | None = None,
    description: str = "",
    eligible_position_types: Iterable[PositionType] = (),
    eligible_statuses: Iterable[str] = (),
    location: str = "",
    link: str = "",
) -> Program:
    """Create a program. ``jp`` defaults to the form's JP and ``dimensions`` to the
    form's row of the matrix (FormDimension)."""
    _require_bpsdm(by)
    jp, statuses = _validated(
        form=form,
        jp=jp,
        capacity=capacity,
        unlimited_seats=unlimited_seats,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_opens_on=registration_opens_on,
        registration_closes_on=registration_closes_on,
        eligible_statuses=eligible_statuses,
    )
    program = Program(
        title=title.strip(),
        form=form,
        mode=mode,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        jp=jp,
        capacity=None if unlimited_seats else capacity,
        unlimited_seats=unlimited_seats,
        certificate_issuer=certificate_issuer.strip() or DEFAULT_ISSUER,
        registration_opens_on=registration_opens_on,
        registration_closes_on=registration_closes_on,
        eligible_statuses=statuses,
        location=location,
        link=link,
        created_by=by,
    )
    program.full_clean()
    program.save()
    dimension_ids = [d.pk for d in dimensions or []] or _matrix_dimensions(form)
    program.dimensions.set(dimension_ids)
    program.eligible_position_types.set(list(eligible_position_types))
    return program


@transaction.atomic
def program_update(
    *,
    program: Program,
    by,
    title: str,
    form: DevelopmentForm,
    mode: str,
    starts_on: date,
    ends_on: date,
    capacity: int | None,
    registration_opens_on: date,
    registration_closes_on: date,
    unlimited_seats: bool = False,
    certificate_issuer: str = "",
    jp: Decimal | None = None,
    dimensions: Iterable[Dimension] | None = None,
    description: str = "",
    eligible_position_types: Iterable[PositionType] = (),
    eligible_statuses: Iterable[str] = (),
    location: str = "",
    link: str = "",
) -> Program:
    """Edit a program. Capacity cannot drop below the seats already approved; a
    larger capacity promotes the wait list; completed participants are re-credited
    with the new JP and end date."""
    from programs.services.nominations import promote_waitlisted, recredit_completed

    _require_bpsdm(by)
    jp, statuses = _validated(
        form=form,
        jp=jp,
        capacity=capacity,
        unlimited_seats=unlimited_seats,
        starts_on=starts_on,
        ends_on=ends_on,
        registration_opens_on=registration_opens_on,
        registration_closes_on=registration_closes_on,
        eligible_statuses=eligible_statuses,
    )
    locked = Program.objects.select_for_update(no_key=True).get(pk=program.pk)
    approved = Nomination.objects.filter(
        program=locked, state=Nomination.State.APPROVED
    ).count()
    if not unlimited_seats and capacity < approved:
        raise ValidationError(
            {
                "capacity": _(
                    "Kapasitas tidak boleh lebih kecil dari jumlah peserta yang sudah "
                    "disetujui (%(n)s)."
                )
                % {"n": approved}
            }
        )
    fields = {
        "title": title.strip(),
        "form": form,
        "mode": mode,
        "description": description,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "jp": jp,
        "capacity": None if unlimited_seats else capacity,
        "unlimited_seats": unlimited_seats,
        "certificate_issuer": certificate_issuer.strip() or DEFAULT_ISSUER,
        "registration_opens_on": registration_opens_on,
        "registration_closes_on": registration_closes_on,
        "eligible_statuses": statuses,
        "location": location,
        "link": link,
    }
    moved = locked.starts_on != starts_on
    ended_on = locked.ends_on
    save_fields(locked, fields, clean=True)
    if moved:
        # The participants' change is measured from the start day.
        program_changes_refresh(program_ids=[locked.pk])
    if locked.ends_on != ended_on:
        # Its completions fall due from the end day: the old day's and the new
        # day's due follow-ups in the completed participants' units.
        due_follow_ups_of_employees(
            employee_ids=due_programs()
            .filter(program=locked)
            .values_list("employee_id", flat=True),
            kind=PROGRAM,
            days=[ended_on, locked.ends_on],
        )
    dimension_ids = [d.pk for d in dimensions or []] or _matrix_dimensions(form)
    locked.dimensions.set(dimension_ids)
    locked.eligible_position_types.set(list(eligible_position_types))
    promote_waitlisted(program=locked)
    recredit_completed(program=locked)
    return locked
