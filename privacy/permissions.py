"""Personal data (UU 27/2022 PDP): who downloads, who anonymises.

- Everyone signed in downloads their own data (``personal_data``).
- BPSDM and administrators anonymise an employee who has left (inactive record);
  nobody anonymises themselves.
"""

from rules import predicate

from people.permissions import define, is_self, is_signed_in, runs_province


@predicate
def has_left(user, employee) -> bool:
    return employee is not None and not employee.is_active


DOWNLOAD_OWN_DATA = define("privacy.download_own_data", is_signed_in)
ANONYMISE = define("privacy.anonymise", runs_province)
ANONYMISE_EMPLOYEE = define(
    "privacy.anonymise_employee", runs_province & ~is_self & has_left
)
