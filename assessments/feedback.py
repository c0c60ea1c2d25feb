"""Feedback of a released result: level per dimension, the gap to the required
level, and the development forms the matrix recommends for dimensions with a gap
(paper, Tables 4 and 5). Used by the result page and by the feedback notices."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import DimensionResult, Result
from competencies.gaps import gap
from competencies.models import DevelopmentForm, Dimension
from competencies.selectors import forms_for_dimension, required_levels
from notices.services import notices_create
from people.models import Employee, User
from people.selectors import heads_over_unit, heads_over_units
from sosiokultural.formatting import day

NOTICE_KIND = "assessment_result"
NOTICE_KIND_RESCORE = "assessment_rescore"


@dataclass
class DimensionFeedback:
    dimension: Dimension
    level: int | None  # None: fewer answers than the minimum (bukti belum cukup)
    required: int | None
    gap: int | None
    test_score: object = None
    supervisor_rating: int | None = None
    score: object = None
    answered: int = 0
    items: int = 0
    min_answered: int = 0
    internal_forms: list[DevelopmentForm] = field(default_factory=list)
    external_forms: list[DevelopmentForm] = field(default_factory=list)

    @property
    def sufficient(self) -> bool:
        return self.level is not None

    @property
    def meets(self) -> bool:
        """Meets the standard: a level (never without one) and no gap."""
        return self.level is not None and self.gap == 0


@dataclass(frozen=True)
class FeedbackSummary:
    """Which dimensions have a level, and of those which meet the standard."""

    with_level: list[DimensionFeedback]
    without_level: list[DimensionFeedback]
    with_gap: list[DimensionFeedback]
    without_requirement: list[DimensionFeedback]

    @property
    def all_meet(self) -> bool:
        """Every dimension has a level and none has a gap."""
        return bool(self.with_level) and not (
            self.without_level or self.with_gap or self.without_requirement
        )


def feedback_summary(rows: list[DimensionFeedback]) -> FeedbackSummary:
    with_level = [row for row in rows if row.sufficient]
    return FeedbackSummary(
        with_level=with_level,
        without_level=[row for row in rows if not row.sufficient],
        with_gap=[row for row in with_level if row.gap],
        without_requirement=[row for row in with_level if row.required is None],
    )


def summary_lines(summary: FeedbackSummary) -> list[str]:
    """The summary sentences of the result page and the notices: exactly which
    dimensions have a level, which lack evidence, and whether all meet the
    standard (only when every dimension has a level)."""
    lines = []
    if summary.all_meet:
        lines.append(_("Semua dimensi memenuhi level yang dipersyaratkan."))
        return lines
    if summary.with_level:
        lines.append(
            _("Dimensi dengan level: %(names)s.")
            % {"names": _labels(summary.with_level)}
        )
    else:
        lines.append(_("Belum ada dimensi dengan level."))
    if summary.without_level:
        lines.append(
            _(
                "Bukti belum cukup (butir yang dijawab kurang dari minimal; tanpa "
                "level, tidak dihitung memenuhi standar): %(names)s."
            )
            % {"names": _labels(summary.without_level)}
        )
    meeting = [row for row in summary.with_level if row.meets]
    if meeting:
        lines.append(
            _("Memenuhi level yang dipersyaratkan: %(names)s.")
            % {"names": _labels(meeting)}
        )
    return lines


def _labels(rows: list[DimensionFeedback]) -> str:
    return ", ".join(row.dimension.label for row in rows)


def result_feedback(result: Result) -> list[DimensionFeedback]:
    """Per dimension of ``result``: level, required level on the test date, gap,
    and (for a gap > 0) the recommended internal and external forms."""
    rows = result.dimension_results.select_related("dimension").order_by(
        "dimension__number"
    )
    return _feedback(
        result, rows, required_levels(result.assessed_on), _forms_of_dimension({})
    )


def _forms_of_dimension(cache: dict[int, list[DevelopmentForm]]):
    """``forms_for_dimension`` read once per dimension (a batch shares it)."""

    def forms_of(dimension_id: int) -> list[DevelopmentForm]:
        if dimension_id not in cache:
            cache[dimension_id] = list(forms_for_dimension(dimension_id))
        return cache[dimension_id]

    return forms_of


def _feedback(result: Result, dimension_rows, required, forms_of):
    position_id = result.employee.position_type_id
    rows = []
    for row in dimension_rows:
        needed = required.get((position_id, row.dimension_id))
        feedback = DimensionFeedback(
            dimension=row.dimension,
            level=row.level,
            required=needed,
            gap=gap(needed, row.level),
            test_score=row.test_score,
            supervisor_rating=row.supervisor_rating,
            score=row.score,
            answered=row.answered,
            items=row.items,
            min_answered=row.min_answered,
        )
        if feedback.gap:
            for form in forms_of(row.dimension_id):
                if form.provider == DevelopmentForm.Provider.INTERNAL:
                    feedback.internal_forms.append(form)
                else:
                    feedback.external_forms.append(form)
        rows.append(feedback)
    return rows


def feedback_recipients(
    employee: Employee, *, heads: list[User] | None = None
) -> list[tuple[User, bool]]:
    """(user, is_head) pairs: the employee's own login (if any, active) and every
    active unit head whose unit is the employee's unit or one of its ancestors
    (``heads``: those heads, already read for a batch)."""
    recipients: list[tuple[User, bool]] = []
    own = employee.user if employee.user_id else None
    if own is not None and own.is_active:
        recipients.append((own, False))
    if heads is None:
        heads = list(heads_over_unit(employee.unit))
    recipients.extend(
        (head, True) for head in heads if head.pk != (employee.user_id or 0)
    )
    return recipients


def _names(forms: list[DevelopmentForm]) -> str:
    return ", ".join(form.label for form in forms) or "—"


def _body(result: Result, rows: list[DimensionFeedback], *, for_head: bool) -> str:
    employee = result.employee
    if for_head:
        opening = _(
            "Hasil uji kompetensi sosiokultural %(name)s (%(unit)s) tanggal "
            "%(date)s telah dirilis."
        ) % {
            "name": employee.name,
            "unit": employee.unit.name,
            "date": day(result.assessed_on),
        }
    else:
        opening = _(
            "Hasil uji kompetensi sosiokultural Anda tanggal %(date)s telah dirilis."
        ) % {"date": day(result.assessed_on)}
    if result.revision:
        opening += " " + _(
            "Hasil ini dikoreksi melalui skor ulang (revisi %(revision)s)."
        ) % {"revision": result.revision}
    lines = [opening, "", _("Level per dimensi:")]
    for row in rows:
        if not row.sufficient:
            lines.append(
                _(
                    "- %(dimension)s: bukti belum cukup (%(answered)s dari "
                    "%(items)s butir dijawab, minimal %(minimum)s); tanpa level"
                )
                % {
                    "dimension": row.dimension.label,
                    "answered": row.answered,
                    "items": row.items,
                    "minimum": row.min_answered,
                }
            )
        elif row.required is None:
            lines.append(
                _(
                    "- %(dimension)s: level %(level)s (level dipersyaratkan belum "
                    "ditetapkan)"
                )
                % {"dimension": row.dimension.label, "level": row.level}
            )
        else:
            lines.append(
                _(
                    "- %(dimension)s: level %(level)s; dipersyaratkan %(required)s; "
                    "kesenjangan %(gap)s"
                )
                % {
                    "dimension": row.dimension.label,
                    "level": row.level,
                    "required": row.required,
                    "gap": row.gap,
                }
            )
    with_gap = [row for row in rows if row.gap]
    lines.append("")
    if with_gap:
        lines.append(_("Rekomendasi pengembangan untuk dimensi dengan kesenjangan:"))
        for row in with_gap:
            lines.append(
                _("- %(dimension)s — internal: %(internal)s; eksternal: %(external)s")
                % {
                    "dimension": row.dimension.label,
                    "internal": _names(row.internal_forms),
                    "external": _names(row.external_forms),
                }
            )
    lines.extend(summary_lines(feedback_summary(rows)))
    return "\n".join(lines)


def notice_dedupe_key(result: Result, user: User) -> str:
    if result.revision:
        return f"result:{result.pk}:rev:{result.revision}:user:{user.pk}"
    return f"result:{result.pk}:user:{user.pk}"


def feedback_notices_create(*, result: Result) -> int:
    """Write one outbox notice per recipient, inside the caller's transaction."""
    return feedback_notices_create_many(results=[result])


