#!/usr/bin/env bash
# Drop a database of the project's PostgreSQL and its Odoo filestore.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
ensure_postgres
for database in "$@"; do
    dropdb --if-exists -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$database"
    rm -rf "$ADDON_DIR/.dev/data/filestore/$database"
done
