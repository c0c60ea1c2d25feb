"""Demo data: a closed 360 round for Kembangan last quarter and an open one for
Meruya Utara this quarter, built through the app's services (default raters,
the rater editing, the answering and the closing).

Only the demo logins can answer (an answer is submitted by its rater's user):
the kecamatan head, the Meruya Utara head, the CRO and the technical officer.

- **Closed round** (UPPTSP Kecamatan Kembangan and its kelurahan, last quarter,
  threshold 3): the default raters, plus the three other demo logins as staff
  of the kecamatan head (all three are under him), then every demo login
  answers all of its assignments. The kecamatan head's profile shows his staff
  group (3 answers); everyone he heads shows "kurang dari 3 penilai" for the
  head group (his one answer).
- **Open round** (Meruya Utara, this quarter): only the technical officer's
  self-rating is in, so all four logins but the CRO have answers due.

Idempotent: a round is looked up by unit, period and title and left alone when
it exists. Deterministic: levels come from a ``random.Random`` seeded by the
round, the person rated and the rater's group.
"""

import random

from django.utils import timezone

from competencies.selectors import dimensions
from multirater.models import Assignment, Relation, Round
from multirater.services import (
    assignment_add,
    response_submit,
    round_close,
    round_open,
)
from people.models import User
from sosiokultural.demo import DemoContext
from sosiokultural.periods import Period

KECAMATAN, VILLAGE = "JB-KMB", "JB-KMB-MU"
HEAD_LOGIN, VILLAGE_HEAD_LOGIN = "kepala.kembangan", "kepala.meruyautara"
LOGINS = (HEAD_LOGIN, VILLAGE_HEAD_LOGIN, "pegawai.cro", "pegawai.teknis")
THRESHOLD = 3

COMMENTS = [
    "Sabar menjelaskan persyaratan kepada pemohon yang baru pertama kali datang.",
    "Sigap membantu rekan saat antrean panjang.",
    "Perlu lebih tenang ketika menghadapi pemohon yang kecewa.",
    "Menyapa pemohon dengan ramah dan menawarkan bantuan kepada pemohon lansia.",
    "Bisa lebih sering berbagi informasi perubahan aturan dengan tim.",
]


def _title(unit, period: Period) -> str:
    return f"Penilaian 360 {unit.name} {period.label}"


def _answer(assignment: Assignment, user: User, dims: list, round_: Round) -> None:
    ratee = assignment.ratee
    rng = random.Random(
        f"360:{round_.title}:{ratee.nip or ratee.name}:{assignment.relation}"
    )
    # Everyone rates themselves a little higher than others do.
    base = 3.6 if assignment.relation == Relation.SELF else 3.2
    levels = {d.pk: min(5, max(1, round(rng.gauss(base, 0.7)))) for d in dims}
    comment = ""
    if assignment.relation != Relation.SELF and rng.random() < 0.4:
        comment = rng.choice(COMMENTS)
    response_submit(assignment=assignment, levels=levels, comment=comment, by=user)


def _answer_all(round_: Round, users: dict, dims: list, only=None) -> int:
    """Every demo login answers its assignments in ``round_`` (or only those
    ``only`` accepts): the answering service, as the rater."""
    done = 0
    for user in users.values():
        pending = (
            Assignment.objects.filter(round=round_, rater__user=user, done=False)
            .select_related("ratee")
            .order_by("pk")
        )
        for assignment in pending:
            if only is None or only(assignment):
                _answer(assignment, user, dims, round_)
                done += 1
    return done


def _closed_round(out, units, users, dims, period: Period) -> None:
    unit = units[KECAMATAN]
    title = _title(unit, period)
    if Round.objects.filter(
        unit=unit, year=period.year, quarter=period.quarter, title=title
    ).exists():
        return
    head = users[HEAD_LOGIN]
    round_ = round_open(
        unit=unit, period=period, title=title, min_responses=THRESHOLD, by=head
    )
    # The other demo logins are all under the kecamatan head: as his staff they
    # make one group reach the threshold.
    for username in LOGINS[1:]:
        rater = users[username].employee
        if not Assignment.objects.filter(
            round=round_, ratee=head.employee, rater=rater
        ).exists():
            assignment_add(
                round_=round_,
                ratee=head.employee,
                rater=rater,
                relation=Relation.STAFF,
                by=head,
            )
    answered = _answer_all(round_, users, dims)
    round_close(round_=round_, by=head)
    out.write(
        f"  Penilaian 360 {period} {unit.code}: ditutup, "
        f"{round_.assignments.count()} penilai, {answered} jawaban"
    )


def _open_round(out, units, users, dims, period: Period) -> None:
    unit = units[VILLAGE]
    title = _title(unit, period)
    if Round.objects.filter(
        unit=unit, year=period.year, quarter=period.quarter, title=title
    ).exists():
        return
    round_ = round_open(
        unit=unit,
        period=period,
        title=title,
        min_responses=THRESHOLD,
        by=users[VILLAGE_HEAD_LOGIN],
    )
    technician = {"pegawai.teknis": users["pegawai.teknis"]}
    answered = _answer_all(
        round_, technician, dims, only=lambda a: a.relation == Relation.SELF
    )
    due = round_.assignments.filter(done=False).count()
    out.write(
        f"  Penilaian 360 {period} {unit.code}: berjalan, {answered} jawaban, "
        f"{due} belum diisi"
    )


def seed(out, context: DemoContext) -> None:
    units = context.units
    users = {
        u.username: u
        for u in User.objects.filter(username__in=LOGINS, employee__isnull=False)
    }
    if KECAMATAN not in units or VILLAGE not in units or len(users) < len(LOGINS):
        return
    dims = list(dimensions())
    if not dims:
        return
    current = Period.of(timezone.localdate())
    _closed_round(out, units, users, dims, current.previous())
    _open_round(out, units, users, dims, current)
