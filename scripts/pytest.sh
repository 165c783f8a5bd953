#!/usr/bin/env bash
# `make pytest`: the addon's tests under pytest-odoo, as Odoo shops run them. Installs the
# addon into a fresh database (PYTEST_DB, without demo data), then runs
# `pytest --odoo-database=PYTEST_DB --odoo-http` on the tests, or on the files and pytest
# options given (`scripts/pytest.sh tests/test_smoke.py -x`). HttpCase tests and tours run
# against the test's own server on HTTP_PORT; the benchmark (tagged -standard) stays out.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/venv.sh"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
"$(dirname "$0")/system-deps.sh"
ensure_postgres
database="${PYTEST_DB:-hr_exit_interview_pytest}"
addons_path="$(odoo_addons_path)"
# pytest-odoo imports a test as odoo.addons.<folder name>.tests...: pytest runs on the
# link named hr_exit_interview that Odoo's addons path holds, never on the checkout itself.
addon="${addons_path##*,}/$ADDON_NAME"
[ -f "$addon/__manifest__.py" ] || die "$addon is not the addon"
targets=()
options=()
for argument in "$@"; do
    file="${argument%%::*}"
    if [ -e "$file" ] && [ "${argument#-}" = "$argument" ]; then
        targets+=("$addon/$(realpath --relative-to="$ADDON_DIR" "$file")${argument#"$file"}")
    else
        options+=("$argument")
    fi
done
[ ${#targets[@]} -eq 0 ] && targets=("$addon/tests")

mkdir -p "$ADDON_DIR/.dev/data" "$ADDON_DIR/.dev/test-logs"
config="$ADDON_DIR/.dev/pytest-odoo.conf"
cat >"$config" <<CONF
[options]
addons_path = $addons_path
data_dir = $ADDON_DIR/.dev/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
http_interface = 127.0.0.1
http_port = $HTTP_PORT
gevent_port = $((HTTP_PORT + 3))
CONF
# axe-core, which tests/test_accessibility.py loads into the browser.
(node_packages test-tools >/dev/null) \
    || log "axe-core is not installed: the accessibility tests will fail"
"$(dirname "$0")/dropdb.sh" "$database"
log "installing $ADDON_NAME into $database"
"$(dirname "$0")/odoo.sh" -d "$database" -i "$ADDON_NAME" --without-demo=all \
    --stop-after-init --log-level=warn >"$ADDON_DIR/.dev/test-logs/pytest-install.log" 2>&1 \
    || { cat "$ADDON_DIR/.dev/test-logs/pytest-install.log"; die "installing $ADDON_NAME failed"; }
cd "$addon"
export PYTHONPATH="$ADDON_DIR/scripts${PYTHONPATH:+:$PYTHONPATH}"
exec "$VENV/bin/pytest" -p no:cacheprovider -p pytest_odoo_tags -W ignore::DeprecationWarning --odoo-config="$config" --odoo-database="$database" \
    --odoo-http "${options[@]}" "${targets[@]}"
