"""Who reads the audit trail: those who see every unit (BPSDM, administrators and
the inspectorate, whose work it is). Nobody writes it through a page."""

from people.permissions import define, sees_all_units

READ_TRAIL = define("audit.read_trail", sees_all_units)
