"""Demo data: the Jakarta Barat → Kembangan tree and its 37 people (paper, Table 1).

Idempotent: every row is looked up by a natural key first, so a second run changes
nothing.
"""

from datetime import date, timedelta

from django.utils import timezone

from people.models import Employee, Unit, User
from people.reference import position_types_load
from people.services import unit_create
from sosiokultural.demo import DemoContext

DEMO_PASSWORD = "demo-sosiokultural"  # noqa: S105 - printed for the demo logins

UNITS = [
    # code, name, kind, parent code
    ("DKI", "DPMPTSP Provinsi DKI Jakarta", "provinsi", None),
    ("BPSDM-DKI", "BPSDM Provinsi DKI Jakarta", "bpsdm", None),
    ("JB", "UPPTSP Kota Administrasi Jakarta Barat", "kota", "DKI"),
    ("JB-KMB", "UPPTSP Kecamatan Kembangan", "kecamatan", "JB"),
    ("JB-KMB-KS", "UP PTSP Kelurahan Kembangan Selatan", "kelurahan", "JB-KMB"),
    ("JB-KMB-KU", "UP PTSP Kelurahan Kembangan Utara", "kelurahan", "JB-KMB"),
    ("JB-KMB-MS", "UP PTSP Kelurahan Meruya Selatan", "kelurahan", "JB-KMB"),
    ("JB-KMB-MU", "UP PTSP Kelurahan Meruya Utara", "kelurahan", "JB-KMB"),
    ("JB-KMB-SR", "UP PTSP Kelurahan Srengseng", "kelurahan", "JB-KMB"),
    ("JB-KMB-JG", "UP PTSP Kelurahan Joglo", "kelurahan", "JB-KMB"),
]

KELURAHAN = [
    "JB-KMB-KS",
    "JB-KMB-KU",
    "JB-KMB-MS",
    "JB-KMB-MU",
    "JB-KMB-SR",
    "JB-KMB-JG",
]

# Table 1 of the paper: 7 Ka Unit, 1 Ka. Subag, 12 Staf Teknis, 4 AJIB, 5 CRO, 8 PHL.
# The kecamatan office holds most of them; each kelurahan has a head, a technical
# officer and a PHL.
STAFF_PLAN = (
    [
        ("JB-KMB", "kepala-unit", 1),
        ("JB-KMB", "kepala-subbagian", 1),
        ("JB-KMB", "staf-teknis", 6),
        ("JB-KMB", "ajib", 4),
        ("JB-KMB", "cro", 5),
        ("JB-KMB", "phl", 2),
    ]
    + [(code, "kepala-unit", 1) for code in KELURAHAN]
    + [(code, "staf-teknis", 1) for code in KELURAHAN]
    + [(code, "phl", 1) for code in KELURAHAN]
)

FIRST_NAMES = [
    ("Ahmad", "L"),
    ("Siti", "P"),
    ("Budi", "L"),
    ("Dewi", "P"),
    ("Rizky", "L"),
    ("Nurul", "P"),
    ("Agus", "L"),
    ("Rina", "P"),
    ("Hendra", "L"),
    ("Maya", "P"),
    ("Yusuf", "L"),
    ("Fitri", "P"),
    ("Dimas", "L"),
    ("Ayu", "P"),
    ("Fajar", "L"),
    ("Lestari", "P"),
    ("Bayu", "L"),
    ("Indah", "P"),
    ("Rudi", "L"),
    ("Wulan", "P"),
    ("Eko", "L"),
    ("Ratna", "P"),
    ("Teguh", "L"),
    ("Sari", "P"),
    ("Arif", "L"),
    ("Putri", "P"),
    ("Joko", "L"),
    ("Melati", "P"),
    ("Andi", "L"),
    ("Yuni", "P"),
    ("Hadi", "L"),
    ("Kartika", "P"),
    ("Irfan", "L"),
    ("Anisa", "P"),
    ("Wahyu", "L"),
    ("Diah", "P"),
    ("Samsul", "L"),
]
LAST_NAMES = [
    "Saputra",
    "Rahmawati",
    "Santoso",
    "Lestari",
    "Pratama",
    "Hidayah",
    "Wijaya",
    "Susanti",
    "Gunawan",
    "Sari",
    "Hakim",
    "Handayani",
    "Nugroho",
    "Permata",
    "Ramadhan",
    "Wulandari",
    "Setiawan",
    "Puspita",
    "Hartono",
    "Anggraini",
]


