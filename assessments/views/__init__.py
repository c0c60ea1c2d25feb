"""Views of competency tests, split by page group."""
