#!/usr/bin/env bash
# `make load`: the addon under load in prefork mode, through faults, on two servers; see
# README.md's Load section. Not part of `make test`. A fresh database on a PostgreSQL
# cluster of its own (the run restarts it: never the cluster other work uses), a mail
# server that keeps every mail, Odoo with HTTP workers and a cron worker, then locust in
# headless mode, the faults, a second server on the same database and filestore, and one
# table. Exits non-zero when a goal is missed (a goal of time: missed in two runs in a
# row). Loopback only; every loop is bounded.
source "$(dirname "$0")/../common.sh"
PRIVATE_PG_PORT="${LOAD_PG_PORT:-54339}"
PRIVATE_PG_DIR="${LOAD_PG_DIR:-$ADDON_DIR/.dev/pg-load}"
PGHOST=127.0.0.1
PGPORT="$PRIVATE_PG_PORT"
export PRIVATE_PG_PORT PRIVATE_PG_DIR PGHOST PGPORT
source "$(dirname "$0")/../postgres.sh"
cd "$ADDON_DIR"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
scripts="$ADDON_DIR/scripts"

# The figures of a run that fits a machine of 2 cores; README.md says how they scale.
database="${LOAD_DB:-load_hr_exit_interview}"
port_a="${LOAD_HTTP_PORT:-8700}"
port_b=$((port_a + 10))
smtp_port=$((port_a + 25))
employees="${LOAD_EMPLOYEES:-50}"
portal_users="${LOAD_PORTAL_USERS:-8}"
survey_users="${LOAD_SURVEY_USERS:-4}"
run_time="${LOAD_RUN_TIME:-210}"
kill_at="${LOAD_KILL_AT:-70}"
restart_at="${LOAD_RESTART_AT:-130}"
# Odoo's rule of thumb, 2 x CPUs + 1. With 2, two PDFs at once deadlock the server: each
# worker's wkhtmltopdf waits for the report's styles from a worker (README.md, Load).
workers="${LOAD_WORKERS:-$((2 * $(nproc) + 1))}"
# wkhtmltopdf, run by an HTTP worker, fetches the report's styles over HTTP: from the
# workers, a burst of PDFs holds every worker waiting for the styles that only a worker
# serves. Odoo's gevent process serves them
# without a worker (LOAD_REPORT_URL=http://127.0.0.1:$port_a shows the stall).
report_url="${LOAD_REPORT_URL:-http://127.0.0.1:$((port_a + 3))}"
out="$ADDON_DIR/.dev/load"
first_run="$ADDON_DIR/.dev/load-first-run.md"
[ -n "${LOAD_SECOND_RUN:-}" ] || rm -f "$first_run"

# The run's ports are its own: a server of another run or checkout answering on one of
# them would take the load, or the second server's requests, and the table would be
# that server's. Each server also listens on its gevent port, 3 higher.
for port in "$port_a" $((port_a + 3)) "$port_b" $((port_b + 3)) "$smtp_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port on 127.0.0.1 is taken (another make load?): stop what listens there or set LOAD_HTTP_PORT"
    fi
done

"$scripts/venv.sh"
"$scripts/system-deps.sh"
load_venv="$CACHE_DIR/venv-load"
wanted="$(sha1sum <"$scripts/load/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$load_venv/.requirements.sha1" 2>/dev/null)" != "$wanted" ]; then
    log "installing locust and aiosmtpd into $load_venv (once)"
    "$PYTHON" -m venv "$load_venv"
    "$load_venv/bin/pip" install --quiet -r "$scripts/load/requirements.txt" \
        || die "could not install the load tools into $load_venv"
    echo "$wanted" >"$load_venv/.requirements.sha1"
fi

ensure_postgres
datadir="$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc 'show data_directory')"
[ "$(realpath "$datadir")" = "$(realpath "$PRIVATE_PG_DIR/data")" ] \
    || die "the cluster on port $PGPORT is not the load's own ($datadir): the run restarts it"
