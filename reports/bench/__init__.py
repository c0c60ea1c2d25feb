"""The synthetic province of ``manage.py bench_reports``: building it fast
(``loader``, ``province``) and timing the three reports against hand-written SQL
(``timing``, ``rawsql``)."""
