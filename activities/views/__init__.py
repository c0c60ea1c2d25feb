"""Views of internal activities: thin, scope → form → service → redirect/fragment."""
