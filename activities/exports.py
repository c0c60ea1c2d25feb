"""CSV/XLSX exports of the activity list. They read only ``Activity`` columns and
attendance rows: a pendekatan personal appears as such, never with its notes."""

from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from activities.selectors import attendances_of
from sosiokultural.tabular import csv_response, xlsx_response

HEADERS = [
    "id",
    "tanggal",
    "jam_mulai",
    "durasi_menit",
    "bentuk",
    "unit_kode",
    "unit",
    "agenda_briefing",
    "fasilitator",
    "dimensi",
    "hadir",
    "tercatat",
    "status",
    "dicatat_oleh",
    "dicatat_pada",
    "diverifikasi_oleh",
    "diverifikasi_pada",
    "ringkasan",
]
ATTENDANCE_HEADERS = [
    "kegiatan_id",
    "tanggal",
    "bentuk",
    "unit_kode",
    "pegawai",
    "nip",
    "kehadiran",
    "menit_diakui",
]


def _user_label(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def activity_row(activity: Activity) -> list:
    start = timezone.localtime(activity.started_at)
    briefing = getattr(activity, "briefing", None)
    return [
        activity.pk,
        start.date().isoformat(),
        start.strftime("%H:%M"),
        activity.duration_minutes,
        activity.form.code,
        activity.unit.code,
        activity.unit.name,
        briefing.agenda_kind if briefing else "",
        activity.facilitator.name if activity.facilitator else "",
        ";".join(d.code for d in activity.dimensions.all()),
        activity.present_count,
        activity.attendance_count,
        activity.status,
        _user_label(activity.recorded_by),
        _when(activity.recorded_at),
        _user_label(activity.verified_by),
        _when(activity.verified_at),
        activity.summary,
    ]


def _rows(activities) -> list[list]:
    return [activity_row(a) for a in activities]


def activities_csv(activities):
    return csv_response("kegiatan-internal", HEADERS, _rows(activities))


def activities_xlsx(activities):
    attendance_rows = [
        [
            a.activity_id,
            timezone.localtime(a.activity.started_at).date().isoformat(),
            a.activity.form.code,
            a.activity.unit.code,
            a.employee.name,
            a.employee.nip or "",
            a.status,
            a.activity.duration_minutes
            if a.status == "present" and a.activity.status == "verified"
            else 0,
        ]
        for a in attendances_of(activities)
    ]
    return xlsx_response(
        "kegiatan-internal",
        [
            (_("Kegiatan"), HEADERS, _rows(activities)),
            (_("Kehadiran"), ATTENDANCE_HEADERS, attendance_rows),
        ],
    )
