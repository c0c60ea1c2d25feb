"""Who may do what with an activity they can already see (scoping is in
``activities.selectors``; these answer 403 questions).

- Staff and heads record activities of their unit (a head: of his subtree); the
  province and the inspectorate only read them.
- The recorder edits or deletes their own activity until it is verified; a head
  acts on every activity of his subtree.
- **Nobody decides about themselves.** An activity is *about* its recorder and
  its present (credited) attendees. None of them verifies, rejects or undoes the
  verification of it: a head's recording counts at once only when he is not a
  present attendee; otherwise it waits for another head over the unit (the head
  above), or for BPSDM when there is no such head (``activities.selectors.
  heads_to_decide``).
- A pendekatan personal carries private notes, so only the head who wrote it may
  edit, delete or un-verify it (it credits only the employee approached). Which
  forms are so is declared by each form (``author_only``, ``activities/kinds/``).
"""

from rules import predicate

from activities.models import Activity, Attendance
from people.permissions import (
    active_employee,
    define,
    heads_unit_of,
    in_a_unit,
    is_head,
    runs_province,
)


@predicate
def is_recorder(user, activity: Activity) -> bool:
    return activity is not None and activity.recorded_by_id == user.pk


@predicate
def is_author_only(user, activity: Activity) -> bool:
    """Its form makes the record its author's alone (a pendekatan personal:
    ``author_only`` in ``activities/kinds/``)."""
    kind = activity.kind if activity is not None else None
    return kind is not None and kind.author_only


@predicate
def takes_evidence(user, activity: Activity) -> bool:
    kind = activity.kind if activity is not None else None
    return kind is not None and kind.takes_evidence


@predicate
def is_draft(user, activity: Activity) -> bool:
    return activity is not None and activity.status == Activity.Status.DRAFT


@predicate
def is_submitted(user, activity: Activity) -> bool:
    return activity is not None and activity.status == Activity.Status.SUBMITTED


@predicate
def is_verified(user, activity: Activity) -> bool:
    return activity is not None and activity.status == Activity.Status.VERIFIED


@predicate
def heads_activity_unit(user, activity: Activity) -> bool:
    return activity is not None and heads_unit_of(user, activity.unit)


@predicate
def is_credited(user, activity: Activity) -> bool:
    """The user is a present attendee of ``activity`` (it credits them JP)."""
    own = active_employee(user)
    return (
        activity is not None
        and own is not None
        and Attendance.objects.filter(
            activity=activity, employee=own, status=Attendance.Status.PRESENT
        ).exists()
    )


@predicate
def no_head_to_decide(user, activity: Activity) -> bool:
    """No active head over the activity's unit other than those it is about."""
    from activities.selectors import heads_to_decide

    return activity is not None and not heads_to_decide(activity).exists()


#: The activity is about the user: they recorded it or it credits them.
is_about_self = is_recorder | is_credited
#: Who may decide on an activity (not about themselves): a head over its unit, or
#: the province when no such head is left.
decides = (
    ~is_author_only
    & ~is_about_self
    & (heads_activity_unit | (runs_province & no_head_to_decide))
)
_edits = (is_author_only & is_recorder) | (
    ~is_author_only
    & (
        (is_draft & is_recorder)
        | (~is_draft & (heads_activity_unit | (is_recorder & ~is_verified)))
    )
)

RECORD = define("activities.record", in_a_unit)
RECORD_PERSONAL = define("activities.record_personal", is_head)
#: The verification queue and its buttons (which activity: ``VERIFY``).
DECIDE = define("activities.decide", is_head | runs_province)
VERIFY = define("activities.verify", is_submitted & decides)
REJECT = define("activities.reject", is_submitted & decides)
UNVERIFY = define(
    "activities.unverify",
    is_verified & ((is_author_only & is_recorder) | decides),
)
#: A head's own recording counts at once, unless it credits him.
VERIFY_ON_RECORDING = define(
    "activities.verify_on_recording", heads_activity_unit & ~is_credited
)
EDIT = define("activities.edit", _edits)
DELETE = define("activities.delete", _edits)
SUBMIT = define("activities.submit", is_draft & is_recorder)
# Evidence of a pendekatan personal would be readable by everyone who sees the
# activity, so that form takes no files (its notes are the record).
ADD_EVIDENCE = define("activities.add_evidence", takes_evidence & _edits)


@predicate
def is_coach(user, coaching) -> bool:
    own = active_employee(user)
    return coaching is not None and own is not None and own.pk == coaching.coach_id


@predicate
def heads_coaching_unit(user, coaching) -> bool:
    return coaching is not None and heads_unit_of(user, coaching.unit)


#: The coach and the heads of the coaching's unit subtree close or stop it.
MANAGE_COACHING = define(
    "activities.manage_coaching", in_a_unit & (is_coach | heads_coaching_unit)
)
