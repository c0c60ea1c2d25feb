"""Filters offer "Semua …" as their empty choice, never Django's dashes."""

from django.utils import translation

from programs.filters import ProgramFilter
from programs.forms import NominationFilterForm


def test_programme_filters_offer_all_instead_of_dashes():
    with translation.override("id"):
        catalogue = ProgramFilter().form
        nominations = NominationFilterForm()
        labels = [
            str(catalogue.fields["form"].empty_label),
            str(catalogue.fields["dimension"].empty_label),
            str(nominations.fields["program"].empty_label),
        ]
    assert labels == ["Semua bentuk", "Semua dimensi", "Semua program"]
