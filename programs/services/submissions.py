"""Unit data submissions to BPSDM (dated snapshots)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import Unit, User
from people.permissions import check
from people.selectors import units_visible_to
from programs.models import Submission
from programs.permissions import SUBMIT_UNIT_DATA
from programs.snapshot import snapshot_build


@transaction.atomic
def submission_create(*, unit: Unit, by: User, as_of: date | None = None) -> Submission:
    """Freeze the unit's (and its subtree's) competency and training profile as it
    is on ``as_of`` (today by default) and send it to BPSDM."""
    check(by, SUBMIT_UNIT_DATA, message=_("Data unit dikirim oleh kepala unit."))
    if not units_visible_to(by).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Unit ini berada di luar cakupan Anda."))
    as_of = as_of or timezone.localdate()
    dimensions, rows = snapshot_build(unit=unit, as_of=as_of)
    return Submission.objects.create(
        unit=unit,
        as_of=as_of,
        submitted_by=by,
        employee_count=len(rows),
        dimensions=dimensions,
        rows=rows,
    )
