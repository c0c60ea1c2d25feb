"""Reads of the SIASN exchange: which completions are reported, and the sync
status of employees, both through the project's scoping rule."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet
from django.shortcuts import get_object_or_404

from activities.models import Activity
from ledger.jp import entry_jp
from ledger.models import JPEntry
from people.models import Employee, Unit, User
from people.selectors import employee_scope_q, unit_scope_q, units_visible_to
from people.tree import subtree_q
from programs.models import Nomination
from siasn.mapping import Completion
from siasn.models import CourseMapping, SiasnRecord, SyncRun

NOMINATION_PREFIX = "program-nomination:"
ACTIVITY_PREFIX = "activity:"


def sync_units_visible_to(user: User) -> QuerySet[Unit]:
    return units_visible_to(user)


def sync_unit_get_for_user(user: User, pk: int) -> Unit:
    return get_object_or_404(sync_units_visible_to(user), pk=pk)


def sync_employees(user: User, unit: Unit | None) -> QuerySet[Employee]:
    """ASN employees with a NIP in ``unit``'s subtree (every unit for None) that
    ``user`` may see, with their record counts (one query for a page)."""
    employees = Employee.objects.filter(
        employee_scope_q(user), nip__isnull=False, is_active=True
    )
    if unit is not None:
        employees = employees.filter(subtree_q(unit))
    return (
        employees.select_related("unit", "siasn_person")
        .annotate(
            synced=Count(
                "siasn_records",
                filter=Q(siasn_records__status=SiasnRecord.Status.SYNCED),
            ),
            failed=Count(
                "siasn_records",
                filter=Q(siasn_records__status=SiasnRecord.Status.FAILED),
            ),
            last_synced=Max("siasn_records__synced_at"),
        )
        .order_by("unit__path", "name", "pk")
    )


def records_of(employee_ids: Iterable[int]) -> QuerySet[SiasnRecord]:
    return SiasnRecord.objects.filter(employee_id__in=list(employee_ids))


def reportable_entries(employees: QuerySet[Employee]) -> QuerySet[JPEntry]:
    """Ledger entries that go to SIASN: completed external programs, and
    internal activities of a form mapped as reportable."""
    reportable_forms = CourseMapping.objects.filter(reportable=True).values("form_id")
    return (
        JPEntry.objects.filter(employee__in=employees.values("pk"))
        .filter(
            Q(source=JPEntry.Source.EXTERNAL, source_key__startswith=NOMINATION_PREFIX)
            | Q(
                source=JPEntry.Source.INTERNAL,
                source_key__startswith=ACTIVITY_PREFIX,
                form_id__in=reportable_forms,
            )
        )
        .select_related("employee", "form")
        .order_by("employee_id", "occurred_on", "pk")
    )


def _ids(entries: list[JPEntry], prefix: str) -> list[int]:
    out = []
    for entry in entries:
        if entry.source_key.startswith(prefix):
            tail = entry.source_key[len(prefix) :]
            if tail.isdigit():
                out.append(int(tail))
    return out


def completions(entries: Iterable[JPEntry]) -> list[Completion]:
    """The completions of ``entries`` with what SIASN needs, in a fixed number
    of queries (their nominations, activities and mappings are read at once)."""
    entries = list(entries)
    nominations = Nomination.objects.select_related("program").in_bulk(
        _ids(entries, NOMINATION_PREFIX)
    )
    activities = Activity.objects.select_related("unit", "form").in_bulk(
        _ids(entries, ACTIVITY_PREFIX)
    )
    mappings = {m.form_id: m for m in CourseMapping.objects.all()}
    default_type = settings.SIASN_DEFAULT_JENIS_DIKLAT_ID
    out = []
    for entry in entries:
        mapping = mappings.get(entry.form_id)
        kind_fields = {
            "jenis_diklat_id": mapping.jenis_diklat_id if mapping else default_type,
            "jenis_kursus": mapping.jenis_kursus if mapping else "",
            "jenis_kursus_sertipikat": (
                mapping.jenis_kursus_sertipikat if mapping else ""
            ),
        }
        key = entry.source_key
        if key.startswith(NOMINATION_PREFIX):
            nomination = nominations.get(int(key[len(NOMINATION_PREFIX) :]))
            if nomination is None:
                continue
            program = nomination.program
            out.append(
                Completion(
                    employee_id=entry.employee_id,
                    nip=entry.employee.nip,
                    source_key=key,
                    name=program.title,
                    organiser=settings.CERTIFICATE_ISSUER_NAME,
                    starts_on=program.starts_on,
                    ends_on=program.ends_on,
                    jp=entry_jp(entry),
                    certificate_number=nomination.certificate_number,
                    has_document=bool(nomination.certificate_file),
                    **kind_fields,
                )
            )
        else:
            activity = activities.get(int(key[len(ACTIVITY_PREFIX) :]))
            if activity is None:
                continue
            out.append(
                Completion(
                    employee_id=entry.employee_id,
                    nip=entry.employee.nip,
                    source_key=key,
                    name=activity.form.name,
                    organiser=activity.unit.name,
                    starts_on=entry.occurred_on,
                    ends_on=entry.occurred_on,
                    jp=entry_jp(entry),
                    certificate_number="",
                    **kind_fields,
                )
            )
    return out


def runs_visible_to(user: User) -> QuerySet[SyncRun]:
    """Runs of units in scope (province-wide runs: those who see every unit)."""
    if not user.is_authenticated:
        return SyncRun.objects.none()
    runs = SyncRun.objects.select_related("unit", "requested_by")
    if user.sees_all_units:
        return runs
    return runs.filter(unit_scope_q(user, field="unit"))


def run_get_for_user(user: User, pk: int) -> SyncRun:
    return get_object_or_404(runs_visible_to(user), pk=pk)
