from people.permissions import define, in_a_unit, is_head

#: A personal feed: anyone with an employee record (their own programs, tests).
PERSONAL_FEED = define("calendars.personal_feed", in_a_unit)
#: A unit feed: heads, for their unit and everything under it.
UNIT_FEED = define("calendars.unit_feed", is_head)
