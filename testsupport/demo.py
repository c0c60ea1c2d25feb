"""The demo data for tests: ``seed_demo`` once per test process on the
embedded default, put back from a copy afterwards (``DemoCopies``)."""

import io


class DemoCopies:
    """On the embedded default (an in-memory SQLite test database) the demo is
    seeded once per test process: the database before and after ``seed_demo`` is
    copied aside with SQLite's backup API (as Django's parallel runner clones an
    in-memory database), and every later demo is that copy put back, in
    milliseconds instead of a 15-second seed. On PostgreSQL every demo is seeded."""

    def __init__(self):
        self.before = self.after = None

    @staticmethod
    def usable(connection) -> bool:
        return connection.vendor == "sqlite" and connection.is_in_memory_db()

    @staticmethod
    def _copy(connection):
        import sqlite3

        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy

    @staticmethod
    def _put_back(copy, connection) -> None:
        connection.ensure_connection()
        copy.backup(connection.connection)

    def seed(self, connection) -> None:
        """The demo, committed, in the test database (which holds the migrated
        state)."""
        from django.core.management import call_command

        if not self.usable(connection):
            call_command("seed_demo", stdout=io.StringIO())
        elif self.after is None:
            self.before = self._copy(connection)
            call_command("seed_demo", stdout=io.StringIO())
            self.after = self._copy(connection)
        else:
            self._put_back(self.after, connection)

    def unseed(self, connection) -> None:
        """Back to the migrated state the first ``seed`` found."""
        self._put_back(self.before, connection)


DEMO = DemoCopies()


def seed_demo_data() -> None:
    """``seed_demo`` into the test database, committed (see ``DemoCopies``)."""
    from django.db import connection

    DEMO.seed(connection)
