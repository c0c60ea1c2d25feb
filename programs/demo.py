"""Demo data: a year of BPSDM programs (every external form), Kembangan's
nominations in every state, completions with STTPP numbers (credited to the JP
ledger) and one PNS–private exchange.

Idempotent: programs are found by title, nominations by (program, employee), the
exchange by (employee, partner). Dates are relative to today.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from evaluations.rollups import due_follow_ups_of_employees, program_changes_refresh
from evaluations.selectors import PROGRAM
from people.models import Employee, User
from programs.models import Exchange, Nomination, Program
from programs.services.nominations import nomination_complete
from sosiokultural.demo import DemoContext

# title, form code, mode, start offset (days from today), length (days),
# capacity, eligible statuses, location or link
PROGRAMS = [
    (
        "Orientasi Pelayanan CPNS Angkatan I",
        "orientasi-pelayanan",
        "klasikal",
        -160,
        5,
        30,
        ["CPNS"],
        "Kampus BPSDM DKI, Jl. Abdul Muis No. 66",
    ),
    (
        "E-Learning Etika Pelayanan PTSP",
        "e-learning",
        "e-learning",
        -100,
        14,
        200,
        [],
        "https://elearning.bpsdm.jakarta.go.id/etika-pelayanan",
    ),
    (
        "Diklat Pelayanan bagi Penyandang Disabilitas Angkatan I",
        "diklat-disabilitas",
        "klasikal",
        -75,
        3,
        25,
        ["PNS", "CPNS", "PPPK"],
        "Kampus BPSDM DKI, Jl. Abdul Muis No. 66",
    ),
    (
        "Diklat Komunikasi Pelayanan Angkatan I",
        "diklat-komunikasi",
        "blended",
        -50,
        4,
        30,
        ["PNS", "CPNS", "PPPK"],
        "Kampus BPSDM DKI dan kelas daring",
    ),
    (
        "Uji Kompetensi Sosiokultural & Feedback Semester I",
        "uji-kompetensi",
        "klasikal",
        -30,
        1,
        40,
        [],
        "Assessment Center BPSDM DKI",
    ),
    (
        "Orientasi Pelayanan CPNS Angkatan II",
        "orientasi-pelayanan",
        "klasikal",
        2,
        5,
        30,
        ["CPNS"],
        "Kampus BPSDM DKI, Jl. Abdul Muis No. 66",
    ),
    (
        "E-Learning Salam, Sapa dan Komunikasi Pelayanan",
        "e-learning",
        "e-learning",
        12,
        14,
        200,
        [],
        "https://elearning.bpsdm.jakarta.go.id/komunikasi-pelayanan",
    ),
    (
        "Diklat Komunikasi Pelayanan Angkatan II",
        "diklat-komunikasi",
        "klasikal",
        25,
        4,
        3,
        ["PNS", "CPNS", "PPPK"],
        "Kampus BPSDM DKI, Jl. Abdul Muis No. 66",
    ),
    (
        "Diklat Pelayanan bagi Penyandang Disabilitas Angkatan II",
        "diklat-disabilitas",
        "klasikal",
        45,
        3,
        25,
        ["PNS", "CPNS", "PPPK"],
        "Kampus BPSDM DKI, Jl. Abdul Muis No. 66",
    ),
    (
        "Pertukaran PNS–Pegawai Swasta Angkatan Tahun Ini",
        "pertukaran-pns-swasta",
        "blended",
        60,
        180,
        5,
        ["PNS"],
        "Mitra swasta di Jakarta",
    ),
]


def _program(spec, context, today, by) -> Program:
    title, form_code, mode, offset, length, capacity, statuses, where = spec
    program = Program.objects.filter(title=title).first()
    if program is not None:
        return program
    form = context.forms[form_code]
    starts = today + timedelta(days=offset)
    ends = starts + timedelta(days=length - 1)
    opens = starts - timedelta(days=30)
    closes = starts - timedelta(days=3) if offset > 5 else starts - timedelta(days=1)
    program = Program.objects.create(
        title=title,
        form=form,
        mode=mode,
        description=form.description,
        starts_on=starts,
        ends_on=ends,
        jp=form.default_jp or Decimal(10),
        capacity=capacity,
        registration_opens_on=opens,
        registration_closes_on=min(closes, ends),
        eligible_statuses=statuses,
        location="" if where.startswith("http") else where,
        link=where if where.startswith("http") else "",
        created_by=by,
    )
    program.dimensions.set(form.dimensions.all())
    return program


def _nominate(program, employee, state, head, reason, dimension, **extra):
    existing = Nomination.objects.filter(program=program, employee=employee).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    values = {
        "program": program,
        "employee": employee,
        "state": state,
        "reason": reason,
        "dimension": dimension,
        "created_by": head if state != "requested" else employee.user,
    }
    if state in {"approved", "rejected", "waitlisted"}:
        values.update(decided_at=now)
    if state == "waitlisted":
        values["waitlisted_at"] = now
    if state == "withdrawn":
        values["withdrawn_at"] = now
    values.update(extra)
    return Nomination.objects.create(**values), True


def seed(out, context: DemoContext) -> None:
    today = timezone.localdate()
    bpsdm = User.objects.filter(role=User.Role.BPSDM).order_by("pk").first()
    head_user = User.objects.filter(username="kepala.kembangan").first()
    dims = context.dimensions
    programs = [_program(spec, context, today, bpsdm) for spec in PROGRAMS]
    by_title = {p.title: p for p in programs}
    people = context.people
    kmb = Employee.objects.filter(unit__code__startswith="JB-KMB", is_active=True)
    asn = list(kmb.exclude(employment_status="NON_ASN").order_by("pk"))
    cpns = [e for e in asn if e.employment_status == "CPNS"]
    cros = people["JB-KMB:cro"]
    teknis = people["JB-KMB:staf-teknis"]

    gap = "Gap pada dimensi ini menurut hasil uji kompetensi terakhir."
    # Past programs: approved participants with recorded outcomes.
    past = [
        ("Orientasi Pelayanan CPNS Angkatan I", cpns, "kepekaan-disabilitas"),
        ("E-Learning Etika Pelayanan PTSP", cros + teknis[:2], "empati-sosial"),
        (
            "Diklat Pelayanan bagi Penyandang Disabilitas Angkatan I",
            teknis[2:5],
            "kepekaan-disabilitas",
        ),
        ("Diklat Komunikasi Pelayanan Angkatan I", cros[:3], "manajemen-konflik"),
        (
            "Uji Kompetensi Sosiokultural & Feedback Semester I",
            asn[:8],
            "jejaring-sosial",
        ),
    ]
    serial = 0
    for title, employees, dim in past:
        program = by_title[title]
        for index, employee in enumerate(employees):
            serial += 1
            nomination, created = _nominate(
                program, employee, "approved", head_user, gap, dims[dim]
            )
            if not created or bpsdm is None:
                continue
            completed = index % 5 != 4  # every fifth participant did not finish
            nomination_complete(
                nomination=nomination,
                by=bpsdm,
                outcome="completed" if completed else "not_completed",
                attendance_percent=100 if completed else 60,
                score=Decimal(78 + (serial * 7) % 20) if completed else None,
                certificate_number=(
                    f"STTPP/{program.ends_on:%Y}/BPSDM-DKI/{serial:04d}"
                    if completed
                    else ""
                ),
                today=today,
            )

    # Upcoming programs: Kembangan's nominations across every state.
    komunikasi = by_title["Diklat Komunikasi Pelayanan Angkatan II"]  # 3 seats
    upcoming = [
        (komunikasi, teknis[0], "approved", {}),
        (komunikasi, teknis[1], "approved", {}),
        (komunikasi, cros[0], "approved", {}),
        (komunikasi, cros[1], "waitlisted", {}),
        (komunikasi, cros[2], "nominated", {}),
        (
            komunikasi,
            teknis[2],
            "rejected",
            {"decision_note": "Sudah mengikuti Diklat Komunikasi angkatan I."},
        ),
        (
            by_title["E-Learning Salam, Sapa dan Komunikasi Pelayanan"],
            cros[3],
            "requested",
            {},
        ),
        (
            by_title["E-Learning Salam, Sapa dan Komunikasi Pelayanan"],
            cros[4],
            "withdrawn",
            {},
        ),
        (
            by_title["Diklat Pelayanan bagi Penyandang Disabilitas Angkatan II"],
            teknis[5],
            "nominated",
            {},
        ),
    ]
    if cpns:
        upcoming.append(
            (by_title["Orientasi Pelayanan CPNS Angkatan II"], cpns[0], "approved", {})
        )
    for program, employee, state, extra in upcoming:
        if state in {"approved", "rejected", "waitlisted"}:
            extra = {**extra, "decided_by": bpsdm}
        _nominate(
            program,
            employee,
            state,
            head_user,
            "Usulan kepala unit: gap pada komunikasi dan manajemen konflik."
            if state != "requested"
            else "Saya ingin memperkuat komunikasi dengan pemohon.",
            dims["manajemen-konflik"],
            **extra,
        )

    # The nominations above are written directly: the effectiveness report's
    # roll-up of the programs' participants is rewritten once for them, and the
    # follow-up queue's due follow-ups on their end days in the nominees' units.
    program_changes_refresh(program_ids=[p.pk for p in programs])
    due_follow_ups_of_employees(
        employee_ids=Nomination.objects.filter(program__in=programs).values_list(
            "employee_id", flat=True
        ),
        kind=PROGRAM,
        days={p.ends_on for p in programs},
    )

    exchange_employee = teknis[1]
    Exchange.objects.get_or_create(
        employee=exchange_employee,
        partner="PT Mitra Layanan Nusantara",
        defaults={
            "starts_on": today - timedelta(days=200),
            "ends_on": today + timedelta(days=160),
            "learning_report": (
                "Bulan 1–6: mempelajari standar layanan pelanggan, penanganan keluhan "
                "dan pengukuran kepuasan di perusahaan mitra; praktik yang dapat "
                "diterapkan di UPPTSP: antrean daring dan umpan balik harian."
            ),
            "created_by": bpsdm,
        },
    )
    out.write(f"Program BPSDM: {len(programs)} program, usulan Kembangan dimuat.")
