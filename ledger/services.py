"""The only writers of the JP ledger, its rules and its roll-up (``JPTotal``).

Every change of entries refreshes, in the same transaction, the totals of the
windows it touches (the calendar year of each old and new entry date and, for an
employee with a contract, the contract year). The employees concerned are locked
first (in id order, ``FOR NO KEY UPDATE``), so two credits for the same person
serialise and each total is computed from committed entries only.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from ledger import rules
from ledger.jp import jp_total, minutes_from_jp
from ledger.models import FormYearEntries, JPEntry, JPRule, JPTotal
from ledger.rollups import form_year_changes_of_employees
from people.models import Employee, User
from sosiokultural.rollups import drift

# -- the rules ------------------------------------------------------------------------


def jp_rule_terms() -> list[rules.Terms]:
    return [rule.terms() for rule in JPRule.objects.all()]


@transaction.atomic
def jp_rule_create(
    *,
    employment_status: str,
    effective_from: date,
    kind: str,
    jp: Decimal | None,
    basis: str,
    minutes_per_jp: int,
    legal_basis: str = "",
    by: User | None = None,
    today: date | None = None,
) -> JPRule:
    """A new version of the rule of ``employment_status``. It takes effect today at
    the earliest: the past is never re-ruled, so no credited entry and no report
    of a past year changes."""
    today = today or timezone.localdate()
    if effective_from < today:
        raise ValidationError(
            {"effective_from": _("Aturan baru berlaku paling cepat hari ini.")}
        )
    if kind == rules.NONE:
        jp = None
    rule = JPRule(
        employment_status=employment_status,
        effective_from=effective_from,
        kind=kind,
        jp=jp,
        basis=basis,
        minutes_per_jp=minutes_per_jp,
        legal_basis=legal_basis.strip(),
        created_by=by,
    )
    if kind != rules.NONE and jp is None:
        raise ValidationError({"jp": _("Isi jumlah JP untuk minimal atau batas atas.")})
    if JPRule.objects.filter(
        employment_status=employment_status, effective_from=effective_from
    ).exists():
        raise ValidationError(
            {
                "effective_from": _(
                    "Sudah ada aturan untuk status ini pada tanggal tersebut."
                )
            }
        )
    rule.full_clean(exclude=["created_by"])
    rule.save()
    return rule


@transaction.atomic
def jp_rule_delete(*, rule: JPRule, today: date | None = None) -> None:
    """Withdraw a version that is not in force yet (one in force is history)."""
    today = today or timezone.localdate()
    locked = JPRule.objects.select_for_update().get(pk=rule.pk)
    if locked.effective_from <= today:
        raise ValidationError(
            _("Aturan yang sudah berlaku tidak dapat dihapus; buat versi baru.")
        )
    locked.delete()


# -- the totals -----------------------------------------------------------------------


def _lock(employee_ids) -> dict[int, tuple[str, date | None, date | None]]:
    """Lock the employees and return {id: (status, contract start, contract end)}."""
    return {
        pk: (status, start, end)
        for pk, status, start, end in Employee.objects.select_for_update(no_key=True)
        .filter(pk__in=sorted(set(employee_ids)))
        .order_by("pk")
        .values_list(
            "pk", "employment_status", "contract_starts_on", "contract_ends_on"
        )
    }


def _windows(
    day: date, contract: tuple[date | None, date | None]
) -> list[rules.Window]:
    windows = [rules.Window(rules.CALENDAR, *rules.calendar_year(day))]
    start, end = contract
    if start is not None:
        span = rules.contract_year(start, end, day)
        if span is not None:
            windows.append(rules.Window(rules.CONTRACT, *span))
    return windows


def _refresh(touched: dict[int, set[date]], people: dict) -> None:
    """Recompute the totals of every window containing a touched day."""
    wanted: dict[rules.Window, set[int]] = defaultdict(set)
    for employee_id, days in touched.items():
        __, start, end = people[employee_id]
        for day in days:
            for window in _windows(day, (start, end)):
                wanted[window].add(employee_id)
    years: dict[int, set[int]] = defaultdict(set)
    for employee_id, days in touched.items():
        for day in days:
            years[day.year].add(employee_id)
    for window, employee_ids in wanted.items():
        _window_write(window, employee_ids)
    for year, employee_ids in years.items():
        _form_year_write(year, employee_ids)


def _form_year_counts(entries) -> dict[tuple, int]:
    """{(employee, year, source, form): entries} of these entries (one query)."""
    return {
        (emp, year, source, form): n
        for emp, year, source, form, n in entries.filter(form__isnull=False)
        .annotate(year=ExtractYear("occurred_on"))
        .order_by()
        .values_list("employee_id", "year", "source", "form_id")
        .annotate(n=Count("pk"))
        .iterator(chunk_size=10000)
    }


def _form_year_write(year: int, employee_ids: set[int]) -> None:
    """Rewrite the ``FormYearEntries`` rows of these employees in ``year``."""
    FormYearEntries.objects.filter(employee_id__in=employee_ids, year=year).delete()
    counts = _form_year_counts(
        JPEntry.objects.filter(
            employee_id__in=employee_ids,
            occurred_on__gte=date(year, 1, 1),
            occurred_on__lte=date(year, 12, 31),
        )
    )
    FormYearEntries.objects.bulk_create(
        FormYearEntries(employee_id=emp, year=y, source=source, form_id=form, entries=n)
        for (emp, y, source, form), n in counts.items()
    )
    # Their units' participants per form follow, in this transaction.
    form_year_changes_of_employees(employee_ids=employee_ids, year=year)


def form_year_entries_rebuild() -> int:
    FormYearEntries.objects.all().delete()
    rows = FormYearEntries.objects.bulk_create(
        (
            FormYearEntries(
                employee_id=emp, year=y, source=source, form_id=form, entries=n
            )
            for (emp, y, source, form), n in _form_year_counts(
                JPEntry.objects.all()
            ).items()
        ),
        batch_size=5000,
    )
    return len(rows)


def form_year_entries_drift() -> list[tuple]:
    """[(key, stored, fresh)] where the roll-up differs from the entries."""
    stored = {
        (emp, y, source, form): n
        for emp, y, source, form, n in FormYearEntries.objects.values_list(
            "employee_id", "year", "source", "form_id", "entries"
        ).iterator(chunk_size=10000)
    }
    fresh = _form_year_counts(JPEntry.objects.all())
    return drift(stored, fresh)


def _window_write(window: rules.Window, employee_ids: set[int]) -> None:
    parts: dict[int, list] = defaultdict(list)
    for employee_id, length, minutes in (
        JPEntry.objects.filter(
            employee_id__in=employee_ids,
            occurred_on__gte=window.starts_on,
            occurred_on__lte=window.ends_on,
        )
        .order_by()
        .values("employee_id", "minutes_per_jp")
        .annotate(total=Sum("minutes"))
        .values_list("employee_id", "minutes_per_jp", "total")
    ):
        parts[employee_id].append((Decimal(minutes), length))
    rows = [
        JPTotal(
            employee_id=employee_id,
            basis=window.basis,
            starts_on=window.starts_on,
            ends_on=window.ends_on,
            minutes=sum((m for m, __ in own), Decimal(0)).quantize(Decimal("0.01")),
            jp=jp_total(own),
        )
        for employee_id, own in parts.items()
    ]
    empty = employee_ids - set(parts)
    if empty:
        JPTotal.objects.filter(
            employee_id__in=empty, basis=window.basis, starts_on=window.starts_on
        ).delete()
    if rows:
        JPTotal.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["employee", "basis", "starts_on"],
            update_fields=["ends_on", "minutes", "jp"],
        )


@transaction.atomic
def jp_totals_rebuild(*, employee_ids=None) -> int:
    """Rebuild the roll-up of ``employee_ids`` (``None``: everyone) from the entries
    and return how many rows it holds for them. Set-based: one pass over the
    entries grouped by employee, day and JP length."""
    people_qs = Employee.objects.all()
    if employee_ids is not None:
        people_qs = people_qs.filter(pk__in=list(employee_ids))
        _lock(employee_ids)
    contracts = {
        pk: (start, end)
        for pk, start, end in people_qs.values_list(
            "pk", "contract_starts_on", "contract_ends_on"
        ).iterator(chunk_size=5000)
    }
    old = JPTotal.objects.all()
    entries = JPEntry.objects.all()
    if employee_ids is not None:
        old = old.filter(employee_id__in=list(contracts))
        entries = entries.filter(employee_id__in=list(contracts))
    old.delete()
    rows = recompute_totals(entries, contracts)
    JPTotal.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def recompute_totals(entries, contracts: dict) -> list[JPTotal]:
    """The roll-up rows of ``entries`` computed from scratch (``contracts``:
    {employee id: (start, end)})."""
    sums: dict[tuple, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for employee_id, day, length, minutes in (
        entries.order_by()
        .values("employee_id", "occurred_on", "minutes_per_jp")
        .annotate(total=Sum("minutes"))
        .values_list("employee_id", "occurred_on", "minutes_per_jp", "total")
        .iterator(chunk_size=10000)
    ):
        for window in _windows(day, contracts.get(employee_id, (None, None))):
            sums[(employee_id, window)][length] += Decimal(minutes)
    return [
        JPTotal(
            employee_id=employee_id,
            basis=window.basis,
            starts_on=window.starts_on,
            ends_on=window.ends_on,
            minutes=sum(by_length.values(), Decimal(0)).quantize(Decimal("0.01")),
            jp=jp_total((m, length) for length, m in by_length.items()),
        )
        for (employee_id, window), by_length in sums.items()
    ]


def jp_contract_changed(*, employee_ids) -> None:
    """Re-window the contract-year totals of employees whose contract dates (or
    status) changed; called by ``people`` in the transaction of the change."""
    if employee_ids:
        jp_totals_rebuild(employee_ids=employee_ids)


# -- the entries ----------------------------------------------------------------------


@transaction.atomic
def jp_credit_set(
    *,
    source_key: str,
    source: str,
    occurred_on: date,
    description: str,
    credits: dict[int, Decimal | int] | None = None,
    jp_credits: dict[int, Decimal | int] | None = None,
    form_id: int | None = None,
) -> None:
    """Make the ledger hold exactly the given credits for ``source_key``: either
    ``credits`` ({employee_id: minutes}) or ``jp_credits`` ({employee_id: JP},
    turned into minutes with each employee's JP length). Entries are created,
    updated, or removed (employees no longer credited); each keeps the minutes
    per JP of the rule in force on ``occurred_on`` for the employee's status.
    Idempotent: calling it twice with the same arguments changes nothing.
    """
    if (credits is None) == (jp_credits is None):
        raise TypeError("give either credits (minutes) or jp_credits")
    given = credits if credits is not None else jp_credits
    existing = {e.employee_id: e for e in JPEntry.objects.filter(source_key=source_key)}
    people = _lock([*existing, *given])
    terms = jp_rule_terms()
    touched: dict[int, set[date]] = defaultdict(set)
    stale = [e for emp, e in existing.items() if emp not in given]
    if stale:
        JPEntry.objects.filter(pk__in=[e.pk for e in stale]).delete()
        for e in stale:
            touched[e.employee_id].add(e.occurred_on)
    new = []
    description = description[:300]
    for employee_id, amount in given.items():
        length = rules.minutes_per_jp(terms, people[employee_id][0], occurred_on)
        minutes = (
            Decimal(amount)
            if credits is not None
            else minutes_from_jp(Decimal(amount), length)
        )
        entry = existing.get(employee_id)
        if entry is None:
            new.append(
                JPEntry(
                    employee_id=employee_id,
                    source=source,
                    source_key=source_key,
                    occurred_on=occurred_on,
                    minutes=minutes,
                    minutes_per_jp=length,
                    description=description,
                    form_id=form_id,
                )
            )
            touched[employee_id].add(occurred_on)
            continue
        if entry.occurred_on == occurred_on:
            # Same day, same rule: the entry keeps the JP length it was given.
            length = entry.minutes_per_jp
            if credits is None:
                minutes = minutes_from_jp(Decimal(amount), length)
        values = (minutes, occurred_on, description, form_id, length)
        if (
            entry.minutes,
            entry.occurred_on,
            entry.description,
            entry.form_id,
            entry.minutes_per_jp,
        ) != values:
            touched[employee_id].update({entry.occurred_on, occurred_on})
            entry.minutes, entry.occurred_on = minutes, occurred_on
            entry.description, entry.form_id = description, form_id
            entry.minutes_per_jp = length
            entry.save(
                update_fields=[
                    "minutes",
                    "occurred_on",
                    "description",
                    "form",
                    "minutes_per_jp",
                ]
            )
    JPEntry.objects.bulk_create(new)
    _refresh(touched, people)


@transaction.atomic
def jp_credit_clear(*, source_key: str) -> int:
    """Remove every credit of ``source_key`` (un-verified, withdrawn)."""
    entries = list(
        JPEntry.objects.filter(source_key=source_key).values_list(
            "pk", "employee_id", "occurred_on"
        )
    )
    if not entries:
        return 0
    people = _lock(emp for __, emp, __ in entries)
    deleted, __ = JPEntry.objects.filter(pk__in=[pk for pk, __, __ in entries]).delete()
    touched: dict[int, set[date]] = defaultdict(set)
    for __, employee_id, day in entries:
        touched[employee_id].add(day)
    _refresh(touched, people)
    return deleted


def totals_drift(employee_ids=None) -> list[tuple]:
    """Differences between the stored roll-up and a recomputation from the
    entries: [(employee, basis, starts_on, stored (ends_on, minutes, jp) or None,
    recomputed or None)], empty when they agree."""
    people_qs = Employee.objects.all()
    if employee_ids is not None:
        people_qs = people_qs.filter(pk__in=list(employee_ids))
    contracts = {
        pk: (start, end)
        for pk, start, end in people_qs.values_list(
            "pk", "contract_starts_on", "contract_ends_on"
        ).iterator(chunk_size=5000)
    }
    entries = JPEntry.objects.all()
    stored_qs = JPTotal.objects.all()
    if employee_ids is not None:
        entries = entries.filter(employee_id__in=list(contracts))
        stored_qs = stored_qs.filter(employee_id__in=list(contracts))
    fresh = {
        (r.employee_id, r.basis, r.starts_on): (r.ends_on, r.minutes, r.jp)
        for r in recompute_totals(entries, contracts)
    }
    stored = {
        (emp, basis, start): (end, minutes, jp)
        for emp, basis, start, end, minutes, jp in stored_qs.values_list(
            "employee_id", "basis", "starts_on", "ends_on", "minutes", "jp"
        ).iterator(chunk_size=10000)
    }
    return [
        (*key, stored.get(key), fresh.get(key))
        for key in sorted(set(fresh) | set(stored), key=str)
        if stored.get(key) != fresh.get(key)
    ]
