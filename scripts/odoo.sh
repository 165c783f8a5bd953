#!/usr/bin/env bash
# Run Odoo from ODOO_SRC with the addon on its path, against the project's PostgreSQL.
# Usage: scripts/odoo.sh [shell] [odoo arguments...]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"

odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
"$(dirname "$0")/venv.sh"
ensure_postgres
mkdir -p "$ADDON_DIR/.dev/data"
runner=("$VENV/bin/python")
if [ "${HR_EXIT_COVERAGE:-0}" = 1 ]; then
    runner=("$VENV/bin/coverage" run --data-file="$ADDON_DIR/.dev/coverage.data"
        --source="$ADDON_DIR" --omit="*/tests/*,*/scripts/*,*/.dev/*,*/__manifest__.py")
fi
# The tests load axe-core into the browser (tests/test_accessibility.py): installed here
# with npm, once; without it those tests fail and say why, the others still run.
case " $* " in
    *" --test-enable "* | *" --test-tags"* | *" --test-file"*)
        (node_packages test-tools >/dev/null) \
            || log "axe-core is not installed: the accessibility tests will fail"
        ;;
esac
# Computed apart, so that set -e stops here when the path cannot be built.
addons_path="$(odoo_addons_path)"
subcommand=()
if [ "${1:-}" = shell ]; then subcommand=(shell); shift; fi
# In prefork mode (--workers) Odoo starts its gevent process as `python ARGV0 gevent ...`,
# which needs Odoo's launcher script: from `-m odoo` that process fails at every respawn.
entry=(-m odoo)
for argument in "$@"; do
    [[ "$argument" == --workers=* ]] || continue
    for launcher in "$ODOO_SRC/odoo-bin" "$ODOO_SRC/setup/odoo"; do
        [ -f "$launcher" ] && entry=("$launcher") && break
    done
done
exec "${runner[@]}" "${entry[@]}" "${subcommand[@]}" \
    --addons-path="$addons_path" \
    --data-dir="$ADDON_DIR/.dev/data" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --db_password="$PGPASSWORD" \
    --http-interface=127.0.0.1 --http-port="$HTTP_PORT" \
    --gevent-port=$((HTTP_PORT + 3)) \
    "$@"
