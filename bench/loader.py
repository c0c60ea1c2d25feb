"""Bulk loading for the benchmark: PostgreSQL ``COPY … FROM STDIN`` in batches,
or ``executemany`` elsewhere (SQLite, small runs only).

Rows are dicts keyed by field ``attname``; a field a row leaves out gets the
field's default (``auto_now``/``auto_now_add`` fields: the load's start time).
Primary keys are given by the caller from ``reserve_ids`` so dependent rows can
point at them without reading anything back; ``finish`` moves the id sequences
past them.

``# nosec B608`` marks SQL built with f-strings whose only interpolations are
table and column names taken from model metadata and quoted by the backend
(``connection.ops.quote_name``), integers passed through ``int()``, the
configured time zone name, or fragments built the same way in this module;
every value is a query parameter.
"""

import io
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone

from exports.writer import batches

BATCH = 100_000


def _text(value) -> str:
    """One value in PostgreSQL COPY text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, int, Decimal, float)):
        return str(value)
    if isinstance(value, (list, dict)):
        value = json.dumps(value)
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _sqlite(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        # Django stores aware datetimes on SQLite as naive UTC text.
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return value


class Loader:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.is_postgres = connection.vendor == "postgresql"
        self.next_id: dict[type[models.Model], int] = {}
        self.counts: dict[str, int] = {}

    def reserve_ids(self, model: type[models.Model], count: int) -> range:
        if model not in self.next_id:
            with connection.cursor() as cursor:
                table = connection.ops.quote_name(model._meta.db_table)
                pk = connection.ops.quote_name(model._meta.pk.column)
                cursor.execute(f"SELECT MAX({pk}) FROM {table}")  # nosec B608  # noqa: S608
                self.next_id[model] = (cursor.fetchone()[0] or 0) + 1
        start = self.next_id[model]
        self.next_id[model] = start + count
        return range(start, start + count)

    def _defaults(self, fields) -> dict[str, object]:
        out = {}
        for field in fields:
            if getattr(field, "auto_now", False) or getattr(
                field, "auto_now_add", False
            ):
                out[field.attname] = self.now
            elif field.has_default():
                out[field.attname] = field.get_default()
            elif field.null:
                out[field.attname] = None
            elif (
                field.blank
                and isinstance(field, (models.CharField, models.TextField))
                or isinstance(field, models.FileField)
            ):
                out[field.attname] = ""
        return out

    def load(self, model: type[models.Model], rows: Iterable[dict]) -> int:
        table = connection.ops.quote_name(model._meta.db_table)
        total = 0
        fields = attnames = columns = defaults = None
        for batch in batches(rows, BATCH):
            if fields is None:
                # The database numbers the rows when the caller gives no ids.
                fields = [
                    f
                    for f in model._meta.concrete_fields
                    if not f.primary_key or f.attname in batch[0]
                ]
                defaults = self._defaults(fields)
                attnames = [f.attname for f in fields]
                columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
            values = [
                [row[a] if a in row else defaults[a] for a in attnames] for row in batch
            ]
            if self.is_postgres:
                self._copy(table, columns, values)
            else:
                marks = ", ".join(["%s"] * len(fields))
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # nosec B608  # noqa: S608
                        [[_sqlite(v) for v in line] for line in values],
                    )
            total += len(values)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + total
        return total

    def _copy(self, table: str, columns: str, values: list[list]) -> None:
        buffer = io.StringIO()
        for line in values:
            buffer.write("\t".join(_text(v) for v in line))
            buffer.write("\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {table} ({columns}) FROM STDIN",
                buffer,
            )

    def finish(self) -> None:
        """Move the id sequences past the ids given, and refresh planner
        statistics of the tables loaded."""
        if not self.is_postgres:
            return
        with connection.cursor() as cursor:
            for model in self.next_id:
                table = model._meta.db_table
                pk = model._meta.pk.column
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
                    f"(SELECT COALESCE(MAX({connection.ops.quote_name(pk)}), 1) "
                    f"FROM {connection.ops.quote_name(table)}))",  # nosec B608
                    [table, pk],
                )
            for label in self.counts:
                from django.apps import apps

                table = apps.get_model(label)._meta.db_table
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
