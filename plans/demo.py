"""Demo data: this year's development plans of a few Kembangan employees.

Idempotent: plans are looked up by (employee, year) and items by (plan,
dimension, form), so a second run creates nothing. Items are planned on
2 January, so the demo's verified activities and completed programs of this year
mark them done through the same rule as real data.
"""

from datetime import date

from django.utils import timezone

from people.models import User
from plans.models import DevelopmentPlan, PlanItem
from sosiokultural.demo import DemoContext

HEAD_LOGIN = "kepala.kembangan"
# (people key, index, [(dimension code, form code, target month, note)])
PLANS = [
    (
        "JB-KMB:cro",
        0,
        [
            ("empati-sosial", "coaching", 3, "Coaching CRO baru di meja informasi"),
            ("manajemen-konflik", "briefing", 6, "Evaluasi pengaduan mingguan"),
            ("jejaring-sosial", "e-learning", 9, "E-learning komunikasi pelayanan"),
        ],
    ),
    (
        "JB-KMB:staf-teknis",
        0,
        [
            ("keragaman-budaya", "briefing", 4, "Briefing SETIA setiap pagi"),
            ("kepekaan-disabilitas", "diklat-disabilitas", 10, ""),
        ],
    ),
    (
        "JB-KMB:staf-teknis",
        1,
        [
            ("kepekaan-gender", "gathering", 8, "Gathering unit"),
            ("empati-sosial", "pengembangan-diri", 11, "Mempelajari kasus pelayanan"),
        ],
    ),
    (
        "JB-KMB-MU:staf-teknis",
        0,
        [
            ("manajemen-konflik", "pendekatan-personal", 5, ""),
            ("keragaman-budaya", "orientasi-pelayanan", 12, ""),
        ],
    ),
]


def seed(out, context: DemoContext) -> None:
    people, dims, forms = context.people, context.dimensions, context.forms
    if not people or not dims or not forms:
        return
    year = timezone.localdate().year
    planned_on = date(year, 1, 2)
    head = User.objects.filter(username=HEAD_LOGIN).first()
    created = 0
    for key, index, items in PLANS:
        employees = people.get(key) or []
        if len(employees) <= index:
            continue
        plan, __ = DevelopmentPlan.objects.get_or_create(
            employee=employees[index], year=year, defaults={"created_by": head}
        )
        for dim_code, form_code, month, note in items:
            if dim_code not in dims or form_code not in forms:
                continue
            __, made = PlanItem.objects.get_or_create(
                plan=plan,
                dimension=dims[dim_code],
                form=forms[form_code],
                defaults={
                    "target_date": date(year, month, 28),
                    "note": note,
                    "created_on": planned_on,
                    "created_by": head,
                },
            )
            created += made
    out.write(f"plans: {created} butir rencana pengembangan dibuat\n")
