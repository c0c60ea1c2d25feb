"""The item bank and versioned instruments.

A published instrument is frozen: its fields, items and thresholds never change,
so every result points at exactly what it was scored with. Editing a published
version means ``instrument_revise`` (a new draft version). Items used by a
published version are frozen for the same reason; ``item_revise`` makes a new item.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import scoring
from assessments.models import Instrument, InstrumentItem, Item, ItemOption, Threshold
from competencies.models import Dimension


class InstrumentFrozenError(ValidationError):
    """Raised on any attempt to change a published (or retired) version."""


@dataclass(frozen=True)
class OptionData:
    text: str
    score: int
    text_en: str = ""


# -- items ---------------------------------------------------------------------


def item_is_frozen(item: Item) -> bool:
    return (
        InstrumentItem.objects.filter(item=item)
        .exclude(instrument__status=Instrument.Status.DRAFT)
        .exists()
    )


def _item_check(
    *,
    kind: str,
    dimension: Dimension | None,
    trait: str,
    reverse_keyed: bool,
    stem: str,
    options: Sequence[OptionData],
) -> None:
    errors: dict[str, list[str]] = {}
    if kind not in Item.Kind.values:
        errors["kind"] = [_("Jenis butir tidak dikenal.")]
    if not stem.strip():
        errors["stem"] = [_("Pernyataan atau skenario wajib diisi.")]
    if kind == Item.Kind.PERSONALITY:
        if dimension is not None:
            errors["dimension"] = [_("Butir kepribadian tidak terkait dimensi.")]
        if not trait:
            errors["trait"] = [_("Pilih aspek kepribadian.")]
    else:
        if dimension is None:
            errors["dimension"] = [_("Pilih dimensi kompetensi.")]
        if trait:
            errors["trait"] = [_("Aspek kepribadian hanya untuk butir kepribadian.")]
    if kind == Item.Kind.SITUATIONAL:
        if reverse_keyed:
            errors["reverse_keyed"] = [
                _("Butir situasional dinilai per pilihan, bukan skor terbalik.")
            ]
        if not 4 <= len(options) <= 5:
            errors["options"] = [_("Butir situasional memerlukan 4–5 pilihan.")]
        elif any(not o.text.strip() for o in options):
            errors["options"] = [_("Setiap pilihan jawaban wajib berisi teks.")]
        elif any(not 1 <= o.score <= 5 for o in options):
            errors["options"] = [_("Skor setiap pilihan harus 1–5.")]
    elif options:
        errors["options"] = [
            _("Butir skala 1–5 tidak memakai pilihan jawaban tersendiri.")
        ]
    if errors:
        raise ValidationError(errors)


def _options_write(item: Item, options: Sequence[OptionData]) -> None:
    item.options.all().delete()
    ItemOption.objects.bulk_create(
        ItemOption(
            item=item,
            order=number,
            text=option.text.strip(),
            text_en=option.text_en.strip(),
            score=option.score,
        )
        for number, option in enumerate(options, start=1)
    )


@transaction.atomic
def item_create(
    *,
    code: str,
    kind: str,
    stem: str,
    stem_en: str = "",
    dimension: Dimension | None = None,
    trait: str = "",
    reverse_keyed: bool = False,
    options: Sequence[OptionData] = (),
    replaces: Item | None = None,
) -> Item:
    _item_check(
        kind=kind,
        dimension=dimension,
        trait=trait,
        reverse_keyed=reverse_keyed,
        stem=stem,
        options=options,
    )
    if Item.objects.filter(code=code).exists():
        raise ValidationError({"code": [_("Kode butir sudah dipakai.")]})
    item = Item.objects.create(
        code=code,
        kind=kind,
        stem=stem.strip(),
        stem_en=stem_en.strip(),
        dimension=dimension,
        trait=trait,
        reverse_keyed=reverse_keyed,
        replaces=replaces,
    )
    _options_write(item, options)
    return item


@transaction.atomic
def item_update(
    *,
    item: Item,
    stem: str,
    stem_en: str = "",
    dimension: Dimension | None = None,
    trait: str = "",
    reverse_keyed: bool = False,
    is_active: bool = True,
    options: Sequence[OptionData] = (),
) -> Item:
    """Edit an item not yet used by a published instrument."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item_is_frozen(item):
        raise InstrumentFrozenError(
            _(
                "Butir ini dipakai instrumen yang sudah terbit dan tidak dapat "
                "diubah; buat revisi butir."
            )
        )
    _item_check(
        kind=item.kind,
        dimension=dimension,
        trait=trait,
        reverse_keyed=reverse_keyed,
        stem=stem,
        options=options,
    )
    item.stem, item.stem_en = stem.strip(), stem_en.strip()
    item.dimension, item.trait = dimension, trait
    item.reverse_keyed, item.is_active = reverse_keyed, is_active
    item.save()
    _options_write(item, options)
    return item


