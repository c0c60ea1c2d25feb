"""Who may do what with IKM surveys (which surveys someone sees is
``surveys.selectors``): heads and the province import and report surveys and set a
unit's population; unit-wide development figures (gaps, JP) are read by heads and
by those who see every unit, never by staff (in a small unit they reveal a
colleague's level)."""

from people.permissions import define, heads_and_up, is_head, runs_province

WRITE_SURVEYS = define("surveys.write", is_head | runs_province)
SEE_DEVELOPMENT = define("surveys.see_development", heads_and_up)
