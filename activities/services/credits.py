"""Keeping the JP ledger in step with an activity."""

from django.utils import timezone

from activities.models import Activity, Attendance
from ledger.services import jp_credit_clear, jp_credit_set

PRESENT = Attendance.Status.PRESENT


def credit_description(activity: Activity) -> str:
    """The ledger line of an activity (never a personal note)."""
    label = activity.form.name
    kind = activity.kind
    topic = kind.credit_topic(activity) if kind is not None else None
    if topic is not None:
        return f"{label}: {topic}"
    return f"{label} · {activity.unit.name}"


def activity_credits_sync(*, activity: Activity) -> None:
    """Make the JP ledger match the activity: credited when verified, else none."""
    if activity.status != Activity.Status.VERIFIED:
        jp_credit_clear(source_key=activity.source_key)
        return
    present = activity.attendances.filter(status=PRESENT).values_list(
        "employee_id", flat=True
    )
    jp_credit_set(
        source_key=activity.source_key,
        source="internal",
        occurred_on=timezone.localdate(activity.started_at),
        description=credit_description(activity),
        credits=dict.fromkeys(present, activity.duration_minutes),
        form_id=activity.form_id,
    )
