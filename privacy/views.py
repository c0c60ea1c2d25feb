from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_record
from people.permissions import fetch, require
from people.selectors import employees_visible_to
from privacy.permissions import ANONYMISE, ANONYMISE_EMPLOYEE, DOWNLOAD_OWN_DATA
from privacy.personal_data import personal_data_zip
from privacy.services import employee_anonymise


@login_required
@require(DOWNLOAD_OWN_DATA)
@require_GET
def my_data(request):
    """Everything held about the signed-in person, as a ZIP of JSON documents."""
    content = personal_data_zip(request.user)
    audit_record(
        actor=request.user, action="personal_data.download", target=request.user
    )
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="data-pribadi-{request.user.pk}-{stamp}.zip"'
    )
    return response


@login_required
@require(ANONYMISE)
@require_http_methods(["GET", "POST"])
def anonymise(request, pk: int):
    employee = fetch(
        employees_visible_to(request.user),
        user=request.user,
        permission=ANONYMISE_EMPLOYEE,
        pk=pk,
    )
    if request.method == "POST":
        try:
            employee_anonymise(employee=employee, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            from django.utils.translation import gettext as _

            messages.success(request, _("Identitas pegawai telah dihapus."))
        return redirect("people:employee_detail", pk=employee.pk)
    return render(request, "privacy/anonymise.html", {"employee": employee})
