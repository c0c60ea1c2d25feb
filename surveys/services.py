"""Writes of surveys: the response import (all or nothing), reported aggregates and
the population of a period."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from people.models import Unit, User
from sosiokultural.periods import Period
from sosiokultural.tabular import Row, TableError, normalise_header, read_table
from surveys.ikm import MAX_ANSWER, MIN_ANSWER
from surveys.models import (
    Answer,
    Element,
    ElementSet,
    ReportedScore,
    Response,
    Survey,
)
from surveys.rollups import element_totals_write

ANSWER_BATCH = 2000

# Optional respondent columns: accepted headers → field.
RESPONDENT_COLUMNS = {
    "jenis_kelamin": "gender",
    "gender": "gender",
    "jk": "gender",
    "umur": "age",
    "usia": "age",
    "age": "age",
    "pendidikan": "education",
    "education": "education",
    "jenis_layanan": "service_type",
    "layanan": "service_type",
    "service_type": "service_type",
}
GENDER_WORDS = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
    "f": "P",
    "female": "P",
}
MAX_AGE = 120
TEXT_LIMITS = {"education": 60, "service_type": 200}


class SurveyImportError(Exception):
    """The file cannot be imported; ``errors`` are (spreadsheet row, message) pairs,
    row 0 for the file as a whole and 1 for the header."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(errors)
        self.errors = errors


class SurveyExists(Exception):
    """The unit already has a survey for the period and replacing was not asked."""

    def __init__(self, survey: Survey):
        super().__init__(
            _(
                "Data IKM %(unit)s periode %(period)s sudah ada; tidak ada yang "
                "disimpan. Pilih ganti untuk menggantinya."
            )
            % {"unit": survey.unit, "period": survey.period}
        )
        self.survey = survey


def default_element_set() -> ElementSet | None:
    return ElementSet.objects.filter(is_default=True).first()


def _column_map(
    elements: list[Element], headers: list[str]
) -> tuple[dict[int, str], list[str]]:
    """{element_id: header} and the header errors. A column is named by the element
    code, or by "u" + its order (U1–U9, as SKM spreadsheets often do)."""
    present = set(headers)
    columns: dict[int, str] = {}
    missing, doubled = [], []
    for element in elements:
        names = [normalise_header(element.code), f"u{element.order}"]
        found = [name for name in dict.fromkeys(names) if name in present]
        if not found:
            missing.append(f"{element.code} ({element.name})")
        elif len(found) > 1:
            doubled.append(" / ".join(found))
        else:
            columns[element.pk] = found[0]
    errors = []
    if missing:
        errors.append(
            _("kolom unsur tidak ada: %(columns)s") % {"columns": ", ".join(missing)}
        )
    if doubled:
        errors.append(
            _("unsur yang sama ditulis di dua kolom: %(columns)s")
            % {"columns": ", ".join(doubled)}
        )
    repeated = sorted({h for h in headers if h and headers.count(h) > 1})
    if repeated:
        errors.append(
            _("judul kolom ganda: %(columns)s") % {"columns": ", ".join(repeated)}
        )
    return columns, errors


def _parse_answer(text: str, element: Element) -> tuple[int | None, str | None]:
    text = text.strip()
    if not text:
        return None, _("jawaban unsur %(code)s kosong") % {"code": element.code}
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or number != number.to_integral_value():
        return None, _(
            "jawaban unsur %(code)s '%(value)s' bukan bilangan bulat 1–4"
        ) % {
            "code": element.code,
            "value": text,
        }
    if not MIN_ANSWER <= number <= MAX_ANSWER:
        return None, _("jawaban unsur %(code)s = %(value)s di luar rentang 1–4") % {
            "code": element.code,
            "value": text,
        }
    return int(number), None


