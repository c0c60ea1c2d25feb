"""Writes of personal-data handling: anonymising someone who left, and deleting
evidence files past their retention period."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from people.models import Employee

logger = logging.getLogger(__name__)


def anonymous_name(employee: Employee) -> str:
    return f"Anonim #{employee.pk}"


def anonymous_nip(employee: Employee) -> str:
    """Not a NIP (no valid NIP has letters), unique, and keeps the database's rule
    that an ASN record has one."""
    return f"ANON{employee.pk:014d}"


def is_anonymised(employee: Employee) -> bool:
    return employee.name == anonymous_name(employee)


@transaction.atomic
def employee_anonymise(*, employee: Employee, by) -> Employee:
    """Drop the identity of an employee who has left and keep what aggregates need
    (docs/privacy.md lists exactly what is kept and what is dropped)."""
    from activities.models import PersonalNote
    from notices.models import Notice, NoticePreference
    from programs.models import Exchange, Nomination
    from siasn.models import SiasnPerson

    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.is_active:
        raise ValidationError(
            _("Hanya pegawai yang sudah keluar (nonaktif) yang dapat dianonimkan.")
        )
    if is_anonymised(employee):
        raise ValidationError(_("Pegawai ini sudah dianonimkan."))
    employee.name = anonymous_name(employee)
    employee.nip = anonymous_nip(employee) if employee.is_asn else None
    employee.email = ""
    # The placement date narrowed to its year: tenure stays countable.
    employee.placed_on = employee.placed_on.replace(month=1, day=1)
    employee.save(update_fields=["name", "nip", "email", "placed_on"])
    user = employee.user
    if user is not None:
        user.username = f"anonim-{employee.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        # Notices go with their channel deliveries (the WhatsApp number sent to)
        # and the preference holding that number.
        Notice.objects.filter(recipient=user).delete()
        NoticePreference.objects.filter(user=user).delete()
        from django.contrib.sessions.models import Session

        # Sessions store the user id only in their encoded data: end them all for
        # this user (few rows: sessions expire).
        for session in Session.objects.filter(expire_date__gt=timezone.now()):
            if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
                session.delete()
    PersonalNote.objects.filter(employee=employee).delete()
    # The link to the person in the national civil-service system (SIASN).
    SiasnPerson.objects.filter(employee=employee).delete()
    for nomination in Nomination.objects.filter(employee=employee).exclude(
        certificate_file=""
    ):
        nomination.certificate_file.delete(save=False)
        Nomination.objects.filter(pk=nomination.pk).update(certificate_file="")
    for exchange in Exchange.objects.filter(employee=employee):
        if exchange.report_file:
            exchange.report_file.delete(save=False)
        Exchange.objects.filter(pk=exchange.pk).update(
            report_file="", learning_report=""
        )
    audit_record(actor=by, action="employee.anonymise", target=employee)
    return employee


def evidence_delete_expired(*, now=None, limit: int = 1000) -> int:
    """Delete activity evidence files (and their rows) uploaded more than
    ``EVIDENCE_RETENTION_DAYS`` ago; 0 keeps them. The activity and its verified
    JP stay. Safe to run twice and to run concurrently: each row is deleted once,
    a missing file is no error."""
    from activities.models import Evidence

    days = settings.EVIDENCE_RETENTION_DAYS
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted = 0
    expired = Evidence.objects.filter(uploaded_at__lt=cutoff).order_by("pk")[:limit]
    for evidence in expired:
        name = evidence.file.name
        if Evidence.objects.filter(pk=evidence.pk).delete()[0]:
            evidence.file.storage.delete(name)
            deleted += 1
    if deleted:
        logger.info("deleted %s evidence files past retention", deleted)
    return deleted
