"""NIP (Nomor Induk Pegawai) rules as pure functions.

PNS and CPNS (Perka BKN 22/2007), 18 digits:
    YYYYMMDD birth date · YYYYMM CPNS appointment · gender (1 male, 2 female)
    · 3-digit serial
    e.g. 196608011988031001
PPPK, 18 digits:
    YYYYMMDD birth date · YYYY appointment year · "2" · contract count 1–9
    · gender · serial
    e.g. 200012312024211001
In both layouts the gender digit is the 15th character (index 14). Non-ASN have none.
"""

from datetime import date

from django.utils.translation import gettext as _

GENDER_DIGIT = {"L": "1", "P": "2"}


def _parse_date(year: str, month: str, day: str = "01") -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def nip_errors(nip: str, *, status: str, gender: str | None = None) -> list[str]:
    """Return every reason ``nip`` is not a valid NIP for ``status``/``gender``.

    An empty list means valid. ``status`` is one of PNS, CPNS, PPPK, NON_ASN.
    """
    nip = (nip or "").strip()
    if status == "NON_ASN":
        if nip:
            return [_("Pegawai non-ASN (PHL) tidak memiliki NIP; kosongkan kolom NIP.")]
        return []
    if not nip:
        return [_("NIP wajib diisi untuk PNS, CPNS, dan PPPK.")]
    if not nip.isdigit() or len(nip) != 18:
        return [_("NIP harus terdiri dari tepat 18 angka.")]

    errors: list[str] = []
    birth = _parse_date(nip[0:4], nip[4:6], nip[6:8])
    if birth is None:
        errors.append(
            _("Delapan angka pertama NIP (%(part)s) bukan tanggal lahir yang valid.")
            % {"part": nip[0:8]}
        )
    if status == "PPPK":
        appointment_year = int(nip[8:12])
        if nip[12] != "2":
            errors.append(_("Angka ke-13 NIP PPPK harus 2."))
        if nip[13] == "0":
            errors.append(_("Angka ke-14 NIP PPPK (urutan kontrak) harus 1–9."))
        if birth and not (birth.year + 15 <= appointment_year <= 2100):
            errors.append(
                _("Tahun pengangkatan PPPK (%(year)s) tidak masuk akal.")
                % {"year": nip[8:12]}
            )
    else:
        appointment = _parse_date(nip[8:12], nip[12:14])
        if appointment is None:
            errors.append(
                _(
                    "Angka ke-9 sampai ke-14 NIP (%(part)s) bukan bulan pengangkatan "
                    "CPNS yang valid (TTTTBB)."
                )
                % {"part": nip[8:14]}
            )
        elif birth and appointment.year < birth.year + 15:
            errors.append(
                _("Tahun pengangkatan CPNS terlalu dekat dengan tahun lahir.")
            )
    digit = nip[14]
    if digit not in {"1", "2"}:
        errors.append(_("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2."))
    elif gender and GENDER_DIGIT.get(gender) != digit:
        errors.append(
            _(
                "Angka jenis kelamin pada NIP (%(digit)s) tidak sesuai dengan jenis "
                "kelamin pegawai."
            )
            % {"digit": digit}
        )
    if nip[15:18] == "000":
        errors.append(_("Nomor urut NIP (tiga angka terakhir) tidak boleh 000."))
    return errors
