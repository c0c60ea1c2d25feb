"""CSV/XLSX exports of the activity list (the list's own filters over the
viewer's scope). They read ``Activity`` columns, the columns each form declares
(``export_columns`` in ``activities/kinds/``; never a private detail) and
attendance rows: a pendekatan personal appears as such, never with its notes. A
co-attendee shows with name and position; the NIP only when the viewer may see
that employee.

At province scale the XLSX's attendance sheet has millions of rows: above the
threshold it is built in the background (``exports``)."""

from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities import registry
from activities.filters import ActivityFilter
from activities.models import Activity, Attendance
from activities.selectors import activities_visible_to, activity_list
from exports.registry import register
from exports.writer import (
    Column,
    Document,
    Sheet,
    chunked,
    display,
    filters_from_form,
    joined,
    user_label,
)
from people.selectors import employee_scope_q

_ACTIVITY_LEADING = [
    Column(gettext_lazy("ID"), lambda a: a.pk, width=8),
    Column(gettext_lazy("Tanggal"), lambda a: timezone.localtime(a.started_at).date()),
    Column(
        gettext_lazy("Jam mulai"), lambda a: timezone.localtime(a.started_at).time()
    ),
    Column(gettext_lazy("Durasi (menit)"), lambda a: a.duration_minutes),
    Column(gettext_lazy("Bentuk"), lambda a: a.form.label, width=24),
    Column(gettext_lazy("Kode unit"), lambda a: a.unit.code),
    Column(gettext_lazy("Unit"), lambda a: a.unit.name, width=28),
]
_ACTIVITY_TRAILING = [
    Column(
        gettext_lazy("Fasilitator"),
        lambda a: a.facilitator.name if a.facilitator else "",
        width=24,
    ),
    Column(
        gettext_lazy("Dimensi"),
        lambda a: joined(d.label for d in a.dimensions.all()),
        width=40,
    ),
    Column(gettext_lazy("Hadir"), lambda a: a.present_count),
    Column(gettext_lazy("Tercatat"), lambda a: a.attendance_count),
    Column(gettext_lazy("Status"), lambda a: display(a, "status"), width=20),
    Column(gettext_lazy("Dicatat oleh"), lambda a: user_label(a.recorded_by)),
    Column(gettext_lazy("Dicatat pada"), lambda a: a.recorded_at),
    Column(gettext_lazy("Diverifikasi oleh"), lambda a: user_label(a.verified_by)),
    Column(gettext_lazy("Diverifikasi pada"), lambda a: a.verified_at),
    Column(gettext_lazy("Ringkasan"), lambda a: a.summary, width=50),
]


def activity_columns() -> list[Column]:
    """The columns of the activities sheet: each form's own (``export_columns`` in
    ``activities/kinds/``, e.g. the briefing's agenda) after the unit."""
    return [*_ACTIVITY_LEADING, *registry.export_columns(), *_ACTIVITY_TRAILING]


def _credited(a: Attendance) -> int:
    verified = a.activity.status == Activity.Status.VERIFIED
    if a.status == Attendance.Status.PRESENT and verified:
        return a.activity.duration_minutes
    return 0


ATTENDANCE_COLUMNS = [
    Column(gettext_lazy("ID kegiatan"), lambda a: a.activity_id, width=10),
    Column(
        gettext_lazy("Tanggal"),
        lambda a: timezone.localtime(a.activity.started_at).date(),
    ),
    Column(gettext_lazy("Bentuk"), lambda a: a.activity.form.label, width=24),
    Column(gettext_lazy("Kode unit"), lambda a: a.activity.unit.code),
    Column(gettext_lazy("Pegawai"), lambda a: a.employee.name, width=28),
    Column(gettext_lazy("Jabatan"), lambda a: a.employee.position_type.name, width=24),
    Column(
        gettext_lazy("NIP"),
        lambda a: a.employee.nip if a.employee_in_scope else "",
        width=20,
    ),
    Column(gettext_lazy("Kehadiran"), lambda a: display(a, "status")),
    Column(gettext_lazy("Menit diakui"), _credited),
]


def attendances_for_export(activities, user):
    """Attendance rows of ``activities``, each marked with whether ``user`` may
    see the attendee (their NIP is shown only then)."""
    scope = employee_scope_q(user, "employee")
    in_scope = (
        Case(
            When(scope, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        if scope
        else Value(True)  # an empty Q: the viewer sees every employee
    )
    return (
        Attendance.objects.filter(activity__in=activities.values("pk"))
        .select_related("activity__form", "activity__unit", "employee__position_type")
        .annotate(employee_in_scope=in_scope)
        .order_by("-activity__started_at", "activity_id", "employee__name", "pk")
    )


@register(
    "activities.list", label=gettext_lazy("Daftar kegiatan internal"), background=True
)
def activities_document(user, query) -> Document:
    filterset = ActivityFilter(query or None, activities_visible_to(user), user=user)
    scoped = filterset.qs
    activities = activity_list(scoped)
    attendances = attendances_for_export(scoped, user)
    return Document(
        name="kegiatan-internal",
        title=_("Daftar kegiatan pengembangan internal"),
        sheets=[
            Sheet(_("Kegiatan"), activity_columns(), chunked(activities), scoped.count),
            Sheet(
                _("Kehadiran"),
                ATTENDANCE_COLUMNS,
                chunked(attendances),
                attendances.count,
            ),
        ],
        filters=filters_from_form(filterset.form),
    )
