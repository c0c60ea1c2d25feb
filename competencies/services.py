"""Writes of the framework. Each write validates the model (so the 1–5 level rule
holds however a service is called) and runs in one transaction."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from competencies.models import (
    RATER_GROUPS,
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    RaterGroupWeights,
    RequiredLevel,
    SetiaValue,
    Standard,
)
from competencies.standards import (
    effective_date_errors,
    level_errors,
    taken_date_message,
    weight_errors,
    weight_value,
)
from sosiokultural.models import save_fields

# -- the standard's content -----------------------------------------------------------


@transaction.atomic
def dimension_update(
    *,
    dimension: Dimension,
    name: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
) -> Dimension:
    """Names and descriptions only: codes and numbers are what other data keys on."""
    return save_fields(
        dimension,
        {
            "name": name,
            "name_en": name_en,
            "description": description,
            "description_en": description_en,
        },
        clean=True,
    )


@transaction.atomic
def level_update(
    *,
    level: ProficiencyLevel,
    name: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
) -> ProficiencyLevel:
    return save_fields(
        level,
        {
            "name": name,
            "name_en": name_en,
            "description": description,
            "description_en": description_en,
        },
        clean=True,
    )


@transaction.atomic
def indicator_create(
    *,
    dimension: Dimension,
    level: int,
    text: str,
    text_en: str = "",
    order: int | None = None,
) -> Indicator:
    if order is None:
        last = Indicator.objects.filter(dimension=dimension, level=level).aggregate(
            last=Max("order")
        )["last"]
        order = (last or 0) + 1
    return save_fields(
        Indicator(dimension=dimension),
        {"level": level, "text": text, "text_en": text_en, "order": order},
        clean=True,
    )


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    level: int,
    text: str,
    text_en: str = "",
    order: int | None = None,
) -> Indicator:
    """``order`` None keeps the indicator's place."""
    values = {"level": level, "text": text, "text_en": text_en}
    if order is not None:
        values["order"] = order
    return save_fields(indicator, values, clean=True)


@transaction.atomic
def indicator_delete(*, indicator: Indicator) -> None:
    indicator.delete()


@transaction.atomic
def setia_value_update(
    *,
    value: SetiaValue,
    name: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    dimensions: list[Dimension],
) -> SetiaValue:
    save_fields(
        value,
        {
            "name": name,
            "name_en": name_en,
            "description": description,
            "description_en": description_en,
        },
        clean=True,
    )
    value.dimensions.set(dimensions)
    return value


# -- forms and the matrix -------------------------------------------------------------


@transaction.atomic
def form_create(
    *,
    code: str,
    name: str,
    provider: str,
    classification: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    default_jp: Decimal | None = None,
    default_minutes: int | None = None,
    order: int = 0,
) -> DevelopmentForm:
    return save_fields(
        DevelopmentForm(),
        {
            "code": code,
            "name": name,
            "name_en": name_en,
            "provider": provider,
            "classification": classification,
            "description": description,
            "description_en": description_en,
            "default_jp": default_jp,
            "default_minutes": default_minutes,
            "order": order,
        },
        clean=True,
    )


@transaction.atomic
def form_update(
    *,
    form: DevelopmentForm,
    name: str,
    provider: str,
    classification: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    default_jp: Decimal | None = None,
    default_minutes: int | None = None,
    order: int = 0,
) -> DevelopmentForm:
    """Everything but the code, which the ledger and programs refer to."""
    return save_fields(
        form,
        {
            "name": name,
            "name_en": name_en,
            "provider": provider,
            "classification": classification,
            "description": description,
            "description_en": description_en,
            "default_jp": default_jp,
            "default_minutes": default_minutes,
            "order": order,
        },
        clean=True,
    )


@transaction.atomic
def matrix_cell_create(
    *,
    form: DevelopmentForm,
    dimension: Dimension,
    expected_profile: str = "",
    expected_profile_en: str = "",
) -> FormDimension:
    if FormDimension.objects.filter(form=form, dimension=dimension).exists():
        raise ValidationError(
            _("%(form)s sudah terhubung dengan dimensi %(dimension)s.")
            % {"form": form.label, "dimension": dimension.label}
        )
    return save_fields(
        FormDimension(form=form, dimension=dimension),
        {
            "expected_profile": expected_profile,
            "expected_profile_en": expected_profile_en,
        },
        clean=True,
    )


@transaction.atomic
def matrix_cell_update(
    *, cell: FormDimension, expected_profile: str, expected_profile_en: str = ""
) -> FormDimension:
    return save_fields(
        cell,
        {
            "expected_profile": expected_profile,
            "expected_profile_en": expected_profile_en,
        },
        clean=True,
    )


@transaction.atomic
def matrix_cell_delete(*, cell: FormDimension) -> None:
    cell.delete()


# -- versions of the standard ---------------------------------------------------------


def _check_version(
    *, effective_from: date, today: date, standard: Standard | None = None
) -> None:
    clash = Standard.objects.filter(effective_from=effective_from)
    if standard is not None:
        clash = clash.exclude(pk=standard.pk)
    errors = effective_date_errors(effective_from, today=today, taken=clash.exists())
    if errors:
        raise ValidationError({"effective_from": errors})


def _duplicate(effective_from: date) -> ValidationError:
    return ValidationError({"effective_from": taken_date_message(effective_from)})


