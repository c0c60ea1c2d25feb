"""Reference content of the framework (Indonesian with English), loaded by
``competencies.demo``. Data, not rules: BPSDM edits all of it in the app."""