def feedback_notices_create_many(*, results) -> int:
    """``feedback_notices_create`` for many results, inside the caller's
    transaction, in a bounded number of queries: the results, their dimension
    rows, the heads over their units, the standard per test date and the forms
    per dimension are each read once (``notices_create`` writes in bulk)."""
    results = list(
        Result.objects.filter(pk__in=[r.pk for r in results])
        .select_related("employee__unit", "employee__user", "employee__position_type")
        .order_by("pk")
    )
    dimension_rows: dict[int, list] = {}
    for row in (
        DimensionResult.objects.filter(result__in=results)
        .select_related("dimension")
        .order_by("result_id", "dimension__number")
    ):
        dimension_rows.setdefault(row.result_id, []).append(row)
    heads = heads_over_units({r.employee.unit for r in results})
    standards: dict = {}
    forms_of = _forms_of_dimension({})
    notices = []
    # Notices are stored text: write them in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        for result in results:
            if result.assessed_on not in standards:
                standards[result.assessed_on] = required_levels(result.assessed_on)
            rows = _feedback(
                result,
                dimension_rows.get(result.pk, []),
                standards[result.assessed_on],
                forms_of,
            )
            notices.extend(_notices(result, rows, heads[result.employee.unit_id]))
    notices_create(notices=notices)
    return len(notices)


def _notices(result: Result, rows, heads: list[User]) -> list[dict]:
    link = reverse("assessments:result_detail", args=[result.pk])
    kind = NOTICE_KIND_RESCORE if result.revision else NOTICE_KIND
    notices = []
    for user, for_head in feedback_recipients(result.employee, heads=heads):
        if for_head:
            subject = _("Hasil uji kompetensi: %(name)s") % {
                "name": result.employee.name
            }
        else:
            subject = _("Hasil uji kompetensi Anda telah dirilis")
        if result.revision:
            subject = _("Koreksi — %(subject)s") % {"subject": subject}
        notices.append(
            {
                "recipient": user,
                "kind": kind,
                "dedupe_key": notice_dedupe_key(result, user),
                "subject": subject,
                "body": _body(result, rows, for_head=for_head),
                "link": link,
            }
        )
    return notices
