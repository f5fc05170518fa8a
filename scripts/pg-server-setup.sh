#!/usr/bin/env bash
# Set up a shop's PostgreSQL server for Counterpart, on Debian or Ubuntu, in one command:
#
#   sudo bash scripts/pg-server-setup.sh --till till1 --till till2 --manager office \
#        [--db counterpart] [--listen 192.168.1.0/24] [--no-install]
#
# 1. installs Debian's `postgresql` (server, client, pg_trgm) when missing, and starts the
#    cluster when it is down;
# 2. creates the database (default `counterpart`) when missing, then Counterpart's schema and
#    the group roles `counterpart_till` and `counterpart_admin` (`counterpart db init --print`
#    run by psql in one transaction; a database that already has the schema is left as it is);
# 3. creates one login role per --till (in counterpart_till) and per --manager (in
#    counterpart_admin) with a random password, and prints each one's URL ONCE: put it in that
#    till's options file (`database = ...`); a role that exists keeps its password;
# 4. with --listen CIDR: the server listens on the network and accepts the shop's roles from
#    that network over TLS only (`hostssl ... scram-sha-256` in pg_hba.conf), then restarts.
#
# psql runs as the `postgres` system user (peer authentication) unless PGHOST is set, in
# which case it runs as the caller with libpq's PG* variables (how the tests drive it against
# a throwaway cluster). Idempotent: running it again changes nothing that exists.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_NAME="counterpart"
LISTEN=""
INSTALL=1
TILLS=()
MANAGERS=()
die() { echo "pg-server-setup: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --db) DB_NAME="${2:?--db needs a name}"; shift 2 ;;
        --till) TILLS+=("${2:?--till needs a role name}"); shift 2 ;;
        --manager) MANAGERS+=("${2:?--manager needs a role name}"); shift 2 ;;
        --listen) LISTEN="${2:?--listen needs a network such as 192.168.1.0/24}"; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
ident='^[a-z_][a-z0-9_]{0,62}$'
[[ "$DB_NAME" =~ $ident ]] || die "database name '$DB_NAME': use lower-case letters, digits and _"
for role in "${TILLS[@]}" "${MANAGERS[@]}"; do
    [[ "$role" =~ $ident ]] || die "role name '$role': use lower-case letters, digits and _"
done

if [[ -z "${PGHOST:-}" ]]; then
    [[ $(id -u) -eq 0 ]] || die "run it as root (sudo): it installs packages and acts as postgres"
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        [[ $INSTALL -eq 1 ]] || die "PostgreSQL is not installed (sudo apt-get install postgresql)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq postgresql postgresql-contrib \
            || die "apt-get install postgresql failed"
    fi
    read -r VERSION CLUSTER _ STATUS _ < <(pg_lsclusters --no-header | head -n 1)
    [[ -n "${VERSION:-}" ]] || die "no PostgreSQL cluster found (pg_createcluster)"
    if [[ "$STATUS" != online* ]]; then
        pg_ctlcluster "$VERSION" "$CLUSTER" start || die "the cluster $VERSION/$CLUSTER did not start"
    fi
    psql_admin() { runuser -u postgres -- psql -X -v ON_ERROR_STOP=1 -q "$@"; }
else
    psql_admin() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }
fi

[[ -x .venv/bin/python ]] || bash scripts/setup.sh >&2
python_=.venv/bin/python

exists=$(psql_admin -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
if [[ "$exists" != 1 ]]; then
    psql_admin -d postgres -c "CREATE DATABASE $DB_NAME ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
    echo "pg-server-setup: database $DB_NAME created" >&2
fi
has_schema=$(psql_admin -d "$DB_NAME" -Atc \
    "SELECT 1 FROM information_schema.tables WHERE table_name = 'customers'")
if [[ "$has_schema" != 1 ]]; then
    PYTHONPATH=$PWD "$python_" -m console db init --print \
        | psql_admin -d "$DB_NAME" --single-transaction -f - >/dev/null
    echo "pg-server-setup: schema and roles counterpart_till, counterpart_admin created" >&2
else
    echo "pg-server-setup: $DB_NAME already has Counterpart's schema; left as it is" >&2
fi

host=$(hostname -f 2>/dev/null || hostname)
[[ -n "${PGHOST:-}" ]] && host="${PGHOST}${PGPORT:+:$PGPORT}"
make_role() {  # make_role NAME GROUP
    local found password
    found=$(psql_admin -d postgres -Atc "SELECT 1 FROM pg_roles WHERE rolname = '$1'")
    if [[ "$found" == 1 ]]; then
        psql_admin -d postgres -c "GRANT $2 TO $1"
        echo "pg-server-setup: role $1 exists (its password is unchanged), now in $2" >&2
        return 0
    fi
    password=$("$python_" -c 'import secrets; print(secrets.token_urlsafe(18))')
    psql_admin -d postgres -c "CREATE ROLE $1 LOGIN PASSWORD '$password' IN ROLE $2"
    echo "postgresql://$1:$password@$host/$DB_NAME?sslmode=require"
}
for role in "${TILLS[@]}"; do make_role "$role" counterpart_till; done
for role in "${MANAGERS[@]}"; do make_role "$role" counterpart_admin; done

if [[ -n "$LISTEN" ]]; then
    [[ -z "${PGHOST:-}" ]] || die "--listen changes the system cluster; not with PGHOST"
    hba=$(psql_admin -d postgres -Atc "SHOW hba_file")
    line="hostssl $DB_NAME +counterpart_till,+counterpart_admin $LISTEN scram-sha-256"
    grep -qxF "$line" "$hba" || echo "$line" >>"$hba"
    psql_admin -d postgres -c "ALTER SYSTEM SET listen_addresses = '*'"
    psql_admin -d postgres -c "ALTER SYSTEM SET ssl = on"
    pg_ctlcluster "$VERSION" "$CLUSTER" restart || die "the cluster did not restart"
    echo "pg-server-setup: listening; $LISTEN may connect over TLS with a password" >&2
fi
