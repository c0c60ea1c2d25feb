import pytest
from django.core.exceptions import ValidationError

from competencies.models import ProficiencyLevel
from sosiokultural.models import save_fields, set_fields


def test_set_fields_sets_without_saving(db):
    level = ProficiencyLevel.objects.create(level=1, name="Awal")
    set_fields(level, {"name": "Dasar", "name_en": "Basic"})
    assert (level.name, level.name_en) == ("Dasar", "Basic")
    assert ProficiencyLevel.objects.get(pk=level.pk).name == "Awal"


def test_save_fields_writes_only_the_given_columns(db, django_assert_num_queries):
    level = ProficiencyLevel.objects.create(level=1, name="Awal", description="Lama")
    # Another writer changes a column this copy still holds the old value of.
    ProficiencyLevel.objects.filter(pk=level.pk).update(description="Baru")
    with django_assert_num_queries(1):
        saved = save_fields(level, {"name": "Dasar"})
    assert saved is level
    stored = ProficiencyLevel.objects.get(pk=level.pk)
    assert (stored.name, stored.description) == ("Dasar", "Baru")


def test_save_fields_inserts_a_new_row_whole(db):
    level = save_fields(
        ProficiencyLevel(description="Uraian"), {"level": 2, "name": "Dasar"}
    )
    stored = ProficiencyLevel.objects.get(pk=level.pk)
    assert (stored.level, stored.name, stored.description) == (2, "Dasar", "Uraian")


def test_save_fields_cleans_first_when_asked(db):
    level = ProficiencyLevel.objects.create(level=1, name="Awal")
    with pytest.raises(ValidationError) as caught:
        save_fields(level, {"level": 6, "name": ""}, clean=True, exclude=["name"])
    assert list(caught.value.message_dict) == ["level"]
    assert ProficiencyLevel.objects.get(pk=level.pk).level == 1


def test_save_fields_without_clean_skips_validation(db):
    level = ProficiencyLevel.objects.create(level=1, name="Awal")
    save_fields(level, {"name": ""})
    assert ProficiencyLevel.objects.get(pk=level.pk).name == ""
