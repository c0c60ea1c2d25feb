"""Who reads which JP ledger page (the rows are scoped by ``ledger.selectors``):
everyone their own page; a unit's list of who is behind is for heads (their
subtree) and those who see every unit. The ledger is written only by the apps
that credit JP, never through a page."""

from people.permissions import define, heads_and_up

READ_UNIT_LEDGER = define("ledger.read_unit", heads_and_up)