restart_pg=(pg_ctl -D "$datadir" -l "$PRIVATE_PG_DIR/postgresql.log" -m fast -w -t 60 restart)
restart_pg[0]="$(pg_bin)/pg_ctl"
[ "$(id -u)" -eq 0 ] && restart_pg=(runuser -u "${PG_OS_USER:-postgres}" -- "${restart_pg[@]}")

rm -rf "$out"
mkdir -p "$out/maildir/tmp" "$out/maildir/new" "$out/maildir/cur"
pids=()
descendants() {  # PID: its children, theirs, ...
    local child
    for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done
}
# Stop what this run started, by pid: gracefully, then for good (a worker stuck in
# wkhtmltopdf never ends by itself).
cleanup() {
    local pid all=()
    for pid in "${pids[@]}"; do all+=("$pid" $(descendants "$pid")); done
    [ ${#all[@]} -eq 0 ] && return
    kill "${pids[@]}" 2>/dev/null || true
    for pid in "${pids[@]}"; do timeout 20 tail --pid="$pid" -f /dev/null 2>/dev/null || true; done
    kill -9 "${all[@]}" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() {  # URL SECONDS: until the URL answers 200, or fail
    local deadline=$((SECONDS + $2))
    until curl -fso /dev/null --max-time 5 "$1"; do
        [ $SECONDS -lt $deadline ] || die "$1 did not answer within $2 s"
        sleep 1
    done
}

log "mail server (aiosmtpd) on 127.0.0.1:$smtp_port, keeping every mail in $out/maildir"
"$load_venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" \
    -c aiosmtpd.handlers.Mailbox "$out/maildir" >"$out/smtp.log" 2>&1 &
pids+=($!)
mail=(--smtp=127.0.0.1 --smtp-port="$smtp_port")

log "installing $ADDON_NAME and Odoo's survey (a reference) into a fresh database $database"
"$scripts/dropdb.sh" "$database"
HTTP_PORT="$port_a" "$scripts/odoo.sh" -d "$database" -i "$ADDON_NAME,survey" --without-demo=all \
    --stop-after-init --log-level=warn >"$out/install.log" 2>&1 \
    || die "the install failed; see $out/install.log"

log "setting up $employees departing employees, their mails, the board's reports"
settings="{\"employees\": $employees, \"portal_users\": $portal_users, \"reported\": 10,
    \"survey_users\": $survey_users,
    \"base_url\": \"http://127.0.0.1:$port_a\", \"report_url\": \"$report_url\"}"
LOAD_SETTINGS="$settings" LOAD_SETUP_OUT="$out/setup.json" HTTP_PORT="$port_a" \
    "$scripts/odoo.sh" shell -d "$database" --no-http "${mail[@]}" --log-level=warn \
    <"$scripts/load/setup.py" >"$out/setup.log" 2>&1 \
    || die "the setup failed; see $out/setup.log"

# Prefork: HTTP workers and a cron worker, limits for a 24 GiB machine. The servers
# wake their cron workers when a job is scheduled (two_servers.py schedules them).
# The database is named with -d alone, as a server of one database is set up
# (README.md, "Running it for a larger organisation"): with a --db-filter, Odoo lists
# the databases, on a new PostgreSQL connection, for every request without a session,
# which is every request of the employee's page.
serve() {  # PORT LOG
    ODOO_NOTIFY_CRON_CHANGES=1 HTTP_PORT="$1" "$scripts/odoo.sh" -d "$database" \
        "${mail[@]}" --workers="$workers" --max-cron-threads=1 \
        --limit-memory-soft=$((1536 * 1024 * 1024)) --limit-memory-hard=$((2048 * 1024 * 1024)) \
        --limit-time-cpu=120 --limit-time-real=240 --log-level=info >"$2" 2>&1 &
    pids+=($!)
    disown $!  # cleanup() stops it; bash need not report how
}
log "serving $database in prefork mode on 127.0.0.1:$port_a"
serve "$port_a" "$out/server-a.log"
server_a=${pids[-1]}
wait_for "http://127.0.0.1:$port_a/web/login" 90

users=$((employees + portal_users + survey_users + 4 + 3))
log "locust: $users users for ${run_time} s; a worker is killed at ${kill_at} s, PostgreSQL restarted at ${restart_at} s"
"$load_venv/bin/python" "$scripts/load/faults.py" "$out/faults.json" "http://127.0.0.1:$port_a" \
    "$out/server-a.log" "$server_a" "$kill_at" "$restart_at" -- "${restart_pg[@]}" \
    >"$out/faults.log" 2>&1 &
faults=$!
pids+=($faults)
LOAD_SETUP="$out/setup.json" LOAD_MAILDIR="$out/maildir" LOAD_OUT="$out" LOAD_WORKERS="$workers" \
    "$load_venv/bin/locust" -f "$scripts/load/locustfile.py" --headless --only-summary \
    --host="http://127.0.0.1:$port_a" --users="$users" --spawn-rate=5 \
    --run-time="${run_time}s" --stop-timeout=30 --exit-code-on-error=0 \
    >"$out/locust.log" 2>&1 || log "locust failed; see $out/locust.log"
wait "$faults" || log "a fault did not recover; see $out/faults.json"

log "a second server on 127.0.0.1:$port_b, same database and filestore"
serve "$port_b" "$out/server-b.log"
wait_for "http://127.0.0.1:$port_b/web/login" 90
"$load_venv/bin/python" "$scripts/load/two_servers.py" "$out/setup.json" "$out/maildir" \
    "$out/two_servers.json" "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" \
    "$out/server-a.log" "$out/server-b.log" -- \
    env HTTP_PORT="$port_b" "$scripts/odoo.sh" shell -d "$database" --no-http "${mail[@]}" \
    --log-level=info >"$out/two_servers.log" 2>&1 || log "the two servers' checks failed; see $out/two_servers.log"

# The copies of the answers are mailed by the cron workers, one PDF each: on a busy
# machine some still wait when the load ends. A mail whose sending the PostgreSQL
# restart cut, after its transaction committed, waits in Odoo's mail queue for the
# queue's job (hourly): the job is run now, as its next run would. The table counts
# the mails once sent.
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -Atq >/dev/null <<SQL
UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC' - interval '1 second'
 WHERE id = (SELECT res_id FROM ir_model_data
              WHERE module = 'mail' AND name = 'ir_cron_mail_scheduler_action');
NOTIFY cron_trigger, '$database';
SQL
waiting="SELECT (SELECT count(*) FROM hr_exit_interview
                  WHERE answers_copy_due AND anonymised_on IS NULL)
              + (SELECT count(*) FROM mail_mail WHERE state = 'outgoing'
                  AND (scheduled_date IS NULL OR scheduled_date <= now() AT TIME ZONE 'UTC'))"
deadline=$((SECONDS + 180))
until [ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$database" -Atqc "$waiting")" = 0 ]; do
    [ $SECONDS -lt $deadline ] || { log "copies or mails still waiting after 180 s"; break; }
    sleep 2
done

cleanup
pids=()
status=0
"$VENV/bin/python" "$scripts/load/report.py" "$out" \
    "host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$database" "$workers" \
    || status=$?
# A goal of time missed alone (report.py's MISSED_SPEED_ONLY) may be the noise of a
# shared machine: the whole run is made again once, from a fresh database, and the
# goals are met when that run meets every one. A slower page misses in both runs; a
# goal of correctness missed once fails at once.
if [ "$status" -eq 3 ] && [ -z "${LOAD_SECOND_RUN:-}" ]; then
    cp "$out/table.md" "$first_run"
    log "only goals of time were missed (above; the table in $first_run): measuring again, once, in a run of its own"
    LOAD_SECOND_RUN=1 exec "$scripts/load/load.sh"
fi
[ "$status" -eq 3 ] && log "goals of time missed in two runs in a row (the first: $first_run)"
[ "$status" -eq 0 ] || exit 1
