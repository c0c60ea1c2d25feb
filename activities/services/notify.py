"""Notices about activities (in-app and email, through the outbox)."""

from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from activities.selectors import deciders_to_notify
from notices.services import notice_create


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
                "date": timezone.localtime(activity.started_at).strftime(
                    "%d-%m-%Y %H:%M"
                ),
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
