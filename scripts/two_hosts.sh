#!/usr/bin/env bash
# Two web hosts behind a load balancer, two Celery workers, one beat, one PostgreSQL
# and one Redis; the load test through the balancer; one web host and one worker
# killed (SIGKILL, as a host that dies) in the middle of the run; afterwards, every
# export and notice queued during the run must have completed
# (docs/performance.md, "Two web hosts").
#
#   DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/sk_bench scripts/two_hosts.sh
#
# The two web hosts are gunicorn on two loopback addresses (Linux routes 127/8 to
# lo): WEB1_ADDR=127.0.0.2, WEB2_ADDR=127.0.0.3, WEB_PORT=18083; HAProxy
# (deploy/haproxy.cfg; Debian: apt-get install haproxy) on LB=127.0.0.1:18080.
# USERS=50 SECONDS_TO_RUN=60 WORKERS=2 (gunicorn workers per host), EXPORTS=2
# (background exports asked for 5 s into the run), KILL_WEB_AT=20 KILL_WORKER_AT=30
# (seconds into the run), CHECK_WAIT=480 (seconds to wait for the jobs: a dead
# worker's job is taken over once its 5-minute lease has run out and the sweep,
# every minute, has given it back), CELERY_BROKER_URL (default Redis db 8; use a
# database nothing else consumes). The database must hold the synthetic province
# (bench_reports) or any data with the load test's logins (loadtest_users).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database}"
command -v haproxy >/dev/null || { echo "haproxy is needed (apt-get install haproxy)" >&2; exit 2; }
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/8}"
export DEBUG=false SECRET_KEY="load-test-only-$(date +%s)-not-for-production"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_COOKIES=false
export LOG_LEVEL=WARNING AXES_FAILURE_LIMIT=1000 AXES_PROXY_COUNT=1
LOADTEST_PASSWORD="lt-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(18))')"
export LOADTEST_PASSWORD
USERS="${USERS:-50}" SECONDS_TO_RUN="${SECONDS_TO_RUN:-60}" WORKERS="${WORKERS:-2}"
EXPORTS="${EXPORTS:-2}" KILL_WEB_AT="${KILL_WEB_AT:-20}"
KILL_WORKER_AT="${KILL_WORKER_AT:-30}" CHECK_WAIT="${CHECK_WAIT:-480}"
WEB1_ADDR="${WEB1_ADDR:-127.0.0.2}" WEB2_ADDR="${WEB2_ADDR:-127.0.0.3}"
WEB_PORT="${WEB_PORT:-18083}" LB="${LB:-127.0.0.1:18080}"
MIX="${MIX:-staf=70,kepala=20,bpsdm=10}"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
export MEDIA_ROOT="${MEDIA_ROOT:-$OUT/media}"  # the shared storage of both hosts

pids=()
stop_all() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
kill_host() {  # SIGKILL a process and its children: the host is gone
  local pid=$1
  kill -KILL $(ps -o pid= --ppid "$pid") "$pid" 2>/dev/null || true
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
connections() {  # the most connections to the database seen while $1 runs
  local pid=$1 url=$2 most=0 n
  while kill -0 "$pid" 2>/dev/null; do
    n=$(psql "$url" -Atc "select count(*) from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'" 2>/dev/null || echo 0)
    [ "$n" -gt "$most" ] && most=$n
    sleep 1
  done
  echo "$most"
}

.venv/bin/python manage.py compilemessages --ignore=.venv -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py loadtest_users >"$OUT/logins.txt"

for n in 1 2; do
  addr=$([ $n = 1 ] && echo "$WEB1_ADDR" || echo "$WEB2_ADDR")
  .venv/bin/gunicorn sosiokultural.wsgi --workers "$WORKERS" \
    --bind "${addr}:${WEB_PORT}" --log-level warning 2>"$OUT/web$n.log" &
  pids+=($!)
  eval "web$n=$!"
  .venv/bin/celery -A sosiokultural worker -n "worker$n@%h" --concurrency 2 \
    --loglevel WARNING >"$OUT/worker$n.log" 2>&1 &
  pids+=($!)
  eval "worker$n=$!"
done
.venv/bin/celery -A sosiokultural beat --schedule "$OUT/beat-schedule" \
  --loglevel WARNING >"$OUT/beat.log" 2>&1 &
pids+=($!)
WEB_MAXCONN="$WORKERS" LB_STATS_SOCKET="$OUT/haproxy.sock" LB_BIND="$LB" \
  WEB1="${WEB1_ADDR}:${WEB_PORT}" WEB2="${WEB2_ADDR}:${WEB_PORT}" \
  haproxy -db -f deploy/haproxy.cfg >"$OUT/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do
  curl -sf "http://${WEB1_ADDR}:${WEB_PORT}/health/" >/dev/null \
    && curl -sf "http://${WEB2_ADDR}:${WEB_PORT}/health/" >/dev/null \
    && curl -sf "http://${LB}/health/" >/dev/null && break
  sleep 0.2
done
.venv/bin/python scripts/haproxy_stat.py "$OUT/haproxy.sock" --wait-up 30

since=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
echo "-- ${USERS} users for ${SECONDS_TO_RUN} s through http://${LB} (load: $(load))"
rm -f "$OUT/started"
.venv/bin/python scripts/loadtest.py --base "http://${LB}" --logins "$OUT/logins.txt" \
  --password "$LOADTEST_PASSWORD" --users "$USERS" --seconds "$SECONDS_TO_RUN" \
  --mix "$MIX" --label "two web hosts, one killed" --json "$OUT/two_hosts.json" \
  --exports "$EXPORTS" --started-file "$OUT/started" >"$OUT/loadtest.txt" 2>&1 &
client=$!
connections "$client" "$DATABASE_URL" >"$OUT/connections" &
until [ -s "$OUT/started" ]; do
  kill -0 "$client" 2>/dev/null || break
  sleep 0.2
done
started=$(cat "$OUT/started" 2>/dev/null || date +%s)
at() { sleep "$(.venv/bin/python -c "import time; print(max(0, $started + $1 - time.time()))")"; }
at "$KILL_WEB_AT"
kill_host "$web1"
echo "-- $(date -u +%T) killed web host 1 (${WEB1_ADDR}), ${KILL_WEB_AT} s into the run"
at "$KILL_WORKER_AT"
# The worker to kill is one building an export, when one is (so the takeover of
# its job is shown); otherwise worker 1.
busy=$(.venv/bin/celery -A sosiokultural inspect active --json --timeout 5 2>/dev/null \
  | .venv/bin/python -c 'import json, sys
try:
    active = json.load(sys.stdin)
except ValueError:
    active = {}
print(next((n for n, ts in active.items() if any("export" in t["name"] for t in ts)), ""))' \
  || true)
if [[ "$busy" == worker2@* ]]; then victim=2; else victim=1; fi
eval "kill_host \$worker$victim"
echo "-- $(date -u +%T) killed worker $victim (building an export: ${busy:-none seen}), ${KILL_WORKER_AT} s into the run (load: $(load))"
status=0
wait "$client" || status=$?
cat "$OUT/loadtest.txt"
sleep 1.5
echo "-- at most $(cat "$OUT/connections") connections to PostgreSQL during the run"
echo "-- HAProxy (show stat): sessions, errors, retries, redispatches, state"
.venv/bin/python scripts/haproxy_stat.py "$OUT/haproxy.sock"
echo "-- waiting up to ${CHECK_WAIT} s for the jobs and notices queued since $since (load: $(load))"
.venv/bin/python manage.py loadtest_check --since "$since" --wait "$CHECK_WAIT" || status=1
echo "figures and logs in $OUT"
exit $status
