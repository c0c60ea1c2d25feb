"""Demo data: the starter item bank, a published instrument, two released test
rounds over the last year for the Kembangan staff (so gap reports have data),
and one round open now for the Meruya Utara unit and the demo logins.

Idempotent (items by code, the instrument by code and version, windows by title)
and deterministic (answers drawn from a random generator seeded per employee).
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from assessments.models import (
    Answer,
    Attempt,
    Instrument,
    Item,
    Result,
    TestWindow,
)
from assessments.services import (
    attempt_start,
    attempt_submit,
    instrument_create,
    instrument_publish,
    instrument_set_items,
    item_create,
    result_release,
    supervisor_ratings_set,
    window_create,
)
from assessments.services.bank import OptionData
from assessments.starter_bank import LIKERT, PERSONALITY, SITUATIONAL
from notices.models import Notice
from people.models import User
from sosiokultural.demo import DemoContext

INSTRUMENT_CODE = "sosiokultural-ptsp"
ROUNDS = [
    # title, days before today the window opened, mean improvement of the round
    ("Uji kompetensi sosiokultural putaran 1", 330, 0.0),
    ("Uji kompetensi sosiokultural putaran 2", 120, 0.35),
]
OPEN_ROUND = "Uji kompetensi sosiokultural putaran 3 (berjalan)"


def starter_bank_load(dimensions: dict) -> list[Item]:
    """Create the starter items that do not exist yet; return all of them in
    test order (per dimension: situational, then Likert; personality last)."""
    items = []
    for code, dimension, stem, stem_en, options in SITUATIONAL:
        items.append(
            Item.objects.filter(code=code).first()
            or item_create(
                code=code,
                kind=Item.Kind.SITUATIONAL,
                stem=stem,
                stem_en=stem_en,
                dimension=dimensions[dimension],
                options=[OptionData(text=t, text_en=e, score=s) for t, e, s in options],
            )
        )
    for code, dimension, stem, stem_en, reverse in LIKERT:
        items.append(
            Item.objects.filter(code=code).first()
            or item_create(
                code=code,
                kind=Item.Kind.LIKERT,
                stem=stem,
                stem_en=stem_en,
                dimension=dimensions[dimension],
                reverse_keyed=reverse,
            )
        )
    for code, trait, stem, stem_en, reverse in PERSONALITY:
        items.append(
            Item.objects.filter(code=code).first()
            or item_create(
                code=code,
                kind=Item.Kind.PERSONALITY,
                stem=stem,
                stem_en=stem_en,
                trait=trait,
                reverse_keyed=reverse,
            )
        )

    def order(item: Item):
        number = item.dimension.number if item.dimension_id else 99
        return (number, item.kind != Item.Kind.SITUATIONAL, item.code)

    return sorted(items, key=order)


def starter_instrument(items: list[Item], by: User | None) -> Instrument:
    instrument = Instrument.objects.filter(code=INSTRUMENT_CODE, version=1).first()
    if instrument is None:
        instrument = instrument_create(
            code=INSTRUMENT_CODE,
            name="Uji Kompetensi Sosiokultural PTSP",
            name_en="PTSP sociocultural competency test",
            description=(
                "Bacalah setiap situasi pelayanan dan pilih tindakan yang paling "
                "mungkin Anda lakukan. Untuk pernyataan, pilih seberapa setuju "
                "Anda. Tidak ada jawaban benar atau salah pada bagian kepribadian."
            ),
            description_en=(
                "Read each service situation and choose what you would most likely "
                "do. For statements, choose how much you agree. The personality "
                "part has no right or wrong answers."
            ),
            time_limit_minutes=45,
            test_weight=70,
            by=by,
        )
        instrument_set_items(instrument=instrument, items=items)
    if instrument.status == Instrument.Status.DRAFT:
        instrument = instrument_publish(instrument=instrument, by=by)
    return instrument


def _answers(attempt: Attempt, items: list[Item], rng: random.Random, lift: float):
    """Answers drawn around a per-employee, per-dimension ability (1–5)."""
    ability = {}
    answers = []
    for item in items:
        key = item.dimension_id or item.trait
        if key not in ability:
            ability[key] = rng.uniform(1.8, 4.4) + lift
        wanted = max(1, min(5, round(ability[key] + rng.gauss(0, 0.7))))
        if item.uses_options:
            options = list(item.options.all())
            option = min(options, key=lambda o: (abs(o.score - wanted), o.order))
            answers.append(
                Answer(attempt=attempt, item=item, value=option.order, option=option)
            )
        else:
            value = 6 - wanted if item.reverse_keyed else wanted
            answers.append(Answer(attempt=attempt, item=item, value=value))
    return answers


def _round(title, opens, lift, instrument, items, employees, bpsdm, head, out):
    if TestWindow.objects.filter(title=title).exists():
        return
    window = window_create(
        instrument=instrument,
        title=title,
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        employees=employees,
        by=bpsdm,
    )
    released_at = window.closes_at + timedelta(days=3)
    for attempt in window.attempts.select_related("employee").order_by("pk"):
        employee = attempt.employee
        rng = random.Random(f"{employee.nip or employee.name}|{title}")
        started = opens + timedelta(days=rng.randint(0, 10), hours=rng.randint(1, 6))
        attempt_start(attempt=attempt, now=started)
        Answer.objects.bulk_create(_answers(attempt, items, rng, lift))
        rated = head is not None and lift and rng.random() < 0.5
        if rated and employee.user_id != head.pk:
            # The kecamatan head rated some staff as a second source (never his
            # own attempt: nobody rates themselves).
            supervisor_ratings_set(
                attempt=attempt,
                ratings={
                    item.dimension_id: rng.randint(2, 4)
                    for item in items
                    if item.dimension_id
                },
                by=head,
            )
        result = attempt_submit(
            attempt=attempt, now=started + timedelta(minutes=rng.randint(20, 40))
        )
        result_release(result=result, by=bpsdm)
    results = Result.objects.filter(attempt__window=window)
    results.update(released_at=released_at)
    # Historical feedback was delivered at the time: no e-mails from the seed.
    Notice.objects.filter(
        kind="assessment_result",
        link__in=[f"/uji/hasil/{pk}/" for pk in results.values_list("pk", flat=True)],
    ).update(
        status=Notice.Status.DELIVERED,
        delivered_at=released_at,
        created_at=released_at,
        read_at=released_at,
    )
    out.write(f"  {title}: {results.count()} hasil dirilis")


def seed(out, context: DemoContext) -> None:
    items = starter_bank_load(context.dimensions)
    bpsdm = User.objects.filter(username="bpsdm").first()
    head = User.objects.filter(username="kepala.kembangan").first()
    instrument = starter_instrument(items, bpsdm)
    if bpsdm is None:
        return
    kembangan = sorted(
        (
            employee
            for key, employees in context.people.items()
            if key.startswith("JB-KMB")
            for employee in employees
            if employee.is_active
        ),
        key=lambda e: e.pk,
    )
    today = timezone.localdate()
    for title, days_ago, lift in ROUNDS:
        opens = timezone.make_aware(
            datetime.combine(today - timedelta(days=days_ago), time(8, 0))
        )
        _round(title, opens, lift, instrument, items, kembangan, bpsdm, head, out)
    if not TestWindow.objects.filter(title=OPEN_ROUND).exists():
        participants = [
            e
            for e in kembangan
            if e.unit.code == "JB-KMB-MU"
            or (e.user_id and e.user.role == User.Role.STAFF)
        ]
        opens = timezone.make_aware(datetime.combine(today, time(0, 0)))
        window_create(
            instrument=instrument,
            title=OPEN_ROUND,
            opens_at=opens,
            closes_at=opens + timedelta(days=21),
            employees=participants,
            by=bpsdm,
        )
