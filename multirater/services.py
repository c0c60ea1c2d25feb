"""Writes of 360 rounds: open (with the default raters), edit the raters, answer,
close, and the daily reminder. Every multi-step write is one transaction."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from competencies.selectors import dimensions, standard_in_force
from multirater.assignments import default_assignments_create
from multirater.models import Assignment, Rating, Relation, Response, Round
from notices.services import notices_create
from people.models import Employee, User
from sosiokultural.periods import Period


@transaction.atomic
def round_open(
    *, unit, period: Period, title: str, min_responses: int, by: User
) -> Round:
    """A new round for ``unit`` (and its sub-units) with the default raters."""
    round_ = Round(
        unit=unit,
        year=period.year,
        quarter=period.quarter,
        title=title.strip(),
        min_responses=min_responses,
        standard=standard_in_force(timezone.localdate()),
        opened_by=by,
    )
    round_.full_clean()
    round_.save()
    written = default_assignments_create(round_)
    audit_record(
        actor=by,
        action="multirater.round_open",
        target=round_,
        after={
            "unit": unit.code,
            "period": str(period),
            "min_responses": min_responses,
            "raters_assigned": written,
        },
    )
    return round_


def _require_open(round_: Round) -> None:
    if not round_.is_open:
        raise ValidationError(_("Putaran ini sudah ditutup; tidak ada yang diubah."))


@transaction.atomic
def assignment_add(
    *, round_: Round, ratee: Employee, rater: Employee, relation: str, by: User
) -> Assignment:
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    _require_open(round_)
    if relation not in {r.value for r in Relation} or relation == Relation.SELF:
        raise ValidationError(
            {"relation": _("Pilih atasan, rekan kerja atau bawahan.")}
        )
    if not round_.assignments.filter(ratee=ratee, relation=Relation.SELF).exists():
        raise ValidationError(_("Pegawai ini tidak dinilai dalam putaran ini."))
    if rater.pk == ratee.pk:
        raise ValidationError(
            {"rater": _("Penilaian diri sudah ada; pilih penilai lain.")}
        )
    if not rater.is_active:
        raise ValidationError({"rater": _("Penilai harus pegawai aktif.")})
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                round=round_, ratee=ratee, rater=rater, relation=relation
            )
    except IntegrityError:
        raise ValidationError(
            {
                "rater": _("%(name)s sudah menjadi penilai pegawai ini.")
                % {"name": rater.name}
            }
        ) from None
    audit_record(
        actor=by,
        action="multirater.assignment_add",
        target=round_,
        after={"ratee": ratee.pk, "rater": rater.pk, "relation": relation},
    )
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: Assignment, by: User) -> None:
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("round")
        .get(pk=assignment.pk)
    )
    _require_open(assignment.round)
    if assignment.relation == Relation.SELF:
        raise ValidationError(_("Penilaian diri tidak dapat dihapus."))
    if assignment.done:
        # An answer already given stays: removing its rater would let the
        # figures before and after be compared.
        raise ValidationError(
            _("Penilai ini sudah mengisi; penugasannya tidak dapat dihapus.")
        )
    before = {
        "ratee": assignment.ratee_id,
        "rater": assignment.rater_id,
        "relation": assignment.relation,
    }
    round_ = assignment.round
    assignment.delete()
    audit_record(
        actor=by, action="multirater.assignment_remove", target=round_, before=before
    )


@transaction.atomic
def response_submit(
    *, assignment: Assignment, levels: dict[int, int], comment: str, by: User
) -> Response:
    """The rater's answer: a level 1–5 for every dimension and an optional
    comment, stored without the rater; the assignment is marked done. Only once,
    only by the rater, only while the round is open. Not in the audit trail:
    an event naming the rater next to the answer would undo the anonymity."""
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("round", "rater")
        .get(pk=assignment.pk)
    )
    if assignment.rater.user_id != by.pk:
        raise ValidationError(_("Hanya penilai yang ditugaskan dapat mengisi."))
    _require_open(assignment.round)
    if assignment.done:
        raise ValidationError(_("Penilaian ini sudah dikirim."))
    wanted = list(dimensions().values_list("pk", flat=True))
    errors = {}
    for pk in wanted:
        level = levels.get(pk)
        if not isinstance(level, int) or not 1 <= level <= 5:
            errors[f"dimension_{pk}"] = _("Pilih level 1–5.")
    if set(levels) - set(wanted):
        errors["__all__"] = _("Dimensi tidak dikenal.")
    if errors:
        raise ValidationError(errors)
    response = Response.objects.create(
        round=assignment.round,
        ratee_id=assignment.ratee_id,
        relation=assignment.relation,
        comment=comment.strip(),
    )
    Rating.objects.bulk_create(
        [Rating(response=response, dimension_id=pk, level=levels[pk]) for pk in wanted]
    )
    assignment.done = True
    assignment.save(update_fields=["done"])
    return response


@transaction.atomic
def round_close(*, round_: Round, by: User) -> Round:
    """Close the round: no answer and no rater changes any more; its profiles
    can be read from now on."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    _require_open(round_)
    round_.status = Round.Status.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["status", "closed_at"])
    audit_record(
        actor=by,
        action="multirater.round_close",
        target=round_,
        before={"status": Round.Status.OPEN},
        after={"status": Round.Status.CLOSED},
    )
    return round_


def raters_remind(*, today: date | None = None) -> int:
    """One notice a day to every active rater with answers still due in open
    rounds, with how many. One read of the raters with their counts and, per
    thousand raters, one read of the notices already written and one insert:
    never a query per person. Idempotent per rater and day. Returns how many
    were written."""
    today = today or timezone.localdate()
    due = Q(
        employee__feedback_given__done=False,
        employee__feedback_given__round__status=Round.Status.OPEN,
    )
    raters = (
        User.objects.filter(due, is_active=True, employee__is_active=True)
        .annotate(waiting=Count("employee__feedback_given", filter=due))
        .order_by("pk")
    )
    link = reverse("multirater:index")
    written, batch = 0, []
    for user in raters.iterator(chunk_size=1000):
        batch.append(
            {
                "recipient": user,
                "kind": "multirater.reminder",
                "dedupe_key": f"multirater:remind:{user.pk}:{today.isoformat()}",
                "subject": ngettext(
                    "%(n)s penilaian 360 menunggu Anda",
                    "%(n)s penilaian 360 menunggu Anda",
                    user.waiting,
                )
                % {"n": user.waiting},
                "body": _(
                    "Ada penilaian 360 yang belum Anda isi. Jawaban Anda tidak "
                    "ditampilkan dengan nama Anda."
                ),
                "link": link,
            }
        )
        if len(batch) == 1000:
            written += notices_create(notices=batch)
            batch = []
    if batch:
        written += notices_create(notices=batch)
    return written
