"""Demo data: the paper's Table 2 (SKM Triwulan IV 2018) as reported aggregates, and a
few quarters of generated raw responses for Kembangan so the trend has data.

Table 2 columns → demo units (each column is a level-wide aggregate of DKI, stored on
the demo unit of that level so the comparison page reproduces the table):
KOTA → JB, KEC → JB-KMB, KEL → JB-KMB-MU (one kelurahan: copying the aggregate to all
six would show six identical, invented kelurahan results), DPMPTSP → DKI.
Not stored: "Grand Total" (DKI already holds the DPMPTSP column and a unit has one
survey per quarter) and "KEP 1000" (Kepulauan Seribu is not in the demo tree); both
stay in ``TABLE_2`` below for reference.

Idempotent (a unit's quarter is skipped when it exists) and deterministic (answers
from ``random.Random`` seeded by unit and quarter; quarters are counted back from
today).
"""

import csv
import io
import random
from decimal import Decimal

from django.utils import timezone

from people.demo import KELURAHAN  # the demo tree's six kelurahan units
from sosiokultural.demo import DemoContext
from sosiokultural.periods import Period
from surveys.models import ElementSet, Survey
from surveys.selectors import survey_result
from surveys.services import survey_import_responses, survey_report_save

TABLE_2_PERIOD = Period(2018, 4)
TABLE_2_SOURCE = (
    "Survey IKM Triwulan IV (Oktober s/d Desember 2018), Tabel 2, "
    "Simangunsong & Sutrisno (2021); kolom %s"
)
TABLE_2_COLUMNS = ["grand_total", "kota", "kec", "kel", "dpmptsp", "kep_1000"]
# element code (DKI set) → values per column, in TABLE_2_COLUMNS order
TABLE_2 = {
    "total": ["85.55", "85.35", "84.98", "85.72", "87.87", "89.29"],
    "biaya": ["91.95", "90.98", "91.15", "92.38", "94.17", "93.57"],
    "sikap_setia": ["89.34", "88.92", "88.61", "89.52", "94.17", "93.57"],
    "kemampuan_petugas": ["88.6", "88.66", "89.1", "88.31", "91.67", "95"],
    "kemudahan_prosedur": ["82.74", "83.12", "84.51", "81.99", "84.17", "89.29"],
    "kesesuaian_prosedur": ["81.65", "81.83", "81.07", "81.81", "81.67", "83.57"],
    "ketepatan_waktu": ["80.9", "79.25", "78.36", "82.25", "78.33", "79.29"],
    "info_pengaduan": ["77.8", "76.93", "78.03", "77.74", "82.5", "76.43"],
    "persyaratan": ["77.49", "78.74", "75.25", "78.03", "76.67", "85.71"],
    "sarana": ["74.5", "74.74", "73.77", "74.42", "82.5", "82.14"],
}
COLUMN_UNITS = {"kota": "JB", "kec": "JB-KMB", "kel": "JB-KMB-MU", "dpmptsp": "DKI"}

# Raw responses: Kembangan's mean answer per element (Table 2's KEC column / 25),
# the two sociocultural-linked elements improving a little each quarter.
KEMBANGAN = "JB-KMB"
RAW_QUARTERS = 4
APPLICANTS_PER_DAY = 175  # paper, Table 1
SERVICE_DAYS_PER_QUARTER = 62
RESPONDENTS = [380, 392, 300, 401]  # oldest first; the third is short on purpose
LINKED_STEP = 0.06
GENDERS = ["L", "P"]
EDUCATION = ["SMA", "D3", "S1", "S2"]
SERVICES = ["IMB/PBG", "SIUP", "Surat Keterangan Domisili", "TDP", "SKCK pengantar"]


def _table_2(out, units: dict) -> None:
    element_set = ElementSet.objects.get(code="dki-ptsp")
    elements = {e.code: e for e in element_set.elements.all()}
    for column, unit_code in COLUMN_UNITS.items():
        unit = units.get(unit_code)
        if unit is None or _exists(unit, TABLE_2_PERIOD):
            continue
        index = TABLE_2_COLUMNS.index(column)
        survey_report_save(
            unit=unit,
            period=TABLE_2_PERIOD,
            element_set=element_set,
            total=Decimal(TABLE_2["total"][index]),
            scores={
                elements[code].pk: Decimal(values[index])
                for code, values in TABLE_2.items()
                if code != "total"
            },
            source=TABLE_2_SOURCE % column.upper().replace("_", " "),
        )
        out.write(
            f"  IKM {TABLE_2_PERIOD} {unit_code}: {TABLE_2['total'][index]} (dilaporkan)"
        )


def _exists(unit, period: Period) -> bool:
    return Survey.objects.filter(
        unit=unit, year=period.year, quarter=period.quarter
    ).exists()


def _answer(rng: random.Random, mean: float) -> int:
    return min(4, max(1, round(rng.gauss(mean, 0.55))))


def _responses_csv(rng: random.Random, means: dict[str, float], count: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    codes = list(means)
    writer.writerow([*codes, "jenis_kelamin", "umur", "pendidikan", "jenis_layanan"])
    for __ in range(count):
        writer.writerow(
            [_answer(rng, means[code]) for code in codes]
            + [
                rng.choice(GENDERS),
                rng.randint(19, 70),
                rng.choice(EDUCATION),
                rng.choice(SERVICES),
            ]
        )
    return buffer.getvalue().encode()


def _base_means(elements) -> dict[str, float]:
    kec = TABLE_2_COLUMNS.index("kec")
    return {e.code: float(TABLE_2[e.code][kec]) / 25 for e in elements}


def _raw(out, units: dict) -> None:
    element_set = ElementSet.objects.get(code="dki-ptsp")
    elements = list(element_set.elements.order_by("order"))
    base = _base_means(elements)
    linked = {e.code for e in elements if e.sociocultural}
    current = Period.of(timezone.localdate())
    quarters = []
    period = current
    for __ in range(RAW_QUARTERS):
        period = period.previous()
        quarters.append(period)
    quarters.reverse()
    population = APPLICANTS_PER_DAY * SERVICE_DAYS_PER_QUARTER
    for step, (period, count) in enumerate(zip(quarters, RESPONDENTS, strict=True)):
        means = {
            code: value + (LINKED_STEP * step if code in linked else 0.0)
            for code, value in base.items()
        }
        _import(
            out, units.get(KEMBANGAN), period, means, count, population, element_set
        )
    # The six kelurahan in the latest quarter, smaller samples and no population
    # entered yet (the page then asks for it).
    latest = quarters[-1]
    for offset, code in enumerate(KELURAHAN):
        means = {k: v - 0.04 * offset + 0.02 for k, v in base.items()}
        _import(out, units.get(code), latest, means, 60 + 7 * offset, None, element_set)


def _import(out, unit, period, means, count, population, element_set) -> None:
    if unit is None or _exists(unit, period):
        return
    rng = random.Random(f"ikm-{unit.code}-{period}")
    survey = survey_import_responses(
        unit=unit,
        period=period,
        filename=f"demo-ikm-{unit.code}-{period}.csv",
        content=_responses_csv(rng, means, count),
        element_set=element_set,
        population=population,
    )
    result = survey_result(survey)
    out.write(
        f"  IKM {period} {unit.code}: {result.ikm} ({result.grade.letter}), "
        f"{result.respondents} responden"
    )


def seed(out, context: DemoContext) -> None:
    units = context.units
    _table_2(out, units)
    _raw(out, units)
