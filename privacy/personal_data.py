"""Everything the application holds about one person, as a ZIP of JSON documents
(the right of access and portability of UU 27/2022 PDP, art. 7 and 13).

What is "about" the person is declared once, in ``ABOUT_EMPLOYEE``: each model with
the lookup that selects the person's rows. ``privacy/tests`` checks that every
model pointing at an employee is listed there or in ``NOT_ABOUT_EMPLOYEE`` with a
reason, so a new model cannot be forgotten. Rows are read page by page; files of
the person (STTPP certificates, exchange reports) are added to the archive.
"""

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils import timezone

from people.models import Employee, User

# (model label, lookup to the employee) — every row that is about the person.
ABOUT_EMPLOYEE = [
    ("people.Employee", "pk"),
    ("activities.Attendance", "employee"),
    ("activities.Coaching", "coachee"),
    ("activities.PersonalNote", "employee"),
    ("ledger.JPEntry", "employee"),
    ("ledger.JPTotal", "employee"),
    ("ledger.FormYearEntries", "employee"),
    ("programs.Nomination", "employee"),
    ("programs.Exchange", "employee"),
    ("assessments.Attempt", "employee"),
    ("assessments.Answer", "attempt__employee"),
    ("assessments.SupervisorRating", "attempt__employee"),
    ("assessments.Result", "employee"),
    ("assessments.DimensionResult", "result__employee"),
    ("assessments.PersonalityScore", "result__employee"),
    ("assessments.Rescore", "result__employee"),
    ("assessments.LatestLevel", "employee"),
    ("assessments.YearStartChange", "employee"),
    ("plans.DevelopmentPlan", "employee"),
    ("plans.PlanItem", "plan__employee"),
    ("certificates.Certificate", "employee"),
    ("siasn.SiasnPerson", "employee"),
    ("siasn.SiasnRecord", "employee"),
    ("notices.NoticePreference", "user__employee"),
    # Whom one was asked to rate in a 360 round (never what one answered: the
    # answers are stored without the rater).
    ("multirater.Assignment", "rater"),
    # One's own answers to a training's reaction survey, and what one's head
    # observed on the job afterwards (docs/evaluation.md).
    ("evaluations.Reaction", "employee"),
    ("evaluations.FollowUp", "employee"),
    ("evaluations.Observation", "follow_up__employee"),
]
# Models that point at an employee without being about them, and why.
NOT_ABOUT_EMPLOYEE = {
    # The activities someone facilitated hold the attendance of others.
    ("activities.Activity", "facilitator"),
    # The coaching someone gives is about the coachee.
    ("activities.Coaching", "coach"),
    # The IKM follow-up someone is responsible for is about the unit's service.
    ("surveys.FollowUp", "owner"),
    # Who was asked to rate someone is not handed to the person rated, and the
    # answers about them only in aggregate, past the round's threshold
    # (docs/multirater.md): one by one they would name their raters.
    ("multirater.Assignment", "ratee"),
    ("multirater.Response", "ratee"),
}
# Fields never written out: secrets, not personal data.
SECRET_FIELDS = {"password"}
PAGE = 500


def _jsonable(value):
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat()
            if timezone.is_aware(value)
            else (value.isoformat())
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def _rows(queryset) -> list[dict]:
    model = queryset.model
    fields = [f for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]
    related = [f.name for f in fields if f.is_relation]
    # A related row's label (its ``str``) often names its own relations (an
    # attendance's activity is "<form> · <time>"): read them in the same query,
    # so the document costs the same number of queries however many rows it has.
    second = [
        f"{f.name}__{g.name}"
        for f in fields
        if f.is_relation
        for g in f.related_model._meta.concrete_fields
        if g.is_relation and g.name not in SECRET_FIELDS
    ]
    rows = []
    for obj in queryset.select_related(*related, *second).order_by("pk").iterator(PAGE):
        row = {}
        for field in fields:
            if field.is_relation:
                target = getattr(obj, field.name)
                row[field.name] = (
                    None if target is None else {"id": target.pk, "label": str(target)}
                )
            else:
                row[field.name] = _jsonable(getattr(obj, field.attname))
        rows.append(row)
    return rows


def _login(user: User) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "is_active": user.is_active,
        "date_joined": _jsonable(user.date_joined),
        "last_login": _jsonable(user.last_login),
    }


def personal_data(user: User) -> dict[str, list[dict] | dict]:
    """{document name: rows} of everything about ``user`` and their employee
    record (if any)."""
    from notices.models import Notice

    documents: dict[str, list[dict] | dict] = {"login": _login(user)}
    documents["notices.Notice"] = _rows(Notice.objects.filter(recipient=user))
    employee = Employee.objects.filter(user=user).first()
    if employee is None:
        return documents
    for label, lookup in ABOUT_EMPLOYEE:
        model = apps.get_model(label)
        documents[label] = _rows(model.objects.filter(**{lookup: employee.pk}))
    return documents


def _files(user: User) -> list[tuple[str, models.fields.files.FieldFile]]:
    from programs.models import Exchange, Nomination

    employee = Employee.objects.filter(user=user).first()
    if employee is None:
        return []
    found = []
    for nomination in Nomination.objects.filter(employee=employee).exclude(
        certificate_file=""
    ):
        found.append((f"sttpp-{nomination.pk}", nomination.certificate_file))
    for exchange in Exchange.objects.filter(employee=employee).exclude(report_file=""):
        found.append((f"pertukaran-{exchange.pk}", exchange.report_file))
    return found


def personal_data_zip(user: User) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in personal_data(user).items():
            archive.writestr(
                f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=2)
            )
        for stem, stored in _files(user):
            extension = stored.name.rsplit(".", 1)[-1] if "." in stored.name else ""
            try:
                with stored.open("rb") as source:
                    archive.writestr(f"berkas/{stem}.{extension}", source.read())
            except FileNotFoundError:
                continue  # removed by the retention rule: the record says so
    return buffer.getvalue()
