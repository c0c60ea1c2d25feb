"""Who may do what with 360 rounds (which rounds someone sees is
``multirater.selectors``). Heads open rounds for their unit and the units under
it, the province for any unit; the inspectorate reads and changes nothing.
Nobody edits who rates themselves."""

from rules import predicate

from people.permissions import (
    define,
    heads_and_up,
    heads_unit_of,
    heads_unit_of_employee,
    is_head,
    is_self,
    runs_province,
)


@predicate
def heads_round_unit(user, round_) -> bool:
    return round_ is not None and heads_unit_of(user, round_.unit)


#: The "open a round" page.
OPEN_ROUND = define("multirater.open_round", is_head | runs_province)
#: Rounds of one's units and their completion (heads and everyone above).
SEE_ROUNDS = define("multirater.see_rounds", heads_and_up)
#: Close a round (its unit's heads, the province).
MANAGE_ROUND = define("multirater.manage_round", runs_province | heads_round_unit)
#: Change who rates ``employee`` (never one's own raters).
EDIT_RATERS = define(
    "multirater.edit_raters", ~is_self & (runs_province | heads_unit_of_employee)
)
