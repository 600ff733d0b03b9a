#!/usr/bin/env bash
# Every test, twice: on SQLite (the embedded default) and on PostgreSQL with Redis (a busy site).
# A leg whose services are not reachable is skipped with a message; with BROADSHEET_CI=1 a skip is a failure.
set -u
cd "$(dirname "$0")/.."
export BROADSHEET_TESTING=1
PG_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
REDIS=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}
REPORTS=$(mktemp -d)
PYTEST=(.venv/bin/pytest -p no:cacheprovider -n 2 --dist loadfile)

reachable() { .venv/bin/python - "$1" <<'PY' 2>/dev/null
import sys
url = sys.argv[1]
if url.startswith("redis"):
    import redis; redis.Redis.from_url(url, socket_connect_timeout=3).ping()
else:
    import psycopg; psycopg.connect(url, connect_timeout=3).close()
PY
}

status=0
skipped=()
echo "== SQLite leg =="
env -u DATABASE_URL -u REDIS_URL "${PYTEST[@]}" --junitxml="$REPORTS/sqlite.xml" "$@" || status=1

if reachable "$PG_URL" && reachable "$REDIS"; then
  echo "== PostgreSQL + Redis leg ($PG_URL, $REDIS) =="
  DATABASE_URL=$PG_URL REDIS_URL=$REDIS "${PYTEST[@]}" --junitxml="$REPORTS/postgresql.xml" "$@" || status=1
else
  echo "!! PostgreSQL leg SKIPPED: PostgreSQL at $PG_URL or Redis at $REDIS is not reachable."
  echo "!! Start them (see docs/operations.md) or set TEST_DATABASE_URL / TEST_REDIS_URL to run it."
  skipped+=(postgresql)
fi

if [ "${BROADSHEET_CI:-}" = "1" ] && [ ${#skipped[@]} -gt 0 ]; then
  echo "CI requires every leg; skipped: ${skipped[*]}"
  status=1
fi
.venv/bin/python tests/summarise_legs.py "$REPORTS"/*.xml || status=1
rm -rf "$REPORTS"
exit $status
