"""Who may read which reports (which employees and units someone sees is
``reports.selectors.scope``): unit reports, the aggregate and its exports are read
by heads (their subtree) and by those who see every unit. What may be done with a
development plan is ``plans.permissions``."""

from people.permissions import define, heads_and_up

READ_UNIT_REPORTS = define("reports.read_units", heads_and_up)
