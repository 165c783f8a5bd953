#!/usr/bin/env bash
# `make bench`: the benchmark of README.md's Performance section, in a fresh database with
# the addon and Odoo's survey (the reference). Prints one table; exits non-zero when a goal
# is missed or the run fails. Not part of `make test`.
source "$(dirname "$0")/common.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/venv.sh"
if ! odoo_tree_found; then
    echo "bench: no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)" >&2
    exit 1
fi
"$(dirname "$0")/system-deps.sh"
database="${BENCH_DB:-hr_exit_interview_bench}"
log="$ADDON_DIR/.dev/bench.log"
mkdir -p "$ADDON_DIR/.dev"
"$(dirname "$0")/dropdb.sh" "$database"
"$(dirname "$0")/odoo.sh" -d "$database" -i hr_exit_interview,survey --without-demo=all \
    --test-enable --test-tags="${BENCH_TAGS:-hr_exit_interview_bench}" --stop-after-init \
    >"$log" 2>&1 && status=0 || status=1
"$VENV/bin/python" "$(dirname "$0")/bench_table.py" "$log" || status=1
exit $status
