import pytest

from people.nip import nip_errors


@pytest.mark.parametrize(
    ("nip", "status", "gender"),
    [
        ("196608011988031001", "PNS", "L"),  # the example of Perka BKN 22/2007
        ("197512312001122002", "PNS", "P"),
        ("199802142023031001", "CPNS", "L"),
        ("200012312024211001", "PPPK", "L"),  # PPPK layout
        ("198805052022292015", "PPPK", "P"),
    ],
)
def test_nip_valid(nip, status, gender):
    assert nip_errors(nip, status=status, gender=gender) == []


@pytest.mark.parametrize(
    ("nip", "status", "gender", "expected"),
    [
        ("", "PNS", "L", "NIP wajib diisi untuk PNS, CPNS, dan PPPK."),
        ("19660801198803100", "PNS", "L", "NIP harus terdiri dari tepat 18 angka."),
        ("1966080119880310011", "PNS", "L", "NIP harus terdiri dari tepat 18 angka."),
        ("19660801198803100A", "PNS", "L", "NIP harus terdiri dari tepat 18 angka."),
        (
            "196602301988031001",
            "PNS",
            "L",
            "Delapan angka pertama NIP (19660230) bukan tanggal lahir yang valid.",
        ),
        (
            "196608011988131001",
            "PNS",
            "L",
            "Angka ke-9 sampai ke-14 NIP (198813) bukan bulan pengangkatan CPNS "
            "yang valid (TTTTBB).",
        ),
        (
            "196608011988033001",
            "PNS",
            "L",
            "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.",
        ),
        (
            "196608011988031001",
            "PNS",
            "P",
            "Angka jenis kelamin pada NIP (1) tidak sesuai dengan jenis kelamin "
            "pegawai.",
        ),
        (
            "196608011988031000",
            "PNS",
            "L",
            "Nomor urut NIP (tiga angka terakhir) tidak boleh 000.",
        ),
        (
            "196608011975031001",
            "PNS",
            "L",
            "Tahun pengangkatan CPNS terlalu dekat dengan tahun lahir.",
        ),
        ("200012312024111001", "PPPK", "L", "Angka ke-13 NIP PPPK harus 2."),
        (
            "200012312024201001",
            "PPPK",
            "L",
            "Angka ke-14 NIP PPPK (urutan kontrak) harus 1–9.",
        ),
        (
            "196608011988031001",
            "NON_ASN",
            "L",
            "Pegawai non-ASN (PHL) tidak memiliki NIP; kosongkan kolom NIP.",
        ),
    ],
)
def test_nip_invalid(nip, status, gender, expected):
    assert nip_errors(nip, status=status, gender=gender) == [expected]


def test_nip_pppk_number_is_not_a_pns_number():
    # Month "21" is no appointment month: a PPPK number fails the PNS layout ...
    assert nip_errors("200012312024211001", status="PNS", gender="L") != []
    # ... but passes as PPPK.
    assert nip_errors("200012312024211001", status="PPPK", gender="L") == []


def test_nip_non_asn_without_number_is_valid():
    assert nip_errors("", status="NON_ASN", gender="P") == []


def test_nip_errors_in_english(settings):
    from django.utils import translation

    with translation.override("en"):
        assert nip_errors("123", status="PNS") == ["The NIP must be exactly 18 digits."]
