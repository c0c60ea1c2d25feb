#!/usr/bin/env bash
# Serve the app with gunicorn on loopback against PostgreSQL and Redis, load the demo
# data into a dedicated database, and drive the main pages with 50 users for 60 s.
#   DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/sosiokultural_load scripts/loadtest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database for the load test}"
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/14}"
export DEBUG=false SECRET_KEY="load-test-only-$(date +%s)-not-for-production"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_COOKIES=false LOG_LEVEL=WARNING
export AXES_FAILURE_LIMIT=1000
USERS="${USERS:-50}" SECONDS_TO_RUN="${SECONDS_TO_RUN:-60}" PORT="${PORT:-8001}"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py compilemessages --ignore=.venv -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py seed_demo >/dev/null
.venv/bin/gunicorn sosiokultural.wsgi --bind "127.0.0.1:${PORT}" --workers 4 \
  --threads 2 --worker-class gthread --log-level warning &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:${PORT}/health/" >/dev/null && break; sleep 0.2; done
.venv/bin/python scripts/loadtest.py --base "http://127.0.0.1:${PORT}" \
  --users "$USERS" --seconds "$SECONDS_TO_RUN"
