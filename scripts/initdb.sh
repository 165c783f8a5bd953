#!/usr/bin/env bash
# A fresh database without demo data where MODULES are installed, copied from a cached
# template when one holds exactly those modules at the same source: click-odoo-initdb
# (click-odoo-contrib, scripts/test-tools/requirements.txt) keeps the templates as the
# databases named hrexit-*, the 3 last used. The test tiers then install the addon there.
# Usage: scripts/initdb.sh DATABASE MODULES
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
[ $# -eq 2 ] || die "usage: $0 DATABASE MODULES"
"$(dirname "$0")/venv.sh"
ensure_postgres
tools="$(python_tools test-tools)"
site="$("$tools/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
mkdir -p "$ADDON_DIR/.dev/data"
config="$ADDON_DIR/.dev/initdb.conf"
cat >"$config" <<CONF
[options]
data_dir = $ADDON_DIR/.dev/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
CONF
addons_path="$(odoo_addons_path)"
# Odoo's interpreter and libraries, the tool's packages after them.
exec "$VENV/bin/python" -c \
    'import sys; sys.path.append(sys.argv.pop(1)); from click_odoo_contrib.initdb import main; main()' \
    "$site" -c "$config" --addons-path="$addons_path" --log-level=info \
    -n "$1" -m "$2" --no-demo --cache-prefix=hrexit --cache-max-size=3
