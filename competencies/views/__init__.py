"""Pages of the framework: ``browse`` (read, every logged-in role), ``edit``
(content of the standard, forms and matrix; BPSDM and administrators) and
``standards`` (versions of the required levels)."""
