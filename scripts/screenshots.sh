#!/usr/bin/env bash
# `make screenshots`: the screenshots of the Apps page (static/description/*.png), taken by
# a real browser (Debian's chromium, driven by Playwright for Python) from a fresh database
# with the addon and its demo data, served on HTTP_PORT. Playwright lives in a virtualenv
# of its own: it needs a newer greenlet than Odoo's pins.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/venv.sh"
"$(dirname "$0")/system-deps.sh"
ensure_postgres
shots_venv="$CACHE_DIR/venv-screenshots"
if [ ! -x "$shots_venv/bin/playwright" ]; then
    log "installing Playwright for Python into $shots_venv (once)"
    "$PYTHON" -m venv "$shots_venv"
    "$shots_venv/bin/pip" install --quiet 'playwright>=1.40,<2'
fi
database="hrexit_screenshots_$$"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    "$(dirname "$0")/dropdb.sh" "$database"
}
trap cleanup EXIT
log "installing $ADDON_NAME with its demo data into $database"
"$(dirname "$0")/odoo.sh" -d "$database" -i "$ADDON_NAME" --stop-after-init --log-level=warn
# The demo's planned interview, its questions open: a personal link for the portal's shot.
portal="$("$(dirname "$0")/odoo.sh" shell -d "$database" --no-http --log-level=error <<'PY'
interview = env.ref("hr_exit_interview.demo_interview_draft")
interview.sudo().write({"state": "invited"})
token = interview._portal_new_token()
env.cr.commit()
print("PORTAL", interview._portal_url(token).split("/", 3)[3])
PY
)"
portal="$(printf '%s\n' "$portal" | sed -n 's/^PORTAL //p')"
[ -n "$portal" ] || die "no personal link for the portal's screenshot"
"$(dirname "$0")/odoo.sh" -d "$database" --db-filter="^$database\$" --log-level=warn \
    >"$ADDON_DIR/.dev/screenshots-server.log" 2>&1 &
server=$!
"$shots_venv/bin/python" "$(dirname "$0")/screenshots.py" \
    "http://127.0.0.1:$HTTP_PORT" "$portal" "$ADDON_DIR/static/description"
