"""Who may do what with external development (which programs, nominations,
exchanges and submissions someone sees is ``programs.selectors``).

- BPSDM and administrators run the catalogue, decide nominations, record
  outcomes and exchanges; nobody decides about or records the outcome of their
  own nomination.
- Heads nominate employees of their subtree and send their unit's data; staff
  request a seat for themselves.
- Whoever may see a nomination may withdraw it, except the read-only roles: the
  employee, a head over them, or BPSDM.
- The inspectorate reads every list, detail, export and the demand, and changes
  nothing.
"""

from rules import predicate

from people.permissions import (
    define,
    heads_and_up,
    heads_unit_of_employee,
    in_a_unit,
    is_head,
    is_self,
    is_staff_member,
    runs_province,
    sees_all_units,
)


@predicate
def is_own_nomination(user, nomination) -> bool:
    return nomination is not None and is_self(user, nomination.employee)


@predicate
def heads_nominee(user, nomination) -> bool:
    return nomination is not None and heads_unit_of_employee(user, nomination.employee)


@predicate
def is_own_exchange(user, exchange) -> bool:
    return exchange is not None and is_self(user, exchange.employee)


MANAGE_PROGRAMS = define("programs.manage", runs_province)
#: "Program saya": people with a unit (their own nominations and exchanges).
READ_OWN = define("programs.read_own", in_a_unit)
#: The decision queue and its buttons (which nomination: ``DECIDE_NOMINATION``).
DECIDE = define("programs.decide", runs_province)
DECIDE_NOMINATION = define(
    "programs.decide_nomination", runs_province & ~is_own_nomination
)
#: Record (or clear) the outcome of an approved participant: it credits JP.
COMPLETE_NOMINATION = define(
    "programs.complete_nomination", runs_province & ~is_own_nomination
)
READ_COMPLETION = define("programs.read_completion", sees_all_units)
NOMINATE = define("programs.nominate", is_head)
REQUEST_SEAT = define("programs.request_seat", is_staff_member)
WITHDRAW = define(
    "programs.withdraw", runs_province | is_own_nomination | heads_nominee
)
EXPORT_NOMINATIONS = define("programs.export_nominations", heads_and_up)
REPORT_EXCHANGE = define("programs.report_exchange", runs_province | is_own_exchange)
READ_SUBMISSIONS = define("programs.read_submissions", heads_and_up)
SUBMIT_UNIT_DATA = define("programs.submit_unit_data", is_head)
READ_DEMAND = define("programs.read_demand", sees_all_units)
#: Acknowledge a unit's submission, or return it with a reason.
REVIEW_SUBMISSIONS = define("programs.review_submissions", runs_province)
