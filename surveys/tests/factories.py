"""Factories and helpers for survey tests."""

import csv
import io
from decimal import Decimal

import factory

from sosiokultural.periods import Period
from surveys.models import Element, ElementSet
from surveys.services import survey_import_responses, survey_report_save


class ElementSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ElementSet

    code = factory.Sequence(lambda n: f"set-{n}")
    name = factory.Sequence(lambda n: f"Kuesioner {n}")


class ElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Element

    element_set = factory.SubFactory(ElementSetFactory)
    code = factory.Sequence(lambda n: f"e{n}")
    name = factory.Sequence(lambda n: f"Unsur {n}")
    order = factory.Sequence(lambda n: n + 1)


def permen_set() -> ElementSet:
    """The default nine-element questionnaire (created by the data migration)."""
    return ElementSet.objects.get(code="permenpanrb-14-2017")


def dki_set() -> ElementSet:
    return ElementSet.objects.get(code="dki-ptsp")


def csv_bytes(headers, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def answers_csv(element_set: ElementSet, rows) -> bytes:
    """A CSV with one column per element (by code) and the given answer rows."""
    codes = list(element_set.elements.order_by("order").values_list("code", flat=True))
    return csv_bytes(codes, rows)


def import_survey(unit, period="2024Q1", rows=None, element_set=None, **kwargs):
    element_set = element_set or permen_set()
    rows = rows if rows is not None else [[4, 3, 3, 4, 3, 3, 4, 2, 3]] * 3
    return survey_import_responses(
        unit=unit,
        period=Period(int(period[:4]), int(period[-1])),
        filename="ikm.csv",
        content=answers_csv(element_set, rows),
        element_set=element_set,
        **kwargs,
    )


def report_survey(unit, period="2018Q4", total="85.55", scores=None, element_set=None):
    element_set = element_set or dki_set()
    elements = list(element_set.elements.order_by("order"))
    values = scores or [
        "91.95",
        "89.34",
        "88.6",
        "82.74",
        "81.65",
        "80.9",
        "77.8",
        "77.49",
        "74.5",
    ]
    return survey_report_save(
        unit=unit,
        period=Period(int(period[:4]), int(period[-1])),
        element_set=element_set,
        total=Decimal(total),
        scores={e.pk: Decimal(v) for e, v in zip(elements, values, strict=True)},
    )