def _parse_respondent(row: Row, respondent_columns: dict[str, str]):
    data = {"gender": "", "age": None, "education": "", "service_type": ""}
    errors = []
    for header, field in respondent_columns.items():
        text = row.values.get(header, "").strip()
        if not text:
            continue
        if field == "gender":
            gender = GENDER_WORDS.get(text.lower())
            if gender is None:
                errors.append(
                    _("jenis kelamin '%(value)s' tidak dikenal (L atau P)")
                    % {"value": text}
                )
            data["gender"] = gender or ""
        elif field == "age":
            if not text.isdigit() or not 1 <= int(text) <= MAX_AGE:
                errors.append(
                    _("umur '%(value)s' harus bilangan bulat 1–%(max)s")
                    % {"value": text, "max": MAX_AGE}
                )
            else:
                data["age"] = int(text)
        else:
            limit = TEXT_LIMITS[field]
            if len(text) > limit:
                errors.append(
                    _("kolom %(column)s lebih dari %(limit)s karakter")
                    % {"column": header, "limit": limit}
                )
            data[field] = text[:limit]
    return data, errors


def parse_responses(
    *, elements: list[Element], filename: str, content: bytes
) -> list[tuple[Row, dict, dict[int, int]]]:
    """Read and check every row: [(row, respondent data, {element_id: answer})].
    Raises ``SurveyImportError`` with every problem found; nothing is written."""
    try:
        headers, rows = read_table(filename, content)
    except TableError as exc:
        raise SurveyImportError([(0, str(exc))]) from exc
    columns, header_errors = _column_map(elements, headers)
    if header_errors:
        raise SurveyImportError([(1, message) for message in header_errors])
    respondent_columns = {
        h: RESPONDENT_COLUMNS[h] for h in headers if h in RESPONDENT_COLUMNS
    }
    fields = list(respondent_columns.values())
    doubled = sorted({f for f in fields if fields.count(f) > 1})
    if doubled:
        raise SurveyImportError(
            [
                (
                    1,
                    _("data responden yang sama ditulis di dua kolom: %(fields)s")
                    % {"fields": ", ".join(doubled)},
                )
            ]
        )
    parsed, errors = [], []
    for row in rows:
        answers: dict[int, int] = {}
        row_errors = []
        for element in elements:
            value, error = _parse_answer(
                row.values.get(columns[element.pk], ""), element
            )
            if error:
                row_errors.append(error)
            else:
                answers[element.pk] = value
        respondent, respondent_errors = _parse_respondent(row, respondent_columns)
        row_errors.extend(respondent_errors)
        errors.extend((row.number, message) for message in row_errors)
        parsed.append((row, respondent, answers))
    if errors:
        raise SurveyImportError(errors)
    return parsed


def _claim_period(*, unit: Unit, period: Period, replace: bool) -> None:
    """Inside a transaction: refuse or clear an existing survey of the period."""
    existing = (
        Survey.objects.select_for_update()
        .select_related("unit")
        .filter(
            unit=unit,
            year=period.year,
            quarter=period.quarter,
        )
        .first()
    )
    if existing is None:
        return
    if not replace:
        raise SurveyExists(existing)
    existing.delete()


def _check_population(population: int | None) -> None:
    if population is not None and population < 1:
        raise ValidationError(
            {"population": _("Jumlah pemohon/populasi harus lebih dari 0.")}
        )


