# Make sure a PostgreSQL server answers; sourced after common.sh.
# Uses the server at PGHOST:PGPORT when it accepts PGUSER; otherwise initialises and starts a
# private cluster (loopback only, owned by a non-root user) in an ignored folder of the repo.

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
    command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return; }
    die "no PostgreSQL server programs found: install them with 'apt-get install postgresql'"
}

pg_accepts_login() {
    PGPASSWORD="$PGPASSWORD" psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc 'select 1' >/dev/null 2>&1
}

# Run a command as the private cluster's owner: PostgreSQL refuses to run as root.
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$PG_OS_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_postgres() {
    if pg_accepts_login; then
        export PGHOST PGPORT PGUSER PGPASSWORD
        return
    fi
    PGHOST=127.0.0.1
    PGPORT="$PRIVATE_PG_PORT"
    if ! pg_accepts_login; then
        start_private_cluster
    fi
    export PGHOST PGPORT PGUSER PGPASSWORD
}

start_private_cluster() {
    local bin datadir
    bin="$(pg_bin)"
    PG_OS_USER="${PG_OS_USER:-postgres}"
    if [ "$(id -u)" -eq 0 ]; then
        id "$PG_OS_USER" >/dev/null 2>&1 || die "running as root: PostgreSQL needs a non-root owner; set PG_OS_USER to an existing user"
        mkdir -p "$PRIVATE_PG_DIR"
        # The owner must reach the folder; a repo below a private home falls back to /tmp.
        if ! runuser -u "$PG_OS_USER" -- test -x "$PRIVATE_PG_DIR"; then
            PRIVATE_PG_DIR="/tmp/${ADDON_NAME}-pg-$(printf '%s' "$ADDON_DIR" | sha1sum | cut -c1-8)"
            mkdir -p "$PRIVATE_PG_DIR"
        fi
        chown "$PG_OS_USER" "$PRIVATE_PG_DIR"
    fi
    datadir="$PRIVATE_PG_DIR/data"
    if [ ! -f "$datadir/PG_VERSION" ]; then
        log "initialising a private PostgreSQL cluster in $datadir"
        as_pg_owner "$bin/initdb" -D "$datadir" -U "$PGUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    log "starting the private PostgreSQL cluster on $PGHOST:$PGPORT"
    as_pg_owner "$bin/pg_ctl" -D "$datadir" -l "$PRIVATE_PG_DIR/postgresql.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PRIVATE_PG_DIR -c fsync=off -c full_page_writes=off" >/dev/null \
        || die "the private PostgreSQL cluster did not start; see $PRIVATE_PG_DIR/postgresql.log"
    pg_accepts_login || die "the private PostgreSQL cluster answers but refuses $PGUSER"
}
