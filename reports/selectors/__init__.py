"""Reads of the reports (split by page); import from here."""

from reports.selectors.aggregate import Filters
from reports.selectors.employee import EmployeeReport, employee_report
from reports.selectors.plans import (
    PlanProgress,
    item_is_done,
    plan_for,
    plan_items,
    plans_progress,
    progress_of,
)
from reports.selectors.province import (
    AggregateReport,
    aggregate_demand,
    aggregate_report,
    aggregate_trend,
)
from reports.selectors.scope import (
    SELF_DEVELOPMENT,
    aggregate_root,
    employee_get_for_user,
    employees_visible_to,
    plan_get_for_user,
    plan_item_get_for_user,
    plans_visible_to,
    report_unit_get_for_user,
    report_units_visible_to,
)
from reports.selectors.unit import UnitReport, unit_export_rows, unit_report

__all__ = [
    "SELF_DEVELOPMENT",
    "AggregateReport",
    "EmployeeReport",
    "Filters",
    "PlanProgress",
    "UnitReport",
    "aggregate_demand",
    "aggregate_report",
    "aggregate_root",
    "aggregate_trend",
    "employee_get_for_user",
    "employee_report",
    "employees_visible_to",
    "item_is_done",
    "plan_for",
    "plan_get_for_user",
    "plan_item_get_for_user",
    "plan_items",
    "plans_progress",
    "plans_visible_to",
    "progress_of",
    "report_unit_get_for_user",
    "report_units_visible_to",
    "unit_export_rows",
    "unit_report",
]
