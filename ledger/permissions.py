"""Who reads which JP ledger page (the rows are scoped by ``ledger.selectors``):
everyone their own page; a unit's list of who is behind is for heads (their
subtree) and those who see every unit. The ledger is written only by the apps
that credit JP, never through a page."""

from people.permissions import define, heads_and_up, is_signed_in, runs_province

READ_UNIT_LEDGER = define("ledger.read_unit", heads_and_up)
#: The JP rules (minimum, cap, minutes per JP) are public to every signed-in user;
#: BPSDM and administrators add and withdraw versions.
READ_JP_RULES = define("ledger.read_rules", is_signed_in)
EDIT_JP_RULES = define("ledger.edit_rules", runs_province)
