"""Labels: capitalised like Django's own, and the matrix's "No" column is not
taken for the word "no" of Django's catalogue."""

from django.utils import translation

from competencies.forms import IndicatorForm, StandardForm


def test_form_labels_start_with_a_capital():
    with translation.override("id"):
        labels = [
            str(IndicatorForm.base_fields["level"].label),
            str(IndicatorForm.base_fields["order"].label),
            str(StandardForm.base_fields["name"].label),
            str(StandardForm.base_fields["effective_from"].label),
            str(StandardForm.base_fields["notes"].label),
        ]
    assert labels == ["Level", "Urutan", "Nama", "Berlaku mulai", "Catatan"]


def test_matrix_number_column_reads_no_in_indonesian():
    with translation.override("id"):
        assert translation.pgettext("nomor urut", "No") == "No"
    with translation.override("en"):
        assert translation.pgettext("nomor urut", "No") == "No."
