"""Builders for activities: real ones go through the services, so tests see the
same state (status, attendance, JP credits) the app produces."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from activities.services import activity_record
from competencies.models import DevelopmentForm
from people.selectors import user_employee
from people.tests.factories import EmployeeFactory, PositionTypeFactory

# Minimal valid files of each allowed kind, plus helpers for evidence tests.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def docx_bytes() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def at(day: date, hour: int = 7, minute: int = 45) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def past(days: int = 1, hour: int = 7, minute: int = 45) -> datetime:
    return at(timezone.localdate() - timedelta(days=days), hour, minute)


def form(code: str) -> DevelopmentForm:
    return DevelopmentForm.objects.get(code=code)


def roster(unit, size: int, **kwargs) -> list:
    return [EmployeeFactory(unit=unit, **kwargs) for __ in range(size)]


def cro(unit, placed_on: date):
    return EmployeeFactory(
        unit=unit,
        placed_on=placed_on,
        position_type=PositionTypeFactory(code="cro", name="CRO"),
    )


def record_briefing(
    recorder,
    *,
    present,
    absent=(),
    excused=(),
    started_at=None,
    minutes=10,
    unit=None,
    agenda="setia_motivation",
    summary="Evaluasi pengaduan pemohon minggu ini.",
    draft=False,
):
    attendance = {e.pk: "present" for e in present}
    attendance |= {e.pk: "absent" for e in absent}
    attendance |= {e.pk: "excused" for e in excused}
    return activity_record(
        recorder=recorder,
        form=form("briefing"),
        unit=unit or user_employee(recorder).unit,
        started_at=started_at or past(),
        duration_minutes=minutes,
        facilitator=user_employee(recorder),
        attendance=attendance,
        summary=summary,
        detail={"agenda_kind": agenda},
        draft=draft,
    )


def record_personal(
    head, employee, *, note="Membahas beban kerja di loket.", started_at=None
):
    return activity_record(
        recorder=head,
        form=form("pendekatan-personal"),
        started_at=started_at or past(hour=15),
        duration_minutes=30,
        detail={"employee": employee, "note": note},
    )


def record_self_development(recorder, *, employee=None, minutes=60, started_at=None):
    return activity_record(
        recorder=recorder,
        form=form("pengembangan-diri"),
        started_at=started_at or past(hour=13),
        duration_minutes=minutes,
        summary="Membaca kasus penolakan berkas.",
        detail={
            "employee": employee or user_employee(recorder),
            "study_kind": "service_cases",
            "topic": "Kasus pelayanan: perizinan usaha mikro",
            "source": "www.internalpelayanan.jakarta.go.id",
        },
    )


def record_coaching(recorder, *, coach, coachee=None, coaching=None, started_at=None):
    return activity_record(
        recorder=recorder,
        form=form("coaching"),
        started_at=started_at or past(hour=10),
        duration_minutes=60,
        facilitator=coach,
        detail={
            "coaching": coaching,
            "coachee": coachee,
            "goal": "Menguasai alur layanan pengaduan sebagai CRO.",
            "agreed_actions": "Mendampingi 5 pemohon di meja CRO.",
            "due_on": timezone.localdate() + timedelta(days=7),
        },
    )