@transaction.atomic
def item_revise(
    *,
    item: Item,
    stem: str,
    stem_en: str = "",
    dimension: Dimension | None = None,
    trait: str = "",
    reverse_keyed: bool = False,
    options: Sequence[OptionData] = (),
) -> Item:
    """A new item replacing ``item`` (which is retired from the bank but stays in
    the published instruments that use it)."""
    root = item
    while root.replaces_id:
        root = root.replaces
    number = Item.objects.filter(code__startswith=f"{root.code}-r").count() + 2
    new = item_create(
        code=f"{root.code}-r{number}",
        kind=item.kind,
        stem=stem,
        stem_en=stem_en,
        dimension=dimension,
        trait=trait,
        reverse_keyed=reverse_keyed,
        options=options,
        replaces=item,
    )
    Item.objects.filter(pk=item.pk).update(is_active=False)
    return new


# -- instruments -----------------------------------------------------------------


def _locked_draft(instrument: Instrument) -> Instrument:
    """Re-read the row under a lock and refuse unless it is still a draft."""
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    if instrument.is_frozen:
        raise InstrumentFrozenError(
            _(
                "Versi %(version)s sudah terbit dan dibekukan; buat versi baru "
                "untuk mengubahnya."
            )
            % {"version": instrument.version}
        )
    return instrument


def _weights_check(test_weight: int) -> None:
    if not 0 <= test_weight <= 100:
        raise ValidationError({"test_weight": [_("Bobot tes harus 0–100 persen.")]})


def _evidence_check(percent: int) -> None:
    if not 1 <= percent <= 100:
        raise ValidationError(
            {"min_answered_percent": [_("Jawaban minimal harus 1–100 persen.")]}
        )


@transaction.atomic
def instrument_create(
    *,
    code: str,
    name: str,
    time_limit_minutes: int,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    test_weight: int = 70,
    min_answered_percent: int = scoring.DEFAULT_EVIDENCE_PERCENT,
    by=None,
) -> Instrument:
    """Version 1 of a new instrument, as a draft with the default cut-offs
    (see ``scoring.default_cuts``) for every dimension."""
    _weights_check(test_weight)
    _evidence_check(min_answered_percent)
    if Instrument.objects.filter(code=code).exists():
        raise ValidationError({"code": [_("Kode instrumen sudah dipakai.")]})
    if time_limit_minutes < 1:
        raise ValidationError(
            {"time_limit_minutes": [_("Batas waktu minimal 1 menit.")]}
        )
    instrument = Instrument.objects.create(
        code=code,
        version=1,
        name=name,
        name_en=name_en,
        description=description,
        description_en=description_en,
        time_limit_minutes=time_limit_minutes,
        test_weight=test_weight,
        supervisor_weight=100 - test_weight,
        min_answered_percent=min_answered_percent,
        created_by=by,
    )
    cuts = scoring.default_cuts()
    Threshold.objects.bulk_create(
        Threshold(
            instrument=instrument,
            dimension=dimension,
            min_level_2=cuts[0],
            min_level_3=cuts[1],
            min_level_4=cuts[2],
            min_level_5=cuts[3],
        )
        for dimension in Dimension.objects.all()
    )
    return instrument


@transaction.atomic
def instrument_update(
    *,
    instrument: Instrument,
    name: str,
    time_limit_minutes: int,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
    test_weight: int = 70,
    min_answered_percent: int = scoring.DEFAULT_EVIDENCE_PERCENT,
) -> Instrument:
    instrument = _locked_draft(instrument)
    _weights_check(test_weight)
    _evidence_check(min_answered_percent)
    instrument.min_answered_percent = min_answered_percent
    instrument.name, instrument.name_en = name, name_en
    instrument.description, instrument.description_en = description, description_en
    instrument.time_limit_minutes = time_limit_minutes
    instrument.test_weight, instrument.supervisor_weight = (
        test_weight,
        100 - test_weight,
    )
    instrument.save()
    return instrument


@transaction.atomic
def instrument_set_items(*, instrument: Instrument, items: Sequence[Item]) -> None:
    """Replace the items of a draft, in the given order."""
    instrument = _locked_draft(instrument)
    current = set(instrument.instrument_items.values_list("item_id", flat=True))
    retired = [i.code for i in items if not i.is_active and i.pk not in current]
    if retired:
        raise ValidationError(
            _("Butir nonaktif tidak dapat ditambahkan: %(codes)s")
            % {"codes": ", ".join(retired)}
        )
    instrument.instrument_items.all().delete()
    InstrumentItem.objects.bulk_create(
        InstrumentItem(instrument=instrument, item=item, order=number)
        for number, item in enumerate(items, start=1)
    )


