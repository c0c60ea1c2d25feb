import pytest
from django.core.management import CommandError, call_command

from surveys.models import Answer, Survey
from surveys.tests.factories import answers_csv, csv_bytes, dki_set, permen_set

ROWS = [
    [4, 3, 3, 4, 3, 3, 4, 2, 3],
    [3, 3, 2, 4, 3, 4, 4, 2, 3],
    [4, 4, 3, 4, 3, 3, 3, 3, 2],
    [3, 2, 3, 4, 4, 3, 4, 2, 3],
]


def _run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_ikm", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_bytes(answers_csv(permen_set(), ROWS))
    return path


def test_command_prints_count_nrr_ikm_and_grade(org, good_file):
    out, err = _run(str(good_file), "--unit", "JB-KMB", "--period", "2018Q4")
    assert err == ""
    assert out.splitlines() == [
        "JB-KMB 2018Q4, kuesioner permenpanrb-14-2017",
        "Responden: 4",
        "NRR per unsur:",
        "  persyaratan            NRR 3.50  (87.50)  Persyaratan",
        "  prosedur               NRR 3.00  (75.00)  Sistem, Mekanisme, dan Prosedur",
        "  waktu                  NRR 2.75  (68.75)  Waktu Penyelesaian",
        "  biaya                  NRR 4.00  (100.00)  Biaya/Tarif",
        "  produk                 NRR 3.25  (81.25)  "
        "Produk Spesifikasi Jenis Pelayanan",
        "  kompetensi             NRR 3.25  (81.25)  Kompetensi Pelaksana",
        "  perilaku               NRR 3.75  (93.75)  Perilaku Pelaksana",
        "  pengaduan              NRR 2.25  (56.25)  "
        "Penanganan Pengaduan, Saran dan Masukan",
        "  sarana                 NRR 2.75  (68.75)  Sarana dan Prasarana",
        "IKM: 79.17, mutu B (Baik)",
    ]
    assert Survey.objects.get().period.quarter == 4


def test_command_warns_when_the_sample_is_short(org, good_file):
    out, __ = _run(
        str(good_file), "--unit", "JB-KMB", "--period", "2018Q4", "--population", "60"
    )
    assert out.splitlines()[-1] == (
        "Peringatan: 4 responden, kurang dari sampel minimum 52 (Krejcie–Morgan) "
        "untuk populasi 60."
    )
    assert Survey.objects.get().population == 60


def test_command_confirms_a_sufficient_sample(org, tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_bytes(answers_csv(permen_set(), [[3] * 9] * 10))
    out, __ = _run(
        str(path), "--unit", "JB", "--period", "2019Q1", "--population", "10"
    )
    assert out.splitlines()[-2:] == [
        "IKM: 75.00, mutu C (Kurang Baik)",
        "Sampel cukup: 10 responden, minimum 10 (Krejcie–Morgan) untuk populasi 10.",
    ]


def test_command_with_another_set(org, tmp_path):
    path = tmp_path / "dki.csv"
    path.write_bytes(answers_csv(dki_set(), [[4] * 9]))
    out, __ = _run(str(path), "--unit", "JB", "--period", "2019Q1", "--set", "dki-ptsp")
    assert "IKM: 100.00, mutu A (Sangat Baik)" in out
    assert Survey.objects.get().element_set.code == "dki-ptsp"


def test_command_bad_rows_exit_non_zero_and_save_nothing(org, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(
        answers_csv(permen_set(), [[4] * 9, [4] * 8 + [5], [""] + [4] * 8])
    )
    with pytest.raises(CommandError) as caught:
        _run(str(path), "--unit", "JB-KMB", "--period", "2018Q4")
    assert str(caught.value) == "2 kesalahan; tidak ada data yang disimpan."
    assert (Survey.objects.count(), Answer.objects.count()) == (0, 0)


def test_command_reports_row_errors_on_stderr(org, tmp_path):
    from io import StringIO

    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(["persyaratan"], [[4]]))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_ikm",
            str(path),
            "--unit",
            "JB-KMB",
            "--period",
            "2018Q4",
            stderr=err,
            stdout=StringIO(),
        )
    assert err.getvalue().startswith("baris 1: kolom unsur tidak ada: prosedur")


def test_command_refuses_existing_period_without_replace(org, good_file, tmp_path):
    _run(str(good_file), "--unit", "JB-KMB", "--period", "2018Q4")
    other = tmp_path / "other.csv"
    other.write_bytes(answers_csv(permen_set(), [[1] * 9]))
    with pytest.raises(CommandError) as caught:
        _run(str(other), "--unit", "JB-KMB", "--period", "2018Q4")
    assert "Gunakan --replace" in str(caught.value)
    assert Answer.objects.count() == 36
    out, __ = _run(str(other), "--unit", "JB-KMB", "--period", "2018Q4", "--replace")
    assert "Responden: 1" in out
    assert "IKM: 25.00, mutu D (Tidak Baik)" in out
    assert (Survey.objects.count(), Answer.objects.count()) == (1, 9)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "XX", "--period", "2018Q4"], "Unit 'XX' tidak dikenal."),
        (
            ["--unit", "JB-KMB", "--period", "2018Q5"],
            "Periode '2018Q5' tidak valid; tulis tahun dan triwulan, mis. 2018Q4.",
        ),
        (
            ["--unit", "JB-KMB", "--period", "2018Q4", "--set", "nope"],
            "Kuesioner 'nope' tidak dikenal.",
        ),
    ],
)
def test_command_rejects_bad_arguments(org, good_file, args, message):
    with pytest.raises(CommandError) as caught:
        _run(str(good_file), *args)
    assert str(caught.value) == message
    assert Survey.objects.count() == 0


def test_command_missing_file(org, tmp_path):
    with pytest.raises(CommandError) as caught:
        _run(str(tmp_path / "none.csv"), "--unit", "JB-KMB", "--period", "2018Q4")
    assert str(caught.value).startswith("Berkas tidak ditemukan")


def test_command_exit_status_is_non_zero_on_errors(org, tmp_path):
    # ``manage.py`` exits with CommandError.returncode (run_from_argv).
    path = tmp_path / "bad.csv"
    path.write_bytes(answers_csv(permen_set(), [[4] * 8 + [5]]))
    with pytest.raises(CommandError) as caught:
        _run(str(path), "--unit", "JB-KMB", "--period", "2018Q4")
    assert caught.value.returncode == 1
    assert Survey.objects.count() == 0
