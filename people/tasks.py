"""Background work of ``people``: the employee import of the upload page."""

from celery import shared_task


@shared_task(name="people.import_employees")
def import_employees(*, import_id: int) -> bool:
    """Run one import job (safe to run twice: only the run that claims it works)."""
    from people.importing import employee_import_run

    return employee_import_run(import_id=import_id)


@shared_task(name="people.import_sweep")
def import_sweep() -> int:
    """Publish the import jobs the broker missed; take over those of dead workers."""
    from people.importing import employee_imports_sweep

    return employee_imports_sweep()
