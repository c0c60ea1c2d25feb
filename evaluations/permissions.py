"""Who may do what with training evaluation (which rows someone sees is
``evaluations.selectors``): a participant answers their own reaction survey;
a head over the employee (never the employee themselves) records the on-the-job
follow-up; heads read the effectiveness report for their scope, BPSDM,
administrators and the inspectorate for every unit."""

from people.permissions import (
    define,
    heads_and_up,
    heads_employee,
    in_a_unit,
    is_head,
)

ANSWER_SURVEYS = define("evaluations.answer_surveys", in_a_unit)
SEE_FOLLOW_UPS = define("evaluations.see_follow_ups", is_head)
#: Which employee: nobody records a follow-up about themselves.
RECORD_FOLLOW_UP = define("evaluations.record_follow_up", heads_employee)
SEE_REPORT = define("evaluations.see_report", heads_and_up)
