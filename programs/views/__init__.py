"""Views of external development, one module per page group."""
