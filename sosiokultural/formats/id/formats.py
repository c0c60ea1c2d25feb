# Dates as Indonesian offices write them: "2 Des 2026", "2 Des 2026 14.05".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H.i"
TIME_FORMAT = "H.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
