#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for trying Counterpart on PostgreSQL and for CI.
#
#   scripts/pg-local.sh start    initdb (first time) and start; prints the libpq URL
#   scripts/pg-local.sh url      prints the URL of the running cluster
#   scripts/pg-local.sh status   exit 0 and "running" when it runs, else exit 3 and "stopped"
#   scripts/pg-local.sh halt     stops the server, keeps the cluster (start again: same URL)
#   scripts/pg-local.sh stop     stops the server and removes the cluster folder
#
# The cluster lives in $PG_DIR (default /tmp/counterpart-pg-$UID), listens on a Unix socket
# in that folder and on 127.0.0.1 at a free port, trusts local connections (a throwaway: never
# for a shop's data) and holds one database, `counterpart`. Debian's `postgresql` package is
# installed with apt-get when no initdb is found (as root). PostgreSQL refuses to run as root,
# so as root the server runs as the system user `counterpart-pg` (created when missing).
# Every command is idempotent and quiet: only the URL (or the status) goes to stdout.
# PG_SHARED_BUFFERS (e.g. 1GB) sets the server's shared_buffers for `start`; without it the
# server keeps PostgreSQL's default (128MB), plenty for the tests' small databases. The
# 1,000,000-customer bench reads about 1.1 GB: see the README's "Memory".
set -euo pipefail

PG_DIR="${PG_DIR:-/tmp/counterpart-pg-$(id -u)}"
PG_USER="${PG_USER:-counterpart-pg}"
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-}"
DB_NAME="counterpart"
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"

die() { echo "pg-local: $*" >&2; exit 1; }

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

install_server() {
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL's server is not installed and installing it needs root: sudo apt-get install -y postgresql"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL's server is not installed and this is not a Debian-like system (no apt-get)."
    echo "pg-local: installing Debian's postgresql package..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed."
    apt-get install -y -qq postgresql postgresql-contrib >&2 || die "apt-get install postgresql failed."
}

# as_owner CMD...: run CMD as the cluster's owner (the unprivileged user when we are root).
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_user() {
    [[ $(id -u) -eq 0 ]] || return 0
    id "$PG_USER" >/dev/null 2>&1 && return 0
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$PG_USER" \
        || die "cannot create the system user $PG_USER"
}

free_port() {
    python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

owner_name() { if [[ $(id -u) -eq 0 ]]; then echo "$PG_USER"; else id -un; fi; }

url() {
    [[ -f "$PG_DIR/port" ]] || die "no cluster in $PG_DIR; run: scripts/pg-local.sh start"
    echo "postgresql://$(owner_name)@127.0.0.1:$(cat "$PG_DIR/port")/$DB_NAME"
}

running() {
    local bin
    bin=$(find_bin) || return 1
    [[ -f "$DATA/PG_VERSION" ]] || return 1
    as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    local bin port
    [[ -z "$PG_SHARED_BUFFERS" || "$PG_SHARED_BUFFERS" =~ ^[0-9]+(kB|MB|GB)$ ]] \
        || die "PG_SHARED_BUFFERS must look like 512MB or 1GB, not '$PG_SHARED_BUFFERS'"
    if running; then url; return 0; fi
    bin=$(find_bin) || { install_server; bin=$(find_bin) || die "initdb still missing after installing postgresql"; }
    ensure_user
    mkdir -p "$PG_DIR"
    chmod 700 "$PG_DIR"
    if [[ $(id -u) -eq 0 ]]; then chown "$PG_USER" "$PG_DIR"; fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        as_owner "$bin/initdb" -D "$DATA" -A trust -U "$(owner_name)" -E UTF8 --locale=C --lc-ctype=C.UTF-8 \
            >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed, see $PG_DIR/initdb.log"
    fi
    # the same port as before when the cluster was only halted: the tills' URL stays right
    if [[ -f "$PG_DIR/port" ]]; then port=$(cat "$PG_DIR/port"); else port=$(free_port); fi
    echo "$port" >"$PG_DIR/port"
    local options="-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off"
    [[ -n "$PG_SHARED_BUFFERS" ]] && options+=" -c shared_buffers=$PG_SHARED_BUFFERS"
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "$options" \
        start >/dev/null || die "the server did not start, see $LOG"
    if ! as_owner "$bin/psql" -h "$PG_DIR" -p "$port" -d postgres -Atqc \
            "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
        as_owner "$bin/createdb" -h "$PG_DIR" -p "$port" "$DB_NAME" \
            || die "createdb $DB_NAME failed"
    fi
    url
}

halt() {
    local bin
    if bin=$(find_bin) && [[ -f "$DATA/PG_VERSION" ]]; then
        as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

stop() {
    local bin
    if bin=$(find_bin) && [[ -f "$DATA/PG_VERSION" ]]; then
        as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
}

case "${1:-}" in
    start) start ;;
    halt) halt ;;
    stop) stop ;;
    url) url ;;
    status) if running; then echo running; else echo stopped; exit 3; fi ;;
    *) echo "usage: $0 start|halt|stop|url|status" >&2; exit 2 ;;
esac
