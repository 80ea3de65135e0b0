#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, listening on
# 127.0.0.1 at a free port only, trust authentication for the user postgres. Exports
# SARABUN_TEST_POSTGRES_URL and stops the server (and deletes its files) when the calling shell exits.
# Usage: source scripts/test-postgres.sh   (after scripts/setup.sh --tests, which installs postgresql)

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bindir/initdb" ]] || { echo "test-postgres: no PostgreSQL server found under /usr/lib/postgresql" >&2; exit 1; }

pg_root=$(mktemp -d /tmp/sarabun-postgres.XXXXXX)
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# initdb refuses to run as root: as root, the cluster belongs to the postgres user Debian's package made.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$pg_root"
  as_owner=(runuser -u postgres --)
fi

stop_test_postgres() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$pg_root/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
}
trap stop_test_postgres EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$pg_root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_root/initdb.log" 2>&1 \
  || { cat "$pg_root/initdb.log" >&2; exit 1; }
# fsync off: the tests kill clients, never this server, and its files are thrown away after.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root -c fsync=off -c max_connections=50" start >/dev/null \
  || { cat "$pg_root/server.log" >&2; exit 1; }
for _ in $(seq 1 60); do
  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.5
done
"$bindir/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "test-postgres: the server does not answer" >&2; cat "$pg_root/server.log" >&2; exit 1; }

export SARABUN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable"
echo "test-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port" >&2
