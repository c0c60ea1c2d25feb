"""Who may do what with competency tests (which windows, attempts and results
someone sees is ``assessments.selectors``).

- BPSDM and administrators keep the item bank and instruments; the inspectorate
  reads them.
- Heads (their subtree) and the province schedule windows, rate attempts and
  release results; only the province re-scores a released result.
- Nobody rates, releases or re-scores their own attempt or result: a head's own
  result is left to the head above or to BPSDM (``heads_employee`` excludes the
  head himself).
- Only the employee takes their own test (``attempt_get_for_taker``: 404 for
  anyone else).
"""

from rules import predicate

from people.permissions import (
    define,
    heads_and_up,
    heads_employee,
    is_bpsdm,
    is_head,
    is_self,
    runs_province,
    sees_all_units,
)


@predicate
def is_own_record(user, record) -> bool:
    """``record`` (an attempt or a result) is about the user."""
    return record is not None and is_self(user, record.employee)


@predicate
def heads_employee_of_record(user, record) -> bool:
    return record is not None and heads_employee(user, record.employee)


@predicate
def is_released(user, result) -> bool:
    return result is not None and result.is_released


EDIT_BANK = define("assessments.edit_bank", runs_province)
READ_BANK = define("assessments.read_bank", sees_all_units)
READ_WINDOWS = define("assessments.read_windows", heads_and_up)
SCHEDULE = define("assessments.schedule", is_head | runs_province)
#: Who rates and releases at all (pages and buttons); which attempt or result is
#: ``RATE_ATTEMPT`` / ``RELEASE_RESULT``.
RATE_AND_RELEASE = define("assessments.rate_and_release", is_head | runs_province)
RATE_ATTEMPT = define(
    "assessments.rate_attempt",
    ~is_own_record & (heads_employee_of_record | runs_province),
)
RELEASE_RESULT = define(
    "assessments.release_result",
    ~is_own_record & (heads_employee_of_record | runs_province),
)
RESCORE = define("assessments.rescore", runs_province)
RESCORE_RESULT = define(
    "assessments.rescore_result", runs_province & is_released & ~is_own_record
)
#: The item analysis of an instrument: read with the bank (the inspectorate too),
#: recomputed by those who keep it.
VIEW_ITEM_ANALYSIS = define("assessments.view_item_analysis", sees_all_units)
REFRESH_ITEM_ANALYSIS = define("assessments.refresh_item_analysis", runs_province)
#: Personality scores are specific personal data (UU 27/2022 PDP): the employee,
#: the assessors (BPSDM) and the heads over the employee, nobody else (not the
#: administrators or the inspectorate). Every read is recorded in the audit trail.
SEE_PERSONALITY = define(
    "assessments.see_personality",
    is_own_record | heads_employee_of_record | is_bpsdm,
)
