from datetime import timedelta

from django.utils import timezone

from activities.models import Coaching
from activities.selectors import (
    activities_awaiting_verification,
    activities_visible_to,
    cros_needing_coaching,
    deciders_to_notify,
    heads_to_decide,
    recordable_employees,
    recordable_units,
)
from activities.services import coaching_set_status
from activities.tests.factories import (
    cro,
    past,
    record_briefing,
    record_coaching,
    record_personal,
    roster,
)


def test_visibility_per_role(framework, roles, org):
    a = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    b = record_briefing(roles.head_b, present=[roles.staff_b.employee])
    kec = record_briefing(
        roles.head_kecamatan,
        present=[roles.head_kecamatan.employee, roles.staff_a.employee],
        started_at=past(hour=9),
    )
    draft = record_briefing(roles.head_a, present=[roles.head_a.employee], draft=True)

    def seen(user):
        return set(activities_visible_to(user).values_list("pk", flat=True))

    assert seen(roles.staff_a) == {a.pk, kec.pk}
    assert seen(roles.staff_b) == {b.pk}
    assert seen(roles.head_a) == {a.pk, kec.pk, draft.pk}
    assert seen(roles.head_b) == {b.pk}
    assert seen(roles.head_kecamatan) == {a.pk, b.pk, kec.pk}
    assert seen(roles.bpsdm) == {a.pk, b.pk, kec.pk}
    assert seen(roles.admin) == {a.pk, b.pk, kec.pk}


def test_visibility_of_a_recorder_who_did_not_attend(framework, roles, org):
    colleague = roster(org.kel_a, 1)[0]
    mine = record_briefing(roles.staff_a, present=[colleague])
    assert set(activities_visible_to(roles.staff_a)) == {mine}


def test_recordable_scope(framework, roles, org):
    assert set(recordable_units(roles.staff_a)) == {org.kel_a}
    assert set(recordable_units(roles.head_kecamatan)) == {
        org.kecamatan,
        org.kel_a,
        org.kel_b,
    }
    assert list(recordable_units(roles.bpsdm)) == []
    assert set(recordable_employees(roles.staff_a)) == {
        roles.staff_a.employee,
        roles.head_a.employee,
    }
    inactive = roster(org.kel_a, 1, is_active=False)[0]
    assert inactive not in set(recordable_employees(roles.head_a))


def test_deciders_are_the_nearest_heads_it_is_not_about(framework, roles, org):
    from people.services import unit_create

    sub = unit_create(code="SUB", name="Sub", kind="kelurahan", parent=org.kel_a)
    staff = roster(sub, 1)[0]
    briefing = record_briefing(roles.head_a, unit=sub, present=[staff])
    briefing.status = "submitted"  # as if a head above had undone the verification
    assert set(heads_to_decide(briefing)) == {roles.head_kecamatan}
    staffs = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    assert set(heads_to_decide(staffs)) == {roles.head_a, roles.head_kecamatan}
    assert deciders_to_notify(staffs) == [roles.head_a]
    roles.head_a.is_active = False
    roles.head_a.save()
    assert deciders_to_notify(staffs) == [roles.head_kecamatan]


def test_a_heads_own_activity_goes_to_the_head_above_or_to_bpsdm(framework, roles):
    own = record_briefing(roles.head_a, present=[roles.head_a.employee])
    assert deciders_to_notify(own) == [roles.head_kecamatan]
    top = record_briefing(roles.head_kecamatan, present=[roles.head_kecamatan.employee])
    assert list(heads_to_decide(top)) == []
    assert deciders_to_notify(top) == [roles.bpsdm]
    assert list(activities_awaiting_verification(roles.head_kecamatan)) == [own]
    assert list(activities_awaiting_verification(roles.head_a)) == []
    assert list(activities_awaiting_verification(roles.bpsdm)) == [top]
    assert list(activities_awaiting_verification(roles.admin)) == [top]
    assert list(activities_awaiting_verification(roles.inspector)) == []


def test_queue_excludes_personal_and_other_subtrees(framework, roles):
    waiting = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    record_personal(roles.head_a, roles.staff_a.employee)
    assert list(activities_awaiting_verification(roles.head_a)) == [waiting]
    assert list(activities_awaiting_verification(roles.head_b)) == []
    assert list(activities_awaiting_verification(roles.staff_a)) == []


def test_new_cro_without_coaching_is_flagged(framework, roles, org):
    today = timezone.localdate()
    fresh = cro(org.kel_a, today - timedelta(days=10))
    coached = cro(org.kel_a, today - timedelta(days=30))
    old = cro(org.kel_a, today - timedelta(days=91))
    elsewhere = cro(org.kel_b, today - timedelta(days=5))
    edge = cro(org.kel_a, today - timedelta(days=90))
    record_coaching(roles.head_a, coach=roles.head_a.employee, coachee=coached)
    assert cros_needing_coaching(roles.head_a, today) == [edge, fresh]
    assert cros_needing_coaching(roles.head_kecamatan, today) == [
        edge,
        fresh,
        elsewhere,
    ]
    assert cros_needing_coaching(roles.staff_a, today) == []
    assert cros_needing_coaching(roles.bpsdm, today) == []
    assert old not in cros_needing_coaching(roles.head_a, today)


def test_stopped_or_earlier_coaching_does_not_count(framework, roles, org):
    today = timezone.localdate()
    person = cro(org.kel_a, today - timedelta(days=10))
    record_coaching(roles.head_a, coach=roles.head_a.employee, coachee=person)
    coaching = Coaching.objects.get()
    assert cros_needing_coaching(roles.head_a, today) == []
    coaching_set_status(coaching=coaching, actor=roles.head_a, status="stopped")
    assert cros_needing_coaching(roles.head_a, today) == [person]
    coaching.status = "completed"
    coaching.started_on = today - timedelta(days=20)  # before this placement
    coaching.save()
    assert cros_needing_coaching(roles.head_a, today) == [person]
