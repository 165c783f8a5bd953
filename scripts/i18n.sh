#!/usr/bin/env bash
# Regenerate i18n/hr_exit_interview.pot and i18n/nl.po from a database with the addon installed
# and Dutch loaded (never edit the .pot by hand). The addon's own Dutch translations come back
# in nl.po; a new term that Odoo's own modules already translate (inherited fields such as
# "Followers") takes Odoo's wording; the rest comes back empty, to be translated by hand.
source "$(dirname "$0")/common.sh"
database="hrexit_i18n_$$"
# Odoo's export leaves code terms untranslated: keep the previous nl.po to refill them.
previous="$(mktemp)"
cp "$ADDON_DIR/i18n/nl.po" "$previous" 2>/dev/null || true
trap '"$(dirname "$0")/dropdb.sh" "$database"; rm -f "$previous"' EXIT
"$(dirname "$0")/odoo.sh" -d "$database" -i "$ADDON_NAME" --without-demo=all \
    --load-language=nl_NL --stop-after-init --log-level=warn
for target in "$ADDON_NAME.pot" nl.po; do
    language=()
    [ "$target" = nl.po ] && language=(--language=nl_NL)
    "$(dirname "$0")/odoo.sh" -d "$database" --i18n-export="$ADDON_DIR/i18n/$target" \
        --modules="$ADDON_NAME" "${language[@]}" --stop-after-init --log-level=warn
done
"$VENV/bin/python" - "$ADDON_DIR/i18n/nl.po" "$ODOO_SRC" "$previous" <<'PY'
import sys
from pathlib import Path

import polib

po = polib.pofile(sys.argv[1])
previous = {}
if Path(sys.argv[3]).stat().st_size:
    previous = {e.msgid: e.msgstr for e in polib.pofile(sys.argv[3]) if e.msgstr}
for entry in po.untranslated_entries():
    entry.msgstr = previous.get(entry.msgid, "")
odoo_dutch = {}
for module in ("base", "web", "mail", "portal", "calendar", "resource", "hr"):
    for path in Path(sys.argv[2]).glob(f"**/addons/{module}/i18n/nl.po"):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.fuzzy:
                odoo_dutch.setdefault(entry.msgid, entry.msgstr)
for entry in po.untranslated_entries():
    entry.msgstr = odoo_dutch.get(entry.msgid, "")
po.save()
print(f"nl.po: {po.percent_translated()}% translated, {len(po.untranslated_entries())} to do")
PY
