from datetime import timedelta

from django.utils import timezone

from notices.models import Notice
from programs.tasks import remind_upcoming
from programs.tests.factories import NominationFactory, ProgramFactory


def test_remind_upcoming_once_per_nomination_and_recipient(roles, fw):
    today = timezone.localdate()
    soon = ProgramFactory(
        starts_on=today + timedelta(days=3),
        registration_closes_on=today + timedelta(days=2),
    )
    later = ProgramFactory(starts_on=today + timedelta(days=4))
    started = ProgramFactory(
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=2),
        registration_opens_on=today - timedelta(days=20),
        registration_closes_on=today - timedelta(days=2),
    )
    reminded = NominationFactory(
        program=soon, employee=roles.staff_a.employee, state="approved"
    )
    NominationFactory(program=soon, employee=roles.staff_b.employee, state="waitlisted")
    NominationFactory(program=later, employee=roles.staff_b.employee, state="approved")
    NominationFactory(
        program=started, employee=roles.staff_b.employee, state="approved"
    )

    assert remind_upcoming.delay().get() == 1
    assert remind_upcoming.delay().get() == 1  # run twice: still one row each
    rows = Notice.objects.filter(kind="program-upcoming")
    recipients = [roles.head_kecamatan.pk, roles.head_a.pk, roles.staff_a.pk]
    assert sorted(rows.values_list("recipient_id", flat=True)) == sorted(recipients)
    assert {r.dedupe_key for r in rows} == {
        f"nomination:{reminded.pk}:upcoming:{pk}" for pk in recipients
    }
    assert rows.first().subject == f"Program segera dimulai: {soon.title}"
