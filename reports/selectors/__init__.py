"""Reads of the reports (split by page); import from here."""

from reports.selectors.aggregate import Filters
from reports.selectors.employee import EmployeeReport, employee_report
from reports.selectors.followup import (
    aggregate_follow_up,
    follow_up_quarter,
    unit_follow_up,
)
from reports.selectors.province import (
    AggregateReport,
    aggregate_demand,
    aggregate_report,
    aggregate_trend,
)
from reports.selectors.scope import (
    aggregate_root,
    report_unit_get_for_user,
    report_units_visible_to,
)
from reports.selectors.unit import UnitReport, unit_export_rows, unit_report

__all__ = [
    "AggregateReport",
    "EmployeeReport",
    "Filters",
    "UnitReport",
    "aggregate_demand",
    "aggregate_follow_up",
    "aggregate_report",
    "aggregate_root",
    "aggregate_trend",
    "employee_report",
    "follow_up_quarter",
    "report_unit_get_for_user",
    "report_units_visible_to",
    "unit_export_rows",
    "unit_follow_up",
    "unit_report",
]
