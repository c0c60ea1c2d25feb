import io

import pytest
from django.db.models import F, Sum

from activities.models import Activity, Coaching
from activities.selectors import activities_awaiting_verification, cros_needing_coaching
from ledger.models import JPEntry
from notices.models import Notice
from people.models import Employee, User
from sosiokultural.demo import DemoContext


def _seed() -> str:
    from activities import demo as activities_demo
    from competencies import demo as competencies_demo
    from people import demo as people_demo

    out = io.StringIO()
    context = DemoContext()
    people_demo.seed(out, context)
    competencies_demo.seed(out, context)
    activities_demo.seed(out, context)
    return out.getvalue()


def _digest() -> list:
    return [
        (
            a.form.code,
            a.unit.code,
            a.started_at.isoformat(),
            a.duration_minutes,
            a.status,
            tuple(sorted(a.attendances.values_list("employee__name", "status"))),
        )
        for a in Activity.objects.select_related("form", "unit").order_by(
            "started_at", "form__code", "unit__code"
        )
    ]


@pytest.mark.slow
def test_demo_history_is_idempotent_and_deterministic(db, settings):
    assert _seed().endswith("baru.")
    first = _digest()
    counts = (
        Activity.objects.count(),
        JPEntry.objects.count(),
        Coaching.objects.count(),
    )
    assert counts[0] > 250
    assert "Kegiatan internal: 0 baru." in _seed()
    assert (
        Activity.objects.count(),
        JPEntry.objects.count(),
        Coaching.objects.count(),
    ) == counts
    assert _digest() == first

    # A fresh database seeded again gives exactly the same history.
    Activity.objects.all().delete()
    Coaching.objects.all().delete()
    JPEntry.objects.all().delete()
    Notice.objects.all().delete()
    _seed()
    assert _digest() == first


@pytest.mark.slow
def test_demo_history_tells_the_story(db, settings):
    _seed()
    head = User.objects.get(username="kepala.kembangan")
    flagged = cros_needing_coaching(head)
    assert len(flagged) == 1
    assert Coaching.objects.filter(coachee__position_type__code="cro").count() == 3
    assert {a.recorded_by.username for a in activities_awaiting_verification(head)} == {
        "pegawai.cro",
        "pegawai.teknis",
    }
    bpsdm = User.objects.get(username="bpsdm")
    assert activities_awaiting_verification(bpsdm).count() == 1
    # Nobody verified what credits themselves.
    assert not Activity.objects.filter(
        status="verified",
        attendances__status="present",
        attendances__employee__user=F("verified_by"),
    ).exists()
    assert Activity.objects.filter(status="rejected").count() == 1
    assert Activity.objects.filter(form__code="pendekatan-personal").count() == 5
    assert Activity.objects.filter(form__code="gathering").count() == 3
    assert Activity.objects.filter(form__code="benchmarking").count() == 1
    # Over its twelve months the office's daily briefings alone exceed 20 JP for
    # each AJIB; a kelurahan head (gatherings only) stays under 20 JP.
    minutes = dict(
        JPEntry.objects.values("employee_id")
        .annotate(total=Sum("minutes"))
        .values_list("employee_id", "total")
    )
    for ajib in Employee.objects.filter(
        unit__code="JB-KMB", position_type__code="ajib"
    ):
        assert minutes[ajib.pk] > 900
    joglo_head = Employee.objects.get(
        unit__code="JB-KMB-JG", position_type__code="kepala-unit"
    )
    assert 0 < minutes[joglo_head.pk] < 900
    assert not Activity.objects.filter(
        status="verified", verified_at__isnull=True
    ).exists()
