#!/usr/bin/env bash
# Stop the private PostgreSQL cluster (if this checkout started one) and remove .dev/.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
datadir="$PRIVATE_PG_DIR/data"
if [ -f "$datadir/postmaster.pid" ]; then
    PG_OS_USER="${PG_OS_USER:-postgres}"
    as_pg_owner "$(pg_bin)/pg_ctl" -D "$datadir" -m fast stop >/dev/null || true
fi
rm -rf "$ADDON_DIR/.dev"
log "removed $ADDON_DIR/.dev"
