"""Follow-up (tindak lanjut) of IKM results: the writes and reads of follow-up
actions and publications, and the PEKPPP indicators per survey
(``surveys.pekppp``, pure). Scoping is the surveys' own: a survey someone cannot
see has no follow-up for them either (``surveys.selectors``)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from surveys import pekppp
from surveys.models import FollowUp, Publication, Survey
from surveys.selectors import SurveyResult, survey_results


@dataclass
class SurveyFollowUp:
    result: SurveyResult
    weak: list  # ElementResult of the weak elements
    indicators: pekppp.Indicators
    rule = pekppp.RULE

    @property
    def channel_labels(self) -> list[str]:
        """The publication channels by name, as the follow-up page lists them."""
        names = dict(Publication.Channel.choices)
        return [str(names.get(c, c)) for c in self.indicators.channels]


def follow_up_indicators(
    surveys, *, results: dict[int, SurveyResult] | None = None
) -> dict[int, SurveyFollowUp]:
    """{survey id: its weak elements and PEKPPP indicators} for ``surveys``, in a
    fixed number of queries whatever their number (results, actions,
    publications). ``results``: the surveys' results when the caller has them
    already (``survey_results``), sparing their queries."""
    surveys = list(surveys)
    if results is None:
        results = survey_results(surveys)
    ids = [s.pk for s in surveys]
    actions: dict[int, list] = {pk: [] for pk in ids}
    for survey_id, element_id, done_on in FollowUp.objects.filter(
        survey_id__in=ids
    ).values_list("survey_id", "element_id", "done_on"):
        actions[survey_id].append((element_id, done_on))
    channels: dict[int, set] = {pk: set() for pk in ids}
    for survey_id, channel in Publication.objects.filter(survey_id__in=ids).values_list(
        "survey_id", "channel"
    ):
        channels[survey_id].add(channel)
    out = {}
    for survey in surveys:
        result = results[survey.pk]
        scores = {r.element.pk: r.score for r in result.elements}
        weak_ids = pekppp.weak_elements(scores)
        by_id = {r.element.pk: r for r in result.elements}
        out[survey.pk] = SurveyFollowUp(
            result=result,
            weak=[by_id[pk] for pk in weak_ids],
            indicators=pekppp.indicators(
                scores=scores,
                actions=actions[survey.pk],
                period_end=survey.period.end,
                channels=channels[survey.pk],
            ),
        )
    return out


def _check_element(survey: Survey, element) -> None:
    if element.element_set_id != survey.element_set_id:
        raise ValidationError(_("Unsur itu bukan bagian kuesioner survei ini."))


def _check_owner(survey: Survey, owner) -> None:
    if not survey.unit.contains(owner.unit):
        raise ValidationError(
            _("Penanggung jawab harus pegawai unit ini atau unit di bawahnya.")
        )


@transaction.atomic
def follow_up_create(
    *,
    survey: Survey,
    element,
    action: str,
    owner,
    due_on,
    staff_behaviour: bool = False,
    activity=None,
    program=None,
    by,
) -> FollowUp:
    _check_element(survey, element)
    _check_owner(survey, owner)
    follow_up = FollowUp.objects.create(
        survey=survey,
        element=element,
        action=action,
        owner=owner,
        due_on=due_on,
        staff_behaviour=staff_behaviour,
        activity=activity,
        program=program,
        created_by=by,
    )
    audit_record(
        actor=by,
        action="ikm.follow_up_create",
        target=follow_up,
        after={"element": element.code, "action": action, "due_on": str(due_on)},
    )
    return follow_up


@transaction.atomic
def follow_up_update(
    *, follow_up: FollowUp, status: str, done_on=None, evidence: str = "", by
) -> FollowUp:
    if status == FollowUp.Status.DONE and done_on is None:
        raise ValidationError(
            _("Isi tanggal selesai untuk tindak lanjut yang selesai.")
        )
    if status == FollowUp.Status.DONE and not evidence.strip():
        raise ValidationError(_("Isi bukti tindak lanjut yang selesai."))
    before = {"status": follow_up.status, "done_on": str(follow_up.done_on or "")}
    follow_up.status = status
    follow_up.done_on = done_on if status == FollowUp.Status.DONE else None
    follow_up.evidence = evidence
    follow_up.save(update_fields=["status", "done_on", "evidence"])
    audit_record(
        actor=by,
        action="ikm.follow_up_update",
        target=follow_up,
        before=before,
        after={"status": status, "done_on": str(follow_up.done_on or "")},
    )
    return follow_up


@transaction.atomic
def publication_create(
    *, survey: Survey, channel: str, published_on, location: str = "", by
) -> Publication:
    publication = Publication.objects.create(
        survey=survey,
        channel=channel,
        published_on=published_on,
        location=location,
        created_by=by,
    )
    audit_record(
        actor=by,
        action="ikm.publication_create",
        target=publication,
        after={"channel": channel, "published_on": str(published_on)},
    )
    return publication


def follow_ups_remind(*, today=None, days: int = 3) -> int:
    """Notices for open follow-up actions: to the owner when the due date is
    within ``days``, to the heads over the unit once it has passed. Idempotent (a
    notice per action, kind and due date). Returns how many notices were written."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.formats import date_format

    from notices.models import Notice
    from notices.services import notice_create
    from people.selectors import heads_over_unit

    today = today or timezone.localdate()
    open_items = (
        FollowUp.objects.exclude(status=FollowUp.Status.DONE)
        .filter(due_on__lte=today + timedelta(days=days))
        .select_related("survey__unit", "element", "owner__user")
        .order_by("pk")
    )
    before = Notice.objects.count()
    heads: dict[int, list] = {}  # unit id → the heads over it, read once per unit
    for item in open_items.iterator(chunk_size=500):
        survey = item.survey
        link = f"/ikm/unit/{survey.unit_id}/{survey.period}/tindak-lanjut/"
        label = f"{item.element.name} · {survey.unit.name} {survey.period}"
        if item.due_on >= today:
            user = getattr(item.owner, "user", None)
            if user is not None and user.is_active:
                notice_create(
                    recipient=user,
                    kind="ikm.follow_up_due",
                    dedupe_key=f"ikm-follow-up-due:{item.pk}:{item.due_on}",
                    subject=_("Tindak lanjut IKM jatuh tempo %(day)s")
                    % {"day": date_format(item.due_on, "DATE_FORMAT")},
                    body=f"{label}\n{item.action}",
                    link=link,
                )
            continue
        if survey.unit_id not in heads:
            heads[survey.unit_id] = list(heads_over_unit(survey.unit))
        for head in heads[survey.unit_id]:
            notice_create(
                recipient=head,
                kind="ikm.follow_up_overdue",
                dedupe_key=f"ikm-follow-up-overdue:{item.pk}:{item.due_on}:{head.pk}",
                subject=_("Tindak lanjut IKM lewat tenggat"),
                body=f"{label}\n{item.action}",
                link=link,
            )
    return Notice.objects.count() - before
