"""The reminders: each notice written once, set-based, idempotent."""

import pytest

from evaluations import tasks
from evaluations.models import Reaction
from evaluations.services import follow_ups_remind, surveys_remind
from evaluations.tests.factories import completed, ended_program
from notices.models import Notice

pytestmark = pytest.mark.django_db


def test_open_surveys_are_announced_once(roles):
    program = ended_program(1, title="E-learning Etika")
    completed(program, roles.staff_a.employee, roles.bpsdm)
    completed(program, roles.staff_b.employee, roles.bpsdm)
    Reaction.objects.create(
        employee=roles.staff_b.employee,
        program=program,
        relevance=4,
        usefulness=4,
        facilitator=4,
        recommend=4,
    )
    assert surveys_remind() == 1  # staff B already answered
    notice = Notice.objects.get(kind="evaluations.survey_open")
    assert (notice.recipient, notice.link) == (
        roles.staff_a,
        f"/evaluasi/survei/program/{program.pk}/",
    )
    assert surveys_remind() == 0
    assert Notice.objects.filter(kind="evaluations.survey_open").count() == 1


def test_follow_ups_that_became_due_reach_the_heads_once(roles):
    program = ended_program(92)
    completed(program, roles.staff_a.employee, roles.bpsdm)
    completed(program, roles.head_a.employee, roles.bpsdm)
    old = ended_program(200)  # due long ago: not announced any more
    completed(old, roles.staff_b.employee, roles.bpsdm)
    assert follow_ups_remind() == 3
    got = sorted(
        (n.recipient.username, n.link)
        for n in Notice.objects.filter(kind="evaluations.follow_up_due")
    )
    staff_link = (
        f"/evaluasi/tindak-lanjut/program/{program.pk}/{roles.staff_a.employee.pk}/"
    )
    head_link = (
        f"/evaluasi/tindak-lanjut/program/{program.pk}/{roles.head_a.employee.pk}/"
    )
    # Staff A: head A and the head of the kecamatan; head A: only the head above.
    assert got == sorted(
        [
            ("kepala.a", staff_link),
            ("kepala.kec", staff_link),
            ("kepala.kec", head_link),
        ]
    )
    assert follow_ups_remind() == 0


def test_task_runs_both(roles):
    program = ended_program(1)
    completed(program, roles.staff_a.employee, roles.bpsdm)
    assert tasks.remind.delay().get() == {"surveys": 1, "follow_ups": 0}
    assert tasks.remind.delay().get() == {"surveys": 0, "follow_ups": 0}
