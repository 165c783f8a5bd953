#!/usr/bin/env bash
# `make run`: a database with the addon and its demo data, served on loopback.
# A second run reuses the database and starts in seconds.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
if ! odoo_tree_found; then
    if [ ! -e "$ODOO_SRC" ] && command -v git >/dev/null 2>&1; then
        log "no Odoo tree at $ODOO_SRC: cloning the 18.0 branch of $ODOO_GIT_URL"
        git clone --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_SRC" \
            || die "could not clone Odoo 18.0 into $ODOO_SRC; clone it yourself and set ODOO_SRC"
    fi
    odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC; set ODOO_SRC (see README.md)"
fi
"$(dirname "$0")/venv.sh"
ensure_postgres
if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB_NAME" -Atqc 'select 1' >/dev/null 2>&1; then
    log "creating the database $DB_NAME with the addon and its demo data"
    "$(dirname "$0")/odoo.sh" -d "$DB_NAME" -i "$ADDON_NAME" --stop-after-init --log-level=warn
fi
# After a change to the addon the database is updated once, else started as it is.
stamp="$ADDON_DIR/.dev/run-$DB_NAME.sha1"
current="$(cd "$ADDON_DIR" && find . -path ./.dev -prune -o -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' -o -name '*.po' -o -name '*.js' \) -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)"
update=()
if [ "$(cat "$stamp" 2>/dev/null)" != "$current" ]; then
    log "the addon changed: updating it in $DB_NAME"
    update=(-u "$ADDON_NAME")
fi
echo "$current" >"$stamp"
log "serving $DB_NAME on http://127.0.0.1:$HTTP_PORT (login admin / admin); Ctrl-C stops"
exec "$(dirname "$0")/odoo.sh" -d "$DB_NAME" --db-filter="^$DB_NAME\$" "${update[@]}"
