"""factory_boy factories shared by every app's tests."""

from datetime import date

import factory

from people.demo import demo_nip
from people.models import Employee, PositionType, Unit, User
from people.services import unit_create


class UnitFactory(factory.django.DjangoModelFactory):
    """Builds units through ``unit_create`` so the materialised path is right."""

    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Unit {n}")
    kind = Unit.Kind.VILLAGE
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return unit_create(**kwargs)


class PositionTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PositionType
        django_get_or_create = ["code"]

    code = "staf-teknis"
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").title())
    tier = PositionType.Tier.PELAKSANA
    leads_unit = False


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    name = factory.Sequence(lambda n: f"Pegawai {n}")
    unit = factory.SubFactory(UnitFactory)
    position_type = factory.SubFactory(PositionTypeFactory)
    employment_status = Employee.Status.PNS
    gender = Employee.Gender.MALE
    placed_on = date(2020, 1, 6)
    nip = factory.LazyAttributeSequence(
        lambda o, n: demo_nip(n + 500, o.gender, o.employment_status)
    )
    email = factory.Sequence(lambda n: f"pegawai{n}@example.id")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.id")
    role = User.Role.STAFF
    password = factory.PostGenerationMethodCall("set_password", "rahasia-123")

    @factory.post_generation
    def employee(self, create, extracted, **kwargs):
        if extracted is not None:
            extracted.user = self
            extracted.save(update_fields=["user"])
        self.save()


def head_position() -> PositionType:
    return PositionTypeFactory(
        code="kepala-unit", name="Kepala Unit", tier="pengawas", leads_unit=True
    )
