#!/usr/bin/env bash
# Load test of the whole application through gunicorn (the README's production
# command), on the demo data and on the synthetic province, one after the other in the
# same run, with the same journeys and the same spread of roles (docs/performance.md,
# "Load test").
#
#   DEMO_DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/sk_demo_lt \
#   PROVINCE_DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/sk_bench \
#   scripts/loadtest.sh
#
# DEMO_DATABASE_URL: a dedicated database; migrated and loaded with seed_demo here.
# PROVINCE_DATABASE_URL: a database holding `bench_reports --employees 100000 …`.
# Either may be left out (DATABASE_URL alone still means the demo database).
# USERS=50 SECONDS_TO_RUN=60 PORT=18081 (the demo; the province on PORT+1),
# WORKERS=4, MIX=staf=70,kepala=20,bpsdm=10, CELERY_BROKER_URL (Redis db 9).
# Figures are also written as JSON to loadtest-demo.json / loadtest-province.json
# in OUT (default: a temporary directory, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO_DATABASE_URL="${DEMO_DATABASE_URL:-${DATABASE_URL:-}}"
PROVINCE_DATABASE_URL="${PROVINCE_DATABASE_URL:-}"
if [ -z "$DEMO_DATABASE_URL$PROVINCE_DATABASE_URL" ]; then
  echo "set DEMO_DATABASE_URL and/or PROVINCE_DATABASE_URL (PostgreSQL)" >&2
  exit 2
fi
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/9}"
export DEBUG=false SECRET_KEY="load-test-only-$(date +%s)-not-for-production"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_COOKIES=false
export LOG_LEVEL=WARNING AXES_FAILURE_LIMIT=1000
# A fresh password for the load test's logins on every run (never a published one).
LOADTEST_PASSWORD="lt-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(18))')"
export LOADTEST_PASSWORD
USERS="${USERS:-50}" SECONDS_TO_RUN="${SECONDS_TO_RUN:-60}" PORT="${PORT:-18081}"
WORKERS="${WORKERS:-4}" MIX="${MIX:-staf=70,kepala=20,bpsdm=10}"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
.venv/bin/python manage.py compilemessages --ignore=.venv -v0
.venv/bin/python manage.py collectstatic --noinput -v0

server=""
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
trap stop_server EXIT

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

run() {  # label database-url port
  local label=$1 url=$2 port=$3 status=0
  echo "-- $label: preparing (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  DATABASE_URL="$url" .venv/bin/python manage.py migrate --noinput -v0
  if [ "$label" = demo ]; then
    DATABASE_URL="$url" .venv/bin/python manage.py seed_demo --force >/dev/null
  fi
  DATABASE_URL="$url" .venv/bin/python manage.py loadtest_users >"$OUT/logins-$label.txt"
  DATABASE_URL="$url" .venv/bin/gunicorn sosiokultural.wsgi --workers "$WORKERS" \
    --bind "127.0.0.1:${port}" --log-level warning &
  server=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:${port}/health/" >/dev/null && break
    sleep 0.2
  done
  echo "-- $label: ${USERS} users for ${SECONDS_TO_RUN} s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  .venv/bin/python scripts/loadtest.py --base "http://127.0.0.1:${port}" \
    --logins "$OUT/logins-$label.txt" --password "$LOADTEST_PASSWORD" \
    --users "$USERS" --seconds "$SECONDS_TO_RUN" --mix "$MIX" --label "$label" \
    --json "$OUT/loadtest-$label.json" &
  local client=$!
  local most
  most=$(connections "$client" "$url")
  wait "$client" || status=$?
  echo "-- $label: at most $most connections to PostgreSQL during the run"
  echo "-- $label: done (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  stop_server
  return $status
}

failed=0
if [ -n "$DEMO_DATABASE_URL" ]; then run demo "$DEMO_DATABASE_URL" "$PORT" || failed=1; fi
if [ -n "$PROVINCE_DATABASE_URL" ]; then
  run province "$PROVINCE_DATABASE_URL" "$((PORT + 1))" || failed=1
fi
if [ -n "$DEMO_DATABASE_URL" ] && [ -n "$PROVINCE_DATABASE_URL" ]; then
  .venv/bin/python - "$OUT" <<'EOF'
import json, sys
demo, province = (json.load(open(f"{sys.argv[1]}/loadtest-{n}.json")) for n in ("demo", "province"))
ratio = province["req_per_s"] / demo["req_per_s"] if demo["req_per_s"] else 0
print(f"province / demo throughput: {province['req_per_s']} / {demo['req_per_s']} = {ratio:.2f}"
      f" (target >= 0.5: {'met' if ratio >= 0.5 else 'MISSED'})")
EOF
fi
echo "figures in $OUT"
exit $failed
