"""Who may do what with an activity they can already see (scoping is in
``activities.selectors``; these answer 403 questions).

- A head acts on every activity of their unit subtree (verify, reject, undo a
  verification, edit, delete).
- The recorder edits or deletes their own activity until it is verified.
- A pendekatan personal carries private notes, so only the head who wrote it may
  edit, delete or un-verify it.
"""

from activities.models import FORM_PERSONAL, Activity, Coaching
from people.models import User
from people.selectors import user_employee


def in_head_scope(user: User, activity: Activity) -> bool:
    if not user.is_head:
        return False
    employee = user_employee(user)
    return employee is not None and employee.unit.contains(activity.unit)


def _is_personal(activity: Activity) -> bool:
    return activity.form.code == FORM_PERSONAL


def _own(user: User, activity: Activity) -> bool:
    return activity.recorded_by_id == user.pk


def can_edit(user: User, activity: Activity) -> bool:
    if _is_personal(activity):
        return _own(user, activity)
    if activity.status == Activity.Status.DRAFT:
        return _own(user, activity)
    if in_head_scope(user, activity):
        return True
    return _own(user, activity) and activity.status != Activity.Status.VERIFIED


def can_delete(user: User, activity: Activity) -> bool:
    return can_edit(user, activity)


def can_submit(user: User, activity: Activity) -> bool:
    return activity.status == Activity.Status.DRAFT and _own(user, activity)


def can_verify(user: User, activity: Activity) -> bool:
    return (
        activity.status == Activity.Status.SUBMITTED
        and not _is_personal(activity)
        and in_head_scope(user, activity)
    )


def can_reject(user: User, activity: Activity) -> bool:
    return can_verify(user, activity)


def can_unverify(user: User, activity: Activity) -> bool:
    if activity.status != Activity.Status.VERIFIED:
        return False
    if _is_personal(activity):
        return _own(user, activity)
    return in_head_scope(user, activity)


def can_add_evidence(user: User, activity: Activity) -> bool:
    # Evidence of a pendekatan personal would be readable by everyone who sees the
    # activity, so that form takes no files (its notes are the record).
    return not _is_personal(activity) and can_edit(user, activity)


def can_manage_coaching(user: User, coaching: Coaching) -> bool:
    """The coach and the heads of the coaching's unit subtree close or stop it."""
    employee = user_employee(user)
    if employee is None or user.sees_all_units:
        return False
    if employee.pk == coaching.coach_id:
        return True
    return user.is_head and employee.unit.contains(coaching.unit)