def survey_import_responses(
    *,
    unit: Unit,
    period: Period,
    filename: str,
    content: bytes,
    element_set: ElementSet | None = None,
    replace: bool = False,
    population: int | None = None,
    user: User | None = None,
) -> Survey:
    """Import one respondent per row for ``unit`` in ``period``, all or nothing.

    Raises ``SurveyImportError`` (row-level messages) or ``SurveyExists`` (the period
    exists and ``replace`` is false); in both cases nothing is saved. With
    ``replace`` the previous survey of the period (responses or reported) is
    removed in the same transaction.
    """
    _check_population(population)
    element_set = element_set or default_element_set()
    if element_set is None:
        raise SurveyImportError([(0, _("Belum ada kuesioner bawaan."))])
    elements = list(element_set.elements.order_by("order"))
    if not elements:
        raise SurveyImportError(
            [(0, _("Kuesioner %(set)s belum berisi unsur.") % {"set": element_set})]
        )
    parsed = parse_responses(elements=elements, filename=filename, content=content)
    try:
        with transaction.atomic():
            _claim_period(unit=unit, period=period, replace=replace)
            survey = Survey.objects.create(
                unit=unit,
                year=period.year,
                quarter=period.quarter,
                element_set=element_set,
                kind=Survey.Kind.RESPONSES,
                population=population,
                source=filename[:300],
                created_by=user,
                response_count=len(parsed),
            )
            responses = Response.objects.bulk_create(
                Response(survey=survey, row=row.number, **respondent)
                for row, respondent, __ in parsed
            )
            Answer.objects.bulk_create(
                (
                    Answer(response=response, element_id=element_id, value=value)
                    for response, (__, __, answers) in zip(
                        responses, parsed, strict=True
                    )
                    for element_id, value in answers.items()
                ),
                batch_size=ANSWER_BATCH,
            )
            element_totals_write(survey, (answers for __, __, answers in parsed))
    except IntegrityError as exc:
        # Another import of the same unit and period committed first.
        existing = Survey.objects.select_related("unit").filter(
            unit=unit, year=period.year, quarter=period.quarter
        )
        if existing.exists():
            raise SurveyExists(existing.get()) from exc
        raise
    return survey


def _checked_score(value, label: str) -> Decimal:
    try:
        score = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationError(
            _("%(label)s: '%(value)s' bukan angka.") % {"label": label, "value": value}
        ) from exc
    if not Decimal(25) <= score <= Decimal(100):
        raise ValidationError(
            _("%(label)s harus antara 25 dan 100 (skala IKM).") % {"label": label}
        )
    if score != score.quantize(Decimal("0.01")):
        raise ValidationError(
            _("%(label)s paling banyak 2 angka desimal.") % {"label": label}
        )
    return score.quantize(Decimal("0.01"))


def survey_report_save(
    *,
    unit: Unit,
    period: Period,
    element_set: ElementSet,
    total: Decimal,
    scores: dict[int, Decimal],
    respondents: int | None = None,
    population: int | None = None,
    source: str = "",
    replace: bool = False,
    user: User | None = None,
) -> Survey:
    """Store aggregates exactly as a report gives them: ``scores`` {element_id: score
    on the 25–100 scale} and the reported ``total``. Nothing is recomputed; the total
    is kept even when it differs from the mean of the element scores."""
    _check_population(population)
    elements = {e.pk: e for e in element_set.elements.all()}
    unknown = set(scores) - set(elements)
    if unknown:
        raise ValidationError(_("Ada nilai untuk unsur di luar kuesioner ini."))
    if not scores:
        raise ValidationError(_("Isi nilai setidaknya satu unsur."))
    checked_total = _checked_score(total, _("IKM dilaporkan"))
    checked = {
        pk: _checked_score(value, elements[pk].name) for pk, value in scores.items()
    }
    if respondents is not None and respondents < 1:
        raise ValidationError(_("Jumlah responden harus lebih dari 0."))
    try:
        with transaction.atomic():
            _claim_period(unit=unit, period=period, replace=replace)
            survey = Survey.objects.create(
                unit=unit,
                year=period.year,
                quarter=period.quarter,
                element_set=element_set,
                kind=Survey.Kind.REPORTED,
                reported_total=checked_total,
                reported_respondents=respondents,
                population=population,
                source=source[:300],
                created_by=user,
            )
            ReportedScore.objects.bulk_create(
                ReportedScore(survey=survey, element_id=pk, score=score)
                for pk, score in checked.items()
            )
    except IntegrityError as exc:
        existing = Survey.objects.select_related("unit").filter(
            unit=unit, year=period.year, quarter=period.quarter
        )
        if existing.exists():
            raise SurveyExists(existing.get()) from exc
        raise
    return survey


def survey_population_set(*, survey: Survey, population: int | None) -> Survey:
    _check_population(population)
    survey.population = population
    survey.save(update_fields=["population"])
    return survey
