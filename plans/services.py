"""Writes of development plans: their items."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competencies.models import DevelopmentForm, Dimension, FormDimension
from people.models import Employee, User
from plans.models import DevelopmentPlan, PlanItem


def _check_item(
    *, year: int, dimension: Dimension, form: DevelopmentForm, target_date: date
) -> None:
    errors: dict[str, list[str]] = {}
    if target_date.year != year:
        errors["target_date"] = [
            _("Target selesai harus dalam tahun rencana (%(year)s).") % {"year": year}
        ]
    linked = FormDimension.objects.filter(form=form)
    if linked.exists() and not linked.filter(dimension=dimension).exists():
        errors["form"] = [
            _(
                "Menurut matriks, %(form)s tidak mengembangkan dimensi %(dimension)s; "
                "pilih bentuk lain."
            )
            % {"form": form.label, "dimension": dimension.label}
        ]
    if errors:
        raise ValidationError(errors)


def _duplicate() -> ValidationError:
    return ValidationError(
        {"form": [_("Rencana ini sudah memuat bentuk itu untuk dimensi yang sama.")]}
    )


def plan_get_or_create(*, employee: Employee, year: int, by: User) -> DevelopmentPlan:
    plan, __ = DevelopmentPlan.objects.get_or_create(
        employee=employee, year=year, defaults={"created_by": by}
    )
    return plan


@transaction.atomic
def plan_item_add(
    *,
    employee: Employee,
    year: int,
    dimension: Dimension,
    form: DevelopmentForm,
    target_date: date,
    note: str = "",
    by: User,
) -> PlanItem:
    """Add an item to the employee's plan of ``year`` (created when missing)."""
    _check_item(year=year, dimension=dimension, form=form, target_date=target_date)
    plan = plan_get_or_create(employee=employee, year=year, by=by)
    if PlanItem.objects.filter(plan=plan, dimension=dimension, form=form).exists():
        raise _duplicate()
    try:
        with transaction.atomic():
            return PlanItem.objects.create(
                plan=plan,
                dimension=dimension,
                form=form,
                target_date=target_date,
                note=note.strip(),
                created_on=timezone.localdate(),
                created_by=by,
            )
    except IntegrityError as exc:  # a concurrent add of the same pair
        raise _duplicate() from exc


@transaction.atomic
def plan_item_update(
    *,
    item: PlanItem,
    dimension: Dimension,
    form: DevelopmentForm,
    target_date: date,
    note: str = "",
) -> PlanItem:
    """Change an item. Its planning day stays: what was done since still counts."""
    _check_item(
        year=item.plan.year, dimension=dimension, form=form, target_date=target_date
    )
    clash = PlanItem.objects.filter(
        plan_id=item.plan_id, dimension=dimension, form=form
    ).exclude(pk=item.pk)
    if clash.exists():
        raise _duplicate()
    item.dimension, item.form = dimension, form
    item.target_date, item.note = target_date, note.strip()
    item.save(update_fields=["dimension", "form", "target_date", "note"])
    return item


def plan_item_delete(*, item: PlanItem) -> None:
    item.delete()


@transaction.atomic
def plan_items_add_many(
    *,
    employee: Employee,
    year: int,
    items: Iterable[tuple[Dimension, DevelopmentForm, date]],
    by: User,
) -> list[PlanItem]:
    """Add several suggested items at once: all or nothing. Pairs already in the
    plan are skipped (the suggestion was taken meanwhile)."""
    plan = plan_get_or_create(employee=employee, year=year, by=by)
    existing = set(PlanItem.objects.filter(plan=plan).values_list("dimension", "form"))
    created = []
    for dimension, form, target_date in items:
        if (dimension.pk, form.pk) in existing:
            continue
        _check_item(year=year, dimension=dimension, form=form, target_date=target_date)
        created.append(
            PlanItem.objects.create(
                plan=plan,
                dimension=dimension,
                form=form,
                target_date=target_date,
                created_on=timezone.localdate(),
                created_by=by,
            )
        )
        existing.add((dimension.pk, form.pk))
    return created
