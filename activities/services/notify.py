"""Notices about activities (in-app and email, through the outbox)."""

from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from activities.selectors import activities_awaiting_verification, deciders_to_notify
from notices.services import notice_create
from people.models import User
from sosiokultural.formatting import moment


def _stamp(moment: datetime | None) -> int:
    return int(moment.timestamp() * 1_000_000) if moment else 0


def notify_submitted(activity: Activity) -> None:
    stamp = _stamp(activity.submitted_at)
    link = reverse("activities:detail", args=[activity.pk])
    for head in deciders_to_notify(activity):
        notice_create(
            recipient=head,
            kind="activity_submitted",
            dedupe_key=f"activity:{activity.pk}:submitted:{stamp}:{head.pk}",
            subject=_("Kegiatan menunggu verifikasi: %(form)s")
            % {"form": activity.form.name},
            body=_(
                "%(who)s mencatat %(form)s di %(unit)s pada %(date)s. Mohon "
                "verifikasi agar JP peserta tercatat."
            )
            % {
                "who": activity.recorded_by.get_full_name()
                or activity.recorded_by.username,
                "form": activity.form.name,
                "unit": activity.unit.name,
                "date": moment(activity.started_at),
            },
            link=link,
        )


def notify_rejected(activity: Activity) -> None:
    notice_create(
        recipient=activity.recorded_by,
        kind="activity_rejected",
        dedupe_key=f"activity:{activity.pk}:rejected:{_stamp(activity.submitted_at)}",
        subject=_("Kegiatan ditolak: %(form)s") % {"form": activity.form.name},
        body=_(
            "Alasan penolakan: %(reason)s\nPerbaiki lalu simpan untuk mengajukan "
            "kembali."
        )
        % {"reason": activity.rejection_reason},
        link=reverse("activities:detail", args=[activity.pk]),
    )


def notify_pending_digest(*, today: date | None = None) -> int:
    """Once a day, one notice to every active head whose verification queue is
    not empty, with how many items wait. Idempotent per head and day (the
    notice's ``dedupe_key``): a second run the same day sends nothing new.
    One count per head (bounded by the number of head logins, never by
    employees or activities). Returns how many heads were notified."""
    today = today or timezone.localdate()
    link = reverse("activities:queue")
    heads = User.objects.filter(
        role=User.Role.HEAD, is_active=True, employee__is_active=True
    ).order_by("pk")
    sent = 0
    for head in heads.iterator():
        waiting = activities_awaiting_verification(head).count()
        if not waiting:
            continue
        notice_create(
            recipient=head,
            kind="activity_digest",
            dedupe_key=f"activities:digest:{head.pk}:{today.isoformat()}",
            subject=_("%(n)s kegiatan menunggu verifikasi Anda") % {"n": waiting},
            body=_(
                "Ada %(n)s kegiatan di unit Anda yang menunggu verifikasi. JP "
                "peserta baru tercatat setelah diverifikasi."
            )
            % {"n": waiting},
            link=link,
        )
        sent += 1
    return sent
