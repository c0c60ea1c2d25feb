from people.permissions import define, runs_province

#: Revoke a certificate (with a reason): BPSDM and administrators.
REVOKE = define("certificates.revoke", runs_province)