def _write_levels(standard: Standard, levels: dict[tuple[int, int], int]) -> None:
    errors = level_errors(levels)
    if errors:
        raise ValidationError({NON_FIELD_ERRORS: errors})
    standard.required_levels.all().delete()
    RequiredLevel.objects.bulk_create(
        RequiredLevel(
            standard=standard,
            position_type_id=position_type_id,
            dimension_id=dimension_id,
            level=level,
        )
        for (position_type_id, dimension_id), level in sorted(levels.items())
    )


def _write_weights(standard: Standard, weights: Mapping[str, object] | None) -> None:
    """The version's 360 rater-group weights: ``weights`` ({group: weight}, every
    group of ``RATER_GROUPS``), or None for a version that combines nothing."""
    if weights is None:
        RaterGroupWeights.objects.filter(standard=standard).delete()
        return
    if set(weights) != set(RATER_GROUPS):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Isi bobot setiap kelompok penilai 360.")}
        )
    errors = weight_errors(weights)
    if errors:
        raise ValidationError({NON_FIELD_ERRORS: errors})
    row = RaterGroupWeights.objects.filter(standard=standard).first()
    save_fields(
        row or RaterGroupWeights(standard=standard),
        {f"{group}_weight": weight_value(weights[group]) for group in RATER_GROUPS},
        clean=True,
        exclude=["standard"],
    )


def _standard_state(standard: Standard) -> dict:
    """What the audit trail keeps of a version: its fields, every level and its
    360 rater-group weights (None: it combines nothing)."""
    weights = RaterGroupWeights.objects.filter(standard=standard).first()
    return {
        "name": standard.name,
        "effective_from": standard.effective_from,
        "notes": standard.notes,
        "levels": {
            f"{r.position_type_id}:{r.dimension_id}": r.level
            for r in standard.required_levels.order_by("position_type", "dimension")
        },
        "rater_weights": (
            {group: str(w) for group, w in weights.by_group().items()}
            if weights
            else None
        ),
    }


def standard_create(
    *,
    name: str,
    effective_from: date,
    levels: dict[tuple[int, int], int],
    notes: str = "",
    weights: Mapping[str, object] | None = None,
    created_by=None,
    today: date | None = None,
) -> Standard:
    """A new version of the required levels, in force from ``effective_from``.

    Versions in force are never rewritten, so a new one may not start before today;
    reports for earlier dates keep reading the version that was in force then.
    ``levels`` maps (position_type_id, dimension_id) to a level 1–5; ``weights``
    ({group: weight} of every 360 rater group) combines the groups' means into a
    weighted 360 score, None combines nothing.
    """
    today = today or timezone.localdate()
    _check_version(effective_from=effective_from, today=today)
    try:
        with transaction.atomic():
            standard = save_fields(
                Standard(created_by=created_by),
                {"name": name, "effective_from": effective_from, "notes": notes},
                clean=True,
                exclude=["effective_from"],
            )
            _write_levels(standard, levels)
            _write_weights(standard, weights)
            audit_record(
                actor=created_by,
                action="standard.create",
                target=standard,
                after=_standard_state(standard),
            )
    except IntegrityError as exc:
        # Another save took the same date between the check and the insert.
        if Standard.objects.filter(effective_from=effective_from).exists():
            raise _duplicate(effective_from) from exc
        raise
    return standard


def standard_update(
    *,
    standard: Standard,
    name: str,
    effective_from: date,
    levels: dict[tuple[int, int], int],
    notes: str = "",
    weights: Mapping[str, object] | None = None,
    today: date | None = None,
    by=None,
) -> Standard:
    """Change a version that has not come into force yet (``weights`` as for
    ``standard_create``: the version's whole state, None removes them)."""
    today = today or timezone.localdate()
    _ensure_not_locked(standard, today)
    _check_version(effective_from=effective_from, today=today, standard=standard)
    try:
        with transaction.atomic():
            before = _standard_state(standard)
            save_fields(
                standard,
                {"name": name, "effective_from": effective_from, "notes": notes},
                clean=True,
                exclude=["effective_from"],
            )
            _write_levels(standard, levels)
            _write_weights(standard, weights)
            audit_record(
                actor=by,
                action="standard.update",
                target=standard,
                before=before,
                after=_standard_state(standard),
            )
    except IntegrityError as exc:
        if (
            Standard.objects.filter(effective_from=effective_from)
            .exclude(pk=standard.pk)
            .exists()
        ):
            raise _duplicate(effective_from) from exc
        raise
    return standard


@transaction.atomic
def standard_delete(*, standard: Standard, today: date | None = None, by=None) -> None:
    """Withdraw a version that has not come into force yet."""
    _ensure_not_locked(standard, today or timezone.localdate())
    audit_record(
        actor=by,
        action="standard.delete",
        target=standard,
        before=_standard_state(standard),
    )
    standard.delete()


def _ensure_not_locked(standard: Standard, today: date) -> None:
    if standard.is_locked(today):
        raise ValidationError(
            _(
                "Versi ini sudah berlaku sejak %(date)s sehingga tidak dapat diubah "
                "atau dihapus; buat versi baru dengan tanggal berlaku baru."
            )
            % {"date": formats.date_format(standard.effective_from, "DATE_FORMAT")}
        )