def demo_nip(index: int, gender: str, status: str) -> str | None:
    """A valid, deterministic NIP for demo person ``index`` (unique per index: the
    serial cycles through 001–999 and the birth year moves on every 999)."""
    if status == "NON_ASN":
        return None
    birth = date(1960 + (index // 999) % 40, 1 + index % 12, 1 + index % 28)
    gender_digit = "1" if gender == "L" else "2"
    serial = f"{index % 999 + 1:03d}"
    if status == "PPPK":
        return f"{birth:%Y%m%d}{2022 + index % 3}2{1 + index % 3}{gender_digit}{serial}"
    appointed = date(birth.year + 23, 1 + (index * 5) % 12, 1)
    return f"{birth:%Y%m%d}{appointed:%Y%m}{gender_digit}{serial}"


def _status_for(position: str, index: int) -> str:
    if position == "phl":
        return "NON_ASN"
    if position in {"cro", "ajib"} and index % 4 == 3:
        return "PPPK"
    if position == "staf-teknis" and index % 6 == 5:
        return "CPNS"
    return "PNS"


def seed(out, context: DemoContext) -> None:
    positions = position_types_load()
    units = {}
    for code, name, kind, parent in UNITS:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            unit = unit_create(
                code=code, name=name, kind=kind, parent=units.get(parent)
            )
        units[code] = unit

    index = 0
    people: dict[str, list[Employee]] = {}
    for unit_code, position, count in STAFF_PLAN:
        for __ in range(count):
            first, gender = FIRST_NAMES[index % len(FIRST_NAMES)]
            name = f"{first} {LAST_NAMES[index % len(LAST_NAMES)]}"
            status = _status_for(position, index)
            nip = demo_nip(index, gender, status)
            unit = units[unit_code]
            lookup = {"nip": nip} if nip else {"name": name, "unit": unit}
            # CROs rotate yearly; two were placed recently (the coaching flag).
            if position == "cro" and index % 2 == 0:
                placed = timezone.localdate() - timedelta(days=40)
            else:
                placed = date(2015 + index % 9, 1 + index % 12, 1)
            employee, __ = Employee.objects.get_or_create(
                **lookup,
                defaults={
                    "name": name,
                    "unit": unit,
                    "position_type": positions[position],
                    "employment_status": status,
                    "gender": gender,
                    "placed_on": placed,
                    "email": f"{first.lower()}.{index + 1}@pegawai.example.id",
                },
            )
            people.setdefault(f"{unit_code}:{position}", []).append(employee)
            index += 1

    logins = [
        ("admin", User.Role.ADMIN, None, "Administrator aplikasi"),
        ("bpsdm", User.Role.BPSDM, None, "Admin BPSDM Provinsi DKI Jakarta"),
        ("inspektorat", User.Role.INSPECTOR, None, "Inspektorat Provinsi DKI Jakarta"),
        ("kepala.kembangan", User.Role.HEAD, people["JB-KMB:kepala-unit"][0], None),
        (
            "kepala.meruyautara",
            User.Role.HEAD,
            people["JB-KMB-MU:kepala-unit"][0],
            None,
        ),
        ("pegawai.cro", User.Role.STAFF, people["JB-KMB:cro"][0], None),
        ("pegawai.teknis", User.Role.STAFF, people["JB-KMB-MU:staf-teknis"][0], None),
    ]
    credentials = []
    for username, role, employee, label in logins:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                role=role,
                first_name=(employee.name if employee else label)[:150],
                email=employee.email if employee else f"{username}@example.id",
                is_staff=role == User.Role.ADMIN,
                is_superuser=role == User.Role.ADMIN,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        if employee is not None and employee.user_id is None:
            employee.user = user
            employee.save(update_fields=["user"])
        credentials.append(
            (username, user.get_role_display(), str(employee.unit) if employee else "-")
        )
    context.units, context.positions = units, positions
    context.people, context.logins = people, credentials
