from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.kinds.briefing import CODE as BRIEFING
from activities.models import Activity, Attendance
from activities.permissions import DECIDE
from activities.selectors import (
    activities_awaiting_verification,
    activities_visible_to,
    can_record,
    cros_needing_coaching,
    same_day_activities,
)
from people.permissions import can, is_head, sees_all_units
from people.selectors import user_employee
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    if is_head(user):
        return _head_cards(user)
    if sees_all_units(user):
        year = timezone.localdate().year
        verified = (
            activities_visible_to(user)
            .filter(status=Activity.Status.VERIFIED, started_at__year=year)
            .count()
        )
        cards = [
            Card(
                title=_("Kegiatan internal terverifikasi tahun ini"),
                value=str(verified),
                link=reverse("activities:list"),
                link_label=_("Daftar kegiatan"),
            )
        ]
        if can(user, DECIDE):
            waiting = activities_awaiting_verification(user).count()
            cards.append(
                Card(
                    title=_("Menunggu verifikasi BPSDM"),
                    value=str(waiting),
                    detail=_("Kegiatan kepala unit yang tidak punya atasan lain."),
                    link=reverse("activities:queue"),
                    link_label=_("Buka antrean"),
                    tone="warning" if waiting else "success",
                )
            )
        return cards
    if can_record(user):
        return _staff_cards(user)
    return []


def _briefing_card(user) -> list[Card]:
    """Today's briefing of the head's own unit: one tap to the one-screen form."""
    employee = user_employee(user)
    if employee is None:
        return []
    unit = employee.unit
    held = same_day_activities(BRIEFING, unit, timezone.localdate()).exists()
    card = Card(
        title=_("Briefing hari ini"),
        value=_("Sudah tercatat") if held else _("Belum tercatat"),
        detail=str(unit),
        link=reverse("activities:briefing"),
        link_label=_("Briefing hari ini"),
        tone="success" if held else "primary",
    )
    return [card]


def _head_cards(user) -> list[Card]:
    waiting = activities_awaiting_verification(user).count()
    cros = cros_needing_coaching(user)
    return [
        *_briefing_card(user),
        Card(
            title=_("Menunggu verifikasi"),
            value=str(waiting),
            detail=_("Kegiatan yang dicatat staf di cakupan Anda."),
            link=reverse("activities:queue"),
            link_label=_("Buka antrean"),
            tone="warning" if waiting else "success",
        ),
        Card(
            title=_("CRO baru perlu coaching"),
            value=str(len(cros)),
            detail=", ".join(cro.name for cro in cros)
            or _("Semua CRO baru sudah mendapat coaching."),
            link=reverse("activities:list") + "#cro-baru",
            link_label=_("Lihat dan mulai coaching"),
            tone="danger" if cros else "success",
        ),
    ]


def _staff_cards(user) -> list[Card]:
    employee = user_employee(user)
    today = timezone.localdate()
    attended = Attendance.objects.filter(
        employee=employee,
        status=Attendance.Status.PRESENT,
        activity__started_at__year=today.year,
        activity__started_at__month=today.month,
    ).count()
    waiting = activities_visible_to(user).filter(
        recorded_by=user, status=Activity.Status.SUBMITTED
    )
    return [
        Card(
            title=_("Kegiatan yang saya ikuti bulan ini"),
            value=str(attended),
            detail=_("%(n)s catatan saya menunggu verifikasi.")
            % {"n": waiting.count()},
            link=reverse("activities:briefing"),
            link_label=_("Briefing hari ini"),
        )
    ]
