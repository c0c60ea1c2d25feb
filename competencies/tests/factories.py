"""factory_boy factories of the framework."""

from datetime import date

import factory

from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    RaterGroupWeights,
    RequiredLevel,
    Standard,
)
from people.tests.factories import PositionTypeFactory


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension
        django_get_or_create = ["code"]

    number = factory.Sequence(lambda n: 100 + n)
    code = factory.Sequence(lambda n: f"dimensi-{n}")
    name = factory.Sequence(lambda n: f"Dimensi {n}")


class ProficiencyLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProficiencyLevel
        django_get_or_create = ["level"]

    level = 1
    name = factory.LazyAttribute(lambda o: f"Level {o.level}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    dimension = factory.SubFactory(DimensionFactory)
    level = 1
    text = factory.Sequence(lambda n: f"Perilaku teramati {n}")
    order = factory.Sequence(lambda n: n)


class DevelopmentFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentForm
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"bentuk-{n}")
    name = factory.Sequence(lambda n: f"Bentuk {n}")
    provider = DevelopmentForm.Provider.INTERNAL
    classification = DevelopmentForm.Classification.NON_CLASSICAL
    order = factory.Sequence(lambda n: 100 + n)


class FormDimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormDimension

    form = factory.SubFactory(DevelopmentFormFactory)
    dimension = factory.SubFactory(DimensionFactory)
    expected_profile = "Profil satu\nProfil dua"


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard

    name = factory.Sequence(lambda n: f"Standar {n}")
    effective_from = factory.Sequence(lambda n: date(2000 + n, 1, 1))


class RequiredLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredLevel

    standard = factory.SubFactory(StandardFactory)
    position_type = factory.SubFactory(PositionTypeFactory)
    dimension = factory.SubFactory(DimensionFactory)
    level = 1


class RaterGroupWeightsFactory(factory.django.DjangoModelFactory):
    """A version's 360 weights; by default self 0, head 2, peers 1, staff 1."""

    class Meta:
        model = RaterGroupWeights

    standard = factory.SubFactory(StandardFactory)
    self_weight = 0
    head_weight = 2
    peer_weight = 1
    staff_weight = 1
