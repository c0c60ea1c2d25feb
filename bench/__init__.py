"""The benchmark of the synthetic province, kept out of the production apps:
building it fast (``loader``, ``province``, ``development``), timing the reports
against hand-written SQL (``timing``, ``rawsql``) and the management commands
that run it (see docs/performance.md)."""
