"""The service-quality half of the synthetic province: an IKM survey per unit
for each of the last four quarters (most computed from respondents' answers,
some as reported scores), and, for the weak elements of past quarters, follow-up
actions and publications, so the IKM pages are measured at province scale."""

from datetime import timedelta
from decimal import Decimal

from sosiokultural.periods import Period
from surveys.models import (
    Answer,
    FollowUp,
    Publication,
    ReportedScore,
    Response,
    Survey,
)
from surveys.rollups import element_totals_rebuild
from surveys.services import default_element_set

QUARTERS = 4
RESPONDENTS = (40, 80)  # respondents per computed survey, inclusive
REPORTED_SHARE = 0.25  # surveys entered as reported scores
FOLLOWED_SHARE = 0.6  # past surveys with follow-up actions


def _last_quarters(today, count: int) -> list[Period]:
    period = Period.of(today)
    out = []
    for __ in range(count):
        out.append(period)
        period = period.previous()
    return out


def surveys_load(loader, rnd, units, employees, user, today) -> None:
    """Surveys, respondents and answers (values 1–4), reported scores, follow-ups
    and publications, written with COPY."""
    element_set = default_element_set()
    if element_set is None:  # a database without the default questionnaire
        return
    elements = list(element_set.elements.order_by("order").values_list("pk", flat=True))
    staff: dict[int, int] = {}
    for pk, unit_id, __ in employees:
        staff.setdefault(unit_id, pk)
    periods = _last_quarters(today, QUARTERS)
    plan = []  # (survey id, unit id, period, kind, respondents, quality)
    survey_ids = iter(loader.reserve_ids(Survey, len(units) * len(periods)))
    for unit in units:
        quality = rnd.uniform(2.6, 3.7)  # the unit's mean answer
        for period in periods:
            reported = rnd.random() < REPORTED_SHARE
            plan.append(
                (
                    next(survey_ids),
                    unit["id"],
                    period,
                    Survey.Kind.REPORTED if reported else Survey.Kind.RESPONSES,
                    0 if reported else rnd.randint(*RESPONDENTS),
                    quality,
                )
            )
    loader.load(
        Survey,
        (
            {
                "id": pk,
                "unit_id": unit_id,
                "year": period.year,
                "quarter": period.quarter,
                "element_set_id": element_set.pk,
                "kind": kind,
                "population": 1000,
                "reported_total": (
                    Decimal(f"{quality * 25:.2f}")
                    if kind == Survey.Kind.REPORTED
                    else None
                ),
                "reported_respondents": 120 if kind == Survey.Kind.REPORTED else None,
                "source": "BENCH",
                "created_by_id": user.pk,
            }
            for pk, unit_id, period, kind, __, quality in plan
        ),
    )
    loader.load(
        ReportedScore,
        (
            {
                "survey_id": pk,
                "element_id": element,
                "score": Decimal(
                    f"{max(25.0, min(100.0, quality * 25 + rnd.uniform(-8, 8))):.2f}"
                ),
            }
            for pk, __, __, kind, __, quality in plan
            if kind == Survey.Kind.REPORTED
            for element in elements
        ),
    )
    computed = [row for row in plan if row[3] == Survey.Kind.RESPONSES]
    response_ids = iter(loader.reserve_ids(Response, sum(r[4] for r in computed)))
    answers: list[tuple[int, float]] = []  # (response id, quality)

    def response_rows():
        for pk, __, __, __, respondents, quality in computed:
            for row in range(1, respondents + 1):
                response = next(response_ids)
                answers.append((response, quality))
                yield {
                    "id": response,
                    "survey_id": pk,
                    "row": row,
                    "gender": rnd.choice("LP"),
                    "age": rnd.randint(18, 70),
                    "education": rnd.choice(["SMA", "D3", "S1", "S2"]),
                    "service_type": rnd.choice(["Perizinan", "Non-perizinan"]),
                }

    loader.load(Response, response_rows())
    loader.load(
        Answer,
        (
            {
                "response_id": response,
                "element_id": element,
                "value": max(1, min(4, round(rnd.gauss(quality, 0.7)))),
            }
            for response, quality in answers
            for element in elements
        ),
    )
    # Follow-up of past quarters: one or two actions on a random element, owned
    # by one of the unit's employees, most done within two months; and where
    # the results were published.
    actions, publications = [], []
    for pk, unit_id, period, __, __, __ in plan:
        if period == periods[0] or unit_id not in staff:
            continue
        if rnd.random() < FOLLOWED_SHARE:
            for element in rnd.sample(elements, k=rnd.randint(1, 2)):
                done = rnd.random() < 0.7
                done_on = period.end + timedelta(days=rnd.randint(5, 60))
                actions.append(
                    {
                        "survey_id": pk,
                        "element_id": element,
                        "action": "Pembinaan petugas layanan",
                        "staff_behaviour": rnd.random() < 0.5,
                        "owner_id": staff[unit_id],
                        "due_on": period.end + timedelta(days=30),
                        "status": FollowUp.Status.DONE
                        if done
                        else FollowUp.Status.IN_PROGRESS,
                        "done_on": done_on if done and done_on <= today else None,
                        "evidence": "",
                        "created_by_id": user.pk,
                    }
                )
                if actions[-1]["done_on"] is None:
                    actions[-1]["status"] = FollowUp.Status.IN_PROGRESS
        if rnd.random() < 0.7:
            publications.append(
                {
                    "survey_id": pk,
                    "channel": rnd.choice(list(Publication.Channel.values)),
                    "published_on": period.end + timedelta(days=rnd.randint(3, 30)),
                    "location": "",
                    "created_by_id": user.pk,
                }
            )
    loader.load(FollowUp, actions)
    loader.load(Publication, publications)
    element_totals_rebuild()  # the roll-up the import service keeps
