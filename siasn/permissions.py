from people.permissions import define, heads_and_up, runs_province

#: See the sync status of employees in one's scope and export the XLSX.
VIEW_SYNC = define("siasn.view_sync", heads_and_up)
#: Send completions to SIASN and reconcile (BPSDM holds the credentials).
PUSH = define("siasn.push", runs_province)