@transaction.atomic
def instrument_set_thresholds(
    *,
    instrument: Instrument,
    cuts: Mapping[int, Sequence[Decimal]],
    minimums: Mapping[int, int | None] | None = None,
) -> None:
    """Set the cut-offs (min. score of levels 2–5) per dimension id and, in
    ``minimums``, the answered items a dimension needs for a level (``None``:
    the instrument's percentage)."""
    instrument = _locked_draft(instrument)
    minimums = minimums or {}
    if any(m is not None and m < 1 for m in minimums.values()):
        raise ValidationError(_("Butir dijawab minimal paling sedikit 1."))
    for dimension_id, values in cuts.items():
        try:
            scoring.validate_cuts(values)
        except ValueError as exc:
            raise ValidationError(
                _(
                    "Ambang dimensi tidak sah: harus naik (tidak menurun), di atas 1 "
                    "dan paling tinggi 5."
                )
            ) from exc
        defaults = dict(
            zip(
                ("min_level_2", "min_level_3", "min_level_4", "min_level_5"),
                values,
                strict=True,
            )
        )
        if dimension_id in minimums:
            defaults["min_answered"] = minimums[dimension_id]
        Threshold.objects.update_or_create(
            instrument=instrument, dimension_id=dimension_id, defaults=defaults
        )


def instrument_problems(instrument: Instrument) -> list[str]:
    """Why a draft cannot be published yet (empty when it can)."""
    problems = []
    items = list(
        instrument.items.select_related("dimension").prefetch_related("options")
    )
    if not any(i.kind != Item.Kind.PERSONALITY for i in items):
        problems.append(_("Instrumen belum memiliki butir kompetensi."))
    with_cuts = set(instrument.thresholds.values_list("dimension_id", flat=True))
    missing = {
        i.dimension.label
        for i in items
        if i.dimension_id and i.dimension_id not in with_cuts
    }
    if missing:
        problems.append(
            _("Ambang level belum diisi untuk: %(names)s")
            % {"names": ", ".join(sorted(missing))}
        )
    for item in items:
        if item.uses_options and not 4 <= len(item.options.all()) <= 5:
            problems.append(
                _("Butir %(code)s harus memiliki 4–5 pilihan.") % {"code": item.code}
            )
    return problems


@transaction.atomic
def instrument_publish(*, instrument: Instrument, by=None) -> Instrument:
    instrument = _locked_draft(instrument)
    problems = instrument_problems(instrument)
    if problems:
        raise ValidationError(problems)
    instrument.status = Instrument.Status.PUBLISHED
    instrument.published_at = timezone.now()
    instrument.published_by = by
    instrument.save(update_fields=["status", "published_at", "published_by"])
    return instrument


@transaction.atomic
def instrument_revise(*, instrument: Instrument, by=None) -> Instrument:
    """A new draft version copying ``instrument`` (fields, items, thresholds).
    If a draft of this code already exists, that draft is returned instead, so
    pressing "edit" twice does not make two drafts."""
    existing = Instrument.objects.filter(
        code=instrument.code, status=Instrument.Status.DRAFT
    ).first()
    if existing:
        return existing
    latest = Instrument.objects.filter(code=instrument.code).aggregate(
        v=Max("version")
    )["v"]
    try:
        with transaction.atomic():
            draft = Instrument.objects.create(
                code=instrument.code,
                version=latest + 1,
                name=instrument.name,
                name_en=instrument.name_en,
                description=instrument.description,
                description_en=instrument.description_en,
                time_limit_minutes=instrument.time_limit_minutes,
                test_weight=instrument.test_weight,
                supervisor_weight=instrument.supervisor_weight,
                min_answered_percent=instrument.min_answered_percent,
                previous=instrument,
                created_by=by,
            )
    except IntegrityError:
        # Someone else made the next version at the same moment: use theirs.
        return Instrument.objects.get(code=instrument.code, version=latest + 1)
    InstrumentItem.objects.bulk_create(
        InstrumentItem(instrument=draft, item_id=row.item_id, order=row.order)
        for row in instrument.instrument_items.all()
    )
    Threshold.objects.bulk_create(
        Threshold(
            instrument=draft,
            dimension_id=t.dimension_id,
            min_level_2=t.min_level_2,
            min_level_3=t.min_level_3,
            min_level_4=t.min_level_4,
            min_level_5=t.min_level_5,
            min_answered=t.min_answered,
        )
        for t in instrument.thresholds.all()
    )
    return draft


def instrument_retire(*, instrument: Instrument) -> Instrument:
    """Withdraw a published version from new windows (results keep pointing at it)."""
    Instrument.objects.filter(
        pk=instrument.pk, status=Instrument.Status.PUBLISHED
    ).update(status=Instrument.Status.RETIRED)
    instrument.refresh_from_db()
    return instrument
